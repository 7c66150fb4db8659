package site

import (
	"bytes"
	"cmp"
	"html/template"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/markdown"
	"portal/generator/internal/workers"
)

// Options are the inputs of a build besides config and content.
type Options struct {
	Now      time.Time
	Drafts   bool               // publish drafts (preview)
	Markdown *markdown.Renderer // shared renderer; nil makes one

	// Bodies, when set, is the store the site renders the bodies into
	// (Site.Body reads them), and reuses those it holds of unchanged
	// files: the preview server keeps one from one update to the next.
	// Nil makes an empty one.
	Bodies *Bodies

	// ReadBody, when set, gives the Markdown of a version whose Body is
	// nil (content.Options.KeepBodies; the build takes it from
	// content.Sources). It is called from several goroutines at once.
	ReadBody func(v *content.Version) ([]byte, error)

	// Stream leaves the bodies unrendered: Bodies renders them later and
	// hands over each version as soon as its HTML is made, so that the
	// build can write the version's page at once and no more than a few
	// bodies are held in memory at a time.
	Stream bool

	// Assets are the output paths of the files under templates/assets/
	// ("assets/site.3f2a9c1b0d.css"), claimed like every other output.
	Assets []string

	// Words, when set, replaces a body's plain text by what the search
	// index keeps of it (its distinct words).
	Words func(text string) string

	// Prev, when set, is the model this one replaces, made with Reuse:
	// what the records that changed since do not touch is taken from it
	// (reuse.go). Reuse makes the site keep what the next one, given it
	// as Prev, takes. The preview sets both.
	Prev  *Site
	Reuse bool
}

// HomeSize is how many items of each kind the home page shows.
const HomeSize = 6

// New builds the site model. It returns a diag.List of every problem:
// broken links between records, URL collisions.
func New(cfg *config.Config, set *content.Set, opt Options) (*Site, error) {
	s := &Site{
		Cfg: cfg, Now: opt.Now, Drafts: opt.Drafts, base: EscapeURL(cfg.BaseURL),
		ByKind:  map[string][]*Entry{},
		members: map[string]map[string][]*Entry{},
		parts:   map[string]map[string]map[string][]*Entry{},
		splits:  map[string][2][]*Entry{},
		Stats:   Stats{Published: map[string]int{}},
	}
	s.md, s.readBody, s.bodies = cmp.Or(opt.Markdown, markdown.New()), opt.ReadBody, opt.Bodies
	if s.bodies == nil {
		s.bodies = NewBodies()
	}
	s.bodyGen, s.puts = s.bodies.gen.Load(), &bodyPuts{}
	s.startReuse(opt)
	defer func() { s.prev = nil }() // not a chain of every site made
	// The store lets go of the bodies of files that are gone while the
	// model is made: nothing reads it until the bodies are rendered.
	var kept sync.WaitGroup
	kept.Go(func() { s.bodies.keep(set) })
	agreements := s.publishAll(set)
	s.agreements = map[string]*Entry{}
	for _, a := range slices.Backward(s.ByKind[kinds.Agreements]) {
		s.agreements[a.Slug] = a // the first of a slug, as a search would find
	}
	s.refused = map[string]bool{}
	for _, p := range set.Refused {
		s.refused[p] = true
		if kind, name, _, _ := content.FileName(cfg, p); kind == kinds.Agreements {
			agreements[name] = true // its problems are reported: not "does not exist"
		}
	}
	var errs diag.List
	errs = append(errs, s.checkAgreements(agreements)...)
	s.lists()
	s.agreementFacts()
	errs = append(errs, s.buildPages()...)
	errs = append(errs, s.claimFiles(opt.Assets)...)
	errs = append(errs, s.claimAliases(s.all())...)
	kept.Wait()
	s.words = opt.Words
	s.unpublished = map[string]bool{}
	for _, r := range set.Records {
		for _, v := range r.Versions {
			if s.bySource[v.Path] == nil {
				s.unpublished[v.Path] = true
			}
		}
	}
	if !opt.Stream {
		entries := s.all()
		if s.linksAsBefore() {
			entries, s.asBefore = s.fresh, s.prev.puts
		}
		bodyErrs := s.renderBodies(entries, nil)
		if len(bodyErrs) > 0 {
			s.puts.broken.Store(true) // also of a body kept, not put (linksAsBefore)
		}
		errs = append(errs, bodyErrs...)
	}
	errs = append(errs, s.refusedLinks(set.RefusedVersions)...)
	if len(errs) > 0 {
		errs.Sort()
		return s, errs
	}
	return s, nil
}

// publishAll makes the entries of the records of set that are published,
// with their URLs, and returns the slugs of the agreements, published or
// not.
func (s *Site) publishAll(set *content.Set) map[string]bool {
	agreements := map[string]bool{}
	s.bySource = make(map[string]*Entry, versionsOf(set))
	s.sources = sync.OnceValue(func() []string { return slices.Sorted(maps.Keys(s.bySource)) })
	recordURL := s.recordURLs()
	s.turn = s.dayTurn() // lowered by the checks of publish and factsOf (reached)
	// Room for every record, and for as many of each kind as the last
	// site had, and a little more: 10,000 entries appended one by one are
	// copied over and over as the slices grow.
	s.Entries = make([]*Entry, 0, len(set.Records))
	if s.prev != nil {
		for k, es := range s.prev.ByKind {
			s.ByKind[k] = make([]*Entry, 0, len(es)+len(es)/8+1)
		}
	}
	for _, r := range set.Records {
		if r.Kind == kinds.Agreements {
			agreements[r.Slug] = true
		}
		if !s.publish(r) {
			continue
		}
		f := s.factsOf(r)
		e := s.reuseEntry(r, f)
		if e == nil {
			e = &Entry{Record: r, Facts: f}
			if s.prev != nil {
				s.fresh = append(s.fresh, e)
			}
			e.URL = make(map[string]string, len(s.Cfg.Languages))
			for _, l := range s.Cfg.Languages {
				lang := l
				if r.In(l) == nil {
					lang = r.Lang
				}
				e.URL[l] = recordURL(e, lang)
			}
		}
		for _, v := range r.Versions {
			s.bySource[v.Path] = e
		}
		if r.Kind == content.Pages {
			s.Free = append(s.Free, e)
			continue
		}
		s.Stats.Published[r.Kind]++
		if e.Archived {
			s.Stats.Archived++
		}
		s.Entries = append(s.Entries, e)
		s.ByKind[r.Kind] = append(s.ByKind[r.Kind], e)
	}
	for k, es := range s.ByKind {
		if len(es) == 0 {
			delete(s.ByKind, k) // a kind with no records has none, as without the room
		}
	}
	return agreements
}

// versionsOf is the number of versions of the records of set.
func versionsOf(set *content.Set) int {
	n := 0
	for _, r := range set.Records {
		n += len(r.Versions)
	}
	return n
}

// all is the published entries: the records', then the free pages'.
func (s *Site) all() []*Entry { return append(slices.Clip(s.Entries), s.Free...) }

// factsOf decides the facts of r at s.Now.
func (s *Site) factsOf(r *content.Record) Facts {
	f := Facts{Archived: s.archived(r), Expired: s.expired(r), Future: !r.Date.IsZero() && !s.reached(r.Date)}
	f.Pending = r.Kind == kinds.Agreements && r.Status == "active" && !r.ValidFrom.IsZero() && !s.reached(r.ValidFrom)
	k := s.Cfg.Kinds.Get(r.Kind)
	f.Ending = !f.Archived && k != nil && k.ArchiveAfterMark && r.Status == k.ArchiveStatus
	soFar := &Entry{Record: r, Facts: f} // the notice's day is open or not by the facts above
	f.NoticePassed = soFar.noticeOpen() && s.passed(soFar.NoticeDay())
	return f
}

// publish decides whether r is published at s.Now and counts why not.
func (s *Site) publish(r *content.Record) bool {
	switch {
	case r.Draft && !s.Drafts:
		s.Stats.Drafts++
		return false
	case !r.PublishDate.IsZero() && !s.reached(r.PublishDate):
		s.Stats.Scheduled++
		return false
	case !r.ExpiryDate.IsZero() && s.reached(r.ExpiryDate):
		s.Stats.Expired++
		return false
	}
	return true
}

// Today is the start of the build's day (Now) in the site's time zone:
// a moment that changes only when the day does, like the signatures of
// the outputs (a feed without entries is dated by it).
func (s *Site) Today() time.Time {
	t := s.Now.In(s.Cfg.TimeZone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, s.Cfg.TimeZone)
}

// dayAfter is the start of the day after t's day in the site's time zone:
// a date is valid through the whole of its day.
func (s *Site) dayAfter(t time.Time) time.Time {
	t = t.In(s.Cfg.TimeZone)
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, s.Cfg.TimeZone)
}

// archived decides whether a record belongs in its kind's archive at
// s.Now: its status is the kind's archived one, or the moment it closes
// has come (see kinds.Kind).
func (s *Site) archived(r *content.Record) bool {
	k := s.Cfg.Kinds.Get(r.Kind)
	switch {
	case k == nil:
		return false
	case k.ArchiveStatus != "" && r.Status == k.ArchiveStatus:
		if k.ArchiveAfterMark {
			// From the day after its mark's, or after its last day in
			// force when that came first (an agreement that had run out
			// before the termination it records).
			t := r.Time(k.MarkDate)
			if last := lastDay(r); !last.IsZero() && last.Before(t) {
				t = last
			}
			return t.IsZero() || s.passed(t)
		}
		return true
	case k.CloseKey != "":
		t := r.Time(k.CloseKey)
		if t.IsZero() {
			return false
		}
		if k.CloseDay {
			t = s.dayAfter(t)
		}
		return s.reached(t)
	}
	return false
}

// AgreementOf returns the published agreement a collaboration, exchange or
// follow-up names, or nil.
func (s *Site) AgreementOf(e *Entry) *Entry {
	if e.Agreement == "" {
		return nil
	}
	return s.agreements[e.Agreement]
}

// renderBodies turns the Markdown of every version of entries into HTML
// in parallel, resolving links to records and site paths, and calls use,
// when it is not nil, with each version whose body is rendered. After use
// failed (the build was cancelled, or a write failed) it renders no more
// bodies, and returns use's first error then.
func (s *Site) renderBodies(entries []*Entry, use func(e *Entry, v *content.Version) error) diag.List {
	type job struct {
		e *Entry
		v *content.Version
	}
	var jobs []job
	for _, e := range entries {
		for _, v := range e.Versions {
			jobs = append(jobs, job{e, v})
		}
	}
	errs := make([]diag.List, len(jobs))
	// A use that failed (a cancelled build) stops the rendering.
	s.useErr = workers.Until(len(jobs), func(i int) error {
		errs[i] = s.RenderBody(jobs[i].e, jobs[i].v)
		if use == nil {
			return nil
		}
		return use(jobs[i].e, jobs[i].v)
	})
	return slices.Concat(errs...)
}

// Bodies renders the bodies that New left unrendered (Options.Stream), in
// parallel, and calls use, when it is not nil, with each published
// version once its body is in the store (Site.Body); use runs on the
// rendering goroutines, and may drop the body's HTML (DropBody) when done. Bodies returns the link errors of all bodies as a sorted
// diag.List, or else the first error use returned.
func (s *Site) Bodies(use func(e *Entry, v *content.Version) error) error {
	errs := s.renderBodies(s.all(), use)
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	return s.useErr
}

// RenderBody renders the body of v, a version of the published entry e,
// into the store, unless the store holds it already (same file, images
// and confidentiality, links resolving the same), and returns its link
// errors: New and Bodies call
// it, and the preview server after it replaced the text of v in place (an
// edit that changed only a title, summary or body).
func (s *Site) RenderBody(e *Entry, v *content.Version) diag.List {
	resolve := s.resolver(v)
	hideBody := e.Confidential
	if st := s.bodies.get(v); st != nil && st.hidden == hideBody && st.resolvesSame(resolve) {
		return st.errs
	}
	st := &stored{hash: v.Hash, images: v.Images, hidden: hideBody}
	src := v.Body
	if src == nil && s.readBody != nil {
		var err error
		if src, err = s.readBody(v); err != nil {
			st.errs = diag.List{{Path: v.Path, Line: v.BodyLine, Col: 1, Msg: diag.Cause(err)}}
			s.putBody(v, st)
			return st.errs
		}
	}
	record := func(dest string) (string, error) {
		url, err := resolve(dest)
		l := link{dest: dest, url: url}
		if err != nil {
			l.err = err.Error()
		}
		st.links = append(st.links, l)
		return url, err
	}
	res := s.md.RenderImages(src, v.BodyLine, v.Lang, record, BodyImages(v))
	b := &st.body
	b.Excerpt = v.Summary
	if b.Excerpt == "" && !hideBody {
		b.Excerpt = res.Summary
	}
	if !hideBody {
		b.HTML = template.HTML(res.HTML)
		b.Text = res.Text
		if s.words != nil {
			b.Text = s.words(res.Text)
		}
	}
	st.errs = bodyErrors(v, src, res.Errors)
	if !hideBody {
		for _, le := range res.RawHTML {
			tag, _, _ := strings.Cut(le.Msg, "\n")
			st.warns = append(st.warns, diag.Warn(v.Path, le.Line, charCol(src, le.Line-v.BodyLine, le.Col), diag.WarnRawHTML, diag.Clip(tag, 40)))
		}
		for _, sc := range markdown.Shortcodes(src, v.BodyLine) {
			st.warns = append(st.warns, diag.Warn(v.Path, sc.Line, charCol(src, sc.Line-v.BodyLine, sc.Col), diag.WarnShortcode, diag.Clip(sc.Text, 40)))
		}
	}
	s.putBody(v, st)
	return st.errs
}

// bodyErrors are the errors of rendering src, the body of v, at their
// place in v's file, the columns counted in characters.
func bodyErrors(v *content.Version, src []byte, les []markdown.LinkError) diag.List {
	var errs diag.List
	for _, le := range les {
		col := charCol(src, le.Line-v.BodyLine, le.Col)
		if le.Text.ID != "" {
			errs = append(errs, diag.Of(v.Path, le.Line, col, le.Text))
		} else {
			errs = append(errs, diag.Error{Path: v.Path, Line: le.Line, Col: col, Msg: le.Msg})
		}
	}
	return errs
}

// translationName is the file of a record's version in lang, beside own
// (the record's own file), as content.Load reads it: <name>.md in the
// default language, <name>.<lang>.md in another.
func (s *Site) translationName(own, lang string) string {
	_, name, _, _ := content.FileName(s.Cfg, own)
	base := path.Join(path.Dir(own), name)
	if lang == s.Cfg.DefaultLanguage {
		return base + ".md"
	}
	return base + "." + lang + ".md"
}

// sortEntries sorts entries with cmp functions then by slug.
func sortEntries(es []*Entry, fns ...func(a, b *Entry) int) {
	slices.SortStableFunc(es, func(a, b *Entry) int {
		for _, f := range fns {
			if c := f(a, b); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Slug, b.Slug)
	})
}

// charCol converts a 1-based byte column on line n (0-based) of body into
// a column counted in characters, as editors count.
func charCol(body []byte, n, col int) int {
	for ; n > 0; n-- {
		i := bytes.IndexByte(body, '\n')
		if i < 0 {
			return col
		}
		body = body[i+1:]
	}
	if col-1 > len(body) {
		return col
	}
	return utf8.RuneCount(body[:col-1]) + 1
}
