package markdown

import (
	"fmt"
	"slices"
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
