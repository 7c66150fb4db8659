package config

import (
	"strings"

	"portal/generator/internal/diag"
)

// typedSyntax mends a problem of a line of config.toml that the decoder
// could not read (diag.TOMLError), which knows nothing of the keys: where
// it says to put a bare value in quotes for a key that holds no text, the
// quotes would only be refused in the next round. pageSize = tjugo is
// told that pageSize is a whole number; languages = sv, en is told the
// list to write, ["sv", "en"], as a record's list is (content's
// typedSyntax).
func typedSyntax(e diag.Error) diag.Error {
	written, value, only, ok := diag.QuotesSuggested(e)
	if !ok {
		return e
	}
	var m diag.Message
	switch key := strings.Trim(written, `"`); {
	case key == "pageSize" && only != "":
		m = diag.M(only, written)
	case key == "pageSize":
		m = diag.M(diag.PageSize)
	case key == "languages" && only != "":
		m = diag.M(e.ID, written, diag.ListOf(value))
	case key == "languages":
		m = diag.M(e.ID, written, e.Args[1], diag.ListOf(value))
	default:
		return e
	}
	mended := diag.Of(e.Path, e.Line, e.Col, m)
	mended.Severity = e.Severity
	return mended
}
