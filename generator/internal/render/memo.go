package render

import (
	"encoding/binary"
	"strconv"
	"sync"

	"portal/generator/internal/site"
)

// Memo keeps text that the templates render once and repeat: the list
// item of a record, which every list of a language shows alike, and the
// blocks that many pages repeat ({{cached}}). It belongs to whoever
// renders the pages of a site (the pipeline keeps one per loaded site
// and lets it go, or empties it with Forget), never to the site model.
//
// An item is kept under its entry, the hashes of the entry's files (a
// version edited in place is another key), the language and the heading
// level; a block under the values it read (tmplexec.Executor.Cached).
// One Memo serves one Templates. The zero Memo is empty and ready; a nil
// *Memo keeps nothing. It is safe for concurrent use.
type Memo struct {
	mu sync.Mutex
	m  map[memoKey]string
}

// memoKey names one text: a block's key, or an item's part with the
// entry it shows (nil for a block).
type memoKey struct {
	e   *site.Entry
	key string
}

// itemKey is the key of part of e's list item in lang at heading level h.
func itemKey(e *site.Entry, part, lang string, h int) memoKey {
	b := make([]byte, 0, len(part)+len(lang)+8*len(e.Versions)+4)
	b = append(append(append(b, part...), 0), lang...)
	b = strconv.AppendInt(append(b, 0), int64(h), 10)
	for _, v := range e.Versions {
		b = binary.LittleEndian.AppendUint64(b, v.Hash)
	}
	return memoKey{e, string(b)}
}

// Get returns the block kept under key, made by make the first time: a
// Memo is the tmplexec.Store of the blocks of {{cached}}.
func (m *Memo) Get(key string, make func() (string, error)) (string, error) {
	return m.get(memoKey{key: key}, make)
}

// get returns the text kept under k, made by make the first time. Two
// goroutines asking at once may both make it; one result is kept.
func (m *Memo) get(k memoKey, make func() (string, error)) (string, error) {
	if m == nil {
		return make()
	}
	m.mu.Lock()
	b, ok := m.m[k]
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
	if kept, ok := m.m[k]; ok {
		b = kept
	} else {
		m.m[k] = b
	}
	m.mu.Unlock()
	return b, nil
}

// Forget drops everything kept: the build calls it when the pages that
// share what the memo holds are written.
func (m *Memo) Forget() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}
