package content

import (
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// hiddenValues reports the first hidden character (diag.IndexHidden) of each
// top-level key's strings in the front matter (in arrays and tables too),
// at the string.
func hiddenValues(path string, raw map[string]any, pos *diag.Positions) diag.List {
	var errs diag.List
	hidden := func(s string) bool { return diag.IndexHidden(s) >= 0 }
	for _, f := range firstStrings(raw, hidden) {
		r, _ := utf8.DecodeRuneInString(f.s[diag.IndexHidden(f.s):])
		line, col := pos.Find(f.s, f.key)
		errs = append(errs, diag.At(path, line, col, diag.HiddenValue, f.key, r))
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
	line, col := diag.LineCol(body, i)
	return diag.List{diag.At(path, firstLine+line-1, col, diag.HiddenBody, r)}
}
