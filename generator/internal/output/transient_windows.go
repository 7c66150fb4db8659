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
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case windows.ERROR_ACCESS_DENIED, windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION:
		return true
	}
	return false
}
