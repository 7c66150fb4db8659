package output

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"
)

// TestRecycledFilesUpdated builds the same paths again and again into the
// recycled tree with contents that grow, shrink, stay or change at and
// around the compare chunk's edges: every file must hold exactly the new
// bytes, and Unchanged must count the files that already held them.
func TestRecycledFilesUpdated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []int{0, 1, 100, compareChunk - 1, compareChunk, compareChunk + 1, 2*compareChunk + 7}
	content := func(n int, seed byte) []byte {
		return bytes.Repeat([]byte{'a' + seed%26}, n)
	}
	prev := map[string]string{}
	var history []map[string]string // the files of each build
	for round := range 12 {
		files := map[string]string{}
		for i, n := range sizes {
			name := filepath.ToSlash(filepath.Join("d", string(rune('a'+i))+".html"))
			switch rng.IntN(4) {
			case 0: // same as last round, when there was one
				if p, ok := prev[name]; ok {
					files[name] = p
					continue
				}
			case 1: // one byte changed near a chunk edge
				if p, ok := prev[name]; ok && len(p) > 0 {
					b := []byte(p)
					b[min(len(b)-1, compareChunk-1+rng.IntN(3))] ^= 1
					files[name] = string(b)
					continue
				}
			case 2: // shorter or longer than before
				n = max(0, n+rng.IntN(5)-2)
			}
			files[name] = string(content(n, byte(round)))
		}
		s, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		// The tree recycled is the one of two builds before: the previous
		// build's tree is the published one.
		same := -1
		if round >= 2 {
			same = 0
			for name, data := range files {
				if old, ok := history[round-2][name]; ok && old == data {
					same++
				}
			}
		}
		for name, data := range files {
			if err := s.Write(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		got := s.Unchanged()
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		tr := readTree(t, out)
		for name, data := range files {
			if tr[name] != data {
				t.Fatalf("round %d: %s holds %d bytes, want %d", round, name, len(tr[name]), len(data))
			}
		}
		if same >= 0 && got != same {
			t.Errorf("round %d: Unchanged() = %d, want %d", round, got, same)
		}
		history = append(history, files)
		prev = files
	}
}
