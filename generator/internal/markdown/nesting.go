package markdown

import (
	"bytes"
	"html/template"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// Bounds on nesting, checked before goldmark sees a body. Goldmark's work
// grows with the square of some nesting depths: a line of a thousand ">"
// (block quotes in block quotes) costs it a thousand times as much as a
// line of one, and so do long runs of "- ", "1. " or "[^a]: "; within a line
// every "[a](" that is not closed makes it scan the rest of the line again
// for the end of the link, and every emphasis marker that cannot close
// makes the markers after it look through all of them. So that every body
// under the size limit renders in time linear in its length, Render
// refuses a body that nests deeper than these bounds, with the position of
// the first marker past the bound, and renders it as preformatted text.
const (
	// MaxBlockDepth bounds how deep block quotes, list items and footnote
	// definitions nest in one another.
	MaxBlockDepth = 32
	// MaxInlineDepth bounds the markers open at once: "[" in a paragraph,
	// "(" and "<" in a line, and emphasis markers ("*", "_", "~") that have
	// not been closed in a paragraph.
	MaxInlineDepth = 64
	// MaxLinkWork bounds, in a paragraph, the sum over its closed brackets
	// ("[a]", "[a](…)") of the lines that follow each in the paragraph:
	// for each, goldmark looks for its line from the last line back.
	MaxLinkWork = 1 << 22
)

// container is a block open on the lines scanned so far: a block quote,
// which continues on a line that starts with ">", or a list item or
// footnote definition, which continues on a line indented to its content.
type container struct {
	quote  bool
	indent int // the column of the content of a list item or footnote
}

// run is a run of emphasis markers that may open emphasis.
type run struct {
	char     byte
	size     int
	canClose bool
}

// nesting is the state of the scan of one body.
type nesting struct {
	open     []container
	brackets int    // "[" open in the paragraph
	emphasis []run  // runs of emphasis markers open in the paragraph, innermost last
	para     bool   // the previous line was text of a paragraph
	fence    []byte // the fence of the open fenced code block, if any
	fenceAt  int    // how many containers are around that code block

	lineAt    int // the offset in the body of the line scanned
	paraAt    int // the offset in the body of the paragraph's text
	paraLines int // the lines of the paragraph so far
	closed    int // the brackets closed in the paragraph
	closedAt  int // the sum of their line numbers in the paragraph (from 0)
}

// tooDeep reports the first place where src nests deeper than the bounds:
// the byte offset in src and the message. ok is false if src is within them.
// It takes time linear in len(src).
func tooDeep(src []byte) (off int, msg diag.Message, ok bool) {
	var n nesting
	for start := 0; start < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i
		}
		n.lineAt = start
		if i, m, bad := n.line(src[start:end]); bad {
			return start + i, m, true
		}
		start = end + 1
	}
	return n.endParagraph()
}

// endParagraph ends the paragraph scanned, if any, and reports it if its
// links would cost goldmark more than MaxLinkWork: the offset of its
// text and the message.
func (n *nesting) endParagraph() (int, diag.Message, bool) {
	work := n.closed*n.paraLines - n.closedAt
	lines, closed, at := n.paraLines, n.closed, n.paraAt
	n.paraLines, n.closed, n.closedAt = 0, 0, 0
	if work > MaxLinkWork {
		return at, diag.M(diag.MDParagraph, lines, closed), true
	}
	return 0, diag.Message{}, false
}

// line scans one line (without its newline) and returns the offset in it
// of the first marker past the bounds.
func (n *nesting) line(l []byte) (int, diag.Message, bool) {
	i, col := 0, 0
	kept := 0
	for kept < len(n.open) {
		c := n.open[kept]
		if c.quote {
			j, jc := skipSpaces(l, i, col, col+3)
			if j < len(l) && l[j] == '>' {
				i, col = j+1, jc+1
				if i < len(l) && l[i] == ' ' {
					i, col = i+1, col+1
				}
				kept++
				continue
			}
			break
		}
		j, jc := skipSpaces(l, i, col, c.indent)
		if j == len(l) || jc >= c.indent {
			i, col = j, jc
			kept++
			continue
		}
		break
	}
	if n.fence != nil {
		if kept >= n.fenceAt {
			j, _ := skipSpaces(l, i, col, col+3)
			if closesFence(l[j:], n.fence) {
				n.fence = nil
			}
			return 0, diag.Message{}, false // in the code block, or its fence
		}
		n.fence = nil // closed with its container
	}
	n.open = n.open[:kept]
	opened := false
	for {
		j, jc := skipSpaces(l, i, col, col+4)
		if jc-col >= 4 && j < len(l) && !n.para {
			return 0, diag.Message{}, false // indented code
		}
		next, width := marker(l, j)
		if width == 0 || jc-col >= 4 {
			break
		}
		if len(n.open) == MaxBlockDepth {
			return j, diag.M(diag.MDNesting, MaxBlockDepth), true
		}
		opened = true
		if l[j] == '>' {
			n.open = append(n.open, container{quote: true})
			i, col = next, jc+(next-j)
			continue
		}
		k, kc := skipSpaces(l, next, jc+(next-j), jc+(next-j)+4)
		if k == next || k == len(l) {
			kc = jc + width + 1
			k = min(next+1, len(l))
		}
		n.open = append(n.open, container{indent: kc})
		i, col = k, kc
	}
	rest := l[i:]
	f := openingFence(rest)
	if opened || isBlank(rest) || f != nil {
		n.brackets, n.emphasis = 0, n.emphasis[:0]
		if at, m, bad := n.endParagraph(); bad {
			return at - n.lineAt, m, true
		}
	}
	if f != nil {
		n.fence, n.fenceAt, n.para = f, len(n.open), false
		return 0, diag.Message{}, false
	}
	n.para = !isBlank(rest)
	if n.para {
		if n.paraLines == 0 {
			n.paraAt = n.lineAt + i
		}
		n.paraLines++
	}
	if j, m, bad := n.inline(rest); bad {
		return i + j, m, true
	}
	return 0, diag.Message{}, false
}

// inline scans the text of a line for open markers.
func (n *nesting) inline(l []byte) (int, diag.Message, bool) {
	parens, angles := 0, 0
	code := codeSpans(l)
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !inlineMarker(c) {
			continue
		}
		switch c {
		case '\\':
			i++
		case '`':
			j := i
			for j < len(l) && l[j] == '`' {
				j++
			}
			if end := code.close(i, j-i); end > 0 {
				j = end
			}
			i = j - 1
		case '[':
			if n.brackets++; n.brackets > MaxInlineDepth {
				return i, diag.M(diag.MDBrackets, MaxInlineDepth), true
			}
		case ']':
			if n.brackets > 0 {
				n.brackets--
				n.closed++
				n.closedAt += n.paraLines - 1
			}
		case '(':
			if parens++; parens > MaxInlineDepth {
				return i, diag.M(diag.MDParens, MaxInlineDepth), true
			}
		case ')':
			parens = max(parens-1, 0)
		case '<':
			if angles++; angles > MaxInlineDepth {
				return i, diag.M(diag.MDAngles, MaxInlineDepth), true
			}
		case '>':
			angles = max(angles-1, 0)
		case '*', '_', '~':
			j := i
			for j < len(l) && l[j] == c {
				j++
			}
			if n.delimiter(l, i, j) {
				return i, diag.M(diag.MDEmphasis, MaxInlineDepth, c, c), true
			}
			i = j - 1
		}
	}
	return 0, diag.Message{}, false
}

// inlineMarker reports whether inline looks at c: most bytes of a line
// are skipped with two shifts, not a switch of eleven cases.
func inlineMarker(c byte) bool {
	const low = 1<<'(' | 1<<')' | 1<<'*' | 1<<'<' | 1<<'>'                                          // below 64
	const high = 1<<('['-64) | 1<<('\\'-64) | 1<<(']'-64) | 1<<('_'-64) | 1<<('`'-64) | 1<<('~'-64) // 64 to 127
	if c < 64 {
		return low>>c&1 != 0
	}
	return c < 128 && high>>(c-64)&1 != 0
}

// delimiter takes the run of emphasis markers l[i:j] as goldmark does: a
// run that can close takes the innermost open run of the same character
// that it may match, which closes every run opened after that one too; a
// run that can open and is not used up is opened. It reports whether that
// makes more than MaxInlineDepth runs open: each run that closes costs
// goldmark a look through all of them.
func (n *nesting) delimiter(l []byte, i, j int) bool {
	c, size := l[i], j-i
	canOpen, canClose := flanking(l, i, j)
	if canClose {
		for k := len(n.emphasis) - 1; k >= 0 && size > 0; k-- {
			e := &n.emphasis[k]
			if e.char != c || (e.canClose || canOpen) && (e.size+size)%3 == 0 && size%3 != 0 {
				continue
			}
			used := min(e.size, size)
			e.size -= used
			size -= used
			n.emphasis = n.emphasis[:k+1]
			if e.size == 0 {
				n.emphasis = n.emphasis[:k]
			}
		}
	}
	if !canOpen || size == 0 {
		return false
	}
	n.emphasis = append(n.emphasis, run{char: c, size: size, canClose: canClose})
	return len(n.emphasis) > MaxInlineDepth
}

// flanking tells whether the run of emphasis markers l[i:j] can open and
// close emphasis, by the rules of CommonMark.
func flanking(l []byte, i, j int) (canOpen, canClose bool) {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRune(l[:i])
	}
	if j < len(l) {
		after, _ = utf8.DecodeRune(l[j:])
	}
	punctBefore, spaceBefore := isPunct(before), unicode.IsSpace(before)
	punctAfter, spaceAfter := isPunct(after), unicode.IsSpace(after)
	left := !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right := !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	if l[i] == '_' {
		return left && (!right || punctBefore), right && (!left || punctAfter)
	}
	return left, right
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// marker returns the end of the block marker at l[j:] (">", "-", "*", "+",
// "1." or "1)" followed by a space or the end of the line, or "[^label]:")
// and the width of the marker; width is 0 if there is none. A thematic
// break ("- - -", "***") is not a marker.
func marker(l []byte, j int) (next, width int) {
	if j >= len(l) {
		return j, 0
	}
	spaceAfter := func(k int) bool { return k == len(l) || isSpace(l[k]) }
	switch c := l[j]; {
	case c == '>':
		if j+1 < len(l) && l[j+1] == ' ' {
			return j + 2, 1
		}
		return j + 1, 1
	case c == '-' || c == '*' || c == '+':
		if spaceAfter(j+1) && !thematicBreak(l[j:]) {
			return j + 1, 1
		}
	case c >= '0' && c <= '9':
		k := j
		for k < len(l) && k-j < 9 && l[k] >= '0' && l[k] <= '9' {
			k++
		}
		if k < len(l) && (l[k] == '.' || l[k] == ')') && spaceAfter(k+1) {
			return k + 1, k + 1 - j
		}
	case c == '[':
		if j+1 < len(l) && l[j+1] == '^' {
			k := j + 2
			for k < len(l) && k-j < 1000 && l[k] != ']' && !isSpace(l[k]) {
				k++
			}
			if k > j+2 && k+1 < len(l) && l[k] == ']' && l[k+1] == ':' {
				return k + 2, 4
			}
		}
	}
	return j, 0
}

// thematicBreak reports whether l is three or more "-", "*" or "_" of one
// kind and spaces.
func thematicBreak(l []byte) bool {
	count := 0
	for _, b := range l {
		switch {
		case b == l[0]:
			count++
		case !isSpace(b):
			return false
		}
	}
	return count >= 3
}

// skipSpaces skips spaces and tabs from l[i:], at column col, up to column
// limit, and returns where it stopped and that column. A tab advances to
// the next multiple of 4.
func skipSpaces(l []byte, i, col, limit int) (int, int) {
	for i < len(l) && col < limit {
		switch l[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return i, col
		}
		i++
	}
	return i, col
}

// openingFence returns the fence ("```", "~~~~") that l opens, or nil.
func openingFence(l []byte) []byte {
	i, _ := skipSpaces(l, 0, 0, 3)
	j := i
	for j < len(l) && (l[j] == '`' || l[j] == '~') && l[j] == l[i] {
		j++
	}
	if j-i < 3 {
		return nil
	}
	if l[i] == '`' && bytes.IndexByte(l[j:], '`') >= 0 {
		return nil
	}
	return l[i:j]
}

// closesFence reports whether l closes a code block opened by fence.
func closesFence(l, fence []byte) bool {
	j := 0
	for j < len(l) && l[j] == fence[0] {
		j++
	}
	return j >= len(fence) && isBlank(l[j:])
}

// spans pairs the runs of backticks of one line as CommonMark code spans.
type spans struct {
	runs map[int][]int // the starts of the runs of each length, in order
	next map[int]int   // the first of runs[length] not yet passed
}

func codeSpans(l []byte) spans {
	s := spans{}
	if bytes.IndexByte(l, '`') < 0 {
		return s
	}
	for i := 0; i < len(l); {
		if l[i] == '\\' {
			i += 2 // an escaped character, as inline reads it: \\ escapes a backslash
			continue
		}
		if l[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(l) && l[j] == '`' {
			j++
		}
		if s.runs == nil {
			s.runs, s.next = map[int][]int{}, map[int]int{}
		}
		s.runs[j-i] = append(s.runs[j-i], i)
		i = j
	}
	return s
}

// close returns the end of the code span that the run of size backticks at
// i opens, or 0 if no run of that size follows it in the line. Calls come
// in the order of the line, so that the line is read once in all.
func (s spans) close(i, size int) int {
	runs := s.runs[size]
	if len(runs) == 0 {
		return 0
	}
	k := s.next[size]
	for k < len(runs) && runs[k] <= i {
		k++
	}
	if k == len(runs) {
		s.next[size] = k
		return 0
	}
	s.next[size] = k + 1
	return runs[k] + size
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func isBlank(l []byte) bool { return len(bytes.TrimLeft(l, " \t\r\n")) == 0 }

// refused is the Result for a body that nests too deep: its text as
// preformatted text, and the error.
func refused(src []byte, le LinkError) Result {
	return Result{HTML: "<pre>" + template.HTMLEscapeString(string(src)) + "</pre>\n", Errors: []LinkError{le}}
}
