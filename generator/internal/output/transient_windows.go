package output

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// transient reports the errors that come from another program holding a
// file open for a moment: Rename retries them.
func transient(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == windows.ERROR_ACCESS_DENIED ||
		errno == windows.ERROR_SHARING_VIOLATION || errno == windows.ERROR_LOCK_VIOLATION)
}
