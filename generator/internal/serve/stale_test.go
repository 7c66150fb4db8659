package serve

import (
	"html"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// eventsURL is the event stream's URL in a page's live reload script.
func eventsURL(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`id="portal-live" data-events="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no live reload script in the page")
	}
	return html.UnescapeString(m[1])
}

// TestStalePageReloadsOnConnect checks that a page served before an
// update its script did not hear of (the browser was still loading it,
// or serve was restarted meanwhile) reloads once the script connects: it
// used to connect, hear "ok" and keep showing the old text.
func TestStalePageReloadsOnConnect(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	_, page := r.get(t, "/exjobb/energidata/")
	target := eventsURL(t, page)

	// A page served now connects to a quiet stream: no reload.
	quiet := r.eventsAt(t, target)
	edit(t, root, "content/theses/energidata.md", "Vi söker", "Vi letar efter")
	deadline := time.Now().Add(wait)
	for !strings.Contains(page, "Vi letar efter") {
		if time.Now().After(deadline) {
			t.Fatal("the edit was not served")
		}
		time.Sleep(20 * time.Millisecond)
		_, page = r.get(t, "/exjobb/energidata/")
	}
	if ev := reloadFor(t, quiet, "/exjobb/energidata/"); ev.Data["all"] == true {
		t.Errorf("a current page's stream asked for every page to reload: %v", ev.Data)
	}

	// The old page connects only now.
	ev := reloadFor(t, r.eventsAt(t, target), "/exjobb/energidata/")
	if ev.Data["all"] == true {
		t.Errorf("the page served before the edit was told to reload with every page: %v", ev.Data)
	}
	// The page as served now is current, though it may have been served
	// before the edit's other pages were written (the lists): it hears
	// of those, not of itself, even when it was asked for between the
	// write of its batch and the publishing of that batch (serveFile).
	fresh := r.eventsAt(t, eventsURL(t, page))
	select {
	case ev := <-fresh:
		if paths, _ := ev.Data["paths"].([]any); ev.Name == "reload" && (ev.Data["all"] == true || slices.Contains(paths, any("/exjobb/energidata/"))) {
			t.Errorf("a current page was told to reload: %v", ev.Data)
		}
	case <-time.After(300 * time.Millisecond):
	}
}

// TestStaleReload checks what a page that connects with the content of
// an earlier view hears: the paths changed since (none when current), or
// every page when its view is older than those remembered.
func TestStaleReload(t *testing.T) {
	v := &view{token: "s.3", changes: []change{{"s.1", []string{"/a/"}}, {"s.2", []string{"/c/", "/b/"}}, {"s.3", []string{"/b/"}}}}
	tests := []struct {
		name, since, lastID string
		want                string // the reload's data; "" for none
	}{
		{"current", "s.3", "", ""},
		{"one update behind", "s.2", "", `{"all":false,"paths":["/b/"]}`},
		{"two behind", "s.1", "", `{"all":false,"paths":["/b/","/c/"]}`},
		{"older than remembered", "s.0", "", `{"all":true,"paths":[]}`},
		{"another server's", "t.3", "", `{"all":true,"paths":[]}`},
		{"reconnected", "s.1", "s.2", `{"all":false,"paths":["/b/"]}`},
		{"not said", "", "", ""},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/_portal/events?since="+tt.since, nil)
		if tt.lastID != "" {
			r.Header.Set("Last-Event-ID", tt.lastID)
		}
		ev, stale := staleReload(r, v)
		if got := map[bool]string{true: ev.data}[stale]; got != tt.want || stale && ev.id != v.token {
			t.Errorf("%s: %v %q (id %q), want %q", tt.name, stale, ev.data, ev.id, tt.want)
		}
	}
	v.problems = []problem{{}}
	if _, stale := staleReload(httptest.NewRequest("GET", "/_portal/events?since=s.1", nil), v); stale {
		t.Error("a reload while the overlay shows problems")
	}
}
