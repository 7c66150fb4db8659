package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// diffOp is one line of an edit script: ' ' kept, '-' only in want, '+'
// only in got.
type diffOp struct {
	kind byte
	line string
}

// maxDiffCells bounds the LCS table; larger differences show as one block.
const maxDiffCells = 4 << 20

// lineDiff returns the edit script from want to got by a longest common
// subsequence of lines, after trimming the common prefix and suffix.
func lineDiff(want, got []string) []diffOp {
	pre := 0
	for pre < len(want) && pre < len(got) && want[pre] == got[pre] {
		pre++
	}
	suf := 0
	for suf < len(want)-pre && suf < len(got)-pre && want[len(want)-1-suf] == got[len(got)-1-suf] {
		suf++
	}
	a, b := want[pre:len(want)-suf], got[pre:len(got)-suf]
	var ops []diffOp
	for _, l := range want[:pre] {
		ops = append(ops, diffOp{' ', l})
	}
	if len(a)*len(b) > maxDiffCells {
		for _, l := range a {
			ops = append(ops, diffOp{'-', l})
		}
		for _, l := range b {
			ops = append(ops, diffOp{'+', l})
		}
	} else {
		ops = append(ops, lcsOps(a, b)...)
	}
	for _, l := range want[len(want)-suf:] {
		ops = append(ops, diffOp{' ', l})
	}
	return ops
}

// lcsOps is the dynamic-programming LCS of a and b as an edit script.
func lcsOps(a, b []string) []diffOp {
	w := len(b) + 1
	n := make([]int, (len(a)+1)*w) // n[i*w+j]: LCS length of a[i:], b[j:]
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				n[i*w+j] = n[(i+1)*w+j+1] + 1
			} else {
				n[i*w+j] = max(n[(i+1)*w+j], n[i*w+j+1])
			}
		}
	}
	var ops []diffOp
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, diffOp{' ', a[i]})
			i, j = i+1, j+1
		case j == len(b) || i < len(a) && n[(i+1)*w+j] >= n[i*w+j+1]:
			ops = append(ops, diffOp{'-', a[i]})
			i++
		default:
			ops = append(ops, diffOp{'+', b[j]})
			j++
		}
	}
	return ops
}

// unifiedDiff shows how got differs from want as a unified diff with
// context lines around each change, cut after maxLines lines; "" when they
// are equal.
func unifiedDiff(name, want, got string, context, maxLines int) string {
	if want == got {
		return ""
	}
	ops := lineDiff(splitLines(want), splitLines(got))
	var out []string
	out = append(out, "--- want "+name+"\n", "+++ got "+name+"\n")
	for k := 0; k < len(ops); {
		if ops[k].kind == ' ' {
			k++
			continue
		}
		// A hunk: from context lines before this change to context lines
		// after the last change that is at most 2*context lines further.
		start := max(0, k-context)
		end := k
		for e := k; e < len(ops) && e <= end+2*context; e++ {
			if ops[e].kind != ' ' {
				end = e
			}
		}
		end = min(len(ops), end+context+1)
		out = append(out, hunkHeader(ops, start, end))
		for _, op := range ops[start:end] {
			l := op.line
			if !strings.HasSuffix(l, "\n") {
				l += "\n\\ No newline at end of file\n"
			}
			out = append(out, string(op.kind)+l)
		}
		k = end
	}
	if len(out) > maxLines {
		more := len(out) - maxLines
		out = append(out[:maxLines], fmt.Sprintf("… %d more lines of diff\n", more))
	}
	return strings.Join(out, "")
}

// splitLines splits s after each newline; a final newline starts no line.
func splitLines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// hunkHeader is the @@ line of ops[start:end], with 1-based line numbers.
func hunkHeader(ops []diffOp, start, end int) string {
	la, lb := 1, 1
	for _, op := range ops[:start] {
		la, lb = la+b2i(op.kind != '+'), lb+b2i(op.kind != '-')
	}
	na, nb := 0, 0
	for _, op := range ops[start:end] {
		na, nb = na+b2i(op.kind != '+'), nb+b2i(op.kind != '-')
	}
	if na == 0 {
		la--
	}
	if nb == 0 {
		lb--
	}
	return fmt.Sprintf("@@ -%d,%d +%d,%d @@\n", la, na, lb, nb)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestUnifiedDiff(t *testing.T) {
	lines := func(n int, change map[int]string) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			if s, ok := change[i]; ok {
				b.WriteString(s)
				continue
			}
			fmt.Fprintf(&b, "line %d\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, want, got string
		maxLines        int
		diff            string
	}{
		{"equal", "a\nb\n", "a\nb\n", 50, ""},
		{"from empty", "", "a\n", 50, "--- want f\n+++ got f\n@@ -0,0 +1,1 @@\n+a\n"},
		{"one changed line", lines(10, nil), lines(10, map[int]string{5: "five\n"}), 50,
			"--- want f\n+++ got f\n@@ -3,5 +3,5 @@\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n"},
		{"inserted at start", "b\nc\n", "a\nb\nc\n", 50,
			"--- want f\n+++ got f\n@@ -1,2 +1,3 @@\n+a\n b\n c\n"},
		{"deleted at end", "a\nb\nc\n", "a\nb\n", 50, "--- want f\n+++ got f\n@@ -1,3 +1,2 @@\n a\n b\n-c\n"},
		{"two hunks", lines(20, nil), lines(20, map[int]string{2: "two\n", 18: "x\n"}), 50,
			"--- want f\n+++ got f\n@@ -1,4 +1,4 @@\n line 1\n-line 2\n+two\n line 3\n line 4\n@@ -16,5 +16,5 @@\n line 16\n line 17\n-line 18\n+x\n line 19\n line 20\n"},
		{"close changes share a hunk", lines(12, nil), lines(12, map[int]string{4: "4\n", 8: "8\n"}), 50,
			"--- want f\n+++ got f\n@@ -2,9 +2,9 @@\n line 2\n line 3\n-line 4\n+4\n line 5\n line 6\n line 7\n-line 8\n+8\n line 9\n line 10\n"},
		{"no final newline", "a\nb", "a\nc", 50,
			"--- want f\n+++ got f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"cut", lines(10, nil), lines(10, map[int]string{5: "five\n"}), 4,
			"--- want f\n+++ got f\n@@ -3,5 +3,5 @@\n line 3\n… 5 more lines of diff\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unifiedDiff("f", tc.want, tc.got, 2, tc.maxLines); got != tc.diff {
				t.Errorf("diff:\n%s\nwant:\n%s", got, tc.diff)
			}
		})
	}
}
