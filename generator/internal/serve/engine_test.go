package serve

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/output"
	"portal/generator/internal/pipeline"
)

func newTestEngine(t testing.TB, root string) *engine {
	t.Helper()
	return builtEngine(t, root, output.Dir(t.TempDir()))
}

// builtEngine is an engine of the site at root writing to store, after
// its first build, which must have no problems.
func builtEngine(t testing.TB, root string, store output.Store) *engine {
	t.Helper()
	e := newEngine(os.DirFS(root), store, fixedNow)
	res, err := e.update(nil)
	if err != nil || len(res.Errs) > 0 {
		t.Fatalf("first build: %v %v", err, res.Errs)
	}
	return e
}

// mustUpdate updates and finishes, and returns both results in one.
func mustUpdate(t testing.TB, e *engine, paths ...string) result {
	t.Helper()
	res, err := e.update(paths)
	if err != nil {
		t.Fatal(err)
	}
	for e.pendingWrites() {
		later, err := e.finish()
		if err != nil {
			t.Fatal(err)
		}
		res.Changed = append(res.Changed, later.Changed...)
		res.Written += later.Written
	}
	slices.Sort(res.Changed)
	return res
}

func TestInPlaceEdit(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	edit(t, root, "content/theses/energidata.md", "Vi söker", "Vi letar efter")
	res := mustUpdate(t, e, "content/theses/energidata.md")
	if res.Full || len(res.Errs) > 0 {
		t.Fatalf("full=%v errs=%v, want an in-place update", res.Full, res.Errs)
	}
	t.Log(res.Changed)
}

// TestInPlaceKeepsLoadedVersions checks that an edit of text puts the
// record as reloaded in the model and leaves the versions loaded before as
// they were: content records are never written after they are loaded.
func TestInPlaceKeepsLoadedVersions(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		lang, title          string // the version edited, its title after
	}{
		{"body", "content/theses/energidata.md", "Vi söker", "Vi letar efter", "sv", "Energidata för flerbostadshus"},
		{"title", "content/theses/energidata.en.md", `"Energy data for apartment blocks"`, `"Energy data"`, "en", "Energy data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t)
			e := newTestEngine(t, root)
			ent := e.site.Lookup(tt.file)
			before := ent.Record
			var saved []content.Version
			for _, v := range before.Versions {
				saved = append(saved, *v)
			}
			edit(t, root, tt.file, tt.old, tt.new)
			if res := mustUpdate(t, e, tt.file); res.Full || len(res.Errs) > 0 {
				t.Fatalf("full=%v errs=%v, want an in-place update", res.Full, res.Errs)
			}
			for i, v := range before.Versions {
				if !reflect.DeepEqual(*v, saved[i]) {
					t.Errorf("loaded version %s changed: %q, was %q", v.Path, v.Title, saved[i].Title)
				}
			}
			now := e.site.Lookup(tt.file)
			if now != ent || ent.Record == before {
				t.Fatalf("entry %p holds record %p, want entry %p with a new record", now, ent.Record, ent)
			}
			v := ent.In(tt.lang)
			if v.Title != tt.title {
				t.Errorf("title %q, want %q", v.Title, tt.title)
			}
			for _, p := range e.site.Pages {
				if p.Entry == ent && p.Lang == tt.lang && (p.V != v || p.Title != tt.title) {
					t.Errorf("page %s shows %q (%p), want %q (%p)", p.URL, p.Title, p.V, tt.title, v)
				}
				for _, g := range p.Groups {
					for _, it := range g.Items {
						if it.Entry == ent && !slices.Contains(ent.Versions, it.V) {
							t.Errorf("page %s lists a version loaded before: %q", p.URL, it.V.Title)
						}
					}
				}
			}
		})
	}
}

// matchesBuild checks that the served folder holds exactly what build
// -drafts writes from the same sources.
func matchesBuild(t *testing.T, e *engine, root, step string) {
	t.Helper()
	matchesBuildAt(t, e, root, step, testNow)
}

// matchesBuildAt is matchesBuild with the build's now, for an engine
// whose now is not testNow; the engine writes to a folder or to memory.
func matchesBuildAt(t *testing.T, e *engine, root, step string, now time.Time) {
	t.Helper()
	l, err := pipeline.Load(os.DirFS(root), pipeline.Options{Now: now, Drafts: true})
	if err != nil {
		t.Fatalf("%s: build: %v", step, err)
	}
	want := filepath.Join(t.TempDir(), "public")
	if _, err := l.Write(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	served, ok := e.store.(fs.FS)
	if !ok {
		served = os.DirFS(dirOf(e))
	}
	got, exp := treeFS(t, served), asPreview(tree(t, want))
	for p := range exp {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: %s missing", step, p)
		} else if got[p] != exp[p] {
			t.Errorf("%s: %s differs", step, p)
		}
	}
	for p := range got {
		if _, ok := exp[p]; !ok {
			t.Errorf("%s: %s is stale", step, p)
		}
	}
}

// TestMatchesBuild checks, after each of a series of edits, that the
// served folder holds exactly what build -drafts writes from the same
// sources.
func TestMatchesBuild(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	check := func(step string) {
		t.Helper()
		matchesBuild(t, e, root, step)
	}
	check("start")
	steps := []struct {
		name, path, old, new string
		full                 bool // needs a new site model
	}{
		{"body", "content/theses/energidata.md", "Vi söker", "Vi letar efter", false},
		{"heading with a frame's id", "content/theses/energidata.md", "Vi letar efter", "## Main\n\nVi letar efter", false},
		{"title", "content/theses/trafikfloden.md", "title = \"", "title = \"Nya ", false},
		{"summary", "content/theses/trafikfloden.md", "summary = \"", "summary = \"Nu: ", false},
		{"deadline", "content/theses/energidata.md", "deadline = 2026-12-15", "deadline = 2026-11-01", true}, // closed now
		{"reopened", "content/theses/energidata.md", "deadline = 2026-11-01", "deadline = 2026-12-15", true},
		{"lecture body", "content/lectures/smarta-kartor.md", "Om kartor.", "Om kartor och data.", false},
		{"lecture title", "content/lectures/smarta-kartor.md", "title = \"", "title = \"Nya ", false},
		{"lecture place", "content/lectures/smarta-kartor.md", "sal Q2", "sal Q3", true},
		{"level", "content/theses/energidata.md", "level = \"master\"", "level = \"bachelor\"", true},
		{"school", "content/theses/energidata.md", "schools = [\"abe\"]", "schools = [\"eecs\"]", true},
		{"area", "content/theses/gammalt.md", "areas = [\"trafik\"]", "areas = [\"trafik\", \"energi\"]", true},
		{"collaboration status", "content/collaborations/elnat.md", "status = \"active\"", "status = \"completed\"", true},
		{"lecture status", "content/lectures/smarta-kartor.md", "speakerOrg = ", "status = \"cancelled\"\nspeakerOrg = ", true},
		{"translation title", "content/theses/energidata.en.md", "title = \"", "title = \"New ", false},
		{"alias", "content/theses/energidata.en.md", "title = \"New ", "aliases = [\"/en/theses/old/\"]\ntitle = \"New ", true},
		{"alias renamed", "content/theses/energidata.en.md", "/en/theses/old/", "/en/theses/older/", true},
		{"agreement body", "content/agreements/mou.md", "\n+++\n", "\n+++\n\nInledning.\n", false},
		{"follow-up title, on its agreement's page", "content/followups/2025.md", "title = \"", "title = \"Ny ", false},
		{"task list", "content/followups/2025.md", "Ledningsdialogen 2025.", "Ledningsdialogen 2025.\n\n- [x] klart\n- [ ] kvar", false},
		{"names of task checkboxes", "templates/i18n/sv.toml", "done = \"Klar\"", "done = \"Avklarad\"", true},
		{"free page body", "content/pages/tillganglighet.md", "\n+++\n", "\n+++\n\nInledning.\n", false},
		{"free page title", "content/pages/tillganglighet.md", "title = \"", "title = \"Om ", true},
		{"draft", "content/theses/utkast.md", "draft = true", "draft = false", true},
		{"config", "config.toml", "sv = \"Energi", "sv = \"Energin", true},
		{"template", "templates/layouts/base.html", "</main>", "</main>\n<!-- x -->", true},
	}
	for _, s := range steps {
		edit(t, root, s.path, s.old, s.new)
		res := mustUpdate(t, e, s.path)
		if len(res.Errs) > 0 {
			t.Fatalf("%s: %v", s.name, res.Errs)
		}
		if res.Full != s.full {
			t.Errorf("%s: full = %v, want %v", s.name, res.Full, s.full)
		}
		check(s.name)
	}
	// delete, add, rename
	os.Remove(filepath.Join(root, "content/theses/trafikfloden.md"))
	mustUpdate(t, e, "content/theses/trafikfloden.md")
	check("delete")
	b, _ := os.ReadFile(filepath.Join(root, "content/theses/gammalt.md"))
	write(t, root, "content/theses/nytt.md", string(b))
	mustUpdate(t, e, "content/theses/nytt.md")
	check("add")
	os.Rename(filepath.Join(root, "content/theses/nytt.md"), filepath.Join(root, "content/theses/nyare.md"))
	res := mustUpdate(t, e, "content/theses/nytt.md", "content/theses/nyare.md")
	check("rename")
	if !slices.Contains(res.Changed, "/exjobb/nytt/") || !slices.Contains(res.Changed, "/exjobb/nyare/") {
		t.Errorf("rename changed %v", res.Changed)
	}
	write(t, root, "content/theses/nyare.en.md", "+++\ntitle = \"A newer offer\"\n+++\n\nIn English.\n")
	mustUpdate(t, e, "content/theses/nyare.en.md")
	check("translation added")
	os.Remove(filepath.Join(root, "content/theses/nyare.en.md"))
	mustUpdate(t, e, "content/theses/nyare.en.md")
	check("translation deleted")
}

// TestConfidentialMatchesBuild checks that an agreement made
// confidential, or public again, in its own file hides, or shows again,
// the body of its translation too: the translation's file did not
// change, but its body kept from the last update was rendered for the
// other flag (its HTML in the English page, its first paragraph in the
// lists, feeds and search), and must not be served again. In a folder
// and in memory.
func TestConfidentialMatchesBuild(t *testing.T) {
	const rec = "content/agreements/mou.md"
	for _, store := range bothStores() {
		t.Run(store.name, func(t *testing.T) {
			root := fixture(t)
			e := builtEngine(t, root, store.new(t))
			for _, s := range []struct {
				name, old, new string
			}{
				{"confidential", "attachment = ", "confidential = true\nattachment = "},
				{"public again", "confidential = true\n", ""},
			} {
				edit(t, root, rec, s.old, s.new)
				res := mustUpdate(t, e, rec)
				if len(res.Errs) > 0 || !res.Full || !slices.Contains(res.Changed, "/en/agreements/mou/") {
					t.Errorf("%s: problems %v, full %v, changed %v: want a new model and the translation's page", s.name, res.Errs, res.Full, res.Changed)
				}
				matchesBuild(t, e, root, s.name)
			}
		})
	}
}

// namedStore makes a store of the preview's output for a test.
type namedStore struct {
	name string
	new  func(t *testing.T) output.Store
}

// bothStores are the two stores serve writes the preview to: a folder
// (-out) and memory.
func bothStores() []namedStore {
	return []namedStore{
		{"folder", func(t *testing.T) output.Store { return output.Dir(t.TempDir()) }},
		{"memory", func(*testing.T) output.Store { return output.NewMemory() }},
	}
}

// TestMatchesBuildLongLists is TestMatchesBuild on a site whose lists
// are long enough to be signed as a whole (the search index, the feeds of
// a kind): an edit in place must still write every output that shows the
// record, the search files included, and an edit that moves a record
// every output it shifts.
func TestMatchesBuildLongLists(t *testing.T) {
	root := fixture(t)
	b, err := os.ReadFile(filepath.Join(root, "content/theses/gammalt.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 80 {
		text := strings.Replace(string(b), "title = \"", fmt.Sprintf("title = \"Extra %d ", i), 1)
		write(t, root, fmt.Sprintf("content/theses/extra-%02d.md", i), text+fmt.Sprintf("\nOrdet%d.\n", i))
	}
	e := newTestEngine(t, root)
	matchesBuild(t, e, root, "start")
	for _, s := range []struct {
		name, path, old, new string
		full                 bool // needs a new site model
	}{
		{"body", "content/theses/extra-40.md", "Ordet40.", "Ordet40 och ett nyord.", false},
		{"title", "content/theses/extra-07.md", "Extra 7 ", "Extra sju ", false},
		{"body again", "content/theses/extra-40.md", "och ett nyord.", "utan nyord.", false},
		// A record that moves renumbers the search documents it passes.
		{"opened", "content/theses/extra-40.md", "deadline = 2025-03-01", "deadline = 2027-03-01", true},
		{"moved back", "content/theses/extra-12.md", "date = 2025-01-01", "date = 2024-01-01", true},
		{"moved forward", "content/theses/extra-70.md", "date = 2025-01-01", "date = 2025-06-01", true},
		{"closed", "content/theses/extra-40.md", "deadline = 2027-03-01", "deadline = 2025-03-01", true},
		// A host no other record has: a choice in the search form of
		// every page of the lists that search the record, not only of
		// the page that lists it.
		{"host", "content/theses/extra-70.md", `host = "trafikkontoret"`, `host = "kth"`, true},
	} {
		edit(t, root, s.path, s.old, s.new)
		if res := mustUpdate(t, e, s.path); res.Full != s.full || len(res.Errs) > 0 {
			t.Fatalf("%s: full=%v errs=%v, want full=%v", s.name, res.Full, res.Errs, s.full)
		}
		matchesBuild(t, e, root, s.name)
	}
	os.Remove(filepath.Join(root, "content/theses/extra-33.md"))
	mustUpdate(t, e, "content/theses/extra-33.md")
	matchesBuild(t, e, root, "deleted")
	write(t, root, "content/theses/extra-33.md", string(b))
	mustUpdate(t, e, "content/theses/extra-33.md")
	matchesBuild(t, e, root, "added")
}

func TestErrorsKeepLastGood(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	before := tree(t, dirOf(e))
	const rec = "content/theses/energidata.md"

	edit(t, root, rec, `areas = ["energi"]`, `areas = ["energi"`)
	res := mustUpdate(t, e, rec)
	if len(res.Errs) != 1 || res.Errs[0].Path != rec || res.Errs[0].Line != 4 || !strings.HasPrefix(res.Errs[0].Msg, "areas: the list cannot be read") {
		t.Fatalf("errors: %v", res.Errs)
	}
	if len(res.Changed) > 0 || !maps.Equal(tree(t, dirOf(e)), before) {
		t.Fatalf("the served files changed while the sources had errors: %v", res.Changed)
	}

	edit(t, root, rec, `areas = ["energi"`, `areas = ["energi"]`)
	edit(t, root, rec, "Vi söker", "Vi letar efter")
	res = mustUpdate(t, e, rec)
	if len(res.Errs) > 0 || res.Full || !slices.Contains(res.Changed, "/exjobb/energidata/") {
		t.Fatalf("after the fix: errs %v, full %v, changed %v", res.Errs, res.Full, res.Changed)
	}

	// A broken link in a body edited in place.
	edit(t, root, rec, "Vi letar efter", "Se [borta](../theses/borta.md). Vi letar efter")
	res = mustUpdate(t, e, rec)
	if len(res.Errs) != 1 || !strings.Contains(res.Errs[0].Error(), "content/theses/energidata.md:16:") || !strings.Contains(res.Errs[0].Msg, "no such record") {
		t.Fatalf("link error: %v", res.Errs)
	}
	if len(res.Changed) > 0 {
		t.Fatalf("wrote %v despite the error", res.Changed)
	}
	// An edit of another record while the error stands writes nothing.
	edit(t, root, "content/theses/trafikfloden.md", "title = \"", "title = \"Nya ")
	if res = mustUpdate(t, e, "content/theses/trafikfloden.md"); len(res.Errs) != 1 || len(res.Changed) > 0 {
		t.Fatalf("second edit: errs %v, changed %v", res.Errs, res.Changed)
	}
	edit(t, root, rec, "Se [borta](../theses/borta.md). ", "")
	res = mustUpdate(t, e, rec)
	if len(res.Errs) > 0 || !slices.Contains(res.Changed, "/exjobb/trafikfloden/") {
		t.Fatalf("after the second fix: errs %v, changed %v", res.Errs, res.Changed)
	}
}

// TestWritesOnlyChanged checks that an edit rewrites only the files whose
// bytes changed, and exactly the files that show the record.
func TestWritesOnlyChanged(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	for p := range tree(t, dirOf(e)) {
		os.Chtimes(filepath.Join(dirOf(e), p), old, old)
	}
	edit(t, root, "content/internships/sommarpraktik.md", "+++\n\n", "+++\n\nNytt stycke.\n\n")
	res := mustUpdate(t, e, "content/internships/sommarpraktik.md")
	var touched []string
	for p := range tree(t, dirOf(e)) {
		info, err := os.Stat(filepath.Join(dirOf(e), p))
		if err != nil {
			t.Fatal(err)
		}
		if !info.ModTime().Equal(old) {
			touched = append(touched, pipeline.URLPath(p))
		}
	}
	slices.Sort(touched)
	if !slices.Equal(touched, res.Changed) {
		t.Errorf("touched %v, reported %v", touched, res.Changed)
	}
	// Of the search index, the result chunk of the record (its excerpt)
	// and the term buckets of the words it gained and of the words whose
	// documents it joined or left.
	want := []string{"/", "/en/", "/en/areas/trafik/atom.xml", "/en/areas/trafik/page/2/", "/en/internships/",
		"/en/internships/atom.xml", "/en/organisations/trafikkontoret/atom.xml", "/en/organisations/trafikkontoret/page/2/",
		"/en/search/r/0.json", "/en/search/t/0.json", "/en/search/t/1.json", "/en/search/t/2.json",
		"/omraden/trafik/atom.xml", "/omraden/trafik/sida/2/", "/organisationer/trafikkontoret/atom.xml", "/organisationer/trafikkontoret/sida/2/",
		"/praktik/", "/praktik/atom.xml", "/praktik/sommarpraktik/",
		"/search/r/0.json", "/search/t/0.json", "/search/t/1.json", "/search/t/2.json"}
	if !slices.Equal(res.Changed, want) {
		t.Errorf("wrote\n%v\nwant\n%v", res.Changed, want)
	}
	for _, w := range want {
		if !slices.Contains(res.Changed, w) {
			t.Errorf("%s not written; wrote %v", w, res.Changed)
		}
	}
	for _, c := range res.Changed {
		if strings.HasPrefix(c, "/exjobb/") || strings.HasPrefix(c, "/avtal/") || strings.HasPrefix(c, "/assets/") || c == "/sitemap.xml" {
			t.Errorf("%s written, but it does not show the record", c)
		}
	}
}

// TestSiteProblemsBesideRecords checks that while a record has problems
// of its own, the server still reports the problems between the others,
// a broken link elsewhere, as a build does: all of them at once.
func TestSiteProblemsBesideRecords(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	before := tree(t, dirOf(e))
	const linking, typo = "content/theses/trafikfloden.md", "content/theses/energidata.md"
	const link = "content/theses/trafikfloden.md:12:12: link to ../theses/borta.md: no such record; check the file name"
	const areas = `content/theses/energidata.md:4:9: areas: the list cannot be read – separate its values with commas and end it with ], like areas = ["a", "b"]`
	for _, s := range []struct {
		name, path, old, new string
		want                 []string
	}{
		{"broken link", linking, "+++\n\n", "+++\n\nSe [borta](../theses/borta.md).\n\n", []string{link}},
		{"and a typo", typo, `areas = ["energi"]`, `areas = ["energi"`, []string{areas, link}},
		{"typo mended", typo, `areas = ["energi"`, `areas = ["energi"]`, []string{link}},
	} {
		edit(t, root, s.path, s.old, s.new)
		res := mustUpdate(t, e, s.path)
		if got := lines(res.Errs); !slices.Equal(got, s.want) {
			t.Fatalf("%s: got\n%s\nwant\n%s", s.name, strings.Join(got, "\n"), strings.Join(s.want, "\n"))
		}
		refusedAsBuild(t, root, res.Errs, s.name, testNow)
		if len(res.Changed) > 0 || !maps.Equal(tree(t, dirOf(e)), before) {
			t.Fatalf("%s: the served files changed while the sources had problems: %v", s.name, res.Changed)
		}
	}
	edit(t, root, linking, "Se [borta](../theses/borta.md).\n\n", "")
	if res := mustUpdate(t, e, linking); len(res.Errs) > 0 {
		t.Fatalf("after the last fix: %v", res.Errs)
	}
	matchesBuild(t, e, root, "mended")
}

// TestRefusedRecordClaims checks that a record refused for a problem of
// its own is still checked against the others, as a build checks every
// record it could read: it claims its slug (its slug =, which takes
// another record's name, is told so) and names its attachment (never a
// confidential agreement's). Reloading the record's group alone kept only the records
// without problems for those checks, and the preview left both problems
// out while the record had another.
func TestRefusedRecordClaims(t *testing.T) {
	const (
		area   = `content/theses/energidata.md:5:10: unknown area "okänd" (not in config.toml [areas], which has: energi, trafik)`
		area4  = `content/theses/energidata.md:4:10: unknown area "okänd" (not in config.toml [areas], which has: energi, trafik)` // the line of slug gone
		slug   = `content/theses/energidata.md:4:8: slug "gammalt" is already used by content/theses/gammalt.md; choose another`
		secret = `content/agreements/mou.md:15:14: attachment "hemligt-avtal.pdf" is the confidential attachment of content/agreements/hemligt.md`
		key    = `content/agreements/mou.md:16:1: unknown key "centre": agreements do not have it`
		stray  = `content/agreements/mou.pdf:1:1: file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record`
	)
	type step struct {
		name, path, old, new string
		want                 []string
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"slug", []step{
			{"slug of another and an unknown area", "content/theses/energidata.md", `areas = ["energi"]`, "slug = \"gammalt\"\nareas = [\"okänd\"]", []string{slug, area}},
			{"slug taken back", "content/theses/energidata.md", "slug = \"gammalt\"\n", "", []string{area4}},
		}},
		{"confidential attachment", []step{
			{"a confidential attachment and an unknown key", "content/agreements/mou.md", `attachment = "mou.pdf"`, "attachment = \"hemligt-avtal.pdf\"\ncentre = \"x\"", []string{secret, key, stray}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t)
			e := newTestEngine(t, root)
			for _, s := range tt.steps {
				edit(t, root, s.path, s.old, s.new)
				res := mustUpdate(t, e, s.path)
				if got := lines(res.Errs); !slices.Equal(got, s.want) {
					t.Errorf("%s: got\n%s\nwant\n%s", s.name, strings.Join(got, "\n"), strings.Join(s.want, "\n"))
				}
				refusedAsBuild(t, root, res.Errs, s.name, testNow)
			}
		})
	}
}

// TestRefusedRecordLinks checks that a broken link in a record refused
// for another problem is in the overlay with it, as a build reports it,
// and leaves it when the link is mended while the other problem stays.
func TestRefusedRecordLinks(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	const p = "content/theses/energidata.md"
	const areas = `content/theses/energidata.md:4:9: areas: the list cannot be read – separate its values with commas and end it with ], like areas = ["a", "b"]`
	const link = "content/theses/energidata.md:16:72: link to ../agreements/borta.md: no such record; check the file name"
	for _, s := range []struct {
		name, old, new string
		want           []string
	}{
		{"typo", `areas = ["energi"]`, `areas = ["energi"`, []string{areas}},
		{"and a broken link", "../agreements/mou.md", "../agreements/borta.md", []string{areas, link}},
		{"link mended", "../agreements/borta.md", "../agreements/mou.md", []string{areas}},
		{"link broken again", "../agreements/mou.md", "../agreements/borta.md", []string{areas, link}},
		{"typo mended", `areas = ["energi"`, `areas = ["energi"]`, []string{link}},
	} {
		edit(t, root, p, s.old, s.new)
		res := mustUpdate(t, e, p)
		if got := lines(res.Errs); !slices.Equal(got, s.want) {
			t.Fatalf("%s: got\n%s\nwant\n%s", s.name, strings.Join(got, "\n"), strings.Join(s.want, "\n"))
		}
		refusedAsBuild(t, root, res.Errs, s.name, testNow)
	}
}
