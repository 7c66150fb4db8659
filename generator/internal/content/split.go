package content

import (
	"bytes"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// MaxFileSize is the largest record file accepted (1 MiB): anything bigger
// is a mistake (a pasted binary, a generated dump), not a record.
const MaxFileSize = 1 << 20

// Split separates the TOML front matter between the opening and closing
// "+++" lines from the Markdown body. bodyLine is the file line on which
// the body starts. A UTF-8 byte order mark is skipped and CRLF line ends are
// accepted, since common Windows editors write both.
func Split(path string, src []byte) (front, body []byte, bodyLine int, err error) {
	if len(src) > MaxFileSize {
		return nil, nil, 0, diag.At(path, 1, 1, diag.FileTooLarge)
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		return nil, nil, 0, diag.At(path, line, col, diag.FileUTF8)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return nil, nil, 0, diag.At(path, line, col, diag.FileNUL)
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, _ := cutLine(src)
	if string(bytes.TrimRight(first, " \t")) != "+++" {
		return nil, nil, 0, diag.At(path, 1, 1, diag.FrontMissing)
	}
	start := len(src) - len(rest)
	for line, off := 2, start; ; line++ {
		l, next, ok := cutLine(src[off:])
		if string(bytes.TrimRight(l, " \t")) == "+++" {
			return src[start:off], next, line + 1, nil
		}
		if !ok {
			break
		}
		off = len(src) - len(next)
	}
	return nil, nil, 0, diag.At(path, 1, 1, diag.FrontUnclosed)
}

// cutLine returns the first line of b without its line end (LF or CRLF),
// the rest after it, and whether a line end was found.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	line, rest, ok = bytes.Cut(b, []byte{'\n'})
	return bytes.TrimSuffix(line, []byte("\r")), rest, ok
}

func invalidUTF8(src []byte) (line, col int) {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return lineCol(src, i)
		}
		i += n
	}
	return 1, 1
}

// lineCol is the line and the 1-based column, counted in characters, of
// the byte at off in src.
func lineCol(src []byte, off int) (line, col int) {
	before := src[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte{'\n'}) + 1, utf8.RuneCount(before[start:]) + 1
}
