package markdown

import "bytes"

// Shortcode is a Hugo shortcode written in a body: {{< … >}} or {{% … %}}.
type Shortcode struct {
	Line, Col int    // the line in the file and the 1-based byte column of its "{{"
	Text      string // as written, to its end or the end of its line
}

// Shortcodes lists the Hugo shortcodes of src, a body that starts at line
// firstLine of its file, outside code: this site runs none, and each is
// published as it is written, braces and all. A line in a fenced code
// block (its fences read as nesting.go reads them), or a shortcode in a
// code span (inCodeSpan), is code.
func Shortcodes(src []byte, firstLine int) []Shortcode {
	if indexShortcode(src) < 0 {
		return nil // nearly every body: no line to split
	}
	var out []Shortcode
	var fence []byte // the fence of the code block the lines are in
	for i, line := range bytes.Split(src, []byte("\n")) {
		if fence != nil {
			// In the code block: its lines are code, its closing fence too.
			if j, _ := skipSpaces(line, 0, 0, 3); closesFence(line[j:], fence) {
				fence = nil
			}
			continue
		}
		if fence = openingFence(line); fence != nil {
			continue
		}
		for off := 0; ; {
			j := indexShortcode(line[off:])
			if j < 0 {
				break
			}
			at := off + j
			if !inCodeSpan(line, at) {
				text := line[at:]
				if k := bytes.Index(text[3:], []byte("}}")); k >= 0 {
					text = text[:3+k+2]
				}
				out = append(out, Shortcode{Line: firstLine + i, Col: at + 1, Text: string(bytes.TrimRight(text, "\r"))})
			}
			off = at + 3
		}
	}
	return out
}

// indexShortcode is the index of the first "{{<" or "{{%" of b, or -1.
func indexShortcode(b []byte) int {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '{' && b[i+1] == '{' && (b[i+2] == '<' || b[i+2] == '%') {
			return i
		}
	}
	return -1
}

// inCodeSpan reports whether the byte at of line l is in a code span, its
// runs of backticks paired as CommonMark pairs them (codeSpans: a run is
// closed by the next run of the same length; one that none closes, or an
// escaped backtick, is a backtick like any other).
func inCodeSpan(l []byte, at int) bool {
	s := codeSpans(l)
	for i := 0; i < at; {
		switch {
		case l[i] == '\\':
			i += 2 // as codeSpans reads it
		case l[i] != '`':
			i++
		default:
			j := i
			for j < len(l) && l[j] == '`' {
				j++
			}
			if end := s.close(i, j-i); end > 0 {
				if at < end {
					return true
				}
				j = end
			}
			i = j
		}
	}
	return false
}
