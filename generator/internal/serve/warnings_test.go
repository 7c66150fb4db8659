package serve

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/output"
	"portal/generator/internal/site"
)

// TestWarningsOnPage checks that the preview shows a record's warnings
// (which build prints only in the terminal, and check -strict refuses) on
// the record's page, after edits in place and new models alike, and that
// what the engine keeps is what a check of the whole site gives.
func TestWarningsOnPage(t *testing.T) {
	const (
		energi    = "content/theses/energidata.md"
		energiURL = "/exjobb/energidata/"
		trafikURL = "/exjobb/trafikfloden/"
		rawHTML   = `content/theses/energidata.md:16:58: warning: <b> is HTML, which is not published: write it in Markdown (**bold**, [text](https://…)) or remove it`
		script    = `content/theses/trafikfloden.md:12:30: warning: <script> is HTML, which is not published: write it in Markdown (**bold**, [text](https://…)) or remove it`
		deadline  = `content/theses/energidata.md:8:12: warning: deadline 2026-08-01 must be after the record's date 2026-09-01; write the last day to apply`
	)
	root := fixture(t)
	e := newTestEngine(t, root)
	steps := []struct {
		name       string
		old, new   string
		full       bool                // a new model, not an edit in place
		want       map[string][]string // URL path → the warnings its page shows
		wantEnergi string              // the note on the edited page, in Swedish
	}{
		{"first build", "", "", true, map[string][]string{trafikURL: {script}, energiURL: nil}, ""},
		{"raw HTML typed", "energidata. Se", "energidata <b>nu</b>. Se", false,
			map[string][]string{energiURL: {rawHTML}, trafikURL: {script}},
			`<div id="portal-warnings" role="note" lang="sv"><p>1 varning i den här posten: webbplatsen byggs, men <code>check -strict</code> (som CI kör på innehållet) godtar den inte</p><ul><li>content/theses/energidata.md:16:58: varning: &lt;b&gt; är HTML, som inte publiceras – skriv det i Markdown (**fet**, [text](https://…)) eller ta bort det</li></ul></div>`},
		{"deadline before date", "deadline = 2026-12-15", "deadline = 2026-08-01", true,
			map[string][]string{energiURL: {deadline, rawHTML}, trafikURL: {script}}, ""},
		{"both fixed", "deadline = 2026-08-01", "deadline = 2026-12-15", true,
			map[string][]string{energiURL: {rawHTML}, trafikURL: {script}}, ""},
		{"HTML taken out", "energidata <b>nu</b>. Se", "energidata. Se", false,
			map[string][]string{energiURL: nil, trafikURL: {script}}, ""},
	}
	for _, s := range steps {
		if s.old != "" {
			edit(t, root, energi, s.old, s.new)
			if res := mustUpdate(t, e, energi); res.Full != s.full || len(res.Errs) > 0 {
				t.Fatalf("%s: full %v, errors %v; want full %v", s.name, res.Full, res.Errs, s.full)
			}
		}
		var kept diag.List
		for _, w := range e.warned {
			kept = append(kept, w...)
		}
		kept.Sort()
		if all := e.site.Warnings(); !slices.Equal(kept.LinesIn(diag.English), all.LinesIn(diag.English)) {
			t.Errorf("%s: the engine keeps\n%s\nthe site has\n%s", s.name, strings.Join(kept.LinesIn(diag.English), "\n"), strings.Join(all.LinesIn(diag.English), "\n"))
		}
		v := newView(e, nil, nil, result{})
		for url, want := range s.want {
			var got []string
			p, _ := pageAt(v.pages, url)
			if p != nil {
				got = v.warned[p.Entry].LinesIn(diag.English)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s shows\n%s\nwant\n%s", s.name, url, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			page := string(new(server).inject([]byte("<html><body><main></main></body></html>"), url, v))
			if has := strings.Contains(page, `id="portal-warnings"`); has != (len(want) > 0) {
				t.Errorf("%s: %s has a note of warnings: %v, want %v", s.name, url, has, len(want) > 0)
			}
			if url == energiURL && s.wantEnergi != "" && !strings.Contains(page, `id="portal-style">`+s.wantEnergi+"<main>") {
				t.Errorf("%s: %s is\n%s\nwant the note\n%s", s.name, url, page, s.wantEnergi)
			}
		}
	}
	if page := string(new(server).inject([]byte("<body></body>"), "/exjobb/", newView(e, nil, nil, result{}))); strings.Contains(page, "portal-warnings") {
		t.Errorf("a list page has a note of warnings")
	}
}

// TestWarningsNoteOfDraft checks the head of the note of warnings: a
// draft is published by no build, and check (as CI runs it, without
// -drafts) does not read it, so its note says that check -strict will
// refuse its warnings once draft = true is removed, not that it refuses
// them now.
func TestWarningsNoteOfDraft(t *testing.T) {
	ent := &site.Entry{}
	w := diag.Warn("content/theses/a.md", 3, 1, diag.WarnRawHTML, "<b>")
	v := &view{
		pages:  []*site.Page{{URL: "/en/theses/a/", Lang: "en", Entry: ent}, {URL: "/exjobb/a/", Lang: "sv", Entry: ent}},
		warned: map[*site.Entry]diag.List{ent: {w}},
		lang:   "sv",
	}
	for _, c := range []struct {
		name  string
		url   string
		draft bool
		warns diag.List
		want  string
	}{
		{"published, one", "/exjobb/a/", false, diag.List{w},
			`<p>1 varning i den här posten: webbplatsen byggs, men <code>check -strict</code> (som CI kör på innehållet) godtar den inte</p>`},
		{"published, two, English", "/en/theses/a/", false, diag.List{w, w},
			`<p>2 warnings in this record: the site builds, but <code>check -strict</code> (as CI checks content) refuses them</p>`},
		{"draft, one", "/exjobb/a/", true, diag.List{w},
			`<p>1 varning i den här posten: <code>check -strict</code> (som CI kör på innehållet) godtar den inte när du tagit bort draft = true</p>`},
		{"draft, two, English", "/en/theses/a/", true, diag.List{w, w},
			`<p>2 warnings in this record: <code>check -strict</code> (as CI checks content) will refuse them once you remove draft = true</p>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			v.warned[ent] = c.warns
			v.drafts = map[string]bool{c.url: c.draft}
			page := string(new(server).inject([]byte("<body></body>"), c.url, v))
			if !strings.Contains(page, c.want) {
				t.Errorf("the page is\n%s\nwant the head\n%s", page, c.want)
			}
		})
	}
}

// TestFutureDateWarningOnPage checks that the preview shows the warning
// of a record dated after now on its page, and takes it away when the
// clock comes to the date (the turn of a new day), though nothing else of
// the record changed: the warnings kept of an entry taken over by the new
// model were those of the day before.
func TestFutureDateWarningOnPage(t *testing.T) {
	const (
		energi    = "content/theses/energidata.md"
		energiURL = "/exjobb/energidata/"
		future    = `content/theses/energidata.md:3:8: warning: date 2026-11-28 is in the future, but the record is published now all the same (date says when it was published); to publish it then, set publishDate = 2026-11-28`
	)
	root := fixture(t)
	now := testNow
	e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
	mustUpdate(t, e)
	midnight := time.Date(2026, 11, 27, 23, 0, 0, 0, time.UTC) // 2026-11-28 in Stockholm
	for _, step := range []struct {
		name string
		at   time.Time
		edit bool
		want []string
	}{
		{"dated tomorrow", testNow, true, []string{future}},
		{"tomorrow has come", midnight, false, nil},
	} {
		now = step.at
		var paths []string
		if step.edit {
			edit(t, root, energi, "date = 2026-09-01", "date = 2026-11-28")
			paths = []string{energi}
		} else if !e.turned() {
			t.Fatalf("%s: not turned at %v, turn %v", step.name, now, e.turn)
		}
		if res := mustUpdate(t, e, paths...); len(res.Errs) > 0 {
			t.Fatalf("%s: %v", step.name, res.Errs)
		}
		v := newView(e, nil, nil, result{})
		p, _ := pageAt(v.pages, energiURL)
		if p == nil {
			t.Fatalf("%s: no page %s", step.name, energiURL)
		}
		if got := v.warned[p.Entry].LinesIn(diag.English); !slices.Equal(got, step.want) {
			t.Errorf("%s: %s shows\n%s\nwant\n%s", step.name, energiURL, strings.Join(got, "\n"), strings.Join(step.want, "\n"))
		}
		page := string(new(server).inject([]byte("<html><body><main></main></body></html>"), energiURL, v))
		if has := strings.Contains(page, `id="portal-warnings"`); has != (len(step.want) > 0) {
			t.Errorf("%s: %s has a note of warnings: %v, want %v", step.name, energiURL, has, len(step.want) > 0)
		}
	}
}
