//go:build !windows

package serve

import (
	"errors"
	"syscall"
)

// addrInUse reports whether err says that another program listens on the
// address.
func addrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }
