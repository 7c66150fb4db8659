package search

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// decodeSet is search.js's decodeSet, for the tests.
func decodeSet(t *testing.T, s string) []int {
	t.Helper()
	var out []int
	switch {
	case s == "":
	case s[0] == 'd':
		prev := -1
		for _, g := range strings.Split(s[1:], ",") {
			n, err := strconv.ParseInt(g, 36, 64)
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			prev += int(n) + 1
			out = append(out, prev)
		}
	case s[0] == 'b':
		bm, err := base64.StdEncoding.DecodeString(s[1:])
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		for i, b := range bm {
			for j := range 8 {
				if b&(1<<j) != 0 {
					out = append(out, i*8+j)
				}
			}
		}
	default:
		t.Fatalf("%q: neither a list nor a bitmap", s)
	}
	return out
}

func TestAppend36(t *testing.T) {
	for n := range int32(50_000) {
		if got, want := string(append36([]byte("x"), n)), "x"+strconv.FormatInt(int64(n), 36); got != want {
			t.Fatalf("append36(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestEncodeSet(t *testing.T) {
	dense := make([]int32, 0, 500)
	for i := range 1000 {
		if i%2 == 0 {
			dense = append(dense, int32(i))
		}
	}
	tests := []struct {
		name string
		set  []int32
		want string // "" to check the round trip only
	}{
		{"empty", nil, ""},
		{"one", []int32{0}, "d0"},
		{"gaps in base 36", []int32{3, 4, 40}, "d3,0,z"},
		{"gaps of two and three digits", []int32{1295, 1296, 2593}, "dzz,0,100"},
		{"a run: a bitmap is shorter", []int32{0, 1, 2, 3}, "bDw=="},
		{"shorter than a bitmap: the list", []int32{0, 1}, "d0,0"},
		{"dense: a bitmap", dense, ""},
	}
	for _, tc := range tests {
		got := encodeSet(tc.set)
		if tc.want != "" && got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if back := decodeSet(t, got); !slices.Equal(back, toInts(tc.set)) {
			t.Errorf("%s: %q decodes to %v, want %v", tc.name, got, back, tc.set)
		}
	}
	if got := encodeSet(dense); got[0] != 'b' || len(got) > 200 {
		t.Errorf("dense set: %d bytes, %.10q…, want a bitmap", len(got), got)
	}
}

func TestFold(t *testing.T) {
	f := NewFolder()
	for in, want := range map[string]string{
		"fjärrvärme": "fjarrvarme", "Mälardalen": "malardalen", "ÅÄÖ": "aao", "Łódź": "lodz",
		"café": "cafe", "energi": "energi", "straße": "straße", "ø": "ø",
	} {
		if got := f.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if len([]rune(foldFrom)) != len([]rune(foldTo)) {
		t.Fatalf("foldFrom has %d letters, foldTo %d", len([]rune(foldFrom)), len([]rune(foldTo)))
	}
}

// TestFoldTableInScript: search.js folds a query with the same letters.
func TestFoldTableInScript(t *testing.T) {
	// search.js is a folder of parts, joined in the order of their names
	// (as package render joins them, which this package's tests cannot import).
	parts, err := filepath.Glob("../../../templates/assets/search.js/*.js")
	if err != nil || len(parts) == 0 {
		t.Fatalf("no parts of search.js: %v", err)
	}
	var js []byte
	for _, p := range parts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		js = append(js, b...)
	}
	for name, want := range map[string]string{"FOLD_FROM": foldFrom, "FOLD_TO": foldTo} {
		m := regexp.MustCompile(`var ` + name + ` = '([^']*)';`).FindSubmatch(js)
		if m == nil || string(m[1]) != want {
			t.Errorf("search.js: %s is %q, want %q", name, m, want)
		}
	}
}

func TestTokensAndWords(t *testing.T) {
	if got, want := Tokens("Fjärrvärme – i Mälardalen, 2026! fjärrvärme"), []string{"fjärrvärme", "i", "mälardalen", "2026", "fjärrvärme"}; !slices.Equal(got, want) {
		t.Errorf("Tokens: %q, want %q", got, want)
	}
	if got, want := Words("Data och data, och DATA-analys. Ödmjuk ÖDMJUK ödmjuk"), "data och analys ödmjuk"; got != want {
		t.Errorf("Words: %q, want %q", got, want)
	}
	// Words keeps a hash table of the words seen, which grows: texts of
	// more distinct words than it starts with, and repeats far apart,
	// give the distinct tokens all the same, in the order they first
	// occur.
	r := rand.New(rand.NewPCG(5, 6))
	for _, distinct := range []int{1, 10, 511, 512, 513, 3000} {
		w := make([]string, 4*distinct)
		for i := range w {
			w[i] = fmt.Sprintf("Ord%dÄ", r.IntN(distinct))
		}
		text := strings.Join(w, " ")
		want := distinctTokens(text)
		if got := Words(text); got != want {
			t.Errorf("Words of %d distinct words: %d words, want %d", distinct, len(strings.Fields(got)), len(strings.Fields(want)))
		}
	}
}

func TestLayout(t *testing.T) {
	tests := []struct {
		docs, buckets, chunk, files int
	}{
		{0, 8, 8, 1 + 8 + 1},
		{10, 8, 8, 1 + 8 + 1 + 2},
		{2_699, 64, 8, 1 + 64 + 1 + 338},
		{2_700, 64, 16, 1 + 64 + 1 + 169},
		{10_000, 256, 32, 1 + 256 + 1 + 313},
		{1_000_000, 4096, 32, 1 + 4096 + 1 + 31_250},
	}
	for _, tc := range tests {
		l := NewLayout(tc.docs, []string{"k-theses"})
		if l.Buckets != tc.buckets || l.Chunk != tc.chunk || len(l.Paths()) != tc.files {
			t.Errorf("%d documents: %d buckets, chunks of %d, %d files, want %d, %d, %d", tc.docs, l.Buckets, l.Chunk, len(l.Paths()), tc.buckets, tc.chunk, tc.files)
		}
	}
}

func sampleDocs() ([]Doc, []Scope) {
	docs := []Doc{
		{URL: "/a/", Title: "Fjärrvärme i Mälardalen", Lang: "sv", Kind: "theses", Closes: "2026-12-01T00:00:00+01:00",
			Areas: []string{"energi"}, Strong: []string{"Fjärrvärme i Mälardalen"}, Text: []string{"om värme"},
			Facts: [][]string{{"Nivå", "Master"}}},
		{URL: "/b/", Title: "Kyla", Lang: "sv", Kind: "theses", Strong: []string{"Kyla"}, Text: []string{"fjarrvarme utan prickar"}},
		{URL: "/c/", Title: "Arkiv", Lang: "en", Kind: "lectures", Archived: true, State: "past", Strong: []string{"Arkiv"},
			Facts: [][]string{{"Plats", "KTH Campus, room Q2", "en"}}},
	}
	return docs, []Scope{{"k-theses", []int{0, 1}}, {"a-energi", []int{0, 2}}}
}

// TestBuild: every file of the layout, the same bytes every time, and the
// words of a document in the bucket of their folded prefix.
func TestBuild(t *testing.T) {
	docs, scopes := sampleDocs()
	x, err := Build("sv", docs, scopes, Names{States: map[string]string{"past": "Har varit"}})
	if err != nil {
		t.Fatal(err)
	}
	y, _ := Build("sv", docs, scopes, Names{States: map[string]string{"past": "Har varit"}})
	for _, p := range x.Layout.Paths() {
		a, err := x.File(p)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := y.File(p); !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	if len(x.files) != len(x.Layout.Paths()) {
		t.Errorf("%d files, layout has %d", len(x.files), len(x.Layout.Paths()))
	}
	if _, err := x.File("t/99.json"); err == nil || err.Error() != "search: no file t/99.json in the index" {
		t.Errorf("unknown file: %v", err)
	}
	b, _ := x.File(bucketPath(x.Layout.bucket("fj")))
	if !bytes.Contains(b, []byte(`"fjärrvärme":["d0","d0"]`)) || !bytes.Contains(b, []byte(`"fjarrvarme":["d1",""]`)) {
		t.Errorf("bucket of fj: %s", b)
	}
	b, _ = x.File(bucketPath(x.Layout.bucket("f")))
	if !bytes.Contains(b, []byte(`"f":["d0,0","d0"]`)) {
		t.Errorf("bucket of f: %s", b)
	}
	if !bytes.Contains(b, []byte(`"n":{`)) || !bytes.Contains(b, []byte(`"f":["fj"]`)) {
		t.Errorf("next prefixes of f: %s", b)
	}
	for p, want := range map[string]string{
		"s/a-energi.json": `{"d":[[0,1,[1],0,[],0,[],1,0,0],[1,2,[],0,[],0,[],0,1,1]],"t":{"archived":["","1"],"area":["","energi"],` +
			`"closes":["","2026-12-01T00:00:00+01:00"],"host":[""],"kind":["","theses","lectures"],"language":[""],"level":[""],"school":[""],"state":["","past"]}}` + "\n",
		"r/0.json":   `[["/a/","Fjärrvärme i Mälardalen","sv","",[["Nivå","Master"]]],["/b/","Kyla","sv","",[]],["/c/","Arkiv","en","",[["Plats","KTH Campus, room Q2","en"]]]]` + "\n",
		"index.json": `{"buckets":8,"chunk":8,"docs":3,"foreign":{},"lang":"sv","prefix":2,"states":{"past":"Har varit"},"v":2}` + "\n",
	} {
		if got, _ := x.File(p); string(got) != want {
			t.Errorf("%s:\n%s\nwant\n%s", p, got, want)
		}
	}
}

// TestNextPrefixes: the prefixes a short one goes on with, by the number
// of documents of their words (folded), most first, then in byte order,
// at most Next.
func TestNextPrefixes(t *testing.T) {
	tests := []struct {
		texts []string // one document each
		want  map[string][]string
	}{
		{[]string{"energi en", "Energi enkel", "ett eko"}, map[string][]string{"e": {"en", "ek", "et"}}},
		{[]string{"Ärende ärm", "arm"}, map[string][]string{"a": {"ar"}}},
		{[]string{"a b"}, map[string][]string{}},
		{[]string{"ea eb ec ed ee ef eg", "eg"}, map[string][]string{"e": {"eg", "ea", "eb", "ec", "ed", "ee"}}},
	}
	for _, tc := range tests {
		docs := make([]Doc, len(tc.texts))
		for i, text := range tc.texts {
			docs[i] = Doc{Text: []string{text}}
		}
		x, err := Build("sv", docs, nil, Names{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for i := range x.Layout.Buckets {
			data, _ := x.File(bucketPath(i))
			var b bucket
			if err := json.Unmarshal(data, &b); err != nil {
				t.Fatal(err)
			}
			maps.Copy(got, b.N)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.texts, got, tc.want)
		}
	}
}

func toInts(s []int32) []int {
	out := make([]int, len(s))
	for i, n := range s {
		out[i] = int(n)
	}
	return out
}
