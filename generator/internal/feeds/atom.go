package feeds

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

const (
	atomNS = "http://www.w3.org/2005/Atom"
	xmlNS  = "http://www.w3.org/XML/1998/namespace" // the xml: prefix
)

// Feed is one Atom feed document (RFC 4287).
type Feed struct {
	// ID is the feed's stable IRI, e.g. the absolute URL of the list page.
	// Required; it must start with a scheme ("https:", "tag:", ...).
	ID string
	// Title is the feed title (plain text). Written even when empty.
	Title string
	// Lang, when set, is written as xml:lang on <feed>.
	Lang string
	// Self is the absolute URL of the feed itself (link rel="self",
	// type="application/atom+xml"). Optional but recommended.
	Self string
	// Alt is the absolute URL of the HTML page (link rel="alternate",
	// type="text/html"). Optional.
	Alt string
	// Updated is the feed's atom:updated: the caller passes the newest entry's
	// Updated (never the clock), or for a feed without entries the start of
	// the build's day (pipeline). When zero, WriteAtom uses the newest entry
	// time (Updated, else Published) among the entries, and with no entries
	// the fixed epoch 1970-01-01T00:00:00Z, so an empty feed is reproducible.
	Updated time.Time
	// Author is the feed-level author name. RFC 4287 requires it unless every
	// entry has its own Author; WriteAtom also requires it for a feed without
	// entries.
	Author string
	// Entries are written in the order given.
	Entries []Entry
}

// Entry is one atom:entry.
type Entry struct {
	// ID is the entry's stable IRI, provided by the caller, e.g.
	// "tag:samverkan.example.se,2026:theses/energy-data". Required, unique in
	// the feed, and it must start with a scheme.
	ID string
	// Title is the entry title (plain text).
	Title string
	// Link is the absolute URL of the record page (link rel="alternate",
	// type="text/html"). Required: an entry without content needs it.
	Link string
	// Lang is written as xml:lang on the entry when it is set and differs
	// from the feed's Lang (a record listed in the other language).
	Lang string
	// Published is written as atom:published unless zero.
	Published time.Time
	// Updated is atom:updated. When zero, Published is used; one of the two
	// is required.
	Updated time.Time
	// Summary is plain text, written as <summary type="text"> unless empty
	// (after Facts).
	Summary string
	// Facts are the facts of the record the summary starts with (its
	// deadline, its place), in the feed's language: "Label: Value", or
	// Value alone without a Label, joined by " · ", then a blank line.
	Facts []Fact
	// Note is a line in the feed's language that a reader sees first, in
	// an entry whose Lang differs from the feed's ("In Swedish."). With
	// a Note, with Facts in such an entry, or with a fact in another
	// language than the feed's, the summary is type="xhtml": the note
	// and the facts in paragraphs marked with the feed's language (a
	// fact's value in its own Lang), then Summary, a paragraph per block
	// of lines, marked with Lang, so that a screen reader speaks each in
	// its own language (type="text" has one language for the whole).
	Note string
	// Categories are area names, each written as <category term="...">;
	// empty names are skipped.
	Categories []string
	// Author is an optional per-entry author name (an addition to the brief);
	// when empty the entry inherits the feed's Author.
	Author string
}

// Fact is one fact of an entry's summary: its Label and its Value, in
// the feed's language; Lang is the language of Value when it is another
// (the record's own text: a place, a speaker), written as a span marked
// with it.
type Fact struct{ Label, Value, Lang string }

// text is the fact as a line of a type="text" summary shows it.
func (f Fact) text() string {
	if f.Label == "" {
		return f.Value
	}
	return f.Label + ": " + f.Value
}

// WriteAtom writes f as an Atom 1.0 document with encoding/xml: UTF-8, the
// Atom namespace as the default namespace, two-space indentation, RFC 3339
// timestamps in UTC (whole seconds), entries in the order given. It checks f
// first and writes nothing when f is invalid.
func WriteAtom(w io.Writer, f Feed) error {
	if err := f.check(); err != nil {
		return err
	}
	updated := f.Updated
	if updated.IsZero() {
		updated = time.Unix(0, 0).UTC() // fixed epoch for an empty feed
		for i := range f.Entries {
			if u := f.Entries[i].updated(); u.After(updated) {
				updated = u
			}
		}
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	a := atomWriter{enc: xml.NewEncoder(bw)} // shares bw: it is a *bufio.Writer
	a.enc.Indent("", atomIndent)

	feed := xml.Name{Space: atomNS, Local: "feed"}
	var attrs []xml.Attr
	if f.Lang != "" {
		attrs = []xml.Attr{{Name: xml.Name{Space: xmlNS, Local: "lang"}, Value: cleanXML(f.Lang)}}
	}
	a.start(feed, attrs)
	a.text("id", f.ID)
	a.text("title", f.Title)
	a.time("updated", updated)
	if f.Self != "" {
		a.link("self", "application/atom+xml", f.Self)
	}
	if f.Alt != "" {
		a.link("alternate", "text/html", f.Alt)
	}
	if f.Author != "" {
		a.author(f.Author)
	}
	for i := range f.Entries {
		a.entry(&f.Entries[i], f.Lang)
	}
	a.end(feed)
	if a.err != nil {
		return a.err
	}
	if err := a.enc.Flush(); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func (e *Entry) updated() time.Time {
	if e.Updated.IsZero() {
		return e.Published
	}
	return e.Updated
}

func (f *Feed) check() error {
	if f.ID == "" {
		return fmt.Errorf("feeds: atom: feed id is empty")
	}
	if !hasScheme(f.ID) {
		return fmt.Errorf("feeds: atom: feed id %q is not an absolute IRI", f.ID)
	}
	for _, l := range [...]struct{ rel, href string }{{"self", f.Self}, {"alternate", f.Alt}} {
		if l.href != "" && !hasScheme(l.href) {
			return fmt.Errorf("feeds: atom: feed link rel=%s %q is not an absolute URL", l.rel, l.href)
		}
	}
	if f.Author == "" && len(f.Entries) == 0 {
		return fmt.Errorf("feeds: atom: feed %s has no author", f.ID)
	}
	seen := make(map[string]int, len(f.Entries))
	for i := range f.Entries {
		e := &f.Entries[i]
		switch {
		case e.ID == "":
			return fmt.Errorf("feeds: atom: entry %d: id is empty", i)
		case !hasScheme(e.ID):
			return fmt.Errorf("feeds: atom: entry %d: id %q is not an absolute IRI", i, e.ID)
		case e.Link == "":
			return fmt.Errorf("feeds: atom: entry %d (%s): link is empty", i, e.ID)
		case !hasScheme(e.Link):
			return fmt.Errorf("feeds: atom: entry %d (%s): link %q is not an absolute URL", i, e.ID, e.Link)
		case e.updated().IsZero():
			return fmt.Errorf("feeds: atom: entry %d (%s): neither updated nor published is set", i, e.ID)
		case e.Author == "" && f.Author == "":
			return fmt.Errorf("feeds: atom: entry %d (%s): no author and the feed has none", i, e.ID)
		}
		if j, ok := seen[e.ID]; ok {
			return fmt.Errorf("feeds: atom: entries %d and %d have the same id %s", j, i, e.ID)
		}
		seen[e.ID] = i
	}
	return nil
}

// atomWriter streams tokens to an xml.Encoder, keeping the first error.
type atomWriter struct {
	enc   *xml.Encoder
	err   error
	buf   []byte     // scratch for cleaned text and formatted times
	attrs []xml.Attr // scratch attributes; the encoder does not keep them
}

// attr returns the scratch attribute list holding just name=value.
func (a *atomWriter) attr(name, value string) []xml.Attr {
	a.attrs = append(a.attrs[:0], xml.Attr{Name: xml.Name{Local: name}, Value: value})
	return a.attrs
}

func (a *atomWriter) token(t xml.Token) {
	if a.err == nil {
		a.err = a.enc.EncodeToken(t)
	}
}

func (a *atomWriter) start(n xml.Name, attrs []xml.Attr) {
	a.token(xml.StartElement{Name: n, Attr: attrs})
}

func (a *atomWriter) end(n xml.Name) { a.token(xml.EndElement{Name: n}) }

// chars writes s as character data; the encoder escapes it and does not keep
// the slice, so the scratch buffer is reused.
func (a *atomWriter) chars(s string) {
	a.buf = appendCleanXML(a.buf[:0], s)
	a.token(xml.CharData(a.buf))
}

func (a *atomWriter) text(name, s string) {
	n := xml.Name{Local: name}
	a.start(n, nil)
	a.chars(s)
	a.end(n)
}

func (a *atomWriter) time(name string, t time.Time) {
	n := xml.Name{Local: name}
	a.start(n, nil)
	a.buf = t.UTC().Truncate(time.Second).AppendFormat(a.buf[:0], time.RFC3339)
	a.token(xml.CharData(a.buf))
	a.end(n)
}

func (a *atomWriter) link(rel, typ, href string) {
	n := xml.Name{Local: "link"}
	a.attrs = append(a.attr("rel", rel),
		xml.Attr{Name: xml.Name{Local: "type"}, Value: typ},
		xml.Attr{Name: xml.Name{Local: "href"}, Value: cleanXML(href)})
	a.start(n, a.attrs)
	a.end(n)
}

func (a *atomWriter) author(name string) {
	n := xml.Name{Local: "author"}
	a.start(n, nil)
	a.text("name", name)
	a.end(n)
}

func (a *atomWriter) entry(e *Entry, feedLang string) {
	n := xml.Name{Local: "entry"}
	var attrs []xml.Attr
	if e.Lang != "" && e.Lang != feedLang {
		attrs = []xml.Attr{{Name: xml.Name{Space: xmlNS, Local: "lang"}, Value: cleanXML(e.Lang)}}
	}
	a.start(n, attrs)
	a.text("id", e.ID)
	a.text("title", e.Title)
	a.link("alternate", "text/html", e.Link)
	if !e.Published.IsZero() {
		a.time("published", e.Published)
	}
	a.time("updated", e.updated())
	if e.Author != "" {
		a.author(e.Author)
	}
	switch {
	case e.marked(feedLang):
		a.noted(e, feedLang)
	case e.Summary != "" || len(e.Facts) > 0:
		s := xml.Name{Local: "summary"}
		a.start(s, a.attr("type", "text"))
		a.chars(e.plain())
		a.end(s)
	}
	cn := xml.Name{Local: "category"}
	for _, c := range e.Categories {
		if c != "" {
			a.start(cn, a.attr("term", cleanXML(c)))
			a.end(cn)
		}
	}
	a.end(n)
}

// foreign reports whether e is in another language than its feed's.
func (e *Entry) foreign(feedLang string) bool { return e.Lang != "" && e.Lang != feedLang }

// marked reports whether e's summary needs languages marked in it
// (type="xhtml"): its note or facts in the feed's language before text
// in another, or a fact's value in another language than the feed's.
func (e *Entry) marked(feedLang string) bool {
	return e.foreign(feedLang) && (e.Note != "" || len(e.Facts) > 0) ||
		slices.ContainsFunc(e.Facts, func(f Fact) bool { return f.Lang != "" && f.Lang != feedLang && f.Value != "" })
}

// plain is e's summary as type="text": the facts, a blank line, Summary.
func (e *Entry) plain() string {
	if len(e.Facts) == 0 {
		return e.Summary
	}
	lines := make([]string, len(e.Facts))
	for i, f := range e.Facts {
		lines[i] = f.text()
	}
	return strings.TrimSpace(strings.Join(lines, factSep) + "\n\n" + e.Summary)
}

// atomIndent is the indentation of a feed's elements, a level each.
const atomIndent = "  "

// factSep is what the facts of a summary are joined with.
const factSep = " · "

// noted writes the summary of e as XHTML (marked): e.Note and e.Facts
// marked with the feed's language, each fact's value that is in another
// in a span marked with it, then e.Summary marked with e's language. The
// marks are written as xml:lang and as lang: a feed reader shows the div
// inside its own HTML page, where only lang counts.
func (a *atomWriter) noted(e *Entry, feedLang string) {
	s, div, p := xml.Name{Local: "summary"}, xml.Name{Space: xhtmlNS, Local: "div"}, xml.Name{Local: "p"}
	foreign := e.foreign(feedLang)
	var feedAttrs []xml.Attr // the feed's language, where the entry's is another
	if foreign {
		feedAttrs = langAttrs(feedLang)
	}
	a.start(s, a.attr("type", "xhtml"))
	a.start(div, nil)
	if e.Note != "" && foreign {
		a.start(p, feedAttrs)
		a.chars(e.Note)
		a.end(p)
	}
	if len(e.Facts) > 0 {
		a.start(p, feedAttrs)
		a.facts(e.Facts, feedLang)
		a.end(p)
	}
	if paras := paragraphs(e.Summary); len(paras) > 0 {
		inner := xml.Name{Local: "div"}
		if foreign {
			a.start(inner, langAttrs(e.Lang))
		}
		for _, para := range paras {
			a.start(p, nil)
			a.chars(para)
			a.end(p)
		}
		if foreign {
			a.end(inner)
		}
	}
	a.end(div)
	a.end(s)
}

// facts writes the facts of a summary inside its paragraph, a value in
// another language than feedLang in a span marked with it. The spans
// are written without indentation: a paragraph's text is written as it
// is read, and white space before a span would be text of it.
func (a *atomWriter) facts(facts []Fact, feedLang string) {
	a.enc.Indent("", "")
	defer a.enc.Indent("", atomIndent)
	span := xml.Name{Local: "span"}
	text := ""
	for i, f := range facts {
		if i > 0 {
			text += factSep
		}
		if f.Label != "" {
			text += f.Label + ": "
		}
		if f.Lang == "" || f.Lang == feedLang {
			text += f.Value
			continue
		}
		a.chars(text)
		text = ""
		a.start(span, langAttrs(f.Lang))
		a.chars(f.Value)
		a.end(span)
	}
	if text != "" {
		a.chars(text)
	}
}

// langAttrs marks an XHTML element with lang, or with nothing when lang is "".
func langAttrs(lang string) []xml.Attr {
	if lang == "" {
		return nil
	}
	lang = cleanXML(lang)
	return []xml.Attr{{Name: xml.Name{Space: xmlNS, Local: "lang"}, Value: lang}, {Name: xml.Name{Local: "lang"}, Value: lang}}
}

// paragraphs splits plain text at its blank lines, as a reader of the
// type="text" summary sees its paragraphs; blank paragraphs are dropped.
func paragraphs(text string) []string {
	var paras []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			paras = append(paras, para)
		}
	}
	return paras
}
