// Package output publishes a build atomically. A build writes into a
// staging folder beside the output folder (same file system), and Commit
// swaps the two in one rename(2) with RENAME_EXCHANGE, so readers and a
// killed build only ever see the complete old tree or the complete new one.
// Leftover staging folders of killed builds are removed by the next build.
//
// Write is safe for concurrent use; folders are created once.
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// stagingPrefix names staging folders: ".<out>.staging-<random>".
func stagingPrefix(out string) string {
	return "." + filepath.Base(out) + ".staging-"
}

// Stage is a build in progress.
type Stage struct {
	out, dir string
	mu       sync.Mutex
	dirs     map[string]bool
	files    int
	bytes    int64
}

// Begin removes leftover staging folders of out and creates a new one.
func Begin(out string) (*Stage, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	Clean(out)
	dir, err := os.MkdirTemp(parent, stagingPrefix(out))
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	return &Stage{out: out, dir: dir, dirs: map[string]bool{"": true}}, nil
}

// Clean removes staging folders left by builds that were killed.
func Clean(out string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(out), stagingPrefix(out)+"*"))
	for _, m := range matches {
		os.RemoveAll(m)
	}
}

// Dir is the staging folder.
func (s *Stage) Dir() string { return s.dir }

// Write writes a file at rel, a slash-separated path inside the output.
func (s *Stage) Write(rel string, data []byte) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	if err := s.mkdir(filepath.Dir(filepath.FromSlash(rel))); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.dir, filepath.FromSlash(rel)), data, 0o644); err != nil {
		return err
	}
	s.mu.Lock()
	s.files++
	s.bytes += int64(len(data))
	s.mu.Unlock()
	return nil
}

// Files returns how many files and bytes were written.
func (s *Stage) Files() (int, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files, s.bytes
}

func (s *Stage) mkdir(rel string) error {
	if rel == "." {
		return nil
	}
	s.mu.Lock()
	done := s.dirs[rel]
	s.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(s.dir, rel), 0o755); err != nil {
		return err
	}
	s.mu.Lock()
	s.dirs[rel] = true
	s.mu.Unlock()
	return nil
}

// checkRel refuses paths that would leave the output folder.
func checkRel(rel string) error {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") {
		return fmt.Errorf("output path %q is not relative", rel)
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Errorf("output path %q is not clean", rel)
		}
	}
	return nil
}

// Commit makes the staged tree the output folder in one atomic step and
// removes the previous tree.
func (s *Stage) Commit() error {
	_, err := os.Lstat(s.out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.Rename(s.dir, s.out)
	case err != nil:
		return err
	}
	if err := unix.Renameat2(unix.AT_FDCWD, s.dir, unix.AT_FDCWD, s.out, unix.RENAME_EXCHANGE); err != nil {
		return fmt.Errorf("swap %s into place: %w", s.out, err)
	}
	// s.dir now holds the previous tree.
	return os.RemoveAll(s.dir)
}

// Abort discards the staged tree; the output folder is untouched.
func (s *Stage) Abort() { os.RemoveAll(s.dir) }
