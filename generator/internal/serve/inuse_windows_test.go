package serve

import (
	"errors"
	"net"
	"os"
	"testing"

	"golang.org/x/sys/windows"
)

// TestPortReserved: on Windows a port in an excluded range (WSAEACCES,
// as 1313 can be with Hyper-V or WSL 2) is left for another by a preview
// opened in the browser; it is not said to be another program's.
func TestPortReserved(t *testing.T) {
	bind := func(errno error) error {
		return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
	}
	for _, c := range []struct {
		name            string
		err             error
		inUse, reserved bool
	}{
		{"in use", bind(windows.WSAEADDRINUSE), true, false},
		{"excluded range", bind(windows.WSAEACCES), false, true},
		{"other", bind(windows.WSAEADDRNOTAVAIL), false, false},
		{"not a socket's", errors.New("x"), false, false},
	} {
		if got := addrInUse(c.err); got != c.inUse {
			t.Errorf("%s: addrInUse = %v, want %v", c.name, got, c.inUse)
		}
		if got := portReserved(c.err); got != c.reserved {
			t.Errorf("%s: portReserved = %v, want %v", c.name, got, c.reserved)
		}
	}
}
