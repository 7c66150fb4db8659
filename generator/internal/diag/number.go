package diag

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Grouped writes n with its digits in groups of three from 1000 on,
// the groups separated by sep, and minus before a negative n: the form
// of the browser's Intl.NumberFormat, which writes "1 234" (sep a
// no-break space, U+00A0) and "−5" (minus U+2212) for "sv", "1,234" and
// "-5" for "en". The site writes its counts with it (the UI strings
// format.group and format.minus), and so do the messages of a Count.
func Grouped(n int, sep, minus string) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		s, sign = s[1:], minus
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(sign) + len(s) + (len(s)-1)/3*len(sep))
	b.WriteString(sign)
	head := (len(s)-1)%3 + 1
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteString(sep)
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Count is an argument of a message that counts things ("wrote %d
// pages"): %d prints it grouped as a reader of the message's language
// expects and as the site writes its counts, "17 500" (a no-break
// space) in Swedish, "17,500" in English. A number that is not a count
// (a year, a line, a value quoted from a file) is passed as an int and
// printed as it is.
type Count int

// In is c as a reader of lang expects it: "17 500" in Swedish (a
// no-break space), "17,500" in English.
func (c Count) In(lang Lang) string {
	if lang == Swedish {
		return Grouped(int(c), "\u00a0", "\u2212")
	}
	return Grouped(int(c), ",", "-")
}

// count is a Count in the language of the message it is printed in.
type count struct {
	n    int
	lang Lang
}

// Format prints c grouped (Grouped) for %d and as fmt prints an int
// for any other verb.
func (c count) Format(s fmt.State, verb rune) {
	if verb != 'd' {
		fmt.Fprintf(s, fmt.FormatString(s, verb), c.n)
		return
	}
	fmt.Fprint(s, Count(c.n).In(c.lang))
}

// Duration is an argument of a message that is a time taken ("total
// 1.481s"): it prints as time.Duration does, with the decimal sign of
// the message's language, "1,481s" in Swedish, as the size beside it
// does ("128,0 MB").
type Duration time.Duration

// In is d as a reader of lang expects it: "1,481s" in Swedish, "1.481s"
// in English.
func (d Duration) In(lang Lang) string {
	s := time.Duration(d).String()
	if lang == Swedish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
