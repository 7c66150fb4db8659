// Package output publishes a build atomically. A build writes into a
// staging folder beside the output folder (same file system), and Commit
// swaps the two in one rename(2) with RENAME_EXCHANGE, so readers and a
// killed build only ever see the complete old tree or the complete new one.
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
// Write is safe for concurrent use; folders are created once. Files are
// opened without following symbolic links, so a link planted in an old
// tree cannot redirect a write outside the staging folder.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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
	root     int  // file descriptor of dir, for openat2 beneath it
	old      bool // dir was recycled: most folders exist already

	mu        sync.Mutex
	recycled  bool            // dir holds an earlier tree, not swept yet
	written   map[string]bool // files written, while recycled and not swept
	dirs      map[string]bool // folders known to exist in dir
	files     int
	bytes     int64
	unchanged int // files of a recycled tree that already held their bytes
	bufs      sync.Pool

	sweep    sync.WaitGroup
	sweepErr error
}

// Begin prepares a staging folder for out: the leftover of an earlier
// build when there is one (see the package comment), else a new folder.
func Begin(out string) (*Stage, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	s := &Stage{out: out, dirs: map[string]bool{".": true}}
	s.bufs.New = func() any { return new([]byte) }
	leftovers, _ := filepath.Glob(filepath.Join(parent, stagingPrefix(out)+"*"))
	for _, m := range leftovers {
		if s.dir == "" {
			// Renaming claims the folder: of two builds that start at
			// once, only one gets it.
			name := filepath.Join(parent, stagingPrefix(out)+strconv.FormatUint(uint64(rand.Uint32()), 10))
			if info, err := os.Lstat(m); err == nil && info.IsDir() && claim(m, name) == nil {
				s.dir, s.old, s.recycled = name, true, true
				s.written = map[string]bool{}
				continue
			}
		}
		os.RemoveAll(m)
	}
	if s.dir == "" {
		dir, err := os.MkdirTemp(parent, stagingPrefix(out))
		if err != nil {
			return nil, err
		}
		s.dir = dir
	}
	dir := s.dir
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	s.root = fd
	return s, nil
}

// claim renames the folder from to the new name to, which must not exist.
func claim(from, to string) error {
	err := unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
	if err == unix.EINVAL || err == unix.ENOSYS {
		err = unix.Rename(from, to) // a file system without RENAME_NOREPLACE
	}
	return err
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
	s.sweep.Go(func() { s.sweepErr = s.sweepDir("", files, dirs) })
}

func parentOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// sweepDir removes, under rel, every entry that is neither an expected
// file nor a folder of one. An entry of the wrong type (a folder where a
// file is expected, a link) is left to Write, which replaces it.
func (s *Stage) sweepDir(rel string, files, dirs map[string]bool) error {
	return s.sweepAt(unix.AT_FDCWD, s.dir, rel, files, dirs, make([]byte, 32<<10))
}

// sweepAt sweeps the folder name (opened relative to the folder dirfd),
// which is rel in the tree. It reads the folder with getdents(2) on a
// descriptor opened from its parent's, which costs half the system calls
// and path lookups of os.ReadDir on the full path.
func (s *Stage) sweepAt(dirfd int, name, rel string, files, dirs map[string]bool, buf []byte) error {
	fd, err := unix.Openat(dirfd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	if err != nil {
		return &os.PathError{Op: "open", Path: filepath.Join(s.dir, filepath.FromSlash(rel)), Err: err}
	}
	defer unix.Close(fd)
	type entry struct {
		name string
		typ  byte
	}
	var ents []entry
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return &os.PathError{Op: "readdir", Path: filepath.Join(s.dir, filepath.FromSlash(rel)), Err: err}
		}
		if n <= 0 {
			break
		}
		for b := buf[:n]; len(b) >= 19; {
			// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
			reclen := int(b[16]) | int(b[17])<<8
			if reclen < 19 || reclen > len(b) {
				break
			}
			nm := b[19:reclen]
			if i := bytes.IndexByte(nm, 0); i >= 0 {
				nm = nm[:i]
			}
			if n := string(nm); n != "." && n != ".." {
				ents = append(ents, entry{n, b[18]})
			}
			b = b[reclen:]
		}
	}
	var errs []error
	for _, e := range ents {
		p := e.name
		if rel != "" {
			p = rel + "/" + p
		}
		typ := e.typ
		if typ == unix.DT_UNKNOWN {
			var st unix.Stat_t
			if unix.Fstatat(fd, e.name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
				typ = unix.DT_DIR
			}
		}
		switch {
		case dirs[p] && typ == unix.DT_DIR:
			errs = append(errs, s.sweepAt(fd, e.name, p, files, dirs, buf))
		case dirs[p] || files[p]:
		case typ == unix.DT_DIR:
			errs = append(errs, os.RemoveAll(filepath.Join(s.dir, filepath.FromSlash(p))))
		default:
			if err := unix.Unlinkat(fd, e.name, 0); err != nil && err != unix.ENOENT {
				errs = append(errs, &os.PathError{Op: "remove", Path: filepath.Join(s.dir, filepath.FromSlash(p)), Err: err})
			}
		}
	}
	return errors.Join(errs...)
}

// Write writes a file at rel, a slash-separated path inside the output.
func (s *Stage) Write(rel string, data []byte) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	dir := parentOf(rel)
	known := true
	if dir != "" {
		s.mu.Lock()
		known = s.dirs[dir]
		s.mu.Unlock()
	}
	if !known && !s.old {
		if err := s.mkdir(dir); err != nil {
			return err
		}
		known = true
	}
	err := s.writeFile(rel, data)
	if err == unix.ENOENT && !known {
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
		return &os.PathError{Op: "write", Path: filepath.Join(s.dir, filepath.FromSlash(rel)), Err: err}
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

// writeFile creates rel beneath the staging folder, refusing to follow
// any symbolic link, and writes data to it. In a recycled tree a file
// that already holds data is left alone (write if changed): comparing
// costs a read from the page cache, writing costs block allocation and
// journalling, and an unchanged page keeps its modification time.
func (s *Stage) writeFile(rel string, data []byte) error {
	flags := unix.O_WRONLY | unix.O_CREAT | unix.O_TRUNC
	if s.old {
		flags = unix.O_RDWR | unix.O_CREAT
	}
	how := unix.OpenHow{
		Flags:   uint64(flags | unix.O_CLOEXEC | unix.O_NOFOLLOW),
		Mode:    0o644,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS,
	}
	fd, err := unix.Openat2(s.root, rel, &how)
	for err == unix.EINTR {
		fd, err = unix.Openat2(s.root, rel, &how)
	}
	if err == unix.ENOSYS || err == unix.EPERM {
		// openat2 is unavailable (an old kernel or a seccomp filter):
		// O_NOFOLLOW still protects the file itself.
		fd, err = unix.Openat(s.root, rel, int(how.Flags), uint32(how.Mode))
	}
	if err != nil {
		return err
	}
	if s.old {
		same, err := s.update(fd, data)
		if e := unix.Close(fd); err == nil {
			err = e
		}
		if err == nil && same {
			s.mu.Lock()
			s.unchanged++
			s.mu.Unlock()
		}
		return err
	}
	if err := writeAt(fd, data); err != nil {
		unix.Close(fd)
		return err
	}
	return unix.Close(fd)
}

// update makes the open file fd hold data, writing only when it differs.
// It compares the file with data a chunk at a time (one read for most
// pages), then reads one byte more to see whether the file is longer: a
// large output (a search index) needs no buffer of its size.
func (s *Stage) update(fd int, data []byte) (same bool, err error) {
	bp := s.bufs.Get().(*[]byte)
	defer s.bufs.Put(bp)
	buf := *bp
	if cap(buf) < compareChunk+1 {
		buf = make([]byte, compareChunk+1)
		*bp = buf
	}
	same = true
	for off := 0; same; {
		want := min(len(data)-off, compareChunk)
		n, err := readAt(fd, buf[:want+1], int64(off))
		if err != nil {
			return false, err
		}
		switch {
		case n < want || string(buf[:want]) != string(data[off:off+want]):
			same = false
		case off+want == len(data):
			if n > want {
				same = false // the file is longer
			} else {
				return true, nil
			}
		}
		off += want
	}
	if err := writeAt(fd, data); err != nil {
		return false, err
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return false, err
	}
	if st.Size > int64(len(data)) {
		return false, unix.Ftruncate(fd, int64(len(data)))
	}
	return false, nil
}

// compareChunk is how many bytes update compares at a time.
const compareChunk = 256 << 10

// writeAt writes data at the start of the file fd.
func writeAt(fd int, data []byte) error {
	for off := 0; off < len(data); {
		n, err := unix.Pwrite(fd, data[off:], int64(off))
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		off += n
	}
	return nil
}

// readAt fills buf from the file fd at off, up to the file's end.
func readAt(fd int, buf []byte, off int64) (int, error) {
	n := 0
	for n < len(buf) {
		k, err := unix.Pread(fd, buf[n:], off+int64(n))
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		if k == 0 {
			break
		}
		n += k
	}
	return n, nil
}

// clear removes whatever of the wrong type is in the way of rel: a
// folder or link at rel itself, or a file or link in place of one of its
// folders. It reports an error when nothing was in the way.
func (s *Stage) clear(rel string) error {
	parts := strings.Split(rel, "/")
	for i := range parts {
		p := filepath.Join(s.dir, filepath.FromSlash(strings.Join(parts[:i+1], "/")))
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
	if parent := parentOf(rel); parent != "" {
		s.mu.Lock()
		known := s.dirs[parent]
		s.mu.Unlock()
		if !known {
			if err := s.mkdir(parent); err != nil {
				return err
			}
		}
	}
	err := unix.Mkdirat(s.root, rel, 0o755)
	if err != nil && err != unix.EEXIST {
		return &os.PathError{Op: "mkdir", Path: filepath.Join(s.dir, filepath.FromSlash(rel)), Err: err}
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

// Commit makes the staged tree the output folder in one atomic step. The
// previous tree stays beside it as a staging leftover, which the next
// build recycles.
func (s *Stage) Commit() error {
	defer s.close()
	s.mu.Lock()
	written := s.written
	s.mu.Unlock()
	if written != nil {
		// Expect was not called: keep what was written.
		paths := make([]string, 0, len(written))
		for p := range written {
			paths = append(paths, p)
		}
		s.Expect(paths)
	}
	s.sweep.Wait()
	if s.sweepErr != nil {
		return fmt.Errorf("clean the recycled staging folder %s: %w", s.dir, s.sweepErr)
	}
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
	// s.dir now holds the previous tree: the next build recycles it.
	return nil
}

// Abort gives up the build: the output folder is untouched, and the
// staged tree stays behind as a leftover that the next build recycles.
func (s *Stage) Abort() {
	s.sweep.Wait()
	s.close()
}

func (s *Stage) close() {
	if s.root > 0 {
		unix.Close(s.root)
		s.root = -1
	}
}
