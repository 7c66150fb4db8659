package render

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"portal/templates"
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
// identify controls and for the focus indicator. It reads the program's
// templates/, or, when PORTAL_SITE names a site's folder, that site's
// own templates/ laid over them, so that a designer who changes the
// colours in a site of their own has them checked too:
// PORTAL_SITE=/path/to/site go test ./generator/internal/render -run TestContrast
func TestContrast(t *testing.T) {
	fsys := fs.FS(os.DirFS("../../.."))
	if site := os.Getenv("PORTAL_SITE"); site != "" {
		fsys = siteTemplates(t, os.DirFS(site))
	}
	b := assetOf(t, fsys, "site.css") // its parts joined
	for _, p := range contrastProblems(t, string(b)) {
		t.Error(p)
	}
}

// siteTemplates is the site fsys with its templates/ folder laid over the
// program's, as the build reads it.
func siteTemplates(t *testing.T, fsys fs.FS) fs.FS {
	t.Helper()
	merged, errs := Overlay(fsys, templates.FS())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return merged
}

// TestContrastOfSite: a colour a site's own part changes is checked,
// with the message the designer reads.
func TestContrastOfSite(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"the defaults", map[string]string{}, nil},
		{"a pale accent in the site's colour part", map[string]string{"templates/assets/site.css/1-colours.css": strings.Replace(defaultColours(t), "--accent: #004791;", "--accent: #7fa7d0;", 1)},
			[]string{
				"light: --accent #7fa7d0 on --bg #ffffff: 2.52:1, want at least 4.5:1",
				"light: --accent #7fa7d0 on --subtle #f2f5f9: 2.30:1, want at least 4.5:1",
				"light: --accent #7fa7d0 on --note-bg #eef4fb: 2.27:1, want at least 4.5:1",
				"light: --bg #ffffff on --accent #7fa7d0: 2.52:1, want at least 4.5:1",
				"light: --accent #7fa7d0 on --subtle #f2f5f9: 2.30:1, want at least 3.0:1",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"config.toml": &fstest.MapFile{Data: []byte(tinyConfig)}}
			for name, body := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			b := assetOf(t, siteTemplates(t, fsys), "site.css")
			if got := contrastProblems(t, string(b)); !slices.Equal(got, tc.want) {
				t.Errorf("problems\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// defaultColours is the program's colour part of site.css.
func defaultColours(t *testing.T) string {
	t.Helper()
	b, err := fs.ReadFile(templates.FS(), "assets/site.css/1-colours.css")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// contrastProblems lists the colour pairs of css below their minimum
// contrast, light scheme first, in the order of the pairs.
func contrastProblems(t *testing.T, css string) []string {
	t.Helper()
	schemes := []struct {
		name    string
		colours map[string]string
	}{
		{"light", cssColours(t, css, ":root {")},
		{"dark", cssColours(t, css, "prefers-color-scheme: dark")},
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
	var out []string
	for _, s := range schemes {
		for _, p := range pairs {
			fg, bg := s.colours[p.fg], s.colours[p.bg]
			if fg == "" || bg == "" {
				out = append(out, fmt.Sprintf("%s: no --%s or --%s", s.name, p.fg, p.bg))
				continue
			}
			if r := contrast(fg, bg); r < p.min {
				out = append(out, fmt.Sprintf("%s: --%s %s on --%s %s: %.2f:1, want at least %.1f:1", s.name, p.fg, fg, p.bg, bg, r, p.min))
			}
		}
	}
	// Fixed colours outside the custom properties.
	for _, p := range [][2]string{{"#0b0c0c", "#ffbf47"}, {"#ffffff", "#004791"}, {"#ffffff", "#0b2a55"}} {
		if r := contrast(p[0], p[1]); r < 4.5 {
			out = append(out, fmt.Sprintf("%s on %s: %.2f:1", p[0], p[1], r))
		}
	}
	return out
}
