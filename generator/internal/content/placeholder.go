package content

import (
	"bytes"
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
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		for _, s := range stringsIn(raw[k]) {
			if !IsPlaceholder(s) {
				continue
			}
			line, col := pos.Find(s, k)
			errs = append(errs, diag.At(path, line, col, diag.PlaceholderValue, k, strings.TrimSpace(s)))
			if bad != nil {
				bad[k] = true
			}
			break
		}
	}
	return errs
}

// stringsIn lists the strings in a decoded TOML value.
func stringsIn(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, stringsIn(e)...)
		}
		return out
	case []map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, stringsIn(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, k := range slices.Sorted(maps.Keys(v)) {
			out = append(out, stringsIn(v[k])...)
		}
		return out
	}
	return nil
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
		shown := clip(strings.TrimSpace(string(text)), 40)
		errs = append(errs, diag.At(path, firstLine+i, len(line)-len(text)+1, diag.PlaceholderBody, shown))
		if len(errs) == 10 {
			break
		}
	}
	return errs
}
