package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/pipeline"
)

// TestStructuralPageFirst checks that an edit that gives the site a new
// model writes, before update returns, the pages of the record edited
// alone (of a deleted record: their removal); the first finish the other
// pages, the next the other files; and that the folder then holds what
// build writes.
func TestStructuralPageFirst(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	const rec, added = "content/theses/energidata.md", "content/theses/nytt.md"
	const agreement, pdf = "content/agreements/nytt.md", "content/agreements/nytt.pdf"
	gammalt, err := os.ReadFile(filepath.Join(root, "content/theses/gammalt.md"))
	if err != nil {
		t.Fatal(err)
	}
	mou, err := os.ReadFile(filepath.Join(root, "content/agreements/mou.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		name   string
		path   string // the record edited
		also   string // another file changed
		change func()
		want   []string // URLs the batches must write, among others
	}{
		{"deadline", rec, "", func() { edit(t, root, rec, "deadline = 2026-12-15", "deadline = 2027-01-15") },
			[]string{"/exjobb/energidata/", "/exjobb/", "/en/theses/energidata/", "/search/s/k-theses.json"}},
		{"closed", rec, "", func() { edit(t, root, rec, "deadline = 2027-01-15", "deadline = 2026-11-01") },
			[]string{"/exjobb/energidata/", "/exjobb/"}},
		{"new", added, "", func() {
			write(t, root, added, strings.Replace(string(gammalt), "deadline = 2025-03-01", "deadline = 2027-03-01", 1))
		}, []string{"/exjobb/nytt/", "/exjobb/", "/sitemap.xml"}},
		{"deleted", added, "", func() { os.Remove(filepath.Join(root, added)) },
			[]string{"/exjobb/nytt/", "/exjobb/", "/sitemap.xml"}},
		// An attachment changed: every record is read again.
		{"new with an attachment", agreement, pdf, func() {
			write(t, root, pdf, "%PDF-1.4\n")
			write(t, root, agreement, strings.Replace(string(mou), "mou.pdf", "nytt.pdf", 1))
		}, []string{"/avtal/nytt/", "/avtal/nytt/nytt.pdf", "/avtal/", "/sitemap.xml"}},
		{"attachment deleted", agreement, pdf, func() {
			os.Remove(filepath.Join(root, pdf))
			os.Remove(filepath.Join(root, agreement))
		}, []string{"/avtal/nytt/", "/avtal/nytt/nytt.pdf", "/avtal/"}},
	} {
		t.Run(s.name, func(t *testing.T) {
			own := ownURLs(e, s.path)
			before, pages := tree(t, dirOf(e)), e.site.Pages
			s.change()
			paths := []string{s.path}
			if s.also != "" {
				paths = append(paths, s.also)
			}
			res, err := e.update(paths)
			if err != nil || len(res.Errs) > 0 || !res.Full {
				t.Fatalf("update: %v %v full=%v, want a new model", err, res.Errs, res.Full)
			}
			own = append(own, ownURLs(e, s.path)...)
			if on := changedURLs(t, before, tree(t, dirOf(e))); !slices.Equal(on, res.Changed) {
				t.Errorf("update reported %v, changed %v", res.Changed, on)
			}
			if len(res.Changed) == 0 {
				t.Error("update wrote nothing, want the record's pages")
			}
			for _, u := range res.Changed {
				if !slices.ContainsFunc(own, func(o string) bool { return strings.HasPrefix(u, o) }) {
					t.Errorf("update wrote %s, not a page of the record %v", u, own)
				}
			}
			all := res.Changed
			if !e.pendingWrites() {
				t.Fatal("update left nothing for finish")
			}
			for i := 0; e.pendingWrites(); i++ {
				later, err := e.finish()
				if err != nil || !later.Later {
					t.Fatalf("finish %d: %v later=%v", i, err, later.Later)
				}
				for _, u := range later.Changed {
					_, is := pageAt(e.site.Pages, u)
					if _, was := pageAt(pages, u); (is || was) != (i == 0) {
						t.Errorf("finish %d wrote %s (a page: %v)", i, u, i != 0)
					}
				}
				all = append(all, later.Changed...)
			}
			for _, u := range s.want {
				if !slices.Contains(all, u) {
					t.Errorf("%s not written; wrote %v", u, all)
				}
			}
			matchesBuild(t, e, root, s.name)
		})
	}
}

// TestStructuralThenInPlace checks that an update that comes while the
// batches of a new model are pending writes them first, and that an edit
// in place after them is exact.
func TestStructuralThenInPlace(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	const rec, other = "content/theses/energidata.md", "content/theses/trafikfloden.md"
	edit(t, root, rec, "deadline = 2026-12-15", "deadline = 2027-01-15")
	if res, err := e.update([]string{rec}); err != nil || !res.Full || !e.pendingWrites() {
		t.Fatalf("update: %v full=%v pending=%v", err, res.Full, e.pendingWrites())
	}
	edit(t, root, other, "title = \"", "title = \"Nya ")
	res := mustUpdate(t, e, other)
	if res.Full || len(res.Errs) > 0 {
		t.Fatalf("full=%v errs=%v, want an edit in place", res.Full, res.Errs)
	}
	for _, u := range []string{"/exjobb/", "/exjobb/trafikfloden/", "/exjobb/atom.xml"} {
		if !slices.Contains(res.Changed, u) {
			t.Errorf("%s not written; wrote %v", u, res.Changed)
		}
	}
	matchesBuild(t, e, root, "in place after a new model")
}

// ownURLs are the URLs of the pages of the record at path in the site
// the engine has now.
func ownURLs(e *engine, path string) []string {
	var out []string
	if ent := e.site.Lookup(path); ent != nil {
		for _, u := range ent.URL {
			out = append(out, u)
		}
	}
	return out
}

// changedURLs are the URL paths of the files that differ between two
// reads of a folder (tree): changed, added or removed.
func changedURLs(t *testing.T, before, after map[string]string) []string {
	t.Helper()
	var out []string
	for p, b := range before {
		if a, ok := after[p]; !ok || a != b {
			out = append(out, pipeline.URLPath(p))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, pipeline.URLPath(p))
		}
	}
	slices.Sort(out)
	return out
}

// TestEditsTakenBackAcrossModels takes edits in place back after a new
// model, which took the edited record's pages over from the last one
// (site.Options.Prev) with the sums the signer kept of them: every step
// must serve what a build writes, whether the record's signature is new
// or one it had before.
func TestEditsTakenBackAcrossModels(t *testing.T) {
	const rec, other = "content/theses/energidata.md", "content/theses/trafikfloden.md"
	root := fixture(t)
	e := newTestEngine(t, root)
	for _, s := range []struct {
		name     string
		path     string
		old, new string
		full     bool
	}{
		{"title in place", rec, `title = "Energidata`, `title = "Nya energidata`, false},
		{"another record moved", other, "deadline = 2026-11-27", "deadline = 2027-03-01", true},
		{"title taken back in place", rec, `title = "Nya energidata`, `title = "Energidata`, false},
		{"body in place", rec, "## Bakgrund", "## Bakgrund och syfte", false},
		{"another record moved back", other, "deadline = 2027-03-01", "deadline = 2026-11-27", true},
		{"body taken back in place", rec, "## Bakgrund och syfte", "## Bakgrund", false},
		{"the record moved", rec, "deadline = 2026-12-15", "deadline = 2027-02-01", true},
		{"the record moved back", rec, "deadline = 2027-02-01", "deadline = 2026-12-15", true},
	} {
		edit(t, root, s.path, s.old, s.new)
		res := mustUpdate(t, e, s.path)
		if len(res.Errs) > 0 || res.Full != s.full {
			t.Fatalf("%s: full=%v errs=%v, want full=%v", s.name, res.Full, res.Errs, s.full)
		}
		matchesBuild(t, e, root, s.name)
	}
}
