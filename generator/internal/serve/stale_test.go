package serve

import (
	"html"
	"regexp"
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
	ev := next(t, r.eventsAt(t, target), "reload", "ok")
	if ev.Name != "reload" {
		t.Fatalf("the page served before the edit heard %q, not reload", ev.Name)
	}
	// The page as served now is current.
	fresh := r.eventsAt(t, eventsURL(t, page))
	select {
	case ev := <-fresh:
		if ev.Name == "reload" {
			t.Errorf("a current page was told to reload: %v", ev.Data)
		}
	case <-time.After(300 * time.Millisecond):
	}
}
