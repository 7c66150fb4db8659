package site

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
)

// reuseFiles is a site with lists of several pages (pageSize 2), two
// areas' worth of term pages, an agreement that a collaboration names,
// a translation and a lecture.
func reuseFiles() map[string]string {
	files := map[string]string{
		"content/agreements/avtal.md": agreement("status = \"active\"\nvalidUntil = 2027-03-01\nnoticeMonths = 6"),
		"content/collaborations/c.md": "+++\ntitle = \"C\"\ndate = 2026-01-01\nareas = [\"energi\"]\nstatus = \"active\"\npartners = [\"kth\"]\nperiodStart = 2026-01-01\nagreement = \"avtal\"\n+++\n\nText.\n",
		"content/lectures/l.md":       lecture("start = 2026-10-01T13:15:00+02:00\nend = 2026-10-01T15:00:00+02:00"),
		"content/theses/t1.en.md":     thesis("deadline = 2026-11-01"),
	}
	for i := 1; i <= 7; i++ {
		files[fmt.Sprintf("content/theses/t%d.md", i)] = thesis(fmt.Sprintf("deadline = 2026-11-%02d", i))
	}
	return files
}

// loadWith reads the records of files with cfg, and keeps the records of
// old (a set loaded before; nil: none) whose files are unchanged, as the
// preview keeps the records it did not reload.
func loadWith(t *testing.T, cfg *config.Config, files map[string]string, old *content.Set) *content.Set {
	t.Helper()
	set, err := loadKept(cfg, files, old)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// loadKept is loadWith that returns the problems of the files.
func loadKept(cfg *config.Config, files map[string]string, old *content.Set) (*content.Set, error) {
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	set, err := content.Load(fsys, cfg)
	if err != nil || old == nil {
		return set, err
	}
	same := func(a, b *content.Record) bool {
		return slices.EqualFunc(a.Versions, b.Versions, func(v, w *content.Version) bool {
			return v.Path == w.Path && v.Hash == w.Hash
		})
	}
	before := map[string]*content.Record{}
	for _, r := range old.Records {
		before[r.Own().Path] = r
	}
	for i, r := range set.Records {
		if o := before[r.Own().Path]; o != nil && same(o, r) {
			set.Records[i] = o
		}
	}
	return set, nil
}

// sameAsAnew checks that s is the site made anew from files at now: its
// pages, entries, lists and index members.
func sameAsAnew(t *testing.T, step string, s *Site, files map[string]string, now time.Time) {
	t.Helper()
	want, err := New(s.Cfg, loadWith(t, s.Cfg, files, nil), Options{Now: now, Drafts: true})
	if err != nil {
		t.Fatalf("%s: made anew: %v", step, err)
	}
	if len(s.Pages) != len(want.Pages) {
		t.Fatalf("%s: %d pages, want %d", step, len(s.Pages), len(want.Pages))
	}
	for i, p := range s.Pages {
		if !reflect.DeepEqual(p, want.Pages[i]) {
			t.Errorf("%s: page %s differs from the one made anew:\n%+v\nwant\n%+v", step, p.URL, p, want.Pages[i])
		}
	}
	if !reflect.DeepEqual(s.Entries, want.Entries) {
		t.Errorf("%s: entries differ from those made anew", step)
	}
	if !reflect.DeepEqual(s.ByKind, want.ByKind) {
		t.Errorf("%s: entries by kind differ from those made anew: %d kinds, want %d", step, len(s.ByKind), len(want.ByKind))
	}
	if !reflect.DeepEqual(s.members, want.members) || !reflect.DeepEqual(s.splits, want.splits) {
		t.Errorf("%s: lists or index members differ from those made anew", step)
	}
}

// TestReuse checks that a site made with the model it replaces (Prev)
// is the site made anew, for edits of every kind that moves a record, and
// that it takes what the edit did not touch from the previous model.
func TestReuse(t *testing.T) {
	cfg, _ := load(t, reuseFiles())
	now := stockholm(t, "2026-09-01 12:00")
	tests := []struct {
		name string
		edit func(files map[string]string)
		now  time.Time
		// kept and made are URLs of pages that are, or are not, the
		// previous site's own.
		kept, made []string
	}{
		{"deadline", func(f map[string]string) {
			f["content/theses/t7.md"] = thesis("deadline = 2026-10-15")
		}, now, []string{"/exjobb/t3/", "/en/theses/t1/", "/avtal/", "/en/collaborations/"}, []string{"/exjobb/", "/exjobb/sida/2/", "/exjobb/t7/"}},
		{"title only", func(f map[string]string) {
			f["content/theses/t5.md"] = strings.Replace(thesis("deadline = 2026-11-05"), `"T"`, `"Ny"`, 1)
		}, now, []string{"/exjobb/t4/"}, []string{"/exjobb/t5/"}},
		{"host", func(f map[string]string) {
			f["content/theses/t3.md"] = strings.Replace(thesis("deadline = 2026-11-03"), `host = "kth"`, `host = "stad"`, 1)
		}, now, []string{"/exjobb/t1/", "/avtal/"}, []string{"/organisationer/stad/", "/organisationer/kth/"}},
		{"new", func(f map[string]string) {
			f["content/theses/t0.md"] = thesis("deadline = 2026-10-01")
		}, now, []string{"/exjobb/t1/", "/avtal/avtal/"}, []string{"/exjobb/"}},
		{"deleted", func(f map[string]string) { delete(f, "content/theses/t2.md") },
			now, []string{"/exjobb/t1/"}, []string{"/exjobb/"}},
		{"closed", func(f map[string]string) {
			f["content/theses/t6.md"] = thesis("deadline = 2026-08-01")
		}, now, []string{"/exjobb/t1/"}, []string{"/exjobb/t6/", "/exjobb/arkiv/"}},
		{"naming record", func(f map[string]string) {
			f["content/collaborations/c.md"] = strings.Replace(f["content/collaborations/c.md"], `"C"`, `"C2"`, 1)
		}, now, []string{"/exjobb/t1/"}, []string{"/avtal/avtal/", "/samarbeten/c/"}},
		{"no longer named", func(f map[string]string) {
			f["content/collaborations/c.md"] = strings.Replace(f["content/collaborations/c.md"], "agreement = \"avtal\"\n", "", 1)
		}, now, []string{"/exjobb/t1/"}, []string{"/avtal/avtal/"}},
		{"a day later", func(map[string]string) {}, now.AddDate(0, 0, 1), []string{"/exjobb/t1/", "/exjobb/"}, []string{"/"}},
		{"lecture held", func(map[string]string) {}, stockholm(t, "2026-10-01 15:01"), []string{"/exjobb/t1/"}, []string{"/gastforelasningar/l/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := reuseFiles()
			set1 := loadWith(t, cfg, files, nil)
			prev, err := New(cfg, set1, Options{Now: now, Drafts: true, Reuse: true})
			if err != nil {
				t.Fatal(err)
			}
			edited := maps.Clone(files)
			tt.edit(edited)
			set2 := loadWith(t, cfg, edited, set1)
			got, err := New(cfg, set2, Options{Now: tt.now, Drafts: true, Reuse: true, Prev: prev})
			if err != nil {
				t.Fatal(err)
			}
			sameAsAnew(t, tt.name, got, edited, tt.now)
			old := map[string]*Page{}
			for _, p := range prev.Pages {
				old[p.URL] = p
			}
			for _, p := range got.Pages {
				if slices.Contains(tt.kept, p.URL) && old[p.URL] != p {
					t.Errorf("%s was made anew; want the previous site's", p.URL)
				}
				if slices.Contains(tt.made, p.URL) && old[p.URL] == p {
					t.Errorf("%s is the previous site's; want it made anew", p.URL)
				}
			}
			if got.prev != nil {
				t.Error("the site holds the previous one")
			}
		})
	}
}

// TestReuseOtherConfig checks that nothing is taken from a model of
// another config.
func TestReuseOtherConfig(t *testing.T) {
	cfg, _ := load(t, reuseFiles())
	other, _ := load(t, reuseFiles())
	now := stockholm(t, "2026-09-01 12:00")
	set := loadWith(t, cfg, reuseFiles(), nil)
	prev, err := New(cfg, set, Options{Now: now, Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(other, set, Options{Now: now, Reuse: true, Prev: prev})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range s.Pages {
		if p == prev.Pages[i] {
			t.Fatalf("%s is the previous site's, of another config", p.URL)
		}
	}
}

// TestReuseKindEmptied checks that a site made from the last one (Prev)
// after the last record of a kind is deleted lists no entries of that
// kind, as the site made anew does: New makes room for each kind the last
// site had (publishAll), and leaves out those that got none.
func TestReuseKindEmptied(t *testing.T) {
	files := reuseFiles()
	cfg, _ := load(t, files)
	now := stockholm(t, "2026-09-01 12:00")
	prev, err := New(cfg, loadWith(t, cfg, files, nil), Options{Now: now, Drafts: true, Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	delete(files, "content/lectures/l.md")
	got, err := New(cfg, loadWith(t, cfg, files, nil), Options{Now: now, Drafts: true, Reuse: true, Prev: prev})
	if err != nil {
		t.Fatal(err)
	}
	if es, ok := got.ByKind["lectures"]; ok {
		t.Errorf("ByKind[lectures] = %d entries, want no key", len(es))
	}
	sameAsAnew(t, "the only lecture deleted", got, files, now)
}
