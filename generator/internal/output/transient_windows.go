package output

import (
	"errors"
	"slices"
	"syscall"

	"golang.org/x/sys/windows"
)

// transient reports the errors that come from another program holding a
// file open for a moment: Rename retries them.
func transient(err error) bool {
	return errnoIn(err, windows.ERROR_ACCESS_DENIED, windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION)
}

// errnoIn reports whether err wraps one of the system's error codes.
func errnoIn(err error, codes ...syscall.Errno) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && slices.Contains(codes, errno)
}
