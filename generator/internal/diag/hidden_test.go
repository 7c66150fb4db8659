package diag

import (
	"strings"
	"testing"
)

// hidden is IndexHidden's definition of a hidden character, a rune at a
// time.
func hidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff:
		return true
	}
	return bidiControl(r)
}

// FuzzIndexHidden checks that IndexHidden finds what
// strings.IndexFunc(s, hidden) finds, in valid and invalid UTF-8.
func FuzzIndexHidden(f *testing.F) {
	for _, s := range []string{"", "text", "a\tb\nc\r", "a\x00", "\x7f", "\u0085", "\u0080x", "x\u009f",
		"Avtal\u202efdp.exe", "\u202a\u202e\u2066\u2069", "\u2065\u206a\u2029\u202f", "\u200e\u200f\u061c",
		"\xc2", "\xe2\x80", "\xe2\x80\xae", "\xe0\xc2\x85", "\xff\xe2\x81\xa6", "åäö é ü €",
		"\ufffe", "a\uffff", "\ufffd\ufefe\uffbe", "\xef\xbf", "\xe0\xef\xbf\xbe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IndexHidden(s), strings.IndexFunc(s, hidden); got != want {
			t.Fatalf("IndexHidden(%q) = %d, want %d", s, got, want)
		}
		if got, want := IndexHidden([]byte(s)), strings.IndexFunc(s, hidden); got != want {
			t.Fatalf("IndexHidden([]byte(%q)) = %d, want %d", s, got, want)
		}
	})
}
