package diag

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxSyntaxErrors bounds the syntax errors DecodeTOML reports in one text:
// each costs a decoding of the whole text.
const MaxSyntaxErrors = 10

// DecodeTOML decodes src (a TOML text after lineOff lines of the file at
// path) with decode. When the decoder stops at a syntax error, the error
// is reported in plain words at its position, its line is blanked (with
// spaces, so every other position stays) and the text decoded again, so
// that the file's other lines are still checked. It returns the problems,
// the keys of the blanked lines (absent now, but not to be reported
// missing), the text decoded (src with those lines blanked: the keys'
// positions are to be found in it, as a line left open above no longer
// hides the keys below), and ok=false if the text still cannot be
// decoded: then the problems are all there is to say.
func DecodeTOML(path string, src []byte, lineOff int, decode func([]byte) error) (errs List, broken []string, decoded []byte, ok bool) {
	text := src
	for range MaxSyntaxErrors {
		err := decode(text)
		if err == nil {
			return errs, broken, text, true
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return append(errs, TOMLError(path, src, lineOff, err)), broken, text, false
		}
		start, end := lineAround(text, syntaxOffset(text, pe))
		line := text[start:end]
		_, isKey := lineKey(line)
		_, _, _, _, isColon := joinedKey(line, pe.Message)
		_, _, _, isStray := strayKey(line)
		_, isSpaced := spacedKey(line)
		isKey = isKey || isStray || isSpaced
		if len(errs) == 0 || isKey || isColon || bytes.HasPrefix(bytes.TrimSpace(line), []byte("[")) {
			// A line after the first that is not a key is the rest of a
			// value broken above: blanked without a second report.
			errs = append(errs, TOMLError(path, src, lineOff, err))
		}
		if c := culprit(text, start, pe.Position.Start, pe.Message); c != start {
			// A list left open above, or the rest of a value written
			// over lines: the line of its key is blanked.
			start, end = c, endOfLine(text, c)
		}
		if len(bytes.TrimSpace(text[start:end])) == 0 {
			return errs, broken, text, false // nothing left to blank: no progress
		}
		if key, ok := lineKey(text[start:endOfLine(text, start)]); ok {
			broken = append(broken, key)
			if k, _, ok := secondKey(text[start:endOfLine(text, start)]); ok {
				broken = append(broken, strings.Trim(k, `"`))
			}
		} else if key, _, _, _, ok := joinedKey(text[start:endOfLine(text, start)], pe.Message); ok {
			broken = append(broken, key)
		} else if key, _, _, ok := strayKey(text[start:endOfLine(text, start)]); ok {
			broken = append(broken, key)
		} else if key, ok := spacedKey(text[start:endOfLine(text, start)]); ok {
			broken = append(broken, key)
		}
		if &text[0] == &src[0] {
			text = bytes.Clone(src)
		}
		copy(text[start:end], bytes.Repeat([]byte{' '}, end-start))
	}
	return errs, broken, text, false
}

// syntaxOffset returns the offset of src to blame for the syntax error
// pe: where the decoder stopped, or, when it ran to the end in a text
// written over lines, where that text opened.
func syntaxOffset(src []byte, pe toml.ParseError) int {
	off := min(pe.Position.Start, len(src))
	if d := unclosedLong(pe.Message); d != "" {
		if i := bytes.LastIndex(src[:off], []byte(d)); i >= 0 {
			return i
		}
	}
	return off
}

// unclosedLong returns the quotes of a text written over lines (three
// double or three single quotes) that a decoder message says were never
// closed, or "".
func unclosedLong(msg string) string {
	if !strings.HasPrefix(msg, "unexpected EOF") {
		return ""
	}
	for _, d := range []string{`"""`, "'''"} {
		if strings.Contains(msg, d) {
			return d
		}
	}
	return ""
}

// statementStart returns the start of the nearest line at or above the
// one at start that sets a key, or start if there is none.
func statementStart(src []byte, start int) int {
	for at := start; ; {
		if _, ok := lineKey(src[at:endOfLine(src, at)]); ok {
			return at
		}
		if at == 0 {
			return start
		}
		at = bytes.LastIndexByte(src[:at-1], '\n') + 1
	}
}

// unclosedList reports whether a decoder message says that a list or
// table was not closed where it stopped.
func unclosedList(msg string) bool {
	return strings.Contains(msg, "array terminator") || strings.Contains(msg, "inline table")
}

// wantsValue reports whether a decoder message says that it stopped
// where it looked for a value: after a list's comma, a key on the line
// below (schools = ["abe",) tells a list left open.
func wantsValue(msg string) bool {
	return strings.HasPrefix(msg, "expected value but found")
}

// culprit returns the start of the line to blame for a syntax error at
// offset off, on the line at start: that line, unless it is the rest of a
// value written over lines, or it follows a list left open (then the line
// that opened it, above). A list is left open above when the decoder,
// still in it, stops at this line's key (for a comma, or, after one, for
// a value); when it stops in this line's value (a comma missing between
// two values), the list is this line's.
func culprit(src []byte, start, off int, msg string) int {
	line := src[start:endOfLine(src, start)]
	_, isKey := lineKey(line)
	inValue := off-start > bytes.IndexByte(line, '=')
	switch {
	case !isKey:
		if s := statementStart(src, start); opens(lineValue(src[s:endOfLine(src, s)])) {
			return s
		}
	case !opens(lineValue(line)) && !inValue && start > 0:
		above := statementStart(src, bytes.LastIndexByte(src[:start-1], '\n')+1)
		if unclosedList(msg) || wantsValue(msg) && opens(lineValue(src[above:endOfLine(src, above)])) {
			return above
		}
	}
	return start
}

// opens reports whether a value opens more lists and tables than it
// closes (quoted text aside, roughly: enough to tell which line to blame).
func opens(v string) bool {
	return strings.Count(v, "[")+strings.Count(v, "{") > strings.Count(v, "]")+strings.Count(v, "}")
}

// endOfLine returns the offset of the line break after at, or len(src).
func endOfLine(src []byte, at int) int {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return at + i
	}
	return len(src)
}

// lineAround returns the bounds of the line of src holding offset off,
// without its line break.
func lineAround(src []byte, off int) (start, end int) {
	off = min(max(off, 0), len(src))
	start = bytes.LastIndexByte(src[:off], '\n') + 1
	return start, endOfLine(src, off)
}

// keyLineRE matches a line that sets a key: the key (bare, dotted or
// quoted) and its value as written. A dot only joins two parts: ".",
// "a." and "a..b" are no key. A quoted key has no backslash or control
// character: "0\" is an unclosed string, not a key, and a message
// suggests no line with it.
var keyLineRE = regexp.MustCompile(`^\s*([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*|"[^"\\\x00-\x1f]*")\s*=\s*(.*?)\s*$`)

// lineKey returns the key a line sets, if it sets one, without quotes.
func lineKey(line []byte) (string, bool) {
	written := writtenKey(line)
	return strings.Trim(written, `"`), written != ""
}

// writtenKey returns the key a line sets as it is written there, quotes
// included ("a b"): the key of a line a message says to write.
func writtenKey(line []byte) string {
	if m := keyLineRE.FindSubmatch(line); m != nil {
		return suggestedKey(string(m[1]))
	}
	return ""
}

// suggestedKey is key as a line that a message says to write spells it:
// a bare key too long for a message (over MaxArg characters) in quotes,
// so that, clipped, it keeps its closing quote and the line can still
// be read ("eeee…" = 1, where eeee… = 1 cannot).
func suggestedKey(key string) string {
	if utf8.RuneCountInString(key) > MaxArg && !strings.HasPrefix(key, `"`) {
		return strconv.Quote(key)
	}
	return key
}

// colonLineRE matches a line that sets a key with a colon, as YAML
// does: host: "kth". The key is one as records name them, lower case
// first, so that the text of a value broken above ("Obs: …") is not
// taken for one.
var colonLineRE = regexp.MustCompile(`^\s*([a-z][A-Za-z0-9_\-]*)\s*:\s*(.*?)\s*$`)

// colonKey returns the key and the value of a line that the decoder,
// with message msg, stopped at for a colon in place of the = after its
// key.
func colonKey(line []byte, msg string) (key, value string, ok bool) {
	if !strings.Contains(msg, "got ':'") {
		return "", "", false
	}
	m := colonLineRE.FindSubmatch(line)
	if m == nil || len(m[2]) == 0 {
		return "", "", false
	}
	v := withoutComment(string(m[2]))
	if v == "" {
		return "", "", false // a comment after blanks of other scripts alone ("a: \u00a0#")
	}
	return string(m[1]), v, true
}

// spaceLineRE matches a line that sets a key without the = after it,
// only blanks between: level master. The key is one as records name
// them, lower case first, as colonLineRE's; spaceKey then takes it for
// one only when its value is one word or starts as a value does.
var spaceLineRE = regexp.MustCompile(`^\s*([a-z][A-Za-z0-9_\-]*)[ \t]+([^\s=:#].*?)\s*$`)

// spaceKey returns the key and the value of a line that the decoder, with
// message msg, stopped at for a value after its key without the = between.
func spaceKey(line []byte, msg string) (key, value string, ok bool) {
	if !strings.HasPrefix(msg, "expected '.' or '='") || strings.Contains(msg, "got ':'") {
		return "", "", false
	}
	m := spaceLineRE.FindSubmatch(line)
	if m == nil {
		return "", "", false
	}
	v := withoutComment(string(m[2]))
	if v == "" {
		return "", "", false // a no-break space before a comment is no value ("a \u00a0#")
	}
	if !strings.ContainsAny(v[:1], `"'[{`) && strings.ContainsAny(v, " \t") {
		return "", "", false // words: a line of text, not a key and its value
	}
	return string(m[1]), v, true
}

// joinedKey returns the key and the value of a line whose key is joined
// to its value by a colon or by blanks alone (colonKey, spaceKey), and
// the messages of the two: to write key = value, and that = joins them.
func joinedKey(line []byte, msg string) (key, value string, with, only ID, ok bool) {
	if k, v, ok := colonKey(line, msg); ok {
		return k, v, SyntaxColon, SyntaxColonOnly, true
	}
	if k, v, ok := spaceKey(line, msg); ok {
		return k, v, SyntaxNoEquals, SyntaxNoEqualsOnly, true
	}
	return "", "", "", "", false
}

// colonMessage is the message of a key joined to its value v by a colon:
// it says to write key = v, with v as written when that is a value; bare
// text in quotes, as SyntaxUnquoted says; and without a value to write
// when v cannot be made one by quotes alone ("[a.", "x = y"), rather than
// suggest a line that cannot be read either.
func colonMessage(key, v string, with, only ID) Message {
	key = suggestedKey(key)
	if _, ok := readValue(v); ok {
		return M(with, key, v)
	}
	if q, ok := quoteText(v); ok {
		return M(with, key, q)
	}
	return M(only, key)
}

// quoteText returns bare text v as a quoted text that reads back as v,
// each backslash written twice (C:\\Users for C:\Users), as SyntaxBackslash
// says; ok is false when v looks like a value of another kind (a list, a
// table, a key) or cannot be text on one line (a control character), so
// that no message suggests a line that cannot be read either.
func quoteText(v string) (q string, ok bool) {
	if strings.ContainsAny(v, `"'[]{}=`) {
		return "", false
	}
	q = `"` + strings.ReplaceAll(v, `\`, `\\`) + `"`
	if x, ok := readValue(q); !ok || x != v {
		return "", false
	}
	return q, true
}

// withoutComment returns the value v as written, without a comment after
// it: after a quoted text's closing quote, else from the first #.
func withoutComment(v string) string {
	if q := v[:1]; q == `"` || q == "'" {
		for i := 1; i < len(v); i++ {
			switch {
			case v[i] == '\\' && q == `"`:
				i++
			case v[i] == q[0]:
				return v[:i+1]
			}
		}
		return v
	}
	if i := strings.IndexByte(v, '#'); i >= 0 {
		return strings.TrimSpace(v[:i])
	}
	return v
}

// lineValue returns the value a line sets as written, without a comment
// after it.
func lineValue(line []byte) string {
	m := keyLineRE.FindSubmatch(line)
	if m == nil {
		return ""
	}
	v := string(m[2])
	if !strings.HasPrefix(v, `"`) && !strings.HasPrefix(v, "'") {
		if i := strings.IndexByte(v, '#'); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
	}
	return v
}

// dateRE matches what could be meant as a date, with a time perhaps:
// year, month and day in any number of digits.
var dateRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?$`)

// syntaxMessage says in plain words what is wrong with a line the TOML
// decoder stopped at (decoder message msg), and what to write instead.
// ok is false when it cannot say more than the decoder.
func syntaxMessage(line []byte, msg string) (Message, bool) {
	if head := strings.TrimSpace(string(line)); strings.HasPrefix(head, "[") {
		// A [table] line: twice (a term copied, its key left as it
		// was), or not closed. One closed whose name the decoder cannot
		// read ([areas.ny bygg], [areas.gård]) is left to its message,
		// which points at the character.
		head = withoutComment(head)
		closed := strings.HasSuffix(head, "]") && (!strings.HasPrefix(head, "[[") || strings.HasSuffix(head, "]]"))
		switch {
		case strings.Contains(msg, "has already been defined"):
			return M(SyntaxTableTwice, head), true
		case !closed && (strings.Contains(msg, "table name") || strings.Contains(msg, "table array name")):
			return M(SyntaxTableOpen, head), true
		}
		return Message{}, false
	}
	if _, m, _, ok := strayKey(line); ok {
		return m, true
	}
	key, isKey := lineKey(line)
	if k, v, with, only, ok := joinedKey(line, msg); !isKey && ok {
		return colonMessage(k, v, with, only), true
	}
	if !isKey || strings.Contains(msg, "UTF-8") {
		return Message{}, false
	}
	value := lineValue(line)
	second, _, twoKeys := secondKey(line)
	pasted, isPasted := pastedValue(writtenKey(line), value)
	switch {
	case unclosedList(msg) || wantsValue(msg) && opens(value):
		return M(SyntaxUnclosedList, writtenKey(line)), true
	case unclosedLong(msg) != "":
		return M(SyntaxUnclosedLong, key, unclosedLong(msg)), true
	case strings.HasPrefix(msg, "invalid datetime"):
		return dateMessage(key, value), true
	case strings.Contains(msg, "has already been defined"):
		return M(SyntaxKeyTwice, key), true
	case strings.Contains(msg, "strings cannot contain newlines"):
		return M(SyntaxUnclosed, key), true
	case strings.Contains(msg, "escape") || strings.Contains(msg, "hexadecimal digits after"):
		return M(SyntaxBackslash, key, value), true
	case twoKeys:
		return M(SyntaxKeysOneLine, second), true
	case strings.HasPrefix(value, `"`) && strings.Count(strings.ReplaceAll(value, `\"`, ""), `"`) > 2 &&
		strings.Contains(msg, "top-level item to end"):
		return M(SyntaxInnerQuote, key), true
	case value == "":
		return M(SyntaxNoValue, writtenKey(line)), true
	case isPasted:
		return pasted, true
	case looksLikeDate(value):
		return DateFormMessage(key, value), true
	case strings.HasPrefix(msg, "expected value but found"):
		if q, ok := quoteText(value); ok {
			return M(SyntaxUnquoted, writtenKey(line), value, q), true
		}
	}
	return M(SyntaxValue, key, value), true
}

// looksLikeDate reports whether v is written like a date in another form
// than year-month-day: 28/2 2027, 28.2.2027, 2027/02/28.
func looksLikeDate(v string) bool {
	digits, seps := 0, 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '/' || r == '.' || r == ' ' || r == '-':
			seps++
		default:
			return false
		}
	}
	return digits >= 4 && seps >= 1
}

// dateMessage explains why value, which the decoder read as a date, is
// none.
func dateMessage(key, value string) Message {
	m := dateRE.FindStringSubmatch(value)
	if m == nil {
		return DateFormMessage(key, value)
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	switch {
	case month < 1 || month > 12:
		return M(SyntaxNoMonth, key, value)
	case len(m[2]) != 2 || len(m[3]) != 2:
		return DateFormMessage(key, value)
	}
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > days {
		return M(SyntaxNoDay, key, value, M(monthName(month)), year, days)
	}
	return M(SyntaxTime, key, value)
}

func monthName(m int) ID {
	return []ID{Month1, Month2, Month3, Month4, Month5, Month6, Month7, Month8, Month9, Month10, Month11, Month12}[m-1]
}

// LineCol is the line and the 1-based column, counted in characters, of
// the byte at off in src.
func LineCol(src []byte, off int) (line, col int) {
	before := src[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte{'\n'}) + 1, utf8.RuneCount(before[start:]) + 1
}

// TrimBOM returns src without the byte order mark that Windows' Notepad
// puts before a UTF-8 text: a decoder skips it, and the positions of
// errors are counted without it.
func TrimBOM(src []byte) []byte { return bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) }

// UnixNewlines returns v, a decoded TOML value, with every CRLF in its
// strings (in arrays and tables too) made LF, as TOML lets a decoder do:
// a text over several lines ("""…""") in a file saved with CRLF line ends
// (Windows' Notepad) then reads as it does in the same file with LF.
func UnixNewlines(v any) any {
	switch v := v.(type) {
	case string:
		return strings.ReplaceAll(v, "\r\n", "\n")
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok && !strings.Contains(s, "\r\n") {
				continue // most values: no write into the map
			}
			v[k] = UnixNewlines(e)
		}
	case []map[string]any:
		for _, e := range v {
			UnixNewlines(e)
		}
	case []any:
		for i, e := range v {
			v[i] = UnixNewlines(e)
		}
	}
	return v
}
