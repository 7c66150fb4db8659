package output

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// noSpace reports whether err says the disk (or the user's quota) is
// full.
func noSpace(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == windows.ERROR_DISK_FULL ||
		errno == windows.ERROR_HANDLE_DISK_FULL || errno == windows.ERROR_DISK_QUOTA_EXCEEDED)
}
