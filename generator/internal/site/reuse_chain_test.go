package site

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
)

// TestReuseChain makes series of random edits, each site made from the
// last one (Options.Prev) as the preview makes them, with edits of text
// put in place (ReplaceText) between them, and checks after each that
// the site is the one made anew: its pages, entries, lists and index
// members. TestReuse checks one step from a site made anew; here what a
// site took over was taken over before.
func TestReuseChain(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			reuseChain(t, rand.New(rand.NewPCG(seed, 7)), 25)
		})
	}
}

// reuseChain runs steps random edits of reuseFiles.
func reuseChain(t *testing.T, r *rand.Rand, steps int) {
	files := reuseFiles()
	cfg, _ := load(t, files)
	now := stockholm(t, "2026-09-01 12:00")
	set := loadWith(t, cfg, files, nil)
	s, err := New(cfg, set, Options{Now: now, Drafts: true, Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range steps {
		edited := maps.Clone(files)
		then := now
		name := chainEdit(r, edited, &now)
		if name == "text" {
			if s2, ok := textInPlace(t, r, cfg, s, edited, &set); ok {
				files, s = edited, s2
				sameAsAnew(t, fmt.Sprintf("step %d: text in place", i), s, files, now)
				continue
			}
			now = then
			continue
		}
		set2, err := loadKept(cfg, edited, set)
		var got *Site
		if err == nil {
			got, err = New(cfg, set2, Options{Now: now, Drafts: true, Reuse: true, Prev: s})
		}
		if err != nil {
			now = then // refused: the served site stays, and so do its sources
			continue
		}
		files, set, s = edited, set2, got
		sameAsAnew(t, fmt.Sprintf("step %d: %s", i, name), s, files, now)
		if t.Failed() {
			return
		}
	}
}

// chainEdit changes files (or the time) at random and says how.
func chainEdit(r *rand.Rand, f map[string]string, now *time.Time) string {
	n := 2 + r.IntN(6) // t1 has a translation, which inherits its facts
	path := fmt.Sprintf("content/theses/t%d.md", n)
	day := fmt.Sprintf("deadline = 2026-%02d-%02d", 8+r.IntN(5), 1+r.IntN(28))
	switch op := r.IntN(10); op {
	case 0, 1:
		f[path] = thesis(day)
		return "deadline of " + path
	case 2:
		f[path] = strings.Replace(thesis(day), `host = "kth"`, `host = "stad"`, 1)
		return "host of " + path
	case 3:
		if _, ok := f[path]; ok {
			delete(f, path)
			return "deleted " + path
		}
		f[path] = thesis(day)
		return "added " + path
	case 4:
		tr := "content/lectures/l.en.md"
		if _, ok := f[tr]; ok {
			delete(f, tr)
			return "translation deleted"
		}
		f[tr] = "+++\ntitle = \"L en\"\n+++\n\nWords.\n"
		return "translation added"
	case 5:
		c := f["content/collaborations/c.md"]
		if strings.Contains(c, "agreement = ") {
			f["content/collaborations/c.md"] = strings.Replace(c, "agreement = \"avtal\"\n", "", 1)
			return "agreement no longer named"
		}
		f["content/collaborations/c.md"] = strings.Replace(c, "+++\n\n", "agreement = \"avtal\"\n+++\n\n", 1)
		return "agreement named"
	case 6:
		*now = now.AddDate(0, 0, 1+r.IntN(60))
		return "days passed"
	case 7:
		f[path] = thesis(day + fmt.Sprintf("\nslug = \"namn-%d\"", r.IntN(3)))
		return "slug of " + path
	default:
		return "text"
	}
}

// textInPlace changes the title of a thesis in files and puts its record
// as loaded again in s in place (ReplaceText), with the pages of s that
// show it, as the preview does; set then holds the new record.
func textInPlace(t *testing.T, r *rand.Rand, cfg *config.Config, s *Site, files map[string]string, set **content.Set) (*Site, bool) {
	t.Helper()
	path := fmt.Sprintf("content/theses/t%d.md", 2+r.IntN(6))
	ent := s.Lookup(path)
	if ent == nil {
		return nil, false
	}
	files[path] = regexp.MustCompile(`title = ".*"`).ReplaceAllString(files[path], fmt.Sprintf(`title = "T%d"`, r.IntN(100)))
	next := loadWith(t, cfg, files, *set)
	var rec *content.Record
	for _, x := range next.Records {
		if x.Own().Path == path {
			rec = x
		}
	}
	var pages []*Page // those that show ent
	for _, p := range s.Pages {
		shows := p.Entry == ent || slices.Contains(p.Deps, ent)
		for _, g := range p.Groups {
			for _, it := range g.Items {
				shows = shows || it.Entry == ent
			}
		}
		if p.Home != nil {
			for _, l := range p.Home.Lists() {
				for _, it := range l {
					shows = shows || it.Entry == ent
				}
			}
		}
		if shows {
			pages = append(pages, p)
		}
	}
	s.ReplaceText(ent, rec, pages)
	*set = next
	return s, true
}
