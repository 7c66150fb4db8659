package diag

import (
	"bytes"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The lines of a TOML text as they come from a word processor, a phone or
// a Mac: typographic quotes, TRUE in capitals, a list of bare words, a
// non-breaking space, a key in Swedish letters. Each is told with the line
// to write, where the decoder's own message would say only that the line
// cannot be read, or suggest a line that could not be read either.

// typoQuotes are the quotation marks that word processors put in place of
// straight ones.
const typoQuotes = "“”„‟«»‘’‚‛‹›"

// pastedValue says what is wrong with value, as written on the line of
// key, when it is one of the pasted forms; ok is false otherwise.
func pastedValue(key, value string) (Message, bool) {
	if q, ok := straightQuotes(value); ok {
		return M(SyntaxTypoQuotes, key, value, q), true
	}
	if d, ok := hyphenDate(value); ok {
		return M(SyntaxDateDashes, key, value, d), true
	}
	if strings.EqualFold(value, "true") || strings.EqualFold(value, "false") {
		return M(SyntaxBoolCase, key, value, strings.ToLower(value)), true
	}
	if q, typo, ok := quoteList(value); ok && typo {
		return M(SyntaxTypoQuotes, key, value, q), true
	} else if ok {
		return M(SyntaxUnquoted, key, value, q), true
	}
	return Message{}, false
}

// hyphenDate returns v, a date or datetime written with the dashes a word
// processor puts in place of hyphens (2026–03–01, with en dashes, or a
// minus sign), with hyphens, if that reads back as one.
func hyphenDate(v string) (string, bool) {
	d := strings.NewReplacer("–", "-", "—", "-", "‐", "-", "‑", "-", "−", "-").Replace(v)
	if d == v {
		return "", false
	}
	x, ok := readValue(d)
	_, isDate := x.(time.Time)
	return d, ok && isDate
}

// straightQuotes returns v, a text between typographic quotes, between
// straight ones, if that reads back as the text between them.
func straightQuotes(v string) (string, bool) {
	first, n := utf8.DecodeRuneInString(v)
	last, m := utf8.DecodeLastRuneInString(v)
	if len(v) <= n+m || !strings.ContainsRune(typoQuotes, first) || !strings.ContainsRune(typoQuotes, last) {
		return "", false
	}
	return quoteText(v[n : len(v)-m])
}

// bareWordRE is a word a list may hold without its quotes: a key of a
// vocabulary, a slug.
var bareWordRE = regexp.MustCompile(`^[\p{L}0-9_\-.]+$`)

// quoteList returns v, a list of bare words or texts in typographic
// quotes ([energi, bygg], [“energi”, ”bygg”]), with each in straight
// quotes; typo reports texts in typographic quotes. A text in straight
// quotes may be among them.
func quoteList(v string) (q string, typo, ok bool) {
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
		return "", false, false
	}
	words := strings.Split(v[1:len(v)-1], ",")
	straight := 0
	for i, w := range words {
		w = strings.TrimSpace(w)
		switch s, isTypo := straightQuotes(w); {
		case isTypo:
			words[i], typo = s, true
		case bareWordRE.MatchString(w):
			words[i] = `"` + w + `"`
		case isText(w):
			words[i] = w
			straight++
		default:
			return "", false, false
		}
	}
	if straight == len(words) {
		return "", false, false // no word to mend
	}
	return "[" + strings.Join(words, ", ") + "]", typo, true
}

// QuotesSuggested tells whether e is a problem of a line whose value
// was read as bare text and that says to write it in quotes (SyntaxUnquoted,
// SyntaxTypoQuotes, SyntaxColon, SyntaxNoEquals), as a decoder that knows
// the key can mend when the key holds no text: the key as written, the
// value in quotes suggested, and, for a line without its =, the message
// that says so without the line to write (only).
func QuotesSuggested(e Error) (written, quoted string, only ID, ok bool) {
	switch e.ID {
	case SyntaxUnquoted, SyntaxTypoQuotes:
	case SyntaxColon:
		only = SyntaxColonOnly
	case SyntaxNoEquals:
		only = SyntaxNoEqualsOnly
	default:
		return "", "", "", false
	}
	written, _ = e.Args[0].(string)
	quoted, _ = e.Args[len(e.Args)-1].(string)
	return written, quoted, only, strings.HasPrefix(quoted, `"`)
}

// ListOf returns the list to write for q, a text in straight quotes
// suggested for a key that holds a list: each of the words the text
// holds between commas in quotes of its own ("bygg, energi" →
// ["bygg", "energi"]), else the text alone (["Bygg och energi"]).
func ListOf(q string) string {
	if inner, ok := strings.CutPrefix(q, `"`); ok && strings.HasSuffix(inner, `"`) {
		if l, _, ok := quoteList("[" + inner[:len(inner)-1] + "]"); ok {
			return l
		}
	}
	return "[" + q + "]"
}

// strayKeyRE matches the start of a line that sets a key the decoder
// could not read as one: its key, up to the = after it.
var strayKeyRE = regexp.MustCompile(`^[ \t]*([^\s\p{Zs}=\[\]"'#]+)[^=]*=`)

// strayKey returns the key of a line that sets one in a form the decoder
// does not read as a key (a non-breaking space after it, a letter outside
// a–z), the message that says so, and the byte offset in line to report it
// at.
func strayKey(line []byte) (key string, m Message, at int, ok bool) {
	loc := strayKeyRE.FindSubmatchIndex(line)
	if loc == nil {
		return "", Message{}, 0, false
	}
	key = strings.Map(dropInvisible, string(line[loc[2]:loc[3]]))
	for i, r := range string(line) {
		if r == '"' || r == '\'' {
			break
		}
		if r > unicode.MaxASCII && unicode.IsSpace(r) {
			return key, M(SyntaxOddSpace, key, r), i, true
		}
		if r > unicode.MaxASCII && unicode.Is(unicode.Cf, r) {
			return key, M(SyntaxInvisible, key, r), i, true
		}
	}
	for _, r := range key {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return key, M(SyntaxKeyLetters, key), loc[2], true
		}
	}
	return "", Message{}, 0, false
}

// spaceAt returns the message of a space other than the blanks TOML reads
// (a space and a tab) at off in src, where the decoder stopped: a no-break
// space (U+00A0, as text pasted from a word processor brings; U+202F, U+2007)
// or another special space. ok is false when there is none at off.
func spaceAt(src []byte, off int) (Message, bool) {
	if off < 0 || off >= len(src) {
		return Message{}, false
	}
	r, _ := utf8.DecodeRune(src[off:])
	switch {
	case r == '\u00a0' || r == '\u202f' || r == '\u2007':
		return M(SyntaxSpaceAt, M(WordNoBreakSpace), r), true
	case r > unicode.MaxASCII && unicode.IsSpace(r):
		return M(SyntaxSpaceAt, M(WordSpecialSpace), r), true
	}
	return Message{}, false
}

// spacedKeyRE matches a line's key, bare or quoted, and the blanks after
// it: title in title\u00a0"x", where spaceAt tells of what follows.
var spacedKeyRE = regexp.MustCompile(`^[ \t]*([A-Za-z0-9_\-]+|"[^"\\]*")[ \t]*`)

// spacedKey returns the key of a line that spaceAt tells of, where the
// space stands in place of the =: the key was set, though its line
// cannot be read, and is not to be reported missing as well.
func spacedKey(line []byte) (string, bool) {
	m := spacedKeyRE.FindSubmatchIndex(line)
	if m == nil {
		return "", false
	}
	if _, ok := spaceAt(line, m[1]); !ok {
		return "", false
	}
	return strings.Trim(string(line[m[2]:m[3]]), `"`), true
}

// dropInvisible drops r, an invisible formatting character (a zero-width
// space U+200B, a soft hyphen U+00AD, a byte order mark), as pasted into a
// key: the key as the editor reads it on the screen.
func dropInvisible(r rune) rune {
	if r > unicode.MaxASCII && unicode.Is(unicode.Cf, r) {
		return -1
	}
	return r
}

// secondKeyRE matches what follows a line's first value when a second
// key is set after it on the same line: blanks, the key, its =.
var secondKeyRE = regexp.MustCompile(`^[ \t]+([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*|"[^"\\\x00-\x1f]*")[ \t]*=`)

// secondKey returns the key of a line that sets a second key after the
// value of its first (sv = "Energi" en = "Energy", copied from a table
// written in braces), as written, and its byte offset in line. The first
// value is a quoted text or one word (a number, a date, true), not a list
// or a table.
func secondKey(line []byte) (key string, at int, ok bool) {
	v := lineValue(line)
	i := bytes.Index(line, []byte(v))
	if v == "" || i < 0 || strings.ContainsAny(v[:1], "[{") {
		return "", 0, false
	}
	first := withoutComment(v)
	if q := first[:1]; q != `"` && q != "'" {
		words := strings.Fields(first)
		if len(words) == 0 {
			return "", 0, false // blanks the decoder does not take for blanks (a vertical tab)
		}
		first = words[0]
	}
	rest := line[i+len(first):]
	m := secondKeyRE.FindSubmatchIndex(rest)
	if m == nil {
		return "", 0, false
	}
	return string(rest[m[2]:m[3]]), i + len(first) + m[2], true
}

// isText reports whether v is a text in quotes as the decoder reads it.
func isText(v string) bool {
	x, ok := readValue(v)
	_, text := x.(string)
	return ok && text
}

// readValue is v, as written after a key's =, read as the decoder reads
// it; ok is false when it cannot be read.
func readValue(v string) (x any, ok bool) {
	var m map[string]any
	if _, err := toml.Decode("x = "+v+"\n", &m); err != nil {
		return nil, false
	}
	return m["x"], true
}
