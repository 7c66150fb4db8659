package content

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"
)

// pngFile is a PNG image of w×h pixels.
func pngFile(w, h int) string {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.String()
}

// TestImages checks the images a body shows: a PNG, JPEG or WebP file
// beside the record, with a text, within the limits; every other image is
// an error where the body names it, and a file beside the record that no
// body shows is still a stray.
func TestImages(t *testing.T) {
	const p = "content/theses/a.md"
	const en = "content/theses/a.en.md"
	withBody := func(text string) string { return "+++\n" + thesis + "\n+++\n\n" + text }
	png := pngFile(1000, 500)
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
		names []string // images of the record's own version
	}{
		{"beside the record", map[string]string{p: withBody("![Karta](karta.png)\n\n![Karta igen](karta.png)\n"), "content/theses/karta.png": png},
			nil, []string{"karta.png"}},
		{"in the translation", map[string]string{p: rec(thesis), en: "+++\ntitle = \"x\"\n+++\n\n![Map](karta.png)\n", "content/theses/karta.png": png},
			nil, nil},
		{"site path left to the site", map[string]string{p: withBody("![Logo](/logo.png)\n")}, nil, nil},
		// The image another record shows, at its address: published with
		// alt="" for want of a text, as check said nothing.
		{"site path without alt", map[string]string{p: withBody("![](/exjobb/b/karta.png)\n")},
			[]string{p + `:11:5: image "/exjobb/b/karta.png" needs a text for those who cannot see it: write ![what the image shows](/exjobb/b/karta.png)`}, nil},
		{"without alt", map[string]string{p: withBody("Text ![](karta.png) och ![ ](karta.png)\n"), "content/theses/karta.png": png},
			[]string{
				p + `:11:10: image "karta.png" needs a text for those who cannot see it: write ![what the image shows](karta.png)`,
				p + `:11:30: image "karta.png" needs a text for those who cannot see it: write ![what the image shows](karta.png)`,
			}, nil},
		{"columns in characters", map[string]string{p: withBody("Åäö ![](karta.png)\n"), "content/theses/karta.png": png},
			[]string{p + `:11:9: image "karta.png" needs a text for those who cannot see it: write ![what the image shows](karta.png)`}, nil},
		{"missing", map[string]string{p: withBody("![Karta](karta.png)\n")},
			[]string{p + `:11:10: image "karta.png" not found beside the record; check the name, or put the file in the same folder`}, nil},
		{"external", map[string]string{p: withBody("![Karta](https://example.org/karta.png)\n\n![Karta](//example.org/k.png)\n")},
			[]string{
				p + `:11:10: image "https://example.org/karta.png" is not on this site, which shows only its own images; save the file beside the record and write its name`,
				p + `:13:10: image "//example.org/k.png" is not on this site, which shows only its own images; save the file beside the record and write its name`,
			}, nil},
		{"data: URL", map[string]string{p: withBody("![Punkt](data:image/png;base64," + strings.Repeat("A", 100) + ")\n")},
			[]string{p + `:11:10: image "data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…" is not on this site, which shows only its own images; save the file beside the record and write its name`}, nil},
		{"reference image", map[string]string{p: withBody("![Karta][k]\n\n[k]: https://example.org/k.png\n")},
			[]string{p + `:11:1: image "https://example.org/k.png" is not on this site, which shows only its own images; save the file beside the record and write its name`}, nil},
		{"path", map[string]string{p: withBody("![Karta](../agreements/k.png)\n")},
			[]string{p + `:11:10: image "../agreements/k.png" must be the name of a file beside the record, not a path`}, nil},
		{"name with a space", map[string]string{p: withBody("![Karta](<min karta.png>)\n")},
			[]string{p + `:11:11: image "min karta.png": an image's file name has only letters a-z and A-Z, digits, - _ and .; rename the file`}, nil},
		{"name in upper case", map[string]string{p: withBody("![Karta](Karta_2.PNG)\n"), "content/theses/Karta_2.PNG": png},
			nil, []string{"Karta_2.PNG"}},
		{"SVG", map[string]string{p: withBody("![Karta](karta.svg)\n"), "content/theses/karta.svg": "<svg/>"},
			[]string{
				p + `:11:10: image "karta.svg": SVG is not published (a browser opened on it alone runs it as a document); save it as PNG`,
			}, nil},
		{"too large", map[string]string{p: withBody("![Karta](karta.png)\n"), "content/theses/karta.png": pngFile(4001, 1)},
			[]string{p + `:11:10: image "karta.png" is 4001×1 pixels; the limit is 4000×4000: make it smaller`}, nil},
		// Its 800-pixel variant, name-800w.png, is a name over 255 bytes:
		// check passed it, and build failed with "file name too long".
		{"name too long", map[string]string{p: withBody("![Karta](" + strings.Repeat("k", 247) + ".png)\n"), "content/theses/" + strings.Repeat("k", 247) + ".png": png},
			[]string{p + `:11:10: image "` + strings.Repeat("k", 60) + `…" has a name longer than 100 characters; rename the file`}, nil},
		{"stray image", map[string]string{p: withBody("Text.\n"), "content/theses/karta.png": png},
			[]string{`content/theses/karta.png:1:1: file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record`}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			set, got := load(t, mapFS(c.files))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if len(c.want) > 0 {
				return
			}
			var names []string
			for _, img := range set.Records[0].Versions[0].Images {
				names = append(names, img.Name)
				if img.Path != "content/theses/"+img.Name || img.Width != 1000 || img.Height != 500 || img.Format != "png" {
					t.Errorf("image %+v", img)
				}
			}
			if !slices.Equal(names, c.names) {
				t.Errorf("images %q, want %q", names, c.names)
			}
		})
	}
}

// TestLoadHostileBodies loads bodies near the 1 MiB limit built to make
// the image and placeholder checks slow: each must finish in seconds,
// with positioned errors.
func TestLoadHostileBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const budget = MaxFileSize - 1024
	head := "+++\n" + thesis + "\n+++\n\n"
	numbered := func(format string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; b.Len() < budget-64; i++ {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	fill := func(unit string) string { return head + strings.Repeat(unit, (budget-len(head))/len(unit)) }
	cfg := testConfig(t)
	for name, body := range map[string]string{
		"many missing images":    numbered("![](a%d.png)\n"),
		"one image many times":   fill("![a](a.png) "),
		"many external images":   numbered("![x](https://example.org/%d.png)\n"),
		"nested image brackets":  fill("![["),
		"many placeholder lines": fill("TODO: x\n"),
		"many reference images":  numbered("![x][r%d]\n") + "\n[r1]: https://x/\n",
	} {
		t.Run(name, func(t *testing.T) {
			limit := 60 * time.Second // a watchdog against hangs, as in TestLoadHostile
			if raceEnabled {
				limit *= 10
			}
			checkLoad(t, cfg, map[string]string{"content/theses/a.md": body, "content/theses/a.png": pngFile(2, 2)}, limit)
		})
	}
}
