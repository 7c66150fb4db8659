package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"portal/generator/internal/output"
	"portal/generator/internal/site"
)

// build brings the folder up to l, a site made with Bodies, at once: it
// writes every batch of Plan.
func (in *Incremental) build(ctx context.Context, l *Loaded, gen uint64) error {
	for _, b := range in.Plan(l, gen, func(*site.Entry) bool { return false }) {
		if _, err := in.Write(ctx, b); err != nil {
			return err
		}
	}
	return nil
}

// TestPlanBatches checks the batches of Incremental.Plan after edits that
// give the site a new model: every output in one batch; the first holds
// the pages of the edited records and the files beside them, and removes
// a deleted record's; the second the other pages, the third the other
// files; the layer is Settled once the three are written, and the folder
// then holds what a build writes.
// The store is a folder or memory (serve's): the same files in both.
func TestPlanBatches(t *testing.T) {
	for _, name := range []string{"folder", "memory"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			var store output.Store = output.Dir(dir)
			files := os.DirFS(dir)
			if name == "memory" {
				m := output.NewMemory()
				store, files = m, m
			}
			planBatches(t, store, files)
		})
	}
}

func planBatches(t *testing.T, store output.Store, files fs.FS) {
	root := siteCopy(t, "testdata/sites/basic")
	in := NewIncremental(store)
	load := func() *Loaded {
		t.Helper()
		l, err := Load(os.DirFS(root), Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	if err := in.build(context.Background(), load(), 1); err != nil || !in.Settled() {
		t.Fatalf("build: %v settled=%v", err, in.Settled())
	}
	for _, s := range []struct {
		name, rec string
		change    func()
		gone      []string // the files the first batch removes
	}{
		{"deadline", "content/theses/energidata.md", func() {
			rewrite(t, root, "content/theses/energidata.md", "deadline = 2026-12-15", "deadline = 2027-02-01")
		}, nil},
		{"new", "content/agreements/nytt.md", func() {
			b, _ := os.ReadFile(filepath.Join(root, "content/agreements/ramavtal.md"))
			text := strings.Replace(string(b), "status = ", "attachment = \"nytt.pdf\"\nstatus = ", 1)
			os.WriteFile(filepath.Join(root, "content/agreements/nytt.md"), []byte(text), 0o644)
			os.WriteFile(filepath.Join(root, "content/agreements/nytt.pdf"), []byte("%PDF-1.4\n"), 0o644)
		}, nil},
		{"deleted", "content/agreements/nytt.md", func() {
			os.Remove(filepath.Join(root, "content/agreements/nytt.md"))
			os.Remove(filepath.Join(root, "content/agreements/nytt.pdf"))
		}, []string{"avtal/nytt/index.html", "avtal/nytt/nytt.ics", "avtal/nytt/nytt.pdf"}},
	} {
		s.change()
		l := load()
		own := func(e *site.Entry) bool { return e.Own().Path == s.rec }
		b := in.Plan(l, 1, own)
		checkBatches(t, s.name, in.outs, sorted(in, b), own, len(s.gone) == 0)
		if strings.Join(b[0].gone, " ") != strings.Join(s.gone, " ") {
			t.Errorf("%s: the first batch removes %v, want %v", s.name, b[0].gone, s.gone)
		}
		if _, err := in.Write(context.Background(), Batch{plan: in.plan - 1}); err == nil {
			t.Errorf("%s: a batch of the plan before was written", s.name)
		}
		for k, bt := range b {
			if in.Settled() {
				t.Errorf("%s: settled before batch %d", s.name, k)
			}
			if _, err := in.Write(context.Background(), bt); err != nil {
				t.Fatal(err)
			}
		}
		if !in.Settled() {
			t.Errorf("%s: not settled after the three batches", s.name)
		}
		want := t.TempDir()
		buildTo(t, os.DirFS(root), want)
		if got, exp := treeFS(t, files), tree(t, want); !maps.EqualFunc(got, exp, bytes.Equal) {
			t.Errorf("%s: the store does not hold what a build writes", s.name)
		}
	}
	// An attachment in memory is the file of the sources, not a copy.
	if _, ok := store.(output.Linker); ok {
		os.WriteFile(filepath.Join(root, "content/agreements/mou.pdf"), []byte("%PDF-1.4 saved again"), 0o644)
		if got, err := fs.ReadFile(files, "avtal/mou/mou.pdf"); string(got) != "%PDF-1.4 saved again" {
			t.Errorf("the attachment after its source changed: %q %v", got, err)
		}
	}
}

// sorted returns the batches of a Plan with the outputs and the files of
// the second and third worked out, as Write works them out.
func sorted(in *Incremental, b [3]Batch) [3]Batch {
	for k := range b {
		if b[k].later() {
			b[k].outs, b[k].gone = in.rest.sort(in.files, k)
		}
	}
	return b
}

// checkBatches checks that every path of outs is in one batch of b, and
// in the batch of its kind.
func checkBatches(t *testing.T, step string, outs []Output, b [3]Batch, own func(*site.Entry) bool, first bool) {
	t.Helper()
	dirs := map[string]bool{}
	for _, o := range outs {
		if o.Page != nil && o.Page.Entry != nil && own(o.Page.Entry) {
			dirs[path.Dir(o.Path)] = true
		}
	}
	at := map[string]int{}
	for k, bt := range b {
		for _, i := range bt.outs {
			if _, dup := at[outs[i].Path]; dup {
				t.Errorf("%s: %s in two batches", step, outs[i].Path)
			}
			at[outs[i].Path] = k
		}
	}
	for _, o := range outs {
		want := 2
		switch {
		case o.Page != nil && o.Page.Entry != nil && own(o.Page.Entry):
			want = 0
		case o.Page != nil:
			want = 1
		case dirs[path.Dir(o.Path)]:
			want = 0
		}
		if k, ok := at[o.Path]; !ok || k != want {
			t.Errorf("%s: %s in batch %d (listed: %v), want %d", step, o.Path, k, ok, want)
		}
	}
	if first != (len(b[0].outs) > 0) {
		t.Errorf("%s: the first batch has %d outputs", step, len(b[0].outs))
	}
}

// rewrite replaces the first old in the file rel of the site at root with
// new; old must be there.
func rewrite(t *testing.T, root, rel, old, new string) {
	t.Helper()
	p := filepath.Join(root, rel)
	b, err := os.ReadFile(p)
	if err != nil || !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s: %v, or no %q", rel, err, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
