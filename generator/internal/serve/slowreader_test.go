package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestSlowReaderDropped asks for a large file and a large page and reads
// nothing of the answer, and expects the server to give up the response
// once writing it has taken responseWait (shortened here), instead of
// holding its goroutine, and for a page the bytes of the page, for as
// long as the client keeps the connection open.
func TestSlowReaderDropped(t *testing.T) {
	big := strings.Repeat("x", 32<<20) // more than the buffers of a connection hold
	files := fstest.MapFS{
		"big.pdf":        {Data: []byte(big)},
		"big/index.html": {Data: []byte("<!doctype html><html><head></head><body>" + big + "</body></html>")},
	}
	for _, c := range []struct{ name, path string }{
		{"file", "/big.pdf"},
		{"page", "/big/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			sv := newServer(files)
			sv.responseWait = 200 * time.Millisecond
			returned := make(chan string, 1)
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				sv.ServeHTTP(w, r)
				returned <- r.URL.Path
			}))
			t.Cleanup(func() { close(sv.done); ts.Close() })
			addr := strings.TrimPrefix(ts.URL, "http://")
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.(*net.TCPConn).SetReadBuffer(1024)
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", c.path, addr)
			select {
			case p := <-returned:
				if p != c.path {
					t.Errorf("the handler of %s returned, want %s", p, c.path)
				}
			case <-time.After(wait):
				t.Fatalf("the response to a client that reads nothing still written after %v", wait)
			}
		})
	}
}
