// Package markdown turns the Markdown body of a record into HTML, plain text
// for summaries and the search index, and a list of broken links.
//
// One [Renderer] (its goldmark instances) serves the whole site and is shared by
// all goroutines of a build. It parses GitHub Flavored Markdown (tables,
// strikethrough, autolinks, task lists) with footnotes, and gives every heading
// a readable, unique id ("Åtgärder för år 2" becomes "atgarder-for-ar-2", a
// second heading with the same text "atgarder-for-ar-2-1"); the ids of the
// page around the body, given to [Renderer.Reserve], are numbered so too
// ("main-1"). A body that nests deeper than the bounds of nesting.go, the
// shapes that cost goldmark time growing with the square of their length,
// is refused before goldmark parses it.
//
// The output is safe to publish: raw HTML in a body is never passed through
// (goldmark writes an "<!-- raw HTML omitted -->" comment instead; its
// tags are listed in Result.RawHTML, for check's warning) and dangerous
// link destinations such as "javascript:" are written as an empty href.
//
// [Renderer.Images] finds the images a body shows, for package content to
// check; [Renderer.RenderImages] writes them with their sizes and the
// srcset of their variants, and names the boxes of task lists in the
// body's language ([Renderer.Labels]).
//
// Links between records are written as relative paths to the Markdown files,
// as an editor sees them ("../theses/energy-data.md#apply"), or as site paths
// ("/exjobb/"). Render passes those destinations to a [Resolver], writes the
// URL it returns, and reports the ones it cannot resolve as [LinkError]s with
// the line and column in the file.
package markdown

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"strings"

	extast "github.com/yuin/goldmark/extension/ast"

	"portal/generator/internal/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// textLimit is the length, in characters, at which Result.Text is cut.
const textLimit = 2000

// Resolver maps a link destination found in a body to the URL to publish.
//
// dest is the destination as written in the body, with backslash escapes and
// character references resolved (e.g. "../theses/energy-data.md",
// "../theses/energy-data.md#apply", "/exjobb/", "avtal.pdf"). Render calls
// it for relative paths without a scheme and for site-absolute paths,
// which start with a single "/". Everything else (external URLs,
// "mailto:", "#fragment", "//host/...") is written unchanged.
//
// It returns the URL to write, fragment included; the renderer percent-encodes
// and HTML-escapes it. When the target does not exist it returns an error whose
// message (lowercase, no final period, naming the destination) becomes
// LinkError.Msg; the link then keeps its original destination.
type Resolver func(dest string) (url string, err error)

// Result is what Render produces for one body.
type Result struct {
	// HTML is the rendered body.
	HTML string
	// Summary is the plain text of the first paragraph (not a heading):
	// markup stripped, character references decoded, whitespace collapsed.
	// A paragraph at the top level of the body is preferred; if there is none,
	// the first paragraph anywhere (in a list, a quote) is used. Footnotes are
	// never used. Empty if the body has no paragraph with text.
	Summary string
	// Text is the plain text of the whole body (headings, paragraphs, lists,
	// tables, code, footnotes; not raw HTML) for the search index, whitespace
	// collapsed and cut at a word boundary at about 2000 characters.
	Text string
	// Errors lists the links the Resolver could not resolve, in the order
	// they appear in the body; or, for a body that nests too deep, the one
	// place where it goes past the bound (see MaxBlockDepth).
	Errors []LinkError
	// RawHTML lists the HTML tags of the body, which are not published
	// (comments and closing tags aside), the first MaxRawHTML of them,
	// each at its '<' with the tag as Msg.
	RawHTML []LinkError
}

// MaxRawHTML is how many HTML tags of a body Result lists.
const MaxRawHTML = 10

// LinkError is a link whose destination the Resolver rejected.
type LinkError struct {
	// Line is the line in the file (src starts at line firstLine), Col the
	// 1-based byte column in that line of the link destination, or of the
	// start of the link ('[' or '!') for a reference link, whose destination
	// is in its definition.
	Line, Col int
	Msg       string       // in English
	Text      diag.Message // the message, when it is one of the catalog
}

// Renderer renders Markdown bodies. It holds its goldmark instances and no
// per-call state, so one Renderer is safe for concurrent use by many
// goroutines.
type Renderer struct {
	md       goldmark.Markdown
	plain    goldmark.Markdown // md without Linkify (see parse)
	bare     goldmark.Markdown // plain without link reference definitions
	reserved map[string]bool   // ids the page frame uses; read only
	labels   map[string]Labels // language → names of task checkboxes and footnote links (Labels); read only
}

// New returns a Renderer. Create one per site (or per process) and share it.
func New() *Renderer {
	return &Renderer{md: newMarkdown(true, true), plain: newMarkdown(false, true), bare: newMarkdown(false, false)}
}

// newMarkdown is goldmark with GFM and footnotes, without Linkify unless
// linkify, and without the paragraph transformer that takes link
// reference definitions ("[label]: /url") out of paragraphs unless refs.
func newMarkdown(linkify, refs bool) goldmark.Markdown {
	var opts []goldmark.Option
	if !refs {
		opts = append(opts, goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		)))
	}
	opts = append(opts, goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(taskBoxes{}, taskBoxPriority),
			util.Prioritized(noteLinks{}, taskBoxPriority), util.Prioritized(newNamedTableTags(), taskBoxPriority))))
	if linkify {
		opts = append(opts, goldmark.WithExtensions(extension.GFM, extension.Footnote))
	} else {
		opts = append(opts, goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote))
	}
	return goldmark.New(opts...)
}

// Reserve returns a Renderer that shares r's parser and gives no heading
// of a body any of ids, besides those r reserves: the page around the
// body uses them ("main", "facts-heading"), and ids must be unique on a
// page. A heading whose id is reserved is numbered like a repeated one
// ("main-1"). Footnote ids ("fn:1", "fnref:1") cannot collide with
// heading ids, which never contain a colon.
func (r *Renderer) Reserve(ids []string) *Renderer {
	m := make(map[string]bool, len(r.reserved)+len(ids))
	maps.Copy(m, r.reserved)
	for _, id := range ids {
		m[id] = true
	}
	return &Renderer{md: r.md, plain: r.plain, bare: r.bare, reserved: m, labels: r.labels}
}

// Render converts src to HTML. firstLine is the 1-based line number in the file
// where src starts (the body follows the front matter), so that errors carry
// file positions. resolve may be nil, in which case no link is resolved.
//
// Render never fails: problems are returned in Result.Errors and the HTML is
// produced all the same. A body that nests deeper than [MaxBlockDepth] or
// [MaxInlineDepth] is not parsed: its one error says where, and its HTML is
// its text, preformatted.
func (r *Renderer) Render(src []byte, firstLine int, resolve Resolver) Result {
	return r.RenderImages(src, firstLine, "", resolve, nil)
}

// RenderImages is Render that also writes the size of each image whose
// destination (as ImageRef.Dest) is a key of images, and the srcset of
// its variant. lang is the language of the body: its task lists'
// checkboxes and footnote links are named in it (see Labels).
func (r *Renderer) RenderImages(src []byte, firstLine int, lang string, resolve Resolver, images map[string]Image) Result {
	if bytes.Contains(src, []byte("\r\n")) {
		// Saved with CRLF (Windows' Notepad): the code blocks and link
		// titles would keep the carriage returns. Positions stay, as
		// only ends of lines lose a byte.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	if off, msg, bad := tooDeep(src); bad {
		w := walker{src: src, firstLine: firstLine}
		line, col := w.lineCol(off)
		return refused(src, LinkError{Line: line, Col: col, Msg: msg.Error(), Text: msg})
	}
	doc := r.parse(src)

	st := &walker{src: src, firstLine: firstLine, resolve: resolve, images: images, r: r, lang: lang}
	st.text.limit = textLimit
	st.text.b.Grow(min(len(src), 2*textLimit) + 16)
	st.walk(doc)
	st.neutralise()
	namedTables(doc, r.labels[lang].Table)
	if len(st.errs) > 1 {
		// A link is visited before the images in its text.
		slices.SortStableFunc(st.errs, func(a, b LinkError) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
	}

	var out strings.Builder
	out.Grow(len(src) + len(src)/2 + 512)
	// Rendering into a strings.Builder cannot fail, and no node renderer of
	// the configured extensions returns an error.
	_ = r.md.Renderer().Render(bufWriter{&out}, src, doc)

	return Result{
		HTML:    out.String(),
		Summary: summary(doc, src),
		Text:    st.text.finish(),
		Errors:  st.errs,
		RawHTML: st.raw,
	}
}

// parse parses src. Linkify, which GFM adds, is tried at every space
// of the text, and that is a fifth of the time of parsing; but it makes
// a link only of text that starts with "http:", "https:", "ftp:" or
// "www.", or of an e-mail address, whose '@' is text as well. So a body
// where all of those look like link destinations ("](https://...") is
// parsed without Linkify first, and again with it only if a text node
// of that tree holds one of them after all. Without Linkify the tree
// differs in where text is cut into nodes, which neither the HTML nor
// the plain text depends on, and in one more way (see plainable).
// A body without "]:" has no link reference definition ("[label]: /url")
// either, and goldmark is spared looking for one at the start of every
// paragraph.
func (r *Renderer) parse(src []byte) ast.Node {
	var room [16]int
	if at, ok := plainable(src, room[:0]); ok {
		md := r.plain
		if !bytes.Contains(src, []byte("]:")) {
			md = r.bare
		}
		if doc := r.parseWith(md, src); !inText(doc, at) {
			return doc
		}
	}
	return r.parseWith(r.md, src)
}

func (r *Renderer) parseWith(md goldmark.Markdown, src []byte) ast.Node {
	pc := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}, next: map[string]int{}, reserved: r.reserved}))
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// plainable reports whether src may be parsed without Linkify, and
// appends to at the offsets of every "http:", "https:", "ftp:" and "www."
// in it, where Linkify could start a link: no text node of the tree may
// hold one. It is not when an '@' or one of those looks like text, not
// like a link destination or an autolink ("](", "]: " or "<" before a
// scheme, "//" before "www."), or when a line ends in two or more
// spaces or tabs that do not make a line break ("a␣␣␣␣⏎"): the text
// that goes into a node before the last space, where Linkify was tried,
// keeps its spaces; only the last node of a line loses them.
func plainable(src []byte, at []int) ([]int, bool) {
	if bytes.IndexByte(src, '@') >= 0 || !plainEnds(src) {
		return at, false
	}
	for i := 0; ; i++ {
		j := bytes.IndexByte(src[i:], ':')
		if j < 0 {
			break
		}
		i += j
		for _, scheme := range [...]string{"http", "https", "ftp"} {
			k := i - len(scheme)
			if k < 0 || string(src[k:i]) != scheme {
				continue
			}
			at = append(at, k)
			if b := src[:k]; !bytes.HasSuffix(b, []byte("](")) && !bytes.HasSuffix(b, []byte("]: ")) && !bytes.HasSuffix(b, []byte("<")) {
				return at, false
			}
		}
	}
	for i := 0; ; i += 4 {
		j := bytes.Index(src[i:], []byte("www."))
		if j < 0 {
			break
		}
		i += j
		at = append(at, i)
		if !bytes.HasSuffix(src[:i], []byte("//")) {
			return at, false
		}
	}
	return at, true
}

// plainEnds reports whether no line of src ends in more than one space
// or tab, except in the two spaces of a line break.
func plainEnds(src []byte) bool {
	for i := 0; i <= len(src); i++ {
		end := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j
		}
		line := bytes.TrimSuffix(src[i:end], []byte("\r"))
		n := len(line) - len(bytes.TrimRight(line, " \t\v\f\r"))
		if n > 1 && !(n == 2 && end < len(src) && bytes.HasSuffix(line, []byte("  "))) {
			return false
		}
		i = end
	}
	return true
}

// inText reports whether a text node under n holds one of the offsets at.
func inText(n ast.Node, at []int) bool {
	if len(at) == 0 {
		return false
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if slices.ContainsFunc(at, func(i int) bool { return t.Segment.Start <= i && i < t.Segment.Stop }) {
				return true
			}
			continue
		}
		if c.HasChildren() && inText(c, at) {
			return true
		}
	}
	return false
}

// bufWriter lets goldmark write straight into the output, a string
// without a copy; given a plain io.Writer goldmark allocates a 4 KB
// bufio.Writer per call and copies through it.
type bufWriter struct{ *strings.Builder }

func (w bufWriter) Available() int { return w.Cap() - w.Len() }
func (bufWriter) Buffered() int    { return 0 }
func (bufWriter) Flush() error     { return nil }

// walker is the per-call state of one Render: it resolves links and collects
// the plain text of the body in one pass over the AST.
type walker struct {
	src       []byte
	firstLine int
	r         *Renderer
	lang      string // of the body, for the names of task checkboxes and footnote links
	resolve   Resolver
	images    map[string]Image
	errs      []LinkError
	text      textBuf
	inert     []*ast.AutoLink // dangerous autolinks, to be written without their URL
	raw       []LinkError     // the HTML tags, not published (Result.RawHTML)
}

func (w *walker) walk(n ast.Node) {
	w.text.node(n, w.src, w.visit)
}

// visit neutralises a dangerous destination of a link, image or autolink,
// resolves the destination of a link or image, and names a task
// checkbox and a footnote's links.
func (w *walker) visit(n ast.Node) {
	var dest *[]byte
	var ref bool
	switch n := n.(type) {
	case *extast.TaskCheckBox:
		if label := w.r.taskLabel(w.lang, n.IsChecked); label != "" {
			n.SetAttributeString("aria-label", label)
		}
		return
	case *extast.FootnoteLink:
		nameNote(n, w.r.labels[w.lang].Note, n.Index)
		return
	case *extast.FootnoteBacklink:
		nameNote(n, w.r.labels[w.lang].Back, n.Index)
		return
	case *ast.Link:
		dest, ref = &n.Destination, n.Reference != nil
	case *ast.Image:
		dest, ref = &n.Destination, n.Reference != nil
	case *ast.AutoLink:
		if dangerous(n.URL(w.src)) {
			w.inert = append(w.inert, n)
		}
		return
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			w.rawHTML(n.Segments.At(0).Start)
		}
		return
	case *ast.HTMLBlock:
		if n.Lines().Len() > 0 {
			// Its first line starts at the spaces (up to three) before the tag.
			off := n.Lines().At(0).Start
			for off < len(w.src) && w.src[off] == ' ' {
				off++
			}
			w.rawHTML(off)
		}
		return
	default:
		return
	}
	raw := *dest
	d := resolveEscapes(raw)
	if dangerous(d) {
		*dest = nil
		return
	}
	if m, bad := mailtoProblem(d); bad && n.Kind() == ast.KindLink {
		// Its text ("Write to us") hides who else the mail goes to.
		line, col := w.lineCol(destOffset(n, w.src, raw, ref))
		w.errs = append(w.errs, LinkError{Line: line, Col: col, Msg: m.Error(), Text: m})
		return
	}
	img, isImage := n.(*ast.Image)
	if isImage && w.images != nil {
		if info, ok := w.images[string(d)]; ok {
			setImage(img, string(d), info)
		}
	}
	if w.resolve == nil || !isResolvable(d) || isImage && isFileBeside(d) {
		return // an image beside the record is checked with the images
	}
	url, err := w.resolve(string(d))
	if err == nil {
		*dest = []byte(url)
		return
	}
	line, col := w.lineCol(destOffset(n, w.src, raw, ref))
	m, _ := err.(diag.Message)
	w.errs = append(w.errs, LinkError{Line: line, Col: col, Msg: err.Error(), Text: m})
}

// rawHTML notes the HTML tag at off, unless it is a comment or closes an
// element (one problem for <b>…</b>), or MaxRawHTML are noted.
func (w *walker) rawHTML(off int) {
	tag := w.src[off:]
	if i := bytes.IndexAny(tag, ">\r\n"); i >= 0 {
		tag = tag[:i+1] // to its end, or to the end of its line
	}
	if bytes.HasSuffix(tag, []byte("\r")) {
		// A line that ends CRLF: the tag without its carriage return,
		// which the message would show as \r.
		tag = append(tag[:len(tag)-1:len(tag)-1], '\n')
	}
	if len(w.raw) == MaxRawHTML || bytes.HasPrefix(tag, []byte("<!--")) || bytes.HasPrefix(tag, []byte("</")) || !bytes.HasPrefix(tag, []byte("<")) {
		return
	}
	line, col := w.lineCol(off)
	w.raw = append(w.raw, LinkError{Line: line, Col: col, Msg: string(tag)})
}

// lineCol converts a byte offset in src to a file line and a 1-based byte column.
func (w *walker) lineCol(off int) (line, col int) {
	off = min(max(off, 0), len(w.src))
	before := w.src[:off]
	line = w.firstLine + bytes.Count(before, []byte{'\n'})
	col = off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
