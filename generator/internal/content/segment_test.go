package content

import (
	"testing"

	"portal/generator/internal/diag"
)

// TestSegmentProblem checks the one rule of a slug that is a fixed
// segment of its section: the archive's and the due page's an error, the
// list pages' a warning, said of the slug or of the file name, with a
// free slug suggested; the free-standing pages and other slugs are free.
func TestSegmentProblem(t *testing.T) {
	cfg := testConfig(t)
	for _, c := range []struct {
		kind, slug, title string
		bySlug            bool
		sev               diag.Severity // "": no problem
		en                string
	}{
		{"theses", "arkiv", "Arkiv", false, diag.SeverityError,
			`file name "arkiv" is the address of the archive of theses (/exjobb/arkiv/), which the record's page would take; rename the file, or set slug = "arkiv-exjobb"`},
		{"theses", "archive", "Archive of data", true, diag.SeverityError,
			`slug "archive" is the address of the archive of theses (/en/theses/archive/), which the record's page would take; choose another slug, e.g. slug = "archive-of-data"`},
		{"agreements", "att-fornya", "Att förnya", false, diag.SeverityError,
			`file name "att-fornya" is the address of the page of agreements due for review (/avtal/att-fornya/), which the record's page would take; rename the file, or set slug = "att-fornya-avtal"`},
		{"agreements", "due-for-review", "Ramavtal", true, diag.SeverityError,
			`slug "due-for-review" is the address of the page of agreements due for review (/en/agreements/due-for-review/), which the record's page would take; choose another slug, e.g. slug = "ramavtal"`},
		{"theses", "sida", "Sida", false, diag.SeverityWarning,
			`file name "sida" is the segment of the list's further pages (/exjobb/sida/2/), which would be inside the record's folder, and its address reads as one of them; rename the file, or set slug = "sida-exjobb"`},
		{"theses", "page", "Page", true, diag.SeverityWarning,
			`slug "page" is the segment of the list's further pages (/en/theses/page/2/), which would be inside the record's folder, and its address reads as one of them; choose another slug, e.g. slug = "page-exjobb"`},
		{"theses", "att-fornya", "Att förnya", false, "", ""},
		{"pages", "arkiv", "Arkiv", false, "", ""},
		{"theses", "arkivet", "Arkivet", false, "", ""},
	} {
		clash, ok := SegmentProblem(cfg, c.kind, c.slug, c.title, c.bySlug)
		m, sev := clash.Message, clash.Severity
		if ok != (c.sev != "") || sev != c.sev || ok && m.Text(diag.English) != c.en {
			t.Errorf("%s %q (slug %v): %v %q %q, want %q %q", c.kind, c.slug, c.bySlug, ok, sev, m.Text(diag.English), c.sev, c.en)
		}
	}
}
