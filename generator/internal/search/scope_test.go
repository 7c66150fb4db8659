package search

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestScopeFile compares the scope files written by hand (facetTables.file)
// with their value written by encoding/json: the rows as a [][]any, the
// tables as a map. The values are numbered as the build numbers them
// (allRefs, in the documents' order) and in another order.
func TestScopeFile(t *testing.T) {
	docs, scopes := benchDocs(500)
	docs[3].Areas, docs[3].Schools, docs[3].Languages = nil, nil, nil
	docs[4].Host, docs[4].State, docs[4].Archived = `"Qu\ote" <&> `+"\u2028\x01", "closed", true
	docs[5].Areas = []string{"area-1", "area-7", "area-1"}
	shuffled := make([]int, 60)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range shuffled {
		shuffled[i] = r.IntN(len(docs))
	}
	cases := map[string][]int{"empty": {}, "nil": nil, "shuffled": shuffled, "few": {3, 4, 5}}
	for _, s := range scopes {
		cases[s.Name] = s.Docs
	}
	// The kept index numbers the values once (facetTables), as documents
	// come; a value numbered for another document first must not show
	// in a file.
	built := newFacetTables()
	builtRefs := built.allRefs(docs)
	ft := newFacetTables()
	refs := make([][]int32, len(docs))
	for i := len(docs) - 1; i >= 0; i-- {
		refs[i] = ft.facetRefs(nil, &docs[i])
	}
	for name, ids := range cases {
		want, err := marshal(scopeValue(docs, ids))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []struct {
			name string
			file func([]int) ([]byte, error)
		}{
			{"numbered in order", func(ids []int) ([]byte, error) { return built.file(builtRefs, ids) }},
			{"numbered backwards", func(ids []int) ([]byte, error) { return ft.file(refs, ids) }},
		} {
			got, err := w.file(ids)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %s wrote\n%.300s\nencoding/json writes\n%.300s", name, w.name, got, want)
			}
		}
	}
}

// scopeValue is the value of a scope file: the table "t" and rows "d".
func scopeValue(docs []Doc, ids []int) map[string]any {
	tabs := make([][]string, len(scopeCols))
	at := make([]map[string]int, len(scopeCols))
	for i := range tabs {
		tabs[i], at[i] = []string{""}, map[string]int{"": 0}
	}
	ref := func(col int, v string) int {
		n, ok := at[col][v]
		if !ok {
			n = len(tabs[col])
			at[col][v] = n
			tabs[col] = append(tabs[col], v)
		}
		return n
	}
	refs := func(col int, vs []string) []int {
		out := make([]int, len(vs))
		for i, v := range vs {
			out[i] = ref(col, v)
		}
		return out
	}
	rows := make([][]any, 0, len(ids))
	prev := -1
	for _, id := range ids {
		d := docs[id]
		arch := ""
		if d.Archived {
			arch = "1"
		}
		rows = append(rows, []any{id - prev - 1, ref(0, d.Kind), refs(1, d.Areas), ref(2, d.Host), refs(3, d.Schools),
			ref(4, d.Level), refs(5, d.Languages), ref(6, d.Closes), ref(7, arch), ref(8, d.State)})
		prev = id
	}
	t := map[string][]string{}
	for i, c := range scopeCols {
		t[c] = tabs[i]
	}
	return map[string]any{"t": t, "d": rows}
}
