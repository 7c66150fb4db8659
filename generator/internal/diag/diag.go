// Package diag holds the positioned problems the generator reports:
// "path:line:col: message", where path is relative to the site root and
// line and column count from 1 in the file itself (not in its front matter).
//
// Loaders collect every problem they find into a List and return it as one
// error, so an editor sees all mistakes of a commit in one run. Positions
// finds where a TOML key or value sits in the source text, because the TOML
// decoder reports positions only for syntax errors; DecodeTOML reports
// each line the decoder cannot read (up to MaxSyntaxErrors), in plain
// words, and leaves it out.
//
// A problem's words are a Message: an ID of the catalog (catalog_*.go, one
// table per area, each ID in English and in Swedish, which a test
// requires) and its arguments, rendered in a Lang when it is printed
// (LocaleLang reads the language from LC_ALL, LC_MESSAGES and LANG); the
// positioned Error keeps the ID and arguments for that. T makes the
// message of words that are in no catalog, in both languages. Nearest
// finds the name meant by a misspelt one ("did you mean"); IndexHidden
// the characters a text may not hold.
package diag

import (
	"bytes"
	"cmp"
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Severity says whether a problem stops a build.
type Severity string

// The two severities: errors fail check and build, warnings only inform
// (unless check runs with -strict).
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Error is one problem at a position in a source file.
type Error struct {
	Path     string
	Line     int
	Col      int
	Msg      string   // the message in English
	ID       ID       // the message in the catalog, empty for a text from outside it
	Args     []any    // the arguments of ID's text
	Severity Severity // empty means error
}

// Error returns e in English, "path:line:col: message".
func (e Error) Error() string { return e.In(English) }

// IsWarning reports whether e is only a warning.
func (e Error) IsWarning() bool { return e.Severity == SeverityWarning }

// List is a set of problems, itself an error.
type List []Error

func (l List) Error() string { return strings.Join(l.Lines(), "\n") }

// Lines returns the problems as text lines in English,
// "path:line:col: message"; nil for none.
func (l List) Lines() []string { return l.LinesIn(English) }

// Sort orders problems by path, line, column and message.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Msg, b.Msg))
	})
}

// Errors returns only the problems that are errors.
func (l List) Errors() List { return slices.DeleteFunc(slices.Clone(l), Error.IsWarning) }

// Warnings returns only the warnings.
func (l List) Warnings() List {
	return slices.DeleteFunc(slices.Clone(l), func(e Error) bool { return !e.IsWarning() })
}

// AsList extracts a List from err (a List, a single Error, or a joined
// error holding them). Other errors are returned as ok=false.
func AsList(err error) (List, bool) {
	if l, ok := errors.AsType[List](err); ok {
		return l, true
	}
	if e, ok := errors.AsType[Error](err); ok {
		return List{e}, true
	}
	return nil, false
}

// Cause returns the message of an fs error without the operation and path,
// which the positioned error already names.
func Cause(err error) string {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		err = pe.Err
	}
	return err.Error()
}

// FromTOML converts a TOML decoding error into a positioned error. lineOff
// is the number of file lines before the TOML text starts. The column is the
// decoder's, in bytes; TOMLError counts it in characters.
func FromTOML(path string, lineOff int, err error) Error {
	if pe, ok := errors.AsType[toml.ParseError](err); ok {
		msg := cmp.Or(pe.Message, pe.Error())
		return At(path, max(pe.Position.Line, 1)+lineOff, max(pe.Position.Col, 1), TOMLInvalid, tidy(msg))
	}
	return At(path, lineOff+1, 1, TOMLInvalid, tidy(err.Error()))
}

// TOMLError is FromTOML for a decoding error of src, with the column
// counted in characters like every other position.
func TOMLError(path string, src []byte, lineOff int, err error) Error {
	e := FromTOML(path, lineOff, err)
	var pe toml.ParseError
	if !errors.As(err, &pe) || pe.Position.Start <= 0 && pe.Position.Line > 1 {
		return e // no syntax error, or no offset of one
	}
	// The decoder's byte offset, counted again in characters: its column
	// is in bytes, and its line is one too far for an error at a line end.
	off := syntaxOffset(src, pe)
	pos := NewPositions(src, lineOff) // one copy and scan of src for every position below
	e.Line, e.Col = pos.LineCol(off)
	// In plain words where the line says what it meant, at its value
	// (or key): "deadline: 2027-02-30 does not exist – …".
	start, _ := lineAround(src, off)
	if _, _, _, stray := strayKey(src[start:endOfLine(src, start)]); !stray {
		if m, ok := spaceAt(src, off); ok {
			return Of(path, e.Line, e.Col, m) // at the space: "a \u00a0# …", "title\u00a0\"x\""
		}
	}
	start = culprit(src, start, off, pe.Message)
	line := src[start:endOfLine(src, start)]
	m, ok := syntaxMessage(line, pe.Message)
	if !ok {
		return e
	}
	if m.ID == SyntaxColon || m.ID == SyntaxColonOnly || m.ID == SyntaxNoEquals || m.ID == SyntaxNoEqualsOnly {
		return Of(path, e.Line, e.Col, m) // at the colon, or where the = goes
	}
	at := start + len(line) - len(bytes.TrimLeft(line, " \t"))
	if _, i, ok := secondKey(line); m.ID == SyntaxKeysOneLine && ok {
		line1, col := pos.LineCol(start + i) // at the second key
		return Of(path, line1, col, m)
	}
	if _, _, i, ok := strayKey(line); ok {
		line1, col := pos.LineCol(start + i) // at the space or the key
		return Of(path, line1, col, m)
	}
	if v := lineValue(line); v != "" && m.ID != SyntaxKeyTwice {
		if i := bytes.Index(line, []byte(v)); i >= 0 {
			at = start + i
		}
	}
	line1, col := pos.LineCol(at)
	return Of(path, line1, col, m)
}

// tidy makes a decoder message fit "path:line:col: message": one line,
// lowercase start, no final period.
func tidy(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	if msg != "" {
		msg = strings.ToLower(msg[:1]) + msg[1:]
	}
	return strings.TrimSuffix(msg, ".")
}

// Limits on a TOML text, checked before it is decoded: real files need
// three or four levels, and the TOML decoder takes quadratic time on deeply
// nested inline tables and long dotted keys, so one hostile file could
// otherwise stall a build.
const (
	MaxNesting  = 16 // arrays and inline tables inside each other
	MaxKeyParts = 16 // parts of a dotted key
)

// CheckLimits returns a positioned error, and ok=false, if src (a TOML text
// after lineOff lines of the file at path) nests arrays or inline tables
// deeper than MaxNesting or has a dotted key of more than MaxKeyParts parts.
// Strings and comments are skipped; the check takes linear time.
func CheckLimits(path string, src []byte, lineOff int) (Error, bool) {
	over := func(i int, id ID, limit int) (Error, bool) {
		line, col := NewPositions(src[:i], lineOff).LineCol(i)
		return At(path, line, col, id, limit), false
	}
	depth, dots := 0, 0
	for i := 0; i < len(src); {
		next := i + 1
		switch src[i] {
		case '"', '\'':
			next = skipString(src, i)
		case '#':
			next = endOfLine(src, i)
		case '[', '{':
			if depth, dots = depth+1, 0; depth > MaxNesting {
				return over(i, LimitNesting, MaxNesting)
			}
		case ']', '}':
			depth, dots = max(depth-1, 0), 0
		case '.':
			if dots++; dots >= MaxKeyParts {
				return over(i, LimitDots, MaxKeyParts)
			}
		case '\n', '=', ',':
			dots = 0
		}
		i = next
	}
	return Error{}, true
}
