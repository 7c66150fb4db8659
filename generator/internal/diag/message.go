package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// ID names a message of the catalog (catalog_*.go): one text per language,
// with fmt verbs for the arguments. A Swedish text may take the arguments
// in another order with explicit indexes (%[2]s).
type ID string

// Lang is a language messages are printed in.
type Lang string

// The languages every message exists in.
const (
	English Lang = "en"
	Swedish Lang = "sv"
)

// ParseLang returns the message language of a -lang value ("sv" or "en").
func ParseLang(s string) (Lang, bool) {
	switch Lang(s) {
	case Swedish, English:
		return Lang(s), true
	}
	return English, false
}

// LocaleLang returns the message language of the first locale setting
// that is not empty, as POSIX reads them: LC_ALL, then LC_MESSAGES, then
// LANG (pass them in that order). "sv", "sv_SE.UTF-8" and the like give
// Swedish, anything else English.
func LocaleLang(settings ...string) Lang {
	for _, s := range settings {
		if s == "" {
			continue
		}
		if s == "sv" || strings.HasPrefix(s, "sv_") || strings.HasPrefix(s, "sv.") || strings.HasPrefix(s, "sv@") {
			return Swedish
		}
		return English
	}
	return English
}

// Message is a catalogued message: its ID and the arguments of its text.
// An argument that is itself a Message or a Text is printed in the same
// language.
type Message struct {
	ID   ID
	Args []any
}

// M makes a Message.
func M(id ID, args ...any) Message { return Message{ID: id, Args: args} }

// Text is a text in both languages: a catalog entry, or the words a
// declaration brings with it (a kind of the registry that is not the
// portal's), which are not in the catalog. As an argument it prints in
// the message's language.
type Text struct{ En, Sv string }

// In returns t in lang.
func (t Text) In(lang Lang) string {
	if lang == Swedish {
		return t.Sv
	}
	return t.En
}

// Declared is the ID of a Message made with T: its text is its argument.
const Declared ID = "declared"

// T makes a Message of a text that is not in the catalog, in English and
// Swedish: the words a new kind brings in its declaration (kinds.Kind).
func T(en, sv string) Message { return Message{ID: Declared, Args: []any{Text{En: en, Sv: sv}}} }

// Text renders m in lang. An ID missing from the catalog (which a test
// forbids) prints as the ID and its arguments rather than nothing.
func (m Message) Text(lang Lang) string {
	if m.ID == Declared && len(m.Args) == 1 {
		if t, ok := m.Args[0].(Text); ok {
			return t.In(lang)
		}
	}
	t, ok := lookup(m.ID)
	if !ok {
		return strings.TrimSuffix(fmt.Sprintln(append([]any{string(m.ID)}, m.Args...)...), "\n")
	}
	format := t.In(lang)
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch am := a.(type) {
		case Message:
			args[i] = am.Text(lang)
		case Text:
			args[i] = am.In(lang)
		case float64:
			args[i] = decimal{am, lang}
		case Count:
			args[i] = count{int(am), lang}
		case Duration:
			args[i] = am.In(lang)
		case string:
			args[i] = Clip(am, MaxArg)
		default:
			args[i] = a
		}
	}
	return oneLine(fmt.Sprintf(format, args...))
}

// MaxArg is how many characters of a text a message quotes: a value of
// a record may be most of a MiB, which a line of a terminal or the
// preview's overlay would only carry to no use.
const MaxArg = 300

// Clip shortens s to its first n characters and "…", when longer: what
// a message quotes of a long text (a data: URL, a line, a value).
func Clip(s string, n int) string {
	if len(s) <= n {
		return s // fewer bytes, so fewer characters
	}
	count := 0
	for i := range s {
		if count == n {
			return clipped(s, s[:i])
		}
		count++
	}
	return s
}

// clipped is head, the start of s, and "…". When s is a text in double
// quotes, as a message suggests a value to write, the quote that closes
// it is kept, after any escape cut in half ("\u00e…"): a line that a
// message says to write stays one that can be read.
func clipped(s, head string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return head + "…"
	}
	if i := strings.LastIndexByte(head, '\\'); i > 0 && i >= len(head)-10 {
		for i > 1 && head[i-1] == '\\' {
			i-- // a run of backslashes goes whole
		}
		head = head[:i]
	}
	return head + "…\""
}

// decimal is a number with a fraction, printed with %f in the decimal
// sign of lang and its whole part grouped as a Count's: "2,5 MB" and
// "2 156,3 MB" in Swedish (a no-break space), "2.5 MB" and "2,156.3 MB"
// in English. Other verbs print it as fmt does: %v quotes a value from a
// file as it was typed.
type decimal struct {
	f    float64
	lang Lang
}

// Format prints d as fmt prints a float64 with the same verb and flags,
// for %f with the whole part grouped and a decimal comma in Swedish.
func (d decimal) Format(s fmt.State, verb rune) {
	out := fmt.Sprintf(fmt.FormatString(s, verb), d.f)
	if verb != 'f' {
		fmt.Fprint(s, out)
		return
	}
	whole, frac, point := strings.Cut(out, ".")
	if n, err := strconv.Atoi(whole); err == nil && whole[0] >= '0' && whole[0] <= '9' {
		whole = Count(n).In(d.lang) // neither padded nor signed: grouped
	}
	if point {
		if d.lang == Swedish {
			whole += ","
		} else {
			whole += "."
		}
	}
	fmt.Fprint(s, whole+frac)
}

// oneLine returns s with its control characters and bidirectional
// controls written as Go escapes (a carriage return as \r, U+202E as
// \u202e), so that a value quoted from a file cannot break the
// "path:line:col: message" line it is printed in, nor reorder it in a
// terminal. (The catalog's texts have none.)
func oneLine(s string) string {
	return escapeRunes(s, func(r rune) bool { return unicode.IsControl(r) || bidiControl(r) })
}

// Visible returns a line of a source as the preview's overlay quotes it:
// as oneLine escapes it, but with its tabs kept (they only indent). A
// bidirectional override in the line would otherwise reorder the line on
// the page, and the caret under it, and a carriage return or a form feed
// break it, so that the editor would read another line than the one the
// problem is on. Each character is escaped alone, so the text before a
// column of the line, escaped, is the text before that column of the
// line escaped.
func Visible(line string) string {
	return escapeRunes(line, func(r rune) bool { return r != '\t' && unicode.IsControl(r) || bidiControl(r) })
}

// escapeRunes returns s with each character for which escaped is true
// written as a Go escape, without its quotes.
func escapeRunes(s string, escaped func(rune) bool) string {
	if !strings.ContainsFunc(s, escaped) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if escaped(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Error returns the English text, so that a Message can travel as an error
// from a package that finds a problem to the one that positions it.
func (m Message) Error() string { return m.Text(English) }

// At makes the positioned problem id(args) at path:line:col. Msg is its
// English text.
func At(path string, line, col int, id ID, args ...any) Error {
	m := M(id, args...)
	return Error{Path: path, Line: line, Col: col, Msg: m.Text(English), ID: id, Args: args}
}

// Warn is At for a warning.
func Warn(path string, line, col int, id ID, args ...any) Error {
	e := At(path, line, col, id, args...)
	e.Severity = SeverityWarning
	return e
}

// Of is At for a Message made elsewhere.
func Of(path string, line, col int, m Message) Error {
	return At(path, line, col, m.ID, m.Args...)
}

// Message returns e's message in lang: the catalog's text when e has an
// ID, else Msg (a text from outside the catalog, such as a template
// author's error).
func (e Error) Message(lang Lang) string {
	if e.ID == "" {
		return e.Msg
	}
	return M(e.ID, e.Args...).Text(lang)
}

// In returns e as a line of text in lang, "path:line:col: message", with
// "warning: " ("varning: ") before the message of a warning. Its path and
// a message from outside the catalog are escaped as the catalog's values
// are (oneLine): a file name may hold a bidirectional override, and a
// template's error anything.
func (e Error) In(lang Lang) string {
	msg := e.Message(lang)
	if e.IsWarning() {
		msg = M(WarningPrefix, msg).Text(lang)
	}
	return oneLine(fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, msg))
}

// LinesIn returns the problems as text lines in lang; nil for none.
func (l List) LinesIn(lang Lang) []string {
	var lines []string
	for _, e := range l {
		lines = append(lines, e.In(lang))
	}
	return lines
}

// lookup finds id in the catalog's tables, one per area.
func lookup(id ID) (Text, bool) {
	for _, table := range []map[ID]Text{commonTexts, sourceTexts, contentTexts, decodeTexts, configTexts, siteTexts, serveTexts, cliTexts, usageTexts, templateTexts} {
		if t, ok := table[id]; ok {
			return t, true
		}
	}
	return Text{}, false
}
