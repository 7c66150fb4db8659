package diag

import "testing"

// TestEditWithin: the banded distance is EditDistance up to k, else k+1.
func TestEditWithin(t *testing.T) {
	words := []string{"", "a", "ab", "ba", "abc", "andra.md", "andar.md", "andra", "xandra.md", "energidata.md",
		"energydata.md", "energi-data.md", "kitten", "sitting", "flaw", "lawn", "aaaa", "bbbb"}
	for _, a := range words {
		for _, b := range words {
			for k := 0; k <= 3; k++ {
				want := min(EditDistance(a, b), k+1)
				if got := editWithin(a, b, k); got != want {
					t.Errorf("editWithin(%q, %q, %d) = %d, want %d", a, b, k, got, want)
				}
			}
		}
	}
}

// FuzzEditWithin checks editWithin against EditDistance on any input.
func FuzzEditWithin(f *testing.F) {
	f.Add("andra.md", "andar.md", 2)
	f.Fuzz(func(t *testing.T, a, b string, k int) {
		if len(a) > 64 || len(b) > 64 || k < 0 || k > 4 {
			return
		}
		if got, want := editWithin(a, b, k), min(EditDistance(a, b), k+1); got != want {
			t.Errorf("editWithin(%q, %q, %d) = %d, want %d", a, b, k, got, want)
		}
	})
}
