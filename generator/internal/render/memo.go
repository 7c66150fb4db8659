package render

import (
	"maps"
	"slices"
	"sync"

	"portal/generator/internal/site"
)

// Memo keeps what the pages of a site repeat: a record's list item, the
// same in every list of a language, under the entry, the hashes of its
// files (a version edited in place is another key), the language and the
// heading level; the {{cached}} blocks under the values they read
// (tmplexec.Executor.Cached). Whoever renders the pages owns it (the
// pipeline), never the site model; it serves one Templates. The zero
// Memo is ready, for the pages of one site. It is safe for concurrent
// use.
//
// The incremental layer keeps one Memo for the sites it is given in turn
// (Age): an entry's item is then kept under the entry's stamp, a hash of
// everything the item shows, instead of the entry itself, so that a new
// site model finds the items of the records that did not change; what a
// generation did not use is dropped at the next.
type Memo struct {
	mu       sync.Mutex
	cur, old memoGen
	// stamp, when set (Age), names an entry's item in place of the entry.
	stamp func(*site.Entry) (uint64, bool)
	// levels are the heading levels items were asked at (sawLevel).
	levels []int
}

// memoGen is what a Memo keeps of one generation.
type memoGen struct {
	m      map[memoKey]string    // item bodies
	items  map[memoKey][3]string // items: the frame around the body, split there, and the body
	blocks map[string]string
}

// memoKey names a part of an entry's item.
type memoKey struct {
	key, lang string
	e         *site.Entry // nil when stamp names it
	files     uint64      // of the hashes of e's files, or the stamp
	h         int
}

// itemKey is the key of part of e's list item in lang at heading level h.
func (m *Memo) itemKey(e *site.Entry, part, lang string, h int) memoKey {
	k := memoKey{key: part, lang: lang, h: h}
	if m.stamp != nil {
		if st, ok := m.stamp(e); ok {
			k.files = st
			return k
		}
	}
	k.e = e
	for _, v := range e.Versions {
		k.files = k.files*1099511628211 ^ v.Hash
	}
	return k
}

// sawLevel notes that items are asked for at heading level h and returns
// the other levels they were asked at so far.
func (m *Memo) sawLevel(h int) []int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !slices.Contains(m.levels, h) {
		m.levels = append(m.levels, h)
	}
	others := make([]int, 0, len(m.levels)-1)
	for _, l := range m.levels {
		if l != h {
			others = append(others, l)
		}
	}
	return others
}

// Age starts a generation of the Memo for the pages of another site, in
// which stamp names each entry's item (its value must change whenever
// anything the item shows may). What the last generation kept and this
// one asks for is kept again; the rest is dropped at the next Age. It
// must not be called while pages are rendered.
func (m *Memo) Age(stamp func(*site.Entry) (uint64, bool)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.old, m.cur, m.stamp = m.cur, memoGen{}, stamp
}

// found returns the value kept under key in the current generation, or
// in the last one, which it moves to the current. The caller holds mu.
func found[K comparable, V any](cur *map[K]V, old map[K]V, key K) (V, bool) {
	if v, ok := (*cur)[key]; ok {
		return v, true
	}
	v, ok := old[key]
	if ok {
		put(cur, key, v)
	}
	return v, ok
}

// keepFirst returns the value kept under key (found), or keeps v under it
// in the current generation and returns v. The caller holds mu.
func keepFirst[K comparable, V any](cur *map[K]V, old map[K]V, key K, v V) V {
	if kept, ok := found(cur, old, key); ok {
		return kept
	}
	put(cur, key, v)
	return v
}

// put keeps v under key in *cur, made when nil.
func put[K comparable, V any](cur *map[K]V, key K, v V) {
	if *cur == nil {
		*cur = map[K]V{}
	}
	(*cur)[key] = v
}

// Lookup returns the block kept under key (a Memo is the tmplexec.Store
// of the blocks).
func (m *Memo) Lookup(key []byte) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if b, ok := m.cur.blocks[string(key)]; ok { // no string made of key
		return b, true
	}
	b, ok := m.old.blocks[string(key)]
	if ok {
		put(&m.cur.blocks, string(key), b)
	}
	return b, ok
}

// Keep keeps the block html under key, unless one is kept under it, and
// returns the one kept.
func (m *Memo) Keep(key, html string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return keepFirst(&m.cur.blocks, m.old.blocks, key, html)
}

// get returns the text kept under key, made by make the first time. Two
// goroutines asking at once may both make it; one result is kept.
func (m *Memo) get(key memoKey, make func() (string, error)) (string, error) {
	m.mu.Lock()
	b, ok := found(&m.cur.m, m.old.m, key)
	m.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := make()
	if err != nil {
		return "", err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return keepFirst(&m.cur.m, m.old.m, key, b), nil
}

// item returns the parts of the item kept under key.
func (m *Memo) item(key memoKey) ([3]string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return found(&m.cur.items, m.old.items, key)
}

// keepItem keeps the parts p of an item under key, unless some are kept
// under it, and returns those kept.
func (m *Memo) keepItem(key memoKey, p [3]string) [3]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return keepFirst(&m.cur.items, m.old.items, key, p)
}

// Drop drops the item kept under the stamp of an entry whose stamp
// changed without a new generation (an edit in place): no page asks for
// it any more, and a preview edited in place save after save would
// otherwise keep the items of every save until the next Age.
func (m *Memo) Drop(stamp uint64) {
	gone := func(k memoKey) bool { return k.e == nil && k.files == stamp }
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, g := range []*memoGen{&m.cur, &m.old} {
		maps.DeleteFunc(g.m, func(k memoKey, _ string) bool { return gone(k) })
		maps.DeleteFunc(g.items, func(k memoKey, _ [3]string) bool { return gone(k) })
	}
}

// Items returns how many item parts (items and their bodies) are kept.
func (m *Memo) Items() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.cur.m) + len(m.cur.items) + len(m.old.m) + len(m.old.items)
}

// Forget drops everything kept, once the pages that share it are written.
func (m *Memo) Forget() {
	m.mu.Lock()
	m.cur, m.old = memoGen{}, memoGen{}
	m.mu.Unlock()
}
