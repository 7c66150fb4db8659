package serve

import (
	"fmt"
	"html/template"
	"os"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/output"
)

// TestReport checks the lines serve prints in the terminal after an
// update: in the language of the editor's settings, the problems and the
// lines about them alike (they were always English).
func TestReport(t *testing.T) {
	typo := diag.At("content/theses/x.md", 9, 1, diag.KeyUnknownMean, "sumary", "summary")
	took := 107 * time.Millisecond
	for _, c := range []struct {
		name   string
		res    result
		en, sv string
	}{
		{"one problem", result{Errs: diag.List{typo}},
			"content/theses/x.md:9:1: unknown key \"sumary\" (did you mean \"summary\"?)\nserve: 1 problem; still serving the last good build",
			"content/theses/x.md:9:1: okänd nyckel \"sumary\" – menade du \"summary\"?\nserve: 1 problem – visar fortfarande det senaste bygget som fungerade"},
		{"two problems", result{Errs: diag.List{typo, typo}},
			"content/theses/x.md:9:1: unknown key \"sumary\" (did you mean \"summary\"?)\ncontent/theses/x.md:9:1: unknown key \"sumary\" (did you mean \"summary\"?)\nserve: 2 problems; still serving the last good build",
			"content/theses/x.md:9:1: okänd nyckel \"sumary\" – menade du \"summary\"?\ncontent/theses/x.md:9:1: okänd nyckel \"sumary\" – menade du \"summary\"?\nserve: 2 problem – visar fortfarande det senaste bygget som fungerade"},
		{"none built yet", result{Errs: diag.List{typo}, NoneYet: true},
			"content/theses/x.md:9:1: unknown key \"sumary\" (did you mean \"summary\"?)\nserve: 1 error and nothing built yet; the preview shows them until they are fixed",
			"content/theses/x.md:9:1: okänd nyckel \"sumary\" – menade du \"summary\"?\nserve: 1 fel och inget byggt än – förhandsvisningen visar dem tills de är rättade"},
		{"rebuilt", result{Full: true, Written: 304, Took: took},
			"serve: rebuilt in 107ms: 304 written, 0 removed",
			"serve: byggde om på 107ms: 304 skrivna, 0 borttagna"},
		{"in place", result{Written: 3, Took: took},
			"serve: updated in place in 107ms: 3 written",
			"serve: uppdaterade på plats på 107ms: 3 skrivna"},
		{"later", result{Later: true, Written: 12, Removed: 1, Took: took},
			"serve: then 12 more written, 1 removed in 107ms",
			"serve: sedan 12 till skrivna, 1 borttagna på 107ms"},
	} {
		for lang, want := range map[diag.Lang]string{diag.English: c.en, diag.Swedish: c.sv} {
			var lines []string
			report(func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }, c.res, lang)
			if got := strings.Join(lines, "\n"); got != want {
				t.Errorf("%s, %s:\n%s\nwant\n%s", c.name, lang, got, want)
			}
		}
	}
}

// TestNoneYet checks that problems are reported as leaving nothing to
// serve until a build has succeeded, and as leaving the last good build
// after.
func TestNoneYet(t *testing.T) {
	root := fixture(t)
	const rec = "content/theses/energidata.md"
	edit(t, root, rec, `areas = ["energi"]`, `areas = ["energi"`)
	e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), fixedNow)
	overlay := template.Must(template.New("overlay").Parse(overlaySource))
	for _, step := range []struct {
		name          string
		old, new      string
		errs, noneYet bool
	}{
		{"first build fails", "", "", true, true},
		{"mended", `areas = ["energi"`, `areas = ["energi"]`, false, false},
		{"broken again", `areas = ["energi"]`, `areas = ["energi"`, true, false},
	} {
		if step.old != "" {
			edit(t, root, rec, step.old, step.new)
		}
		res, err := e.update([]string{rec})
		if err != nil {
			t.Fatal(err)
		}
		if (len(res.Errs) > 0) != step.errs || res.NoneYet != step.noneYet {
			t.Errorf("%s: errors %v, NoneYet %v; want errors %v, NoneYet %v", step.name, res.Errs, res.NoneYet, step.errs, step.noneYet)
		}
		shown := string(overlays(overlay, problems(os.DirFS(root), res.Errs), res.NoneYet)[diag.English])
		for note, want := range map[string]bool{"Nothing is built yet": step.errs && step.noneYet, "The preview shows the last good build.": step.errs && !step.noneYet} {
			if strings.Contains(shown, note) != want {
				t.Errorf("%s: the overlay says %q: %v, want %v", step.name, note, !want, want)
			}
		}
	}
}

// TestOverlayCounts: the overlay's counts are grouped as the build's
// summary and the site write them.
func TestOverlayCounts(t *testing.T) {
	overlay := template.Must(template.New("overlay").Parse(overlaySource))
	ps := make([]problem, 1234)
	for i := range ps {
		ps[i] = problem{Err: diag.Error{Path: "content/theses/a.md", Line: i + 1, Col: 1, Msg: "x"}}
	}
	got := overlays(overlay, ps, false)
	for lang, want := range map[diag.Lang][]string{
		diag.English: {"1,234 problems in the sources", fmt.Sprintf("and %s more", diag.Count(1234-maxShown).In(diag.English))},
		diag.Swedish: {"1\u00a0234 ", fmt.Sprintf("och %s till", diag.Count(1234-maxShown).In(diag.Swedish))},
	} {
		for _, w := range want {
			if !strings.Contains(string(got[lang]), w) {
				t.Errorf("%s overlay has no %q:\n%s", lang, w, got[lang])
			}
		}
	}
}
