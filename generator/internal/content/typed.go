package content

import (
	"cmp"
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

// keySpec returns the key named key in spec, if it has one.
func keySpec(key string, spec []kinds.Key) (kinds.Key, bool) {
	for _, s := range spec {
		if s.Name == key {
			return s, true
		}
	}
	return kinds.Key{}, false
}

// takesTime reports whether the key s holds a date and time, or a date
// that may have one (publishDate): one that holds a day (Day) is counted
// as a whole day, and a time written for it is warned of.
func takesTime(s kinds.Key) bool {
	return s.Type == kinds.DateTime || s.Type == kinds.Date && !s.Day
}

// handDateMessage is the message of value, a date or a date and time
// written by hand without quotes for the key s (31/1/2027 13.15), with
// the line to write when it can be read: a date and time for a key
// that holds one, for a key that may hold one (publishDate) when a time
// is written; a date otherwise.
func handDateMessage(s kinds.Key, value string) diag.Message {
	if s.Type == kinds.DateTime {
		return diag.DateTimeFormMessage(s.Name, value)
	}
	if _, _, ok := diag.HandDate(value); !ok && takesTime(s) {
		if _, _, ok := diag.HandDateTime(value); ok {
			return diag.DateTimeFormMessage(s.Name, value)
		}
	} else if !ok {
		if msg, ok := diag.DayTimeMessage(s.Name, value, false); ok {
			return msg // deadline = 31/1/2027 13.15: the day alone
		}
	}
	return diag.DateFormMessage(s.Name, value)
}

// readByHand reports whether value, written by hand for the key s, is
// one handDateMessage gives the line to write for: a day, for a key that
// holds a date; a date and time, for a key that holds either.
func readByHand(s kinds.Key, value string) bool {
	if s.Type != kinds.Date && s.Type != kinds.DateTime {
		return false
	}
	if _, _, ok := diag.HandDate(value); ok && s.Type == kinds.Date {
		return true
	}
	_, _, ok := diag.HandDateTime(value)
	return ok
}

// numberUnitRE matches a number written with its unit: 15 hp, 3mån.
var numberUnitRE = regexp.MustCompile(`^(\d+) ?\pL[\pL.]*$`)

// unreadMessage is the message of e, a value the decoder could not read
// at all (diag.SyntaxValue: every form a value takes; diag.SyntaxDateForm
// and its kin: a date by hand, read knowing nothing of the key), for a
// key that holds a date, a number or true/false: what that key holds
// (validFrom = 1 juni 2026, credits = 15 hp, start = 31/1/2027 13.15).
func unreadMessage(e diag.Error, spec []kinds.Key) (diag.Message, bool) {
	key, _ := e.Args[0].(string)
	value, _ := e.Args[1].(string)
	s, found := keySpec(key, spec)
	typ := s.Type
	switch {
	case !found:
		return diag.Message{}, false
	case typ == kinds.Date || typ == kinds.DateTime:
		return handDateMessage(s, value), true
	case typ == kinds.Int:
		if m := numberUnitRE.FindStringSubmatch(value); m != nil {
			// As TOML reads a number: without leading zeros (03 is none).
			n := cmp.Or(strings.TrimLeft(m[1], "0"), "0")
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
	if (e.ID == diag.SyntaxValue || e.ID == diag.SyntaxDateForm || e.ID == diag.SyntaxDateFormFix ||
		e.ID == diag.SyntaxDateFormTwo) && len(e.Args) >= 2 {
		return unreadMessage(e, spec)
	}
	written, value, only, ok := diag.QuotesSuggested(e)
	if !ok {
		return diag.Message{}, false
	}
	key := strings.Trim(written, `"`)
	s, found := keySpec(key, spec)
	typ := s.Type
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
		if msg := keyShapeError(s, typo[n:len(typo)-m]); msg.ID != "" {
			return diag.M(diag.KeyShape, key, msg), true
		}
		return diag.Message{}, false
	}
	if bare, _ := e.Args[1].(string); e.ID == diag.SyntaxUnquoted && readByHand(s, bare) {
		return handDateMessage(s, bare), true // januari 31 2027 (kl. 13), as written
	}
	shape := map[kinds.Type]diag.ID{kinds.Int: diag.ShapeInt, kinds.Bool: diag.ShapeBool, kinds.Date: diag.ShapeDate,
		kinds.DateTime: diag.ShapeDateTime, kinds.Contacts: diag.ShapeTables, kinds.Signatories: diag.ShapeSignatories}
	return diag.M(diag.KeyShape, key, diag.M(shape[typ])), true
}

// keyShapeError is shapeError of v, written for the key s, with the
// line to write for a date ("31 januari 2027") or a date and time ("31
// januari 2027 kl. 13.15") in quotes.
func keyShapeError(s kinds.Key, v any) diag.Message {
	msg := shapeError(s.Type, v)
	str, isStr := v.(string)
	switch {
	case !isStr:
	case msg.ID == diag.ShapeDateTime:
		return diag.QuotedDateTimeMessage(s.Name, str, false)
	case msg.ID != diag.ShapeDateQuoted:
	case takesTime(s):
		if _, _, ok := diag.HandDate(str); !ok {
			if _, _, ok := diag.HandDateTime(str); ok {
				return diag.QuotedDateTimeMessage(s.Name, str, s.Type == kinds.Date)
			}
		}
		return diag.QuotedDateMessage(s.Name, str)
	default:
		if _, _, ok := diag.HandDate(str); !ok {
			if msg, ok := diag.DayTimeMessage(s.Name, str, true); ok {
				return msg // deadline = "31/1/2027 13:15": the day alone
			}
		}
		return diag.QuotedDateMessage(s.Name, str)
	}
	return msg
}
