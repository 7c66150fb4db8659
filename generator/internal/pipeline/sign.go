package pipeline

import (
	"encoding/binary"
	"hash/maphash"
	"reflect"
	"slices"
	"sync"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/render"
	"portal/generator/internal/site"
)

// A signature sums everything an output's bytes depend on. Two renderings
// with one signature give the same bytes, so an output whose signature did
// not change since it was written is not rendered again.
//
// A page's signature covers its own data (every field of site.Page, see
// encoder) and, for every record it shows, the record's files (their
// hashes, which cover the front matter and the Markdown), its rendered
// bodies (whose links may resolve differently when another record moves)
// and the facts the site derives at "now" (archived, URLs). What every page shows from
// the site as a whole (the footer's free-standing pages, which term and
// archive pages exist, the day) goes into the global part of every
// signature, as do the templates and the config (a generation number).

// hasher sums the inputs of an output with hash/maphash, without
// allocating. Its seed is the Incremental's, so sums made by one compare;
// nothing is stored.
type hasher struct{ h maphash.Hash }

func newHasher(seed maphash.Seed) hasher {
	var h hasher
	h.h.SetSeed(seed)
	return h
}

func (h *hasher) byte(b byte) { h.h.WriteByte(b) }

func (h *hasher) u64(x uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	h.h.Write(b[:])
}

// str mixes in s after its length, so that strings are delimited.
func (h *hasher) str(s string) {
	h.u64(uint64(len(s)))
	h.h.WriteString(s)
}

func (h *hasher) int(n int) { h.u64(uint64(n)) }

func (h *hasher) bool(b bool) {
	if b {
		h.byte(1)
	} else {
		h.byte(0)
	}
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }

// signer signs the outputs of one site.
type signer struct {
	s       *site.Site
	seed    maphash.Seed
	global  uint64
	base    uint64 // the part of global that is not the site's pages: config, templates, day
	entries map[*site.Entry]uint64
	// facetSums are the values of each search facet of an entry, as a
	// page's search form offers them (scopeFacets).
	facetSums map[*site.Entry]uint64
	versions  map[*content.Version]uint64
	pageEnc   encoder   // of site.Page
	memo      *pageMemo // of the Incremental, when it has one (pagememo.go)

	mu     sync.Mutex // outputs are signed in parallel
	lists  map[listKey]uint64
	facets map[listKey]uint64 // of search scopes (scopeFacets)
	browse map[string]uint64  // by kind (browsePages)
	terms  map[termKey]uint64 // what a term's pages show of it (term)

	// resigned lists the entries signed again since newSigner (Since).
	resigned []*site.Entry
	ready    bool
}

// newSigner computes the signatures of every entry and the global part.
// gen changes whenever the config or the templates were reloaded; seed is
// the Incremental's. prev, when not nil, is the signer of the site before
// s with the same seed: an entry of both is not signed again (reuse).
func newSigner(s *site.Site, gen uint64, seed maphash.Seed, prev *signer) *signer {
	sg := &signer{s: s, seed: seed, lists: map[listKey]uint64{}, facets: map[listKey]uint64{}, browse: map[string]uint64{}, terms: map[termKey]uint64{},
		entries:   make(map[*site.Entry]uint64, len(s.Entries)+len(s.Free)),
		facetSums: make(map[*site.Entry]uint64, len(s.Entries)),
		versions:  make(map[*content.Version]uint64, 2*(len(s.Entries)+len(s.Free))),
		pageEnc:   encoderOf(reflect.TypeFor[site.Page]()),
	}
	if prev != nil && prev.s.Cfg != s.Cfg {
		prev = nil // the URLs and facet values of an entry come from the config too
	}
	for _, e := range s.Entries {
		if !sg.reuse(prev, e) {
			sg.sign(e)
		}
	}
	for _, e := range s.Free {
		if !sg.reuse(prev, e) {
			sg.sign(e)
		}
	}
	h := newHasher(sg.seed)
	h.u64(gen)
	h.bool(s.Drafts)
	h.str(s.Now.In(s.Cfg.TimeZone).Format(time.DateOnly))
	sg.base = h.sum()
	for _, e := range s.Free { // the footer links them by title
		h.str(e.Slug)
		for _, l := range s.Cfg.Languages {
			h.str(e.URL[l])
		}
		for _, v := range e.Versions {
			h.str(v.Lang)
			h.str(v.Title)
		}
	}
	for _, p := range s.Pages { // which list, archive and term pages exist
		switch p.Type {
		case site.RecordPage, site.FreePage, site.NotFound:
			continue
		}
		if p.Pager == nil || p.Pager.Page == 1 {
			h.str(p.URL)
		}
	}
	sg.global = h.sum()
	sg.ready = true
	return sg
}

// sign (re)computes the signature of an entry and its versions.
func (sg *signer) sign(e *site.Entry) {
	h := newHasher(sg.seed)
	h.str(e.Kind)
	h.str(e.Slug)
	h.byte(e.Facts.Bits())
	h.u64(uint64(e.AttachmentSize)) // shown in the link, not in the record's files
	for _, l := range sg.s.Cfg.Languages {
		h.str(e.URL[l])
	}
	for _, v := range e.Versions {
		sum := sg.version(v)
		sg.versions[v] = sum
		h.u64(sum)
	}
	sg.entries[e] = h.sum()
	fh := newHasher(sg.seed)
	value := func(v string) { fh.byte(1); fh.str(v) }
	for _, name := range render.Facets {
		render.EachFacetKey(name, e, value)
		fh.byte(0) // the end of a facet's values
	}
	sg.facetSums[e] = fh.sum()
	if sg.ready {
		sg.resigned = append(sg.resigned, e)
	}
	sg.mu.Lock()
	clear(sg.lists) // a list's signature covers its entries'
	clear(sg.facets)
	sg.mu.Unlock()
}

// version sums what a page shows of a version beside its record's
// fields: its file, its rendered body and its title.
func (sg *signer) version(v *content.Version) uint64 {
	vh := newHasher(sg.seed)
	vh.str(v.Path)
	vh.u64(v.Hash)
	vh.u64(sg.s.BodySum(v))
	vh.str(v.Title) // may change in place (an edit of text)
	return vh.sum()
}

// reuse takes the signature of e from prev, the signer of the last site,
// when e is an entry of that site too and each of its versions sums as it
// did, and reports whether it did. An entry the new site took over from
// the last (site.Options.Prev) is the same value: its kind, slug, facts,
// attachment, URLs and facet values, which the config gives, are as they
// were signed; what may differ is a body, whose links may resolve
// otherwise, and a title changed in place, which the last signer signed
// again (Replace), so the versions are summed again and compared, unless
// the site was made from the last signer's site with its bodies as they
// were (site.Site.BodiesAsIn). prev is the signer of the last Plan, which
// is not always Options.Prev's: when the first batch of a Plan fails to be
// written, the preview keeps serving its last site and makes the next from
// it; the versions are then summed again.
func (sg *signer) reuse(prev *signer, e *site.Entry) bool {
	if prev == nil {
		return false
	}
	es, ok := prev.entries[e]
	if !ok {
		return false
	}
	for _, v := range e.Versions {
		if sum, ok := prev.versions[v]; ok && sg.s.BodiesAsIn(prev.s) {
			sg.versions[v] = sum // its body, path, file and title as prev signed them
			continue
		}
		sum := sg.version(v)
		if prev.versions[v] != sum {
			return false
		}
		sg.versions[v] = sum
	}
	sg.entries[e] = es
	sg.facetSums[e] = prev.facetSums[e]
	return true
}

// Since returns the entries signed again since the call that returned
// mark (0: since the signer was made), and the mark of now (Stamps).
func (sg *signer) Since(mark int) ([]*site.Entry, int) {
	return sg.resigned[mark:], len(sg.resigned)
}

// Stamp is the stamp of an entry (Stamps): its signature and the base.
func (sg *signer) Stamp(e *site.Entry) (uint64, bool) {
	es, ok := sg.entries[e]
	h := newHasher(sg.seed)
	h.u64(sg.base)
	h.u64(es)
	return h.sum(), ok
}

// itemStamp names the list item of e across sites (render.Memo.Age): its
// signature, with what every page shows of the site (global), as a page
// that lists it is signed by them.
func (sg *signer) itemStamp(e *site.Entry) (uint64, bool) {
	es, ok := sg.entries[e]
	if !ok {
		return 0, false
	}
	h := newHasher(sg.seed)
	h.u64(sg.global)
	h.u64(es)
	return h.sum(), true
}

// deps are the entries an output's signature covers: one by one, and in
// long lists, which many outputs share.
type deps struct {
	entries []*site.Entry
	lists   [][]*site.Entry
}

// add adds what o covers to d, taking o's slices as they are when d has
// none yet (a page's deps are its data's): deps are not written into once
// made, and the slices are clipped, so that an append to one copies it.
func (d *deps) add(o deps) {
	if len(d.entries) == 0 {
		d.entries = slices.Clip(o.entries)
	} else {
		d.entries = append(d.entries, o.entries...)
	}
	if len(d.lists) == 0 {
		d.lists = slices.Clip(o.lists)
	} else {
		d.lists = append(d.lists, o.lists...)
	}
}

// output signs one output and adds to dep every entry the signature
// covers. It returns 0 for outputs without a signature (sitemap, assets,
// attachments), which are rendered every time and compared by bytes.
func (sg *signer) output(o *Output, dep *deps) uint64 {
	h := newHasher(sg.seed)
	h.u64(sg.global)
	h.str(o.Path)
	switch {
	case o.Page != nil:
		sg.page(&h, o.Page, dep)
	case o.Deps != nil:
		sg.entryList(&h, o.Deps, dep)
	default:
		return 0
	}
	if sum := h.sum(); sum != 0 {
		return sum
	}
	return 1
}

func (sg *signer) entry(h *hasher, e *site.Entry, dep *deps) {
	if e == nil {
		h.byte(0)
		return
	}
	h.u64(sg.entries[e])
	dep.entries = append(dep.entries, e)
}

func (sg *signer) entryList(h *hasher, es []*site.Entry, dep *deps) {
	h.int(len(es))
	if len(es) < 64 {
		for _, e := range es {
			sg.entry(h, e, dep)
		}
		return
	}
	// A long list is usually shared by many outputs (every file of a
	// search index depends on all its records): sign it once.
	h.u64(once(&sg.mu, sg.lists, listKey{&es[0], len(es)}, func() uint64 {
		lh := newHasher(sg.seed)
		for _, e := range es {
			if e == nil {
				lh.byte(0)
			} else {
				lh.u64(sg.entries[e])
			}
		}
		return lh.sum()
	}))
	dep.lists = append(dep.lists, es)
}

// once returns the sum of key in m (guarded by mu, as outputs are signed
// in parallel), made by sum the first time it is asked for. Two callers
// may both make it: the sums are equal.
func once[K comparable](mu *sync.Mutex, m map[K]uint64, key K, sum func() uint64) uint64 {
	mu.Lock()
	v, ok := m[key]
	mu.Unlock()
	if ok {
		return v
	}
	v = sum()
	mu.Lock()
	m[key] = v
	mu.Unlock()
	return v
}

// listKey names a list of entries by its backing array and length.
type listKey struct {
	first *(*site.Entry)
	n     int
}

// encoder mixes v, a value of one type, into h, adding to dep the entries
// it shows. A page is signed by walking every field of site.Page and of
// the types inside it (encoderOf, once per signer), so that a field added
// is signed too; a record it shows by its signature, a long list of them
// once for all outputs sharing it, a config term (its text is in the
// config generation) by its key.
type encoder func(sg *signer, h *hasher, v reflect.Value, dep *deps)

// encoderOf makes the encoder of t.
func encoderOf(t reflect.Type) encoder {
	switch t {
	case reflect.TypeFor[*site.Entry]():
		return func(sg *signer, h *hasher, v reflect.Value, dep *deps) {
			sg.entry(h, v.Interface().(*site.Entry), dep)
		}
	case reflect.TypeFor[[]*site.Entry]():
		return func(sg *signer, h *hasher, v reflect.Value, dep *deps) {
			sg.entryList(h, v.Interface().([]*site.Entry), dep)
		}
	case reflect.TypeFor[*content.Version]():
		return func(sg *signer, h *hasher, v reflect.Value, _ *deps) {
			h.u64(sg.versions[v.Interface().(*content.Version)]) // 0 for nil
		}
	case reflect.TypeFor[*config.Term]():
		return func(_ *signer, h *hasher, v reflect.Value, _ *deps) {
			if h.bool(!v.IsNil()); !v.IsNil() {
				h.str(v.Interface().(*config.Term).Key)
			}
		}
	}
	switch t.Kind() {
	case reflect.String:
		return func(_ *signer, h *hasher, v reflect.Value, _ *deps) { h.str(v.String()) }
	case reflect.Int:
		return func(_ *signer, h *hasher, v reflect.Value, _ *deps) { h.int(int(v.Int())) }
	case reflect.Bool:
		return func(_ *signer, h *hasher, v reflect.Value, _ *deps) { h.bool(v.Bool()) }
	case reflect.Pointer:
		elem := encoderOf(t.Elem())
		return func(sg *signer, h *hasher, v reflect.Value, dep *deps) {
			if h.bool(!v.IsNil()); !v.IsNil() {
				elem(sg, h, v.Elem(), dep)
			}
		}
	case reflect.Slice:
		elem := encoderOf(t.Elem())
		return func(sg *signer, h *hasher, v reflect.Value, dep *deps) {
			h.int(v.Len())
			for i := range v.Len() {
				elem(sg, h, v.Index(i), dep)
			}
		}
	case reflect.Struct:
		fields := make([]encoder, t.NumField())
		for i := range fields {
			fields[i] = encoderOf(t.Field(i).Type)
		}
		return func(sg *signer, h *hasher, v reflect.Value, dep *deps) {
			for i, enc := range fields {
				enc(sg, h, v.Field(i), dep)
			}
		}
	}
	panic("pipeline: a page cannot be signed: no encoder for " + t.String() + " (sign.go)")
}

// page signs p: its value, and the total of a term page's records, which
// the page shows but does not hold.
func (sg *signer) page(h *hasher, p *site.Page, dep *deps) {
	sg.pageData(h, p, dep)
	if p.Term != nil {
		h.u64(sg.term(p.Index, p.Term.Key))
	}
	if es := render.SearchScope(sg.s, p); len(es) > 0 {
		h.u64(sg.scopeFacets(es))
	}
	if p.Type == site.ListPage { // its links without JavaScript (render.View.Browse)
		h.u64(sg.browsePages(p.Kind))
	}
}

// termKey is a term of an index.
type termKey struct{ index, key string }

// term signs what every page of a term shows of it beside its own
// records: their total, and the page where each kind's section starts
// (its contents, render.View.Sections); once a Plan for all its pages.
func (sg *signer) term(index, key string) uint64 {
	return once(&sg.mu, sg.terms, termKey{index, key}, func() uint64 {
		h := newHasher(sg.seed)
		h.int(len(sg.s.Members(index, key)))
		for _, kind := range sg.s.Cfg.Kinds.Names() {
			h.int(sg.s.KindPage(index, key, kind))
		}
		return h.sum()
	})
}

// browsePages signs where each term's section of kind starts on its
// pages (site.KindPage), which every page of kind's lists links to
// without JavaScript (render.View.Browse): once a Plan for all of them,
// not once for each of a thousand list pages.
func (sg *signer) browsePages(kind string) uint64 {
	return once(&sg.mu, sg.browse, kind, func() uint64 {
		h := newHasher(sg.seed)
		for _, index := range site.Indexes() {
			for _, t := range sg.s.Cfg.Vocab(index).Terms {
				h.int(sg.s.KindPage(index, t.Key, kind))
			}
		}
		return h.sum()
	})
}

// scopeFacets signs what the search form of a page offers to filter by
// (render.View.SearchFacets): the values of each facet (render.Facets:
// kind, area, host organisation, school, level, language) of every
// record the page searches, not only of those it lists. A record on page 40 of an area that gets a
// host no other record has adds a choice to the form of page 2. It is
// not a dependency of the page: an edit in place changes none of them.
// A scope is signed once for all its pages, from the facets of each
// entry, signed once for all its scopes, and not by the order of its
// records, which the form does not show.
func (sg *signer) scopeFacets(es []*site.Entry) uint64 {
	return once(&sg.mu, sg.facets, listKey{&es[0], len(es)}, func() uint64 {
		// The form offers each value once, in the order of the
		// vocabularies, whatever the order of the records: the sums are
		// added, so that a record moved in its list leaves the forms of
		// the pages it did not leave or join as they were signed.
		h := newHasher(sg.seed)
		var total uint64
		for _, e := range es {
			total += sg.facetSums[e]
		}
		h.int(len(es))
		h.u64(total)
		return h.sum()
	})
}
