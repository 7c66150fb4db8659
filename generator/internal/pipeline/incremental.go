package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"path"
	"slices"
	"strings"
	"sync"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/output"
	"portal/generator/internal/render"
	"portal/generator/internal/site"
)

// Incremental is the incremental layer of the pipeline: it keeps a store
// of files (the preview server's, in memory or in a folder) up to date
// with a site that changes, rendering and writing only the outputs whose
// inputs changed. Every output is signed by a hash of its inputs (signer:
// the records it shows, their rendered bodies, the site-wide facts every
// page shows, the templates, the config and the day) and by a hash of the
// bytes last written; the shared parts of the outputs that list many
// records (calendar events, the search index) are kept in its Cache, the
// rendered bodies in its store (Bodies) and the list items in its Memo.
// Building a site from nothing is the same with nothing kept. It is used
// by one goroutine at a time.
type Incremental struct {
	store  output.Store // where the files are written
	seed   maphash.Seed
	cache  *Cache
	bodies *site.Bodies
	memo   *render.Memo // what the pages share, across sites (Memo)
	pages  *pageMemo    // the sums of the pages' data, across Plans
	gen    uint64       // of the last Plan

	sg    *signer
	outs  []Output
	shown shown           // which outputs show an entry
	files map[string]file // output path → what is on disk

	plan     uint64 // counts the calls of Plan: the batches of an earlier one are refused
	rest     *rest  // of the last Plan: its second and third batches
	unsigned int    // batches of the last Plan not written yet (Settled)
	// failed is set when a batch could not be written since the last
	// Plan: the files of its outputs are not what their signatures say,
	// and only a Plan, which signs every output again, finds them (an
	// edit's batches (Edited) name the outputs of its own entries alone).
	failed bool
}

// file is one written output.
type file struct {
	sum uint64 // of its bytes
	sig uint64 // signature it was rendered with; 0: none
}

// shown tells which outputs of the last Plan show an entry, from what
// the signature of each covers (deps), kept as the Plan's batches sign
// them. The index by entry is made when an edit of text first asks
// (Replace, Edited), not while the batches are written: a structural
// edit needs none of it, and the next structural edit makes another.
type shown struct {
	deps    []deps                // by output
	byEntry map[*site.Entry][]int // outputs whose signature covers an entry
	byList  map[listKey]*listDeps // outputs whose signature covers a long list
}

// listDeps are the outputs whose signature covers a long list of entries.
type listDeps struct {
	list []*site.Entry
	outs []int
}

// index makes byEntry and byList, once.
func (sh *shown) index() {
	if sh.byEntry != nil {
		return
	}
	sh.byEntry, sh.byList = make(map[*site.Entry][]int, len(sh.deps)), map[listKey]*listDeps{}
	for i, d := range sh.deps {
		for _, ent := range d.entries {
			if l := sh.byEntry[ent]; len(l) == 0 || l[len(l)-1] != i {
				sh.byEntry[ent] = append(l, i)
			}
		}
		for _, list := range d.lists {
			k := listKey{&list[0], len(list)}
			ld := sh.byList[k]
			if ld == nil {
				ld = &listDeps{list: list}
				sh.byList[k] = ld
			}
			if len(ld.outs) == 0 || ld.outs[len(ld.outs)-1] != i {
				ld.outs = append(ld.outs, i)
			}
		}
	}
}

// Written is what one call of Incremental wrote.
type Written struct {
	Changed []string // URL paths of the files written or removed, sorted
	Written int
	Removed int
}

// Batch is a part of an update of the folder to the last site (Plan,
// Edited): outputs to sign, render and write when their bytes changed,
// and files to remove. Write writes it.
type Batch struct {
	plan uint64   // the Plan whose outputs these are
	outs []int    // indexes of outputs of the Plan's site
	gone []string // paths of files the site no longer has
	// sign is set for a Plan's batches: what each output's signature
	// covers is kept as it is signed (shown).
	sign bool
	// part is which of the Plan's three this is: the outputs and files
	// of the second and third are worked out when the first of them is
	// written (rest.sort), not before the first batch is.
	part int
}

// later reports whether b is the second or third batch of a Plan, whose
// outputs and files are worked out when it is written.
func (b Batch) later() bool { return b.sign && b.part > 0 }

// NewIncremental returns the incremental layer of the files of store,
// with nothing kept: store must be empty.
func NewIncremental(store output.Store) *Incremental {
	return &Incremental{store: store, seed: maphash.MakeSeed(), cache: NewCache(), bodies: site.NewBodies(), memo: new(render.Memo),
		pages: newPageMemo(), files: map[string]file{}}
}

// Bodies is the store of rendered bodies that the sites given to Plan
// must be made with (site.Options.Bodies), so that a body is rendered
// again only when its file or its links change.
func (in *Incremental) Bodies() *site.Bodies { return in.bodies }

// Memo is what the pages of the sites given to Plan share (list items,
// cached blocks), which they should be assembled with (Assemble): Plan
// has it name an entry's list item by the entry's signature, so that a
// new site finds the items of the records that did not change.
func (in *Incremental) Memo() *render.Memo { return in.memo }

// ResetBodies forgets every rendered body: the Markdown renderer changed.
func (in *Incremental) ResetBodies() { in.bodies = site.NewBodies() }

// Plan makes l, a site made with Bodies, the site of the folder, and
// returns what brings the folder up to it in three batches, to write
// (Write) in turn, so that a browser can reload the pages of the records
// that changed as soon as they are written: the pages of the entries that
// own reports (the records whose sources changed) with the files beside
// them (images, attachments); every other page; every other file (feeds,
// calendars, sitemap, search index, assets). Each batch removes the files
// of its kind that l no longer has (the first: those of the entries of
// the last site that own reports, as a deleted record's pages). Every
// output of l is in one batch, and Write signs every output it is given
// and renders those whose signature changed, so the three write what
// rendering them all at once would. Until the three are written without
// error, the layer is not Settled. gen must change whenever the config or
// the templates were loaded again. own is asked for the entry of every
// page, of l and of the last site: it should be quick. Plan works out
// the first batch only; the outputs and files of the other two are
// worked out when the first of them is written (rest), which also has
// the versions of the third's outputs asked for meanwhile (askAhead).
func (in *Incremental) Plan(l *Loaded, gen uint64, own func(*site.Entry) bool) [3]Batch {
	// The outputs are listed while the entries are signed: listing them
	// writes nothing shared, and they read the signer (their stamps) only
	// when they are written.
	in.rest.takeAhead() // versions of the last Plan's outputs, not written
	var sg *signer
	var wg sync.WaitGroup
	in.pages.next(l.Site.Pages)
	prev := in.sg
	wg.Go(func() { sg = newSigner(l.Site, gen, in.seed, prev); sg.memo = in.pages })
	use := &cacheUse{c: in.cache}
	outs := l.outputs(use)
	wg.Wait()
	use.stamps = sg
	if gen != in.gen {
		in.memo.Forget() // its blocks are kept under the values they read, by other templates
	}
	in.gen = gen
	in.memo.Age(sg.itemStamp)
	in.plan++
	r := &rest{outs: outs, old: in.outs, byNew: batches(outs, own), byOld: batches(in.outs, own)}
	r.sameClaims(in.rest, in.Settled())
	var b [3]Batch
	for k := range b {
		b[k] = Batch{plan: in.plan, sign: true, part: k}
	}
	b[0].outs, b[0].gone = r.first(in.files)
	in.rest = r
	in.sg, in.outs = sg, outs
	in.shown = shown{deps: make([]deps, len(outs))}
	in.unsigned = len(b)
	in.failed = false
	return b
}

// Settled reports whether every batch of the last Plan was written, and
// no batch failed since: only then do the signatures of all its outputs,
// which Replace and Edited need, stand.
func (in *Incremental) Settled() bool { return in.unsigned == 0 && !in.failed }

// batches tells the batch of Plan each output of outs goes in: 0 for the
// pages of the entries own reports and the files beside them, 1 for the
// other pages, 2 for the other files. own is asked for the entry of every
// page, and the folder of a page is worked out for the pages of own
// entries alone.
func batches(outs []Output, own func(*site.Entry) bool) []uint8 {
	batch := make([]uint8, len(outs))
	dirs := map[string]bool{} // the folders of the pages of own entries
	for i := range outs {
		p := outs[i].Page
		if p == nil {
			batch[i] = 2
			continue
		}
		batch[i] = 1
		if p.Entry != nil && own(p.Entry) {
			batch[i] = 0
			if dir := path.Dir(outs[i].Path); dir != "." {
				dirs[dir] = true
			}
		}
	}
	if len(dirs) > 0 {
		for i := range outs {
			if batch[i] == 2 && dirs[path.Dir(outs[i].Path)] {
				batch[i] = 0
			}
		}
	}
	return batch
}

// Replace puts rec, a new load of the record of ent, an entry of the last
// site, that differs from it at most in the title, summary and body of
// its versions, in the model in its place (site.Site.ReplaceText), renders
// the bodies of the versions whose file changed and signs ent again. It
// returns the link errors of each body it rendered, by source path (nil
// for none); an empty map when no file changed. Edited then gives the
// outputs to write. The layer must be Settled (its outputs' signatures
// tell which show ent).
func (in *Incremental) Replace(ent *site.Entry, rec *content.Record) map[string]diag.List {
	in.rest.takeAhead() // none once Settled
	s := in.sg.s
	was, kept := in.sg.itemStamp(ent)
	in.shown.index()
	var pages []*site.Page // those that show ent
	for _, i := range in.shown.byEntry[ent] {
		if p := in.outs[i].Page; p != nil {
			pages = append(pages, p)
		}
	}
	errs := map[string]diag.List{}
	for _, p := range s.ReplaceText(ent, rec, pages) {
		delete(in.sg.versions, p[0])
		if p[0].Hash != p[1].Hash {
			errs[p[1].Path] = s.RenderBody(ent, p[1])
		}
	}
	in.sg.sign(ent)
	if now, _ := in.sg.itemStamp(ent); kept && now != was {
		// No page shows the item kept under the old stamp any more.
		in.memo.Drop(was)
	}
	return errs
}

// Edited returns the outputs that show the entries of the last site
// whose records were replaced (Replace: an edit of text alone), in three
// batches, so that a browser can reload the page being edited as soon as
// it is written: the entries' own pages; the other pages that show them
// (lists, indexes, the home page); the files that are not pages (feeds,
// calendars, the search index). The layer must be Settled.
func (in *Incremental) Edited(ents []*site.Entry) [3]Batch {
	b := [3]Batch{{plan: in.plan}, {plan: in.plan}, {plan: in.plan}}
	dirty := map[*site.Entry]bool{}
	for _, ent := range ents {
		dirty[ent] = true
		in.sg.sign(ent)
	}
	seen := map[int]bool{}
	in.shown.index()
	for _, ent := range ents {
		outs := in.shown.byEntry[ent]
		for _, ld := range in.shown.byList {
			if slices.Contains(ld.list, ent) {
				outs = append(slices.Clip(outs), ld.outs...)
			}
		}
		for _, i := range outs {
			if seen[i] {
				continue
			}
			seen[i] = true
			switch p := in.outs[i].Page; {
			case p != nil && dirty[p.Entry]:
				b[0].outs = append(b[0].outs, i)
			case p != nil:
				b[1].outs = append(b[1].outs, i)
			default:
				b[2].outs = append(b[2].outs, i)
			}
		}
	}
	return b
}

// Write writes b: it renders its outputs and writes those that changed,
// then removes its files that are gone. The outputs with a version (the
// search index: thousands of files, of which an edit changes a few) are
// asked for it here, one after the other, and only those whose version
// changed go to the workers.
func (in *Incremental) Write(ctx context.Context, b Batch) (w Written, err error) {
	if b.plan != in.plan {
		return w, errors.New("pipeline: a batch of an earlier site cannot be written")
	}
	defer func() {
		if err != nil {
			in.failed = true // some of its files are not written: not Settled
		}
	}()
	// The second batch of a Plan has the versions of the third asked for
	// while it is written (rest.askAhead); the third takes them. No
	// other batch is written while they are asked for.
	var asked *ahead
	if b.later() {
		b.outs, b.gone = in.rest.sort(in.files, b.part)
	}
	if b.later() && b.part == 1 {
		in.rest.askAhead()
	} else if a := in.rest.takeAhead(); b.later() {
		asked = a
	}
	idx := b.outs // sorted and without repeats already, mostly
	if !increasing(idx) {
		idx = slices.Compact(slices.Sorted(slices.Values(idx)))
	}
	kept := make([]int, 0, len(idx))
	for _, i := range idx {
		o := &in.outs[i]
		if o.version != nil {
			v, err := asked.version(i, o)
			if err != nil {
				return w, fmt.Errorf("%s: %w", o.Path, err)
			}
			if old, ok := in.files[o.Path]; ok && old.sig == versionSig(v) {
				if b.sign {
					in.shown.deps[i] = versionDeps(o)
				}
				continue
			}
		}
		kept = append(kept, i)
	}
	results, err := in.render(ctx, kept)
	if err != nil {
		return w, err
	}
	for _, r := range results {
		in.record(&w, r)
		if b.sign {
			in.shown.deps[r.index] = r.deps
		}
	}
	for _, p := range b.gone {
		if err := in.store.Remove(p); err != nil {
			return w, err
		}
		delete(in.files, p)
		w.Removed++
		w.Changed = append(w.Changed, URLPath(p))
	}
	if b.sign {
		in.unsigned--
	}
	slices.Sort(w.Changed)
	return w, nil
}

func (in *Incremental) record(w *Written, r rendered) {
	if r.same {
		return // in.files holds it already
	}
	in.files[r.path] = r.file
	if r.written {
		w.Written++
		w.Changed = append(w.Changed, URLPath(r.path))
	}
}

// rendered is what render did with one output.
type rendered struct {
	index   int
	path    string
	file    file
	written bool
	same    bool // signed as the file written before: file is that file's
	deps    deps
}

// render signs the outputs at idx and renders, in parallel, those whose
// signature differs from the one on disk; it writes those whose bytes
// differ. As renderAll, it stops at the first error but for the problems
// of a source file (Output.told: a damaged image), which it returns
// together, all of them, once every output is done: the preview tells
// each at its place, as the build does.
func (in *Incremental) render(ctx context.Context, idx []int) ([]rendered, error) {
	sg, outs := in.sg, in.outs
	results := make([]rendered, len(idx))
	var told toldProblems
	err := each(ctx, len(idx), func(j int, buf *bytes.Buffer) error {
		o := &outs[idx[j]]
		r := &results[j]
		r.index, r.path = idx[j], o.Path
		if o.version != nil {
			v, err := o.version()
			if err != nil {
				return err
			}
			r.file.sig, r.deps = versionSig(v), versionDeps(o)
		} else {
			r.file.sig = sg.output(o, &r.deps)
		}
		old, exists := in.files[o.Path] // written only after each returns
		if exists && r.file.sig != 0 && old.sig == r.file.sig {
			r.file, r.same = old, true
			return nil
		}
		data, err := o.Bytes(buf)
		if told.keep(err, o.told) {
			return nil
		}
		if err != nil {
			return err
		}
		r.file.sum = maphash.Bytes(in.seed, data)
		if exists && old.sum == r.file.sum {
			return nil
		}
		r.written = true
		if l, ok := in.store.(output.Linker); ok && o.copy != "" && output.Linkable(o.fsys, o.copy) {
			return l.Link(o.Path, o.fsys, o.copy)
		}
		if k, ok := in.store.(output.Keeper); ok && o.kept() {
			return k.Keep(o.Path, data)
		}
		return in.store.Put(o.Path, data)
	}, func(j int) string { return outs[idx[j]].Path })
	return results, told.or(err)
}

// increasing reports whether each of idx is greater than the one before.
func increasing(idx []int) bool {
	for i := 1; i < len(idx); i++ {
		if idx[i] <= idx[i-1] {
			return false
		}
	}
	return true
}

// versionDeps are the entries an output with a version depends on: its
// Deps, as one list.
func versionDeps(o *Output) deps {
	if len(o.Deps) == 0 {
		return deps{}
	}
	return deps{lists: [][]*site.Entry{o.Deps}}
}

// versionSig is the signature of an output with version v: never 0.
func versionSig(v uint64) uint64 { return v | 1<<63 }

// URLPath is the URL path of an output file (site.FilePath reversed): "exjobb/x/index.html" → "/exjobb/x/".
func URLPath(p string) string {
	if p == "index.html" || strings.HasSuffix(p, "/index.html") {
		return "/" + strings.TrimSuffix(p, "index.html")
	}
	return "/" + p
}
