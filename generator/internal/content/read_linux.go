//go:build linux && !portable

package content

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// openFile opens the file full, which p names in messages, with open(2).
// os.Open costs five system calls more on a regular file: it tries to
// register the descriptor with the poller (two fcntl(2) to make it
// non-blocking, a failing epoll_ctl(2), two fcntl(2) to undo it). The
// sources are regular files (walk skips the rest).
func openFile(full, p string) (source, error) {
	fd, err := unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	for err == unix.EINTR {
		fd, err = unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	return rawFile{fd, p}, nil
}

// rawFile is a file descriptor, read with read(2), and the path that
// names it in messages.
type rawFile struct {
	fd int
	p  string
}

func (f rawFile) Read(b []byte) (int, error) {
	n, err := unix.Read(f.fd, b)
	for err == unix.EINTR {
		n, err = unix.Read(f.fd, b)
	}
	switch {
	case err != nil:
		return 0, &fs.PathError{Op: "read", Path: f.p, Err: err}
	case n == 0 && len(b) > 0:
		return 0, io.EOF
	}
	return n, nil
}

func (f rawFile) Close() error { return unix.Close(f.fd) }

func (f rawFile) size() (int64, bool) {
	var st unix.Stat_t
	if unix.Fstat(f.fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return 0, false
	}
	return st.Size, true
}
