package content

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// hiddenValues reports the first hidden character (diag.Hidden) of each
// top-level key's strings in the front matter (in arrays and tables too),
// at the string.
func hiddenValues(path string, raw map[string]any, pos *diag.Positions) diag.List {
	var errs diag.List
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		for _, s := range stringsIn(raw[k]) {
			if i := strings.IndexFunc(s, diag.Hidden); i >= 0 {
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
	i := bytes.IndexFunc(body, diag.Hidden)
	if i < 0 {
		return nil
	}
	r, _ := utf8.DecodeRune(body[i:])
	start := bytes.LastIndexByte(body[:i], '\n') + 1
	line := firstLine + bytes.Count(body[:i], []byte("\n"))
	col := utf8.RuneCount(body[start:i]) + 1
	return diag.List{diag.At(path, line, col, diag.HiddenBody, r)}
}
