package config

import (
	"testing"

	"portal/generator/internal/kinds"
)

func TestSlugOf(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Energidata för flerbostadshus", "energidata-for-flerbostadshus"},
		{"Åtgärder i Älvsjö", "atgarder-i-alvsjo"},
		{"Café Étoile – möte", "cafe-etoile-mote"},
		{"  AI & maskininlärning!! 2026 ", "ai-maskininlarning-2026"},
		{"Straße og Ærø", "strasse-og-aero"},
		{"a--b__c", "a-b-c"},
		{"???", ""},
		{"Mitt Exjobb Åre", "mitt-exjobb-are"},
		{"Energi_Data", "energi-data"},
		// Decomposed (NFD), as macOS and zip files from it write names.
		{"Mitt Exjobb A\u030are", "mitt-exjobb-are"},
		{"Cafe\u0301 E\u0301toile i A\u0308lvsjo\u0308", "cafe-etoile-i-alvsjo"},
		{"Ett mycket långt namn på ett examensarbete om energieffektivisering i Stockholms skolor och förskolor", "ett-mycket-langt-namn-pa-ett-examensarbete-om"},
	} {
		got := SlugOf(c.title)
		if got != c.want {
			t.Errorf("SlugOf(%q) = %q, want %q", c.title, got, c.want)
		}
		if got != "" && !ValidSlug(got) {
			t.Errorf("SlugOf(%q) = %q is not a valid slug", c.title, got)
		}
	}
}

// TestSectionSegmentOf checks which slugs are fixed segments of a kind's
// section, in either language, and the slug OtherSlug suggests instead.
func TestSectionSegmentOf(t *testing.T) {
	c, err := ParseWith([]byte(base), kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		kind, slug, title string
		want              SectionSegment // zero: not a segment
		other             string
	}{
		{"theses", "arkiv", "Arkiv", SectionSegment{"archive", "sv", "arkiv", "/exjobb/arkiv/"}, "arkiv-exjobb"},
		{"theses", "archive", "Archive of maps", SectionSegment{"archive", "en", "archive", "/en/theses/archive/"}, "archive-of-maps"},
		{"internships", "sida", "Praktik hos Sida", SectionSegment{"page", "sv", "sida", "/praktik/sida/2/"}, "praktik-hos-sida"},
		{"followups", "page", "Page", SectionSegment{"page", "en", "page", "/en/follow-ups/page/2/"}, "page-uppfoljning"},
		{"agreements", "att-fornya", "Att förnya", SectionSegment{"due", "sv", "att-fornya", "/avtal/att-fornya/"}, "att-fornya-avtal"},
		{"agreements", "due-for-review", "Ramavtal", SectionSegment{"due", "en", "due-for-review", "/en/agreements/due-for-review/"}, "ramavtal"},
		{"theses", "att-fornya", "", SectionSegment{}, ""},
		{"theses", "sidan", "", SectionSegment{}, ""},
		{"theses", "omraden", "", SectionSegment{}, ""},
	} {
		got, ok := c.SectionSegmentOf(tc.kind, tc.slug)
		if got != tc.want || ok != (tc.want != SectionSegment{}) {
			t.Errorf("%s %q: %+v %v, want %+v", tc.kind, tc.slug, got, ok, tc.want)
		}
		if tc.other == "" {
			continue
		}
		if got := c.OtherSlug(tc.kind, tc.slug, tc.title); got != tc.other {
			t.Errorf("%s %q: OtherSlug %q, want %q", tc.kind, tc.slug, got, tc.other)
		}
	}
}
