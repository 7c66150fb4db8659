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
// of its first line. A body without "![" is not parsed.
func (r *Renderer) Images(src []byte, firstLine int) []ImageRef {
	if !bytes.Contains(src, []byte("![")) {
		return nil
	}
	doc := r.md.Parser().Parse(text.NewReader(src))
	w := &walker{src: src, firstLine: firstLine}
	var out []ImageRef
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		raw := img.Destination
		off := min(max(destOffset(img, src, raw, img.Reference != nil), 0), len(src))
		line, _ := w.lineCol(off)
		col := utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
		out = append(out, ImageRef{Dest: string(resolveEscapes(raw)), Alt: strings.TrimSpace(altText(img, src)), Line: line, Col: col})
		return ast.WalkSkipChildren, nil
	})
	return out
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
