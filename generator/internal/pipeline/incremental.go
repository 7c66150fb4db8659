package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/output"
	"portal/generator/internal/site"
)

// Incremental is the incremental layer of the pipeline: it keeps a folder
// (the preview server's) up to date with a site that changes, rendering
// and writing only the outputs whose inputs changed. Every output is
// signed by a hash of its inputs (signer: the records it shows, their
// rendered bodies, the site-wide facts every page shows, the templates,
// the config and the day) and by a hash of the bytes last written; the
// shared parts of the outputs that list many records (calendar events,
// the search index) are kept in its Cache, and the rendered bodies in its
// store (Bodies). Building a site from nothing is the same with nothing
// kept. It is used by one goroutine at a time.
type Incremental struct {
	out    string // the folder written
	seed   maphash.Seed
	cache  *Cache
	bodies *site.Bodies

	sg      *signer
	outs    []Output
	byEntry map[*site.Entry][]int // outputs whose signature covers an entry
	byList  map[listKey]*listDeps // outputs whose signature covers a long list
	files   map[string]file       // output path → what is on disk
}

// file is one written output.
type file struct {
	sum uint64 // of its bytes
	sig uint64 // signature it was rendered with; 0: none
}

// listDeps are the outputs whose signature covers a long list of entries.
type listDeps struct {
	list []*site.Entry
	outs []int
}

// Written is what one call of Incremental wrote.
type Written struct {
	Changed []string // URL paths of the files written or removed, sorted
	Written int
	Removed int
}

// Batch is a set of outputs of the last site to render and write.
type Batch []int

// NewIncremental returns the incremental layer of the folder out, with
// nothing kept.
func NewIncremental(out string) *Incremental {
	return &Incremental{out: out, seed: maphash.MakeSeed(), cache: NewCache(), bodies: site.NewBodies(),
		files: map[string]file{}}
}

// Bodies is the store of rendered bodies that the sites given to Build
// must be made with (site.Options.Bodies), so that a body is rendered
// again only when its file or its links change.
func (in *Incremental) Bodies() *site.Bodies { return in.bodies }

// ResetBodies forgets every rendered body: the Markdown renderer changed.
func (in *Incremental) ResetBodies() { in.bodies = site.NewBodies() }

// Build brings the folder up to l, a site made with Bodies: it signs every
// output, renders those whose signature changed, writes those whose
// bytes changed and removes the files l does not have. gen must change
// whenever the config or the templates were loaded again.
func (in *Incremental) Build(ctx context.Context, l *Loaded, gen uint64) (Written, error) {
	var w Written
	sg := newSigner(l.Site, gen, in.seed)
	outs := l.CachedOutputs(in.cache, sg)
	// One file per path: the first output that claims it.
	var idx Batch
	claimed := map[string]bool{}
	for i, o := range outs {
		if !claimed[o.Path] {
			claimed[o.Path] = true
			idx = append(idx, i)
		}
	}
	results, err := in.render(ctx, sg, outs, idx)
	if err != nil {
		return w, err
	}
	in.sg, in.outs = sg, outs
	in.byEntry, in.byList = map[*site.Entry][]int{}, map[listKey]*listDeps{}
	for _, r := range results {
		in.record(&w, r)
		for _, ent := range r.deps.entries {
			if l := in.byEntry[ent]; len(l) == 0 || l[len(l)-1] != r.index {
				in.byEntry[ent] = append(l, r.index)
			}
		}
		for _, list := range r.deps.lists {
			k := listKey{&list[0], len(list)}
			ld := in.byList[k]
			if ld == nil {
				ld = &listDeps{list: list}
				in.byList[k] = ld
			}
			if len(ld.outs) == 0 || ld.outs[len(ld.outs)-1] != r.index {
				ld.outs = append(ld.outs, r.index)
			}
		}
	}
	var gone []string
	for p := range in.files {
		if !claimed[p] {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	for _, p := range gone {
		if err := output.Remove(in.out, p); err != nil {
			return w, err
		}
		delete(in.files, p)
		w.Removed++
		w.Changed = append(w.Changed, URLPath(p))
	}
	slices.Sort(w.Changed)
	return w, nil
}

// Replace puts rec, a new load of the record of ent, an entry of the last
// site, that differs from it at most in the title, summary and body of
// its versions, in the model in its place (site.Site.ReplaceText), renders
// the bodies of the versions whose file changed and signs ent again. It
// returns the link errors of each body it rendered, by source path (nil
// for none); an empty map when no file changed. Edited then gives the
// outputs to write.
func (in *Incremental) Replace(ent *site.Entry, rec *content.Record) map[string]diag.List {
	s := in.sg.s
	var pages []*site.Page // byEntry: those that show ent
	for _, i := range in.byEntry[ent] {
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
	return errs
}

// Edited returns the outputs that show the entries of the last site
// whose records were replaced (Replace: an edit of text alone), in three
// batches, so that
// a browser can reload the page being edited as soon as it is written:
// the entries' own pages; the other pages that show them (lists,
// indexes, the home page); the files that are not pages (feeds,
// calendars, the search index).
func (in *Incremental) Edited(ents []*site.Entry) [3]Batch {
	var b [3]Batch
	dirty := map[*site.Entry]bool{}
	for _, ent := range ents {
		dirty[ent] = true
		in.sg.sign(ent)
	}
	seen := map[int]bool{}
	for _, ent := range ents {
		outs := in.byEntry[ent]
		for _, ld := range in.byList {
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
				b[0] = append(b[0], i)
			case p != nil:
				b[1] = append(b[1], i)
			default:
				b[2] = append(b[2], i)
			}
		}
	}
	return b
}

// Write renders the outputs of b and writes those that changed. The
// outputs with a version (the search index: thousands of files, of which
// an edit changes a few) are asked for it here, one after the other, and
// only those whose version changed go to the workers.
func (in *Incremental) Write(ctx context.Context, b Batch) (Written, error) {
	var w Written
	slices.Sort(b)
	b = slices.Compact(b)
	kept := b[:0]
	for _, i := range b {
		o := &in.outs[i]
		if o.version != nil {
			v, err := o.version()
			if err != nil {
				return w, fmt.Errorf("%s: %w", o.Path, err)
			}
			if old, ok := in.files[o.Path]; ok && old.sig == versionSig(v) {
				continue
			}
		}
		kept = append(kept, i)
	}
	results, err := in.render(ctx, in.sg, in.outs, kept)
	if err != nil {
		return w, err
	}
	for _, r := range results {
		in.record(&w, r)
	}
	slices.Sort(w.Changed)
	return w, nil
}

func (in *Incremental) record(w *Written, r rendered) {
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
	deps    deps
}

// render signs the outputs at idx and renders, in parallel, those whose
// signature differs from the one on disk; it writes those whose bytes
// differ.
func (in *Incremental) render(ctx context.Context, sg *signer, outs []Output, idx Batch) ([]rendered, error) {
	results := make([]rendered, len(idx))
	err := each(ctx, len(idx), func(j int, buf *bytes.Buffer) error {
		o := &outs[idx[j]]
		r := &results[j]
		r.index, r.path = idx[j], o.Path
		if o.version != nil {
			v, err := o.version()
			if err != nil {
				return err
			}
			r.file.sig = versionSig(v)
			if len(o.Deps) > 0 {
				r.deps.lists = append(r.deps.lists, o.Deps)
			}
		} else {
			r.file.sig = sg.output(o, &r.deps)
		}
		old, exists := in.files[o.Path] // written only after each returns
		if exists && r.file.sig != 0 && old.sig == r.file.sig {
			r.file = old
			return nil
		}
		data, err := o.Bytes(buf)
		if err != nil {
			return err
		}
		r.file.sum = maphash.Bytes(in.seed, data)
		if exists && old.sum == r.file.sum {
			return nil
		}
		r.written = true
		return output.Replace(in.out, o.Path, data)
	}, func(j int) string { return outs[idx[j]].Path })
	return results, err
}

// versionSig is the signature of an output with version v: never 0.
func versionSig(v uint64) uint64 { return v | 1<<63 }

// URLPath is the URL path of an output file (FilePath reversed): "exjobb/x/index.html" → "/exjobb/x/".
func URLPath(p string) string {
	if p == "index.html" || strings.HasSuffix(p, "/index.html") {
		return "/" + strings.TrimSuffix(p, "index.html")
	}
	return "/" + p
}
