//go:build !windows

package serve

import (
	"errors"
	"syscall"
)

// addrInUse reports whether err says that another program listens on the
// address.
func addrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }

// portReserved is false: elsewhere a port is refused for a reason that
// another port does not mend (a port below 1024 needs privileges).
func portReserved(error) bool { return false }
