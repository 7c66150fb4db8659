package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"portal/generator/internal/pipeline"
)

// wait is how long a test waits for the server; the machine may be busy.
const wait = 20 * time.Second

// running is a serve.Run in the background.
type running struct {
	root, base string
	logs       *logBuf
}

type logBuf struct {
	mu    sync.Mutex
	lines []string
}

func (l *logBuf) logf(format string, args ...any) {
	l.mu.Lock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
	l.mu.Unlock()
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// start serves root on a free loopback port until the test ends.
func start(t *testing.T, root string) *running {
	t.Helper()
	return startWith(t, root, func(*Options) {})
}

// startWith is start with options changed by set.
func startWith(t *testing.T, root string, set func(*Options)) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	r := &running{root: root, logs: &logBuf{}}
	opt := Options{Root: root, Addr: "127.0.0.1:0", Now: fixedNow, Logf: r.logs.logf,
		Debounce: 20 * time.Millisecond, Ready: func(addr string) { ready <- addr }}
	set(&opt)
	go func() { done <- Run(ctx, opt) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(wait):
			t.Errorf("Run did not return after cancel")
		}
	})
	select {
	case addr := <-ready:
		r.base = "http://" + addr
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(wait):
		t.Fatal("server not ready")
	}
	return r
}

func (r *running) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, body := r.getResp(t, path)
	return resp.StatusCode, body
}

// sse is one event received from the stream.
type sse struct {
	Name string
	Data map[string]any
}

// events subscribes to the server's event stream.
func (r *running) events(t testing.TB) <-chan sse {
	t.Helper()
	return r.eventsAt(t, eventsPath)
}

// eventsAt subscribes to the event stream at target, as a page's script
// does.
func (r *running) eventsAt(t testing.TB, target string) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.base+target, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan sse, 64)
	go func() {
		defer close(ch)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.Data)
			case line == "" && ev.Name != "":
				ch <- ev
				ev = sse{}
			}
		}
	}()
	t.Cleanup(cancel)
	// The stream opens with the current state.
	if first := next(t, ch, "ok", "errors"); first.Name == "" {
		t.Fatal("no first event")
	}
	return ch
}

// next returns the next event with one of the names, skipping others.
func next(t testing.TB, ch <-chan sse, names ...string) sse {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatal("event stream closed")
			}
			if slices.Contains(names, ev.Name) {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %v event within %s", names, wait)
		}
	}
}

// reloadFor waits for a reload event that names path.
func reloadFor(t *testing.T, ch <-chan sse, path string) sse {
	t.Helper()
	for {
		ev := next(t, ch, "reload")
		if paths, _ := ev.Data["paths"].([]any); slices.Contains(paths, any(path)) || ev.Data["all"] == true {
			return ev
		}
	}
}

func TestServeLiveReload(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	ev := r.events(t)

	code, page := r.get(t, "/exjobb/energidata/")
	if code != 200 || !strings.Contains(page, "Vi söker") || !strings.Contains(page, liveScript) {
		t.Fatalf("record page: %d\n%s", code, page)
	}
	if strings.Index(page, `id="portal-live"`) > strings.LastIndex(page, "</body>") {
		t.Error("the script is not inside the body")
	}

	edit(t, root, "content/theses/energidata.md", "Vi söker", "Vi letar efter")
	// First the record's page, at once; then the lists and indexes that
	// show it; then the feeds and the search index.
	got := reloadFor(t, ev, "/exjobb/energidata/")
	if paths, _ := got.Data["paths"].([]any); len(paths) != 1 {
		t.Errorf("first reload event: %v", paths)
	}
	if _, page = r.get(t, "/exjobb/energidata/"); !strings.Contains(page, "Vi letar efter") {
		t.Errorf("page not updated:\n%s", page)
	}
	var all []any
	for !containsPrefix(all, "/search/") {
		paths, _ := next(t, ev, "reload").Data["paths"].([]any)
		all = append(all, paths...)
	}
	for _, p := range []any{"/exjobb/", "/omraden/energi/", "/exjobb/atom.xml"} {
		if !slices.Contains(all, p) {
			t.Errorf("reload events lack %s: %v", p, all)
		}
	}
	for _, p := range []any{"/praktik/sommarpraktik/", "/exjobb/trafikfloden/", "/sitemap.xml"} {
		if slices.Contains(all, p) {
			t.Errorf("reload events name %s, which did not change: %v", p, all)
		}
	}

	// Editors' temporary and swap files are ignored: no event.
	for _, name := range []string{".energidata.md.swp", "energidata.md~", "4913", "#energidata.md#", ".#energidata.md"} {
		write(t, root, "content/theses/"+name, "junk")
	}
	select {
	case e := <-ev:
		t.Errorf("event %s %v after editor files", e.Name, e.Data)
	case <-time.After(300 * time.Millisecond):
	}
}

func TestServeOverlay(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	ev := r.events(t)
	const rec = "content/theses/energidata.md"

	edit(t, root, rec, `level = "master"`, `level = "magister"`)
	e := next(t, ev, "errors", "reload")
	if e.Name != "errors" {
		t.Fatalf("got %s, want errors", e.Name)
	}
	html, _ := e.Data["html"].(string)
	msg := `content/theses/energidata.md:6:9: level must be &#34;bachelor&#34; or &#34;master&#34;, not &#34;magister&#34;`
	for _, want := range []string{msg, `<span class="here">    6 | level = &#34;magister&#34;</span>`, "    5 | host = ", "    7 | credits = 30", `<span class="caret" aria-hidden="true">      | <span class="before">level = </span>^</span>`} {
		if !strings.Contains(html, want) {
			t.Errorf("overlay lacks %q:\n%s", want, html)
		}
	}
	if !strings.Contains(r.logs.String(), "content/theses/energidata.md:6:9: level must be") {
		t.Errorf("terminal did not print the error:\n%s", r.logs)
	}
	// The script shows the overlay in its page's language.
	langs, _ := e.Data["langs"].(map[string]any)
	svHTML, _ := langs["sv"].(string)
	svMsg := `content/theses/energidata.md:6:9: level: &#34;magister&#34; är inte tillåtet – skriv &#34;bachelor&#34; eller &#34;master&#34;`
	if langs["en"] != html || !strings.Contains(svHTML, svMsg) || !strings.Contains(svHTML, "<h2>1 problem i källfilerna</h2>") {
		t.Errorf("overlays by language: %v", langs)
	}
	// The last good page is still served, with the overlay on top, in the
	// page's language.
	for _, c := range []struct{ url, msg, text string }{
		{"/exjobb/energidata/", svMsg, "Vi söker"},
		{"/en/theses/energidata/", msg, "<h2>1 problem in the sources</h2>"},
	} {
		_, page := r.get(t, c.url)
		if !strings.Contains(page, `id="portal-overlay"`) || !strings.Contains(page, c.msg) || !strings.Contains(page, c.text) {
			t.Errorf("%s during the error:\n%s", c.url, page)
		}
	}

	edit(t, root, rec, `level = "magister"`, `level = "bachelor"`)
	next(t, ev, "ok")
	reloadFor(t, ev, "/exjobb/energidata/")
	if _, page := r.get(t, "/exjobb/energidata/"); strings.Contains(page, `id="portal-overlay"`) {
		t.Errorf("overlay still there after the fix")
	}
}

func TestServeDeleteAndNewFolder(t *testing.T) {
	root := fixture(t)
	os.RemoveAll(filepath.Join(root, "content", "internships"))
	r := start(t, root)
	ev := r.events(t)

	if _, list := r.get(t, "/exjobb/"); !strings.Contains(list, `href="/exjobb/trafikfloden/"`) {
		t.Fatalf("list lacks the record before the delete:\n%s", list)
	}
	os.Remove(filepath.Join(root, "content/theses/trafikfloden.md"))
	// First the removal of the record's page; then the lists, in one batch.
	reloadFor(t, ev, "/exjobb/trafikfloden/")
	if code, _ := r.get(t, "/exjobb/trafikfloden/"); code != 404 {
		t.Errorf("deleted record's page: %d, want 404", code)
	}
	reloadFor(t, ev, "/exjobb/")
	if _, list := r.get(t, "/exjobb/"); strings.Contains(list, "trafikfloden") {
		t.Errorf("list still names the deleted record")
	}
	if _, area := r.get(t, "/omraden/trafik/"); strings.Contains(area, "trafikfloden") {
		t.Errorf("area page still names the deleted record")
	}
	if code, _ := r.get(t, "/exjobb/trafikfloden/"); code != 404 {
		t.Errorf("deleted record's page: %d, want 404", code)
	}

	// A kind folder created while serving is watched and read.
	os.MkdirAll(filepath.Join(root, "content/internships"), 0o755)
	write(t, root, "content/internships/ny.md", "+++\ntitle = \"Ny praktik\"\ndate = 2026-11-01\nareas = [\"trafik\"]\nhost = \"trafikkontoret\"\ndeadline = 2027-01-01\n+++\n\nText.\n")
	reloadFor(t, ev, "/praktik/ny/")
	time.Sleep(100 * time.Millisecond)
	edit(t, root, "content/internships/ny.md", "Text.", "Mer text.")
	reloadFor(t, ev, "/praktik/ny/")
	if _, page := r.get(t, "/praktik/ny/"); !strings.Contains(page, "Mer text.") {
		t.Errorf("new record not updated:\n%s", page)
	}
}

// TestServePaths serves the preview from memory (no -out) and from a
// folder (-out): the same answers.
func TestServePaths(t *testing.T) {
	for _, store := range []string{"memory", "folder"} {
		t.Run(store, func(t *testing.T) {
			root := fixture(t)
			out := ""
			if store == "folder" {
				out = filepath.Join(t.TempDir(), "preview")
			}
			r := startWith(t, root, func(o *Options) { o.Out = out })
			servePaths(t, r)
			servePDF(t, r)
			if _, err := os.Stat(filepath.Join(out, "exjobb", "index.html")); out != "" && err != nil {
				t.Errorf("-out: the list is not on disk: %v", err)
			}
		})
	}
}

// servePDF expects an attachment served whole and in ranges.
func servePDF(t *testing.T, r *running) {
	resp, body := r.getResp(t, "/avtal/mou/mou.pdf")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-1.4\n% test attachment") {
		t.Errorf("the attachment: %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	req, err := http.NewRequest("GET", r.base+"/avtal/mou/mou.pdf", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Range", "bytes=2-4")
	part, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer part.Body.Close()
	b, _ := io.ReadAll(part.Body)
	if part.StatusCode != http.StatusPartialContent || string(b) != "DF-" {
		t.Errorf("bytes 2-4 of the attachment: %d %q", part.StatusCode, b)
	}
}

func servePaths(t *testing.T, r *running) {
	raw := func(target string) int {
		t.Helper()
		conn, err := net.Dial("tcp", strings.TrimPrefix(r.base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, strings.TrimPrefix(r.base, "http://"))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, c := range []struct {
		target string
		code   int
	}{
		{"/../config.toml", 400},
		{"/%2e%2e/config.toml", 400},
		{"/%2E%2E/%2e%2e/etc/passwd", 400},
		{"/exjobb/../../config.toml", 400},
		{"/exjobb/%2e%2e/%2e%2e/content/theses/energidata.md", 400},
		{"/..%2f..%2fconfig.toml", 400},
		{"/.portal-serve", 400},
		{"/exjobb/./", 400},
		{"/a\\..\\config.toml", 400},
		{"/config.toml", 404},
		{"/content/theses/energidata.md", 404},
		{"/templates/layouts/base.html", 404},
		{"/", 200},
		{"/exjobb/", 200},
		{"/exjobb", 301},
		{"/sitemap.xml", 200},
	} {
		if got := raw(c.target); got != c.code {
			t.Errorf("GET %s: %d, want %d", c.target, got, c.code)
		}
	}

	_, draft := r.get(t, "/exjobb/utkast/")
	if !strings.Contains(draft, `<div id="portal-draft" role="note">Utkast: visas bara i förhandsvisningen. Det publiceras inte förrän du tar bort draft = true.</div>`) {
		t.Errorf("draft page has no banner, or not the catalog's in Swedish")
	}
	if _, page := r.get(t, "/exjobb/energidata/"); strings.Contains(page, `id="portal-draft"`) {
		t.Errorf("banner on a published record")
	}
	code, nf := r.get(t, "/en/no-such-page/")
	if code != 404 || !strings.Contains(nf, `lang="en"`) || !strings.Contains(nf, "portal-live") {
		t.Errorf("English 404: %d\n%s", code, nf)
	}
}

// TestBuildHasNoServeMarkup checks that build's output never carries the
// live reload script, the overlay or the draft banner.
func TestBuildHasNoServeMarkup(t *testing.T) {
	root := fixture(t)
	l, err := pipeline.Load(os.DirFS(root), pipeline.Options{Now: testNow, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := l.Write(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	for p, body := range tree(t, out) {
		for _, mark := range []string{"portal-live", "portal-overlay", "portal-draft", "portal-warnings", "/_portal/"} {
			if strings.Contains(body, mark) {
				t.Errorf("%s contains %s", p, mark)
			}
		}
	}
}

// containsPrefix reports whether a path of paths starts with prefix.
func containsPrefix(paths []any, prefix string) bool {
	for _, p := range paths {
		if s, _ := p.(string); strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
