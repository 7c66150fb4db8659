package render

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// placeParseError gives a template's parse error, whose message names a
// line only, the column on that line of what it is about, and says what
// is most likely wrong where the parser's words do not: the function
// or variable that is not defined, the unexpected token, or the action that a bad
// character is in (an action is lexed up to its "}}", so a character the
// lexer refuses there is most often the page's text after an action
// whose "}}" is missing; in an action closed on its line, the column is
// the character's).
// An action that runs to the end of the file ("unclosed action", at the
// file's last line) is placed at its "{{", and so is a block that does
// ("unexpected EOF": an {{if}}, {{range}}, ... without its {{end}}).
// src is the template's text; e is left as it is when nothing is found.
func placeParseError(src []byte, e *diag.Error) {
	if e.Col != 1 || e.Line < 1 {
		return
	}
	if strings.HasPrefix(e.Msg, "unclosed action") {
		if open := unclosedAction(string(src)); open >= 0 {
			e.Line, e.Col = diag.LineCol(src, open)
			e.Msg = `unclosed action, opened here: is its "}}" missing?`
		}
		return
	}
	if e.Msg == "unexpected EOF" {
		if open, word := unclosedBlock(string(src)); open >= 0 {
			e.Line, e.Col = diag.LineCol(src, open)
			e.Msg = "unexpected EOF: the {{" + word + "}} opened here has no {{end}}"
		}
		return
	}
	line := lineAt(string(src), e.Line)
	// function "x" not defined, undefined variable "$x": at the name.
	for _, around := range [][2]string{{"function ", " not defined"}, {"undefined variable ", ""}} {
		if name, ok := quotedAfter(e.Msg, around[0], around[1]); ok {
			if i := strings.Index(line, name); i >= 0 {
				e.Col = utf8.RuneCountInString(line[:i]) + 1
			}
			return
		}
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
	if placeClause(line, e) {
		return
	}
	// A number or a character the parser cannot read: at its text.
	for _, prefix := range []string{"illegal number syntax: ", "malformed character constant: "} {
		if tok, ok := strings.CutPrefix(e.Msg, prefix); ok {
			tok = strings.Trim(tok, `"`)
			if i := strings.Index(line, tok); i >= 0 && tok != "" {
				e.Col = utf8.RuneCountInString(line[:i]) + 1
			}
			return
		}
	}
	// non executable command in pipeline stage 2: at the action piped.
	if strings.HasPrefix(e.Msg, "non executable command in pipeline stage ") {
		if open, _ := actionWith(line, '|'); open >= 0 {
			e.Col = utf8.RuneCountInString(line[:open]) + 1
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

// unclosedAction returns the byte offset in src of the "{{" of the action
// that src ends in, or -1: the last "{{" outside an action, whose "}}"
// is not found, passing over "}}" in the action's strings and comments
// as the lexer does.
func unclosedAction(src string) int {
	open := -1
	for i := 0; i < len(src); i++ {
		switch {
		case open < 0:
			if strings.HasPrefix(src[i:], "{{") {
				open, i = i, i+1
			}
		case strings.HasPrefix(src[i:], "}}"):
			open, i = -1, i+1
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return open
			}
			i += 2 + end + 1
		case src[i] == '"' || src[i] == '\'' || src[i] == '`':
			end := quoteEnd(src[i+1:], src[i])
			if end < 0 {
				return open
			}
			i += 1 + end
		}
	}
	return open
}

// quoteEnd returns the offset in s of the quote q that closes a string
// (after an escape \ in a "..." or '...'; none in a `...`), or -1.
func quoteEnd(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == q:
			return i
		case s[i] == '\\' && q != '`':
			i++
		}
	}
	return -1
}

// inChars returns e, an error of convert, with its column counted in
// characters in the line of its file, as every position is, not in
// bytes as Go counts it ("Från {{.X}}" puts .X one byte further).
func (t *Templates) inChars(e diag.Error) diag.Error {
	src, ok := t.sources[e.Path]
	if !ok || e.Col <= 1 {
		return e
	}
	line := lineAt(string(src), e.Line)
	e.Col = utf8.RuneCountInString(line[:min(e.Col-1, len(line))]) + 1
	return e
}

// unclosedBlock returns the byte offset in src of the "{{" of the
// innermost block (if, range, with, define, block) that has no {{end}},
// and its word; -1 when every block is closed. Actions are read as
// unclosedAction reads them.
func unclosedBlock(src string) (int, string) {
	type block struct {
		at   int
		word string
	}
	var open []block
	for i := 0; i < len(src); i++ {
		if !strings.HasPrefix(src[i:], "{{") {
			continue
		}
		end := actionEnd(src, i+2)
		body := strings.TrimLeft(strings.TrimPrefix(src[i+2:max(end, i+2)], "-"), " \t\r\n")
		word := body[:len(body)-len(strings.TrimLeft(body, "abcdefghijklmnopqrstuvwxyz"))]
		switch word {
		case "if", "range", "with", "define", "block":
			open = append(open, block{i, word})
		case "end":
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
		if end < 0 {
			break
		}
		i = end + 1
	}
	if len(open) == 0 {
		return -1, ""
	}
	last := open[len(open)-1]
	return last.at, last.word
}

// actionEnd returns the offset in src of the "}}" that closes the action
// whose text starts at from, passing over strings and comments, or -1.
func actionEnd(src string, from int) int {
	for i := from; i < len(src); i++ {
		switch {
		case strings.HasPrefix(src[i:], "}}"):
			return i
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return -1
			}
			i += 2 + end + 1
		case src[i] == '"' || src[i] == '\'' || src[i] == '`':
			end := quoteEnd(src[i+1:], src[i])
			if end < 0 {
				return -1
			}
			i += 1 + end
		}
	}
	return -1
}

// placeClause places "unexpected X in template clause" (and in a block
// or define clause) at the first such action on line (a {{define}} in
// another template at the first {{define}} on line), and says, when
// no quoted name follows its word, that the template's name is what is
// missing ({{template}}, {{template .Name}}). It reports whether e was
// such an error.
func placeClause(line string, e *diag.Error) bool {
	rest, ok := strings.CutPrefix(e.Msg, "unexpected ")
	if !ok {
		return false
	}
	if rest == "<define> in command" { // a {{define}} inside another
		if open, _ := clauseAction(line, "define"); open >= 0 {
			e.Col = utf8.RuneCountInString(line[:open]) + 1
		}
		return true
	}
	for _, word := range []string{"template", "block", "define"} {
		tok, ok := strings.CutSuffix(rest, " in "+word+" clause")
		if !ok {
			continue
		}
		open, named := clauseAction(line, word)
		if open < 0 {
			return true
		}
		e.Col = utf8.RuneCountInString(line[:open]) + 1
		if !named {
			e.Msg = clauseNameMissing[word] + tok
		}
		return true
	}
	return false
}

// clauseNameMissing is the English of a {{template}}, {{block}} or
// {{define}} without its name, before what stands there instead.
var clauseNameMissing = map[string]string{
	"template": `{{template}} needs the name of a template in quotes, as in {{template "name" .}}; found `,
	"block":    `{{block}} needs the name of a template in quotes, as in {{block "name" .}}; found `,
	"define":   `{{define}} needs the name of a template in quotes, as in {{define "name"}}; found `,
}

// clauseAction returns the byte offset in line of the "{{" of the first
// action whose word is word without a quoted name after it, else of the
// first whose word is word, or -1; and whether a quoted name follows
// the word there.
func clauseAction(line, word string) (open int, named bool) {
	open = -1
	for i := 0; i+2 <= len(line); i++ {
		if !strings.HasPrefix(line[i:], "{{") {
			continue
		}
		body := strings.TrimLeft(strings.TrimPrefix(line[i+2:], "-"), " \t")
		after, ok := strings.CutPrefix(body, word)
		if !ok || after != "" && after[0] != ' ' && after[0] != '\t' && after[0] != '}' && after[0] != '-' {
			continue
		}
		after = strings.TrimLeft(after, " \t")
		if after == "" || after[0] != '"' && after[0] != '`' {
			return i, false
		}
		if open < 0 {
			open = i
		}
	}
	return open, open >= 0
}

// scriptTextRE matches html/template's errors of the text of a script or
// a style, which it gives no line: the text they quote (from the '/' that
// could start a division or a regexp, or the end of the text before an
// action: an escape or a charset left open) tells where.
var scriptTextRE = regexp.MustCompile(`^(?:'/' could start a division or regexp|unfinished escape sequence in (?:JS|CSS) string|unfinished JS regexp charset): ("(?:[^"\\]|\\.)*")$`)

// placeScript returns e, a script-escaping error at the start of its
// file, at the first place in the file of the text it quotes; as it is
// when the text is not there.
func (t *Templates) placeScript(e diag.Error) diag.Error {
	src, ok := t.sources[e.Path]
	m := scriptTextRE.FindStringSubmatch(e.Msg)
	if !ok || m == nil || e.Line != 1 || e.Col != 1 {
		return e
	}
	text, err := strconv.Unquote(m[1])
	if at := bytes.Index(src, []byte(text)); err == nil && text != "" && at >= 0 {
		e.Line, e.Col = diag.LineCol(src, at)
	}
	return e
}
