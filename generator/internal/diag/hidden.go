package diag

// Hidden reports whether r is a character that text never needs and that
// can make it read otherwise than it is written (Trojan Source): a control
// character other than tab and line breaks, or an explicit bidirectional
// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
// reorders the text after it on a page, in a feed reader, a calendar or a
// terminal. The marks U+200E, U+200F and U+061C, which reorder nothing
// beyond themselves, are not hidden.
func Hidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	}
	return bidiControl(r)
}

// bidiControl reports whether r is an explicit bidirectional embedding,
// override or isolate, or the end of one.
func bidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
