package content

import (
	"io"
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// A site has thousands of small sources, each read once to load it and
// once more to render its body. os.Open costs three system calls besides
// open(2) (two fcntl(2) to see whether the file can be polled, an
// epoll_ctl(2) that fails for a regular file), which on this project's
// build machine cost about as much as reading the file. When the folder
// that fsys reads is known, the sources are read with open(2), fstat(2),
// read(2) and close(2) alone; the bytes are the same.

// source is an open source file.
type source interface {
	io.Reader
	Close() error
	size() (int64, bool) // the size of a regular file
}

// openSource opens p (slash-separated, as in fsys) through fsys, or in
// dir when dir is the folder fsys reads.
func openSource(fsys fs.FS, dir, p string) (source, error) {
	if dir == "" {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, err
		}
		return fsFile{f}, nil
	}
	full := filepath.Join(dir, filepath.FromSlash(p))
	for {
		fd, err := unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: p, Err: err}
		}
		return rawFile{fd, p}, nil
	}
}

type fsFile struct{ fs.File }

func (f fsFile) size() (int64, bool) {
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return 0, false
	}
	return info.Size(), true
}

type rawFile struct {
	fd   int
	path string
}

func (f rawFile) Read(b []byte) (int, error) {
	for {
		n, err := unix.Read(f.fd, b)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
		case n == 0 && len(b) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f rawFile) Close() error { return unix.Close(f.fd) }

func (f rawFile) size() (int64, bool) {
	var st unix.Stat_t
	if unix.Fstat(f.fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return 0, false
	}
	return st.Size, true
}

// readSize reads the first size bytes of a file: the hash of what Load
// read tells whether they are still the same.
func readSize(fsys fs.FS, dir, p string, size int) ([]byte, error) {
	f, err := openSource(fsys, dir, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, size)
	if _, err := io.ReadFull(f, buf); err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return buf, nil
}

// readLimited reads a file, but no more than one byte past MaxFileSize:
// Split rejects the file then, and a huge file never fills the memory.
func readLimited(fsys fs.FS, dir, p string) ([]byte, error) {
	f, err := openSource(fsys, dir, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read into a buffer of the file's size (one byte more, to see the
	// end), not one that io.ReadAll grows by doubling.
	size := int64(512)
	if n, ok := f.size(); ok {
		size = min(n, MaxFileSize) + 1
	}
	buf := make([]byte, 0, size)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grew after Stat: make room
		}
	}
}
