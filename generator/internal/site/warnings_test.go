package site

import (
	"testing"
)

// TestDeadlineWarning checks that an offer whose deadline is not after
// its date (as `portal new` writes it) is a warning at the deadline, so
// that check -strict refuses it while older records still build.
func TestDeadlineWarning(t *testing.T) {
	const p = "content/theses/a.md"
	for _, c := range []struct{ deadline, want string }{
		{"2026-01-01", p + ":8:12: warning: deadline 2026-01-01 must be after the record's date 2026-01-01; write the last day to apply"},
		{"2025-12-31", p + ":8:12: warning: deadline 2025-12-31 must be after the record's date 2026-01-01; write the last day to apply"},
		{"2026-01-02", ""},
	} {
		s, err := newSite(t, map[string]string{p: thesis("deadline = " + c.deadline)}, stockholm(t, "2025-06-01 12:00"), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings().Error(); got != c.want {
			t.Errorf("deadline %s: %q, want %q", c.deadline, got, c.want)
		}
	}
}
