package diag

// bidiControl reports whether r is an explicit bidirectional embedding,
// override or isolate, or the end of one.
func bidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// IndexHidden returns the index of the first hidden character of s, or
// -1. A hidden character is one that text never needs and that can make
// it read otherwise than it is written (Trojan Source): a control
// character other than tab and line breaks, or an explicit bidirectional
// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
// reorders the text after it on a page, in a feed reader, a calendar or a
// terminal; or U+FFFE or U+FFFF, which are no characters (a byte order
// mark read the wrong way round) and which XML cannot hold. The marks
// U+200E, U+200F and U+061C, which reorder nothing beyond themselves, are
// not hidden.
//
// It reads bytes rather than runes, since it runs over every body of a
// build. Only a byte below 0x20, 0x7f, or the lead byte 0xc2
// (U+0080–U+009F), 0xe2 (the bidirectional controls) or 0xef (U+FFFE,
// U+FFFF) can start one; no lead byte is ever the continuation of another
// character.
func IndexHidden[T string | []byte](s T) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f:
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return i
			}
		case c == 0x7f:
			return i
		case c == 0xc2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
				return i
			}
		case c == 0xe2:
			if i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xaa && s[i+2] <= 0xae ||
				s[i+1] == 0x81 && s[i+2] >= 0xa6 && s[i+2] <= 0xa9) {
				return i
			}
		case c == 0xef:
			if i+2 < len(s) && s[i+1] == 0xbf && (s[i+2] == 0xbe || s[i+2] == 0xbf) {
				return i
			}
		}
	}
	return -1
}
