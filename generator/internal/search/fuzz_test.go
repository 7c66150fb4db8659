package search

import (
	"strings"
	"testing"
)

// Tokens returns the words of s, lowercased, in order, with repeats.
func Tokens(s string) []string {
	var out []string
	eachWord(s, func(w string) { out = append(out, w) })
	return out
}

// FuzzWords checks the hash table of Words against the plain way: the
// distinct tokens of the text, in the order they first occur. Words
// lowercases each word in place and cuts repeats off again, so texts of
// any runes, case changes that alter a word's length (İ, ẞ) and repeats
// far apart must give the same words.
func FuzzWords(f *testing.F) {
	for _, s := range []string{
		"",
		"Data och data, och DATA-analys. Ödmjuk ÖDMJUK ödmjuk",
		"İstanbul istanbul İSTANBUL ẞ ß SS",
		"a b c a b c Ä ä Å å",
		"fjärrvärme\u00a0Fjärrvärme\tFJÄRRVÄRME\u200b",
		strings.Repeat("ord ", 600) + strings.Repeat("Ord1 ord2 ", 300),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Words(text), distinctTokens(text); got != want {
			t.Fatalf("Words(%q) = %q, want %q", text, got, want)
		}
	})
}

// distinctTokens is what Words must return, the plain way: the distinct
// tokens of text in the order they first occur, joined by spaces.
func distinctTokens(text string) string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range Tokens(text) {
		if !seen[tok] {
			seen[tok] = true
			out = append(out, tok)
		}
	}
	return strings.Join(out, " ")
}
