package site

import (
	"hash/maphash"
	"html/template"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
)

// Body is what pages, feeds and the search index show of a version's
// Markdown. It is kept in a Bodies store, never on the version, which
// stays as content loaded it.
type Body struct {
	HTML    template.HTML // the rendered body; empty for a confidential agreement, or once dropped
	Excerpt string        // the summary, or else the body's first paragraph as plain text
	Text    string        // plain text of the body, for the search index
}

// Bodies is the store of rendered bodies, owned by the stage that renders
// them (New, Site.Bodies, Site.RenderBody). A body is kept under its
// version's source path and language, with the hash of the file it was
// rendered from and the images it showed (their sizes are in its HTML): a
// body of an older file, or of other images, is never returned.
//
// A store given to New (Options.Bodies) may hold the bodies of an earlier
// site: New reuses each whose file did not change and whose links resolve
// as they did, as the preview server does from one update to the next. A
// streaming build drops a body's HTML once its page is written. A store
// must be used with one Markdown renderer and one set of text options
// (Options.Words). It is safe for concurrent use.
type Bodies struct {
	// mu guards m. A model's bodies are looked up from every worker at
	// once (renderBodies: one lookup a version, most of them to find the
	// body kept): they read under a read lock, so as not to queue.
	mu   sync.RWMutex
	seed maphash.Seed
	m    map[bodyKey]*stored
	gen  atomic.Uint64 // bodies rendered so far
	// skipped counts the calls of keep since it last looked through m.
	skipped int
	// under is the store read through when m has no body (Over); it is
	// never written to.
	under *Bodies
}

// bodyKey names a version across sites, which load new versions.
type bodyKey struct{ path, lang string }

// stored is one rendered body and what it was rendered from.
type stored struct {
	hash   uint64          // of the source file (content.Version.Hash)
	images []content.Image // the version's images (content.Version.Images)
	// hidden is set for a body of a confidential record, whose HTML and
	// text are left out: the flag is in the record's own file, which a
	// translation's body does not hash (RenderBody compares it).
	hidden bool
	body   Body
	links  []link    // every link the body resolved, in order
	errs   diag.List // its link errors
	warns  diag.List // its HTML tags, which are not published (Site.Warnings)
	sum    uint64    // of body and errs
}

// link is one call of the resolver during a rendering.
type link struct {
	dest, url, err string
}

// NewBodies returns an empty store.
func NewBodies() *Bodies {
	return &Bodies{seed: maphash.MakeSeed(), m: map[bodyKey]*stored{}}
}

// Over returns an empty store that reads the bodies of b and keeps what
// is rendered into it to itself: a model made only to be checked (the
// preview server's, of sources with problems) leaves b as it was.
func (b *Bodies) Over() *Bodies {
	o := NewBodies()
	o.under = b
	return o
}

func keyOf(v *content.Version) bodyKey { return bodyKey{v.Path, v.Lang} }

// get returns the body kept for v's file, or nil.
func (b *Bodies) get(v *content.Version) *stored {
	b.mu.RLock()
	st := b.m[keyOf(v)]
	b.mu.RUnlock()
	if st != nil && st.hash == v.Hash && slices.Equal(st.images, v.Images) {
		return st
	}
	if b.under != nil {
		return b.under.get(v)
	}
	return nil
}

func (b *Bodies) put(v *content.Version, st *stored) {
	h := maphash.Hash{}
	h.SetSeed(b.seed)
	for _, s := range []string{string(st.body.HTML), st.body.Excerpt, st.body.Text} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	for _, e := range st.errs {
		h.WriteString(e.Error())
		h.WriteByte(0)
	}
	st.sum = h.Sum64()
	b.mu.Lock()
	b.m[keyOf(v)] = st
	b.mu.Unlock()
	b.gen.Add(1)
}

// DropBody lets go of the HTML of v's body once v's page is written (a
// streaming build); its excerpt and text stay for the feeds and search.
func (s *Site) DropBody(v *content.Version) {
	b := s.bodies
	b.mu.Lock()
	defer b.mu.Unlock()
	if st := b.m[keyOf(v)]; st != nil && st.body.HTML != "" {
		cp := *st
		cp.body.HTML = ""
		b.m[keyOf(v)] = &cp
	}
}

// keepEvery is how many models at the most a body left by a file that is
// gone outlives it in the store (keep).
const keepEvery = 64

// keep drops the bodies of files that are not versions of set. The store
// holds bodies of the last set's published versions, and of few files
// besides (it was kept to the last set, and rendered its versions since),
// so while it holds no more bodies than set has versions, most edits (a
// record changed, or new) leave it nothing to drop, and it is not looked
// through but every keepEvery calls. A file renamed leaves its old body
// until the store holds more bodies than the set has versions: one edit
// later when every record is published, but for as long as as many are
// not (a record scheduled, expired) when some are not, up to keepEvery
// models; a body is returned only for its file, images and
// confidentiality, its links resolving as they did (RenderBody), so a
// body left is memory, never a page. An empty store (a build's, or the
// preview server's first) has none to drop.
func (b *Bodies) keep(set *content.Set) {
	versions := versionsOf(set)
	b.mu.Lock()
	few := len(b.m) <= versions && b.skipped < keepEvery-1
	if few {
		b.skipped++
	} else {
		b.skipped = 0
	}
	b.mu.Unlock()
	if few {
		return
	}
	in := make(map[bodyKey]bool, versions)
	for _, r := range set.Records {
		for _, v := range r.Versions {
			in[keyOf(v)] = true
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	maps.DeleteFunc(b.m, func(k bodyKey, _ *stored) bool { return !in[k] })
}

// resolvesSame reports whether every link of st still resolves as it did.
func (st *stored) resolvesSame(resolve func(string) (string, error)) bool {
	for _, l := range st.links {
		url, err := resolve(l.dest)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if url != l.url || msg != l.err {
			return false
		}
	}
	return true
}

// Body returns the rendered body of v, a version of a published record or
// free-standing page; its HTML is empty once a streaming build wrote v's
// page. The zero Body is returned for a version not rendered (yet).
func (s *Site) Body(v *content.Version) Body {
	if st := s.bodies.get(v); st != nil {
		return st.body
	}
	return Body{}
}

// BodySum returns a number that changes whenever the body rendered for v
// does, or 0 when none is kept: the incremental build signs outputs with
// it.
func (s *Site) BodySum(v *content.Version) uint64 {
	if st := s.bodies.get(v); st != nil {
		return st.sum
	}
	return 0
}

// BodyGen returns a number that changes whenever a body is rendered, for
// what is made of every body (the search index).
func (s *Site) BodyGen() uint64 { return s.bodies.gen.Load() }

// refusedLinks returns the problems of the bodies of vs, the versions of
// the records refused for their own problems (content.Set.RefusedVersions):
// they have no page, but a link in them to a record that does not exist
// is reported with their other problems, not once those are fixed. The
// images that content checks are left out (content.ChecksImage).
func (s *Site) refusedLinks(vs []*content.Version) diag.List {
	var errs diag.List
	for _, v := range vs {
		src := v.Body
		if src == nil && s.readBody != nil {
			src, _ = s.readBody(v) // one that cannot be read has no links to check
		}
		images := map[[2]int]bool{}
		for _, ref := range s.md.Images(src, v.BodyLine) {
			images[[2]int{ref.Line, ref.Col}] = content.ChecksImage(ref.Dest)
		}
		res := s.md.RenderImages(src, v.BodyLine, v.Lang, s.resolver(v), nil)
		for _, e := range bodyErrors(v, src, res.Errors) {
			if !images[[2]int{e.Line, e.Col}] {
				errs = append(errs, e)
			}
		}
	}
	return errs
}
