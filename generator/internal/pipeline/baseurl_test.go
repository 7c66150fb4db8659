package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"portal/generator/internal/site"
)

// TestBaseURLEscaped builds a site whose base URL holds what a URL cannot
// (config.toml checks it, and this model is made past that check): every
// output format writes it percent-encoded, robots.txt and the iCalendar
// files included, and no output has it as it is.
func TestBaseURLEscaped(t *testing.T) {
	fsys := fixture(t, "testdata/sites/basic")
	l, err := Load(fsys, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	base := "https://example.org/sam verkan/\"><script>alert</script>\r\nSitemap: https://evil.example/\x00ä/"
	esc := "https://example.org/sam%20verkan/%22%3E%3Cscript%3Ealert%3C/script%3E%0D%0ASitemap:%20https://evil.example/%00%C3%A4/"
	cfg := *l.Cfg
	cfg.BaseURL = base
	s, err := site.New(&cfg, l.Set, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Assemble(fsys, &cfg, l.Set, s, l.Templates, nil).Write(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	files := tree(t, out)
	if got, want := string(files["robots.txt"]), "User-agent: *\nAllow: /\nSitemap: "+esc+"sitemap.xml\n"; got != want {
		t.Errorf("robots.txt:\n%q\nwant\n%q", got, want)
	}
	for _, c := range []struct{ file, want string }{
		{"sitemap.xml", "<loc>" + esc + "</loc>"},
		{"exjobb/atom.xml", `<link rel="self" type="application/atom+xml" href="` + esc + `exjobb/atom.xml"`},
		{"gastforelasningar/calendar.ics", "URL:" + esc + "gastforelasningar/smarta-kartor/\r\n"},
		{"gastforelasningar/smarta-kartor/smarta-kartor.ics", "URL:" + esc + "gastforelasningar/smarta-kartor/\r\n"},
		{"index.html", `<link rel="canonical" href="` + esc + `">`},
		{"gastforelasningar/smarta-kartor/index.html", `"url":"` + esc + `gastforelasningar/smarta-kartor/"`},
	} {
		// Calendar lines are folded at 75 octets.
		if got := strings.ReplaceAll(string(files[c.file]), "\r\n ", ""); !strings.Contains(got, c.want) {
			t.Errorf("%s has no %q", c.file, c.want)
		}
	}
	for name, data := range files {
		for _, raw := range []string{"sam verkan", "<script>alert", "\nSitemap: https://evil", "\x00"} {
			if strings.Contains(string(data), raw) {
				t.Errorf("%s holds %q of the base URL as it is", name, raw)
			}
		}
	}
}
