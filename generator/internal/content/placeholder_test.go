package content

import (
	"slices"
	"strings"
	"testing"
)

// TestPlaceholders checks that what `portal new` leaves for the editor to
// replace is an error at the placeholder, in values (nested ones too),
// translations and bodies, and that a deadline must be after the date.
func TestPlaceholders(t *testing.T) {
	const p = "content/theses/a.md"
	const en = "content/theses/a.en.md"
	body := func(fm, text string) string { return "+++\n" + fm + "\n+++\n\n" + text }
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"area", map[string]string{p: rec(with(thesis, `areas = ["energi"]`, `areas = ["energi", "TODO-area"]`))},
			[]string{p + `:4:20: areas still holds the placeholder "TODO-area" of portal new; replace it`}},
		{"choice", map[string]string{p: rec(with(thesis, `level = "master"`, `level = "TODO"`))},
			[]string{p + `:6:9: level still holds the placeholder "TODO" of portal new; replace it`}},
		{"in a table", map[string]string{p: rec(with(thesis, "", `contacts = [{ role = "TODO: roll", email = "a@kth.se" }]`))},
			[]string{p + `:9:22: contacts still holds the placeholder "TODO: roll" of portal new; replace it`}},
		{"translation title", map[string]string{p: rec(thesis), en: rec(`title = " TODO"`)},
			[]string{en + `:2:9: title still holds the placeholder "TODO" of portal new; replace it`}},
		{"body", map[string]string{p: body(thesis, "Intro.\n\n> TODO: Beskriv uppdraget: bakgrund, frågeställning och förkunskaper.\n")},
			[]string{p + `:13:3: the text still holds the placeholder "TODO: Beskriv uppdraget: bakgrund, fråge…" of portal new; replace it`}},
		{"translation body", map[string]string{p: rec(thesis), en: body(`title = "x"`, "TODO: translate the text of content/theses/a.md here.\n")},
			[]string{en + `:5:1: the text still holds the placeholder "TODO: translate the text of content/thes…" of portal new; replace it`}},
		{"not placeholders", map[string]string{p: body(with(thesis, "", `location = "TODOS"`), "TODOS are lists.\n\nA TODO: in a sentence.\n")},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, got := load(t, mapFS(c.files))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
