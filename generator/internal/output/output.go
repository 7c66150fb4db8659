// Package output publishes a build atomically. A build writes into a
// staging folder beside the output folder (same file system), and Commit
// puts it in place of the output folder. What a reader, and a build that
// is killed or fails, can see depends on the system:
//
//   - Linux: one renameat2(2) with RENAME_EXCHANGE swaps the two folders.
//     Readers and a killed build only ever see the complete old tree or
//     the complete new one.
//   - macOS: one renamex_np(2) with RENAME_SWAP does the same, with the
//     same guarantee.
//   - Windows and any other system (and Linux built with the tag
//     "portable", which CI uses to test this path): two renames, the old
//     tree aside as ".<out>.previous-*", then the new tree in place. For
//     the moment between them the output folder does not exist: a reader
//     gets "not found", never a mix of trees. A build that fails there
//     renames the old tree back. A build killed there leaves the old tree
//     beside the output folder, and the next build puts it back before
//     anything else. On Windows a folder with a file open in
//     another program cannot be renamed: each rename is retried for a
//     while (see Rename), and a build that still cannot swap fails with
//     the old output in place.
//
// On every system a build that fails before Commit leaves the output
// folder untouched, and Lock keeps two builds (or a build and serve) of
// the same output folder from running at once.
//
// The previous tree is not deleted after the swap: it stays beside the
// output folder as a staging leftover (".public.staging-*"), and the next
// build recycles it as its staging folder. Overwriting a file in place
// costs a fraction of deleting it and creating it again (a folder and a
// file per page), and deleting tens of thousands of files would otherwise
// be the slowest step of a build. A recycled tree is made exact before the
// swap: Expect names every file of the new tree, and a sweep removes every
// other file and folder while the pages are being written. The price is a
// second copy of the site on disk. A leftover of a killed or failed build
// is recycled the same way; any further leftovers are removed.
//
// Modification times (stamp.go): a file whose bytes equal those of the
// file at the same path in the previous output keeps that file's time,
// so that rsync and a web server's ETag and Last-Modified see it as
// unchanged; the recycled tree is the output of two builds before, so
// the previous output is read for this. A new or changed file gets the
// time of the build, or SOURCE_DATE_EPOCH (SetSourceDate), which then
// also stamps every folder and bounds every time from above.
//
// Write is safe for concurrent use; folders are created once. Files are
// opened beneath the staging folder only (openat2(2) with RESOLVE_BENEATH
// on Linux, os.Root elsewhere), so a link planted in an old tree cannot
// redirect a write outside the staging folder.
//
// Beside the staged build, Replace and Remove (live.go) change single
// files of a published folder in place, each in one rename: how the
// preview server updates the folder it serves. CheckOut (place.go)
// refuses an output folder that would put the sources at risk.
//
// The portable logic is in output.go; tree_*.go open, list and remove
// files beneath the staging folder, swap_*.go swap the folders, lock_*.go
// lock the output folder and transient_*.go tell which failures of a
// rename Rename retries, each per system.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"portal/generator/internal/diag"
)

// stagingPrefix names staging folders: ".<out>.staging-<random>".
func stagingPrefix(out string) string {
	return "." + filepath.Base(out) + ".staging-"
}

// previousPrefix names the previous tree while the portable swap has put
// it aside: ".<out>.previous-<random>".
func previousPrefix(out string) string {
	return "." + filepath.Base(out) + ".previous-"
}

// fileMode and dirMode are the modes of every file and folder of the
// output, whatever the umask of the build: a web server running as
// another user reads them, and the same sources give the same tree.
const (
	fileMode = 0o644
	dirMode  = 0o755
)

// unremovablePrefix names a recycled tree that held files a build could
// not remove, set aside so that no build recycles it again:
// ".<out>.unremovable-<random>".
func unremovablePrefix(out string) string {
	return "." + filepath.Base(out) + ".unremovable-"
}

// Stage is a build in progress.
type Stage struct {
	out, dir string
	root     *tree // dir, opened to create files beneath it
	old      bool  // dir was recycled: most folders exist already
	lock     *Locked
	// prev is the previous output (out as Begin found it), opened to read
	// it, or nil when there is none: a file that holds the same bytes
	// there keeps its modification time (see stamp).
	prev *tree
	// epoch is SOURCE_DATE_EPOCH (SetSourceDate), or zero.
	epoch time.Time

	mu        sync.Mutex
	recycled  bool            // dir holds an earlier tree, not swept yet
	written   map[string]bool // files written, while recycled and not swept
	dirs      map[string]bool // folders known to exist in dir ("" is dir)
	files     int
	bytes     int64
	unchanged int  // files of a recycled tree that already held their bytes
	diskFull  bool // a write found the disk full
	bufs      sync.Pool

	sweep    sync.WaitGroup
	sweepErr error
}

// Begin locks out (see Lock) and prepares a staging folder for it: the
// leftover of an earlier build when there is one (see the package
// comment), else a new folder. The lock is held until Commit or Abort.
func Begin(out string) (*Stage, error) { return beginThen(out, nil) }

// beginThen is Begin, which resolves out once (target): the folder it
// locks is the folder it stages beside and swaps. resolved, when not
// nil, is called with that folder between the two steps, where a test
// changes what the path names.
func beginThen(out string, resolved func(folder string)) (*Stage, error) {
	out, err := target(out)
	if err != nil {
		return nil, err
	}
	if resolved != nil {
		resolved(out)
	}
	lock, err := lockTarget(out) // makes the parent folder
	if err != nil {
		return nil, err
	}
	s, err := begin(out)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	s.lock = lock
	return s, nil
}

// target is out, or the folder it names when out is a symbolic link (a
// deployment's public/ linked to /srv/www/portal): the swap replaces that
// folder and leaves the link in place, so a web server serving either
// path sees the new tree. A swap of the link itself would put a folder
// in its place, leave the folder it named as it was, and the next build
// would delete the link.
func target(out string) (string, error) {
	out = filepath.Clean(out)
	info, err := os.Lstat(out)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return out, nil
	}
	real, err := filepath.EvalSymlinks(out)
	if err != nil {
		return "", causedError{diag.M(diag.OutLinkUnreachable, filepath.ToSlash(out)), err}
	}
	return real, nil
}

func begin(out string) (*Stage, error) {
	parent := filepath.Dir(out)
	if err := restore(out); err != nil {
		return nil, err
	}
	s := &Stage{out: out, dirs: map[string]bool{"": true}}
	s.bufs.New = func() any { b := make([]byte, compareChunk+1); return &b }
	leftovers, _ := filepath.Glob(filepath.Join(parent, stagingPrefix(out)+"*"))
	previous, _ := filepath.Glob(filepath.Join(parent, previousPrefix(out)+"*"))
	for _, m := range append(leftovers, previous...) {
		if s.dir == "" {
			// Renaming claims the folder: of two builds that start at
			// once, only one gets it (the lock makes that sure twice).
			name := filepath.Join(parent, stagingPrefix(out)+strconv.FormatUint(uint64(rand.Uint32()), 10))
			if info, err := os.Lstat(m); err == nil && info.IsDir() && claim(m, name) == nil {
				s.dir, s.old, s.recycled = name, true, true
				s.written = map[string]bool{}
				continue
			}
		}
		os.RemoveAll(m)
	}
	// Trees set aside (see setAside) go once they can.
	unremovable, _ := filepath.Glob(filepath.Join(parent, unremovablePrefix(out)+"*"))
	for _, m := range unremovable {
		os.RemoveAll(m)
	}
	if s.dir == "" {
		dir, err := os.MkdirTemp(parent, stagingPrefix(out))
		if err != nil {
			return nil, err
		}
		s.dir = dir
	}
	if err := os.Chmod(s.dir, dirMode); err != nil {
		return nil, err
	}
	root, err := openTree(s.dir)
	if err != nil {
		return nil, err
	}
	root.fixModes = umaskStrips(s.dir)
	s.root = root
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		// Without it every file is new: the build still works.
		s.prev, _ = openTree(out)
	}
	return s, nil
}

// restore puts back the previous tree of out when a build was killed
// between the two renames of the portable swap and out is missing. The
// caller holds the lock of out. Systems with an atomic swap never leave
// such a tree.
func restore(out string) error {
	out = filepath.Clean(out)
	previous, _ := filepath.Glob(filepath.Join(filepath.Dir(out), previousPrefix(out)+"*"))
	if len(previous) == 0 {
		return nil
	}
	if _, err := os.Lstat(out); !errors.Is(err, os.ErrNotExist) {
		return nil // out is there: the previous trees are leftovers
	}
	for _, p := range previous {
		if info, err := os.Lstat(p); err == nil && info.IsDir() {
			if err := Rename(p, out); err != nil {
				return fmt.Errorf("put the previous %s back: %w", out, err)
			}
			return nil
		}
	}
	return nil
}

// Expect names every file the build will write (slash-separated paths).
// In a recycled folder it starts the sweep of everything else, which runs
// while the files are written; Commit waits for it. Without Expect, a
// recycled folder is emptied by Commit's sweep of everything not written.
func (s *Stage) Expect(paths []string) {
	s.mu.Lock()
	recycled := s.recycled
	s.recycled, s.written = false, nil // swept once
	s.mu.Unlock()
	if !recycled {
		return
	}
	files := make(map[string]bool, len(paths))
	dirs := map[string]bool{}
	for _, p := range paths {
		files[p] = true
		for d := parentOf(p); d != "" && !dirs[d]; d = parentOf(d) {
			dirs[d] = true
		}
	}
	s.sweep.Go(func() { s.sweepErr = s.sweepTree(files, dirs) })
}

func parentOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// full is the path of rel in the staging folder, for messages.
func (s *Stage) full(rel string) string {
	return filepath.Join(s.dir, filepath.FromSlash(rel))
}

// entry is a name in a folder of the staging tree.
type entry struct {
	name string
	dir  bool // a folder, not a link to one
}

// Write writes a file at rel, a slash-separated path inside the output.
func (s *Stage) Write(rel string, data []byte) error {
	err := s.write(rel, data)
	if err != nil && noSpace(err) {
		s.mu.Lock()
		s.diskFull = true
		s.mu.Unlock()
	}
	return err
}

func (s *Stage) write(rel string, data []byte) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	dir := parentOf(rel)
	s.mu.Lock()
	known := s.dirs[dir]
	s.mu.Unlock()
	if !known && !s.old {
		if err := s.mkdir(dir); err != nil {
			return err
		}
		known = true
	}
	err := s.writeFile(rel, data)
	if errors.Is(err, os.ErrNotExist) && !known {
		// In a recycled tree most folders exist: make them only when
		// the file cannot be created.
		if err := s.mkdir(dir); err != nil {
			return err
		}
		known = true
		err = s.writeFile(rel, data)
	}
	if err != nil {
		// Something of the wrong type is in the way in a recycled tree:
		// a folder or a link where the file goes, or a file or a link
		// where one of its folders goes.
		if e := s.clear(rel); e == nil {
			if dir != "" {
				s.mu.Lock()
				delete(s.dirs, dir)
				s.mu.Unlock()
				if e := s.mkdir(dir); e != nil {
					return e
				}
			}
			err = s.writeFile(rel, data)
		}
	}
	if err != nil {
		return &os.PathError{Op: "write", Path: s.full(rel), Err: unwrapPath(err)}
	}
	s.mu.Lock()
	if !known {
		s.dirs[dir] = true
	}
	s.files++
	s.bytes += int64(len(data))
	if s.written != nil {
		s.written[rel] = true
	}
	s.mu.Unlock()
	return nil
}

// unwrapPath drops a *os.PathError around err: Write names the full path.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// file is a file open beneath the staging folder.
type file interface {
	io.ReaderAt
	io.WriterAt
	Close() error
	stat() (fileStat, error)
	truncate(size int64) error
}

// writeFile creates rel beneath the staging folder, refusing to follow
// any symbolic link, and writes data to it. In a recycled tree a file
// that already holds data is left alone (write if changed): comparing
// costs a read from the page cache, writing costs block allocation and
// journalling. Then stamp gives the file its modification time.
func (s *Stage) writeFile(rel string, data []byte) error {
	f, err := s.root.create(rel, s.old)
	if err != nil {
		return err
	}
	same := false
	var st fileStat
	if s.old {
		same, err = s.update(f, data)
		if err == nil && same {
			st, err = f.stat()
		}
	} else {
		_, err = f.WriteAt(data, 0)
	}
	// Closed before its times are set: Windows may set the time of the
	// last write when a handle that wrote closes.
	if e := f.Close(); err == nil {
		err = e
	}
	if err != nil {
		return err
	}
	if same {
		s.mu.Lock()
		s.unchanged++
		s.mu.Unlock()
	}
	return s.stamp(rel, data, same, st.mod)
}

// clear removes whatever of the wrong type is in the way of rel: a
// folder or link at rel itself, or a file or link in place of one of its
// folders. It reports an error when nothing was in the way.
func (s *Stage) clear(rel string) error {
	parts := strings.Split(rel, "/")
	for i := range parts {
		p := s.full(strings.Join(parts[:i+1], "/"))
		info, err := os.Lstat(p)
		if err != nil {
			break // missing: the folders will be made
		}
		last := i == len(parts)-1
		if (last && !info.Mode().IsRegular()) || (!last && !info.IsDir()) {
			return os.RemoveAll(p)
		}
	}
	return errors.New("nothing in the way")
}

// Files returns how many files and bytes were written.
func (s *Stage) Files() (int, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files, s.bytes
}

// Unchanged returns how many of the files written were already in the
// recycled tree with the same bytes, and so were not written again.
func (s *Stage) Unchanged() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unchanged
}

// mkdir makes the folder rel and its parents, each with one mkdir(2) at
// most.
func (s *Stage) mkdir(rel string) error {
	parent := parentOf(rel)
	s.mu.Lock()
	known := s.dirs[parent]
	s.mu.Unlock()
	if !known {
		if err := s.mkdir(parent); err != nil {
			return err
		}
	}
	if err := s.root.mkdir(rel); err != nil && !errors.Is(err, os.ErrExist) {
		return &os.PathError{Op: "mkdir", Path: s.full(rel), Err: unwrapPath(err)}
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
	for part := range strings.SplitSeq(rel, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Errorf("output path %q is not clean", rel)
		}
	}
	return nil
}

// Commit makes the staged tree the output folder (see the package comment
// for how atomically on each system) and unlocks it. The previous tree
// stays beside it as a staging leftover, which the next build recycles.
func (s *Stage) Commit() error {
	defer s.close()
	s.mu.Lock()
	written := s.written
	s.mu.Unlock()
	if written != nil {
		// Expect was not called: keep what was written.
		s.Expect(slices.Collect(maps.Keys(written)))
	}
	s.sweep.Wait()
	if s.sweepErr != nil {
		return s.setAside()
	}
	if err := s.stampDirs(); err != nil {
		return err
	}
	// The staging folder must be closed before it is renamed on Windows.
	s.closeRoot()
	_, err := os.Lstat(s.out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		err = Rename(s.dir, s.out)
	case err != nil:
		return err
	default:
		if err = swap(s.dir, s.out); err != nil {
			err = fmt.Errorf("swap %s into place: %w", s.out, err)
		}
		// s.dir now holds the previous tree: the next build recycles it.
	}
	if err == nil && !s.epoch.IsZero() {
		// The rename may have touched the folder itself.
		err = os.Chtimes(s.out, s.epoch, s.epoch)
	}
	return err
}

// setAside renames a recycled staging folder that the sweep could not
// make exact (a file in it that the build may not remove) out of the way
// of later builds, which would otherwise recycle it and fail the same way
// every time, and returns the error of the build.
func (s *Stage) setAside() error {
	s.closeRoot()
	dir := filepath.ToSlash(s.dir)
	aside := filepath.Join(filepath.Dir(s.out), unremovablePrefix(s.out)+strconv.FormatUint(uint64(rand.Uint32()), 10))
	if Rename(s.dir, aside) != nil {
		return causedError{diag.M(diag.OutStagingUnclean, dir), s.sweepErr}
	}
	return causedError{diag.M(diag.OutSetAside, dir, filepath.ToSlash(aside)), s.sweepErr}
}

// Abort gives up the build: the output folder is untouched, and the
// staged tree stays behind as a leftover that the next build recycles,
// unless the disk is full: then it is removed, and the disk has the
// space it had before the build.
func (s *Stage) Abort() {
	s.sweep.Wait()
	s.closeRoot()
	s.mu.Lock()
	full := s.diskFull
	s.mu.Unlock()
	if full {
		os.RemoveAll(s.dir)
	}
	s.close()
}

func (s *Stage) close() {
	s.closeRoot()
	if s.lock != nil {
		s.lock.Unlock()
		s.lock = nil
	}
}

func (s *Stage) closeRoot() {
	if s.root != nil {
		s.root.close()
		s.root = nil
	}
	if s.prev != nil {
		s.prev.close()
		s.prev = nil
	}
}

// causedError is an error of the output folder in the catalog's words,
// msg, which the program prints in the language of its messages, and
// the error of the system that caused it, cause, as the system says it:
// "msg: cause".
type causedError struct {
	msg   diag.Message
	cause error
}

func (e causedError) Error() string   { return e.msg.Error() + ": " + e.cause.Error() }
func (e causedError) Unwrap() []error { return []error{e.msg, e.cause} }
