package content

import (
	"bytes"
	"iter"
	"maps"
	"slices"
	"strings"

	"portal/generator/internal/diag"
)

// Placeholders are what `portal new` (package scaffold) writes where the
// editor must write something, and what check refuses until it is
// replaced: a value or a line of the body that begins with Placeholder,
// followed by its end, "-" or ":".
const (
	Placeholder             = "TODO"
	PlaceholderArea         = Placeholder + "-area"
	PlaceholderOrganisation = Placeholder + "-organisation"
	// PlaceholderText begins the placeholder body and hints of a new file.
	PlaceholderText = Placeholder + ": "
)

// IsPlaceholder reports whether s, spaces trimmed, begins with a placeholder.
func IsPlaceholder(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), Placeholder)
	return ok && (rest == "" || rest[0] == '-' || rest[0] == ':')
}

// placeholderValues reports every string in the front matter (in arrays
// and tables too) that is a placeholder, at the string, and marks its
// top-level key as bad: it is then treated as absent, so that a
// placeholder gets one error, not a second one from the vocabulary.
func placeholderValues(path string, raw map[string]any, pos *diag.Positions, bad map[string]bool) diag.List {
	var errs diag.List
	for _, f := range firstStrings(raw, IsPlaceholder) {
		line, col := pos.Find(f.s, f.key)
		errs = append(errs, diag.At(path, line, col, diag.PlaceholderValue, f.key, strings.TrimSpace(f.s)))
		if bad != nil {
			bad[f.key] = true
		}
	}
	return errs
}

// keyString is a top-level key of a front matter and a string in its value.
type keyString struct{ key, s string }

// firstStrings returns, in key order, each top-level key of raw whose
// value holds a string (in arrays and tables too) that match accepts,
// with the first such string. The keys are sorted only when one is
// found: every file of a build is asked, and few have one.
func firstStrings(raw map[string]any, match func(string) bool) []keyString {
	var out []keyString
	for k, v := range raw {
		for s := range stringsIn(v) {
			if match(s) {
				out = append(out, keyString{k, s})
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b keyString) int { return strings.Compare(a.key, b.key) })
	return out
}

// stringsIn yields the strings in a decoded TOML value, a table's in the
// order of its keys.
func stringsIn(v any) iter.Seq[string] {
	return func(yield func(string) bool) { eachString(v, yield) }
}

// eachString calls yield with each string in v until it returns false,
// and reports whether it never did.
func eachString(v any, yield func(string) bool) bool {
	switch v := v.(type) {
	case string:
		return yield(v)
	case []any:
		for _, e := range v {
			if !eachString(e, yield) {
				return false
			}
		}
	case []map[string]any:
		for _, e := range v {
			if !eachString(e, yield) {
				return false
			}
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if !eachString(v[k], yield) {
				return false
			}
		}
	}
	return true
}

// placeholderBody reports each line of body that begins with a
// placeholder, at its first character; firstLine is the file line of the
// body's first line. Only the first ten are reported.
func placeholderBody(path string, body []byte, firstLine int) diag.List {
	if !bytes.Contains(body, []byte(Placeholder)) {
		return nil
	}
	var errs diag.List
	for i, line := range bytes.Split(body, []byte("\n")) {
		text := bytes.TrimLeft(line, " \t>")
		if !IsPlaceholder(string(text)) {
			continue
		}
		shown := diag.Clip(strings.TrimSpace(string(text)), 40)
		errs = append(errs, diag.At(path, firstLine+i, len(line)-len(text)+1, diag.PlaceholderBody, shown))
		if len(errs) == 10 {
			break
		}
	}
	return errs
}
