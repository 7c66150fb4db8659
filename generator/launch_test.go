package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestByClick: the program previews its own folder's site when a
// double-click started it, and otherwise does what its arguments say.
func TestByClick(t *testing.T) {
	const dir = "/Users/redaktor/portal"
	for _, c := range []struct {
		name        string
		args        []string
		l           launch
		click, keep bool
	}{
		{"Windows Explorer, in the site's folder", nil,
			launch{system: "windows", interactive: true, ownConsole: true, byExplorer: true, siteHere: true, exeDir: dir, siteBeside: true}, true, true},
		{"macOS Finder: a Terminal in the home folder", nil,
			launch{system: "darwin", interactive: true, inHome: true, exeDir: dir, siteBeside: true}, true, false},
		{"a terminal in the site's folder builds", nil,
			launch{system: "darwin", interactive: true, siteHere: true, exeDir: dir, siteBeside: true}, false, false},
		{"a Windows terminal in the site's folder builds", nil,
			launch{system: "windows", interactive: true, siteHere: true, exeDir: dir, siteBeside: true}, false, false},
		{"a script without a terminal builds, or fails", nil,
			launch{system: "darwin", inHome: true, exeDir: dir, siteBeside: true}, false, false},
		{"arguments are obeyed", []string{"build"},
			launch{system: "windows", interactive: true, ownConsole: true, byExplorer: true, siteHere: true, exeDir: dir, siteBeside: true}, false, false},
		{"Explorer, no site beside: the message stays", nil,
			launch{system: "windows", interactive: true, ownConsole: true, byExplorer: true, exeDir: dir}, false, true},
		{"Finder, no site anywhere", nil,
			launch{system: "darwin", interactive: true, inHome: true, exeDir: dir}, false, false},
		// Task Scheduler, a service or a CI agent gives a console program
		// a console of its own too: a nightly build must build and end,
		// not serve forever or wait for an Enter nobody presses.
		{"Windows Task Scheduler, a console of its own", nil,
			launch{system: "windows", interactive: true, ownConsole: true, siteHere: true, exeDir: dir, siteBeside: true}, false, false},
		{"Windows Task Scheduler, no site: ends", nil,
			launch{system: "windows", interactive: true, ownConsole: true, exeDir: dir}, false, false},
		// A terminal user or a script run from a terminal, in another
		// folder than the site's (a subfolder, /tmp): no server that
		// nobody stops.
		{"macOS terminal in a subfolder of the site", nil,
			launch{system: "darwin", interactive: true, exeDir: dir, siteBeside: true}, false, false},
		{"Linux terminal in another folder", nil,
			launch{system: "linux", interactive: true, inHome: true, exeDir: dir, siteBeside: true}, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.l.byClick(c.args); got != c.click {
				t.Errorf("byClick = %v, want %v", got, c.click)
			}
			if got := c.l.keepOpen(c.args); got != c.keep {
				t.Errorf("keepOpen = %v, want %v", got, c.keep)
			}
		})
	}
	want := []string{"serve", "-open", "-root", dir}
	if got := (launch{exeDir: dir}).clickArgs(); !slices.Equal(got, want) {
		t.Errorf("clickArgs = %q, want %q", got, want)
	}
}

func TestWaitForEnter(t *testing.T) {
	var out bytes.Buffer
	waitForEnter(&out, strings.NewReader("\nrest"), "press Enter to close this window")
	if out.String() != "press Enter to close this window\n" {
		t.Errorf("printed %q", out.String())
	}
	waitForEnter(io.Discard, strings.NewReader(""), "x") // a closed input does not block
}

// TestServeOpen: serve -open opens the preview in the browser once it
// answers, and says how to open it when the browser cannot be started.
func TestServeOpen(t *testing.T) {
	root := checkSite(t, nil)
	taken := takenPort(t)
	for _, c := range []struct {
		name   string
		addr   string
		fail   error
		stderr string
	}{
		{"opened", "127.0.0.1:0", nil, ""},
		{"no browser", "127.0.0.1:0", errors.New(`exec: "xdg-open": executable file not found in $PATH`),
			`serve: the browser could not be opened (exec: "xdg-open": executable file not found in $PATH); open http://127.0.0.1:`},
		// A preview already listens there: the browser gets another port.
		{"address taken", taken.Addr().String(), nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opened := make(chan string, 1)
			open := func(url string) error {
				opened <- url
				return c.fail
			}
			var stderr syncBuffer
			done := make(chan int, 1)
			go func() {
				done <- cmdServe(ctx, []string{"-root", root, "-addr", c.addr, "-now", "2026-03-01", "-open"},
					io.Discard, &stderr, func(string) string { return "" }, open)
			}()
			select {
			case url := <-opened:
				resp, err := http.Get(url)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || !strings.HasPrefix(url, "http://127.0.0.1:") || strings.Contains(url, taken.Addr().String()) {
					t.Errorf("opened %s: %s", url, resp.Status)
				}
			case code := <-done:
				t.Fatalf("serve ended with %d before opening the browser:\n%s", code, stderr.String())
			case <-time.After(30 * time.Second):
				t.Fatal("the browser was not opened")
			}
			cancel()
			if code := <-done; code != exitOK {
				t.Errorf("exit %d", code)
			}
			if got := stderr.String(); c.stderr != "" && !strings.Contains(got, c.stderr) ||
				c.stderr == "" && strings.Contains(got, "browser") {
				t.Errorf("stderr:\n%s\nwant a line with %q", got, c.stderr)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer that serve's goroutines and the test may
// use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeAddrInUse: serve without -open on an address another program
// listens on ends at once and says what to do, in the editor's language.
func TestServeAddrInUse(t *testing.T) {
	root := checkSite(t, nil)
	taken := takenPort(t)
	var stderr syncBuffer
	sv := func(k string) string { return map[string]string{"LANG": "sv_SE.UTF-8"}[k] }
	code := cmdServe(context.Background(), []string{"-root", root, "-addr", taken.Addr().String()}, io.Discard, &stderr, sv,
		func(string) error { t.Error("no browser without -open"); return nil })
	want := regexp.MustCompile(`(?m)^serve: ett annat program lyssnar redan på ` + regexp.QuoteMeta(taken.Addr().String()) +
		`, kanske en förhandsvisning som startades tidigare – stoppa den \(Ctrl-C i dess fönster\), eller ange en annan adress, t\.ex\. -addr (127\.0\.0\.1:[0-9]+)\n\z`)
	got := stderr.String()
	m := want.FindStringSubmatch(got)
	if code != exitProblems || m == nil {
		t.Fatalf("exit %d\n%s\nwant %d and the last line matching\n%s", code, got, exitProblems, want)
	}
	if m[1] == taken.Addr().String() {
		t.Errorf("suggested the taken address %s", m[1])
	}
}

// takenPort listens on a free port of 127.0.0.1 until the test ends: an
// address another program listens on.
func takenPort(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}
