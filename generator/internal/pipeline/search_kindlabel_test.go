package pipeline

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSearchKindLabel: the results of an area page's search, which may be
// of several kinds, say each one's kind after its title, as the build
// writes it on the home page's offers (the partial item-kind), byte for
// byte, in the list's language and with its lang on a record shown in
// another language; the results of a kind's list, of one kind, do not.
func TestSearchKindLabel(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	sv, en := filepath.Join(b.out, "search")+"/", filepath.Join(b.out, "en", "search")+"/"
	now := testNow.Format("2006-01-02T15:04:05Z07:00")
	tests := []struct {
		name  string
		c     searchCase
		home  string   // the home page whose offers say the kinds
		kinds []string // the labels of the results, in order; nil: none
	}{
		{"area page", searchCase{sv, "a-energi", "?q=energi", now, true}, "/",
			[]string{`<p class="item-kind">Examensarbete</p>`, `<p class="item-kind">Examensarbete</p>`, `<p class="item-kind" lang="sv">Examensarbete</p>`,
				`<p class="item-kind">Gästföreläsning</p>`, `<p class="item-kind">Samarbete</p>`, `<p class="item-kind">Avtal</p>`,
				`<p class="item-kind">Årlig uppföljning</p>`, `<p class="item-kind">Gästföreläsning</p>`}},
		{"area page, in English", searchCase{en, "a-energi", "?q=heat", now, true}, "/en/",
			[]string{`<p class="item-kind">Degree project</p>`}},
		{"area page, a record in the other language", searchCase{sv, "a-energi", "?q=urban", now, true}, "/",
			[]string{`<p class="item-kind" lang="sv">Examensarbete</p>`}},
		{"area page, in English, a record in Swedish", searchCase{en, "a-trafik", "?q=trafikfloden", now, true}, "/en/",
			[]string{`<p class="item-kind" lang="en">Degree project</p>`}},
		{"kind list", searchCase{sv, "k-theses", "?q=urban", now, true}, "/", nil},
	}
	var cases []searchCase
	for _, tc := range tests {
		cases = append(cases, tc.c)
	}
	res := runSearch(t, cases)
	label := regexp.MustCompile(`<p class="item-kind"[^>]*>[^<]*</p>`)
	for i, tc := range tests {
		got := label.FindAllString(res[i].HTML, -1)
		if strings.Join(got, "\n") != strings.Join(tc.kinds, "\n") {
			t.Errorf("%s: labels\n%s\nwant\n%s\nin %s", tc.name, strings.Join(got, "\n"), strings.Join(tc.kinds, "\n"), res[i].HTML)
		}
		home := string(b.file(t, tc.home))
		compared := 0
		for _, url := range res[i].URLs {
			// After the title, where the build writes it.
			drawn := regexp.MustCompile(`<a href="` + regexp.QuoteMeta(url) + `"[^>]*>.*?</a></h2>(` + label.String() + `)?`).FindStringSubmatch(res[i].HTML)
			built := regexp.MustCompile(`<a href="` + regexp.QuoteMeta(url) + `"[^>]*>.*?</a></h3>\n(` + label.String() + `)`).FindStringSubmatch(home)
			if drawn == nil {
				t.Errorf("%s: %s not drawn with its title in %s", tc.name, url, res[i].HTML)
				continue
			}
			if tc.kinds != nil && built != nil {
				compared++
				if drawn[1] != built[1] {
					t.Errorf("%s: %s drawn with %q, built on %s with %q", tc.name, url, drawn[1], tc.home, built[1])
				}
			}
		}
		if tc.kinds != nil && compared == 0 {
			t.Errorf("%s: no result is an offer of %s", tc.name, tc.home)
		}
	}
}
