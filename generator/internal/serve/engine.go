package serve

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/markdown"
	"portal/generator/internal/output"
	"portal/generator/internal/pipeline"
	"portal/generator/internal/render"
	"portal/generator/internal/site"
)

// engine keeps the last good site and the files written from it, and
// brings both up to date when sources change. It is used by one goroutine
// at a time.
type engine struct {
	fsys fs.FS  // the site root
	out  string // the served folder
	now  func() time.Time

	md       *markdown.Renderer
	frameIDs []string        // the ids md keeps body headings off
	bodies   *site.Bodies    // rendered Markdown, kept between updates
	cache    *pipeline.Cache // the items of the search indexes, kept between rebuilds
	// bufs are the render buffers of the workers, kept between updates:
	// a search index needs megabytes, and allocating them at every
	// update costs more than the rest of it (the collector makes a large
	// allocation pay for marking the heap).
	bufs []*bytes.Buffer

	cfg  *config.Config    // nil until config.toml loads
	tmpl *render.Templates // nil while the templates have errors
	gen  uint64            // bumped when config or templates reload
	recs records
	// pending are the groups reloaded since the site was last brought up
	// to date (an update that fails leaves its groups pending).
	pending map[string]bool

	cfgErrs, tmplErrs, siteErrs diag.List
	contentErrs                 diag.List            // as of the last check of all records
	bodyErrs                    map[string]diag.List // link errors of bodies rendered in place

	// The last good site and what was written from it.
	site    *site.Site
	outs    []pipeline.Output
	sg      *signer
	byEntry map[*site.Entry][]int // outputs whose signature covers an entry
	pagesOf map[*site.Entry][]*site.Page
	dirty   map[*site.Entry]bool // changed in place, outputs not written yet
	later   [][]int              // outputs to write in finish, a batch per call
	seed    maphash.Seed         // for the sums of written files and the signatures
	day     string
	files   map[string]file // output path → what is on disk
	meta    map[string]pageMeta
}

// file is one written output.
type file struct {
	sum uint64 // of its bytes
	sig uint64 // signature it was rendered with; 0: none
}

// pageMeta is what the server needs to know about a page it serves.
type pageMeta struct {
	Lang  string
	Draft bool
}

// result is the outcome of one update.
type result struct {
	Changed []string // URL paths of the files written or removed, sorted
	Written int
	Removed int
	Errs    diag.List // the problems in the sources; nothing was written then
	Full    bool      // the site model was built anew (not changed in place)
	Later   bool      // the files finish wrote after the pages
	Took    time.Duration
}

func newEngine(fsys fs.FS, out string, now func() time.Time) *engine {
	md := markdown.New()
	return &engine{fsys: fsys, out: out, now: now, md: md, bodies: site.NewBodies(), cache: pipeline.NewCache(), seed: maphash.MakeSeed(),
		pending: map[string]bool{}, bodyErrs: map[string]diag.List{},
		files: map[string]file{}, dirty: map[*site.Entry]bool{}}
}

// update reloads what the changed source paths (slash-separated, relative
// to the site root) affect and writes the outputs whose bytes changed.
// With no paths at the first call, it builds everything.
//
// An update that edits records in place writes the records' own pages
// only; call finish while pending reports true to write the rest.
func (e *engine) update(paths []string) (res result, err error) {
	start := time.Now()
	defer func() { res.Took = time.Since(start) }()
	for e.pendingWrites() {
		later, err := e.finish()
		if err != nil {
			return res, err
		}
		res.Changed = append(res.Changed, later.Changed...)
	}
	var cfgChanged, tmplChanged bool
	var contentPaths []string
	for _, p := range paths {
		switch {
		case p == config.FileName:
			cfgChanged = true
		case p == render.Dir || strings.HasPrefix(p, render.Dir+"/"):
			tmplChanged = true
		case p == content.Dir || strings.HasPrefix(p, content.Dir+"/"):
			contentPaths = append(contentPaths, p)
		}
	}
	contentFull := false
	if e.cfg == nil || cfgChanged {
		cfg, err := config.Load(e.fsys)
		if err != nil {
			list, ok := diag.AsList(err)
			if !ok {
				return res, err
			}
			e.cfg, e.cfgErrs = nil, list
			return e.failed(res), nil
		}
		e.cfg, e.cfgErrs = cfg, nil
		tmplChanged, contentFull = true, true
	}
	if tmplChanged {
		t, err := render.LoadSite(e.fsys, e.cfg)
		e.tmpl, e.tmplErrs = t, nil
		if err != nil {
			list, ok := diag.AsList(err)
			if !ok {
				return res, err
			}
			e.tmpl, e.tmplErrs = nil, list
		}
		e.reserveFrameIDs()
		e.gen++
	}
	files, reloadable := e.recs.reloadable(e.fsys, contentPaths)
	switch {
	case contentFull || !reloadable:
		if err := e.recs.loadAll(e.fsys, e.cfg); err != nil {
			return res, err
		}
		contentFull = true
	case len(files) > 0:
		before, err := e.recs.reload(e.fsys, e.cfg, files)
		if err != nil {
			return res, err
		}
		for k := range before {
			e.pending[k] = true
		}
	}
	now := e.now()
	day := now.In(e.cfg.TimeZone).Format(time.DateOnly)
	// An edit of text alone needs no new model, and no check of the
	// records together: their keys, slugs included, are as they were.
	if !contentFull && !tmplChanged && e.tmplErrs == nil && !e.recs.hasErrors() &&
		e.pending != nil && e.site != nil && e.siteErrs == nil && day == e.day {
		if ok := e.inPlace(); ok {
			e.contentErrs = nil
			return e.writeDirty(res)
		}
	}
	set, errs := e.recs.set()
	e.contentErrs = errs
	if len(errs) > 0 || len(e.tmplErrs) > 0 {
		if contentFull {
			e.pending = nil // everything was reloaded: the next success is a full build
		}
		e.siteErrs = nil
		return e.failed(res), nil
	}
	return e.rebuild(res, set, now, day)
}

// reserveFrameIDs keeps the headings of bodies off the ids of the page
// frame, as a build does. When the templates' ids change, every body is
// rendered again.
func (e *engine) reserveFrameIDs() {
	if e.tmpl == nil {
		return
	}
	ids := e.tmpl.FrameIDs()
	if slices.Equal(ids, e.frameIDs) {
		return
	}
	e.frameIDs = ids
	e.md = markdown.New().Reserve(ids)
	e.bodies = site.NewBodies()
}

// failed finishes an update that found problems: the served files stay.
func (e *engine) failed(res result) result {
	res.Errs = e.problems()
	return res
}

// problems returns every current problem in the sources. The link errors
// of bodies rendered in place count only when the rest is clean.
func (e *engine) problems() diag.List {
	if len(e.cfgErrs) > 0 {
		return e.cfgErrs // nothing else can be loaded
	}
	out := append(slices.Clone(e.tmplErrs), e.contentErrs...)
	if len(out) == 0 {
		out = append(out, e.siteErrs...)
		for _, l := range e.bodyErrs {
			out = append(out, l...)
		}
	}
	out.Sort()
	return out
}

// inPlace applies edits that change only the title, summary or body of
// records the site already publishes: their versions are updated in the
// model itself and their bodies rendered again, with no new model. It
// reports false, changing nothing, when any pending change is more than
// that (a new, deleted or renamed record, a changed key, a changed title
// of a free-standing page, which every page's footer shows).
func (e *engine) inPlace() bool {
	type change struct {
		ent *site.Entry
		rec *content.Record // as reloaded
	}
	var changes []change
	for key := range e.pending {
		g := e.recs.groups[key]
		if g == nil || g.rec == nil {
			return false
		}
		ent := e.site.Lookup(g.rec.Own().Path)
		if ent == nil || !sameShape(ent.Record, g.rec) {
			return false
		}
		if ent.Kind == content.Pages {
			for i, v := range ent.Versions {
				if v.Title != g.rec.Versions[i].Title {
					return false
				}
			}
		}
		changes = append(changes, change{ent, g.rec})
	}
	for _, c := range changes {
		for i, v := range c.ent.Versions {
			nv := c.rec.Versions[i]
			if v.Hash == nv.Hash {
				continue
			}
			e.dirty[c.ent] = true
			v.Title, v.Summary, v.Body, v.BodyLine, v.Pos, v.Hash = nv.Title, nv.Summary, nv.Body, nv.BodyLine, nv.Pos, nv.Hash
			if errs := e.site.RenderBody(c.ent, v); len(errs) > 0 {
				e.bodyErrs[v.Path] = errs
			} else {
				delete(e.bodyErrs, v.Path)
			}
			for _, p := range e.pagesOf[c.ent] {
				if p.V == v {
					p.Title = v.Title
				}
			}
		}
		// The group keeps the record the site holds, now updated.
		e.recs.groups[groupKey(e.cfg, c.ent.Own().Path)].rec = c.ent.Record
	}
	clear(e.pending)
	return true
}

// sameShape reports whether two loads of a record differ at most in the
// title, summary and body of their versions (a changed alias is a new
// redirect: a new model).
func sameShape(a, b *content.Record) bool {
	if len(a.Versions) != len(b.Versions) {
		return false
	}
	for i := range a.Versions {
		va, vb := a.Versions[i], b.Versions[i]
		if va.Path != vb.Path || va.Lang != vb.Lang || !slices.Equal(va.Aliases, vb.Aliases) {
			return false
		}
	}
	x, y := *a, *b
	x.Versions, y.Versions = nil, nil
	return reflect.DeepEqual(x, y)
}

// writeDirty renders the outputs of the entries changed in place, in
// three batches so that the browser can reload the page being edited as
// soon as it is written: the records' own pages now; in finish, the other
// pages that show them (lists, indexes, the home page), then the files
// that are not pages (feeds, calendars, the search index, which may be
// large).
func (e *engine) writeDirty(res result) (result, error) {
	if errs := e.problems(); len(errs) > 0 {
		res.Errs = errs
		return res, nil
	}
	var own, pages, files []int
	seen := map[int]bool{}
	for ent := range e.dirty {
		e.sg.sign(ent)
		for _, i := range e.byEntry[ent] {
			if seen[i] {
				continue
			}
			seen[i] = true
			switch p := e.outs[i].Page; {
			case p != nil && e.dirty[p.Entry]:
				own = append(own, i)
			case p != nil:
				pages = append(pages, i)
			default:
				files = append(files, i)
			}
		}
	}
	clear(e.dirty)
	e.later = [][]int{pages, files}
	return e.write(res, own)
}

// pendingWrites reports whether finish has outputs to write.
func (e *engine) pendingWrites() bool { return len(e.later) > 0 }

// finish writes the next batch that writeDirty left for later.
func (e *engine) finish() (result, error) {
	start := time.Now()
	if len(e.later) == 0 {
		return result{Later: true}, nil
	}
	idx := e.later[0]
	e.later = e.later[1:]
	res, err := e.write(result{Later: true}, idx)
	res.Took = time.Since(start)
	return res, err
}

// write renders the outputs at idx and writes those that changed.
func (e *engine) write(res result, idx []int) (result, error) {
	slices.Sort(idx)
	idx = slices.Compact(idx)
	results, err := e.renderOutputs(e.sg, idx)
	if err != nil {
		return res, err
	}
	for _, r := range results {
		e.files[r.path] = r.file
		if r.written {
			res.Written++
			res.Changed = append(res.Changed, urlOf(r.path))
		}
	}
	slices.Sort(res.Changed)
	return res, nil
}

// rebuild builds a new site model from set, renders the outputs whose
// signature changed, writes those whose bytes changed and removes the
// files the site no longer has.
func (e *engine) rebuild(res result, set *content.Set, now time.Time, day string) (result, error) {
	res.Full = true
	e.later = nil
	s, err := site.New(e.cfg, set, site.Options{Now: now, Drafts: true, Markdown: e.md, Bodies: e.bodies,
		Assets: slices.Sorted(maps.Keys(e.tmpl.Assets()))})
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return res, err
		}
		e.siteErrs = list
		clear(e.bodyErrs)
		return e.failed(res), nil
	}
	sg := newSigner(s, e.bodies, e.gen, e.seed)
	outs := pipeline.Assemble(e.fsys, e.cfg, set, s, e.tmpl).CachedOutputs(e.cache, sg.stamp)
	// One file per path: the first output that claims it.
	var idx []int
	claimed := map[string]bool{}
	for i, o := range outs {
		if !claimed[o.Path] {
			claimed[o.Path] = true
			idx = append(idx, i)
		}
	}
	prev := e.outs
	e.outs = outs
	results, err := e.renderOutputs(sg, idx)
	if err != nil {
		e.outs = prev
		return res, err
	}
	written := res.Changed
	res.Changed = nil
	e.byEntry = map[*site.Entry][]int{}
	for _, r := range results {
		e.files[r.path] = r.file
		if r.written {
			res.Written++
			res.Changed = append(res.Changed, urlOf(r.path))
		}
		for _, ent := range r.deps {
			if l := e.byEntry[ent]; len(l) == 0 || l[len(l)-1] != r.index {
				e.byEntry[ent] = append(l, r.index)
			}
		}
	}
	var gone []string
	for p := range e.files {
		if !claimed[p] {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	for _, p := range gone {
		if err := removeFile(e.out, p); err != nil {
			return res, err
		}
		delete(e.files, p)
		res.Removed++
		res.Changed = append(res.Changed, urlOf(p))
	}
	res.Changed = append(res.Changed, written...)
	slices.Sort(res.Changed)
	res.Changed = slices.Compact(res.Changed)

	e.site, e.sg, e.day = s, sg, day
	e.pending = map[string]bool{}
	clear(e.dirty)
	clear(e.bodyErrs)
	e.siteErrs = nil
	e.pagesOf = map[*site.Entry][]*site.Page{}
	e.meta = map[string]pageMeta{}
	for _, p := range s.Pages {
		if p.Entry != nil {
			e.pagesOf[p.Entry] = append(e.pagesOf[p.Entry], p)
		}
		e.meta[p.URL] = pageMeta{Lang: p.Lang, Draft: p.Entry != nil && p.Entry.Draft}
	}
	return res, nil
}

// rendered is what renderOutputs did with one output.
type rendered struct {
	index   int
	path    string
	file    file
	written bool
	deps    []*site.Entry
}

// renderOutputs signs the outputs at idx and renders, in parallel, those
// whose signature differs from the one on disk; it writes those whose
// bytes differ.
func (e *engine) renderOutputs(sg *signer, idx []int) ([]rendered, error) {
	results := make([]rendered, len(idx))
	errs := make([]error, len(idx))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := range min(runtime.GOMAXPROCS(0), max(len(idx), 1)) {
		if w == len(e.bufs) {
			e.bufs = append(e.bufs, new(bytes.Buffer))
		}
		buf := e.bufs[w]
		wg.Go(func() {
			for j := range next {
				o := &e.outs[idx[j]]
				r := &results[j]
				r.index, r.path = idx[j], o.Path
				r.file.sig = sg.output(o, func(ent *site.Entry) { r.deps = append(r.deps, ent) })
				old, exists := e.files[o.Path]
				if exists && r.file.sig != 0 && old.sig == r.file.sig {
					r.file = old
					continue
				}
				buf.Reset()
				data, err := o.Bytes(buf)
				if err != nil {
					errs[j] = fmt.Errorf("%s: %w", o.Path, err)
					continue
				}
				r.file.sum = maphash.Bytes(e.seed, data)
				if exists && old.sum == r.file.sum {
					continue
				}
				if err := writeFile(e.out, o.Path, data); err != nil {
					errs[j] = err
					continue
				}
				r.written = true
			}
		})
	}
	for j := range idx {
		next <- j
	}
	close(next)
	wg.Wait()
	return results, errors.Join(errs...)
}

// urlOf is the URL path of an output file: "exjobb/x/index.html" → "/exjobb/x/".
func urlOf(p string) string {
	if p == "index.html" || strings.HasSuffix(p, "/index.html") {
		return "/" + strings.TrimSuffix(p, "index.html")
	}
	return "/" + p
}

// writeFile replaces out/rel with data in one rename, so that a reader
// sees the old file or the new one, never half of one.
func writeFile(out, rel string, data []byte) error {
	full := filepath.Join(out, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".portal-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		// On Windows a page open in another program (or being read by
		// serve's own HTTP handler) cannot be replaced for a moment:
		// output.Rename retries for up to two seconds. If it still
		// fails, the error reaches the overlay, and the page's old
		// signature is kept, so the next rebuild writes it again.
		err = output.Rename(f.Name(), full)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// removeFile removes out/rel and the folders it leaves empty.
func removeFile(out, rel string) error {
	if err := os.Remove(filepath.Join(out, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for dir := path.Dir(rel); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(out, filepath.FromSlash(dir))) != nil {
			break
		}
	}
	return nil
}
