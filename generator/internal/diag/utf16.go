package diag

import "bytes"

// IsUTF16 reports whether src is a text saved as UTF-16 (Windows'
// Notepad's "Unicode"): it starts with the byte order mark of UTF-16, or
// each of its first characters (up to four) is ASCII with a NUL byte
// before or after it, which no UTF-8 text has. Such a file is told so
// (FileUTF16) at its top, not where its first letter outside ASCII or
// its first NUL happens to be.
func IsUTF16(src []byte) bool {
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		return true
	}
	n := min(len(src), 8) &^ 1
	if n == 0 {
		return false
	}
	le, be := true, true
	for i := 0; i < n; i += 2 {
		le = le && src[i] != 0 && src[i] < 0x80 && src[i+1] == 0
		be = be && src[i] == 0 && src[i+1] != 0 && src[i+1] < 0x80
	}
	return le || be
}
