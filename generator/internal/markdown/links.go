package markdown

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"portal/generator/internal/diag"
)

// resolveEscapes resolves backslash escapes and character references in raw
// Markdown text (a link destination, a text segment), as goldmark does when it
// writes HTML. It returns raw itself when there is nothing to resolve.
func resolveEscapes(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	d := util.UnescapePunctuations(raw)
	d = util.ResolveNumericReferences(d)
	return util.ResolveEntityNames(d)
}

// isResolvable reports whether dest is a link the Resolver must see: a
// site-absolute path ("/exjobb/", but not the protocol-relative "//host") or a
// relative path without a scheme ("../theses/x.md", "avtal.pdf",
// "www.kth.se"), optionally followed by a "?query" or "#fragment". A
// fragment or query alone ("#apply") stays on the page and is not.
func isResolvable(dest []byte) bool {
	if len(dest) == 0 {
		return false
	}
	switch dest[0] {
	case '/':
		return len(dest) == 1 || dest[1] != '/'
	case '#', '?':
		return false
	}
	// A ':' before the first '/', '?' or '#' starts a scheme ("https:",
	// "mailto:", "javascript:").
	i := bytes.IndexAny(dest, ":/?#")
	return i < 0 || dest[i] != ':'
}

// isFileBeside reports whether dest, a resolvable destination, names a
// file by a relative path that is not a record's (".md").
func isFileBeside(dest []byte) bool {
	path := dest
	if i := bytes.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	return dest[0] != '/' && !bytes.HasSuffix(path, []byte(".md"))
}

// destOffset returns the byte offset in src of the destination of link n (a
// *ast.Link or *ast.Image) whose raw destination is raw. For reference links,
// whose destination is in a definition elsewhere, and when the destination
// cannot be found, it returns the offset of the link itself ('[' or '!').
func destOffset(n ast.Node, src, raw []byte, ref bool) int {
	start := n.Pos()
	if start < 0 || start > len(src) {
		start = blockStart(n)
	}
	if ref {
		return start
	}
	// The destination follows "](" after the link text; begin the search
	// after the last text of the link so that "](" inside a code span of the
	// link text is not taken for it.
	from := max(start, lastTextStop(n))
	end := blockEnd(n, len(src))
	first := -1
	for from < end {
		i := bytes.Index(src[from:end], []byte("]("))
		if i < 0 {
			break
		}
		p := from + i + 2
		for p < end && (src[p] == ' ' || src[p] == '\t' || src[p] == '\n' || src[p] == '\r') {
			p++
		}
		angle := p < end && src[p] == '<'
		if angle {
			p++
		}
		if first < 0 {
			first = p
		}
		if q := p + len(raw); bytes.HasPrefix(src[p:end], raw) && (q == end || isDestEnd(src[q], angle)) {
			return p
		}
		from = from + i + 2
	}
	if first >= 0 {
		return first
	}
	return start
}

func isDestEnd(c byte, angle bool) bool {
	if angle {
		return c == '>'
	}
	return c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// lastTextStop returns the end offset of the last text segment inside n, or -1.
func lastTextStop(n ast.Node) int {
	stop := -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			stop = max(stop, t.Segment.Stop)
		}
		if c.HasChildren() {
			stop = max(stop, lastTextStop(c))
		}
	}
	return stop
}

// blockOf returns the nearest ancestor block of n that has source lines.
func blockOf(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p
		}
	}
	return nil
}

func blockStart(n ast.Node) int {
	if b := blockOf(n); b != nil {
		return b.Lines().At(0).Start
	}
	return 0
}

func blockEnd(n ast.Node, limit int) int {
	if b := blockOf(n); b != nil {
		lines := b.Lines()
		return min(lines.At(lines.Len()-1).Stop, limit)
	}
	return limit
}

// dangerous reports whether a link destination (escapes resolved) would
// run or embed content in the page: a "javascript:", "vbscript:", "data:"
// or "file:" URL, in any case. Browsers drop tabs and line breaks
// anywhere in a URL and spaces and control characters before it, so
// "java&#9;script:" is one too.
func dangerous(dest []byte) bool {
	var scheme [len("javascript:")]byte
	n := 0
	for _, c := range bytes.TrimLeft(dest, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ") {
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if n == len(scheme) {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		scheme[n] = c
		n++
		if c == ':' {
			break
		}
	}
	switch string(scheme[:n]) {
	case "javascript:", "vbscript:", "data:", "file:":
		return true
	}
	return false
}

// neutralise writes each dangerous autolink as a link without a target
// (`<a href="">javascript:alert(1)</a>`), as goldmark writes a dangerous
// link.
func (w *walker) neutralise() {
	for _, a := range w.inert {
		l := ast.NewLink()
		l.AppendChild(l, ast.NewString(a.Label(w.src)))
		a.Parent().ReplaceChild(a.Parent(), a, l)
	}
}

// MailHeader returns the first header of a mailto: link's query other
// than subject and body (cc, bcc, to), which would send the mail to
// others too, unseen by the reader who clicks; "" for none.
func MailHeader(query string) string {
	for f := range strings.SplitSeq(query, "&") {
		name, _, _ := strings.Cut(f, "=")
		n, err := url.QueryUnescape(name)
		if f != "" && (err != nil || !strings.EqualFold(n, "subject") && !strings.EqualFold(n, "body")) {
			return name
		}
	}
	return ""
}

// mailtoProblem is the problem of a mailto: link dest whose text hides
// who else the mail goes to: a # (a mailto: URI has no fragment, and a
// mail program may read "#&bcc=" as a header), a header other than
// subject and body, or a second recipient ("a@kth.se,b@example.se", the
// comma also escaped as %2C, or ; as some mail programs read it); false
// for none.
func mailtoProblem(dest []byte) (diag.Message, bool) {
	const scheme = "mailto:"
	if len(dest) < len(scheme) || !strings.EqualFold(string(dest[:len(scheme)]), scheme) {
		return diag.Message{}, false
	}
	if _, frag, hash := strings.Cut(string(dest), "#"); hash {
		return diag.M(diag.LinkMailHash, string(dest), "#"+frag), true
	}
	to, query, _ := strings.Cut(string(dest[len(scheme):]), "?")
	if h := MailHeader(query); h != "" {
		return diag.M(diag.LinkMailHeaders, string(dest), h), true
	}
	plain, err := url.PathUnescape(to)
	if err != nil {
		plain = to
	}
	if strings.ContainsAny(plain, ",;") {
		return diag.M(diag.LinkMailRecipients, string(dest), to), true
	}
	return diag.Message{}, false
}
