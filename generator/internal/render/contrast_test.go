package render

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cssColours reads the custom properties of the first ":root {" block
// after marker in site.css.
func cssColours(t *testing.T, css, marker string) map[string]string {
	t.Helper()
	i := strings.Index(css, marker)
	if i < 0 {
		t.Fatalf("no %q in site.css", marker)
	}
	block := css[i:]
	block = block[strings.Index(block, ":root {"):]
	block = block[:strings.Index(block, "}")]
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6});`).FindAllStringSubmatch(block, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range 3 {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestContrast checks the colour pairs of site.css against WCAG 2.1 AA in
// the light and the dark scheme: 4.5:1 for text, 3:1 for borders that
// identify controls and for the focus indicator.
func TestContrast(t *testing.T) {
	b, err := ReadAsset(os.DirFS("../../../templates"), "site.css") // its parts joined
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	schemes := map[string]map[string]string{
		"light": cssColours(t, css, ":root {"),
		"dark":  cssColours(t, css, "prefers-color-scheme: dark"),
	}
	pairs := []struct {
		fg, bg string
		min    float64
	}{
		{"text", "bg", 4.5}, {"muted", "bg", 4.5}, {"accent", "bg", 4.5}, {"accent-hover", "bg", 4.5},
		{"link-visited", "bg", 4.5}, {"text", "subtle", 4.5}, {"muted", "subtle", 4.5},
		{"accent", "subtle", 4.5}, {"band-text", "band", 4.5}, {"closed-text", "closed-bg", 4.5},
		{"text", "closed-bg", 4.5}, {"lang-text", "lang-bg", 4.5}, {"text", "note-bg", 4.5},
		{"accent", "note-bg", 4.5}, {"text", "warn-bg", 4.5}, {"bg", "accent", 4.5},
		{"line-strong", "bg", 3}, {"focus", "bg", 3}, {"accent", "subtle", 3},
		{"note-line", "note-bg", 3}, {"closed-text", "bg", 3},
	}
	for name, c := range schemes {
		for _, p := range pairs {
			fg, bg := c[p.fg], c[p.bg]
			if fg == "" || bg == "" {
				t.Errorf("%s: no --%s or --%s", name, p.fg, p.bg)
				continue
			}
			if r := contrast(fg, bg); r < p.min {
				t.Errorf("%s: --%s %s on --%s %s: %.2f:1, want at least %.1f:1", name, p.fg, fg, p.bg, bg, r, p.min)
			}
		}
	}
	// Fixed colours outside the custom properties.
	for _, p := range [][2]string{{"#0b0c0c", "#ffbf47"}, {"#ffffff", "#004791"}, {"#ffffff", "#0b2a55"}} {
		if r := contrast(p[0], p[1]); r < 4.5 {
			t.Errorf("%s on %s: %.2f:1", p[0], p[1], r)
		}
	}
}
