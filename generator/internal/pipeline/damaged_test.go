package pipeline

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"portal/generator/internal/diag"
)

// TestDamagedImage builds the fixture with JPEGs that pass the check
// (their header and end marker are there) but hold too little image data
// to decode their variants: the build fails with every one of them, each
// at the place in the body that shows it, in the language asked for, not
// with the decoder's error (it stopped at the first), and public/ is left
// as it was.
func TestDamagedImage(t *testing.T) {
	dir, agreements := basicWithMap(t)
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 1000, 500)), nil)
	short := append(b.Bytes()[:b.Len()/2:b.Len()/2], 0xFF, 0xD9)
	os.Remove(filepath.Join(agreements, "karta.png"))
	for _, name := range []string{"foto.jpg", "bild.jpg"} {
		if err := os.WriteFile(filepath.Join(agreements, name), short, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := os.OpenFile(filepath.Join(agreements, "mou.md"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\nSe  ![Foto](foto.jpg)\n\n![Bild](bild.jpg)\n")
	f.Close()
	for _, c := range []struct {
		lang diag.Lang
		want string
	}{
		{diag.English, `content/agreements/mou.md:20:13: image "foto.jpg" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again` + "\n" +
			`content/agreements/mou.md:22:9: image "bild.jpg" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`},
		{diag.Swedish, `content/agreements/mou.md:20:13: bilden "foto.jpg" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den` + "\n" +
			`content/agreements/mou.md:22:9: bilden "bild.jpg" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`},
	} {
		for _, stream := range []bool{false, true} {
			public := filepath.Join(t.TempDir(), "public")
			os.MkdirAll(public, 0o755)
			os.WriteFile(filepath.Join(public, "index.html"), []byte("före"), 0o644)
			l, err := Load(fixture(t, dir), Options{Now: testNow, Stream: stream})
			if err != nil {
				t.Fatalf("check refused the image: %v", err)
			}
			_, err = l.Write(context.Background(), public)
			list, ok := diag.AsList(err)
			if got := strings.Join(list.LinesIn(c.lang), "\n"); !ok || got != c.want {
				t.Errorf("stream=%v: build error %v\nwant %s", stream, err, c.want)
			}
			ents, _ := os.ReadDir(public)
			if was, _ := os.ReadFile(filepath.Join(public, "index.html")); string(was) != "före" || len(ents) != 1 {
				t.Errorf("stream=%v: public/ changed: %d files, index.html %q", stream, len(ents), was)
			}
		}
	}
}
