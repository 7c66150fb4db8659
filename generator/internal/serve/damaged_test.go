package serve

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"strings"
	"testing"

	"portal/generator/internal/diag"
	"portal/generator/internal/output"
)

// damagedJPEG is a JPEG that passes the check (its header and end marker
// are there) but holds too little image data to decode its variant.
func damagedJPEG(t *testing.T) string {
	t.Helper()
	b := goodJPEG(t)
	return b[:len(b)/2] + "\xff\xd9"
}

func goodJPEG(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 1000, 500)), nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDamagedImages checks that the preview tells every damaged image a
// body shows, each at its place in the body, in both languages, as the
// build does (pipeline.TestDamagedImage): at the first build and after
// an edit that shows them. It told the first one it met alone, as an
// error of its own with the variant's path before it and no place.
func TestDamagedImages(t *testing.T) {
	const rec = "content/theses/energidata.md"
	want := map[diag.Lang]string{
		diag.English: rec + `:16:15: image "foto.jpg" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again` + "\n" +
			rec + `:18:11: image "bild.jpg" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`,
		diag.Swedish: rec + `:16:15: bilden "foto.jpg" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den` + "\n" +
			rec + `:18:11: bilden "bild.jpg" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`,
	}
	for _, first := range []bool{true, false} {
		root := fixture(t)
		var e *engine
		if !first {
			e = newTestEngine(t, root)
		}
		write(t, root, "content/theses/foto.jpg", damagedJPEG(t))
		write(t, root, "content/theses/bild.jpg", damagedJPEG(t))
		edit(t, root, rec, "Vi söker", "Se:   ![Foto](foto.jpg)\n\n  ![Bild](bild.jpg)\n\nVi söker")
		var paths []string
		if first {
			e = newEngine(os.DirFS(root), output.Dir(t.TempDir()), fixedNow)
		} else {
			paths = []string{rec, "content/theses/foto.jpg", "content/theses/bild.jpg"}
		}
		res, err := lastResult(e, paths)
		if err != nil {
			t.Fatalf("first build %v: error %v, want the problems", first, err)
		}
		for lang, w := range want {
			if got := strings.Join(res.Errs.LinesIn(lang), "\n"); got != w {
				t.Errorf("first build %v, %s:\n got %s\nwant %s", first, lang, got, w)
			}
		}
		// Saved again, they are gone from the list.
		write(t, root, "content/theses/foto.jpg", goodJPEG(t))
		write(t, root, "content/theses/bild.jpg", goodJPEG(t))
		if res, err := lastResult(e, []string{"content/theses/foto.jpg", "content/theses/bild.jpg"}); err != nil || len(res.Errs) > 0 {
			t.Errorf("first build %v: mended, error %v, problems %v", first, err, res.Errs)
		}
	}
}

// lastResult updates e with paths and writes every batch: its result is
// the last batch's, whose view the preview shows at the end.
func lastResult(e *engine, paths []string) (result, error) {
	res, err := e.update(paths)
	for err == nil && e.pendingWrites() {
		res, err = e.finish()
	}
	return res, err
}
