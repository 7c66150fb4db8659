package main

import (
	"bytes"
	"context"
	"html"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/serve"
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
		editFile(t, file, oldnew...)
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

// TestJourneyEveryProblemAtOnce replays the editor, in Swedish
// and in English (the language from the environment, as the editor's
// terminal sets it): new makes a thesis; the editor fills it in with a
// typo in a key, a date that does not exist and the placeholder text left;
// one check run reports all three, positioned, in the editor's language;
// fixed, check says so, the preview serves the page and build publishes it.
func TestJourneyEveryProblemAtOnce(t *testing.T) {
	const rec = "content/theses/solceller-pa-skolor.md"
	for _, c := range []struct {
		lang       string
		env        map[string]string
		wrote      string
		problems   []string
		clean      string
		home       string // the home page in the language
		previewSay string // what the overlay says before the fix
	}{
		{"sv", map[string]string{"LANG": "sv_SE.UTF-8"},
			"skrev " + rec + ": ersätt varje TODO; check visar vad som återstår",
			[]string{
				rec + ":8:12: deadline: 2027-02-30 finns inte – februari 2027 har 28 dagar",
				rec + `:11:1: okänd nyckel "sumary" – menade du "summary"?`,
				rec + `:26:1: texten innehåller fortfarande platshållaren "TODO: Beskriv uppdraget: bakgrund, fråge…" från portal new – ersätt den med din egen text`,
				"3 fel",
			},
			"inga fel: 5 filer kontrollerade, 0 fel, 0 varningar",
			"/", "<h2>3 problem i källfilerna</h2>"},
		{"en", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"},
			"wrote " + rec + ": replace every TODO; check lists what is left",
			[]string{
				rec + ":8:12: deadline: 2027-02-30 does not exist – February 2027 has 28 days",
				rec + `:11:1: unknown key "sumary" (did you mean "summary"?)`,
				rec + `:26:1: the text still holds the placeholder "TODO: Beskriv uppdraget: bakgrund, fråge…" of portal new; replace it`,
				"3 errors",
			},
			"ok: 5 files checked, 0 errors, 0 warnings",
			"/en/", "<h2>3 problems in the sources</h2>"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			root := checkSite(t, map[string]string{"content/lectures/kartor.en.md": kartorEN})
			cmd := func(args ...string) (int, string, string) {
				t.Helper()
				return runCmdEnv(t, c.env, append(args, "-root", root, "-now", "2026-03-01")...)
			}
			if code, stdout, stderr := cmd("new", "theses", "Solceller på skolor"); code != exitOK || stdout != c.wrote+"\n" {
				t.Fatalf("new: %d %q %q", code, stdout, stderr)
			}
			file := filepath.Join(root, filepath.FromSlash(rec))
			editFile(t, file, `"TODO-area"`, `"energi"`, `"TODO-organisation"`, `"kth"`, `level = "TODO"`, `level = "master"`,
				"credits = 0 ", "credits = 30", "deadline = 2026-03-01", "deadline = 2027-02-30",
				`# summary = ""`, `sumary = "Solceller på taken"`)

			code, stdout, stderr := cmd("check")
			if want := strings.Join(c.problems, "\n") + "\n"; code != exitProblems || stderr != want || stdout != "" {
				t.Errorf("check: exit %d\n%s%s\nwant %d\n%s", code, stdout, stderr, exitProblems, want)
			}
			// The preview shows the problems on the page, in its language.
			p := preview(t, root)
			if page := p.get(t, c.home); !strings.Contains(page, c.previewSay) || !strings.Contains(page, c.problems[0]) {
				t.Errorf("preview of %s before the fix lacks %q and %q", c.home, c.previewSay, c.problems[0])
			}

			editFile(t, file, "deadline = 2027-02-30", "deadline = 2027-02-26", "sumary =", "summary =",
				"TODO: Beskriv uppdraget", "Skolans tak har plats för solceller. Uppdraget")
			code, stdout, stderr = cmd("check")
			if code != exitOK || stdout != c.clean+"\n" || stderr != "" {
				t.Errorf("check after the fix: exit %d %q %q, want %q", code, stdout, stderr, c.clean)
			}
			p.waitFor(t, "/exjobb/solceller-pa-skolor/", "Skolans tak har plats för solceller.")

			out := filepath.Join(t.TempDir(), "public")
			if code, _, stderr := cmd("build", "-out", out); code != exitOK {
				t.Fatalf("build: %d\n%s", code, stderr)
			}
			page, err := os.ReadFile(filepath.Join(out, "exjobb", "solceller-pa-skolor", "index.html"))
			if err != nil || !strings.Contains(string(page), "Skolans tak har plats för solceller.") {
				t.Errorf("build did not publish the thesis: %v", err)
			}
		})
	}
}

// editFile replaces each old text (in pairs old, new) once, failing the
// test when one is missing.
func editFile(t *testing.T, file string, oldnew ...string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(oldnew); i += 2 {
		if !strings.Contains(s, oldnew[i]) {
			t.Fatalf("%s lacks %q:\n%s", file, oldnew[i], s)
		}
		s = strings.Replace(s, oldnew[i], oldnew[i+1], 1)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// previewing is a preview server (serve) of a site in the background.
type previewing struct{ base string }

// preview starts serve on root at a free port, as `generator serve` does,
// with now fixed; it stops with the test.
func preview(t *testing.T, root string) previewing {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	go func() {
		done <- serve.Run(ctx, serve.Options{Root: root, Addr: "127.0.0.1:0", Out: t.TempDir(),
			Now: func() time.Time { return now }, Debounce: 20 * time.Millisecond,
			Ready: func(addr string) { ready <- addr }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return previewing{"http://" + addr}
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve not ready")
	}
	return previewing{}
}

// get returns the page at path. Before the first good build, the preview
// answers every path with its 404 page, with the error overlay.
func (p previewing) get(t *testing.T, path string) string {
	t.Helper()
	resp, err := http.Get(p.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return html.UnescapeString(string(b))
}

// waitFor waits until the preview, which rebuilds after a save, answers
// path with a page holding text and without the error overlay.
func (p previewing) waitFor(t *testing.T, path, text string) {
	t.Helper()
	var page string
	for range 300 {
		resp, err := http.Get(p.base + path)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			page = html.UnescapeString(string(b))
			if resp.StatusCode == http.StatusOK && strings.Contains(page, text) && !strings.Contains(page, "portal-overlay") {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the preview never served %s with %q:\n%s", path, text, page)
}
