package serve

import (
	"net"
	"net/http"
	"strings"
)

// hostGuard answers only requests whose Host names the server itself, so
// that a web page open in the editor's browser cannot read the preview
// (drafts included) by pointing a name of its own at 127.0.0.1 (DNS
// rebinding): the browser then sends that name as the Host.
type hostGuard struct {
	next  http.Handler
	port  string          // the port listened on
	names map[string]bool // host names (lower case, IPv6 without brackets)
	anyIP bool            // any IP address will do: the server listens on all of them
}

// newHostGuard accepts "localhost", the loopback addresses, the host that
// addr names and the one listened on (listen, with the port really used).
// When addr names no host or an unspecified address (":1313", "0.0.0.0"),
// every IP address is accepted too: a Host that is an address cannot be
// rebound to another machine.
func newHostGuard(next http.Handler, addr, listen string) *hostGuard {
	g := &hostGuard{next: next, names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	host, port, _ := net.SplitHostPort(listen)
	g.port = port
	g.names[strings.ToLower(host)] = true
	if h, _, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(h); h == "" || ip != nil && ip.IsUnspecified() {
			g.anyIP = true
		} else {
			g.names[strings.ToLower(strings.TrimSuffix(h, "."))] = true
		}
	}
	return g
}

// allowed reports whether the Host of a request names this server.
func (g *hostGuard) allowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]"), "80"
	}
	if port != g.port || host == "" {
		return false
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return g.names[host] || g.anyIP && net.ParseIP(host) != nil
}

func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.allowed(r.Host) {
		http.Error(w, "this preview answers only to its own address", http.StatusMisdirectedRequest)
		return
	}
	if crossSite(r) {
		http.Error(w, "this preview answers only its own pages", http.StatusForbidden)
		return
	}
	g.next.ServeHTTP(w, r)
}

// crossSite reports whether r comes from a page of another origin than
// the preview's, other than a link followed to it: a web page open in
// the editor's browser could otherwise hold event streams open, or learn
// which drafts exist from the status of an image or a script it asks
// for, though it cannot read them. Another port of the same host is
// another origin (a browser calls it the same site). A browser says who
// asks in Sec-Fetch-Site; one too old to say sends Origin on requests
// from scripts, where the preview's own pages send none or their own.
func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return false
	case "cross-site", "same-site":
		dest := r.Header.Get("Sec-Fetch-Dest")
		return r.Header.Get("Sec-Fetch-Mode") != "navigate" || dest != "document" && dest != ""
	}
	origin := r.Header.Get("Origin")
	return origin != "" && !strings.EqualFold(origin, "http://"+r.Host)
}
