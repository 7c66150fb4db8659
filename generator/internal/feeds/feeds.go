// Package feeds writes the machine-readable outputs: Atom feeds (RFC 4287),
// iCalendar (RFC 5545), sitemaps with hreflang alternates (sitemaps.org +
// xhtml:link), robots.txt. Pure functions: input structs in, bytes out.
//
// Nothing here reads the clock, the environment or any package-level mutable
// state: the same input always gives the same bytes. Records are written in
// the order the caller gives them; sorting is the caller's business.
//
// Text is cleaned on the way out rather than rejected: characters that XML 1.0
// forbids (C0 controls other than tab, newline and carriage return, U+FFFE,
// U+FFFF, lone surrogates) and invalid UTF-8 bytes are dropped from Atom and
// sitemap output; iCalendar values lose C0 controls other than tab, DEL and
// invalid UTF-8, and a newline in TEXT becomes the escape \n. Structural mistakes, such as a missing id or
// a relative link, are errors; messages start with "feeds: ", are lowercase
// and have no final period.
package feeds

import (
	"strings"
	"unicode/utf8"
)

// validXMLRune reports whether r is a Char in the XML 1.0 grammar.
func validXMLRune(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// cleanXML returns s without the characters XML 1.0 cannot carry and without
// invalid UTF-8 bytes. It does not allocate when s is already clean.
func cleanXML(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !validXMLRune(r) }) {
		return s
	}
	return string(appendCleanXML(make([]byte, 0, len(s)), s))
}

// appendCleanXML appends s to dst, dropping what cleanXML drops.
func appendCleanXML(dst []byte, s string) []byte {
	return appendXML(dst, s, false)
}

// appendEscapedXML appends s cleaned as by cleanXML and escaped for use in
// XML character data or a double- or single-quoted attribute value: the five
// special characters become entities, and tab, newline and carriage return
// character references (so attribute normalization keeps them).
func appendEscapedXML(dst []byte, s string) []byte {
	return appendXML(dst, s, true)
}

// appendXML copies s to dst in runs, stopping only at bytes that must be
// dropped or, when escape is set, replaced.
func appendXML(dst []byte, s string, escape bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		size := 1
		var repl string
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && (!escape || c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
				i++ // the common case: printable ASCII (or DEL, which XML allows)
				continue
			}
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				// a C0 control XML cannot carry: dropped
			} else if repl = xmlEscape(c); !escape || repl == "" {
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || n > 1) && validXMLRune(r) {
				i += n
				continue
			}
			size = n // an invalid UTF-8 byte or a non-character: dropped
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, repl...)
		i += size
		start = i
	}
	return append(dst, s[start:]...)
}

// xmlEscape returns the entity or character reference that replaces c, or
// "" when c stands for itself.
func xmlEscape(c byte) string {
	if i := strings.IndexByte("&<>\"'\t\n\r", c); i >= 0 {
		return [...]string{"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#x9;", "&#xA;", "&#xD;"}[i]
	}
	return ""
}

// hasScheme reports whether s starts with an RFC 3986 scheme and a colon
// followed by something, as every absolute URI or IRI does. Schemes http and
// https must also name a host ("https://host...").
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 || i == len(s)-1 {
		return false
	}
	for j := range i {
		c := s[j]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case j > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	scheme := s[:i]
	if strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") {
		rest := s[i+1:]
		if !strings.HasPrefix(rest, "//") || len(rest) == 2 || rest[2] == '/' {
			return false
		}
	}
	// No white space or control after the colon.
	return !strings.ContainsFunc(s[i+1:], func(r rune) bool { return r <= ' ' || r == 0x7F })
}
