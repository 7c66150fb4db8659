package config

import (
	"strings"
	"unicode"
)

// maxSlug is the longest slug made from a title, in bytes.
const maxSlug = 60

// SlugOf makes a slug (a file name) from a title or a file name: lower case, å and ä → a, ö → o,
// é → e (and other Latin letters with marks to their base letter), every
// run of other characters → one hyphen, none at either end. Long titles
// are cut at a hyphen near 60 characters. A letter written with a
// combining mark (decomposed, NFD: "A" and U+030A for "Å", as file names
// from macOS often are) is its base letter too: the mark is left out,
// without a hyphen.
func SlugOf(title string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(title) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark, of the letter before it
		}
		s := Fold(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			s = string(r)
		}
		if s == "" {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteString(s)
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > maxSlug/2 {
			out = out[:i]
		}
		out = strings.TrimSuffix(out, "-")
	}
	return out
}

// Fold returns the ASCII spelling of a lower-case Latin letter with marks
// ("å" → "a") or a ligature ("æ" → "ae"), or "" if r has none.
func Fold(r rune) string { return fold[r] }

// fold maps lower-case Latin letters with marks to ASCII.
var fold = func() map[rune]string {
	m := map[rune]string{}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "ae": "æ", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě",
		"g": "ĝğġģ", "h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł",
		"n": "ñńņňŉ", "o": "òóôõöøōŏő", "oe": "œ", "r": "ŕŗř", "s": "śŝşšș", "ss": "ß",
		"t": "ţťŧț", "th": "þ", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
