package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJourneyPlaceholdersAndImages replays an editor's work: new makes a
// thesis; with one placeholder left, check reports it where it is; an
// image without a text is an error, with one the record is clean; build
// publishes the image and its smaller variant beside the page, which
// shows it with its size and srcset.
func TestJourneyPlaceholdersAndImages(t *testing.T) {
	root := checkSite(t, map[string]string{"content/lectures/kartor.en.md": kartorEN})
	const rec = "content/theses/karta-over-cykelvagar.md"
	if code, _, stderr := runCmd(t, "new", "theses", "Karta över cykelvägar", "-root", root, "-now", "2026-03-01"); code != exitOK {
		t.Fatalf("new: %d %s", code, stderr)
	}
	file := filepath.Join(root, filepath.FromSlash(rec))
	edit := func(oldnew ...string) {
		t.Helper()
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for i := 0; i < len(oldnew); i += 2 {
			if !strings.Contains(s, oldnew[i]) {
				t.Fatalf("%s lacks %q:\n%s", rec, oldnew[i], s)
			}
			s = strings.Replace(s, oldnew[i], oldnew[i+1], 1)
		}
		os.WriteFile(file, []byte(s), 0o644)
	}
	check := func(wantCode int, wantStderr string) {
		t.Helper()
		code, _, stderr := runCmd(t, "check", "-root", root, "-now", "2026-03-01")
		if code != wantCode || stderr != wantStderr {
			t.Errorf("check: exit %d\n%s\nwant %d\n%s", code, stderr, wantCode, wantStderr)
		}
	}

	// Every key filled in, the text left as new wrote it.
	edit(`"TODO-area"`, `"energi"`, `"TODO-organisation"`, `"kth"`, `level = "TODO"`, `level = "master"`,
		"credits = 0 ", "credits = 30", "deadline = 2026-03-01", "deadline = 2026-04-30")
	check(exitProblems, rec+`:26:1: the text still holds the placeholder "TODO: Beskriv uppdraget: bakgrund, fråge…" of portal new; replace it`+"\n1 error\n")

	// The text written, with an image without a text.
	img := image.NewNRGBA(image.Rect(0, 0, 1600, 900))
	for y := range 900 {
		for x := range 1600 {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var pngData bytes.Buffer
	png.Encode(&pngData, img)
	os.WriteFile(filepath.Join(root, "content/theses/karta.png"), pngData.Bytes(), 0o644)
	edit("TODO: Beskriv uppdraget", "Kartan över stråken:\n\n![](karta.png)\n\nUppdraget")
	check(exitProblems, rec+`:28:5: image "karta.png" needs a text for those who cannot see it: write ![what the image shows](karta.png)`+"\n1 error\n")

	edit("![](karta.png)", "![Cykelstråk i innerstaden](karta.png)")
	if code, _, stderr := runCmd(t, "check", "-root", root, "-now", "2026-03-01"); code != exitOK {
		t.Fatalf("check with the text: %d\n%s", code, stderr)
	}

	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd(t, "build", "-root", root, "-now", "2026-03-01", "-out", out); code != exitOK {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	dir := filepath.Join(out, "exjobb", "karta-over-cykelvagar")
	if b, err := os.ReadFile(filepath.Join(dir, "karta.png")); err != nil || !bytes.Equal(b, pngData.Bytes()) {
		t.Errorf("karta.png not published as it is: %v", err)
	}
	v, err := os.ReadFile(filepath.Join(dir, "karta-800w.png"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(v)); err != nil || cfg.Width != 800 || cfg.Height != 450 {
		t.Errorf("variant %d×%d %v, want 800×450", cfg.Width, cfg.Height, err)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	want := `<img src="karta.png" alt="Cykelstråk i innerstaden" width="1600" height="900" srcset="karta-800w.png 800w, karta.png 1600w" sizes="(max-width: 800px) 100vw, 800px">`
	if !strings.Contains(string(page), want) {
		t.Errorf("page lacks %s", want)
	}
}
