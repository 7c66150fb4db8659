package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// rawGet sends one request for target with the Host header host over a new
// connection and returns the response, its body read.
func rawGet(t *testing.T, addr, target, host string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(wait))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s, Host %s: %v", target, host, err)
	}
	return resp, string(b)
}

// TestServeOnlyOwnHost checks that the preview answers only requests that
// name it (against DNS rebinding), the event stream included.
func TestServeOnlyOwnHost(t *testing.T) {
	r := start(t, fixture(t))
	addr := strings.TrimPrefix(r.base, "http://")
	_, port, _ := net.SplitHostPort(addr)
	for _, c := range []struct {
		host string
		code int
	}{
		{addr, 200},
		{"localhost:" + port, 200},
		{"LocalHost.:" + port, 200},
		{"[::1]:" + port, 200},
		{"evil.example:" + port, 421},
		{"localhost.evil.example:" + port, 421},
		{"127.0.0.1.nip.io:" + port, 421},
		{"localhost:1", 421},
		{"localhost", 421},
		{"127.0.0.1", 421},
		{"192.168.1.5:" + port, 421},
	} {
		for _, target := range []string{"/exjobb/utkast/", eventsPath} {
			if target == eventsPath && c.code == 200 {
				continue // a stream that does not end
			}
			resp, body := rawGet(t, addr, target, c.host)
			if resp.StatusCode != c.code {
				t.Errorf("GET %s, Host %s: %d, want %d", target, c.host, resp.StatusCode, c.code)
			}
			if c.code != 200 && strings.Contains(body, "Utkast") {
				t.Errorf("Host %s: the draft was served", c.host)
			}
		}
	}
}

// TestHostGuard checks which Host names each listen address accepts.
func TestHostGuard(t *testing.T) {
	for _, c := range []struct {
		addr, listen string
		ok, refused  []string
	}{
		{"127.0.0.1:1313", "127.0.0.1:1313",
			[]string{"127.0.0.1:1313", "localhost:1313", "[::1]:1313"},
			[]string{"evil.example:1313", "10.0.0.2:1313", "127.0.0.1:1314", ":1313", ""}},
		{"preview.lan:8080", "10.0.0.2:8080",
			[]string{"preview.lan:8080", "PREVIEW.LAN:8080", "10.0.0.2:8080", "localhost:8080"},
			[]string{"evil.example:8080", "10.0.0.3:8080", "preview.lan:80"}},
		{":1313", "[::]:1313",
			[]string{"192.168.1.5:1313", "[fe80::1]:1313", "localhost:1313"},
			[]string{"evil.example:1313", "my-laptop:1313"}},
		{"0.0.0.0:80", "0.0.0.0:80",
			[]string{"192.168.1.5", "192.168.1.5:80", "localhost"},
			[]string{"evil.example", "192.168.1.5:81"}},
	} {
		g := newHostGuard(nil, c.addr, c.listen)
		for _, h := range c.ok {
			if !g.allowed(h) {
				t.Errorf("-addr %s: Host %q refused", c.addr, h)
			}
		}
		for _, h := range c.refused {
			if g.allowed(h) {
				t.Errorf("-addr %s: Host %q accepted", c.addr, h)
			}
		}
	}
}

// TestServeRedirectStaysOnHost checks that the redirect of a folder to its
// URL with a slash never names another host.
func TestServeRedirectStaysOnHost(t *testing.T) {
	r := start(t, fixture(t))
	addr := strings.TrimPrefix(r.base, "http://")
	for _, c := range []struct{ target, location string }{
		{"/exjobb", "/exjobb/"},
		{"//exjobb", "/exjobb/"},
		{"/%2Fexjobb", "/exjobb/"},
		{"/%2f%2fexjobb", "/exjobb/"},
		{"///exjobb?a=1", "/exjobb/?a=1"},
		{"/en//theses", "/en/theses/"},
	} {
		resp, _ := rawGet(t, addr, c.target, addr)
		if resp.StatusCode != 301 || resp.Header.Get("Location") != c.location {
			t.Errorf("GET %s: %d to %q, want 301 to %q", c.target, resp.StatusCode, resp.Header.Get("Location"), c.location)
		}
	}
}

// TestServeClosesIdleConnections checks that a kept-alive connection
// that sends nothing more is closed after Options.IdleTimeout.
func TestServeClosesIdleConnections(t *testing.T) {
	r := startWith(t, fixture(t), func(o *Options) { o.IdleTimeout = 200 * time.Millisecond })
	addr := strings.TrimPrefix(r.base, "http://")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /sitemap.xml HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	conn.SetReadDeadline(time.Now().Add(wait))
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("idle connection still open after %v", wait)
		}
		t.Fatalf("read: %v, want EOF", err)
	}
}
