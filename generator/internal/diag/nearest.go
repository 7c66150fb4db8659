package diag

import "strings"

// Nearest returns the name of names that word was most likely meant to
// be, for a message's "did you mean": the first nearest by EditDistance,
// letter case aside, when it is at most two edits away; else "".
func Nearest(word string, names []string) string {
	best, dist := "", 3
	for _, n := range names {
		if d := EditDistance(strings.ToLower(word), strings.ToLower(n)); d < dist {
			best, dist = n, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance of a and b, in bytes: the
// fewest insertions, deletions and substitutions that turn one into the
// other.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
