package serve

import (
	"net"
	"slices"
	"strconv"
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
	next := freeNear(addr, canListen)
	want := "serve: another program listens on " + addr + ", perhaps a preview started before: stop it (Ctrl-C in its window), or give another address, like -addr " + next
	if err == nil || err.Error() != want {
		t.Fatalf("listen(%s): %v\nwant %s", addr, err, want)
	}
	if m, ok := err.(diag.Message); !ok || m.ID != diag.ServeAddrInUse {
		t.Errorf("not the catalog's message: %#v", err)
	}
	if next == addr || !canListen(next) {
		t.Errorf("suggested %s for %s: not another free address", next, addr)
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

// TestFreeNear: the address suggested for a taken one is the next free
// port of its host, whatever the host.
func TestFreeNear(t *testing.T) {
	for _, c := range []struct {
		addr  string
		taken []string
		want  string
	}{
		{"127.0.0.1:1313", nil, "127.0.0.1:1314"},
		{"127.0.0.1:1313", []string{"127.0.0.1:1314", "127.0.0.1:1315"}, "127.0.0.1:1316"},
		{"127.0.0.1:1314", nil, "127.0.0.1:1315"},
		{"[::1]:8080", []string{"[::1]:8081"}, "[::1]:8082"},
		{"localhost:1313", nil, "localhost:1314"},
		{":1313", nil, ":1314"},
		{"127.0.0.1:65535", nil, "127.0.0.1:1314"},
		{"127.0.0.1:1313", takenRange("127.0.0.1", 1314, nearPorts), "127.0.0.1:1314"},
	} {
		free := func(a string) bool { return !slices.Contains(c.taken, a) }
		if got := freeNear(c.addr, free); got != c.want {
			t.Errorf("freeNear(%s) with %v taken = %s, want %s", c.addr, c.taken, got, c.want)
		}
	}
}

// takenRange is the n addresses of host from port on.
func takenRange(host string, port, n int) []string {
	var addrs []string
	for p := port; p < port+n; p++ {
		addrs = append(addrs, net.JoinHostPort(host, strconv.Itoa(p)))
	}
	return addrs
}
