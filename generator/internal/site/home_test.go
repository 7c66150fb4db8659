package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestHomeOffers checks that the home page's offers, taken from the head
// of each kind's list, are the first of all current offers sorted as one
// list: degree projects and internships with deadlines that often fall
// on the same day, whose ties are broken by slug across the two kinds.
func TestHomeOffers(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(7, 14))
	for round := range 20 {
		files := map[string]string{}
		for i := range 2 + r.IntN(20) {
			deadline := fmt.Sprintf("deadline = 2026-%02d-%02d", 6+r.IntN(3), 1+r.IntN(3))
			files[fmt.Sprintf("content/theses/t%02d-%d.md", r.IntN(50), i)] = thesis(deadline)
		}
		for i := range r.IntN(20) {
			deadline := fmt.Sprintf("deadline = 2026-%02d-%02d", 6+r.IntN(3), 1+r.IntN(3))
			files[fmt.Sprintf("content/internships/t%02d-%d.md", r.IntN(50), i)] = "+++\ntitle = \"P\"\ndate = 2026-01-01\nareas = [\"energi\"]\nhost = \"stad\"\n" + deadline + "\n+++\n\nText.\n"
		}
		s, err := newSite(t, files, now, false)
		if err != nil {
			t.Fatal(err)
		}
		all := append(slices.Clone(s.Current("theses")), s.Current("internships")...)
		sortOrder(all, s.Cfg.Kinds.Get("theses"), s.Cfg.Kinds.Get("theses").Order)
		want := all[:min(len(all), HomeSize)]
		got := s.homeOffers()
		if got = got[:min(len(got), HomeSize)]; !slices.Equal(got, want) {
			t.Errorf("round %d: home offers %v, want %v", round, slugs(got), slugs(want))
		}
	}
}

func slugs(es []*Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Kind + "/" + e.Slug
	}
	return out
}
