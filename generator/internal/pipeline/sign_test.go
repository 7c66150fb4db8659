package pipeline

import (
	"hash/maphash"
	"reflect"
	"slices"
	"testing"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/site"
)

// TestSignerSignsEveryField: two pages that differ in one field alone,
// for every field of site.Page and of the types inside it (found by
// reflection, so a field added later is tried too), sign differently.
func TestSignerSignsEveryField(t *testing.T) {
	l, err := Load(fixture(t, "testdata/sites/basic"), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	es := l.Site.Entries[:2]
	sg := newSigner(l.Site, 1, maphash.MakeSeed(), nil)
	terms := []*config.Term{{Key: "a"}, {Key: "b"}}
	// fill sets every field inside v to its first value, but the n-th
	// (counting with *at) to its second, and names each in paths.
	var fill func(v reflect.Value, name string, at *int, n int, paths *[]string)
	fill = func(v reflect.Value, name string, at *int, n int, paths *[]string) {
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				fill(v.Field(i), name+"."+v.Type().Field(i).Name, at, n, paths)
			}
			return
		}
		x := 0
		if *at == n {
			x = 1
		}
		*at++
		*paths = append(*paths, name)
		switch v.Interface().(type) {
		case *site.Entry:
			v.Set(reflect.ValueOf(es[x]))
		case []*site.Entry:
			v.Set(reflect.ValueOf(es[x : x+1]))
		case *content.Version:
			v.Set(reflect.ValueOf(es[x].Own()))
		case *config.Term:
			v.Set(reflect.ValueOf(terms[x]))
		default:
			switch v.Kind() {
			case reflect.String:
				v.SetString(string(rune('a' + x)))
			case reflect.Int:
				v.SetInt(int64(x))
			case reflect.Bool:
				v.SetBool(x == 1)
			case reflect.Pointer:
				*at, *paths = *at-1, (*paths)[:len(*paths)-1] // not a field of its own
				v.Set(reflect.New(v.Type().Elem()))
				fill(v.Elem(), name, at, n, paths)
			case reflect.Slice:
				*at, *paths = *at-1, (*paths)[:len(*paths)-1]
				v.Set(reflect.MakeSlice(v.Type(), 1, 1))
				fill(v.Index(0), name+"[0]", at, n, paths)
			default:
				t.Fatalf("%s: a field of kind %s: teach fill and sign.go", name, v.Kind())
			}
		}
	}
	sign := func(n int) (uint64, []string) {
		var p site.Page
		var paths []string
		at := 0
		fill(reflect.ValueOf(&p).Elem(), "Page", &at, n, &paths)
		h := newHasher(sg.seed)
		sg.page(&h, &p, &deps{})
		return h.sum(), paths
	}
	base, paths := sign(-1)
	if len(paths) < 40 {
		t.Fatalf("only %d fields found: %v", len(paths), paths)
	}
	for n, path := range paths {
		if sum, _ := sign(n); sum == base {
			t.Errorf("%s is not signed", path)
		}
	}
}

func TestHasher(t *testing.T) {
	seed := maphash.MakeSeed()
	sum := func(parts ...string) uint64 {
		h := newHasher(seed)
		for _, p := range parts {
			h.str(p)
		}
		return h.sum()
	}
	for _, c := range [][2][]string{
		{{"ab", "c"}, {"a", "bc"}},
		{{"", "x"}, {"x", ""}},
		{{"x"}, {"x", ""}},
		{{"\x00\x00\x00\x00\x00\x00\x00\x00"}, {"", ""}},
	} {
		if sum(c[0]...) == sum(c[1]...) {
			t.Errorf("%q and %q hash alike: strings are not delimited", c[0], c[1])
		}
	}
	if x1, x2 := sum("x"), sum("x"); x1 != x2 {
		t.Error("not deterministic")
	}
	a, b := newHasher(seed), newHasher(seed)
	a.u64(1)
	b.u64(1 << 63)
	if a.sum() == b.sum() {
		t.Error("u64: the high bits are lost")
	}
}

// countingStamps are a signer's stamps, counting the calls of Stamp.
type countingStamps struct {
	*signer
	calls int
}

func (c *countingStamps) Stamp(e *site.Entry) (uint64, bool) {
	c.calls++
	return c.signer.Stamp(e)
}

// TestSearchEditReadsSignedStamps: after an edit in place, the search
// index kept in the cache reads the stamps of the entries signed again
// (Stamps.Since) alone, not those of every record.
func TestSearchEditReadsSignedStamps(t *testing.T) {
	l, err := Load(fixture(t, "testdata/sites/basic"), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	st := &countingStamps{signer: newSigner(l.Site, 1, maphash.MakeSeed(), nil)}
	u := &cacheUse{c: NewCache(), stamps: st}
	es := searchEntries(l.Site)
	scopes := searchScopes(l.Site, es)
	langs := l.Site.Cfg.Languages
	tests := []struct {
		name   string
		signed []*site.Entry
		want   int // calls of Stamp
	}{
		{"first index", nil, len(es)}, // once for all languages (cacheUse.searchOrder)
		{"nothing signed again", nil, 0},
		{"one entry signed again", es[1:2], len(langs)},
		{"two entries", es[2:4], 2 * len(langs)},
		{"one entry twice", []*site.Entry{es[5], es[5]}, len(langs)},
	}
	for _, tt := range tests {
		for _, e := range tt.signed {
			st.sign(e)
		}
		st.calls = 0
		for _, lang := range langs {
			if _, err := u.searchIndex(l, lang, es, scopes); err != nil {
				t.Fatal(err)
			}
		}
		if st.calls != tt.want {
			t.Errorf("%s: %d stamps read, want %d", tt.name, st.calls, tt.want)
		}
	}
}

// TestScopeFacetsOrder: the search form of a page offers the facet values
// of its scope's records whatever their order, so a record moved in its
// list signs the forms of the list's other pages as before; a record
// more or less signs them anew.
func TestScopeFacetsOrder(t *testing.T) {
	l, err := Load(fixture(t, "testdata/sites/basic"), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	sg := newSigner(l.Site, 1, maphash.MakeSeed(), nil)
	es := l.Site.Entries
	if len(es) < 3 {
		t.Fatalf("%d entries; want 3 or more", len(es))
	}
	moved := slices.Concat(es[1:], es[:1])
	if sg.scopeFacets(es) != sg.scopeFacets(moved) {
		t.Error("a scope's records in another order sign its form anew")
	}
	if sg.scopeFacets(es) == sg.scopeFacets(es[1:]) {
		t.Error("a scope without one of its records signs its form as before")
	}
}
