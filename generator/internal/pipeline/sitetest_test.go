package pipeline

// Whole-site tests as small txtar archives: each testdata/txtar/*.txtar is
// a tiny site (its config.toml, content and template overrides, over the
// shipped templates) with targeted assertions about its outputs or its
// problems. testdata/txtar/README.md describes the format.

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"portal/generator/internal/diag"
	"portal/generator/internal/feeds/feedtest"
)

// The names of an archive's sections that are not files of the site.
const (
	secNow        = "now"
	secWantCheck  = "want-check"
	secWantSv     = "want-check-sv"
	secWantFiles  = "want-files"
	secWant       = "want/"
	secWantAbsent = "want-absent/"
)

// siteCase is one archive: the site and what must hold of its build.
type siteCase struct {
	name   string // the archive's file, for positions in failures
	fsys   fstest.MapFS
	now    time.Time
	checks []section // want/, want-absent/ and want-files, in archive order
	check  *section  // want-check, when the archive has one
	sv     *section  // want-check-sv, when the archive has one
}

// section is an assertion section: its name, the line of the archive its
// first line is on, and its non-empty lines.
type section struct {
	name  string
	line  int
	lines []string
	at    []int // the archive line of each of lines
}

// TestTxtarSites builds each site in testdata/txtar in memory and checks
// its assertions.
func TestTxtarSites(t *testing.T) {
	files, err := filepath.Glob("testdata/txtar/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no archives in testdata/txtar: %v", err)
	}
	tmpl := shippedTemplates(t)
	base, err := os.ReadFile("testdata/txtar/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := parseSiteCase(filepath.ToSlash(file), ar, tmpl, &fstest.MapFile{Data: base, Mode: 0o644})
			if err != nil {
				t.Fatal(err)
			}
			for _, msg := range c.run() {
				t.Error(msg)
			}
		})
	}
}

// shippedTemplates reads the repository's templates/ into memory.
func shippedTemplates(t *testing.T) fstest.MapFS {
	t.Helper()
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	err = fs.WalkDir(os.DirFS(repo), "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(p)))
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Skipf("templates/ not readable: %v", err)
	}
	return fsys
}

// parseSiteCase splits an archive into the site's files (over tmpl, with
// the config.toml base unless it has its own) and its assertion sections.
func parseSiteCase(name string, ar *txtar.Archive, tmpl fstest.MapFS, base *fstest.MapFile) (*siteCase, error) {
	c := &siteCase{name: name, fsys: fstest.MapFS{}, now: testNow}
	for p, f := range tmpl {
		c.fsys[p] = f
	}
	c.fsys["config.toml"] = base
	line := 1 + bytes.Count(ar.Comment, []byte("\n"))
	for _, f := range ar.Files {
		s := newSection(f, line+1)
		line += 1 + bytes.Count(f.Data, []byte("\n"))
		switch {
		case f.Name == secNow:
			now, err := time.Parse(time.RFC3339, strings.TrimSpace(string(f.Data)))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, s.line, err)
			}
			c.now = now
		case f.Name == secWantCheck:
			c.check = &s
		case f.Name == secWantSv:
			if c.check == nil {
				return nil, fmt.Errorf("%s:%d: %s without %s", name, s.line-1, secWantSv, secWantCheck)
			}
			c.sv = &s
		case f.Name == secWantFiles || strings.HasPrefix(f.Name, secWant) || strings.HasPrefix(f.Name, secWantAbsent):
			c.checks = append(c.checks, s)
		case strings.HasPrefix(f.Name, "want"):
			return nil, fmt.Errorf("%s:%d: unknown section %q", name, s.line-1, f.Name)
		default:
			c.fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	return c, nil
}

// newSection makes a section of f, whose first line is archive line first.
func newSection(f txtar.File, first int) section {
	s := section{name: f.Name, line: first}
	for i, l := range strings.Split(string(f.Data), "\n") {
		if strings.TrimSpace(l) != "" {
			s.lines = append(s.lines, l)
			s.at = append(s.at, first+i)
		}
	}
	return s
}

// run builds the site and returns every assertion that fails, each as
// "archive:line: message".
func (c *siteCase) run() []string {
	l, err := Load(c.fsys, Options{Now: c.now})
	var problems diag.List
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return []string{fmt.Sprintf("%s: load: %v", c.name, err)}
		}
		problems = list
	}
	var fails []string
	if l != nil && l.Site != nil {
		problems = append(problems, l.Warnings()...)
		fails = append(fails, firstWarnings(c.name, l)...)
	}
	if c.check != nil {
		fails = append(fails, c.checkProblems(c.check, problems, diag.English)...)
		if c.sv != nil {
			fails = append(fails, c.checkProblems(c.sv, problems, diag.Swedish)...)
		}
	} else if len(problems) > 0 {
		return []string{fmt.Sprintf("%s: the site has problems and no want-check section:\n%s", c.name, checkLines(problems))}
	}
	if len(c.checks) == 0 {
		return fails
	}
	if err != nil {
		return append(fails, fmt.Sprintf("%s: the site has errors; its outputs cannot be checked", c.name))
	}
	outs, err := outputBytes(l)
	if err != nil {
		return append(fails, fmt.Sprintf("%s: %v", c.name, err))
	}
	for _, s := range c.checks {
		fails = append(fails, c.checkSection(s, outs)...)
	}
	return append(fails, c.checkFeeds(outs)...)
}

// firstWarnings checks, on every site, that what a build prints
// (FirstWarnings) is the first of Warnings, sorted, and their count,
// for the first 0, 1, 2, 3 and 10: its templates' warnings and those of
// a record in several files among them.
func firstWarnings(name string, l *Loaded) []string {
	all := l.Warnings()
	all.Sort()
	var fails []string
	for _, n := range []int{0, 1, 2, 3, 10} {
		got, count := l.FirstWarnings(n)
		want := all[:min(n, len(all))]
		if count != len(all) || strings.Join(got.LinesIn(diag.English), "\n") != strings.Join(want.LinesIn(diag.English), "\n") {
			fails = append(fails, fmt.Sprintf("%s: FirstWarnings(%d): %d in all,\n%s\nwant %d,\n%s", name, n, count, checkLines(got), len(all), checkLines(want)))
		}
	}
	return fails
}

// checkFeeds reads every calendar and Atom feed of the site back with the
// strict readers, whatever the archive asserts of them: a site of a few
// records has calendars without events and feeds without entries.
func (c *siteCase) checkFeeds(outs map[string][]byte) []string {
	var fails []string
	for _, p := range slices.Sorted(maps.Keys(outs)) {
		var err error
		switch {
		case strings.HasSuffix(p, ".ics"):
			var root *feedtest.Component
			if root, err = feedtest.ParseICS(outs[p]); err == nil {
				_, err = feedtest.CheckCalendar(root)
			}
		case path.Base(p) == "atom.xml":
			_, err = feedtest.DecodeAtom(outs[p])
		}
		if err != nil {
			fails = append(fails, fmt.Sprintf("%s: %s cannot be read back: %v", c.name, p, err))
		}
	}
	return fails
}

// checkLines is what `check` prints for a list in English: the errors,
// then the warnings, each sorted.
func checkLines(list diag.List) string { return checkLinesIn(list, diag.English) }

// checkLinesIn is what `check` prints for a list in lang.
func checkLinesIn(list diag.List, lang diag.Lang) string {
	errs, warnings := list.Errors(), list.Warnings()
	errs.Sort()
	warnings.Sort()
	return strings.Join(append(errs, warnings...).LinesIn(lang), "\n")
}

// checkProblems compares the site's problems in lang with the section
// want (want-check or want-check-sv).
func (c *siteCase) checkProblems(want *section, list diag.List, lang diag.Lang) []string {
	got := checkLinesIn(list, lang)
	if got == strings.Join(want.lines, "\n") {
		return nil
	}
	return []string{fmt.Sprintf("%s:%d: check reports:\n%s\nwant:\n%s", c.name, want.line, got, strings.Join(want.lines, "\n"))}
}

// outputBytes renders every output of l: path → bytes.
func outputBytes(l *Loaded) (map[string][]byte, error) {
	outs := map[string][]byte{}
	for _, o := range l.Outputs() {
		b, err := o.Bytes(new(bytes.Buffer))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", o.Path, err)
		}
		outs[o.Path] = b
	}
	return outs, nil
}

// checkSection checks one want/, want-absent/ or want-files section.
func (c *siteCase) checkSection(s section, outs map[string][]byte) []string {
	if s.name == secWantFiles {
		return c.checkFiles(s, outs)
	}
	absent := strings.HasPrefix(s.name, secWantAbsent)
	file := strings.TrimPrefix(strings.TrimPrefix(s.name, secWantAbsent), secWant)
	data, ok := outs[file]
	if !ok {
		return []string{fmt.Sprintf("%s:%d: no output %s", c.name, s.line-1, file)}
	}
	text := string(data)
	var fails []string
	at := 0 // want/ lines match in order
	for i, l := range s.lines {
		start, end, err := find(text, l, at, absent)
		if err != nil {
			return append(fails, fmt.Sprintf("%s:%d: %v", c.name, s.at[i], err))
		}
		switch {
		case absent && start >= 0:
			fails = append(fails, fmt.Sprintf("%s:%d: %s has %q", c.name, s.at[i], file, text[start:end]))
		case !absent && start < 0:
			return append(fails, fmt.Sprintf("%s:%d: %s has no %s after byte %d:\n%s", c.name, s.at[i], file, l, at, text))
		case !absent:
			at = end
		}
	}
	return fails
}

// find looks for one assertion line in text from byte at (from 0 when
// anywhere): a substring, or a regular expression after "re:". It returns
// the match's bounds, or -1.
func find(text, line string, at int, anywhere bool) (int, int, error) {
	if anywhere {
		at = 0
	}
	if re, ok := strings.CutPrefix(line, "re:"); ok {
		rx, err := regexp.Compile(re)
		if err != nil {
			return 0, 0, err
		}
		m := rx.FindStringIndex(text[at:])
		if m == nil {
			return -1, -1, nil
		}
		return at + m[0], at + m[1], nil
	}
	i := strings.Index(text[at:], line)
	if i < 0 {
		return -1, -1, nil
	}
	return at + i, at + i + len(line), nil
}

// checkFiles checks want-files: each pattern (path.Match) matches an
// output, each "!pattern" none.
func (c *siteCase) checkFiles(s section, outs map[string][]byte) []string {
	paths := slices.Sorted(maps.Keys(outs))
	var fails []string
	for i, l := range s.lines {
		pattern, not := strings.CutPrefix(l, "!")
		var hits []string
		for _, p := range paths {
			if ok, err := path.Match(pattern, p); err != nil {
				return append(fails, fmt.Sprintf("%s:%d: %v", c.name, s.at[i], err))
			} else if ok {
				hits = append(hits, p)
			}
		}
		switch {
		case not && len(hits) > 0:
			fails = append(fails, fmt.Sprintf("%s:%d: outputs match %s: %s", c.name, s.at[i], pattern, strings.Join(hits, " ")))
		case !not && len(hits) == 0:
			fails = append(fails, fmt.Sprintf("%s:%d: no output matches %s", c.name, s.at[i], pattern))
		}
	}
	return fails
}

// TestSiteCaseReports checks what a failing assertion reports: the
// archive's line and what differs, for each kind of section.
func TestSiteCaseReports(t *testing.T) {
	tmpl := shippedTemplates(t)
	base, err := os.ReadFile("testdata/txtar/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	const header = "A site of one page.\n\n-- content/pages/om.md --\n+++\ntitle = \"Om\"\naliases = [\"/gammal/\"]\n+++\n"
	const unknown = `content/pages/x.md:3:1: unknown key "titel" (did you mean "title"?)`
	const unknownSv = `content/pages/x.md:3:1: okänd nyckel "titel" – menade du "title"?`
	redirects := "# Generated by the generator from the records' aliases; do not edit.\n" +
		"# deploy/nginx.conf includes it in the server block: each old address\n" +
		"# answers 301 with the address of its page.\n" +
		"location = /gammal/ { return 301 /om/; }\n"
	for _, tc := range []struct {
		name, archive string
		want          []string
	}{
		{"passes", header + "-- want/nginx-redirects.conf --\n# Generated\nre:old addre[s]+\n-- want-files --\nindex.html\n!exjobb/x/*\n", nil},
		{"want", header + "-- want/nginx-redirects.conf --\nanswers 301\n# Generated\n",
			[]string{"t.txtar:10: nginx-redirects.conf has no # Generated after byte 152:\n" + redirects}},
		{"no output", header + "-- want/exjobb/x/index.html --\nx\n", []string{"t.txtar:8: no output exjobb/x/index.html"}},
		{"absent", header + "-- want-absent/nginx-redirects.conf --\nre:a[a-z]+s\nmissing\n",
			[]string{`t.txtar:9: nginx-redirects.conf has "aliases"`}},
		{"bad regexp", header + "-- want-absent/nginx-redirects.conf --\nre:(\n",
			[]string{"t.txtar:9: error parsing regexp: missing closing ): `(`"}},
		{"files", header + "-- want-files --\nindex.html\nexjobb/x/*\n!exjobb/index.htm?\n",
			[]string{"t.txtar:10: no output matches exjobb/x/*", "t.txtar:11: outputs match exjobb/index.htm?: exjobb/index.html"}},
		{"check", header + "-- content/pages/x.md --\n+++\ntitle = \"X\"\ntitel = \"Y\"\n+++\n-- want-check --\nnone\n",
			[]string{"t.txtar:14: check reports:\n" + unknown + "\nwant:\nnone"}},
		{"check passes", header + "-- content/pages/x.md --\n+++\ntitle = \"X\"\ntitel = \"Y\"\n+++\n-- want-check --\n" + unknown + "\n", nil},
		{"check in Swedish", header + "-- content/pages/x.md --\n+++\ntitle = \"X\"\ntitel = \"Y\"\n+++\n-- want-check --\n" + unknown + "\n-- want-check-sv --\n" + unknown + "\n",
			[]string{"t.txtar:16: check reports:\n" + unknownSv + "\nwant:\n" + unknown}},
		{"check in Swedish passes", header + "-- content/pages/x.md --\n+++\ntitle = \"X\"\ntitel = \"Y\"\n+++\n-- want-check --\n" + unknown + "\n-- want-check-sv --\n" + unknownSv + "\n", nil},
		{"Swedish alone", header + "-- want-check-sv --\nx\n", []string{"t.txtar:8: want-check-sv without want-check"}},
		{"problems unasked", header + "-- content/pages/x.md --\n+++\ntitle = \"X\"\ntitel = \"Y\"\n+++\n",
			[]string{"t.txtar: the site has problems and no want-check section:\n" + unknown}},
		{"outputs of a failed build", header + "-- content/pages/x.md --\n+++\ntitel = \"Y\"\n+++\n-- want-check --\nx\n-- want-files --\nindex.html\n",
			[]string{"t.txtar:13: check reports:\n" + strings.Replace(unknown, "3:1", "2:1", 1) + "\nwant:\nx",
				"t.txtar: the site has errors; its outputs cannot be checked"}},
		{"unknown section", header + "-- want-everything --\n", []string{`t.txtar:8: unknown section "want-everything"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parseSiteCase("t.txtar", txtar.Parse([]byte(tc.archive)), tmpl, &fstest.MapFile{Data: base})
			var got []string
			if err != nil {
				got = []string{err.Error()}
			} else {
				got = c.run()
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
