package markdown

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Åtgärder för år 2", "atgarder-for-ar-2"},
		{"  Ärende -- ÖVERSIKT  ", "arende-oversikt"},
		{"Crème brûlée, façade & Æsir", "creme-brulee-facade-aesir"},
		{"Straße über Łódź", "strasse-uber-lodz"},
		{"A\u030angström", "angstrom"}, // decomposed å
		{"Se [avtal](../avtal/x.md) nu", "se-avtal-nu"},
		{"R&amp;D &#246;", "r-d-o"},
		{"snake_case och `kod`", "snake-case-och-kod"},
		{"Ελληνικά 2024", "ελληνικά-2024"},
		{"***", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(slugify([]byte(tt.in))); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIDsPerCall checks that heading ids do not leak from one Render to the next.
func TestIDsPerCall(t *testing.T) {
	r := New()
	src := []byte("## Mål\n\n## Mål\n")
	want := "<h2 id=\"mal\">Mål</h2>\n<h2 id=\"mal-1\">Mål</h2>\n"
	for range 3 {
		if got := string(r.Render(src, 1, nil).HTML); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}

// TestReservedIDs checks that a body's headings avoid the ids of the page
// frame, and that footnote ids stay apart from heading ids.
func TestReservedIDs(t *testing.T) {
	plain := New()
	r := plain.Reserve([]string{"main", "facts-heading", "main-1"}).Reserve([]string{"kind-theses"})
	for _, c := range []struct{ name, src, want string }{
		{"frame id", "## Main\n", `<h2 id="main-2">Main</h2>` + "\n"},
		{"frame id twice", "## Main\n\n# main\n", `<h2 id="main-2">Main</h2>` + "\n" + `<h1 id="main-3">main</h1>` + "\n"},
		{"frame id with spaces", "### Facts heading\n", `<h3 id="facts-heading-1">Facts heading</h3>` + "\n"},
		{"reserved by a second call", "## Kind: theses\n", `<h2 id="kind-theses-1">Kind: theses</h2>` + "\n"},
		{"not reserved", "## Mainly\n", `<h2 id="mainly">Mainly</h2>` + "\n"},
		{"footnote-like heading", "## fn:1\n\nText[^a].\n\n[^a]: Not.\n", `<h2 id="fn-1">fn:1</h2>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(r.Render([]byte(c.src), 1, nil).HTML); !strings.HasPrefix(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	if got, want := string(plain.Render([]byte("## Main\n"), 1, nil).HTML), `<h2 id="main">Main</h2>`+"\n"; got != want {
		t.Errorf("Reserve changed the renderer it was called on: %q, want %q", got, want)
	}
}
