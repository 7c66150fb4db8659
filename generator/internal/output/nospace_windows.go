package output

import "golang.org/x/sys/windows"

// noSpace reports whether err says the disk (or the user's quota) is
// full.
func noSpace(err error) bool {
	return errnoIn(err, windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL, windows.ERROR_DISK_QUOTA_EXCEEDED)
}
