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
	if diag.IsUTF16(src) {
		return nil, nil, 0, diag.At(path, 1, 1, diag.FileUTF16)
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		return nil, nil, 0, diag.At(path, line, col, diag.FileUTF8)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := diag.LineCol(src, i)
		return nil, nil, 0, diag.At(path, line, col, diag.FileNUL)
	}
	src = diag.TrimBOM(src)
	first, rest, _ := cutLine(src)
	if !isFence(first) {
		if isYAMLFence(first) {
			return nil, nil, 0, diag.At(path, 1, 1, diag.FrontYAML)
		}
		return nil, nil, 0, diag.At(path, 1, 1, diag.FrontMissing)
	}
	start := len(src) - len(rest)
	near, nearLine := "", 0 // the first line that looks like a mistyped closing fence
	for line, off := 2, start; ; line++ {
		l, next, ok := cutLine(src[off:])
		if nearLine == 0 && nearFence(l) {
			near, nearLine = string(l), line
		}
		if isFence(l) {
			if front := src[start:off]; len(bytes.TrimSpace(front)) > 0 || !hasFence(next) {
				return front, next, line + 1, nil
			}
			// "+++" twice at the top: the keys below, and the fence
			// after them, would be the body, and every required key
			// missing.
			return nil, nil, 0, diag.At(path, line, 1, diag.FrontTwiceTop)
		}
		if !ok {
			break
		}
		off = len(src) - len(next)
	}
	if nearLine > 0 {
		return nil, nil, 0, diag.At(path, nearLine, 1, diag.FrontFenceLike, diag.Clip(near, 60))
	}
	return nil, nil, 0, diag.At(path, 1, 1, diag.FrontUnclosed)
}

// nearFence reports whether line looks like a "+++" line mistyped: only
// pluses (two, or four and more), "+++" with blanks before it or more
// after it, or Hugo's "---".
func nearFence(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) >= 2 && len(bytes.Trim(t, "+")) == 0 || isYAMLFence(line) {
		return true
	}
	return bytes.HasPrefix(t, []byte("+++"))
}

// isYAMLFence reports whether line is a "---" line, which starts and ends
// front matter in YAML, as Hugo reads it.
func isYAMLFence(line []byte) bool {
	return string(bytes.TrimSpace(line)) == "---"
}

// isFence reports whether line is a "+++" line (blanks may follow).
func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == "+++"
}

// hasFence reports whether b has a "+++" line.
func hasFence(b []byte) bool {
	for len(b) > 0 {
		var line []byte
		line, b, _ = cutLine(b)
		if isFence(line) {
			return true
		}
	}
	return false
}

// fenceTwice reports a "+++" line that is the first line of body that is
// not blank: the closing fence written twice, which would be published
// as text. firstLine is the file line of the body's first line.
func fenceTwice(path string, body []byte, firstLine int) diag.List {
	for line := firstLine; len(body) > 0; line++ {
		var l []byte
		l, body, _ = cutLine(body)
		switch {
		case isFence(l):
			return diag.List{diag.At(path, line, 1, diag.FrontTwiceEnd)}
		case len(bytes.TrimSpace(l)) > 0:
			return nil
		}
	}
	return nil
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
			return diag.LineCol(src, i)
		}
		i += n
	}
	return 1, 1
}
