//go:build linux && !portable

package output

import (
	"bytes"
	"cmp"
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// tree is the staging folder, open as a descriptor: files are created
// with openat2(2) and RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS beneath it, and
// folders are read with getdents(2). Against os.Root, which resolves a
// path one component at a time (an openat(2) and a close(2) per folder),
// this is one system call per file; BENCHMARKS.md has the figures.
type tree struct {
	fd  int
	dir string
	// fixModes: the umask takes bits off fileMode and dirMode (umaskStrips),
	// so create and mkdir give each file and folder its mode.
	fixModes bool
}

func openTree(dir string) (*tree, error) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	return &tree{fd: fd, dir: dir}, nil
}

func (t *tree) close() { unix.Close(t.fd) }

// create opens rel for writing, truncated unless old (a recycled tree,
// where the file is compared first), refusing any symbolic link.
func (t *tree) create(rel string, old bool) (file, error) {
	flags := unix.O_WRONLY | unix.O_CREAT | unix.O_TRUNC
	if old {
		flags = unix.O_RDWR | unix.O_CREAT
	}
	fd, err := t.open(rel, flags, fileMode)
	if err != nil {
		return nil, err
	}
	// The umask is not the site's: a file is readable by the web server
	// whatever the umask of the build.
	if !t.fixModes {
		return rawFile(fd), nil
	}
	if err := unix.Fchmod(fd, fileMode); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return rawFile(fd), nil
}

// open opens rel beneath the tree without following any symbolic link.
func (t *tree) open(rel string, flags int, mode uint32) (int, error) {
	how := unix.OpenHow{
		Flags:   uint64(flags | unix.O_CLOEXEC | unix.O_NOFOLLOW),
		Mode:    uint64(mode),
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS,
	}
	fd, err := unix.Openat2(t.fd, rel, &how)
	for err == unix.EINTR {
		fd, err = unix.Openat2(t.fd, rel, &how)
	}
	if err == unix.ENOSYS || err == unix.EPERM {
		// openat2 is unavailable (an old kernel or a seccomp filter):
		// O_NOFOLLOW still protects the file itself.
		fd, err = unix.Openat(t.fd, rel, int(how.Flags), mode)
	}
	return fd, err
}

// mkdir makes the folder rel with dirMode, whatever the umask.
func (t *tree) mkdir(rel string) error {
	if err := unix.Mkdirat(t.fd, rel, dirMode); err != nil {
		return err
	}
	return t.fixDir(rel)
}

// fixDir gives the folder rel dirMode, without following a link, when
// the umask would have taken bits off it.
func (t *tree) fixDir(rel string) error {
	if !t.fixModes {
		return nil
	}
	fd, err := t.open(rel, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	return unix.Fchmod(fd, dirMode)
}

// openRead opens the file rel to read it, without following any link,
// and without waiting for a writer if it is a named pipe.
func (t *tree) openRead(rel string) (file, error) {
	fd, err := t.open(rel, unix.O_RDONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	return rawFile(fd), nil
}

// stat tells of the file or folder rel ("" is the tree itself) without
// opening it; a link at rel is no regular file.
func (t *tree) stat(rel string) (fileStat, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(t.fd, cmp.Or(rel, "."), &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return fileStat{}, err
	}
	return fileStat{st.Size, time.Unix(st.Mtim.Unix()), st.Mode&unix.S_IFMT == unix.S_IFREG}, nil
}

// chtimes sets the access and modification times of the file or folder
// rel ("" is the tree itself) to when, without following a link at rel.
func (t *tree) chtimes(rel string, when time.Time) error {
	ts := unix.NsecToTimespec(when.UnixNano())
	err := unix.UtimesNanoAt(t.fd, cmp.Or(rel, "."), []unix.Timespec{ts, ts}, unix.AT_SYMLINK_NOFOLLOW)
	if err != nil {
		return &os.PathError{Op: "chtimes", Path: t.dir + "/" + rel, Err: err}
	}
	return nil
}

func (t *tree) remove(rel string) error { return unix.Unlinkat(t.fd, rel, 0) }

// list reads the folder rel with getdents(2).
func (t *tree) list(rel string) ([]entry, error) {
	fd, err := t.open(cmp.Or(rel, "."), unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	var ents []entry
	buf := make([]byte, 32<<10)
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return ents, nil
		}
		for b := buf[:n]; len(b) >= 19; {
			// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
			reclen := int(b[16]) | int(b[17])<<8
			if reclen < 19 || reclen > len(b) {
				break
			}
			nm, _, _ := bytes.Cut(b[19:reclen], []byte{0})
			if n := string(nm); n != "." && n != ".." {
				ents = append(ents, entry{n, isDir(fd, n, b[18])})
			}
			b = b[reclen:]
		}
	}
}

// isDir tells from a getdents type, or fstatat(2) where the file system
// does not give one, whether name is a folder.
func isDir(fd int, name string, typ byte) bool {
	if typ != unix.DT_UNKNOWN {
		return typ == unix.DT_DIR
	}
	var st unix.Stat_t
	return unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR
}

// rawFile is a file descriptor, read and written with pread(2) and
// pwrite(2).
type rawFile int

func (f rawFile) ReadAt(b []byte, off int64) (int, error) { return f.all(unix.Pread, b, off, io.EOF) }

func (f rawFile) WriteAt(b []byte, off int64) (int, error) {
	return f.all(unix.Pwrite, b, off, io.ErrShortWrite)
}

// all calls op (pread(2) or pwrite(2)) until all of b is done, again
// after EINTR; a call that does nothing ends it with the error none.
func (f rawFile) all(op func(int, []byte, int64) (int, error), b []byte, off int64, none error) (int, error) {
	n := 0
	for n < len(b) {
		k, err := op(int(f), b[n:], off+int64(n))
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		if k == 0 {
			return n, none
		}
		n += k
	}
	return n, nil
}

func (f rawFile) Close() error { return unix.Close(int(f)) }

func (f rawFile) stat() (fileStat, error) {
	var st unix.Stat_t
	if err := unix.Fstat(int(f), &st); err != nil {
		return fileStat{}, err
	}
	return fileStat{st.Size, time.Unix(st.Mtim.Unix()), st.Mode&unix.S_IFMT == unix.S_IFREG}, nil
}

func (f rawFile) truncate(size int64) error { return unix.Ftruncate(int(f), size) }
