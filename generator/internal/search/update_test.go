package search

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestIncrementalUpdate(t *testing.T) {
	tests := []struct {
		name  string
		setup func(docs []Doc) // before the first build, when set
		edit  func(docs []Doc, scopes []Scope, names *Names) ([]Doc, []Scope, []int)
		most  int // files the update may write again; 0: any number
	}{
		{"body text", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			docs[5].Text = []string{"Redigering 1 och ett heltNyttOrd", docs[5].Text[0]}
			return docs, scopes, []int{5}
		}, 8},
		{"a word leaves the index", func(docs []Doc) { docs[3].Text = append(docs[3].Text, "ensamtord Ö") },
			func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
				docs[3].Text = docs[3].Text[:len(docs[3].Text)-1]
				return docs, scopes, []int{3}
			}, 0},
		{"title (strong)", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			docs[9].Title = "Ny titel Åsa"
			docs[9].Strong = []string{docs[9].Title, "Trafikkontoret"}
			return docs, scopes, []int{9}
		}, 0},
		{"excerpt and facts", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			docs[17].Excerpt = "Kort."
			docs[17].Facts = [][2]string{{"Nivå", "Kandidat"}}
			return docs, scopes, []int{17}
		}, 0},
		{"facets", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			docs[2].Areas = []string{"area-7"}
			docs[2].State = "closed"
			docs[2].Archived = true
			return docs, scopes, []int{2}
		}, 0},
		{"scope members", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			scopes[0].Docs = scopes[0].Docs[1:]
			return docs, scopes, nil
		}, 0},
		{"names", nil, func(docs []Doc, scopes []Scope, names *Names) ([]Doc, []Scope, []int) {
			names.States = map[string]string{"closed": "Stängd"}
			return docs, scopes, nil
		}, 1},
		{"several documents", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			for _, i := range []int{0, 1, 8, 199} {
				docs[i].Text = []string{"ändrad text " + docs[i].URL}
			}
			return docs, scopes, []int{0, 1, 8, 199}
		}, 0},
		{"another number of documents", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			return docs[:150], []Scope{{Name: "k-theses", Docs: []int{0, 7, 14}}}, nil
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, scopes := benchDocs(200)
			slices.SortFunc(scopes, func(a, b Scope) int { return strings.Compare(a.Name, b.Name) })
			if tt.setup != nil {
				tt.setup(docs)
			}
			before, err := Build("sv", docs, scopes, Names{})
			if err != nil {
				t.Fatal(err)
			}
			in, err := NewIncremental("sv", slices.Clone(docs), cloneScopes(scopes), Names{})
			if err != nil {
				t.Fatal(err)
			}
			names := Names{}
			docs2, scopes2, changed := tt.edit(slices.Clone(docs), cloneScopes(scopes), &names)
			want, err := Build("sv", docs2, scopes2, names)
			if err != nil {
				t.Fatal(err)
			}
			wrote, err := in.Update(docs2, changed, scopes2, names)
			if err != nil {
				t.Fatal(err)
			}
			got := in.Index()
			if !slices.Equal(got.Layout.Paths(), want.Layout.Paths()) {
				t.Fatalf("paths %v, want %v", got.Layout.Paths(), want.Layout.Paths())
			}
			for _, p := range want.Layout.Paths() {
				g, _ := got.File(p)
				w, _ := want.File(p)
				if !bytes.Equal(g, w) {
					t.Errorf("%s:\n got %s\nwant %s", p, g, w)
				}
				if v := in.Version(p); (v != 0) != slices.Contains(wrote, p) {
					t.Errorf("%s: version %d, written again: %v", p, v, slices.Contains(wrote, p))
				}
				if old, err := before.File(p); (err != nil || !bytes.Equal(old, w)) && !slices.Contains(wrote, p) {
					t.Errorf("%s changed but is not among the files written again %v", p, wrote)
				}
			}
			if tt.most > 0 && len(wrote) > tt.most {
				t.Errorf("wrote %d files again, want at most %d: %v", len(wrote), tt.most, wrote)
			}
		})
	}
}

func cloneScopes(s []Scope) []Scope {
	out := make([]Scope, len(s))
	for i, sc := range s {
		out[i] = Scope{Name: sc.Name, Docs: slices.Clone(sc.Docs)}
	}
	return out
}

// BenchmarkIncremental10k makes the kept index of 10,000 records, then
// measures an update for an edit of one body.
func BenchmarkIncremental10k(b *testing.B) {
	docs, scopes := benchDocs(10_000)
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			if _, err := NewIncremental("sv", docs, scopes, Names{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("update", func(b *testing.B) {
		in, err := NewIncremental("sv", slices.Clone(docs), scopes, Names{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for b.Loop() {
			n++
			next := slices.Clone(docs)
			next[5000].Text = []string{"Redigering " + strconv.Itoa(n), docs[5000].Text[0]}
			if _, err := in.Update(next, []int{5000}, scopes, Names{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
