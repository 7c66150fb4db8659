package markdown

import (
	"slices"
	"strings"
	"testing"
)

func TestImages(t *testing.T) {
	src := "Åäö ![En *karta*](karta.png \"titel\")\n\n- ![](<b\\_c.png>)\n\n![Ref][r] `![kod](x.png)`\n\n[r]: https://example.org/r.png\n"
	got := New().Images([]byte(src), 10)
	want := []ImageRef{
		{Dest: "karta.png", Alt: "En karta", Line: 10, Col: 19},
		{Dest: "b_c.png", Alt: "", Line: 12, Col: 8},
		{Dest: "https://example.org/r.png", Alt: "Ref", Line: 14, Col: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Images:\n%+v\nwant\n%+v", got, want)
	}
	if got := New().Images([]byte("No images [a](b.png)."), 1); got != nil {
		t.Errorf("Images without images: %+v", got)
	}
	// A body past the bounds of nesting is not parsed, which could take
	// goldmark seconds (a paragraph of many thousand reference images):
	// it shows no image, as Render shows it as preformatted text.
	for _, src := range []string{
		strings.Repeat(">", MaxBlockDepth+1) + " ![a](x.png)\n",
		strings.Repeat("![x][r]\n", 3000) + "\n[r]: x.png\n",
	} {
		if got := New().Images([]byte(src), 1); got != nil {
			t.Errorf("Images of a body past the bounds (%.20q): %d images", src, len(got))
		}
		if html := New().RenderImages([]byte(src), 1, "", nil, nil).HTML; strings.Contains(string(html), "<img") {
			t.Errorf("RenderImages of a body past the bounds (%.20q) shows an image", src)
		}
	}
}

func TestRenderImages(t *testing.T) {
	images := map[string]Image{
		"karta.png": {Width: 1600, Height: 900, Variant: "karta-800w.png", VariantWidth: 800},
		"liten.jpg": {Width: 300, Height: 200},
	}
	for _, c := range []struct{ src, want string }{
		{"![Karta](karta.png)", `<p><img src="karta.png" alt="Karta" width="1600" height="900" srcset="karta-800w.png 800w, karta.png 1600w" sizes="(max-width: 800px) 100vw, 800px"></p>`},
		{"![Liten](liten.jpg)", `<p><img src="liten.jpg" alt="Liten" width="300" height="200"></p>`},
		{"![Okänd](annan.png)", `<p><img src="annan.png" alt="Okänd"></p>`},
		{"![X](javascript:alert(1))", `<p><img src="" alt="X"></p>`},
	} {
		got := strings.TrimSpace(string(New().RenderImages([]byte(c.src), 1, "", nil, images).HTML))
		if got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}
