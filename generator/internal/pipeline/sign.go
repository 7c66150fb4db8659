package pipeline

import (
	"encoding/binary"
	"hash/maphash"
	"sync"
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/site"
)

// A signature sums everything an output's bytes depend on. Two renderings
// with one signature give the same bytes, so an output whose signature did
// not change since it was written is not rendered again.
//
// A page's signature covers its own data (type, URL, links, pager, counts)
// and, for every record it shows, the record's files (their hashes, which
// cover the front matter and the Markdown), its rendered bodies (whose
// links may resolve differently when another record moves) and the facts
// the site derives at "now" (archived, URLs). What every page shows from
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
	s        *site.Site
	seed     maphash.Seed
	global   uint64
	base     uint64 // the part of global that is not the site's pages: config, templates, day
	entries  map[*site.Entry]uint64
	versions map[*content.Version]uint64

	mu    sync.Mutex // outputs are signed in parallel
	lists map[listKey]uint64
}

// newSigner computes the signatures of every entry and the global part.
// gen changes whenever the config or the templates were reloaded; seed is
// the Incremental's.
func newSigner(s *site.Site, gen uint64, seed maphash.Seed) *signer {
	sg := &signer{s: s, seed: seed, lists: map[listKey]uint64{},
		entries:  make(map[*site.Entry]uint64, len(s.Entries)+len(s.Free)),
		versions: make(map[*content.Version]uint64, 2*(len(s.Entries)+len(s.Free))),
	}
	for _, e := range s.Entries {
		sg.sign(e)
	}
	for _, e := range s.Free {
		sg.sign(e)
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
	return sg
}

// sign (re)computes the signature of an entry and its versions.
func (sg *signer) sign(e *site.Entry) {
	h := newHasher(sg.seed)
	h.str(e.Kind)
	h.str(e.Slug)
	h.bool(e.Archived)
	for _, l := range sg.s.Cfg.Languages {
		h.str(e.URL[l])
	}
	for _, v := range e.Versions {
		vh := newHasher(sg.seed)
		vh.str(v.Path)
		vh.u64(v.Hash)
		vh.u64(sg.s.BodySum(v))
		vh.str(v.Title) // may change in place (an edit of text)
		sum := vh.sum()
		sg.versions[v] = sum
		h.u64(sum)
	}
	sg.entries[e] = h.sum()
	sg.mu.Lock()
	clear(sg.lists) // a list's signature covers its entries'
	sg.mu.Unlock()
}

// stamp is the Stamp of an entry: its signature and the base.
func (sg *signer) stamp(e *site.Entry) (uint64, bool) {
	es, ok := sg.entries[e]
	h := newHasher(sg.seed)
	h.u64(sg.base)
	h.u64(es)
	return h.sum(), ok
}

// deps are the entries an output's signature covers: one by one, and in
// long lists, which many outputs share.
type deps struct {
	entries []*site.Entry
	lists   [][]*site.Entry
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
	key := listKey{&es[0], len(es)}
	sg.mu.Lock()
	sum, ok := sg.lists[key]
	sg.mu.Unlock()
	if !ok {
		lh := newHasher(sg.seed)
		for _, e := range es {
			if e == nil {
				lh.byte(0)
			} else {
				lh.u64(sg.entries[e])
			}
		}
		sum = lh.sum()
		sg.mu.Lock()
		sg.lists[key] = sum
		sg.mu.Unlock()
	}
	h.u64(sum)
	dep.lists = append(dep.lists, es)
}

// listKey names a list of entries by its backing array and length.
type listKey struct {
	first *(*site.Entry)
	n     int
}

func (sg *signer) version(h *hasher, v *content.Version) {
	if v == nil {
		h.byte(0)
		return
	}
	h.u64(sg.versions[v])
}

func (sg *signer) links(h *hasher, ls []site.Link) {
	h.int(len(ls))
	for _, l := range ls {
		h.str(l.Lang)
		h.str(l.Key)
		h.str(l.Title)
		h.str(l.URL)
	}
}

func (sg *signer) items(h *hasher, its []site.Item, dep *deps) {
	h.int(len(its))
	for _, it := range its {
		sg.entry(h, it.Entry, dep)
		sg.version(h, it.V)
		h.str(it.URL)
		h.bool(it.Foreign)
	}
}

func (sg *signer) terms(h *hasher, ts []site.TermCount) {
	h.int(len(ts))
	for _, t := range ts {
		h.str(t.Term.Key)
		h.str(t.URL)
		h.int(t.Count)
	}
}

// page signs every field of a page; sign_test checks that none is left out.
func (sg *signer) page(h *hasher, p *site.Page, dep *deps) {
	h.str(string(p.Type))
	h.str(p.Lang)
	h.str(p.URL)
	h.str(p.Title)
	sg.links(h, p.Alternates)
	sg.links(h, p.Switch)
	sg.links(h, p.Crumbs)
	h.str(p.Kind)
	sg.entry(h, p.Entry, dep)
	sg.version(h, p.V)
	if p.Term != nil {
		h.str(p.Term.Key)
		h.int(len(sg.s.Members(p.Index, p.Term.Key))) // the total the page shows
	} else {
		h.byte(0)
	}
	h.int(len(p.Groups))
	for _, g := range p.Groups {
		h.str(g.Kind)
		h.int(g.Total)
		sg.items(h, g.Items, dep)
	}
	if pg := p.Pager; pg != nil {
		h.int(pg.Page)
		h.int(pg.Pages)
		h.str(pg.Prev)
		h.str(pg.Next)
		h.str(pg.First)
		h.str(pg.Last)
		sg.links(h, pg.Links)
	} else {
		h.byte(0)
	}
	h.str(p.Feed)
	h.str(p.Archive)
	if hm := p.Home; hm != nil {
		for _, its := range [][]site.Item{hm.Offers, hm.Lectures, hm.Collaborations, hm.Agreements} {
			sg.items(h, its, dep)
		}
		sg.terms(h, hm.Areas)
		h.int(len(hm.Kinds))
		for _, k := range hm.Kinds {
			h.str(k.Kind)
			h.str(k.URL)
			h.int(k.Count)
		}
	} else {
		h.byte(0)
	}
	sg.terms(h, p.Terms)
	sg.entryList(h, p.Deps, dep)
	h.str(p.Index)
}
