package feedtest

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

const (
	xhtmlNS = "http://www.w3.org/1999/xhtml"
	xmlNS   = "http://www.w3.org/XML/1998/namespace" // the xml: prefix
)

// Feed is an Atom feed as read back. Every name is qualified with the Atom
// namespace, so an element outside it is not picked up and a missing
// required element shows as empty; elements that may repeat are slices so
// that a repeat shows.
type Feed struct {
	XMLName struct{} `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	IDs     []string `xml:"http://www.w3.org/2005/Atom id"`
	Titles  []string `xml:"http://www.w3.org/2005/Atom title"`
	Updated []string `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []Link   `xml:"http://www.w3.org/2005/Atom link"`
	Authors []Author `xml:"http://www.w3.org/2005/Atom author"`
	Entries []Entry  `xml:"http://www.w3.org/2005/Atom entry"`
}

// Link is an atom:link.
type Link struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

// Author is an atom:author.
type Author struct {
	Names []string `xml:"http://www.w3.org/2005/Atom name"`
}

// Entry is an atom:entry.
type Entry struct {
	Lang       string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	IDs        []string   `xml:"http://www.w3.org/2005/Atom id"`
	Titles     []string   `xml:"http://www.w3.org/2005/Atom title"`
	Updated    []string   `xml:"http://www.w3.org/2005/Atom updated"`
	Published  []string   `xml:"http://www.w3.org/2005/Atom published"`
	Links      []Link     `xml:"http://www.w3.org/2005/Atom link"`
	Authors    []Author   `xml:"http://www.w3.org/2005/Atom author"`
	Summaries  []Text     `xml:"http://www.w3.org/2005/Atom summary"`
	Categories []Category `xml:"http://www.w3.org/2005/Atom category"`
}

// Text is an Atom text construct. Of type="xhtml", Divs holds its XHTML
// divs (RFC 4287 wants exactly one) and Text only the white space around.
type Text struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
	Divs []Div  `xml:"http://www.w3.org/1999/xhtml div"`
}

// Div is an XHTML div of an Atom text: its language marks (xml:lang and
// lang), its paragraphs and the divs inside it, in that order.
type Div struct {
	XMLLang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Lang    string `xml:"lang,attr"`
	Paras   []Para `xml:"http://www.w3.org/1999/xhtml p"`
	Divs    []Div  `xml:"http://www.w3.org/1999/xhtml div"`
}

// Para is an XHTML p of an Atom text, with its language marks: its
// whole text, and its runs, the text outside spans and each span (a
// fact's value in another language) in order. Any other element in it
// is an error.
type Para struct {
	XMLLang, Lang, Text string
	Runs                []Run
}

// Run is a run of a paragraph's text: a span's, with the span's marks,
// or text outside spans.
type Run struct {
	XMLLang, Lang, Text string
	Span                bool
}

// UnmarshalXML reads a p: its marks, its text and its spans.
func (p *Para) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	p.XMLLang, p.Lang = langMarks(start.Attr)
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			p.Text += string(t)
			p.Runs = append(p.Runs, Run{Text: string(t)})
		case xml.StartElement:
			if t.Name.Space != xhtmlNS || t.Name.Local != "span" {
				return fmt.Errorf("element %s %s in an XHTML p", t.Name.Space, t.Name.Local)
			}
			var span struct {
				Text  string     `xml:",chardata"`
				Inner []struct{} `xml:",any"`
			}
			if err := d.DecodeElement(&span, &t); err != nil {
				return err
			}
			if len(span.Inner) > 0 {
				return fmt.Errorf("an element in an XHTML span")
			}
			r := Run{Text: span.Text, Span: true}
			r.XMLLang, r.Lang = langMarks(t.Attr)
			p.Text += span.Text
			p.Runs = append(p.Runs, r)
		case xml.EndElement:
			return nil
		}
	}
}

// langMarks are the xml:lang and lang of an element's attributes.
func langMarks(attrs []xml.Attr) (xmlLang, lang string) {
	for _, a := range attrs {
		switch {
		case a.Name.Local != "lang":
		case a.Name.Space == xmlNS:
			xmlLang = a.Value
		case a.Name.Space == "":
			lang = a.Value
		}
	}
	return xmlLang, lang
}

// Part is a paragraph of an Atom text as a reader sees it, in its language.
type Part struct{ Lang, Text string }

// Parts are the paragraphs of t, each with the language it is marked with
// (lang, unless an element inside marks another): of type="text" the whole
// text, of type="xhtml" its paragraphs, the divs' after theirs; a
// paragraph with spans in another language than its own as its runs, a
// part of each language in turn. An element whose xml:lang and lang
// differ is marked "xml:lang≠lang".
func (t Text) Parts(lang string) []Part {
	if t.Type != "xhtml" {
		return []Part{{lang, t.Text}}
	}
	var parts []Part
	for _, d := range t.Divs {
		parts = d.parts(lang, parts)
	}
	return parts
}

func (d Div) parts(lang string, parts []Part) []Part {
	lang = marked(lang, d.XMLLang, d.Lang)
	for _, p := range d.Paras {
		parts = p.parts(marked(lang, p.XMLLang, p.Lang), parts)
	}
	for _, in := range d.Divs {
		parts = in.parts(lang, parts)
	}
	return parts
}

// parts appends the parts of p, a paragraph in lang: one, unless a
// span in it is in another language.
func (p Para) parts(lang string, parts []Part) []Part {
	first := len(parts)
	for _, r := range p.Runs {
		l := lang
		if r.Span {
			l = marked(lang, r.XMLLang, r.Lang)
		}
		switch {
		case r.Text == "":
		case len(parts) > first && parts[len(parts)-1].Lang == l:
			parts[len(parts)-1].Text += r.Text
		default:
			parts = append(parts, Part{l, r.Text})
		}
	}
	if len(parts) == first {
		parts = append(parts, Part{lang, ""})
	}
	return parts
}

// marked is the language of an element inside one of lang that carries
// the marks xmlLang and htmlLang.
func marked(lang, xmlLang, htmlLang string) string {
	switch {
	case xmlLang != htmlLang:
		return xmlLang + "≠" + htmlLang
	case xmlLang != "":
		return xmlLang
	}
	return lang
}

// Category is an atom:category.
type Category struct {
	Term string `xml:"term,attr"`
}

// DecodeAtom parses data strictly and checks what RFC 4287 requires: one
// id, title and updated per feed and entry, RFC 3339 UTC times, an author
// for every entry (its own or the feed's), one alternate link per entry.
// The error joins every problem found.
func DecodeAtom(data []byte) (Feed, error) {
	var f Feed
	if err := decodeStrict(data, &f); err != nil {
		return f, err
	}
	var p problems
	one := func(what string, v []string) {
		if len(v) != 1 {
			p.add("%s: %d elements, want 1", what, len(v))
		}
	}
	rfc3339 := func(what string, v []string) {
		for _, s := range v {
			if _, err := time.Parse(time.RFC3339, s); err != nil || !strings.HasSuffix(s, "Z") {
				p.add("%s %q is not an RFC 3339 UTC time: %v", what, s, err)
			}
		}
	}
	one("feed id", f.IDs)
	one("feed title", f.Titles)
	one("feed updated", f.Updated)
	rfc3339("feed updated", f.Updated)
	if len(f.IDs) == 1 && f.IDs[0] == "" {
		p.add("feed id is empty")
	}
	feedAuthor := hasName(f.Authors)
	if !feedAuthor && len(f.Entries) == 0 {
		p.add("feed has neither author nor entries")
	}
	for i, e := range f.Entries {
		one("entry id", e.IDs)
		one("entry title", e.Titles)
		one("entry updated", e.Updated)
		rfc3339("entry updated", e.Updated)
		rfc3339("entry published", e.Published)
		if len(e.IDs) == 1 && e.IDs[0] == "" {
			p.add("entry %d: id is empty", i)
		}
		if !feedAuthor && !hasName(e.Authors) {
			p.add("entry %d: no author, and the feed has none", i)
		}
		for _, sum := range e.Summaries {
			if sum.Type == "xhtml" && (len(sum.Divs) != 1 || strings.TrimSpace(sum.Text) != "") {
				p.add("entry %d: summary type=\"xhtml\" holds %d divs and text %q, want one div alone", i, len(sum.Divs), strings.TrimSpace(sum.Text))
			}
		}
		alt := 0
		for _, l := range e.Links {
			if l.Rel == "alternate" && l.Href != "" {
				alt++
			}
		}
		if alt != 1 {
			p.add("entry %d: %d links rel=alternate, want 1", i, alt)
		}
	}
	return f, p.err()
}

// hasName reports whether the first author has exactly one, non-empty name.
func hasName(authors []Author) bool {
	return len(authors) > 0 && len(authors[0].Names) == 1 && authors[0].Names[0] != ""
}
