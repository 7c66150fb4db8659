package serve

import (
	"errors"

	"golang.org/x/sys/windows"
)

// addrInUse reports whether err says that another program listens on the
// address (WSAEADDRINUSE, which syscall.EADDRINUSE is not on Windows).
func addrInUse(err error) bool { return errors.Is(err, windows.WSAEADDRINUSE) }

// portReserved reports whether err says that the port may not be used:
// WSAEACCES, for a port in a range Windows excludes (Hyper-V, WSL 2 and
// Docker reserve ranges that can hold 1313; netsh interface ipv4 show
// excludedportrange protocol=tcp) or one another program holds alone.
func portReserved(err error) bool { return errors.Is(err, windows.WSAEACCES) }
