package content

import (
	"bytes"
	"maps"
	"slices"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// hiddenValues reports the first hidden character (diag.Hidden) of each
// top-level key's strings in the front matter (in arrays and tables too),
// at the string.
func hiddenValues(path string, raw map[string]any, pos *diag.Positions) diag.List {
	if !anyHidden(raw) {
		return nil // every file of a build: without sorting its keys
	}
	var errs diag.List
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		for _, s := range stringsIn(raw[k]) {
			if i := diag.IndexHidden(s); i >= 0 {
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
	i := diag.IndexHidden(body)
	if i < 0 {
		return nil
	}
	r, _ := utf8.DecodeRune(body[i:])
	start := bytes.LastIndexByte(body[:i], '\n') + 1
	line := firstLine + bytes.Count(body[:i], []byte("\n"))
	col := utf8.RuneCount(body[start:i]) + 1
	return diag.List{diag.At(path, line, col, diag.HiddenBody, r)}
}

// anyHidden reports whether a string in v, a decoded TOML value, holds a
// hidden character.
func anyHidden(v any) bool {
	switch v := v.(type) {
	case string:
		return diag.IndexHidden(v) >= 0
	case []any:
		return slices.ContainsFunc(v, anyHidden)
	case []map[string]any:
		return slices.ContainsFunc(v, func(m map[string]any) bool { return anyHidden(m) })
	case map[string]any:
		for _, e := range v {
			if anyHidden(e) {
				return true
			}
		}
	}
	return false
}
