package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Bounds of a golden failure message.
const (
	goldenContext   = 3  // lines of context around a change
	goldenDiffLines = 60 // lines of diff shown per file
	goldenDiffFiles = 5  // files shown with a diff
)

// TestGoldenSites builds each fixture under testdata/sites and compares
// every output file, byte for byte, with the golden files in
// testdata/golden/<site>/: one per kind of output (see goldenKind), each
// a list of "-- path --" headers followed by the file's bytes. Every
// output is in exactly one golden file, the one of its kind; a file that
// differs is shown as a unified diff named by its output path.
//
// After a change to the outputs (or a merge of branches that changed
// them), rewrite the golden files and review the change with git:
//
//	go test ./generator/internal/pipeline -run TestGoldenSites -update
//	git diff --stat generator/internal/pipeline/testdata/golden
//
// -update deletes the site's golden files first, so a kind no longer
// built leaves no stale file and a new kind gets its own. A merge that
// conflicts in a golden file (or in the former single file basic.txt,
// which is gone: delete it) is resolved by taking either side and
// running -update on the merged code.
func TestGoldenSites(t *testing.T) {
	sites, _ := filepath.Glob("testdata/sites/*")
	for _, dir := range sites {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			buildTo(t, fixture(t, dir), out)
			got := goldenArchives(tree(t, out))
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				writeGolden(t, golden, got)
				return
			}
			want := readGolden(t, golden)
			if msg := compareGolden(want, got); msg != "" {
				t.Errorf("output differs from %s (rewrite with -update, see the test's doc):\n%s", filepath.ToSlash(golden), msg)
			}
		})
	}
}

// goldenKind names the golden file an output belongs in: an HTML page by
// its page type, from <body class="page-…">, the rest by what it is. An
// unknown kind of file goes to "other".
func goldenKind(p string, data []byte) string {
	base := path.Base(p)
	switch {
	case strings.HasSuffix(p, ".html"):
		const mark = `<body class="page-`
		if i := bytes.Index(data, []byte(mark)); i >= 0 {
			rest := data[i+len(mark):]
			if j := bytes.IndexAny(rest, `" `); j > 0 {
				return "html-" + string(rest[:j])
			}
		}
		if bytes.Contains(data, []byte(`http-equiv="refresh"`)) {
			return "html-redirect"
		}
		return "html-other"
	case strings.HasPrefix(p, "assets/"):
		return "assets"
	case path.Ext(p) == ".ics":
		return "calendars"
	case strings.HasPrefix(base, "sitemap") || p == "robots.txt":
		return "sitemap"
	case base == "atom.xml":
		return "atom"
	case strings.Contains(p, "search"):
		return "search"
	case slices.Contains([]string{".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp"}, path.Ext(p)):
		return "images"
	case path.Ext(p) == ".conf":
		return "server"
	}
	return "other"
}

// goldenFile is one golden file: output path → bytes.
type goldenFile map[string][]byte

// noFinalNewline marks, in a header, a file that does not end in "\n".
const noFinalNewline = " (no final newline)"

// goldenArchives groups the output files by goldenKind.
func goldenArchives(files map[string][]byte) map[string]goldenFile {
	out := map[string]goldenFile{}
	for p, data := range files {
		k := goldenKind(p, data)
		if out[k] == nil {
			out[k] = goldenFile{}
		}
		out[k][p] = data
	}
	return out
}

// format writes the files in path order, each after its header; a file
// without a final newline gets one, and its header says so.
func (g goldenFile) format() []byte {
	var b bytes.Buffer
	for _, p := range slices.Sorted(maps.Keys(g)) {
		data := g[p]
		if bytes.HasSuffix(data, []byte("\n")) {
			b.WriteString("-- " + p + " --\n")
			b.Write(data)
			continue
		}
		b.WriteString("-- " + p + noFinalNewline + " --\n")
		b.Write(data)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// parseGolden reverses format.
func parseGolden(data []byte) (goldenFile, error) {
	g := goldenFile{}
	var cur string
	var body []byte
	flush := func() {
		if cur == "" {
			return
		}
		if p, ok := strings.CutSuffix(cur, noFinalNewline); ok {
			g[p] = bytes.TrimSuffix(body, []byte("\n"))
		} else {
			g[cur] = body
		}
	}
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		s := string(line)
		if h, ok := strings.CutPrefix(s, "-- "); ok && strings.HasSuffix(s, " --\n") {
			flush()
			cur, body = strings.TrimSuffix(h, " --\n"), []byte{}
			continue
		}
		if cur == "" && len(line) > 0 {
			return nil, fmt.Errorf("text before the first header: %q", s)
		}
		body = append(body, line...)
	}
	flush()
	return g, nil
}

// writeGolden replaces the golden files in dir with got.
func writeGolden(t *testing.T, dir string, got map[string]goldenFile) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for kind, g := range got {
		if err := os.WriteFile(filepath.Join(dir, kind+".txt"), g.format(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readGolden reads the golden files in dir: kind → files.
func readGolden(t *testing.T, dir string) map[string]goldenFile {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) == 0 {
		t.Fatalf("no golden files in %s (run with -update to create them)", filepath.ToSlash(dir))
	}
	want := map[string]goldenFile{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		g, err := parseGolden(data)
		if err != nil {
			t.Fatalf("%s: %v", filepath.ToSlash(n), err)
		}
		want[strings.TrimSuffix(filepath.Base(n), ".txt")] = g
	}
	return want
}

// compareGolden lists how got differs from want: files in two golden
// files, in the wrong one, missing from or new to the golden files, and a
// bounded unified diff of each file (up to goldenDiffFiles) whose bytes
// differ. It returns "" when they are the same.
func compareGolden(want, got map[string]goldenFile) string {
	wantKind := map[string]string{} // output path → golden file
	var msgs []string
	for _, kind := range slices.Sorted(maps.Keys(want)) {
		for p := range want[kind] {
			if other, dup := wantKind[p]; dup {
				msgs = append(msgs, fmt.Sprintf("%s: in both %s.txt and %s.txt", p, min(kind, other), max(kind, other)))
			}
			wantKind[p] = kind
		}
	}
	gotKind := map[string]string{}
	for kind, g := range got {
		for p := range g {
			gotKind[p] = kind
		}
	}
	diffs := 0
	for _, p := range slices.Sorted(maps.Keys(gotKind)) {
		kind, wk := gotKind[p], wantKind[p]
		switch {
		case wk == "":
			msgs = append(msgs, fmt.Sprintf("%s: new output, in no golden file (belongs in %s.txt)", p, kind))
		case wk != kind:
			msgs = append(msgs, fmt.Sprintf("%s: in %s.txt, belongs in %s.txt", p, wk, kind))
		case !bytes.Equal(want[wk][p], got[kind][p]):
			if diffs++; diffs <= goldenDiffFiles {
				d := unifiedDiff(p+" ("+kind+".txt)", string(want[wk][p]), string(got[kind][p]), goldenContext, goldenDiffLines)
				msgs = append(msgs, strings.TrimSuffix(d, "\n"))
			}
		}
	}
	if diffs > goldenDiffFiles {
		msgs = append(msgs, fmt.Sprintf("… and %d more files differ", diffs-goldenDiffFiles))
	}
	for _, p := range slices.Sorted(maps.Keys(wantKind)) {
		if gotKind[p] == "" {
			msgs = append(msgs, fmt.Sprintf("%s: in %s.txt, no longer built", p, wantKind[p]))
		}
	}
	return strings.Join(msgs, "\n")
}

func TestGoldenFormat(t *testing.T) {
	g := goldenFile{"a.txt": []byte("x\n"), "b/empty": {}, "c.bin": []byte("no newline"), "d": []byte("-- not a header\n\n")}
	data := g.format()
	want := "-- a.txt --\nx\n-- b/empty (no final newline) --\n\n-- c.bin (no final newline) --\nno newline\n-- d --\n-- not a header\n\n"
	if string(data) != want {
		t.Fatalf("format:\n%q\nwant\n%q", data, want)
	}
	back, err := parseGolden(data)
	if err != nil || len(back) != len(g) {
		t.Fatalf("parse: %v, %d files", err, len(back))
	}
	for p, b := range g {
		if !bytes.Equal(back[p], b) {
			t.Errorf("%s: %q, want %q", p, back[p], b)
		}
	}
	if _, err := parseGolden([]byte("stray\n-- a --\n")); err == nil || err.Error() != `text before the first header: "stray\n"` {
		t.Errorf("stray text: %v", err)
	}
}

func TestGoldenKind(t *testing.T) {
	tests := []struct{ path, data, kind string }{
		{"exjobb/energidata/index.html", `<body class="page-record">`, "html-record"},
		{"exjobb/index.html", `<body class="page-list two">`, "html-list"},
		{"gamla/exjobb.html", `<meta http-equiv="refresh" content="0; url=/exjobb/">`, "html-redirect"},
		{"x.html", `<body>`, "html-other"},
		{"assets/site.1234.css", "", "assets"},
		{"gastforelasningar/calendar.ics", "", "calendars"},
		{"sitemap-2.xml", "", "sitemap"},
		{"robots.txt", "", "sitemap"},
		{"en/theses/atom.xml", "", "atom"},
		{"en/search.json", "", "search"},
		{"search/sv-0.json", "", "search"},
		{"exjobb/energidata/bild.480.webp", "", "images"},
		{"nginx-redirects.conf", "", "server"},
		{"avtal/mou/mou.pdf", "", "other"},
	}
	for _, tc := range tests {
		if got := goldenKind(tc.path, []byte(tc.data)); got != tc.kind {
			t.Errorf("goldenKind(%s) = %s, want %s", tc.path, got, tc.kind)
		}
	}
}

// TestCompareGolden checks that every output is in exactly one golden
// file, the one of its kind, and that a difference shows as a diff.
func TestCompareGolden(t *testing.T) {
	f := func(kv ...string) goldenFile {
		g := goldenFile{}
		for i := 0; i < len(kv); i += 2 {
			g[kv[i]] = []byte(kv[i+1])
		}
		return g
	}
	got := map[string]goldenFile{"atom": f("a/atom.xml", "1\n2\n3\n"), "sitemap": f("robots.txt", "r\n", "sitemap.xml", "s\n")}
	tests := []struct {
		name string
		want map[string]goldenFile
		msg  string
	}{
		{"same", map[string]goldenFile{"atom": f("a/atom.xml", "1\n2\n3\n"), "sitemap": f("robots.txt", "r\n", "sitemap.xml", "s\n")}, ""},
		{"everything wrong", map[string]goldenFile{
			"atom":    f("a/atom.xml", "1\nTWO\n3\n", "old.xml", "o\n"),
			"other":   f("robots.txt", "r\n"),
			"sitemap": f("robots.txt", "r\n"),
		}, "robots.txt: in both other.txt and sitemap.txt\n" +
			"--- want a/atom.xml (atom.txt)\n+++ got a/atom.xml (atom.txt)\n@@ -1,3 +1,3 @@\n 1\n-TWO\n+2\n 3\n" +
			"sitemap.xml: new output, in no golden file (belongs in sitemap.txt)\n" +
			"old.xml: in atom.txt, no longer built"},
		{"wrong file", map[string]goldenFile{"atom": f("a/atom.xml", "1\n2\n3\n"), "other": f("robots.txt", "r\n", "sitemap.xml", "s\n")},
			"robots.txt: in other.txt, belongs in sitemap.txt\nsitemap.xml: in other.txt, belongs in sitemap.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := compareGolden(tc.want, got); msg != tc.msg {
				t.Errorf("message:\n%s\nwant:\n%s", msg, tc.msg)
			}
		})
	}
}
