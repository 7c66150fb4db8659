package serve

import (
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http/httptest"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"portal/generator/internal/output"
)

// TestPageCarriesItsViewsToken checks that a page carries the token of
// the view its content is of, wherever it is fetched between the write
// of an update's files and the publishing of its view: fetched after the
// write, it used to carry the token of the view before, and to be told
// to reload again as its stream connected (a CI flake of
// TestStalePageReloadsOnConnect); a page fetched before the write must
// still be told to reload, and a page the update does not write is
// served at once.
func TestPageCarriesItsViewsToken(t *testing.T) {
	const rec = "content/theses/energidata.md"
	root := fixture(t)
	mem := output.NewMemory()
	sv := newServer(mem)
	eng := newEngine(os.DirFS(root), markWrites(mem, sv), fixedNow)
	overlay := template.Must(template.New("overlay").Parse(overlaySource))
	apply := func(res result, err error) {
		t.Helper()
		if err != nil || len(res.Errs) > 0 {
			t.Fatalf("update: %v %v", err, res.Errs)
		}
		sv.publish(newView(eng, os.DirFS(root), overlay, res), res.Changed)
	}
	get := func(urlPath string) string {
		w := httptest.NewRecorder()
		sv.ServeHTTP(w, httptest.NewRequest("GET", urlPath, nil))
		return w.Body.String()
	}
	apply(eng.update(nil))
	waiting := make(chan string, 8)
	sv.onWait = func(name string) { waiting <- name }

	before := get("/exjobb/energidata/")
	edit(t, root, rec, "Vi söker", "Vi letar efter")
	res, err := eng.update([]string{rec}) // the record's own pages, not published yet
	if !slices.Contains(res.Changed, "/exjobb/energidata/") {
		t.Fatalf("update wrote %v, want the record's page", res.Changed)
	}
	during := make(chan string, 1)
	go func() { during <- get("/exjobb/energidata/") }()
	var between string
	select {
	case name := <-waiting: // held back until its view is published
		if name != "exjobb/energidata/index.html" {
			t.Errorf("a request waited for %s", name)
		}
	case between = <-during: // served at once with a view (the old code)
	}
	other := get("/exjobb/trafikfloden/") // not written: served at once
	apply(res, err)
	if between == "" {
		between = <-during
	}
	select {
	case name := <-waiting:
		t.Errorf("a request waited for %s, which the update did not write", name)
	default:
	}

	for _, tt := range []struct {
		name, page, urlPath, text string
		reloads                   bool // its stream tells it to reload itself as it connects
	}{
		{"fetched before the write", before, "/exjobb/energidata/", "Vi söker", true},
		{"fetched between the write and the publishing", between, "/exjobb/energidata/", "Vi letar efter", false},
		{"not written, fetched meanwhile", other, "/exjobb/trafikfloden/", "", false},
	} {
		if !strings.Contains(tt.page, tt.text) {
			t.Errorf("%s: the page does not say %q", tt.name, tt.text)
		}
		ev, stale := staleReload(httptest.NewRequest("GET", eventsURL(t, tt.page), nil), sv.view())
		var msg struct {
			All   bool
			Paths []string
		}
		if stale {
			if err := json.Unmarshal([]byte(ev.data), &msg); err != nil {
				t.Fatal(err)
			}
		}
		if reloads := msg.All || slices.Contains(msg.Paths, tt.urlPath); reloads != tt.reloads {
			t.Errorf("%s: told to reload itself: %v, want %v (%s)", tt.name, reloads, tt.reloads, ev.data)
		}
	}
	for eng.pendingWrites() {
		apply(eng.finish())
	}
}

// TestMissingPageWaitsForThe404Page checks that a request for a page
// that is not there, answered with the 404 page, waits while an update
// writes that 404 page, and is then served with the view of its content:
// it used to be served at once, the new 404 page with the old token.
func TestMissingPageWaitsForThe404Page(t *testing.T) {
	mem := output.NewMemory()
	sv := newServer(mem)
	store := markWrites(mem, sv)
	if err := store.Put("404.html", []byte("<html><body>old</body></html>")); err != nil {
		t.Fatal(err)
	}
	sv.publish(&view{}, []string{"/404.html"})
	waiting := make(chan string, 8)
	sv.onWait = func(name string) { waiting <- name }
	if err := store.Put("404.html", []byte("<html><body>new</body></html>")); err != nil {
		t.Fatal(err)
	}
	served := make(chan string, 1)
	go func() {
		w := httptest.NewRecorder()
		sv.ServeHTTP(w, httptest.NewRequest("GET", "/no-such-page/", nil))
		served <- w.Body.String()
	}()
	select {
	case name := <-waiting:
		if name != "no-such-page/index.html" {
			t.Errorf("waited as %s", name)
		}
	case page := <-served:
		t.Fatalf("served before the update writing the 404 page was published: %s", page)
	}
	sv.publish(&view{}, []string{"/404.html"})
	page := <-served
	if want := liveTag(sv.view().token); !strings.Contains(page, "new") || !strings.Contains(page, want) {
		t.Errorf("page %q, want the new 404 page with %q", page, want)
	}
}

// TestWrittenFolderWaitsForItsPage checks that a request for a folder
// whose page an update is writing, or for a file other than a page that
// it is writing anew, waits for that update's publish and is then
// answered as a build's output would be: a new record's folder used to
// get the 404 page at once, and a new feed, once published, was served
// as an HTML page with the live script in it. A request for what the
// update does not write is answered at once.
func TestWrittenFolderWaitsForItsPage(t *testing.T) {
	for _, tt := range []struct {
		name    string
		before  []string // the files of the site served
		write   []string // the files the update writes, not yet published
		remove  []string // the files it removes, not yet published
		urlPath string
		waits   string // the file name the request waits as; "" for none
		status  int
		header  string // Location, or else Content-Type
		body    string // in the body; "" for none
	}{
		{"a new record's folder", []string{"exjobb/index.html"}, []string{"exjobb/ny-post/index.html"}, nil,
			"/exjobb/ny-post?q=1", "exjobb/ny-post", 301, "/exjobb/ny-post/?q=1", ""},
		{"a folder there, its page new", []string{"exjobb/ny-post/bild.jpg"}, []string{"exjobb/ny-post/index.html"}, nil,
			"/exjobb/ny-post", "exjobb/ny-post", 301, "/exjobb/ny-post/", ""},
		{"a folder whose page is rewritten", []string{"exjobb/ny-post/index.html"}, []string{"exjobb/ny-post/index.html"}, nil,
			"/exjobb/ny-post", "exjobb/ny-post", 301, "/exjobb/ny-post/", ""},
		{"a folder whose page is removed", []string{"exjobb/ny-post/index.html", "exjobb/ny-post/bild.jpg"}, nil, []string{"exjobb/ny-post/index.html"},
			"/exjobb/ny-post", "exjobb/ny-post", 404, "text/html; charset=utf-8", "<h1>404</h1>"},
		{"a new feed", []string{"exjobb/index.html"}, []string{"exjobb/atom.xml"}, nil,
			"/exjobb/atom.xml", "exjobb/atom.xml", 200, "application/atom+xml; charset=utf-8", "<feed>exjobb/atom.xml</feed>"},
		{"a folder not written", []string{"exjobb/index.html"}, []string{"praktik/index.html"}, nil,
			"/exjobb", "", 301, "/exjobb/", ""},
		{"a feed rewritten", []string{"exjobb/atom.xml"}, []string{"exjobb/atom.xml"}, nil,
			"/exjobb/atom.xml", "", 200, "application/atom+xml; charset=utf-8", "<feed>exjobb/atom.xml</feed>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mem := output.NewMemory()
			sv := newServer(mem)
			store := markWrites(mem, sv)
			put := func(rel string) {
				t.Helper()
				data := "<html><body>" + rel + "</body></html>"
				if path.Ext(rel) == ".xml" {
					data = "<feed>" + rel + "</feed>"
				}
				if err := store.Put(rel, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			for _, rel := range tt.before {
				put(rel)
			}
			sv.publish(&view{}, []string{"/"})
			waiting := make(chan string, 8)
			sv.onWait = func(name string) { waiting <- name }
			// The update has marked its files (markWrites), and writes
			// them while the request is answered or waits.
			for _, rel := range slices.Concat(tt.write, tt.remove) {
				sv.markWrite(rel)
			}
			served := make(chan *httptest.ResponseRecorder, 1)
			go func() {
				w := httptest.NewRecorder()
				sv.ServeHTTP(w, httptest.NewRequest("GET", tt.urlPath, nil))
				served <- w
			}()
			var w *httptest.ResponseRecorder
			select {
			case name := <-waiting:
				if name != tt.waits {
					t.Errorf("waited as %q, want %q", name, tt.waits)
				}
			case w = <-served:
				if tt.waits != "" {
					t.Errorf("answered %d before the update was published, want a wait as %q", w.Code, tt.waits)
				}
			}
			for _, rel := range tt.write {
				put(rel)
			}
			for _, rel := range tt.remove {
				if err := store.Remove(rel); err != nil {
					t.Fatal(err)
				}
			}
			sv.publish(&view{}, []string{"/"})
			if w == nil {
				w = <-served
			}
			header := w.Header().Get("Location")
			if header == "" {
				header = w.Header().Get("Content-Type")
			}
			if w.Code != tt.status || header != tt.header || !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("answered %d %q %q, want %d %q with %q", w.Code, header, w.Body.String(), tt.status, tt.header, tt.body)
			}
			if path.Ext(tt.urlPath) == ".xml" && strings.Contains(w.Body.String(), liveScript) {
				t.Errorf("a feed served with the live script: %q", w.Body.String())
			}
		})
	}
}

// countingFS counts the opens of each file of its fs.FS.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestPageReadOnce checks that a request opens the file it is answered
// with once: a page used to be opened to be told from the other files,
// then opened again to be read with its view.
func TestPageReadOnce(t *testing.T) {
	for _, tt := range []struct {
		urlPath, file string
		status        int
	}{
		{"/exjobb/", "exjobb/index.html", 200},
		{"/exjobb/index.html", "exjobb/index.html", 200},
		{"/exjobb/atom.xml", "exjobb/atom.xml", 200},
		{"/no-such-page/", "404.html", 404},
	} {
		mem := output.NewMemory()
		for _, rel := range []string{"exjobb/index.html", "exjobb/atom.xml", "404.html"} {
			if err := mem.Put(rel, []byte("<html><body>"+rel+"</body></html>")); err != nil {
				t.Fatal(err)
			}
		}
		files := &countingFS{FS: mem, opens: map[string]int{}}
		sv := newServer(files)
		for _, method := range []string{"GET", "HEAD"} {
			clear(files.opens)
			w := httptest.NewRecorder()
			sv.ServeHTTP(w, httptest.NewRequest(method, tt.urlPath, nil))
			if w.Code != tt.status || files.opens[tt.file] != 1 {
				t.Errorf("%s %s: %d, opened %s %d times, want %d, once", method, tt.urlPath, w.Code, tt.file, files.opens[tt.file], tt.status)
			}
		}
	}
}
