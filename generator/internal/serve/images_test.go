package serve

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestImageShownMatchesBuild checks that a body that comes to show an
// image beside its record, an edit that changes its version's images (a
// new output), gives a new model: an edit in place would render the body
// without the image's size and leave the image unpublished for it.
func TestImageShownMatchesBuild(t *testing.T) {
	root := fixture(t)
	write(t, root, "content/theses/karta.png", pngOf(t, 40, 20))
	edit(t, root, "content/theses/energidata.md", "Vi söker", "![Karta](karta.png)\n\nVi söker")
	e := newTestEngine(t, root)
	edit(t, root, "content/theses/energidata.en.md", "We are", "![Map](karta.png)\n\nWe are")
	res := mustUpdate(t, e, "content/theses/energidata.en.md")
	if len(res.Errs) > 0 {
		t.Fatal(res.Errs)
	}
	if !res.Full {
		t.Error("full = false, want a new model")
	}
	matchesBuild(t, e, root, "image shown")
}

// TestImageReplacedMatchesBuild checks that an image beside a record
// replaced by another of the same name (new sizes, a variant that comes,
// changes or goes) is published anew with the body that shows it: the
// body's HTML holds the sizes, so the one kept from the last update,
// whose Markdown did not change, must not be served again. In a folder
// and in memory.
func TestImageReplacedMatchesBuild(t *testing.T) {
	const (
		rec = "content/theses/energidata.md"
		img = "content/theses/karta.png"
	)
	for _, store := range bothStores() {
		t.Run(store.name, func(t *testing.T) {
			root := fixture(t)
			write(t, root, img, pngOf(t, 40, 20))
			edit(t, root, rec, "Vi söker", "![Karta](karta.png)\n\nVi söker")
			e := builtEngine(t, root, store.new(t))
			for _, s := range []struct {
				name          string
				width, height int // 0: the image deleted
			}{
				{"resized", 80, 30},
				{"with a variant", 1600, 900},
				{"its variant resized", 1700, 500},
				{"its variant gone", 300, 500},
				{"deleted", 0, 0},
				{"back", 1300, 500},
			} {
				if s.width == 0 {
					os.Remove(filepath.Join(root, img))
				} else {
					write(t, root, img, pngOf(t, s.width, s.height))
				}
				res := mustUpdate(t, e, img)
				if s.width == 0 {
					if len(res.Errs) != 1 || !strings.Contains(res.Errs[0].Error(), `image "karta.png" not found beside the record`) {
						t.Fatalf("%s: problems %v, want the missing image", s.name, res.Errs)
					}
					continue
				}
				if len(res.Errs) > 0 || !slices.Contains(res.Changed, "/exjobb/energidata/") {
					t.Errorf("%s: problems %v, changed %v: want the record's page", s.name, res.Errs, res.Changed)
				}
				matchesBuild(t, e, root, s.name)
			}
		})
	}
}

// TestImageReplacedWhilePending checks that an image replaced while the
// later batches of an update are still to be written (the edit of
// another record moved it in its list) is taken in by the next update:
// that update writes those batches first, and the variant of the image
// that the last model names cannot be made from the file any more (it
// has other sizes). The update used to return that error before it read
// the paths it was given, so the image was never read again and every
// update after failed the same way. In a folder and in memory.
func TestImageReplacedWhilePending(t *testing.T) {
	const (
		rec   = "content/theses/energidata.md"
		other = "content/theses/trafikfloden.md"
		img   = "content/theses/karta.png"
	)
	for _, store := range bothStores() {
		for _, size := range []struct {
			name          string
			width, height int
		}{
			{"without a variant", 40, 20},
			{"its variant resized", 1700, 500},
		} {
			t.Run(store.name+"/"+size.name, func(t *testing.T) {
				root := fixture(t)
				write(t, root, img, pngOf(t, 1600, 900))
				edit(t, root, rec, "Vi söker", "![Karta](karta.png)\n\nVi söker")
				e := builtEngine(t, root, store.new(t))
				edit(t, root, other, "deadline = 2026-11-27", "deadline = 2027-03-01")
				if res, err := e.update([]string{other}); err != nil || len(res.Errs) > 0 || !e.pendingWrites() {
					t.Fatalf("other record moved: %v %v, pending %v: want batches left to write", err, res.Errs, e.pendingWrites())
				}
				write(t, root, img, pngOf(t, size.width, size.height))
				res, err := e.update([]string{img})
				if err != nil || len(res.Errs) > 0 || !res.Full {
					t.Fatalf("image replaced: %v %v, full %v: want a new model", err, res.Errs, res.Full)
				}
				for e.pendingWrites() {
					if _, err := e.finish(); err != nil {
						t.Fatal(err)
					}
				}
				matchesBuild(t, e, root, "image replaced")
			})
		}
	}
}

// pngOf is a grey PNG image of width × height pixels.
func pngOf(t *testing.T, width, height int) string {
	t.Helper()
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, width, height))); err != nil {
		t.Fatal(err)
	}
	return img.String()
}
