package serve

import (
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"portal/generator/internal/diag"
)

// takenAddr is an address of loopback that the test listens on until it
// ends: another program's, for the preview.
func takenAddr(t *testing.T) string {
	t.Helper()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { taken.Close() })
	return taken.Addr().String()
}

// TestListenInUse: an address another program listens on is refused in
// words that say what to do, or, for a preview opened in the browser,
// replaced by another free port of the same host.
func TestListenInUse(t *testing.T) {
	addr := takenAddr(t)
	_, err := listen(addr, false)
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
		{"127.0.0.1:65535", []string{"127.0.0.1:1314"}, "127.0.0.1:1315"},
		{"127.0.0.1:65530", takenRange("127.0.0.1", 65531, 5), "127.0.0.1:1314"},
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

// TestPreviewURL: the address printed and opened is one a browser on
// this machine reaches.
func TestPreviewURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:1313":     "http://127.0.0.1:1313/",
		"0.0.0.0:8080":       "http://127.0.0.1:8080/",
		"[::]:1313":          "http://[::1]:1313/",
		"[::1]:1313":         "http://[::1]:1313/",
		"localhost:1313":     "http://localhost:1313/",
		":1313":              "http://127.0.0.1:1313/",
		"[fe80::1%en0]:1313": "http://[fe80::1%25en0]:1313/",
	} {
		if got := PreviewURL(addr); got != want {
			t.Errorf("PreviewURL(%q) = %q, want %q", addr, got, want)
		}
	}
}

// TestServeAddressPrinted: the address serve prints is the one a browser
// on this machine opens, for a preview on every interface too.
func TestServeAddressPrinted(t *testing.T) {
	for _, c := range []struct{ listen, host string }{
		{"127.0.0.1:0", "127.0.0.1"},
		{"[::]:0", "[::1]"},
	} {
		if ln, err := net.Listen("tcp", c.listen); err != nil {
			t.Logf("%s: %v; skipped", c.listen, err) // no IPv6 here
			continue
		} else {
			ln.Close()
		}
		r := startWith(t, fixture(t), func(o *Options) { o.Addr = c.listen })
		_, port, _ := net.SplitHostPort(strings.TrimPrefix(r.base, "http://"))
		url := "http://" + c.host + ":" + port + "/"
		if want := "serve: " + url + " (Ctrl-C to stop)"; !slices.Contains(strings.Split(r.logs.String(), "\n"), want) {
			t.Errorf("-addr %s printed\n%s\nwant the line %q", c.listen, r.logs, want)
		}
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", url, resp.Status)
		}
	}
}
