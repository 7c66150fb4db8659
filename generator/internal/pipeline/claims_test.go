package pipeline

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/diag"
)

// TestClaimedAreWritten checks that the site model claims exactly the
// files a build writes, for the fixture and the shipped site: links to
// each of them are accepted, and a second claim of any is an error.
func TestClaimedAreWritten(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"testdata/sites/basic", repo} {
		b := buildFixture(t, fixture(t, dir))
		written := claimable(slices.Sorted(maps.Keys(b.files)))
		if claimed := b.l.Site.Paths(); !slices.Equal(claimed, written) {
			t.Errorf("%s: claimed:\n%s\nwritten:\n%s", dir, strings.Join(claimed, "\n"), strings.Join(written, "\n"))
		}
	}
}

// claimable drops from written the files in the subfolders of a search
// folder, which are the search index's alone (see site.SearchDir): only
// its manifest is claimed.
func claimable(written []string) []string {
	return slices.DeleteFunc(written, func(p string) bool {
		_, rest, ok := strings.Cut(p, "search/")
		return ok && strings.Contains(rest, "/") && (p == "search/"+rest || p == "en/search/"+rest)
	})
}

// TestImagesClaimedAndWritten adds an image to bodies of the fixture:
// the image and its variant are claimed and written beside each page
// that shows it, in both build modes, but not beside a confidential
// agreement's page; an image that would take the URL of an attachment
// is an error where the body shows it.
func TestImagesClaimedAndWritten(t *testing.T) {
	dir, agreements := basicWithMap(t)
	for _, name := range []string{"mou.md", "mou.en.md", "hemligt.md"} {
		f, _ := os.OpenFile(filepath.Join(agreements, name), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("\n![Karta](karta.png)\n")
		f.Close()
	}
	for _, stream := range []bool{false, true} {
		l, err := Load(fixture(t, dir), Options{Now: testNow, Stream: stream})
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		if _, err := l.Write(context.Background(), out); err != nil {
			t.Fatal(err)
		}
		written := claimable(slices.Sorted(maps.Keys(tree(t, out))))
		if claimed := l.Site.Paths(); !slices.Equal(claimed, written) {
			t.Errorf("stream=%v: claimed:\n%s\nwritten:\n%s", stream, strings.Join(claimed, "\n"), strings.Join(written, "\n"))
		}
		var images []string
		for _, p := range written {
			if strings.Contains(p, "karta") {
				images = append(images, p)
			}
		}
		want := []string{"avtal/mou/karta-800w.png", "avtal/mou/karta.png", "en/agreements/mou/karta-800w.png", "en/agreements/mou/karta.png"}
		if !slices.Equal(images, want) {
			t.Errorf("stream=%v: images %q, want %q", stream, images, want)
		}
	}

	imageClaimedInSwedish(t, dir)

	mou := filepath.Join(agreements, "mou.md")
	b, _ := os.ReadFile(mou)
	os.WriteFile(mou, bytes.Replace(b, []byte(`attachment = "mou.pdf"`), []byte(`attachment = "karta.png"`), 1), 0o644)
	os.Remove(filepath.Join(agreements, "mou.pdf"))
	_, err := Load(fixture(t, dir), Options{Now: testNow})
	const msg = `content/agreements/mou.en.md:7:10: image "karta.png" would be published at /en/agreements/mou/karta.png, which is already used by the attachment of content/agreements/mou.md; rename the image
content/agreements/mou.md:20:10: image "karta.png" would be published at /avtal/mou/karta.png, which is already used by the attachment of content/agreements/mou.md; rename the image`
	if err == nil || err.Error() != msg {
		t.Errorf("image at an attachment's URL: %v\nwant\n%s", err, msg)
	}
}

// imageClaimedInSwedish adds aliases inside the image of the fixture at
// dir (and its variant) to a record: each is an error that names the
// image as the claimant, in Swedish under a Swedish locale.
func imageClaimedInSwedish(t *testing.T, dir string) {
	t.Helper()
	en := filepath.Join(dir, "content", "theses", "energidata.en.md")
	b, _ := os.ReadFile(en)
	os.WriteFile(en, bytes.Replace(b, []byte(`aliases = ["/en/theses/old-energy/"]`),
		[]byte(`aliases = ["/avtal/mou/karta.png/", "/avtal/mou/karta-800w.png/"]`), 1), 0o644)
	defer os.WriteFile(en, b, 0o644)
	_, err := Load(fixture(t, dir), Options{Now: testNow})
	list, _ := diag.AsList(err)
	const want = `content/theses/energidata.en.md:3:12: aliases: adressen /avtal/mou/karta.png/ skulle bli en sida i /avtal/mou/karta.png, som redan används av bilden karta.png i content/agreements/mou.md – ta bort den här
content/theses/energidata.en.md:3:37: aliases: adressen /avtal/mou/karta-800w.png/ skulle bli en sida i /avtal/mou/karta-800w.png, som redan används av den 800 bildpunkter breda versionen av bilden karta.png i content/agreements/mou.md – ta bort den här`
	if got := strings.Join(list.LinesIn(diag.Swedish), "\n"); got != want {
		t.Errorf("aliases inside an image: got\n%s\nwant\n%s", got, want)
	}
}

// basicWithMap is a copy of the basic fixture with an image, karta.png,
// beside the agreements (in the folder agreements), which no body shows.
func basicWithMap(t *testing.T) (dir, agreements string) {
	t.Helper()
	dir = t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/sites/basic")); err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 1000, 500)))
	agreements = filepath.Join(dir, "content", "agreements")
	if err := os.WriteFile(filepath.Join(agreements, "karta.png"), img.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, agreements
}
