// Package build runs the pipeline end to end: load config.toml and
// content/, build the site model, parse the templates, then render every
// output (pages, feeds, calendars, sitemap, search index, assets,
// attachments) in parallel into a staging folder that replaces the output
// folder atomically when, and only when, everything succeeded.
//
// The loading half (Load) is separate from the writing half (Outputs and
// Write) so that the preview server can reload and re-render selectively.
package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/markdown"
	"portal/generator/internal/output"
	"portal/generator/internal/render"
	"portal/generator/internal/site"
)

// Options are a build's inputs besides the site's files.
type Options struct {
	Now      time.Time
	Drafts   bool
	Markdown *markdown.Renderer // reused across builds by the preview server; nil makes one
}

// Phase is a named step with its duration, for the summary.
type Phase struct {
	Name string
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
}

// Load reads and checks the sources in fsys (the site root). Its error is
// a diag.List of every problem found; Loaded is nil then.
func Load(fsys fs.FS, opt Options) (*Loaded, error) {
	start := time.Now()
	l := &Loaded{fsys: fsys}
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	l.Cfg = cfg
	var errs diag.List
	set, err := content.Load(fsys, cfg)
	l.Set = set
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return nil, err
		}
		errs = append(errs, list...)
	}
	tmpl, err := render.Load(fsys, cfg)
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return nil, err
		}
		errs = append(errs, list...)
	}
	l.Templates = tmpl
	l.Phases = append(l.Phases, Phase{"load", time.Since(start)})
	start = time.Now()
	s, err := site.New(cfg, set, site.Options{Now: opt.Now, Drafts: opt.Drafts, Markdown: opt.Markdown})
	l.Site = s
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return nil, err
		}
		errs = append(errs, list...)
	}
	l.Phases = append(l.Phases, Phase{"model", time.Since(start)})
	if len(errs) > 0 {
		errs.Sort()
		return l, errs
	}
	return l, nil
}

// Assemble makes a Loaded from parts the caller loaded itself: the preview
// server keeps the config and templates between rebuilds and reloads only
// the records that changed. fsys is the site root, for attachments.
func Assemble(fsys fs.FS, cfg *config.Config, set *content.Set, s *site.Site, t *render.Templates) *Loaded {
	return &Loaded{Cfg: cfg, Set: set, Site: s, Templates: t, fsys: fsys}
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
	Phases    []Phase
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
// in. On any error, out is left exactly as it was.
func (l *Loaded) Write(ctx context.Context, out string) (*Report, error) {
	rep := l.NewReport()
	start := time.Now()
	stage, err := output.Begin(out)
	if err != nil {
		return rep, err
	}
	outs := l.Outputs()
	paths := make([]string, len(outs))
	for i, o := range outs {
		paths[i] = o.Path
	}
	stage.Expect(paths)
	if err := renderAll(ctx, outs, stage.Write); err != nil {
		stage.Abort()
		return rep, err
	}
	rep.Phases = append(rep.Phases, Phase{"render+write", time.Since(start)})
	start = time.Now()
	rep.Files, rep.Bytes = stage.Files()
	for _, o := range outs {
		if o.Page != nil {
			rep.Pages++
		}
	}
	if err := stage.Commit(); err != nil {
		stage.Abort()
		return rep, err
	}
	rep.Phases = append(rep.Phases, Phase{"publish", time.Since(start)})
	return rep, nil
}

// renderAll renders outputs in parallel, bounded by GOMAXPROCS, and hands
// each result to write. It stops at the first error.
func renderAll(ctx context.Context, outs []Output, write func(path string, data []byte) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(outs), 1)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				o := outs[i]
				data, err := o.Bytes(&buf)
				if err == nil {
					err = write(o.Path, data)
				}
				if err != nil {
					cancel(fmt.Errorf("%s: %w", o.Path, err))
				}
			}
		})
	}
loop:
	for i := range outs {
		select {
		case next <- i:
		case <-ctx.Done():
			break loop
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}
