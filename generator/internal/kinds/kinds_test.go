package kinds

import (
	"fmt"
	"slices"
	"testing"

	"portal/generator/internal/diag"
)

// check lists what in k's declaration names a key k does not have.
func check(k *Kind) []string {
	has := func(name string) bool {
		return name == "" || k.Key(name) != nil || slices.ContainsFunc(Common(), func(c Key) bool { return c.Name == name })
	}
	var bad []string
	need := func(what, name string) {
		if !has(name) {
			bad = append(bad, fmt.Sprintf("%s: %s %q is not a key", k.Name, what, name))
		}
	}
	need("CloseKey", k.CloseKey)
	need("MarkDate", k.MarkDate)
	for _, s := range append(slices.Clip(k.Order), k.Archive...) {
		need("sort", s.Key)
		need("sort", s.Or)
		need("sort", s.Earlier)
	}
	for _, f := range append(slices.Clip(k.Facts), k.ListFacts...) {
		need("fact", f.Key)
		if f.And != nil {
			need("fact", f.And.Key)
		}
	}
	for _, key := range k.Keys {
		need("After of "+key.Name, key.After)
		need("NotAfter of "+key.Name, key.NotAfter)
		if key.When != nil {
			need("When of "+key.Name, key.When.Key)
		}
	}
	for _, f := range k.Facets {
		need("facet", f.Key)
		if key := k.Key(f.Key); key != nil && len(key.Enum) == 0 {
			bad = append(bad, fmt.Sprintf("%s: facet %q has no Enum", k.Name, f.Key))
		}
		if f.Segment == "" {
			bad = append(bad, fmt.Sprintf("%s: facet %q has no Segment", k.Name, f.Key))
		}
	}
	if (k.CloseAttr != "" || k.Mark != "") && k.CloseKey == "" && k.ArchiveStatus == "" {
		bad = append(bad, k.Name+": a mark or CloseAttr without CloseKey or ArchiveStatus")
	}
	return bad
}

// TestDefault checks that every declaration of the portal's kinds names
// only keys its kind has, and that no kind is declared twice.
func TestDefault(t *testing.T) {
	reg := Default()
	names := reg.Names()
	if want := []string{"theses", "internships", "lectures", "collaborations", "agreements", "exchanges", "followups"}; !slices.Equal(names, want) {
		t.Errorf("kinds %v, want %v", names, want)
	}
	for _, k := range reg.All() {
		for _, msg := range check(k) {
			t.Error(msg)
		}
	}
}

// TestCheck checks that check finds a declaration that names a key its
// kind lacks.
func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		kind *Kind
		want []string
	}{
		{"fine", &Kind{Name: "a", Keys: []Key{{Name: "start"}}, CloseKey: "start", Mark: "past", MarkDate: "date"}, nil},
		{"sort", &Kind{Name: "b", Order: []Sort{{Key: "when"}}}, []string{`b: sort "when" is not a key`}},
		{"fact", &Kind{Name: "c", Facts: []Fact{{Key: "start", And: &Fact{Key: "end"}}}, Keys: []Key{{Name: "start"}}},
			[]string{`c: fact "end" is not a key`}},
		{"mark", &Kind{Name: "d", Mark: "closed"}, []string{"d: a mark or CloseAttr without CloseKey or ArchiveStatus"}},
		{"facet", &Kind{Name: "e", Keys: []Key{{Name: "mode"}}, Facets: []Facet{{Key: "mode"}, {Key: "form", Segment: "form"}}},
			[]string{`e: facet "mode" has no Enum`, `e: facet "mode" has no Segment`, `e: facet "form" is not a key`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := check(tt.kind); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWith checks that With adds kinds after the others and leaves its
// receiver as it was.
func TestWith(t *testing.T) {
	reg := Default()
	more := reg.With(&Kind{Name: "workshops"})
	if got := more.Names(); len(got) != 8 || got[7] != "workshops" || more.Get("workshops") == nil {
		t.Errorf("With: %v", got)
	}
	if reg.Get("workshops") != nil || len(reg.Names()) != 7 {
		t.Errorf("With changed its receiver: %v", reg.Names())
	}
}

// TestRegistryKeys checks the key lists New makes once: the common keys,
// then the kind's own; the first of two kinds of one name (as Get); the
// common keys alone for a kind the registry does not have.
func TestRegistryKeys(t *testing.T) {
	names := func(keys []Key) []string {
		var out []string
		for _, k := range keys {
			out = append(out, k.Name)
		}
		return out
	}
	common := names(Common())
	r := New(&Kind{Name: "toy", Keys: []Key{{Name: "colour"}}}, &Kind{Name: "toy", Keys: []Key{{Name: "size"}}})
	tests := []struct {
		kind string
		want []string
	}{
		{"toy", append(slices.Clip(common), "colour")},
		{"none", common},
	}
	for _, tt := range tests {
		got := r.Keys(tt.kind)
		if !slices.Equal(names(got), tt.want) {
			t.Errorf("Keys(%q) = %v, want %v", tt.kind, names(got), tt.want)
		}
		if len(got) != cap(got) {
			t.Errorf("Keys(%q) has room to append into: an append by one caller would be seen by another", tt.kind)
		}
	}
}

// TestAllMarks lists the marks each kind's records can show, the kind's
// Mark first.
func TestAllMarks(t *testing.T) {
	r := Default()
	for kind, want := range map[string][]string{
		"theses": {"closed"}, "lectures": {"past", "cancelled"}, "agreements": {"terminated"},
		"collaborations": {"ended", "completed"}, "exchanges": {"ended"},
	} {
		if got := r.Get(kind).AllMarks(); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", kind, got, want)
		}
	}
}

// TestRecordsWord: the messages that name a kind's list and archive name
// its records in the words of the message's language: the folder in
// English, the editors' word in Swedish; a kind without words, or no
// kind, by its name.
func TestRecordsWord(t *testing.T) {
	reg := Default().With(&Kind{Name: "toys"})
	for _, c := range []struct{ kind, en, sv string }{
		{"theses", "the list of theses", "listan över exjobb"},
		{"internships", "the list of internships", "listan över praktikplatser"},
		{"lectures", "the list of lectures", "listan över gästföreläsningar"},
		{"collaborations", "the list of collaborations", "listan över samarbeten"},
		{"agreements", "the list of agreements", "listan över avtal"},
		{"exchanges", "the list of exchanges", "listan över personutbyten"},
		{"followups", "the list of followups", "listan över årliga uppföljningar"},
		{"toys", "the list of toys", "listan över toys"},
		{"nothing", "the list of nothing", "listan över nothing"},
	} {
		m := diag.M(diag.ClaimList, reg.RecordsWord(c.kind))
		if en, sv := m.Text(diag.English), m.Text(diag.Swedish); en != c.en || sv != c.sv {
			t.Errorf("%s: %q, %q; want %q, %q", c.kind, en, sv, c.en, c.sv)
		}
	}
	a := diag.M(diag.ClaimArchive, reg.RecordsWord("theses"))
	if en, sv := a.Text(diag.English), a.Text(diag.Swedish); en != "the archive of theses" || sv != "arkivet med exjobb" {
		t.Errorf("archive: %q, %q", en, sv)
	}
}
