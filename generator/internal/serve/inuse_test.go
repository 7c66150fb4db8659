package serve

import (
	"net"
	"testing"

	"portal/generator/internal/diag"
)

// TestListenInUse: an address another program listens on is refused in
// words that say what to do, or, for a preview opened in the browser,
// replaced by another free port of the same host.
func TestListenInUse(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()

	_, err = listen(addr, false)
	want := "serve: another program listens on " + addr + ", perhaps a preview started before: stop it (Ctrl-C in its window), or give another address, like -addr 127.0.0.1:1314"
	if err == nil || err.Error() != want {
		t.Fatalf("listen(%s): %v\nwant %s", addr, err, want)
	}
	if m, ok := err.(diag.Message); !ok || m.ID != diag.ServeAddrInUse {
		t.Errorf("not the catalog's message: %#v", err)
	}

	ln, err := listen(addr, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	if host != "127.0.0.1" || ln.Addr().String() == addr || port == "0" {
		t.Errorf("listens on %s, want another port of 127.0.0.1 than %s", ln.Addr(), addr)
	}
}
