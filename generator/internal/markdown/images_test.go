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
