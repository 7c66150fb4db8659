package scaffold

import (
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/diag"
)

// TestCreateSegmentName checks that portal new names no record after a
// fixed segment of its section (the archive's, the due page's of
// agreements: an error of check's; the further list pages': a warning),
// in either language: a name made from the title gives way to the one
// check suggests, and the editor is told why in English and Swedish; a
// name given with -name is refused. A translation of an existing record
// keeps that record's name, and the free-standing pages have no section.
func TestCreateSegmentName(t *testing.T) {
	cfg := testConfig(t)
	for _, c := range []struct {
		name     string
		opt      Options
		existing []string // files made first
		path     string   // "" when refused
		en, sv   string   // Renamed, or the error when refused
	}{
		{"the archive", Options{Kind: "theses", Title: "Arkiv"}, nil, "content/theses/arkiv-exjobb.md",
			`the title makes the name "arkiv", but that gives the record the address /exjobb/arkiv/, which the site already uses; named it arkiv-exjobb instead`,
			`av titeln blir namnet "arkiv", men då får posten adressen /exjobb/arkiv/, som webbplatsen redan använder – posten fick i stället namnet arkiv-exjobb`},
		{"the English archive", Options{Kind: "followups", Title: "Archive"}, nil, "content/followups/archive-uppfoljning.md",
			`the title makes the name "archive", but that gives the record the address /en/follow-ups/archive/, which the site already uses; named it archive-uppfoljning instead`,
			`av titeln blir namnet "archive", men då får posten adressen /en/follow-ups/archive/, som webbplatsen redan använder – posten fick i stället namnet archive-uppfoljning`},
		{"the due page", Options{Kind: "agreements", Title: "Att förnya"}, nil, "content/agreements/att-fornya-avtal.md",
			`the title makes the name "att-fornya", but that gives the record the address /avtal/att-fornya/, which the site already uses; named it att-fornya-avtal instead`,
			`av titeln blir namnet "att-fornya", men då får posten adressen /avtal/att-fornya/, som webbplatsen redan använder – posten fick i stället namnet att-fornya-avtal`},
		{"the list pages", Options{Kind: "theses", Title: "Sida"}, nil, "content/theses/sida-exjobb.md",
			`the title makes the name "sida", but that puts the record's address among the list's further pages (/exjobb/sida/2/), which check warns about; named it sida-exjobb instead`,
			`av titeln blir namnet "sida", men då hamnar postens adress bland listans följande sidor (/exjobb/sida/2/), vilket check varnar för – posten fick i stället namnet sida-exjobb`},
		{"a record of its own in English", Options{Kind: "theses", Title: "Archive", Lang: "en"}, nil, "content/theses/archive-exjobb.en.md",
			`the title makes the name "archive", but that gives the record the address /en/theses/archive/, which the site already uses; named it archive-exjobb instead`,
			`av titeln blir namnet "archive", men då får posten adressen /en/theses/archive/, som webbplatsen redan använder – posten fick i stället namnet archive-exjobb`},
		{"the translation of the record renamed", Options{Kind: "theses", Title: "Arkiv", Lang: "en"}, []string{"content/theses/arkiv-exjobb.md"}, "content/theses/arkiv-exjobb.en.md",
			`the title makes the name "arkiv", but that gives the record the address /exjobb/arkiv/, which the site already uses; named it arkiv-exjobb instead`,
			`av titeln blir namnet "arkiv", men då får posten adressen /exjobb/arkiv/, som webbplatsen redan använder – posten fick i stället namnet arkiv-exjobb`},
		{"the translation of a record with a slug", Options{Kind: "agreements", Title: "Archive", Lang: "en", Name: "arkiv"}, []string{"content/agreements/arkiv.md"}, "content/agreements/arkiv.en.md", "", ""},
		{"a name given", Options{Kind: "theses", Title: "Arkivet", Name: "arkiv"}, nil, "",
			`name "arkiv" would give the record the address /exjobb/arkiv/, which the site already uses; choose another with -name, e.g. -name arkivet`,
			`namnet "arkiv" skulle ge posten adressen /exjobb/arkiv/, som webbplatsen redan använder – välj ett annat med -name, t.ex. -name arkivet`},
		// A name written wrong is told the name to write: one that is
		// not refused in turn (it was "arkiv").
		{"a name given in capitals", Options{Kind: "theses", Title: "Arkivet", Name: "Arkiv"}, nil, "",
			`name "Arkiv" must be lowercase letters, digits and single hyphens; write -name arkivet`,
			`namnet "Arkiv" går inte – använd små bokstäver a–z, siffror och enstaka bindestreck: skriv -name arkivet`},
		{"a name given in capitals, of the list pages", Options{Kind: "theses", Title: "Sida", Name: "Sida"}, nil, "",
			`name "Sida" must be lowercase letters, digits and single hyphens; write -name sida-exjobb`,
			`namnet "Sida" går inte – använd små bokstäver a–z, siffror och enstaka bindestreck: skriv -name sida-exjobb`},
		{"a name given of the list pages", Options{Kind: "lectures", Title: "Page", Name: "page"}, nil, "",
			`name "page" would give the record an address among the list's further pages (/en/guest-lectures/page/2/), which check warns about; choose another with -name, e.g. -name page-gastforelasningar`,
			`namnet "page" skulle ge posten en adress bland listans följande sidor (/en/guest-lectures/page/2/), vilket check varnar för – välj ett annat med -name, t.ex. -name page-gastforelasningar`},
		{"the due page's name for a thesis", Options{Kind: "theses", Title: "Att förnya"}, nil, "content/theses/att-fornya.md", "", ""},
		{"a free-standing page", Options{Kind: "pages", Title: "Arkiv"}, nil, "content/pages/arkiv.md", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := site(t)
			for _, p := range c.existing {
				full := filepath.Join(root, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.WriteFile(full, []byte("+++\n+++\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c.opt.Cfg, c.opt.Today = cfg, today
			res, err := Create(root, c.opt)
			var en, sv string
			switch m, isMsg := err.(diag.Message); {
			case err != nil && !isMsg:
				t.Fatal(err)
			case err != nil:
				en, sv = m.Text(diag.English), m.Text(diag.Swedish)
			case res.Renamed.ID != "":
				en, sv = res.Renamed.Text(diag.English), res.Renamed.Text(diag.Swedish)
			}
			if res.Path != c.path || en != c.en || sv != c.sv {
				t.Errorf("Create: %q\n%s\n%s\nwant %q\n%s\n%s", res.Path, en, sv, c.path, c.en, c.sv)
			}
			if c.path != "" {
				if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(c.path))); err != nil {
					t.Errorf("not written: %v", err)
				}
			}
		})
	}
}

// TestCreateSegmentNameExists checks that the name given way to is not
// overwritten either: it exists, and the editor is told why that name.
func TestCreateSegmentNameExists(t *testing.T) {
	root, cfg := site(t), testConfig(t)
	opt := Options{Kind: "theses", Title: "Arkiv", Today: today, Cfg: cfg}
	if _, err := Create(root, opt); err != nil {
		t.Fatal(err)
	}
	res, err := Create(root, opt)
	if err == nil || err.Error() != "content/theses/arkiv-exjobb.md already exists; edit it, or choose another title or -name" || res.Renamed.ID != diag.NewRenamedSegment {
		t.Errorf("again: %+v %v", res, err)
	}
}
