// Package diag holds the positioned problems the generator reports:
// "path:line:col: message", where path is relative to the site root and
// line and column count from 1 in the file itself (not in its front matter).
//
// Loaders collect every problem they find into a List and return it as one
// error, so an editor sees all mistakes of a commit in one run. Positions
// finds where a TOML key or value sits in the source text, because the TOML
// decoder reports positions only for syntax errors.
package diag

import (
	"cmp"
	"errors"
	"fmt"
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
	Msg      string
	Severity Severity // empty means error
}

func (e Error) Error() string {
	if e.Severity == SeverityWarning {
		return fmt.Sprintf("%s:%d:%d: warning: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// IsWarning reports whether e is only a warning.
func (e Error) IsWarning() bool { return e.Severity == SeverityWarning }

// List is a set of problems, itself an error.
type List []Error

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by path, line, column and message.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Msg, b.Msg))
	})
}

// Errors returns only the problems that are errors.
func (l List) Errors() List {
	var out List
	for _, e := range l {
		if !e.IsWarning() {
			out = append(out, e)
		}
	}
	return out
}

// Warnings returns only the warnings.
func (l List) Warnings() List {
	var out List
	for _, e := range l {
		if e.IsWarning() {
			out = append(out, e)
		}
	}
	return out
}

// AsList extracts a List from err (a List, a single Error, or a joined
// error holding them). Other errors are returned as ok=false.
func AsList(err error) (List, bool) {
	var l List
	if errors.As(err, &l) {
		return l, true
	}
	var e Error
	if errors.As(err, &e) {
		return List{e}, true
	}
	return nil, false
}

// Cause returns the message of an fs error without the operation and path,
// which the positioned error already names.
func Cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// FromTOML converts a TOML decoding error into a positioned error. lineOff
// is the number of file lines before the TOML text starts.
func FromTOML(path string, lineOff int, err error) Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		col := max(pe.Position.Col, 1)
		msg := pe.Message
		if msg == "" {
			msg = pe.Error()
		}
		return Error{Path: path, Line: pe.Position.Line + lineOff, Col: col, Msg: "invalid TOML: " + lowerFirst(msg)}
	}
	return Error{Path: path, Line: lineOff + 1, Col: 1, Msg: "invalid TOML: " + err.Error()}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
