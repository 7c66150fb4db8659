package serve

import (
	"encoding/json"
	"html/template"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
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
