package content

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// typedSyntax mends the problems of the lines a file's decoder could not
// read (diag.DecodeTOML), which know nothing of the kind: where one says
// to put a bare value in quotes (noticeMonths = tre, confidential = ja)
// for a key of spec that holds no text, it says what the key holds
// instead; the quotes would only be refused in the next round. So for a
// value in typographic quotes (noticeMonths = “3”): the key's message for
// a value in straight ones. A list of texts is suggested in brackets,
// each word between commas in quotes of its own (areas = ["bygg"],
// areas = ["bygg", "energi"] for areas = bygg, energi).
func typedSyntax(errs diag.List, spec []kinds.Key) diag.List {
	out := make(diag.List, 0, len(errs))
	for _, e := range errs {
		if m, ok := typedMessage(e, spec); ok {
			mended := diag.Of(e.Path, e.Line, e.Col, m)
			mended.Severity = e.Severity
			e = mended
		}
		out = append(out, e)
	}
	return out
}

// keyType returns the type of the key named key in spec, if it has one.
func keyType(key string, spec []kinds.Key) (kinds.Type, bool) {
	for _, s := range spec {
		if s.Name == key {
			return s.Type, true
		}
	}
	return 0, false
}

// numberUnitRE matches a number written with its unit: 15 hp, 3mån.
var numberUnitRE = regexp.MustCompile(`^(\d+) ?\pL[\pL.]*$`)

// unreadMessage is the message of e, a value the decoder could not read
// at all (diag.SyntaxValue: every form a value takes), for a key that
// holds a date, a number or true/false: what that key holds (validFrom =
// 1 juni 2026, credits = 15 hp).
func unreadMessage(e diag.Error, spec []kinds.Key) (diag.Message, bool) {
	key, _ := e.Args[0].(string)
	value, _ := e.Args[1].(string)
	typ, found := keyType(key, spec)
	switch {
	case !found:
		return diag.Message{}, false
	case typ == kinds.Date:
		return diag.DateFormMessage(key, value), true
	case typ == kinds.DateTime:
		return diag.M(diag.SyntaxTime, key, value), true
	case typ == kinds.Int:
		if m := numberUnitRE.FindStringSubmatch(value); m != nil {
			// As TOML reads a number: without leading zeros (03 is none).
			n := strings.TrimLeft(m[1], "0")
			if n == "" {
				n = "0"
			}
			return diag.M(diag.SyntaxNumberUnit, key, value, n), true
		}
		return diag.M(diag.KeyShape, key, diag.M(diag.ShapeInt)), true
	case typ == kinds.Bool:
		return diag.M(diag.KeyShape, key, diag.M(diag.ShapeBool)), true
	}
	return diag.Message{}, false
}

// typedMessage is the message of e for the type of its key, if e
// suggests a value in quotes for a key that holds no text, or says that
// a value cannot be read.
func typedMessage(e diag.Error, spec []kinds.Key) (diag.Message, bool) {
	if e.ID == diag.SyntaxValue && len(e.Args) == 2 {
		return unreadMessage(e, spec)
	}
	written, value, only, ok := diag.QuotesSuggested(e)
	if !ok {
		return diag.Message{}, false
	}
	key := strings.Trim(written, `"`)
	typ, found := keyType(key, spec)
	switch {
	case !found || typ == kinds.String || typ == kinds.Text:
		return diag.Message{}, false
	case only != "":
		return diag.M(only, written), true // the colon, without the line to write
	case typ == kinds.Strings:
		return diag.M(e.ID, written, e.Args[1], diag.ListOf(value)), true
	case e.ID == diag.SyntaxTypoQuotes:
		// What check says of the text between straight quotes.
		typo, _ := e.Args[1].(string)
		_, n := utf8.DecodeRuneInString(typo)
		_, m := utf8.DecodeLastRuneInString(typo)
		if msg := keyShapeError(key, typ, typo[n:len(typo)-m]); msg.ID != "" {
			return diag.M(diag.KeyShape, key, msg), true
		}
		return diag.Message{}, false
	}
	if bare, _ := e.Args[1].(string); typ == kinds.Date && e.ID == diag.SyntaxUnquoted {
		if _, _, ok := diag.HandDate(bare); ok {
			return diag.DateFormMessage(key, bare), true // januari 31 2027, as written
		}
	}
	shape := map[kinds.Type]diag.ID{kinds.Int: diag.ShapeInt, kinds.Bool: diag.ShapeBool, kinds.Date: diag.ShapeDate,
		kinds.DateTime: diag.ShapeDateTime, kinds.Contacts: diag.ShapeTables, kinds.Signatories: diag.ShapeSignatories}
	return diag.M(diag.KeyShape, key, diag.M(shape[typ])), true
}

// keyShapeError is shapeError of v, written for the key k, with the
// line to write for a date in quotes ("31 januari 2027").
func keyShapeError(k string, t kinds.Type, v any) diag.Message {
	msg := shapeError(t, v)
	if s, isStr := v.(string); isStr && msg.ID == diag.ShapeDateQuoted {
		return diag.QuotedDateMessage(k, s)
	}
	return msg
}
