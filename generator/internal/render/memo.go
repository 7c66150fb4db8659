package render

import (
	"sync"

	"portal/generator/internal/site"
)

// Memo keeps what the pages of a site repeat: a record's list item, the
// same in every list of a language, under the entry, the hashes of its
// files (a version edited in place is another key), the language and the
// heading level; the {{cached}} blocks under the values they read
// (tmplexec.Executor.Cached). Whoever renders the pages owns it (the
// pipeline: one per loaded site), never the site model; it serves one
// Templates. The zero Memo is ready. It is safe for concurrent use.
type Memo struct {
	mu     sync.Mutex
	m      map[memoKey]string    // item bodies
	items  map[memoKey][3]string // items: the frame around the body, split there, and the body
	blocks map[string]string
}

// memoKey names a part of an entry's item.
type memoKey struct {
	key, lang string
	e         *site.Entry
	files     uint64 // of the hashes of e's files
	h         int
}

// itemKey is the key of part of e's list item in lang at heading level h.
func itemKey(e *site.Entry, part, lang string, h int) memoKey {
	k := memoKey{key: part, lang: lang, e: e, h: h}
	for _, v := range e.Versions {
		k.files = k.files*1099511628211 ^ v.Hash
	}
	return k
}

// Lookup returns the block kept under key (a Memo is the tmplexec.Store
// of the blocks).
func (m *Memo) Lookup(key []byte) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.blocks[string(key)]
	return b, ok
}

// Keep keeps the block html under key, unless one is kept under it, and
// returns the one kept.
func (m *Memo) Keep(key, html string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if kept, ok := m.blocks[key]; ok {
		return kept
	}
	if m.blocks == nil {
		m.blocks = map[string]string{}
	}
	m.blocks[key] = html
	return html
}

// get returns the text kept under key, made by make the first time. Two
// goroutines asking at once may both make it; one result is kept.
func (m *Memo) get(key memoKey, make func() (string, error)) (string, error) {
	m.mu.Lock()
	b, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := make()
	if err != nil {
		return "", err
	}
	m.mu.Lock()
	if m.m == nil {
		m.m = map[memoKey]string{}
	}
	if kept, ok := m.m[key]; ok {
		b = kept
	} else {
		m.m[key] = b
	}
	m.mu.Unlock()
	return b, nil
}

// item returns the parts of the item kept under key.
func (m *Memo) item(key memoKey) ([3]string, bool) {
	m.mu.Lock()
	p, ok := m.items[key]
	m.mu.Unlock()
	return p, ok
}

// keepItem keeps the parts p of an item under key, unless some are kept
// under it, and returns those kept.
func (m *Memo) keepItem(key memoKey, p [3]string) [3]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if kept, ok := m.items[key]; ok {
		return kept
	}
	if m.items == nil {
		m.items = map[memoKey][3]string{}
	}
	m.items[key] = p
	return p
}

// Forget drops everything kept, once the pages that share it are written.
func (m *Memo) Forget() {
	m.mu.Lock()
	m.m, m.items, m.blocks = nil, nil, nil
	m.mu.Unlock()
}
