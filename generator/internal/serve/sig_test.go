package serve

import (
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
				t.Errorf("%s.%s is not signed (see sig.go)", typ.Name(), f.Name)
			}
		}
	}
}

func TestHasher(t *testing.T) {
	sum := func(parts ...string) hasher {
		h := fnvOffset
		for _, p := range parts {
			h.str(p)
		}
		return h
	}
	if sum("ab", "c") == sum("a", "bc") {
		t.Error("strings are not delimited")
	}
	if x1, x2 := sum("x"), sum("x"); x1 != x2 {
		t.Error("not deterministic")
	}
	// Every single-bit change of a string, in the words and in the tail,
	// changes the hash.
	base := "0123456789abcdefghij"
	seen := map[hasher]string{sum(base): base}
	for i := range len(base) {
		for bit := range 8 {
			b := []byte(base)
			b[i] ^= 1 << bit
			h := sum(string(b))
			if prev, dup := seen[h]; dup {
				t.Errorf("%q and %q hash alike", prev, b)
			}
			seen[h] = string(b)
		}
	}
	var a, b hasher = fnvOffset, fnvOffset
	a.u64(1)
	b.u64(1 << 63)
	if a == b {
		t.Error("u64: the high bits are lost")
	}
}
