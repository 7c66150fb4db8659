package content

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// hidden reports whether r is a character that text never needs and that
// can make it read otherwise than it is written (Trojan Source): a control
// character other than tab and line breaks, or an explicit bidirectional
// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
// reorders the text after it on a page, in a feed reader or a calendar.
// The marks U+200E, U+200F and U+061C, which reorder nothing beyond
// themselves, are allowed.
func hidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	}
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// hiddenValues reports the first hidden character of each top-level key's
// strings in the front matter (in arrays and tables too), at the string.
func hiddenValues(path string, raw map[string]any, pos *diag.Positions) diag.List {
	var errs diag.List
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		for _, s := range stringsIn(raw[k]) {
			if i := strings.IndexFunc(s, hidden); i >= 0 {
				r, _ := utf8.DecodeRuneInString(s[i:])
				line, col := pos.Find(s, k)
				errs = append(errs, diag.At(path, line, col, diag.HiddenValue, k, r))
				break
			}
		}
	}
	return errs
}

// hiddenBody reports the first hidden character of the body, at it;
// firstLine is the file line of the body's first line.
func hiddenBody(path string, body []byte, firstLine int) diag.List {
	i := bytes.IndexFunc(body, hidden)
	if i < 0 {
		return nil
	}
	r, _ := utf8.DecodeRune(body[i:])
	start := bytes.LastIndexByte(body[:i], '\n') + 1
	line := firstLine + bytes.Count(body[:i], []byte("\n"))
	col := utf8.RuneCount(body[start:i]) + 1
	return diag.List{diag.At(path, line, col, diag.HiddenBody, r)}
}
