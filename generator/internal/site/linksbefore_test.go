package site

import (
	"maps"
	"strings"
	"testing"
)

// TestLinksAsBefore checks which edits let a model made from the last one
// check the links of the bodies of its entries made anew alone
// (linksAsBefore), and that the model is then the one made anew, link
// errors included. t3's body links to t2, and to t2's old address.
func TestLinksAsBefore(t *testing.T) {
	base := reuseFiles()
	base["content/theses/t3.md"] += "Se [t2](t2.md) och [förr](/gammal/).\n"
	base["content/theses/t2.md"] = strings.Replace(base["content/theses/t2.md"], "+++\n\n", "aliases = [\"/gammal/\"]\n+++\n\n", 1)
	cfg, _ := load(t, base)
	now := stockholm(t, "2026-09-01 12:00")
	tests := []struct {
		name    string
		edit    func(files map[string]string)
		between map[string]string // a model of these files, over the same store, between the two
		checked int               // versions whose links the second model checks
		err     string
	}{
		{name: "deadline", edit: func(f map[string]string) { f["content/theses/t7.md"] = thesis("deadline = 2026-10-15") }, checked: 1},
		{name: "title", edit: func(f map[string]string) {
			f["content/theses/t5.md"] = strings.Replace(f["content/theses/t5.md"], `"T"`, `"Ny"`, 1)
		}, checked: 1},
		{name: "linked record deleted", edit: func(f map[string]string) { delete(f, "content/theses/t2.md") },
			checked: 10, err: "content/theses/t3.md:12:9: link to t2.md: no such record; did you mean t1.md?\n" +
				"content/theses/t3.md:12:27: link to /gammal/: no such page on the site; check the address"},
		{name: "linked record's slug", edit: func(f map[string]string) {
			f["content/theses/t2.md"] = strings.Replace(f["content/theses/t2.md"], "+++\n\n", "slug = \"ny\"\n+++\n\n", 1)
		}, checked: 11},
		{name: "slugs swapped", edit: func(f map[string]string) {
			f["content/theses/t2.md"] = strings.Replace(f["content/theses/t2.md"], "+++\n\n", "slug = \"t4\"\n+++\n\n", 1)
			f["content/theses/t4.md"] = strings.Replace(f["content/theses/t4.md"], "+++\n\n", "slug = \"t2\"\n+++\n\n", 1)
		}, checked: 11},
		{name: "linked old address", edit: func(f map[string]string) {
			f["content/theses/t2.md"] = strings.Replace(f["content/theses/t2.md"], `"/gammal/"`, `"/annan/"`, 1)
		}, checked: 11, err: "content/theses/t3.md:12:27: link to /gammal/: no such page on the site; check the address"},
		{name: "a model of problems between", edit: func(f map[string]string) { f["content/theses/t7.md"] = thesis("deadline = 2026-10-15") },
			between: map[string]string{"content/theses/t4.md": thesis("deadline = 2026-11-04") + "Se [x](x.md).\n"}, checked: 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(base)
			store := NewBodies()
			set1 := loadWith(t, cfg, files, nil)
			prev, err := New(cfg, set1, Options{Now: now, Drafts: true, Reuse: true, Bodies: store})
			if err != nil {
				t.Fatal(err)
			}
			if tt.between != nil {
				other := maps.Clone(files)
				maps.Copy(other, tt.between)
				if _, err := New(cfg, loadWith(t, cfg, other, set1), Options{Now: now, Drafts: true, Bodies: store}); err == nil {
					t.Fatal("the model between has no problems")
				}
			}
			edited := maps.Clone(files)
			tt.edit(edited)
			got, err := New(cfg, loadWith(t, cfg, edited, set1), Options{Now: now, Drafts: true, Reuse: true, Prev: prev, Bodies: store})
			if msg := errText(err); msg != tt.err {
				t.Fatalf("error %q, want %q", msg, tt.err)
			}
			checked := checkedVersions(got)
			if checked != tt.checked {
				t.Errorf("the links of %d versions checked, want %d", checked, tt.checked)
			}
			if fast := checked < 10; got.BodiesAsIn(prev) != fast || got.BodiesAsIn(got) || got.BodiesAsIn(nil) {
				t.Errorf("BodiesAsIn: of the last site %v (want %v), of itself %v, of none %v",
					got.BodiesAsIn(prev), fast, got.BodiesAsIn(got), got.BodiesAsIn(nil))
			}
			if err == nil {
				sameAsAnew(t, tt.name, got, edited, now)
			}
		})
	}
}

// checkedVersions is the number of versions whose links New checked: of
// the entries made anew when linksAsBefore held, else of every entry.
func checkedVersions(s *Site) int {
	entries := s.all()
	if s.asBefore != nil {
		entries = s.fresh
	}
	n := 0
	for _, e := range entries {
		n += len(e.Versions)
	}
	return n
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
