package serve

import (
	"strings"
	"testing"
	"testing/fstest"

	"portal/generator/internal/diag"
)

// TestOverlayClipsLongLines checks that the overlay quotes at most
// maxQuoted characters of a source line, around the problem's column: a
// record of one long line (1 MiB, the most a record may be) with 50
// problems on it made an overlay of 50 MB in every page served and 300
// MB in every event, and the preview's memory grew by more than a GB.
func TestOverlayClipsLongLines(t *testing.T) {
	a, b := strings.Repeat("a", 300), strings.Repeat("b", 300)
	long := a + "X" + b
	fsys := fstest.MapFS{"content/x.md": {Data: []byte("short\n" + long + "\nlast\n")}}
	for _, c := range []struct {
		name      string
		line, col int
		texts     []string
		before    string
	}{
		{"column far in", 2, 301,
			[]string{"short", "…" + a[:100] + "X" + b[:99] + "…", "last", ""}, "…" + a[:100]},
		{"column near the start", 2, 5,
			[]string{"short", a[:200] + "…", "last", ""}, "aaaa"},
		{"column at the end", 2, 601,
			[]string{"short", "…" + b[:200], "last", ""}, "…" + b[:199]},
		{"short line", 1, 3,
			[]string{"short", long[:200] + "…", "last"}, "sh"},
		{"line after a long one", 3, 2,
			[]string{"short", long[:200] + "…", "last", ""}, "l"},
	} {
		ps := problems(fsys, diag.List{{Path: "content/x.md", Line: c.line, Col: c.col, Msg: "m"}})
		var texts []string
		before := ""
		for _, l := range ps[0].Lines {
			texts = append(texts, l.Text)
			if l.Here {
				before = l.Before
			}
		}
		if strings.Join(texts, "\n") != strings.Join(c.texts, "\n") || before != c.before {
			t.Errorf("%s: lines %q, before %q; want %q, %q", c.name, texts, before, c.texts, c.before)
		}
	}
}
