package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"portal/generator/internal/site"
)

// built is a fixture site built into a temporary folder.
type built struct {
	l     *Loaded
	rep   *Report
	out   string
	files map[string][]byte
}

// buildFixture builds the site at dir (a fixture folder) with the shipped
// templates, at testNow.
func buildFixture(t *testing.T, fsys fs.FS) *built {
	t.Helper()
	l, err := Load(fsys, Options{Now: testNow})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	rep, err := l.Write(context.Background(), out)
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return &built{l: l, rep: rep, out: out, files: tree(t, out)}
}

func (b *built) file(t *testing.T, url string) []byte {
	t.Helper()
	data, ok := b.files[site.FilePath(url)]
	if !ok {
		t.Fatalf("%s: no file %s in the output", url, site.FilePath(url))
	}
	return data
}

// has reports whether a site URL or absolute URL of the site is a file of
// the output.
func (b *built) has(url string) bool {
	url = strings.TrimPrefix(url, b.l.Cfg.BaseURL)
	_, ok := b.files[site.FilePath("/"+strings.TrimPrefix(url, "/"))]
	return ok
}

func entryOf(t *testing.T, s *site.Site, kind, slug string) *site.Entry {
	t.Helper()
	for _, e := range s.ByKind[kind] {
		if e.Slug == slug {
			return e
		}
	}
	t.Fatalf("no published %s/%s", kind, slug)
	return nil
}

// TestOutputsUnique checks that no two outputs claim one file: a
// paginated list names its feed on every page, and the feed is still
// written once.
func TestOutputsUnique(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	seen := map[string]bool{}
	for _, o := range b.l.Outputs() {
		if seen[o.Path] {
			t.Errorf("%s is written twice", o.Path)
		}
		seen[o.Path] = true
	}
	if b.rep.Files != len(b.files) {
		t.Errorf("report counts %d files, the output has %d", b.rep.Files, len(b.files))
	}
}

// copySite copies a fixture into a temporary folder, with extra files.
func copySite(t *testing.T, dir string, extra map[string]string) string {
	t.Helper()
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	for name, text := range extra {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

// TestClosingData checks the moments the browser closes offers and ends
// lectures at: data-deadline is the start of the day after the deadline in
// Stockholm, data-end the lecture's end, on list items and record pages.
func TestClosingData(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	for _, tc := range []struct{ page, attr, value string }{
		{"/exjobb/", `data-deadline`, "2026-12-16T00:00:00+01:00"}, // energidata, deadline 2026-12-15
		{"/exjobb/", `data-deadline`, "2026-11-28T00:00:00+01:00"}, // trafikfloden, deadline today
		{"/exjobb/energidata/", `data-deadline`, "2026-12-16T00:00:00+01:00"},
		{"/en/theses/energidata/", `data-deadline`, "2026-12-16T00:00:00+01:00"},
		{"/gastforelasningar/", `data-end`, "2026-12-03T15:00:00+01:00"},
		{"/gastforelasningar/smarta-kartor/", `data-end`, "2026-12-03T15:00:00+01:00"},
		{"/praktik/sommarpraktik/", `data-deadline`, "2027-02-02T00:00:00+01:00"},
	} {
		if html := b.file(t, tc.page); !bytes.Contains(html, []byte(tc.attr+`="`+tc.value+`"`)) {
			t.Errorf("%s: no %s=%q", tc.page, tc.attr, tc.value)
		}
	}
	// The labels the script writes come from the page, in its language.
	for page, label := range map[string]string{"/exjobb/": `data-closed-label="Stängd"`, "/en/theses/": `data-closed-label="Closed"`} {
		if !bytes.Contains(b.file(t, page), []byte(label)) {
			t.Errorf("%s: no %s", page, label)
		}
	}
}

// TestAssetFingerprints changes site.css and builds again into the same
// folder: only the new fingerprinted name is left, and every page links
// it.
func TestAssetFingerprints(t *testing.T) {
	repo, _ := filepath.Abs("../../..")
	tmpl := t.TempDir()
	if err := os.CopyFS(filepath.Join(tmpl, "templates"), os.DirFS(filepath.Join(repo, "templates"))); err != nil {
		t.Fatal(err)
	}
	fsys := overlay{site: os.DirFS("testdata/sites/basic"), templates: os.DirFS(tmpl)}
	out := filepath.Join(t.TempDir(), "public")
	assets := func() []string {
		ents, _ := os.ReadDir(filepath.Join(out, "assets"))
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	hashed := regexp.MustCompile(`^(site|search|search-page|favicon)\.[0-9a-f]{10}\.(css|js|svg)$`)
	buildTo(t, fsys, out)
	before := assets()
	for _, n := range before {
		if !hashed.MatchString(n) {
			t.Errorf("asset %s has no content hash in its name", n)
		}
	}
	// site.css is made of parts (render.joinParts): a change to one of
	// them renames the one file they make.
	parts, _ := filepath.Glob(filepath.Join(tmpl, "templates", "assets", "site.css", "*.css"))
	if len(parts) < 2 {
		t.Fatalf("site.css has parts %v, want several", parts)
	}
	css := parts[len(parts)-1]
	old, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(old, []byte("\n/* changed */\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	buildTo(t, fsys, out)
	after := assets()
	var oldCSS, newCSS []string
	for _, n := range before {
		if strings.HasPrefix(n, "site.") && strings.HasSuffix(n, ".css") {
			oldCSS = append(oldCSS, n)
		}
	}
	for _, n := range after {
		if strings.HasPrefix(n, "site.") && strings.HasSuffix(n, ".css") {
			newCSS = append(newCSS, n)
		}
	}
	if len(oldCSS) != 1 || len(newCSS) != 1 || oldCSS[0] == newCSS[0] {
		t.Fatalf("site.css before %v, after %v: want one file each, renamed", oldCSS, newCSS)
	}
	if len(after) != len(before) {
		t.Errorf("assets before %v, after %v", before, after)
	}
	files := tree(t, out)
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") || bytes.Contains(data, []byte(`<meta http-equiv="refresh"`)) {
			continue // a redirect page (an alias) has no style
		}
		if bytes.Contains(data, []byte(oldCSS[0])) {
			t.Errorf("%s links the old %s", p, oldCSS[0])
		}
		if !bytes.Contains(data, []byte(`href="/assets/`+newCSS[0]+`"`)) {
			t.Errorf("%s does not link %s", p, newCSS[0])
		}
		for _, m := range regexp.MustCompile(`(?:href|src)="/assets/([^"]+)"`).FindAllSubmatch(data, -1) {
			if _, ok := files["assets/"+string(m[1])]; !ok {
				t.Errorf("%s links /assets/%s, which is not in the output", p, m[1])
			}
		}
	}
}
