// Package pipeline runs the pipeline end to end: load config.toml and
// content/, build the site model, parse the templates, then render every
// output (pages, feeds, calendars, sitemap, search index, assets,
// attachments) in parallel into a staging folder that replaces the output
// folder atomically when, and only when, everything succeeded.
//
// The loading half (Load) is separate from the writing half (Write).
// Incremental is the pipeline's incremental layer: every output
// is signed by a hash of its inputs (sign.go), and Incremental renders and
// writes only the outputs whose inputs changed, keeping between builds the
// rendered bodies (site.Bodies) and what outputs listing many records
// share (Cache: calendar events, the search index of each language). A
// full build is that layer with nothing kept; the preview server (serve)
// is its client.
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/markdown"
	"portal/generator/internal/output"
	"portal/generator/internal/render"
	"portal/generator/internal/search"
	"portal/generator/internal/site"
)

// Options are a build's inputs besides the site's files.
type Options struct {
	Now    time.Time
	Drafts bool

	// Stream renders the Markdown bodies while Write writes the pages
	// (the build command): a record's body is rendered, its page written
	// and its HTML and Markdown source dropped at once, so that memory
	// does not grow with the bodies of the whole site. Load then finds
	// broken links only when the sources have other problems too (it
	// renders the bodies to report every problem in one run); otherwise
	// Write reports them, as a diag.List, and publishes nothing.
	Stream bool

	// Dir, when not empty, is the folder that fsys reads (fsys is
	// os.DirFS(Dir)): the sources are then read with fewer system calls
	// (content.Options.Dir).
	Dir string

	// Kinds is the registry of the site's kinds of record; nil means the
	// portal's (kinds.Default).
	Kinds *kinds.Registry

	// KeepBodies, when streaming, is how many bytes of Markdown are kept
	// in memory from loading to rendering: 0 means the default
	// (KeepBodies), a negative number none.
	KeepBodies int64

	// HTMLTemplate executes every template with html/template itself,
	// without the fast executor (render.Options.HTMLTemplate): the
	// executor's off-switch, `build -fast-templates=false`.
	HTMLTemplate bool

	// NoSearch leaves out the search index and the body text it needs:
	// only for measuring what the index costs a build
	// (BenchmarkSearchCost). No command sets it; a site built with it has
	// no working search.
	NoSearch bool

	// SourceDate is SOURCE_DATE_EPOCH, or zero: the modification time
	// Write gives every new or changed file and every folder
	// (output.Stage.SetSourceDate).
	SourceDate time.Time
}

// KeepBodies is how many bytes of Markdown a streamed build keeps in
// memory from loading to rendering (content.Options.KeepBodies): up to
// that, reading a body again would cost more time than holding it costs
// memory; a larger site reads the rest again, so that its memory does not
// grow with all of its text.
const KeepBodies = 16 << 20

// Phase is a step of the build with its duration, for the summary, named
// in the message catalog so that the summary names it in its language.
type Phase struct {
	Name diag.ID // its name in the message catalog (diag.PhaseLoad, ...)
	Time time.Duration
}

// Loaded is everything read from the sources, ready to render.
type Loaded struct {
	Cfg       *config.Config
	Set       *content.Set
	Site      *site.Site
	Templates *render.Templates
	Phases    []Phase
	fsys      fs.FS
	stream    bool         // bodies not rendered yet: Write renders them
	noSearch  bool         // Options.NoSearch
	srcDate   time.Time    // Options.SourceDate
	memo      *render.Memo // what the pages share (list items, blocks)
}

// Load reads and checks the sources in fsys (the site root). Its error is
// a diag.List of every problem found; Loaded is nil then.
func Load(fsys fs.FS, opt Options) (*Loaded, error) {
	start := time.Now()
	l := &Loaded{fsys: fsys, noSearch: opt.NoSearch, srcDate: opt.SourceDate, memo: new(render.Memo)}
	cfg, err := config.LoadWith(fsys, cmp.Or(opt.Kinds, kinds.Default()))
	if err != nil {
		return nil, err
	}
	l.Cfg = cfg
	var errs diag.List
	// The templates are read while the content is.
	var tmpl *render.Templates
	var terr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		tmpl, terr = render.LoadSiteWith(fsys, cfg, render.Options{HTMLTemplate: opt.HTMLTemplate})
	}()
	// Streaming, the Markdown of a large site is not all kept in memory:
	// past KeepBodies bytes, bodies are read again as they are rendered.
	copt := content.Options{Dir: opt.Dir}
	if opt.Stream {
		copt.KeepBodies = cmp.Or(opt.KeepBodies, KeepBodies)
	}
	set, err := content.LoadWith(fsys, cfg, copt)
	<-done
	l.Set = set
	for _, err := range []error{err, terr} {
		if list, ok := diag.AsList(err); ok {
			errs = append(errs, list...)
		} else if err != nil {
			return nil, err
		}
	}
	l.Templates = tmpl
	l.Phases = append(l.Phases, Phase{diag.PhaseLoad, time.Since(start)})
	start = time.Now()
	sopt := siteOptions(fsys, set, opt, tmpl)
	s, err := site.New(cfg, set, sopt)
	l.Site = s
	if list, ok := diag.AsList(err); ok {
		errs = append(errs, list...)
	} else if err != nil {
		return nil, err
	}
	l.stream = opt.Stream
	if opt.Stream && len(errs) > 0 {
		// The build fails: report the broken links with the rest.
		l.stream = false
		if list, ok := diag.AsList(s.Bodies(nil)); ok {
			errs = append(errs, list...)
		}
	}
	l.Phases = append(l.Phases, Phase{diag.PhaseModel, time.Since(start)})
	if len(errs) > 0 {
		errs.Sort()
		return l, errs
	}
	return l, nil
}

// siteOptions are the options of the site model of a build: the Markdown
// renderer, which gives no heading of a body an id the page frame uses
// and names task checkboxes with the templates' UI strings,
// the assets to claim, and when streaming, bodies read again as they are
// rendered, each taken from the Markdown set kept (content.Sources) or
// read again. tmpl is nil when the templates have errors.
func siteOptions(fsys fs.FS, set *content.Set, opt Options, tmpl *render.Templates) site.Options {
	md := markdown.New()
	sopt := site.Options{Now: opt.Now, Drafts: opt.Drafts, Stream: opt.Stream, Words: search.Words}
	if opt.NoSearch {
		sopt.Words = func(string) string { return "" }
	}
	if tmpl != nil {
		// A body's headings avoid the ids of the page around it, and
		// its task lists' checkboxes are named in its language.
		md = md.Reserve(tmpl.FrameIDs()).Labels(tmpl.BodyLabels())
		sopt.Assets = slices.Sorted(maps.Keys(tmpl.Assets()))
	}
	sopt.Markdown = md
	if opt.Stream {
		sopt.ReadBody = func(v *content.Version) ([]byte, error) { return set.Sources.Take(fsys, v) }
	}
	return sopt
}

// Assemble makes a Loaded from parts the caller loaded itself: the preview
// server keeps the config and templates between rebuilds and reloads only
// the records that changed. fsys is the site root, for attachments; memo
// keeps what the pages share, the Memo of the Incremental the Loaded is
// given to (Incremental.Memo), or nil for one of its own.
func Assemble(fsys fs.FS, cfg *config.Config, set *content.Set, s *site.Site, t *render.Templates, memo *render.Memo) *Loaded {
	if memo == nil {
		memo = new(render.Memo)
	}
	return &Loaded{Cfg: cfg, Set: set, Site: s, Templates: t, fsys: fsys, memo: memo}
}

// Report summarises a finished build. It accounts for every record file
// read: each is in a record (Read) or failed, and each record is published
// (Stats.Published, FreePages), a draft, scheduled or expired.
type Report struct {
	Read      map[string]map[string]int // kind → language → files of records without errors
	Stats     site.Stats
	Sources   int // record files read, translations included
	Records   int // records without errors; a translation counts with its record
	FreePages int // published free-standing pages (content/pages)
	Failed    int // record files with errors, or whose record had them
	Pages     int // HTML pages written
	Files     int // all files written
	Bytes     int64
	// Unchanged counts the files written that the recycled staging folder
	// held with the same bytes already, and so were not written again.
	Unchanged int
	Phases    []Phase
	// FastTemplates: the fast executor ran the templates; Fallbacks is
	// how many executions of pages and blocks it handed back to
	// html/template (render.Templates.Fallbacks).
	FastTemplates bool
	Fallbacks     int64
}

// Unaccounted returns how many record files and records the report does
// not account for; both are 0 unless the build lost something.
func (r *Report) Unaccounted() (files, records int) {
	files = r.Sources - r.Failed
	for _, langs := range r.Read {
		for _, n := range langs {
			files -= n
		}
	}
	records = r.Records - r.FreePages - r.Stats.Drafts - r.Stats.Scheduled - r.Stats.Expired
	for _, n := range r.Stats.Published {
		records -= n
	}
	return files, records
}

// Warnings are the problems of the loaded site that do not stop a build:
// those of its records (site.Site.Warnings) and of its templates.
func (l *Loaded) Warnings() diag.List {
	var warns diag.List
	if l.Site != nil {
		warns = l.Site.Warnings()
	}
	if l.Templates != nil {
		warns = append(warns, l.Templates.Warnings()...)
	}
	return warns
}

// FirstWarnings returns the first n of Warnings, sorted, and how many
// there are: what a build prints, without reading again the files of
// the warnings it does not print (see site.Site.FirstWarnings).
func (l *Loaded) FirstWarnings(n int) (diag.List, int) {
	var more diag.List
	if l.Templates != nil {
		more = l.Templates.Warnings()
	}
	if l.Site == nil {
		more = slices.Clone(more)
		more.Sort()
		return more[:min(n, len(more))], len(more)
	}
	return l.Site.FirstWarnings(n, more)
}

// NewReport counts what was read.
func (l *Loaded) NewReport() *Report {
	r := &Report{Read: map[string]map[string]int{}, Phases: l.Phases}
	if l.Set != nil {
		r.Failed = l.Set.Failed
		r.Sources = l.Set.Files
		r.Records = len(l.Set.Records)
		for _, rec := range l.Set.Records {
			if r.Read[rec.Kind] == nil {
				r.Read[rec.Kind] = map[string]int{}
			}
			for _, v := range rec.Versions {
				r.Read[rec.Kind][v.Lang]++
			}
		}
	}
	if l.Site != nil {
		r.Stats = l.Site.Stats
		r.FreePages = len(l.Site.Free)
	}
	return r
}

// Write renders every output into a staging folder beside out and swaps it
// in. On any error, out is left exactly as it was. When the bodies were
// left to it (Options.Stream), Write renders them first, each record's
// page as soon as its body is made, and returns their broken links as a
// diag.List.
func (l *Loaded) Write(ctx context.Context, out string) (*Report, error) {
	rep := l.NewReport()
	start := time.Now()
	stage, err := output.Begin(out)
	if err != nil {
		return rep, err
	}
	stage.SetSourceDate(l.srcDate)
	phase := func(name diag.ID) {
		rep.Phases = append(rep.Phases, Phase{name, time.Since(start)})
		start = time.Now()
	}
	pages := l.pageOutputs(0)
	rep.Pages = len(pages)
	// The other files are listed, and the recycled tree's sweep started,
	// while the workers render the bodies: on the main goroutine alone,
	// that would leave a processor idle.
	files := make(chan []Output, 1)
	go func() {
		rest := l.fileOutputs(nil)
		paths := make([]string, 0, len(pages)+len(rest))
		for _, o := range pages {
			paths = append(paths, o.Path)
		}
		for _, o := range rest {
			paths = append(paths, o.Path)
		}
		stage.Expect(paths)
		files <- rest
	}()
	outs := pages
	streamed := l.stream
	if l.stream {
		l.stream = false
		rest, err := l.writeBodies(ctx, outs, stage.Write)
		if err != nil {
			<-files
			stage.Abort()
			return rep, err
		}
		outs = rest
	}
	outs = append(outs, <-files...)
	if streamed {
		phase(diag.PhaseBodies)
	}
	// The pages of one language after another, then the other files: a
	// list item is kept in the memo from the first list of its language
	// that shows it (see render.View.ItemParts), and forgotten when its
	// language is done.
	groups := l.byLanguage(outs)
	for i, group := range groups {
		if err := renderAll(ctx, group, stage.Write); err != nil {
			stage.Abort()
			return rep, err
		}
		l.memo.Forget()
		if i == len(groups)-2 {
			phase(diag.PhasePages)
		}
	}
	phase(diag.PhaseFeeds)
	rep.Files, rep.Bytes = stage.Files()
	rep.Unchanged = stage.Unchanged()
	rep.FastTemplates, rep.Fallbacks = l.Templates.FastTemplates(), l.Templates.Fallbacks()
	if ctx.Err() != nil {
		// Stopped after the last file: not published, as the caller says.
		stage.Abort()
		return rep, context.Cause(ctx)
	}
	if err := stage.Commit(); err != nil {
		stage.Abort()
		return rep, err
	}
	rep.Phases = append(rep.Phases, Phase{diag.PhasePublish, time.Since(start)})
	return rep, nil
}

// writeBodies renders the bodies of the site, and the page of each
// version (records and free-standing pages) as soon as its body is made;
// then it drops the body's HTML from the site's store (its Markdown left
// content.Sources). It returns the outputs still to write.
func (l *Loaded) writeBodies(ctx context.Context, outs []Output, write func(path string, data []byte) error) ([]Output, error) {
	of := map[*content.Version]*Output{}
	var rest []Output
	for i, o := range outs {
		if o.Page != nil && o.Page.V != nil {
			of[o.Page.V] = &outs[i]
			continue
		}
		rest = append(rest, o)
	}
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	err := l.Site.Bodies(func(e *site.Entry, v *content.Version) error {
		if err := context.Cause(ctx); err != nil {
			return err
		}
		o := of[v]
		if o == nil {
			return nil
		}
		buf := bufs.Get().(*bytes.Buffer)
		defer bufs.Put(buf)
		buf.Reset()
		data, err := o.Bytes(buf)
		if err == nil {
			err = write(o.Path, data)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", o.Path, err)
		}
		l.Site.DropBody(v)
		return nil
	})
	return rest, err
}

// byLanguage groups outputs: the pages of each language, in the order of
// the languages, then every other output. A language's search index, one
// of the largest outputs, which needs the bodies rendered but no list
// item, goes first in its language's group (all its files, which share
// one build of the index): the other workers render the pages meanwhile. The sitemap,
// the next largest, goes first among the others.
func (l *Loaded) byLanguage(outs []Output) [][]Output {
	langs := l.Site.Cfg.Languages
	groups := make([][]Output, len(langs)+1)
	for _, o := range outs {
		i := len(langs)
		if o.Page != nil {
			if j := slices.Index(langs, o.Page.Lang); j >= 0 {
				i = j
			}
		}
		groups[i] = append(groups[i], o)
	}
	for j, lang := range langs {
		dir := strings.TrimPrefix(l.Site.SearchDir(lang), "/")
		rest := groups[len(langs)]
		var index, others []Output
		for _, o := range rest {
			if strings.HasPrefix(o.Path, dir) {
				index = append(index, o)
			} else {
				others = append(others, o)
			}
		}
		groups[j] = append(index, groups[j]...)
		groups[len(langs)] = others
	}
	rest := groups[len(langs)]
	slices.SortStableFunc(rest, func(a, b Output) int {
		return cmp.Compare(btoi(!strings.HasPrefix(a.Path, "sitemap")), btoi(!strings.HasPrefix(b.Path, "sitemap")))
	})
	return groups
}

// renderAll renders outputs in parallel and hands each result to write.
// It stops at the first error, but for the problems of a source file
// that an output may find (Output.told: a damaged image), which it
// returns together, all of them, once every output is done.
func renderAll(ctx context.Context, outs []Output, write func(path string, data []byte) error) error {
	var told toldProblems
	err := each(ctx, len(outs), func(i int, buf *bytes.Buffer) error {
		data, err := outs[i].Bytes(buf)
		if told.keep(err, outs[i].told) {
			return nil
		}
		if err == nil {
			err = write(outs[i].Path, data)
		}
		return err
	}, func(i int) string { return outs[i].Path })
	return told.or(err)
}

// toldProblems gathers, from outputs rendered in parallel, the problems
// of source files that an output tells (Output.told: a damaged image),
// so that all of them are told together, not the first alone.
type toldProblems struct {
	mu   sync.Mutex
	list diag.List
}

// keep takes err when it is a problem that an output which tells them
// (told) found, and reports whether it took it.
func (t *toldProblems) keep(err error, told bool) bool {
	e, ok := errors.AsType[diag.Error](err)
	if !ok || !told {
		return false
	}
	t.mu.Lock()
	t.list = append(t.list, e)
	t.mu.Unlock()
	return true
}

// or is err, if any; else the problems kept, sorted, if any; else nil.
func (t *toldProblems) or(err error) error {
	if err != nil || len(t.list) == 0 {
		return err
	}
	t.list.Sort()
	return t.list
}

// each calls do for 0 ≤ i < n in parallel, bounded by 4×GOMAXPROCS, each
// worker with a buffer of its own, emptied before each call. It stops at
// the first error, which it returns prefixed by name(i).
func each(ctx context.Context, n int, do func(i int, buf *bytes.Buffer) error, name func(i int) string) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	// Each worker takes the next index itself: no goroutine hands them
	// out, which would need a processor of its own between outputs.
	var next atomic.Int64
	// More workers than processors: a worker waiting for the disk
	// (reading a file of a recycled tree to compare) leaves its
	// processor to another.
	for range min(4*runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := int(next.Add(1) - 1); i < n && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				buf.Reset()
				if err := do(i, &buf); err != nil {
					cancel(fmt.Errorf("%s: %w", name(i), err))
				}
				if buf.Cap() > 4<<20 {
					buf = bytes.Buffer{} // a large file: not kept for the pages
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
