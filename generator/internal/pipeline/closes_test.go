package pipeline

import (
	"strings"
	"testing"
)

// TestClosedOfferHasNoApplyLink: the page of an offer whose deadline has
// passed has no link to apply; an open offer's link is in a fact-apply
// row, which assets/site.js hides when the deadline passes after the
// build.
func TestClosedOfferHasNoApplyLink(t *testing.T) {
	offer := func(deadline string) string {
		return "+++\ntitle = \"Erbjudande\"\ndate = 2026-01-01\nareas = [\"energi\"]\nhost = \"kth\"\nlevel = \"master\"\n" +
			"credits = 30\ndeadline = " + deadline + "\napply = \"https://example.se/ansok\"\n+++\n\nText.\n"
	}
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/stangt.md": offer("2026-10-01"),
		"content/theses/oppet.md":  offer("2027-01-15"),
	})
	b := buildFixture(t, fixture(t, dir))
	for _, tc := range []struct {
		url  string
		want string // the apply row, or "" for none
	}{
		{"/exjobb/oppet/", `<div class="fact-apply"><dt>Ansökan</dt><dd><a class="ext" href="https://example.se/ansok">Ansök</a></dd></div>`},
		{"/exjobb/stangt/", ""},
	} {
		html := string(b.file(t, tc.url))
		if tc.want == "" {
			if strings.Contains(html, "example.se/ansok") || strings.Contains(html, "fact-apply") {
				t.Errorf("%s: a closed offer links to its application", tc.url)
			}
			continue
		}
		if !strings.Contains(html, tc.want) {
			t.Errorf("%s: no %s", tc.url, tc.want)
		}
	}
}
