package diag

import (
	"fmt"
	"math"
	"testing"
)

// The forms are those of the browser's Intl.NumberFormat, which the
// site's scripts write counts with: (n).toLocaleString("sv") and "en".
func TestGrouped(t *testing.T) {
	for _, c := range []struct {
		n      int
		sv, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{999, "999", "999"},
		{1000, "1\u00a0000", "1,000"},
		{1234, "1\u00a0234", "1,234"},
		{12345, "12\u00a0345", "12,345"},
		{123456, "123\u00a0456", "123,456"},
		{1234567, "1\u00a0234\u00a0567", "1,234,567"},
		{-5, "\u22125", "-5"},
		{-1234, "\u22121\u00a0234", "-1,234"},
		{-123456, "\u2212123\u00a0456", "-123,456"},
		{math.MinInt32, "\u22122\u00a0147\u00a0483\u00a0648", "-2,147,483,648"},
	} {
		if got := Grouped(c.n, "\u00a0", "\u2212"); got != c.sv {
			t.Errorf("Grouped(%d) sv = %q, want %q", c.n, got, c.sv)
		}
		if got := Grouped(c.n, ",", "-"); got != c.en {
			t.Errorf("Grouped(%d) en = %q, want %q", c.n, got, c.en)
		}
	}
}

// A Count prints grouped for %d alone; %v and %x print the int.
func TestCountVerbs(t *testing.T) {
	for _, c := range []struct {
		format string
		lang   Lang
		want   string
	}{
		{"%d", Swedish, "12\u00a0345"},
		{"%d", English, "12,345"},
		{"%v", Swedish, "12345"},
		{"%x", English, "3039"},
	} {
		if got := fmt.Sprintf(c.format, count{12345, c.lang}); got != c.want {
			t.Errorf("%s in %v: %q, want %q", c.format, c.lang, got, c.want)
		}
	}
}
