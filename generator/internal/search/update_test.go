package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
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
		{"a word leaves the strong text only", func(docs []Doc) { docs[9].Text = append(docs[9].Text, "Trafikkontoret") },
			func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
				docs[9].Strong = docs[9].Strong[:1]
				return docs, scopes, []int{9}
			}, 0},
		{"excerpt and facts", nil, func(docs []Doc, scopes []Scope, _ *Names) ([]Doc, []Scope, []int) {
			docs[17].Excerpt = "Kort."
			docs[17].Facts = [][]string{{"Nivå", "Kandidat"}}
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
			docs, scopes, before, in := kept(t, 200, tt.setup)
			names := Names{}
			docs2, scopes2, changed := tt.edit(slices.Clone(docs), cloneScopes(scopes), &names)
			want, err := Build("sv", docs2, scopes2, names)
			if err != nil {
				t.Fatal(err)
			}
			wrote, err := in.Update(docs2, nil, changed, scopes2, names)
			if err != nil {
				t.Fatal(err)
			}
			checkUpdate(t, before, want, in, wrote, tt.most)
			if len(docs2) != len(docs) || !slices.EqualFunc(scopes, scopes2, func(a, b Scope) bool {
				return a.Name == b.Name && slices.Equal(a.Docs, b.Docs)
			}) {
				return // not an edit in place
			}
			_, _, _, in = kept(t, 200, tt.setup)
			edits := map[int]Doc{}
			for _, i := range changed {
				edits[i] = docs2[i]
			}
			if wrote, err = in.Edit(edits, names); err != nil {
				t.Fatal(err)
			}
			checkUpdate(t, before, want, in, wrote, tt.most)
		})
	}
}

// kept returns 200 documents and their scopes (changed by setup, unless
// nil), their index built from nothing and the kept index of them.
func kept(t *testing.T, n int, setup func([]Doc)) ([]Doc, []Scope, *Index, *Incremental) {
	t.Helper()
	docs, scopes := benchDocs(n)
	slices.SortFunc(scopes, func(a, b Scope) int { return strings.Compare(a.Name, b.Name) })
	if setup != nil {
		setup(docs)
	}
	before, err := Build("sv", docs, scopes, Names{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewIncremental("sv", slices.Clone(docs), cloneScopes(scopes), Names{})
	if err != nil {
		t.Fatal(err)
	}
	return docs, scopes, before, in
}

// checkUpdate compares the updated index in with want, built from
// nothing, and checks that the files written again (wrote, at most most
// of them unless 0) are those whose bytes differ from before.
func checkUpdate(t *testing.T, before, want *Index, in *Incremental, wrote []string, most int) {
	t.Helper()
	sameIndex(t, before, want, in, wrote)
	for _, p := range want.Layout.Paths() {
		if v := in.Version(p); (v != 0) != slices.Contains(wrote, p) {
			t.Errorf("%s: version %d, written again: %v", p, v, slices.Contains(wrote, p))
		}
	}
	if most > 0 && len(wrote) > most {
		t.Errorf("wrote %d files again, want at most %d: %v", len(wrote), most, wrote)
	}
}

// sameIndex checks that the index in holds the bytes of want, built from
// nothing, and that each file whose bytes differ from before is among
// those the update wrote again (wrote).
func sameIndex(t *testing.T, before, want *Index, in *Incremental, wrote []string) {
	t.Helper()
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
		if old, err := before.File(p); (err != nil || !bytes.Equal(old, w)) && !slices.Contains(wrote, p) {
			t.Errorf("%s changed but is not among the files written again %v", p, wrote)
		}
	}
}

// TestIncrementalRenumber updates the index for documents added, deleted
// and moved (from: the previous number of each document, -1 for a new
// one), without making it anew.
func TestIncrementalRenumber(t *testing.T) {
	tests := []struct {
		name string
		from []int
		most int // files the update may write again; 0: any number
	}{
		{"the last document deleted", keep(200, 199), 20},
		{"a document deleted", keep(200, 17), 0},
		{"documents deleted, the last chunk goes", keep(200, 3, 150, 193, 194, 195, 196, 197, 198, 199), 0},
		{"a document added", slices.Insert(keep(200), 17, -1), 0},
		{"a document added at the end", append(keep(200), -1), 21},
		{"added and deleted", slices.Insert(keep(200, 100), 40, -1), 0},
		{"two documents change places", append([]int{1, 0}, keep(200, 0, 1)...), 8},
		{"a document moves back", slices.Insert(keep(200, 150), 20, 150), 0},
		{"a document moves forward, another is added", slices.Insert(keep(200, 3), 180, 3, -1), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, scopes, before, in := kept(t, 200, nil)
			docs2, scopes2 := reorder(docs, scopes, tt.from)
			want, err := Build("sv", docs2, scopes2, Names{})
			if err != nil {
				t.Fatal(err)
			}
			wrote, err := in.Update(docs2, tt.from, nil, scopes2, Names{})
			if err != nil {
				t.Fatal(err)
			}
			checkUpdate(t, before, want, in, wrote, tt.most)
		})
	}
}

// keep is 0 … n-1 without drop: the previous numbers of documents that
// stay, for Update's from.
func keep(n int, drop ...int) []int {
	var out []int
	for i := range n {
		if !slices.Contains(drop, i) {
			out = append(out, i)
		}
	}
	return out
}

// reorder makes the documents numbered as from says, a new one for each
// -1, and the scopes with them: a new document at the end of its kind's.
func reorder(docs []Doc, scopes []Scope, from []int) ([]Doc, []Scope) {
	out := make([]Doc, len(from))
	to := map[int]int{}
	for i, j := range from {
		if j >= 0 {
			out[i], to[j] = docs[j], i
			continue
		}
		out[i] = Doc{URL: "/theses/ny-" + strconv.Itoa(i) + "/", Title: "Ett nytt erbjudande", Lang: "sv",
			Kind: "theses", Excerpt: "Nytt.", Areas: []string{"area-9"}, Strong: []string{"Ett nytt erbjudande"},
			Text: []string{"helt nya ord och ord0ä0"}}
	}
	var next []Scope
	for _, s := range scopes {
		var ids []int
		for _, j := range s.Docs {
			if i, ok := to[j]; ok {
				ids = append(ids, i)
			}
		}
		if s.Name == "k-theses" {
			for i, j := range from {
				if j < 0 {
					ids = append(ids, i)
				}
			}
		}
		next = append(next, Scope{Name: s.Name, Docs: ids})
	}
	return out, next
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
			if _, err := in.Update(next, nil, []int{5000}, scopes, Names{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// "move" moves a document from the middle of the list to near its
	// start and back, as a new deadline does: every document between
	// the two places gets a new number.
	b.Run("move", func(b *testing.B) {
		in, err := NewIncremental("sv", slices.Clone(docs), scopes, Names{})
		if err != nil {
			b.Fatal(err)
		}
		there := keep(len(docs))
		there = slices.Insert(slices.Delete(there, 5000, 5001), 100, 5000)
		back := make([]int, len(there))
		for i, j := range there {
			back[j] = i
		}
		moved, movedScopes := reorder(docs, scopes, there)
		for i := 0; b.Loop(); i++ {
			next, nextScopes, from := moved, movedScopes, there
			if i%2 == 1 {
				next, nextScopes, from = docs, scopes, back
			}
			if _, err := in.Update(slices.Clone(next), from, nil, nextScopes, Names{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("edit", func(b *testing.B) {
		in, err := NewIncremental("sv", slices.Clone(docs), scopes, Names{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for b.Loop() {
			n++
			d := docs[5000]
			d.Text = []string{"Redigering " + strconv.Itoa(n), docs[5000].Text[0]}
			if _, err := in.Edit(map[int]Doc{5000: d}, Names{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestIncrementalChunkSize adds the document with which the result chunks
// grow from 8 to 16 documents: every chunk file is written again.
func TestIncrementalChunkSize(t *testing.T) {
	docs, scopes, before, in := kept(t, 2_699, nil)
	from := append(keep(len(docs)), -1)
	docs2, scopes2 := reorder(docs, scopes, from)
	want, err := Build("sv", docs2, scopes2, Names{})
	if err != nil {
		t.Fatal(err)
	}
	wrote, err := in.Update(docs2, from, nil, scopes2, Names{})
	if err != nil {
		t.Fatal(err)
	}
	if before.Layout.Chunk != 8 || want.Layout.Chunk != 16 {
		t.Fatalf("chunks of %d, then %d documents, want 8, then 16", before.Layout.Chunk, want.Layout.Chunk)
	}
	checkUpdate(t, before, want, in, wrote, 0)
	if !slices.Contains(wrote, "r/168.json") {
		t.Errorf("r/168.json, the last chunk of 16, not written: %v", wrote)
	}
}

// TestMoveSet compares moveSet with renumbering every number and
// sorting, for a document moved back or forward and one added or deleted
// (from, as Update takes it). moveSet renumbers only the numbers in the
// range changedRange gives, which may then pass those after it, as when
// a document moves to the end while one is added in its place.
func TestMoveSet(t *testing.T) {
	tests := []struct {
		name string
		from []int
	}{
		{"moved forward", slices.Insert(keep(60, 10), 40, 10)},
		{"moved back", slices.Insert(keep(60, 40), 10, 40)},
		{"to the end", append(keep(60, 0), 0)},
		{"added", slices.Insert(keep(60), 20, -1)},
		{"deleted", keep(60, 33)},
		{"two swapped", append([]int{1, 0}, keep(60, 0, 1)...)},
		// The new one takes the place of the moved one, whose new number
		// is past those that keep theirs.
		{"moved to the end, one added in its place", slices.Insert(append(keep(60, 10), 10), 10, -1)},
	}
	r := rand.New(rand.NewPCG(7, 8))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			to := make([]int32, 60)
			for j := range to {
				to[j] = -1
			}
			for i, j := range tt.from {
				if j >= 0 {
					to[j] = int32(i)
				}
			}
			for range 200 {
				var s []int32
				for j := range to {
					if to[j] >= 0 && r.IntN(3) == 0 {
						s = append(s, int32(j))
					}
				}
				want, moved := slices.Clone(s), false
				for k, n := range want {
					want[k], moved = to[n], moved || to[n] != n
				}
				slices.Sort(want)
				got := slices.Clone(s)
				lo, hi := changedRange(to)
				if m := moveSet(got, to, lo, hi); !slices.Equal(got, want) || m != moved {
					t.Fatalf("moveSet(%v) = %v, %v; want %v, %v", s, got, m, want, moved)
				}
			}
		})
	}
}

// TestKeptTermsOwnTheirStrings: the words, folds and prefixes the kept
// index keeps are strings of their own, not slices of a document's text,
// which they would keep alive after an edit replaced the document.
func TestKeptTermsOwnTheirStrings(t *testing.T) {
	docs, scopes := benchDocs(200)
	docs[0].Text = []string{"energi och vatten"} // folds that are the words themselves
	in, err := NewIncremental("sv", docs, scopes, Names{})
	if err != nil {
		t.Fatal(err)
	}
	// An edit that brings words and prefixes the index has not seen.
	edited := docs[3]
	edited.Text = []string{"qvist zebra ødegård"}
	if _, err := in.Edit(map[int]Doc{3: edited}, Names{}); err != nil {
		t.Fatal(err)
	}
	docs = append(docs, edited)
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, d := range docs {
			for _, x := range slices.Concat(d.Strong, d.Text) {
				start := uintptr(unsafe.Pointer(unsafe.StringData(x)))
				if len(x) > 0 && p >= start && p < start+uintptr(len(x)) {
					return true
				}
			}
		}
		return false
	}
	for w, p := range in.words {
		if inText(w) || inText(p.fold) {
			t.Errorf("word %q (fold %q) is a slice of a document's text", w, p.fold)
		}
	}
	for k := range in.unions {
		if inText(k) {
			t.Errorf("prefix %q is a slice of a document's text", k)
		}
	}
}
