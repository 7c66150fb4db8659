//go:build unix

package output

import (
	"errors"
	"syscall"
)

// noSpace reports whether err says the file system (or the user's quota)
// is full.
func noSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
