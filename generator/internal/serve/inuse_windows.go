package serve

import (
	"errors"

	"golang.org/x/sys/windows"
)

// addrInUse reports whether err says that another program listens on the
// address (WSAEADDRINUSE, which syscall.EADDRINUSE is not on Windows).
func addrInUse(err error) bool { return errors.Is(err, windows.WSAEADDRINUSE) }
