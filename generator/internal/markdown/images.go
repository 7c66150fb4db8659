package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// ImageRef is an image a body shows: ![Alt](Dest).
type ImageRef struct {
	// Dest is the destination with escapes and character references
	// resolved, as Resolver gets it.
	Dest string
	// Alt is the plain text of the image's description, spaces trimmed.
	Alt string
	// Line and Col are the file position of the destination, or of the
	// '!' for a reference image, as in LinkError, but Col counts
	// characters, not bytes, as the messages of check do.
	Line, Col int
}

// Images lists the images of src, in order; firstLine is the file line
// of its first line. A body without "![" is not parsed, nor one that
// nests past the bounds (tooDeep), which goldmark could take seconds to
// parse and which RenderImages shows as preformatted text, without its
// images (and reports).
func (r *Renderer) Images(src []byte, firstLine int) []ImageRef {
	if !bytes.Contains(src, []byte("![")) {
		return nil
	}
	if _, _, bad := tooDeep(src); bad {
		return nil
	}
	doc := r.md.Parser().Parse(text.NewReader(src))
	at := &cursor{src: src, line: firstLine, first: firstLine}
	var out []ImageRef
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		raw := img.Destination
		line, col := at.move(destOffset(img, src, raw, img.Reference != nil))
		out = append(out, ImageRef{Dest: string(resolveEscapes(raw)), Alt: strings.TrimSpace(altText(img, src)), Line: line, Col: col})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// cursor turns byte offsets into lines and character columns, reading
// src once when the offsets grow (images in the order of the source), so
// that a long line of images takes linear time.
type cursor struct {
	src                  []byte
	off, line, lineStart int
	first                int // line of offset 0
	col                  int // characters from lineStart to off
}

// move goes to offset off and returns its line and 1-based column.
func (c *cursor) move(off int) (line, col int) {
	off = min(max(off, 0), len(c.src))
	if off < c.off {
		c.off, c.line, c.lineStart, c.col = 0, c.first, 0, 0
	}
	seg := c.src[c.off:off]
	if nl := bytes.Count(seg, []byte{'\n'}); nl > 0 {
		c.line += nl
		c.lineStart = c.off + bytes.LastIndexByte(seg, '\n') + 1
		c.col = utf8.RuneCount(c.src[c.lineStart:off])
	} else {
		c.col += utf8.RuneCount(seg)
	}
	c.off = off
	return c.line, c.col + 1
}

// altText is the text of n's children, as goldmark writes it in alt.
func altText(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		default:
			b.WriteString(altText(c, src))
		}
	}
	return b.String()
}

// Image is what the page writes for an image beside the record: its
// size, and the smaller variant when there is one.
type Image struct {
	Width, Height int
	// Variant is the file name of the variant, VariantWidth pixels wide;
	// empty when there is none.
	Variant      string
	VariantWidth int
}

// setImage writes width and height on an image, and srcset when it has a
// variant; dest is the image's (unchanged) destination.
func setImage(n *ast.Image, dest string, img Image) {
	n.SetAttributeString("width", []byte(strconv.Itoa(img.Width)))
	n.SetAttributeString("height", []byte(strconv.Itoa(img.Height)))
	if img.Variant != "" {
		n.SetAttributeString("srcset", []byte(img.Variant+" "+strconv.Itoa(img.VariantWidth)+"w, "+dest+" "+strconv.Itoa(img.Width)+"w"))
		n.SetAttributeString("sizes", []byte("(max-width: "+strconv.Itoa(img.VariantWidth)+"px) 100vw, "+strconv.Itoa(img.VariantWidth)+"px"))
	}
}
