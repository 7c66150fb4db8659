package render

import (
	"bytes"
	"html/template"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The fast executor (exec.go) must write what html/template writes.

// TestFastEscapers runs tiny templates, one for each escaping context the
// site's templates use, on random text with the fast executor and with
// html/template.
func TestFastEscapers(t *testing.T) {
	srcs := []string{
		`<p>{{.}}</p>`,
		`<a title="{{.}}">x</a>`,
		`<title>{{.}}</title>`,
		`<a href="{{.}}">x</a>`,
		`<a href="/x?q={{.}}">x</a>`,
		`<a href="/{{.}}/y">x</a>`,
		`<p {{.}}>x</p>`,
		`<script type="application/ld+json">{{.}}</script>`,
	}
	pieces := []string{"a", "Å", "<", ">", "&", "'", `"`, "+", "=", "`", " ", "\x00", "\t", "\n", "%", "%2f", "%zz", "#",
		"?", "/", ":", "javascript:", "http:", "mailto:x@y.se", "\u2028", "\ufdd0", "\xff", "😀", "&amp;", "<b>", "</title>"}
	r := rand.New(rand.NewSource(3))
	x := newFastExec(nil)
	for _, src := range srcs {
		tmpl := template.Must(template.New("t").Parse(src))
		tmpl.Execute(io.Discard, "") // escape
		for i := 0; i < 3000; i++ {
			var b strings.Builder
			for j := r.Intn(6); j >= 0; j-- {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
			s := b.String()
			for _, v := range []any{s, template.HTML(s), template.HTMLAttr(s), template.URL(s), template.JS(s), len(s), i%2 == 0} {
				var want, got bytes.Buffer
				wantErr := tmpl.Execute(&want, v)
				if err := x.execute(&got, tmpl, tmpl, v); err != nil {
					continue // left to html/template
				}
				if wantErr != nil {
					t.Fatalf("%s with %#v: html/template fails (%v), the fast executor wrote %q", src, v, wantErr, got.String())
				}
				if got.String() != want.String() {
					t.Fatalf("%s with %#v:\nfast: %q\nhtml: %q", src, v, got.String(), want.String())
				}
			}
		}
	}
}

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
				tm.fast.off = !fast
				out := map[string][]byte{}
				for _, p := range s.Pages {
					var b bytes.Buffer
					if err := tm.Page(&b, s, p); err != nil {
						t.Fatalf("%s: %v", p.URL, err)
					}
					out[p.URL] = b.Bytes()
				}
				return out, tm.fast.missed.Load()
			}
			fast, missed := render(true)
			slow, _ := render(false)
			for url, want := range slow {
				if got := fast[url]; !bytes.Equal(got, want) {
					t.Errorf("%s differs:\nfast: %s\nhtml: %s", url, got, want)
				}
			}
			t.Logf("%d pages; %d executions left to html/template", len(fast), missed)
			if missed > 0 {
				t.Errorf("the fast executor left %d executions to html/template: find what it does not know", missed)
			}
		})
	}
}

// BenchmarkPages renders every page of the shipped site, with the fast
// executor and with html/template alone.
func BenchmarkPages(b *testing.B) {
	fsys := os.DirFS("../../..")
	if _, err := fs.Stat(fsys, "templates/layouts/base.html"); err != nil {
		b.Skip("templates/ not present")
	}
	for _, fast := range []bool{true, false} {
		name := map[bool]string{true: "fast", false: "html-template"}[fast]
		b.Run(name, func(b *testing.B) {
			s, tm := loadSite(b, fsys, fixedNoon)
			tm.fast.off = !fast
			var buf bytes.Buffer
			for b.Loop() {
				s.Forget() // list items rendered again, as on every build
				for _, p := range s.Pages {
					buf.Reset()
					if err := tm.Page(&buf, s, p); err != nil {
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
