package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"testing"
)

// page is the data of the blocks of TestCached.
type page struct {
	Lang   string
	Kind   string
	Kinds  []string
	Crumbs []crumb
	X      any
	Other  *page
	secret string // read by a method only
}

type crumb struct{ URL, Label string }

func (p *page) Section(kind string) string { return "/" + p.Lang + "/" + kind + "/" }
func (p *page) Secret() string             { return p.secret }
func (p *page) Current(kind string) string {
	if kind == p.Kind {
		return "page"
	}
	return ""
}

// memo is a Store that counts the renderings it keeps.
type memo struct {
	mu sync.Mutex
	m  map[string]string
}

func (m *memo) Lookup(key []byte) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.m[string(key)]
	return s, ok
}

func (m *memo) Keep(key, html string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[key] = html
	return html
}

// TestCached renders blocks for pages one after another through Cached
// and compares each with html/template's rendering of the page. Every
// block reads something that a key written by hand ({{cached "b" .
// .Lang}}) would have left out, so that the second page got the first
// page's block; with keys derived from the reads, each page gets its
// own, and pages that read alike share one rendering (kept).
func TestCached(t *testing.T) {
	sv := func(kind string) *page { return &page{Lang: "sv", Kind: kind, Kinds: []string{"a", "b"}} }
	withX := func(x any) *page { p := sv("a"); p.X = x; return p }
	withSecret := func(s string) *page { p := sv("a"); p.secret = s; return p }
	withCrumbs := func(labels ...string) *page {
		p := sv("a")
		for _, l := range labels {
			p.Crumbs = append(p.Crumbs, crumb{"/" + l + "/", l})
		}
		return p
	}
	withOther := func(lang string) *page { p := sv("a"); p.Other = &page{Lang: lang}; return p }
	for _, c := range []struct {
		name  string
		block string
		pages []*page
		kept  int // renderings kept in the store
	}{
		{"a field besides the hand-written key", `{{.Lang}} {{.Kind}}`,
			[]*page{sv("a"), sv("b"), sv("a")}, 2},
		{"a field in a condition", `{{if eq .Kind "a"}}A{{else}}other{{end}}`,
			[]*page{sv("a"), sv("b"), sv("a")}, 2},
		{"reads that depend on a value (two shapes)", `{{if eq .Kind "a"}}{{.Lang}}{{end}}`,
			[]*page{sv("a"), sv("b"), {Lang: "en", Kind: "a"}, {Lang: "en", Kind: "b"}, sv("a")}, 3},
		{"a method with an argument from a range", `{{range .Kinds}}<a href="{{$.Section .}}">{{.}}</a>{{end}}`,
			[]*page{sv("a"), {Lang: "en", Kinds: []string{"a", "b"}}, {Lang: "sv", Kinds: []string{"b"}}, sv("b")}, 3},
		{"a method reading an unexported field", `{{.Secret}}`,
			[]*page{withSecret("x"), withSecret("y"), withSecret("x")}, 2},
		{"a nested template", `{{template "inner" .}}`,
			[]*page{sv("a"), sv("b"), sv("b")}, 2},
		{"a variable holding the data", `{{$p := .}}{{with $p}}{{$p.Kind}}{{end}}`,
			[]*page{sv("a"), sv("b")}, 2},
		{"a slice of structs", `{{range .Crumbs}}<li><a href="{{.URL}}">{{.Label}}</a></li>{{end}}`,
			[]*page{withCrumbs("x", "y"), withCrumbs("x"), withCrumbs("x", "z"), withCrumbs("x", "y")}, 3},
		{"an interface of different types", `<p>{{.X}}</p>`,
			[]*page{withX("<b>"), withX(template.HTML("<b>")), withX(1), withX("1")}, 4},
		{"a field through a pointer", `{{.Other.Lang}}`,
			[]*page{withOther("sv"), withOther("en"), withOther("sv")}, 2},
		{"a pointer: never kept", `{{with .Other}}{{.Lang}}{{end}}`,
			[]*page{withOther("sv"), withOther("en"), withOther("sv")}, 0},
		{"the data passed to a function: never kept", `{{kind .}}`,
			[]*page{sv("a"), sv("b"), sv("a")}, 0},
	} {
		for _, methods := range [][]MethodSet{nil, {Methods[*page]()}} {
			name := c.name
			if methods != nil {
				name += ", methods called directly"
			}
			t.Run(name, func(t *testing.T) {
				funcs := template.FuncMap{"kind": func(p *page) string { return p.Kind }}
				set := template.Must(template.New("").Funcs(funcs).Parse(
					`{{define "b"}}` + c.block + `{{end}}{{define "inner"}}[{{.Kind}}]{{end}}`))
				x := New(funcs, true, methods...)
				store := &memo{m: map[string]string{}}
				for i, p := range c.pages {
					var want bytes.Buffer
					if err := set.ExecuteTemplate(&want, "b", p); err != nil {
						t.Fatal(err)
					}
					got, err := x.Cached(store, set, "b", p)
					if err != nil {
						t.Fatal(err)
					}
					if got != want.String() {
						t.Errorf("page %d: got %q, want %q", i, got, want.String())
					}
				}
				if len(store.m) != c.kept {
					t.Errorf("%d renderings kept, want %d", len(store.m), c.kept)
				}
				if x.Fallbacks() != 0 {
					t.Errorf("%d fallbacks", x.Fallbacks())
				}
			})
		}
	}
}

// TestCachedOff: with the fast path off, Cached renders with html/template
// and keeps nothing.
func TestCachedOff(t *testing.T) {
	set := template.Must(template.New("").Parse(`{{define "b"}}{{.Kind}}{{end}}`))
	x := New(nil, false)
	store := &memo{m: map[string]string{}}
	for _, kind := range []string{"a", "b", "a"} {
		got, err := x.Cached(store, set, "b", &page{Kind: kind})
		if err != nil || got != kind {
			t.Errorf("got %q, %v; want %q", got, err, kind)
		}
	}
	if len(store.m) != 0 {
		t.Errorf("%d renderings kept, want 0", len(store.m))
	}
}

// TestCachedConcurrent renders blocks from many goroutines (run with
// -race).
func TestCachedConcurrent(t *testing.T) {
	set := template.Must(template.New("").Parse(`{{define "b"}}{{.Lang}}{{range .Kinds}}{{$.Section .}}{{end}}{{end}}`))
	set.ExecuteTemplate(io.Discard, "b", nil) // escape before the goroutines start
	x := New(nil, true)
	store := &memo{m: map[string]string{}}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				p := &page{Lang: fmt.Sprint("l", (g+i)%5), Kinds: []string{"a", "b"}}
				got, err := x.Cached(store, set, "b", p)
				want := p.Lang + p.Section("a") + p.Section("b")
				if err != nil || got != want {
					t.Errorf("got %q, %v; want %q", got, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := len(store.m); n != 5 {
		t.Errorf("%d renderings kept, want 5 (%s)", n, strings.Join(keys(store.m), ", "))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, fmt.Sprintf("%q", k))
	}
	return out
}

// BenchmarkCached reuses a navigation-like block: the cost of deriving
// its key on every page (a read of a field, then two method calls per
// link).
func BenchmarkCached(b *testing.B) {
	set := template.Must(template.New("").Parse(`{{define "nav"}}<ul>{{range .Kinds}}<li><a href="{{$.Section .}}"{{with $.Current .}} aria-current="{{.}}"{{end}}>{{.}}</a></li>{{end}}</ul>{{end}}`))
	set.ExecuteTemplate(io.Discard, "nav", nil)
	x := New(nil, true, Methods[*page]())
	store := &memo{m: map[string]string{}}
	p := &page{Lang: "sv", Kind: "c", Kinds: []string{"a", "b", "c", "d", "e", "f", "g"}}
	for b.Loop() {
		if _, err := x.Cached(store, set, "nav", p); err != nil {
			b.Fatal(err)
		}
	}
}
