//go:build linux && !portable

package content

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// A site has thousands of small sources, each read once to load it and
// once more to render its body. On Linux os.Open costs three system calls
// besides open(2) (two fcntl(2) to see whether the file can be polled, an
// epoll_ctl(2) that fails for a regular file), which on this project's
// build machine cost about as much as reading the file: the sources are
// read with open(2), fstat(2), read(2) and close(2) alone; the bytes are
// the same. BENCHMARKS.md has the figures against read_other.go.

// openFile opens the file full, which p names in messages.
func openFile(full, p string) (source, error) {
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
