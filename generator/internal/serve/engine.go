package serve

import (
	"context"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"
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
	fsys  fs.FS        // the site root
	store output.Store // the files served
	now   func() time.Time

	md       *markdown.Renderer
	frameIDs []string                   // the ids md keeps body headings off
	labels   map[string]markdown.Labels // the names md gives task checkboxes and footnote links
	inc      *pipeline.Incremental      // what is written, and what it was made from

	cfg  *config.Config    // nil until config.toml loads
	tmpl *render.Templates // nil while the templates have errors
	gen  uint64            // bumped when config or templates reload
	recs records
	// pending are the groups reloaded since the site was last brought up
	// to date (an update that fails leaves its groups pending).
	pending map[string]bool

	cfgErrs, tmplErrs, siteErrs diag.List
	contentErrs                 diag.List            // as of the last check of all records
	rest                        checked              // the last check of the records without problems
	bodyErrs                    map[string]diag.List // link errors of bodies rendered in place
	// writeErrs are the problems of sources found while this update
	// wrote its batches (a damaged image, pipeline.Output.told), all of
	// them, each where a body shows it, as a build tells them: every
	// batch's result has them, so that the view of a later batch does
	// not drop those of an earlier one. The layer is not settled then,
	// so the next update builds anew and finds them again.
	writeErrs diag.List

	// The last good site.
	site  *site.Site
	dirty map[*site.Entry]bool // changed in place, outputs not written yet
	later []pipeline.Batch     // outputs to write in finish, a batch per call
	// drafts are the URL paths of the site's pages of drafts (a banner
	// says so), read by the server's goroutines: an edit in place puts
	// another record in an entry, but never one with another draft flag.
	drafts map[string]bool
	// warned is the warnings of the site's records that have any
	// (site.Site.EntryWarnings), which a record's page shows: made anew
	// by every update that changes them, never changed, as the server's
	// goroutines read it.
	warned map[*site.Entry]diag.List
	// turn is when the clock alone may change the outcome of the last
	// update (pipeline.NextTurn of the site it made, or of the check that
	// refused the sources); zero when nothing it made waits for it.
	// served is the served site's, which edits in place keep.
	turn, served time.Time
	tried        time.Time // the clock when the last update began
}

// pageAt returns the page of pages, sorted by URL as a site's are
// (site.Site.Pages), at urlPath: the server reads its language, which
// nothing changes once the page is made.
func pageAt(pages []*site.Page, urlPath string) (*site.Page, bool) {
	i, ok := slices.BinarySearchFunc(pages, urlPath, func(p *site.Page, u string) int { return strings.Compare(p.URL, u) })
	if !ok {
		return nil, false
	}
	return pages[i], true
}

// result is the outcome of one update.
type result struct {
	Changed []string // URL paths of the files written or removed, sorted
	Written int
	Removed int
	Errs    diag.List // the problems in the sources; nothing was written then, but for writeErrs
	Full    bool      // the site model was built anew (not changed in place)
	Later   bool      // the files finish wrote after the pages
	NoneYet bool      // with Errs: no build has succeeded yet, so nothing is served
	Took    time.Duration
}

func newEngine(fsys fs.FS, store output.Store, now func() time.Time) *engine {
	md := markdown.New()
	return &engine{fsys: fsys, store: store, now: now, md: md, inc: pipeline.NewIncremental(store),
		pending: map[string]bool{}, bodyErrs: map[string]diag.List{}, dirty: map[*site.Entry]bool{}}
}

// update reloads what the changed source paths (slash-separated, relative
// to the site root) affect and writes the outputs whose bytes changed.
// With no paths at the first call, it builds everything.
//
// An update that edits records in place, or that builds a new model of a
// site already served, writes the own pages of the records edited only;
// call finish while pendingWrites reports true to write the rest.
func (e *engine) update(paths []string) (res result, err error) {
	start := time.Now()
	defer func() { res.Took = time.Since(start) }()
	e.tried = e.now()
	// The batches of the last update that are still to be written are
	// written first. One that fails leaves the layer unsettled
	// (pipeline.Incremental.Settled), so this update makes a new model,
	// whose outputs are all signed and written again where their files
	// differ: its error is not this update's, and the paths are taken in
	// regardless. Returned here, it lost them: a source changed
	// meanwhile (an image, whose variant the batch failed to make from
	// it) was never read, and every later update failed the same way.
	for e.pendingWrites() {
		later, _ := e.finish()
		res.Changed = append(res.Changed, later.Changed...)
	}
	e.writeErrs = nil
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
			e.cfg, e.cfgErrs, e.turn = nil, list, time.Time{}
			return e.failed(res), nil
		}
		cfg.CSP = cfg.CSP.Preview() // in the header and the pages' <meta>
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
	// An edit of text alone needs no new model, and no check of the
	// records together: their keys, slugs included, are as they were,
	// and so are their facts while the clock has not turned one.
	if !contentFull && !tmplChanged && e.tmplErrs == nil && !e.recs.hasErrors() &&
		e.pending != nil && e.site != nil && e.siteErrs == nil && now.Before(e.served) && e.inc.Settled() {
		if ok := e.inPlace(); ok {
			// The served site's facts are kept, and so is its turn: a
			// check that refused the sources since (checkRest) had
			// its own, without the record refused.
			e.contentErrs, e.turn = nil, e.served
			return e.writeDirty(res)
		}
	}
	set, errs := e.recs.set(e.fsys)
	e.contentErrs = errs
	if len(errs) > 0 || len(e.tmplErrs) > 0 {
		if contentFull {
			e.pending = nil // everything was reloaded: the next success is a full build
		}
		e.siteErrs = e.checkRest(set, now)
		e.turn = e.rest.turn
		return e.failed(res), nil
	}
	return e.rebuild(res, set, now, contentPaths)
}

// checkRest returns the problems between the records of set, which
// leaves out those refused for their own problems, as a build reports
// them beside the records' own: a link to a record that is not there, an
// URL claimed twice. The model it makes is not served, and the bodies it
// renders (those whose links resolve otherwise without the refused
// records) go into a store of its own over the served site's; so do the
// links of the refused records themselves, which are checked too. While an
// editor types in a record with problems, the others stay as they were
// checked, and so do their problems.
func (e *engine) checkRest(set *content.Set, now time.Time) diag.List {
	last := e.rest
	if last.gen == e.gen && now.Before(last.turn) && slices.Equal(last.records, set.Records) && slices.Equal(last.refused, set.Refused) &&
		slices.Equal(last.versions, set.RefusedVersions) {
		return last.errs
	}
	opt := site.Options{Now: now, Drafts: true, Markdown: e.md, Bodies: e.inc.Bodies().Over()}
	if e.tmpl != nil {
		opt.Assets = slices.Sorted(maps.Keys(e.tmpl.Assets()))
	}
	s, err := site.New(e.cfg, set, opt)
	list, _ := diag.AsList(err)
	e.rest = checked{gen: e.gen, turn: turnOf(s), records: set.Records, refused: set.Refused, versions: set.RefusedVersions, errs: list}
	return list
}

// checked is what checkRest checked last, and what it found.
type checked struct {
	gen      uint64
	turn     time.Time // when the clock may change what was found
	records  []*content.Record
	refused  []string
	versions []*content.Version // of the refused files: their links are checked too
	errs     diag.List
}

// reserveFrameIDs keeps the headings of bodies off the ids of the page
// frame and names the checkboxes of task lists, as a build does. When the
// templates' ids or names change, every body is rendered again.
func (e *engine) reserveFrameIDs() {
	if e.tmpl == nil {
		return
	}
	ids, labels := e.tmpl.FrameIDs(), e.tmpl.BodyLabels()
	if slices.Equal(ids, e.frameIDs) && maps.Equal(labels, e.labels) {
		return
	}
	e.frameIDs, e.labels = ids, labels
	e.md = markdown.New().Reserve(ids).Labels(labels)
	e.inc.ResetBodies()
}

// turnOf is the moment the clock alone may change what s made
// (pipeline.NextTurn); zero for no site.
func turnOf(s *site.Site) time.Time {
	if s == nil {
		return time.Time{}
	}
	return pipeline.NextTurn(s)
}

// turned reports whether the clock has come to the moment at which the
// outcome of the last update may change with no file changed: an update
// then makes a new model (and checks the sources again).
func (e *engine) turned() bool {
	return !e.turn.IsZero() && !e.now().Before(e.turn)
}

// untilTurn is how long to wait before turned may report true: until the
// turn, but most at the longest. It waits the longest, however near the
// turn, when the clock has not moved since the last update read it
// (-now, SOURCE_DATE_EPOCH: it never comes to the turn), and when that
// update began at the turn or after and did not come past it (it could
// not write its files): the next look at the clock tries it again, not
// a loop that tries it without a pause.
func (e *engine) untilTurn(most time.Duration) time.Duration {
	now := e.now()
	if e.turn.IsZero() || !now.After(e.tried) || !e.tried.Before(e.turn) {
		return most
	}
	return min(max(e.turn.Sub(now), 0), most)
}

// turnText is the moment turned waited for, in the site's time zone,
// for the terminal.
func (e *engine) turnText() string {
	loc := time.Local
	if e.cfg != nil {
		loc = e.cfg.TimeZone
	}
	return e.turn.In(loc).Format("2006-01-02 15:04")
}

// failed finishes an update that found problems: the served files stay.
func (e *engine) failed(res result) result {
	res.Errs, res.NoneYet = e.problems(), e.site == nil
	return res
}

// problems returns every current problem in the sources. The link errors
// of bodies rendered in place count only when the rest is clean.
func (e *engine) problems() diag.List {
	if len(e.cfgErrs) > 0 {
		return e.cfgErrs // nothing else can be loaded
	}
	out := append(slices.Clone(e.tmplErrs), e.contentErrs...)
	out = append(out, e.siteErrs...)
	if len(out) == 0 {
		for _, l := range e.bodyErrs {
			out = append(out, l...)
		}
	}
	out.Sort()
	return out
}

// inPlace applies edits that change only the title, summary or body of
// records the site already publishes: the incremental layer puts the
// records as reloaded in the model in place of the old ones and renders
// their bodies again (pipeline.Incremental.Replace), with no new model. It
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
	warned := make(map[*site.Entry]diag.List, len(e.warned)) // a new map: the views share the last
	maps.Copy(warned, e.warned)
	for _, c := range changes {
		errs := e.inc.Replace(c.ent, c.rec)
		if w := e.site.EntryWarnings(c.ent); len(w) > 0 {
			warned[c.ent] = w
		} else {
			delete(warned, c.ent)
		}
		if len(errs) > 0 {
			e.dirty[c.ent] = true
		}
		for path, l := range errs {
			if len(l) > 0 {
				e.bodyErrs[path] = l
			} else {
				delete(e.bodyErrs, path)
			}
		}
	}
	e.warned = warned
	clear(e.pending)
	return true
}

// sameShape reports whether two loads of a record differ at most in the
// title, summary and body of their versions (a changed alias is a new
// redirect, a newly shown image a new output: a new model).
func sameShape(a, b *content.Record) bool {
	if len(a.Versions) != len(b.Versions) {
		return false
	}
	for i := range a.Versions {
		va, vb := a.Versions[i], b.Versions[i]
		if va.Path != vb.Path || va.Lang != vb.Lang || !slices.Equal(va.Aliases, vb.Aliases) ||
			!reflect.DeepEqual(va.Images, vb.Images) {
			return false
		}
	}
	x, y := *a, *b
	x.Versions, y.Versions = nil, nil
	return reflect.DeepEqual(x, y)
}

// writeDirty renders the outputs of the entries changed in place, in
// three batches (pipeline.Incremental.Edited): the records' own pages now,
// so that the browser can reload the page being edited as soon as it is
// written; the other pages and the other files in finish.
func (e *engine) writeDirty(res result) (result, error) {
	if errs := e.problems(); len(errs) > 0 {
		res.Errs = errs
		return res, nil
	}
	ents := slices.Collect(maps.Keys(e.dirty))
	clear(e.dirty)
	b := e.inc.Edited(ents)
	e.later = b[1:]
	return e.write(res, b[0])
}

// pendingWrites reports whether finish has outputs to write.
func (e *engine) pendingWrites() bool { return len(e.later) > 0 }

// finish writes the next batch that writeDirty or rebuild left for later.
func (e *engine) finish() (result, error) {
	start := time.Now()
	if len(e.later) == 0 {
		return result{Later: true}, nil
	}
	b := e.later[0]
	e.later = e.later[1:]
	res, err := e.write(result{Later: true}, b)
	res.Took = time.Since(start)
	return res, err
}

// write renders the outputs of b and writes those that changed.
func (e *engine) write(res result, b pipeline.Batch) (result, error) {
	w, err := e.inc.Write(context.Background(), b)
	if told, ok := err.(diag.List); ok { // the others were written
		e.writeErrs = append(e.writeErrs, told...)
		e.writeErrs.Sort()
		err = nil
	}
	if len(e.writeErrs) > 0 {
		res.Errs = slices.Clone(e.writeErrs)
	}
	res.Changed = append(res.Changed, w.Changed...)
	slices.Sort(res.Changed)
	res.Written += w.Written
	res.Removed += w.Removed
	return res, err
}

// rebuild builds a new site model from set and has the pipeline write
// what changed, in the batches of pipeline.Incremental.Plan: the pages of
// the records edited (reloaded since the site was last brought up to
// date, e.pending, or named by the changed paths of a full load) now, so
// that the browser can reload the page being edited as soon as it is
// written; the other pages and the other files in finish. The first
// build, which nothing was served of before, writes everything now.
func (e *engine) rebuild(res result, set *content.Set, now time.Time, paths []string) (result, error) {
	res.Full = true
	e.later = nil
	s, err := site.New(e.cfg, set, site.Options{Now: now, Drafts: true, Markdown: e.md, Bodies: e.inc.Bodies(), Prev: e.site, Reuse: true,
		Assets: slices.Sorted(maps.Keys(e.tmpl.Assets()))})
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return res, err
		}
		e.siteErrs, e.turn = list, turnOf(s)
		clear(e.bodyErrs)
		return e.failed(res), nil
	}
	edited := maps.Clone(e.pending)
	if edited == nil {
		edited = map[string]bool{}
	}
	for _, p := range paths {
		edited[groupKey(e.cfg, p)] = true
	}
	mine := ownEntries(e.cfg, edited, e.site, s)
	own := func(ent *site.Entry) bool { return mine[ent] }
	b := e.inc.Plan(pipeline.Assemble(e.fsys, e.cfg, set, s, e.tmpl, e.inc.Memo()), e.gen, own)
	first, later := b[:1], b[1:]
	if e.site == nil {
		first, later = b[:], nil
	}
	for _, b := range first {
		if res, err = e.write(res, b); err != nil {
			return res, err // the layer is not settled: the next update builds anew
		}
	}
	res.Changed = slices.Compact(res.Changed)
	e.later = later

	e.site, e.served = s, pipeline.NextTurn(s)
	e.turn = e.served
	e.pending = map[string]bool{}
	clear(e.dirty)
	clear(e.bodyErrs)
	e.siteErrs = nil
	e.warned = warningsOf(s, e.warned)
	e.drafts = map[string]bool{}
	for _, ents := range [][]*site.Entry{s.Entries, s.Free} {
		for _, ent := range ents {
			if !ent.Draft {
				continue
			}
			for _, v := range ent.Versions {
				e.drafts[ent.URL[v.Lang]] = true
			}
		}
	}
	return res, nil
}

// warningsOf returns the warnings of the entries of s that have any, by
// entry: those of the entries s took over from the last site are the
// ones last has (an entry's warnings depend on it alone), the others'
// are made now. last is left as it is: the server's views share it.
func warningsOf(s *site.Site, last map[*site.Entry]diag.List) map[*site.Entry]diag.List {
	out := map[*site.Entry]diag.List{}
	for ent, w := range last {
		if s.Lookup(ent.Own().Path) == ent {
			out[ent] = w
		}
	}
	for _, ent := range s.Fresh() {
		if w := s.EntryWarnings(ent); len(w) > 0 {
			out[ent] = w
		}
	}
	return out
}

// ownEntries returns the entries of the sites (the last one, nil at
// first, and the new one) that are the records of the groups edited: the
// pipeline writes their pages first (pipeline.Incremental.Plan). The files
// of a group are content/<key>.md and content/<key>.<lang>.md, which the
// sites look up, rather than every entry being asked for its group.
func ownEntries(cfg *config.Config, edited map[string]bool, sites ...*site.Site) map[*site.Entry]bool {
	out := map[*site.Entry]bool{}
	for key := range edited {
		files := []string{content.Dir + "/" + key + ".md"}
		for _, l := range cfg.Languages {
			files = append(files, content.Dir+"/"+key+"."+l+".md")
		}
		for _, s := range sites {
			if s == nil {
				continue
			}
			for _, f := range files {
				if ent := s.Lookup(f); ent != nil && groupKey(cfg, ent.Own().Path) == key {
					out[ent] = true
				}
			}
		}
	}
	return out
}
