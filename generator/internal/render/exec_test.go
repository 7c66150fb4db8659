package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The fast executor (package tmplexec) must write what html/template
// writes, blocks kept by {{cached}} included.

// siteFS serves a fixture site of the build package with the repository's
// templates.
type siteFS struct{ site, repo fs.FS }

func (o siteFS) Open(name string) (fs.File, error) {
	if name == "templates" || strings.HasPrefix(name, "templates/") {
		return o.repo.Open(name)
	}
	return o.site.Open(name)
}

// TestFastPages renders every page of the fixture sites (and, with
// PORTAL_EXEC_SITE set to a site root, of that site), and of the shipped
// site, with the fast
// executor and with html/template only, and compares the bytes.
func TestFastPages(t *testing.T) {
	roots, _ := filepath.Glob("../pipeline/testdata/sites/*")
	roots = append(roots, "../../..") // the shipped site
	if dir := os.Getenv("PORTAL_EXEC_SITE"); dir != "" {
		roots = append(roots, dir)
	}
	repo := os.DirFS("../../..")
	if _, err := fs.Stat(repo, "templates/layouts/base.html"); err != nil {
		t.Skip("templates/ not present")
	}
	for _, root := range roots {
		t.Run(filepath.Base(root), func(t *testing.T) {
			fsys := siteFS{site: os.DirFS(root), repo: repo}
			render := func(fast bool) (map[string][]byte, int64) {
				s, tm := loadSite(t, fsys, fixedNoon)
				tm.exec = tm.newExec(fast)
				out := map[string][]byte{}
				var m Memo
				for _, p := range s.Pages {
					var b bytes.Buffer
					if err := tm.Page(&b, &m, s, p); err != nil {
						t.Fatalf("%s: %v", p.URL, err)
					}
					out[p.URL] = b.Bytes()
				}
				return out, tm.Fallbacks()
			}
			fast, missed := render(true)
			slow, _ := render(false)
			for url, want := range slow {
				if got := fast[url]; !bytes.Equal(got, want) {
					t.Errorf("%s differs:\nfast: %s\nhtml: %s", url, got, want)
				}
			}
			t.Logf("%d pages; %d executions handed back to html/template", len(fast), missed)
			if missed > 0 {
				t.Errorf("the fast executor handed %d executions back to html/template: find what it does not know", missed)
			}
			if _, off := render(false); off != 0 {
				t.Errorf("with the fast executor off, %d fallbacks counted; want 0", off)
			}
		})
	}
}

// TestItemBody: the partial item must write the body of the item once,
// where View.Items puts the body kept for the record and language.
func TestItemBody(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"{{- $c.Body}}", ""},
		{"", "the partial item must write {{.X.Body}} once"},
		{"{{- $c.Body}}{{$c.Body}}", "the partial item must write {{.X.Body}} once"},
	} {
		fsys := realTemplates(t)
		fsys["config.toml"] = &fstest.MapFile{Data: []byte(tinyConfig)}
		for p, s := range tinyContent {
			fsys[p] = &fstest.MapFile{Data: []byte(s)}
		}
		items := string(fsys["templates/partials/items.html"].Data)
		if !strings.Contains(items, "{{- $c.Body}}") {
			t.Fatal("templates/partials/items.html: no {{- $c.Body}}")
		}
		items = strings.Replace(items, "{{- $c.Body}}", c.body, 1)
		fsys["templates/partials/items.html"] = &fstest.MapFile{Data: []byte(items)}
		s, tm := loadSite(t, fsys, fixedNoon)
		var b bytes.Buffer
		err := tm.Page(&b, new(Memo), s, pageAt(t, s, "/exjobb/"))
		if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && !strings.HasSuffix(got, c.want) {
			t.Errorf("%q: %v, want %q", c.body, err, c.want)
		}
	}
}

// BenchmarkPages renders every page of the shipped site (or of the site
// at PORTAL_EXEC_SITE, such as a corpus of mkcorpus.py, with the
// repository's templates), with the fast executor and with html/template
// alone.
func BenchmarkPages(b *testing.B) {
	repo := os.DirFS("../../..")
	if _, err := fs.Stat(repo, "templates/layouts/base.html"); err != nil {
		b.Skip("templates/ not present")
	}
	var fsys fs.FS = repo
	if dir := os.Getenv("PORTAL_EXEC_SITE"); dir != "" {
		fsys = siteFS{site: os.DirFS(dir), repo: repo}
	}
	for _, fast := range []bool{true, false} {
		name := map[bool]string{true: "fast", false: "html-template"}[fast]
		b.Run(name, func(b *testing.B) {
			s, tm := loadSite(b, fsys, fixedNoon)
			tm.exec = tm.newExec(fast)
			var buf bytes.Buffer
			var m Memo
			for b.Loop() {
				m.Forget() // list items rendered again, as on every build
				for _, p := range s.Pages {
					buf.Reset()
					if err := tm.Page(&buf, &m, s, p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(s.Pages)), "pages")
		})
	}
}

// fixedNoon is the time the executor's tests build their sites at.
func fixedNoon(*time.Location) time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
