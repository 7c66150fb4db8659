package config

import "testing"

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
