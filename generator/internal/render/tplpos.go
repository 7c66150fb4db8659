package render

import (
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// placeParseError gives a template's parse error, whose message names a
// line only, the column on that line of what it is about, and says what
// is most likely wrong where the parser's words do not: the function
// that is not defined, the unexpected token, or the action that a bad
// character is in (an action is lexed up to its "}}", so a character the
// lexer refuses there is most often the page's text after an action
// whose "}}" is missing; in an action closed on its line, the column is
// the character's).
// src is the template's text; e is left as it is when nothing is found.
func placeParseError(src []byte, e *diag.Error) {
	if e.Col != 1 || e.Line < 1 {
		return
	}
	line := lineAt(string(src), e.Line)
	if name, ok := quotedAfter(e.Msg, "function ", " not defined"); ok {
		if i := strings.Index(line, name); i >= 0 {
			e.Col = utf8.RuneCountInString(line[:i]) + 1
		}
		return
	}
	if c, ok := badChar(e.Msg); ok {
		if open, at := actionWith(line, c); open >= 0 {
			e.Col = utf8.RuneCountInString(line[:open]) + 1
			if closedAfter(line[at:]) {
				e.Col = utf8.RuneCountInString(line[:at]) + 1 // the action is closed: at the character
			} else {
				e.Msg += `, in the action opened here: is its "}}" missing?`
			}
		}
		return
	}
	// unexpected "^" in operand: at the token, in the first action that has it.
	for _, in := range []string{" in operand", " in command"} {
		if tok, ok := quotedAfter(e.Msg, "unexpected ", in); ok {
			c, _ := utf8.DecodeRuneInString(tok)
			if open, at := actionWith(line, c); open >= 0 {
				e.Col = utf8.RuneCountInString(line[:at]) + 1
			}
			return
		}
	}
}

// lineAt returns line n (1-based) of text, without its end.
func lineAt(text string, n int) string {
	for ; n > 1; n-- {
		_, rest, ok := strings.Cut(text, "\n")
		if !ok {
			return ""
		}
		text = rest
	}
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// quotedAfter returns the Go-quoted name between prefix and suffix in msg
// (function "x" not defined), with its quotes.
func quotedAfter(msg, prefix, suffix string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, prefix)
	if !ok {
		return "", false
	}
	name, ok := strings.CutSuffix(rest, suffix)
	if !ok || len(name) < 3 || name[0] != '"' {
		return "", false
	}
	return name[1 : len(name)-1], true
}

// badChar returns the character of the lexer's "bad character U+003C '<'".
func badChar(msg string) (rune, bool) {
	if !strings.HasPrefix(msg, "bad character U+") || !strings.HasSuffix(msg, "'") {
		return 0, false
	}
	i := strings.LastIndex(msg[:len(msg)-1], "'")
	c, size := utf8.DecodeRuneInString(msg[i+1:])
	return c, i >= 0 && size > 0 && i+1+size == len(msg)-1
}

// actionWith returns the byte offsets in line of the "{{" that opens the
// action in which c first occurs and of that c, or -1.
func actionWith(line string, c rune) (open, at int) {
	open = -1
	for i, r := range line {
		switch {
		case strings.HasPrefix(line[i:], "{{"):
			if open < 0 || i > 0 && line[i-1] != '{' {
				open = i
			}
		case strings.HasPrefix(line[i:], "}}"):
			open = -1
		case r == c && open >= 0:
			return open, i
		}
	}
	return -1, -1
}

// closedAfter reports whether rest, the line from a character in an
// action on, closes that action before it opens another.
func closedAfter(rest string) bool {
	end, next := strings.Index(rest, "}}"), strings.Index(rest, "{{")
	return end >= 0 && (next < 0 || end < next)
}
