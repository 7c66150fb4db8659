package serve

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"portal/generator/internal/diag"
)

// listen listens on addr; when another program listens there, on another
// free port of its host if anyPort, else it says so in words, with a free
// address to give instead. With anyPort, a port that Windows keeps for
// itself is left for another too.
func listen(addr string, anyPort bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	switch {
	case err == nil:
		return ln, nil
	case anyPort && (addrInUse(err) || portReserved(err)):
		host, _, _ := net.SplitHostPort(addr)
		if ln, err = net.Listen("tcp", net.JoinHostPort(host, "0")); err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		return ln, nil
	case addrInUse(err):
		return nil, diag.M(diag.ServeAddrInUse, addr, freeNear(addr, canListen))
	}
	return nil, fmt.Errorf("serve: %w", err)
}

// nearPorts is how many ports after a taken one freeNear tries.
const nearPorts = 20

// freeNear returns an address of addr's host to suggest instead of addr:
// the first of the nearPorts ports after addr's that free says is free
// (1314 after 1313, as an editor would try), going on from the default's
// next (1314) after the last port. When none is free, the first of them.
func freeNear(addr string, free func(string) bool) string {
	host, portText, err := net.SplitHostPort(addr)
	port, perr := strconv.Atoi(portText)
	if err != nil || perr != nil || port < 0 || port > 65535 {
		port = 1313
	}
	var first string
	for i := range nearPorts {
		p := port + 1 + i
		if p > 65535 {
			p += 1314 - 65536
		}
		a := net.JoinHostPort(host, strconv.Itoa(p))
		if free(a) {
			return a
		}
		if i == 0 {
			first = a
		}
	}
	return first
}

// canListen reports whether addr can be listened on now.
func canListen(addr string) bool {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

// PreviewURL is the address of the preview served at addr, as a browser
// on this machine opens it: an address that listens on every interface
// is opened on loopback (0.0.0.0 or no host, ":1313", on 127.0.0.1; :: on
// ::1, since it may listen on IPv6 alone).
func PreviewURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	switch ip := net.ParseIP(host); {
	case host == "" || ip != nil && ip.IsUnspecified() && ip.To4() != nil:
		host = "127.0.0.1" // every address: this machine's is one of them
	case ip != nil && ip.IsUnspecified():
		host = "::1" // every IPv6 address, perhaps IPv6 alone
	}
	// A link-local address's zone (fe80::1%en0) is written %25 in a URL.
	host = strings.ReplaceAll(host, "%", "%25")
	return "http://" + net.JoinHostPort(host, port) + "/"
}
