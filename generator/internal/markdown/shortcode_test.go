package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestShortcodes checks that a Hugo shortcode in a body is found at its
// line and column, and one in code is not.
func TestShortcodes(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"none", "Text {{ not one }} and {x}.\n", nil},
		{"figure", "Se kartan:\n\n{{< figure src=\"karta.png\" >}}\n", []string{`12:1 {{< figure src="karta.png" >}}`}},
		{"two on a line, and ref", "A [x]({{< ref \"a.md\" >}}) {{% note %}}\r\n", []string{`10:7 {{< ref "a.md" >}}`, `10:27 {{% note %}}`}},
		{"never closed", "x {{< figure\n", []string{`10:3 {{< figure`}},
		{"in code", "`{{< x >}}`\n\n```\n{{< y >}}\n```\n\n~~~~\n{{% z %}}\n~~~~\n", nil},
		// Code spans as CommonMark pairs them: a run of backticks is
		// closed by the next run of the same length, and one that none
		// closes is a backtick like any other.
		{"in a span of two backticks", "Skriv `` {{< x >}} `` så.\n", nil},
		{"a span of two holding one backtick", "``a`b {{< x >}}``\n", nil},
		{"after a lone backtick", "Ett ` och {{< x >}}\n", []string{"10:11 {{< x >}}"}},
		{"after a span of two", "``kod`` {{< x >}}\n", []string{"10:9 {{< x >}}"}},
		{"after an escaped backtick", "\\` {{< x >}}\n", []string{"10:4 {{< x >}}"}},
		{"a span closed later in the line", "`a {{< x >}} b` {{< y >}}\n", []string{"10:17 {{< y >}}"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, s := range Shortcodes([]byte(c.src), 10) {
				got = append(got, fmt.Sprintf("%d:%d %s", s.Line, s.Col, s.Text))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzShortcodes: any body is read without a panic, and each shortcode
// found starts with "{{" at its line and column.
func FuzzShortcodes(f *testing.F) {
	for _, s := range []string{"`{{< x >}}`", "`` {{< x >}} ``", "\\` {{% y %}}", "```\n{{< z >}}\n```\n{{< w", "a ``` b `` {{< x >}} ``` c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Split(src, "\n")
		for _, s := range Shortcodes([]byte(src), 1) {
			if l := lines[s.Line-1]; !strings.HasPrefix(l[s.Col-1:], "{{") || !strings.HasPrefix(l[s.Col-1:], strings.TrimRight(s.Text, "\r")) {
				t.Fatalf("%d:%d %q is not at %q", s.Line, s.Col, s.Text, l)
			}
		}
	})
}
