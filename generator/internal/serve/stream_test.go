package serve

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// streamServer serves an empty preview for the tests of its event stream.
func streamServer(t *testing.T) (*server, string) {
	t.Helper()
	sv := newServer(fstest.MapFS{})
	ts := httptest.NewServer(sv)
	t.Cleanup(func() { close(sv.done); ts.Close() })
	return sv, strings.TrimPrefix(ts.URL, "http://")
}

// clients is how many event streams sv's hub holds.
func clients(sv *server) int {
	sv.hub.mu.Lock()
	defer sv.hub.mu.Unlock()
	return len(sv.hub.clients)
}

// openStream asks addr for the event stream with method and returns the
// connection and the response's status line; the body is left unread.
func openStream(t *testing.T, addr, method string) (net.Conn, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(wait))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\n\r\n", method, eventsPath, addr)
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	return conn, strings.TrimSpace(status)
}

// TestEventsMethods checks that the event stream is given to a GET only:
// a HEAD would hold a stream whose every byte is dropped.
func TestEventsMethods(t *testing.T) {
	_, addr := streamServer(t)
	for _, c := range []struct{ method, status string }{
		{"GET", "HTTP/1.1 200 OK"},
		{"HEAD", "HTTP/1.1 405 Method Not Allowed"},
		{"POST", "HTTP/1.1 405 Method Not Allowed"},
		{"OPTIONS", "HTTP/1.1 405 Method Not Allowed"},
	} {
		if _, status := openStream(t, addr, c.method); status != c.status {
			t.Errorf("%s %s: %q, want %q", c.method, eventsPath, status, c.status)
		}
	}
}

// TestEventsLimit checks that the server holds at most maxStreams event
// streams, and takes a new one once one has gone.
func TestEventsLimit(t *testing.T) {
	sv, addr := streamServer(t)
	var first net.Conn
	for i := range maxStreams {
		conn, status := openStream(t, addr, "GET")
		if status != "HTTP/1.1 200 OK" {
			t.Fatalf("stream %d: %q", i, status)
		}
		if i == 0 {
			first = conn
		}
	}
	resp, body := rawGet(t, addr, eventsPath, addr)
	if resp.StatusCode != http.StatusServiceUnavailable || body != "too many live-reload connections\n" {
		t.Errorf("stream %d: %d %q", maxStreams+1, resp.StatusCode, body)
	}
	first.Close()
	for deadline := time.Now().Add(wait); clients(sv) >= maxStreams && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if _, status := openStream(t, addr, "GET"); status != "HTTP/1.1 200 OK" {
		t.Errorf("after one left: %q", status)
	}
}

// TestEventsStalledClientDropped checks that a client that stops reading
// its stream is let go once a write to it has waited writeWait, instead
// of holding the stream and its connection for ever.
func TestEventsStalledClientDropped(t *testing.T) {
	sv, addr := streamServer(t)
	sv.writeWait = 200 * time.Millisecond
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.(*net.TCPConn).SetReadBuffer(1024)
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", eventsPath, addr)
	for deadline := time.Now().Add(wait); clients(sv) == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	big := strings.Repeat("x", 1<<20)
	for range 32 { // more than the buffers of the connection hold
		sv.hub.send(event{"errors", big, "t"})
	}
	deadline := time.Now().Add(wait)
	for clients(sv) > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := clients(sv); n > 0 {
		t.Fatalf("%d stalled clients still held after %v", n, wait)
	}
}
