package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// The escaping functions of html/template, as the fast path calls them:
// the same output for every value it handles, which TestFastEscapers
// checks on random text in every context.

// copiedEscapers are the escapers of html/template that the fast path
// runs itself, in escapeText; a template with another (which
// html/template inserts in contexts the site's templates do not use:
// scripts, styles, comments, srcset, ...) is executed by html/template.
// TestEscaperSet fails when the escapers html/template inserts are not
// these and the known others (handedBackEscapers).
func copiedEscapers() []string {
	return []string{
		"_html_template_attrescaper", "_html_template_htmlescaper", "_html_template_htmlnamefilter",
		"_html_template_jsvalescaper", "_html_template_rcdataescaper", "_html_template_urlescaper",
		"_html_template_urlfilter", "_html_template_urlnormalizer",
	}
}

// copied reports whether name is one of copiedEscapers.
func copied(name string) bool { return slices.Contains(copiedEscapers(), name) }

// escape applies the html/template escaping function name to v, for the
// values html/template would pass through stringify unchanged: strings and
// the content types, integers and booleans.
func (s *execState) escape(name string, v reflect.Value) string {
	str, typ := s.text(v)
	return s.escapeText(name, str, typ)
}

// The types html/template knows the content of.
var (
	stringType   = reflect.TypeFor[string]()
	htmlType     = reflect.TypeFor[template.HTML]()
	htmlAttrType = reflect.TypeFor[template.HTMLAttr]()
	jsType       = reflect.TypeFor[template.JS]()
	urlType      = reflect.TypeFor[template.URL]()
)

// text is html/template's stringify of one value: its text, and its
// content type ("" for plain text).
func (s *execState) text(v reflect.Value) (str, typ string) {
	v = indirectInterface(v)
	switch v.Kind() {
	case reflect.String:
		str = v.String()
		switch v.Type() {
		case stringType:
		case htmlType:
			typ = "html"
		case htmlAttrType:
			typ = "attr"
		case jsType:
			typ = "js"
		case urlType:
			typ = "url"
		default:
			if v.Type().Implements(fmtStringerType) || v.Type().Implements(errorType) ||
				v.Type().PkgPath() == "html/template" {
				s.fail("escaping a %s", v.Type())
			}
			// A named string type (site.PageType): printed as its text.
		}
	case reflect.Int:
		str = strconv.FormatInt(v.Int(), 10)
	case reflect.Bool:
		str = strconv.FormatBool(v.Bool())
	default:
		s.fail("escaping a %s", v.Kind())
	}
	return str, typ
}

// escapeText applies the escaping function name to text of content type typ.
func (s *execState) escapeText(name, str, typ string) string {
	switch name {
	case "_html_template_htmlescaper":
		if typ == "html" {
			return str
		}
		return htmlReplace(str, &htmlTable)
	case "_html_template_attrescaper":
		if typ == "html" {
			s.fail("HTML in an attribute")
		}
		return htmlReplace(str, &htmlTable)
	case "_html_template_rcdataescaper":
		if typ == "html" {
			return htmlReplace(str, &htmlNormTable)
		}
		return htmlReplace(str, &htmlTable)
	case "_html_template_htmlnamefilter":
		if typ == "attr" {
			return str
		}
	case "_html_template_urlfilter":
		if typ == "url" || isSafeURL(str) {
			return str
		}
		return "#ZgotmplZ"
	case "_html_template_urlnormalizer":
		return processURL(str, true)
	case "_html_template_urlescaper":
		return processURL(str, typ == "url")
	case "_html_template_jsvalescaper":
		if typ == "js" {
			return str
		}
	}
	s.fail("escaper %s of %q", name, typ)
	return ""
}

var fmtStringerType = reflect.TypeFor[fmt.Stringer]()

// The replacement tables of html/template (html.go): htmlTable for text
// and quoted attribute values, htmlNormTable without '&'.
var (
	htmlTable = [...]string{
		0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
	}
	htmlNormTable = [...]string{
		0: "\uFFFD", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
	}
)

// htmlReplace is html/template's htmlReplacer with badRunes set: only the
// characters of the table are replaced. They are ASCII, and no byte of a
// multi-byte UTF-8 sequence is, so s is read a byte at a time.
func htmlReplace(s string, table *[len(htmlTable)]string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; int(c) < len(table) && table[c] != "" {
			if written == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[written:i])
			b.WriteString(table[c])
			written = i + 1
		}
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// isSafeURL is html/template's: a relative URL or one of http, https, mailto.
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// processURL is html/template's URL normalizer (norm) or escaper.
func processURL(s string, norm bool) string {
	var b []byte
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if b == nil {
			b = make([]byte, 0, len(s)+16)
		}
		b = append(b, s[written:i]...)
		b = append(b, '%', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		written = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[written:]...))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
