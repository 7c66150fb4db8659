package feeds

import "testing"

func TestXMLText(t *testing.T) {
	tests := []struct {
		name, in, clean, escaped string
	}{
		{"plain", "Öppna data", "Öppna data", "Öppna data"},
		{"specials", `a&b<c>d"e'f`, `a&b<c>d"e'f`, "a&amp;b&lt;c&gt;d&quot;e&apos;f"},
		{"whitespace", "a\tb\nc\rd", "a\tb\nc\rd", "a&#x9;b&#xA;c&#xD;d"},
		{"controls", "a\x00b\x01c\x08d\x0be\x0cf\x1bg\x7fh", "abcdefg\x7fh", "abcdefg\x7fh"},
		{"non-characters", "a\uFFFEb\uFFFFc\uFFFDd", "abc\uFFFDd", "abc\uFFFDd"},
		{"invalid utf-8", "a\xffb\xc3c\xed\xa0\x80d", "abcd", "abcd"},
		{"astral", "𝄞 & 😀", "𝄞 & 😀", "𝄞 &amp; 😀"},
		{"empty", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanXML(tc.in); got != tc.clean {
				t.Errorf("cleanXML = %q, want %q", got, tc.clean)
			}
			if got := string(appendCleanXML([]byte(">"), tc.in)); got != ">"+tc.clean {
				t.Errorf("appendCleanXML = %q, want %q", got, ">"+tc.clean)
			}
			if got := string(appendEscapedXML(nil, tc.in)); got != tc.escaped {
				t.Errorf("appendEscapedXML = %q, want %q", got, tc.escaped)
			}
		})
	}
	if n := testing.AllocsPerRun(10, func() { _ = cleanXML("already clean, å") }); n != 0 {
		t.Errorf("cleanXML allocates %v times for clean input", n)
	}
}

func TestHasScheme(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/":           true,
		"http://example.org":             true,
		"HTTPS://EXAMPLE.ORG/x":          true,
		"tag:samverkan.example.se,2026:": true,
		"urn:uuid:1234":                  true,
		"mailto:a@example.org":           true,
		"":                               false,
		"/exjobb/":                       false,
		"example.org/x":                  false,
		"https:":                         false,
		"https:/x":                       false,
		"https://":                       false,
		"https:///path":                  false,
		"1http://x":                      false,
		"https://exa mple.org/":          false,
		"https://example.org/\n":         false,
	} {
		if got := hasScheme(s); got != want {
			t.Errorf("hasScheme(%q) = %v, want %v", s, got, want)
		}
	}
}
