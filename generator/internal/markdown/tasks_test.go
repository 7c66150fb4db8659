package markdown

import "testing"

func TestTaskLabels(t *testing.T) {
	r := New().Labels(map[string]Labels{
		"sv": {Done: "Klar", Todo: "Inte klar"},
		"en": {Done: "Done", Todo: `Not "done"`},
	})
	src := []byte("- [ ] skriv\n- [x] läs\n")
	for _, c := range []struct{ lang, want string }{
		{"sv", "<ul>\n<li><input disabled=\"\" type=\"checkbox\" aria-label=\"Inte klar\"> skriv</li>\n" +
			"<li><input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"Klar\"> läs</li>\n</ul>\n"},
		{"en", "<ul>\n<li><input disabled=\"\" type=\"checkbox\" aria-label=\"Not &quot;done&quot;\"> skriv</li>\n" +
			"<li><input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"Done\"> läs</li>\n</ul>\n"},
		// A language without labels, and Render, which has none.
		{"fi", "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> skriv</li>\n" +
			"<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> läs</li>\n</ul>\n"},
	} {
		if got := r.RenderImages(src, 1, c.lang, nil, nil).HTML; got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.lang, got, c.want)
		}
	}
	if got, want := r.Render(src, 1, nil).HTML, r.RenderImages(src, 1, "fi", nil, nil).HTML; got != want {
		t.Errorf("Render:\ngot  %q\nwant %q", got, want)
	}
	// Reserve keeps the labels; a loose item with two paragraphs and a
	// box in a nested list are named too, and the plain text is as before.
	loose := []byte("- [x] ett\n\n  två\n\n  - [ ] tre\n")
	res := r.Reserve([]string{"main"}).RenderImages(loose, 1, "sv", nil, nil)
	want := "<ul>\n<li>\n<p><input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"Klar\"> ett</p>\n<p>två</p>\n<ul>\n" +
		"<li><input disabled=\"\" type=\"checkbox\" aria-label=\"Inte klar\"> tre</li>\n</ul>\n</li>\n</ul>\n"
	if res.HTML != want {
		t.Errorf("loose:\ngot  %q\nwant %q", res.HTML, want)
	}
	if res.Text != "ett två tre" || res.Summary != "ett" {
		t.Errorf("text %q, summary %q", res.Text, res.Summary)
	}
}
