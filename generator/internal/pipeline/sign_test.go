package pipeline

import (
	"hash/maphash"
	"reflect"
	"slices"
	"testing"

	"portal/generator/internal/site"
)

// TestSignerKnowsEveryField fails when site.Page (or a type inside it)
// gains a field: signer.page must then sign it too, or a change of it
// would not be noticed by serve, and the name added here.
func TestSignerKnowsEveryField(t *testing.T) {
	known := map[reflect.Type][]string{
		reflect.TypeOf(site.Page{}): {"Type", "Lang", "URL", "Title", "Alternates", "Switch", "Crumbs",
			"Kind", "Entry", "V", "Term", "Groups", "Pager", "Feed", "Archive", "Home", "Terms", "Deps", "Index"},
		reflect.TypeOf(site.Link{}):      {"Lang", "Key", "Title", "URL"},
		reflect.TypeOf(site.Group{}):     {"Kind", "Items", "Total"},
		reflect.TypeOf(site.Item{}):      {"Entry", "V", "URL", "Foreign"},
		reflect.TypeOf(site.Pager{}):     {"Page", "Pages", "Prev", "Next", "First", "Last", "Links"},
		reflect.TypeOf(site.Home{}):      {"Offers", "Lectures", "Collaborations", "Agreements", "Areas", "Kinds"},
		reflect.TypeOf(site.TermCount{}): {"Term", "URL", "Count"},
		reflect.TypeOf(site.KindCount{}): {"Kind", "URL", "Count"},
		// An entry is signed by its files, rendered bodies and derived facts.
		reflect.TypeOf(site.Entry{}): {"Record", "Archived", "URL"},
	}
	for typ, names := range known {
		for i := range typ.NumField() {
			if f := typ.Field(i); f.IsExported() && !slices.Contains(names, f.Name) {
				t.Errorf("%s.%s is not signed (see sign.go)", typ.Name(), f.Name)
			}
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
