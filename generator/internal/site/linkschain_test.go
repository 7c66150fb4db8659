package site

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/content"
)

// TestLinksAsBeforeChain makes series of random edits of records whose
// bodies link to each other, to an alias and to site paths, with the
// clock moving over publish and expiry dates, models of problems made
// over the same store in between, and texts edited in place (rendered by
// the served model, as the preview does), and checks after each that
// the model made from the last one (linksAsBefore or not) has the errors
// and the bodies of the model made anew.
func TestLinksAsBeforeChain(t *testing.T) {
	seeds := 60 // PORTAL_RANDOM_EDITS=N runs N×10 more
	if n, err := strconv.Atoi(os.Getenv("PORTAL_RANDOM_EDITS")); err == nil {
		seeds += 10 * n
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			linksChain(t, rand.New(rand.NewPCG(seed, 11)), 30)
		})
	}
}

func linkedThesis(r *rand.Rand, now time.Time) string {
	var extra []string
	extra = append(extra, fmt.Sprintf("deadline = 2026-%02d-%02d", 8+r.IntN(5), 1+r.IntN(28)))
	switch r.IntN(6) {
	case 0:
		extra = append(extra, "publishDate = "+now.Add(time.Duration(r.IntN(96)-24)*time.Hour).Format(time.RFC3339))
	case 1:
		extra = append(extra, "expiryDate = "+now.Add(time.Duration(r.IntN(96)+1)*time.Hour).Format(time.RFC3339))
	case 2:
		extra = append(extra, "aliases = [\"/gammal/\"]")
	case 3:
		extra = append(extra, fmt.Sprintf("slug = \"namn-%d\"", r.IntN(3)))
	}
	body := thesis(strings.Join(extra, "\n"))
	for range r.IntN(3) {
		switch r.IntN(4) {
		case 0:
			body += "Se [förr](/gammal/).\n"
		case 1:
			body += "Till [start](/).\n"
		default:
			body += fmt.Sprintf("Se [t](t%d.md).\n", 1+r.IntN(8))
		}
	}
	return body
}

// linksChain runs steps random edits and returns how many models checked
// the links of their new entries alone.
func linksChain(t *testing.T, r *rand.Rand, steps int) (asBefore int) {
	files := reuseFiles()
	cfg, _ := load(t, files)
	now := stockholm(t, "2026-09-01 12:00")
	store := NewBodies()
	set := loadWith(t, cfg, files, nil)
	s, err := New(cfg, set, Options{Now: now, Drafts: true, Reuse: true, Bodies: store})
	if err != nil {
		t.Fatal(err)
	}
	between := false                 // a model of problems was made since s: the preview makes a new model next
	inPlaceErrs := map[string]bool{} // the files whose bodies, rendered in place, have link errors (engine.bodyErrs)
	for i := range steps {
		edited := maps.Clone(files)
		then := now
		n := 1 + r.IntN(8)
		path := fmt.Sprintf("content/theses/t%d.md", n)
		var name string
		switch op := r.IntN(10); {
		case op < 5:
			edited[path] = linkedThesis(r, now)
			name = "rewrote " + path
		case op == 5:
			delete(edited, path)
			name = "deleted " + path
		case op == 6:
			now = now.Add(time.Duration(1+r.IntN(48)) * time.Hour)
			name = "hours passed"
		case op == 7:
			tr := "content/theses/t1.en.md"
			if _, ok := edited[tr]; ok {
				delete(edited, tr)
				name = "translation deleted"
			} else {
				edited[tr] = thesis("deadline = 2026-11-01") + "See [t](t2.md).\n"
				name = "translation added"
			}
		case op == 8:
			// A model of problems over the same store, not served.
			other := maps.Clone(files)
			other[path] = linkedThesis(r, now) + "Se [x](borta.md).\n"
			oset, err := loadKept(cfg, other, set)
			if err != nil {
				continue // refused by content: the preview's check has a store of its own (Over)
			}
			if _, err := New(cfg, oset, Options{Now: now, Drafts: true, Bodies: store}); err == nil {
				t.Logf("step %d: the model between has no problems", i)
			}
			between = true
			continue
		default:
			// Text in place: the body of a published record, rendered
			// by the served model.
			ent := s.Lookup(path)
			if ent == nil || between {
				continue
			}
			edited[path] = files[path] + fmt.Sprintf("Ord %d.\n", r.IntN(100))
			if r.IntN(2) == 0 {
				edited[path] += fmt.Sprintf("Se [t](t%d.md).\n", 1+r.IntN(8))
			}
			next := loadWith(t, cfg, edited, set)
			var rec *content.Record
			for _, x := range next.Records {
				if x.Own().Path == path {
					rec = x
				}
			}
			for _, p := range s.ReplaceText(ent, rec, s.Pages) {
				if p[0].Hash != p[1].Hash {
					inPlaceErrs[p[1].Path] = len(s.RenderBody(ent, p[1])) > 0
					if !inPlaceErrs[p[1].Path] {
						delete(inPlaceErrs, p[1].Path)
					}
				}
			}
			files, set = edited, next
			if len(inPlaceErrs) > 0 {
				continue // the preview reports them
			}
			checkLinksAsAnew(t, fmt.Sprintf("step %d: text in place of %s", i, path), s, nil, files, now)
			if t.Failed() {
				return asBefore
			}
			continue
		}
		set2, err := loadKept(cfg, edited, set)
		if err != nil {
			now = then
			continue
		}
		got, err := New(cfg, set2, Options{Now: now, Drafts: true, Reuse: true, Prev: s, Bodies: store})
		step := fmt.Sprintf("step %d: %s (as before %v)", i, name, got.asBefore != nil)
		t.Log(step)
		checkLinksAsAnew(t, step, got, err, edited, now)
		if t.Failed() {
			return asBefore
		}
		if got.asBefore != nil {
			asBefore++
		}
		if err != nil {
			now, between = then, true // refused: the served model stays, the preview makes a new one next
			continue
		}
		files, set, s, between = edited, set2, got, false
		clear(inPlaceErrs)
	}
	return asBefore
}

// checkLinksAsAnew checks that s, made with the error err, has the
// errors and bodies of the model made anew from files at now.
func checkLinksAsAnew(t *testing.T, step string, s *Site, err error, files map[string]string, now time.Time) {
	t.Helper()
	want, werr := New(s.Cfg, loadWith(t, s.Cfg, files, nil), Options{Now: now, Drafts: true})
	if errText(err) != errText(werr) {
		t.Fatalf("%s: error\n%v\nwant\n%v", step, errText(err), errText(werr))
	}
	if err != nil {
		return
	}
	ws := map[string]string{}
	for _, e := range append(slices.Clip(want.Entries), want.Free...) {
		for _, v := range e.Versions {
			ws[v.Path] = string(want.Body(v).HTML)
		}
	}
	for _, e := range append(slices.Clip(s.Entries), s.Free...) {
		for _, v := range e.Versions {
			if got := string(s.Body(v).HTML); got != ws[v.Path] {
				t.Errorf("%s: body of %s\n%s\nwant\n%s", step, v.Path, got, ws[v.Path])
			}
		}
	}
}
