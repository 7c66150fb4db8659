package diag

import "strings"

// Nearest returns the name of names that word was most likely meant to
// be, for a message's "did you mean": the first nearest by EditDistance,
// letter case aside, when it is at most two edits away; else "".
func Nearest(word string, names []string) string {
	best, dist := "", 3
	w := strings.ToLower(word)
	for _, n := range names {
		if d := editWithin(w, strings.ToLower(n), dist-1); d < dist {
			best, dist = n, d
		}
	}
	return best
}

// editWithin is EditDistance(a, b) when it is at most k, else k+1: only
// the cells within k of the diagonal are computed, and it stops at the
// first row whose every cell is past k, after what a and b begin and end
// with alike. A name of a folder of thousands of records (site's
// nearRecord) is then rejected in a few steps.
func editWithin(a, b string, k int) int {
	past := k + 1
	if len(a)-len(b) > k || len(b)-len(a) > k {
		return past
	}
	// What both begin and end with takes no edit ("examensarbete-…", ".md").
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return min(len(a)+len(b), past)
	}
	if len(b)+2 > 64 {
		return editRows(a, b, k, make([]int, len(b)+2), make([]int, len(b)+2))
	}
	var rows [2 * 64]int // on the stack: no allocation for a name's rest of up to 62 bytes
	return editRows(a, b, k, rows[:len(b)+2], rows[64:64+len(b)+2])
}

// editRows is editWithin's table of the rest of a and b, in two rows of
// len(b)+2 cells.
func editRows(a, b string, k int, prev, cur []int) int {
	past := k + 1
	for j := range prev {
		prev[j] = min(j, past)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[lo-1] = past
		if lo == 1 {
			cur[0] = min(i, past)
		}
		least := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, past)
			least = min(least, cur[j])
		}
		cur[hi+1] = past
		if least > k {
			return past
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
