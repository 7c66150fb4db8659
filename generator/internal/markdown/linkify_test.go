package markdown

import (
	"reflect"
	"strings"
	"testing"
)

// linkifyCases are bodies that Render parses without Linkify (plain), or
// parses without it and then again with it (the rest): text cut where
// Linkify is tried (spaces, '(', delimiters, line heads), escapes and
// references next to those places, URLs that are link destinations.
var linkifyCases = []struct {
	src   string
	plain bool
}{
	{"foo bar \nbaz\n", true},
	{"a\\ b\\\n(c) *d* _e_ ~f~ ~~g~~ **h**i\n", true},
	{"AT&amp;T (x) &copy; a\\\\(b &#40; \\* \\(\n", true},
	{"**bold** text  \nhard break\\\nend \n", true},
	{"**bold** text  \nhard break\\\nend \t\n", false},
	{"0    \n0", false},
	{"0  \r\n0 \r\n0  ", false},
	{"[link](https://www.kth.se/) text (paren) and ![img](https://x.se/y.png)\n", true},
	{"# Heading (with) [link](http://a.se/) \n\n| a | b |\n|---|---|\n| x (y) | *z* |\n", true},
	{"- item one\n- [ ] task\n  more ( text\n\n> quote ( x\n>\n> * y _z_\n", true},
	{"日本語 テキスト\nです (x)\n", true},
	{"footnote[^1] ( a\n\n[^1]: note (with) text\n", true},
	{"[ref][r] ( x\n\n[r]: https://www.kth.se/ \"t\"\n", true},
	{"[not a ref] ( x\n[a]\n\n[b]: /c\n", true},
	{"[not a ref] (x) [b]\n\n- [c] d\n", true},
	{"<https://www.kth.se/> and <http://x.se> ( x\n", true},
	{"  indented ( text \n    code ( block\n", true},
	{"  indented ( text   \n    code ( block\n", false},
	{"*a (b* c) _d (e_ f)\n\n***\n\n1. one ( x\n2. two\n", true},
	{"foo](http://x.se) bar\n", false},
	{"text ([a](http://x.se)) (http://y.se)\n", false},
	{"`[a](http://x.se)` z\n", false},
	{"[a (www.kth.se)](b.md)\n", false},
	{"x_y@z.se and <a@b.se>\n", false},
	{"see https://www.kth.se/ and ftp://f.se, www.x.se\n", false},
	{benchBody, false},
}

// TestWithoutLinkify checks that a body parsed without Linkify renders
// as with it.
func TestWithoutLinkify(t *testing.T) {
	r := New()
	for _, tc := range linkifyCases {
		src := []byte(tc.src)
		at, ok := plainable(src, nil)
		plain := ok && !inText(r.parseWith(r.plain, src), at)
		if plain != tc.plain {
			t.Errorf("%q: parsed without Linkify %v, want %v", tc.src, plain, tc.plain)
		}
		sameWithLinkify(t, r, src)
	}
}

// FuzzWithoutLinkify checks that Render gives what it gives when it
// parses every body with Linkify.
func FuzzWithoutLinkify(f *testing.F) {
	for _, tc := range linkifyCases {
		f.Add(tc.src)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		sameWithLinkify(t, r, []byte(src))
	})
}

func sameWithLinkify(t *testing.T, r *Renderer, src []byte) {
	t.Helper()
	always := &Renderer{md: r.md, plain: r.md, bare: r.md, reserved: r.reserved}
	got := r.Render(src, 3, records(nil))
	want := always.Render(src, 3, records(nil))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\ngot  %#v\nwant %#v", src, got, want)
	}
}

// BenchmarkRenderNoBareLinks renders benchBody without its bare URL and
// e-mail address: a body that Render parses without Linkify.
func BenchmarkRenderNoBareLinks(b *testing.B) {
	r := New()
	src := []byte(strings.NewReplacer("https://www.stockholm.se/energi", "[stadens webbplats](https://www.stockholm.se/energi)",
		"<exjobb-energi@stockholm.se>", "[exjobb-energi](https://www.stockholm.se/exjobb)").Replace(benchBody))
	if _, ok := plainable(src, nil); !ok {
		b.Fatal("bare links")
	}
	resolve := records(nil)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r.Render(src, 12, resolve)
	}
}
