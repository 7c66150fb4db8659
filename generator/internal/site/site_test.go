package site

import (
	"fmt"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
)

const testConfig = `
title = { sv = "T", en = "T" }
baseURL = "https://t.example.se/"
defaultLanguage = "sv"
languages = ["sv", "en"]
timeZone = "Europe/Stockholm"
pageSize = 2
[sections.theses]
sv = "exjobb"
en = "theses"
[sections.internships]
sv = "praktik"
en = "internships"
[sections.lectures]
sv = "gastforelasningar"
en = "guest-lectures"
[sections.collaborations]
sv = "samarbeten"
en = "collaborations"
[sections.agreements]
sv = "avtal"
en = "agreements"
[sections.exchanges]
sv = "personutbyten"
en = "exchanges"
[sections.followups]
sv = "uppfoljning"
en = "follow-ups"
[areas.energi]
sv = "Energi"
en = "Energy"
[organisations.kth]
sv = "KTH"
en = "KTH"
type = "kth"
[organisations.stad]
sv = "Stockholms stad"
en = "City of Stockholm"
type = "city"
`

func thesis(extra string) string {
	return "+++\ntitle = \"T\"\ndate = 2026-01-01\nareas = [\"energi\"]\nhost = \"kth\"\nlevel = \"master\"\ncredits = 30\n" + extra + "\n+++\n\nText.\n"
}

func lecture(extra string) string {
	return "+++\ntitle = \"L\"\ndate = 2026-01-01\nareas = [\"energi\"]\nplace = \"KTH\"\nspeaker = \"S\"\n" + extra + "\n+++\n\nText.\n"
}

func collaboration(extra string) string {
	return "+++\ntitle = \"C\"\ndate = 2026-01-01\nareas = [\"energi\"]\npartners = [\"kth\"]\nperiodStart = 2025-01-01\n" + extra + "\n+++\n\nText.\n"
}

// newSite builds a model from files at now.
func newSite(t *testing.T, files map[string]string, now time.Time, drafts bool) (*Site, error) {
	t.Helper()
	cfg, set := load(t, files)
	return New(cfg, set, Options{Now: now, Drafts: drafts})
}

// load reads the test config and the records of files; a config.toml
// in files (the test config with more organisations, say) replaces it.
func load(t *testing.T, files map[string]string) (*config.Config, *content.Set) {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig)}}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(fsys, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, set
}

func stockholm(t *testing.T, s string) time.Time {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestTimeRules checks publishing and open/closed at the edges of days.
func TestTimeRules(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		now       string
		drafts    bool
		published bool
		archived  bool
	}{
		{"open on the deadline day", thesis("deadline = 2026-03-01"), "2026-03-01 23:59", false, true, false},
		{"closed the day after", thesis("deadline = 2026-03-01"), "2026-03-02 00:00", false, true, true},
		{"deadline across the DST change", thesis("deadline = 2026-03-28"), "2026-03-29 00:30", false, true, true},
		{"scheduled before publishDate", thesis("deadline = 2027-01-01\npublishDate = 2026-05-01"), "2026-04-30 23:59", false, false, false},
		{"published from publishDate", thesis("deadline = 2027-01-01\npublishDate = 2026-05-01"), "2026-05-01 00:00", false, true, false},
		{"published until expiryDate", thesis("deadline = 2027-01-01\nexpiryDate = 2026-05-01T12:00:00"), "2026-05-01 11:59", false, true, false},
		{"removed from expiryDate", thesis("deadline = 2027-01-01\nexpiryDate = 2026-05-01T12:00:00"), "2026-05-01 12:00", false, false, false},
		{"draft not published", thesis("deadline = 2027-01-01\ndraft = true"), "2026-05-01 12:00", false, false, false},
		{"draft published with -drafts", thesis("deadline = 2027-01-01\ndraft = true"), "2026-05-01 12:00", true, true, false},
		{"lecture upcoming until its end", lecture("start = 2026-05-01T10:00:00\nend = 2026-05-01T12:00:00"), "2026-05-01 11:59", false, true, false},
		{"lecture past at its end", lecture("start = 2026-05-01T10:00:00\nend = 2026-05-01T12:00:00"), "2026-05-01 12:00", false, true, true},
		{"active collaboration current on its last day", collaboration("status = \"active\"\nperiodEnd = 2026-03-28"), "2026-03-28 23:59", false, true, false},
		{"active collaboration ended the day after", collaboration("status = \"active\"\nperiodEnd = 2026-03-28"), "2026-03-29 00:00", false, true, true},
		{"planned collaboration ended the day after", collaboration("status = \"planned\"\nperiodEnd = 2026-03-28"), "2026-03-29 00:00", false, true, true},
		{"planned collaboration past its start", collaboration("status = \"planned\"\nperiodEnd = 2027-03-28"), "2026-03-29 00:00", false, true, false},
		{"active collaboration without an end", collaboration("status = \"active\""), "2030-01-01 00:00", false, true, false},
		{"completed collaboration before its end", collaboration("status = \"completed\"\nperiodEnd = 2027-03-28"), "2026-03-29 00:00", false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind := "theses"
			switch {
			case strings.Contains(tt.file, "speaker"):
				kind = "lectures"
			case strings.Contains(tt.file, "partners"):
				kind = "collaborations"
			}
			s, err := newSite(t, map[string]string{"content/" + kind + "/x.md": tt.file}, stockholm(t, tt.now), tt.drafts)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(s.Entries) == 1; got != tt.published {
				t.Fatalf("published = %v, want %v", got, tt.published)
			}
			if tt.published && s.Entries[0].Archived != tt.archived {
				t.Errorf("archived = %v, want %v", s.Entries[0].Archived, tt.archived)
			}
		})
	}
}

// TestTranslationsInLists checks that each language lists every record
// once, in its translation where there is one, else marked foreign.
func TestTranslationsInLists(t *testing.T) {
	files := map[string]string{
		"content/theses/a.md":    thesis("deadline = 2027-01-01"),
		"content/theses/a.en.md": "+++\ntitle = \"A in English\"\n+++\n",
		"content/theses/b.md":    thesis("deadline = 2027-01-02"),
		"content/theses/c.en.md": thesis("deadline = 2027-01-03"),
	}
	s, err := newSite(t, files, stockholm(t, "2026-06-01 12:00"), false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"sv": {"/exjobb/a/ sv false", "/exjobb/b/ sv false", "/en/theses/c/ en true"},
		"en": {"/en/theses/a/ en false", "/exjobb/b/ sv true", "/en/theses/c/ en false"},
	}
	for _, lang := range []string{"sv", "en"} {
		var got []string
		for _, p := range s.Pages {
			if p.Type == ListPage && p.Kind == "theses" && p.Lang == lang {
				for _, it := range p.Groups[0].Items {
					got = append(got, it.URL+" "+it.V.Lang+" "+map[bool]string{true: "true", false: "false"}[it.Foreign])
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(want[lang], "|") {
			t.Errorf("%s list:\n got %q\nwant %q", lang, got, want[lang])
		}
	}
	// The Swedish-only record's page switches to the English list that
	// shows it, the English-only one's to the Swedish list.
	for _, p := range s.Pages {
		if p.URL == "/exjobb/b/" && (len(p.Switch) != 1 || p.Switch[0] != (Link{Lang: "en", Key: "kind.theses", URL: "/en/theses/"})) {
			t.Errorf("switch of a Swedish-only page = %+v, want the English list", p.Switch)
		}
		if p.URL == "/en/theses/c/" && (len(p.Switch) != 1 || p.Switch[0] != (Link{Lang: "sv", Key: "kind.theses", URL: "/exjobb/"})) {
			t.Errorf("switch of an English-only page = %+v, want the Swedish list", p.Switch)
		}
		if p.URL == "/exjobb/a/" && (len(p.Switch) != 1 || p.Switch[0].URL != "/en/theses/a/") {
			t.Errorf("switch of a translated page = %+v, want its translation", p.Switch)
		}
	}
}

// TestPagination checks page URLs and pager links in both languages.
func TestPagination(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		files["content/theses/"+n+".md"] = thesis("deadline = 2027-01-01")
	}
	s, err := newSite(t, files, stockholm(t, "2026-06-01 12:00"), false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range s.Pages {
		if p.Type == ListPage && p.Kind == "theses" {
			got = append(got, p.URL+" next="+p.Pager.Next+" prev="+p.Pager.Prev)
		}
	}
	want := []string{
		"/en/theses/ next=/en/theses/page/2/ prev=",
		"/en/theses/page/2/ next=/en/theses/page/3/ prev=/en/theses/",
		"/en/theses/page/3/ next= prev=/en/theses/page/2/",
		"/exjobb/ next=/exjobb/sida/2/ prev=",
		"/exjobb/sida/2/ next=/exjobb/sida/3/ prev=/exjobb/",
		"/exjobb/sida/3/ next= prev=/exjobb/sida/2/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPagerWindow checks the numbered links of long lists' pagers: the
// pages around the current one, and the first and the last page with a
// gap ("…", no URL) for the pages left out.
func TestPagerWindow(t *testing.T) {
	files := map[string]string{}
	for i := range 24 { // 12 pages of 2
		files[fmt.Sprintf("content/theses/t%02d.md", i)] = thesis("deadline = 2027-01-01")
	}
	s, err := newSite(t, files, stockholm(t, "2026-06-01 12:00"), false)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, p := range s.Pages {
		if p.Type == ListPage && p.Kind == "theses" && p.Lang == "sv" {
			var ls []string
			for _, l := range p.Pager.Links {
				if l.URL == "" {
					ls = append(ls, l.Title)
				} else {
					ls = append(ls, l.Title+"="+l.URL)
				}
			}
			got[p.Pager.Page] = strings.Join(ls, " ")
		}
	}
	for n, want := range map[int]string{
		1:  "1=/exjobb/ 2=/exjobb/sida/2/ 3=/exjobb/sida/3/ 4=/exjobb/sida/4/ … 12=/exjobb/sida/12/",
		5:  "1=/exjobb/ 2=/exjobb/sida/2/ 3=/exjobb/sida/3/ 4=/exjobb/sida/4/ 5=/exjobb/sida/5/ 6=/exjobb/sida/6/ 7=/exjobb/sida/7/ 8=/exjobb/sida/8/ … 12=/exjobb/sida/12/",
		6:  "1=/exjobb/ … 3=/exjobb/sida/3/ 4=/exjobb/sida/4/ 5=/exjobb/sida/5/ 6=/exjobb/sida/6/ 7=/exjobb/sida/7/ 8=/exjobb/sida/8/ 9=/exjobb/sida/9/ … 12=/exjobb/sida/12/",
		9:  "1=/exjobb/ … 6=/exjobb/sida/6/ 7=/exjobb/sida/7/ 8=/exjobb/sida/8/ 9=/exjobb/sida/9/ 10=/exjobb/sida/10/ 11=/exjobb/sida/11/ 12=/exjobb/sida/12/",
		12: "1=/exjobb/ … 9=/exjobb/sida/9/ 10=/exjobb/sida/10/ 11=/exjobb/sida/11/ 12=/exjobb/sida/12/",
	} {
		if got[n] != want {
			t.Errorf("page %d of 12: links\n%s\nwant\n%s", n, got[n], want)
		}
	}
}

// TestCollisions checks that two outputs claiming one file are an error
// naming both: pages, and attachments that a check before the model let
// through (content refuses HTML attachments), which would replace a page.
func TestCollisions(t *testing.T) {
	agreement := "+++\ntitle = \"A\"\ndate = 2026-01-01\nareas = [\"energi\"]\ntype = \"mou\"\nparties = [\"kth\", \"stad\"]\nsigned = 2026-01-01\nstatus = \"active\"\nattachment = \"a.pdf\"\n+++\n"
	for _, c := range []struct {
		name       string
		files      map[string]string
		attachment string // the name the agreement's attachment is given after loading
		want       []string
	}{
		{"free page over an index", map[string]string{
			"content/pages/omraden.md": "+++\ntitle = \"Krock\"\n+++\n",
		}, "", []string{"content/pages/omraden.md:1:1: URL /omraden/ is already used by an index page; choose another slug"}},
		{"attachment over its page", map[string]string{
			"content/agreements/a.md": agreement, "content/agreements/a.pdf": "%PDF",
			"content/agreements/a.en.md": "+++\ntitle = \"A\"\n+++\n",
		}, "index.html", []string{
			`content/agreements/a.md:9:14: attachment "index.html" would be published at /avtal/a/index.html, which is already used by content/agreements/a.md; rename the attachment`,
			`content/agreements/a.md:9:14: attachment "index.html" would be published at /en/agreements/a/index.html, which is already used by content/agreements/a.en.md; rename the attachment`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, set := load(t, c.files)
			for _, r := range set.Records {
				if c.attachment != "" && r.Attachment != "" {
					r.Attachment = path.Join(path.Dir(r.Attachment), c.attachment)
				}
			}
			_, err := New(cfg, set, Options{Now: stockholm(t, "2026-06-01 12:00")})
			list, _ := diag.AsList(err)
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestEscapeURL checks which bytes of a base URL are percent-encoded.
func TestEscapeURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/", "https://example.org/"},
		{"https://example.org/a%20b/?q=1#f", "https://example.org/a%20b/?q=1#f"},
		{"https://example.org/a b/", "https://example.org/a%20b/"},
		{"https://x.se/\"'<>\\^`{|}/", "https://x.se/%22'%3C%3E%5C%5E%60%7B%7C%7D/"},
		{"https://x.se/\r\n\t\x00\x7f/", "https://x.se/%0D%0A%09%00%7F/"},
		{"https://x.se/år/", "https://x.se/%C3%A5r/"},
	} {
		if got := EscapeURL(c.in); got != c.want {
			t.Errorf("EscapeURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTranslationWarnings checks that the warning for a missing version
// names a file that content.Load accepts as that version: written with
// the keys of the record, it ends the warning.
func TestTranslationWarnings(t *testing.T) {
	for _, c := range []struct {
		file, want, missing string
	}{
		{"content/theses/b.md", "content/theses/b.md:1:1: warning: no en translation: create content/theses/b.en.md", "content/theses/b.en.md"},
		{"content/theses/c.en.md", "content/theses/c.en.md:1:1: warning: no sv translation: create content/theses/c.md", "content/theses/c.md"},
	} {
		t.Run(c.file, func(t *testing.T) {
			files := map[string]string{c.file: thesis("deadline = 2027-01-02"),
				"config.toml": testConfig + "[translations]\nexpected = [\"theses\"]\n"}
			s, err := newSite(t, files, stockholm(t, "2026-06-01 12:00"), false)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Warnings().Error(); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			files[c.missing] = files[c.file]
			s, err = newSite(t, files, stockholm(t, "2026-06-01 12:00"), false)
			if err != nil {
				t.Fatalf("the suggested file is refused: %v", err)
			}
			if got := s.Warnings(); len(got) > 0 {
				t.Errorf("with the suggested file, still: %v", got)
			}
		})
	}
}

// TestAliases checks that every alias of a version redirects to that
// version's page, and that an alias claiming a URL already claimed (a
// page, another alias, the record's own page) is an error at the alias.
func TestAliases(t *testing.T) {
	now := stockholm(t, "2026-06-01 12:00")
	files := map[string]string{
		"content/theses/ny.md":    thesis("deadline = 2026-12-01\naliases = [\"/exjobb/gammal/\", \"/gamla/exjobb/ny/index.html\"]"),
		"content/theses/ny.en.md": "+++\ntitle = \"New\"\naliases = [\"/en/theses/old.html\"]\n+++\n",
	}
	s, err := newSite(t, files, now, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Redirects {
		got = append(got, r.From+" → "+r.To+" ("+r.Lang+")")
	}
	want := []string{
		"/en/theses/old.html → /en/theses/ny/ (en)",
		"/exjobb/gammal/ → /exjobb/ny/ (sv)",
		"/gamla/exjobb/ny/ → /exjobb/ny/ (sv)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("redirects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !s.HasPath("/exjobb/gammal/") {
		t.Error("a link to an alias does not resolve")
	}

	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"alias is a list page", map[string]string{"content/theses/ny.md": thesis("deadline = 2026-12-01\naliases = [\"/praktik/\"]")},
			"content/theses/ny.md:9:12: alias /praktik/ is already used by the list of internships; remove the alias"},
		{"alias is its own page", map[string]string{"content/theses/ny.md": thesis("deadline = 2026-12-01\naliases = [\"/exjobb/ny/\"]")},
			"content/theses/ny.md:9:12: alias /exjobb/ny/ is already used by content/theses/ny.md; remove the alias"},
		{"alias is another record's page", map[string]string{
			"content/theses/ny.md":    thesis("deadline = 2026-12-01\naliases = [\"/exjobb/annat/\"]"),
			"content/theses/annat.md": thesis("deadline = 2026-12-01")},
			"content/theses/ny.md:9:12: alias /exjobb/annat/ is already used by content/theses/annat.md; remove the alias"},
		{"two records, one alias", map[string]string{
			"content/theses/ny.md":    thesis("deadline = 2026-12-01\naliases = [\"/x/\"]"),
			"content/theses/annat.md": thesis("deadline = 2026-12-01\naliases = [\"/x/\"]")},
			"content/theses/ny.md:9:12: alias /x/ is already used by content/theses/annat.md; remove the alias"},
		{"alias is a free page", map[string]string{
			"content/pages/om.md":  "+++\ntitle = \"Om\"\n+++\n",
			"content/theses/ny.md": thesis("deadline = 2026-12-01\naliases = [\"/om/index.html\"]")},
			"content/theses/ny.md:9:12: alias /om/ is already used by content/pages/om.md; remove the alias"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := newSite(t, c.files, now, false)
			list, _ := diag.AsList(err)
			if list.Error() != c.want {
				t.Errorf("got %q\nwant %q", list.Error(), c.want)
			}
		})
	}
}
