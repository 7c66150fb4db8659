package pipeline

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sync"

	"portal/generator/internal/feeds"
	"portal/generator/internal/search"
	"portal/generator/internal/site"
)

// Cache keeps, from one build of a site to the next, what the outputs
// that list many records are made of: the serialized items of the
// calendar of each kind in the calendar, so that it is put together again by copying
// the items of the records that did not change and writing only the
// others; and the search index of each language with its documents, so
// that an edit writes again only the files of the index it changes
// (search.Incremental). The preview server keeps one for as long as it
// runs; the build command has none. A Cache is safe for use by the
// goroutines that render the outputs of one build at a time.
type Cache struct {
	seed   maphash.Seed // of the sums that stand for outputs' versions
	mu     sync.Mutex
	events map[string]*events      // of each calendar.ics, by its path
	search map[string]*searchState // by language
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), events: map[string]*events{}, search: map[string]*searchState{}}
}

// searchState is the kept search index of one language.
type searchState struct {
	mu    sync.Mutex
	x     *search.Incremental
	epoch uint64 // counts the indexes made anew

	entries []*site.Entry // of its documents, in order
	stamps  []uint64      // of the entries; 0: none
	at      map[*site.Entry]int
	mark    int // Stamps.Since: the stamps are those of then

	// spare is the list of documents the index held before its last
	// update, which no one reads any more: the next list is made in it
	// (buffer).
	spare []search.Doc
}

// searchVersion is a number that changes whenever the file at path of the
// index of lang kept in the cache is written again: made anew or updated.
func (u *cacheUse) searchVersion(lang, path string) uint64 {
	u.c.mu.Lock()
	st := u.c.search[lang]
	u.c.mu.Unlock()
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.epoch<<32 | st.x.Version(path)
}

// searchIndex updates the index of lang kept in the cache to that of es
// and scopes: the documents of the entries whose stamp did not change are
// reused (found by place while the records are in the places of the last
// call, as after an edit in place or of a fact that moves no record, else
// by kind and slug), and the index writes again only the files that
// change, giving the documents new numbers when records moved, were added
// or were deleted. The documents are listed in memory kept from an
// earlier call (buffer).
func (u *cacheUse) searchIndex(l *Loaded, lang string, es []*site.Entry, scopes []search.Scope) (*search.Index, error) {
	u.c.mu.Lock()
	st := u.c.search[lang]
	if st == nil {
		st = &searchState{}
		u.c.search[lang] = st
	}
	u.c.mu.Unlock()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.x != nil && sameEntries(es, st.entries) {
		if x, ok, err := u.editSearch(st, l, lang); ok || err != nil {
			return x, err
		}
	}
	o := u.searchOrder(st.entries, es)
	stamps := slices.Clone(o.stamps) // editSearch changes st.stamps in place
	var kept []search.Doc
	if st.x != nil {
		kept = st.x.Docs()
	}
	docs := st.buffer(len(es))
	var changed []int
	added := 0
	for i, e := range es {
		j, stamp := o.from[i], stamps[i]
		if j >= 0 && stamp != 0 && st.stamps[j] == stamp {
			docs[i] = kept[j]
		} else {
			docs[i] = l.searchDoc(lang, e)
		}
		if j < 0 {
			added++
		}
		if j >= 0 && (stamp == 0 || st.stamps[j] != stamp) {
			changed = append(changed, i)
		}
	}
	from := o.from
	if !o.moved {
		from = nil
	}
	names := l.searchNames(lang, docs)
	var err error
	if st.x == nil || len(changed)+added > len(es)/4 {
		st.epoch++
		st.x, err = search.NewIncremental(lang, docs, scopes, names)
	} else {
		_, err = st.x.Update(docs, from, changed, scopes, names)
	}
	if err != nil {
		st.x, st.entries, st.stamps, st.spare = nil, nil, nil, nil
		return nil, err
	}
	st.entries, st.stamps, st.at, st.spare = es, stamps, nil, kept
	_, st.mark = u.stamps.Since(0)
	return st.x.Index(), nil
}

// buffer returns a list of n documents for the next index to take: the
// memory of the list the index held before its last update when it is
// large enough. A new list of 10,000 documents is 3 MB of fresh pages,
// whose faults cost more than copying the documents into it.
func (st *searchState) buffer(n int) []search.Doc {
	if cap(st.spare) < n {
		return make([]search.Doc, n)
	}
	docs := st.spare[:n]
	clear(st.spare[n:cap(st.spare)]) // no longer kept alive
	st.spare = nil                   // the index is to hold it
	return docs
}

// searchOrder is how the entries of a listing (next) map onto those an
// index was last made of (prev), with their stamps: the same for every
// language, so worked out once (cacheUse.searchOrder).
type searchOrder struct {
	prev, next []*site.Entry
	mark       int      // Stamps.Since: the stamps are those of then
	stamps     []uint64 // of next; 0: none
	from       []int    // each entry's place in prev, -1: none
	moved      bool     // some entry is not in its place in prev
}

// searchOrder returns the order of next after prev, as the last call made
// it when it was for the same lists and no entry was signed again since.
// An entry is found in its place in prev, else where the last one found
// in another place suggests (as after a record that moved: the entries
// it passed are one place off), else by kind and slug.
func (u *cacheUse) searchOrder(prev, next []*site.Entry) *searchOrder {
	_, mark := u.stamps.Since(0)
	u.mu.Lock()
	defer u.mu.Unlock()
	if o := u.order; o != nil && o.mark == mark && site.SameList(o.prev, prev) && site.SameList(o.next, next) {
		return o
	}
	o := &searchOrder{prev: prev, next: next, mark: mark, stamps: make([]uint64, len(next)),
		from: make([]int, len(next)), moved: len(next) != len(prev)}
	same := func(j int, e *site.Entry) bool {
		return j >= 0 && j < len(prev) && (prev[j] == e || prev[j].Kind == e.Kind && prev[j].Slug == e.Slug)
	}
	var byKey map[fragKey]int // of prev, made when needed
	off := 0                  // of the last entry found in another place
	for i, e := range next {
		if stamp, ok := u.stamps.Stamp(e); ok {
			o.stamps[i] = stamp
		}
		j := i
		switch {
		case same(i, e):
		case same(i+off, e):
			j = i + off
		default:
			if byKey == nil {
				byKey = make(map[fragKey]int, len(prev))
				for j, e := range prev {
					byKey[fragKey{e.Kind, e.Slug}] = j
				}
			}
			var kept bool
			if j, kept = byKey[fragKey{e.Kind, e.Slug}]; !kept {
				j = -1
			}
		}
		if j >= 0 && j != i {
			off = j - i
		}
		o.from[i], o.moved = j, o.moved || j != i
	}
	u.order = o
	return o
}

// sameEntries reports whether a and b are one list of entries: that of
// the last call, as after an edit in place.
func sameEntries(a, b []*site.Entry) bool {
	return len(a) > 0 && site.SameList(a, b)
}

// editSearch updates the index kept in st for the entries of its list
// whose stamp changed, each in its place (search.Incremental.Edit), as
// after an edit in place: it reads the stamps and the documents of the
// entries signed again since the last call (Stamps.Since) alone. It
// reports false, changing nothing, when an edited document has another
// mark or language than before (the names of the index may change):
// searchIndex then lists every document.
func (u *cacheUse) editSearch(st *searchState, l *Loaded, lang string) (*search.Index, bool, error) {
	if st.at == nil {
		st.at = make(map[*site.Entry]int, len(st.entries))
		for i, e := range st.entries {
			st.at[e] = i
		}
	}
	edits := map[int]search.Doc{}
	stamps := map[int]uint64{}
	old := st.x.Docs()
	resigned, mark := u.stamps.Since(st.mark)
	for _, e := range resigned {
		i, listed := st.at[e]
		if _, seen := stamps[i]; !listed || seen {
			continue
		}
		stamp, ok := u.stamps.Stamp(e)
		if !ok {
			stamp = 0 // cannot tell: read again
		}
		if stamps[i] = stamp; stamp != 0 && stamp == st.stamps[i] {
			continue
		}
		d := l.searchDoc(lang, e)
		if d.State != old[i].State || d.Lang != old[i].Lang {
			return nil, false, nil
		}
		edits[i] = d
	}
	st.mark = mark
	if len(edits) == 0 {
		return st.x.Index(), true, nil
	}
	if _, err := st.x.Edit(edits, st.x.Names()); err != nil {
		st.x, st.entries, st.stamps, st.at = nil, nil, nil, nil
		return nil, true, err
	}
	for i, stamp := range stamps {
		st.stamps[i] = stamp
	}
	return st.x.Index(), true, nil
}

// Stamps are the stamps of the entries of one site.
type Stamps interface {
	// Stamp returns a number that changes whenever anything an entry's
	// serialized items depend on changes: the record's files and
	// rendered bodies, the facts derived from the site (archived, URLs),
	// and the config, the templates and the day. ok is false when the
	// caller cannot tell; the entry's items are then written again.
	Stamp(e *site.Entry) (stamp uint64, ok bool)
	// Since returns the entries whose stamp may have changed since the
	// call that returned mark (0: since the site's outputs were listed),
	// and the mark of now.
	Since(mark int) ([]*site.Entry, int)
}

// cacheUse is a cache as one build uses it.
type cacheUse struct {
	c      *Cache
	stamps Stamps

	mu    sync.Mutex
	order *searchOrder // the last searchOrder
}

// fragKey names an entry across builds, which make new entries.
type fragKey struct{ kind, slug string }

// events are the events of one calendar.ics (one kind's, in one
// language), as last written.
type events struct {
	mu sync.Mutex
	m  map[fragKey]*event
}

type event struct {
	stamp uint64
	ev    feeds.Event
	data  []byte // feeds.AppendEvent of ev
}

// writeCalendar writes the calendar cal at path of the events es, in the
// calendar's language, reusing the events kept of the records whose
// stamp did not change.
func (u *cacheUse) writeCalendar(buf *bytes.Buffer, l *Loaded, path string, cal feeds.Calendar, es []*site.Entry) error {
	u.c.mu.Lock()
	f := u.c.events[path]
	if f == nil {
		f = &events{}
		u.c.events[path] = f
	}
	u.c.mu.Unlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	tz := l.Site.Cfg.TimeZone
	next := make(map[fragKey]*event, len(es))
	blocks := make([][]byte, len(es))
	cal.Events = make([]feeds.Event, len(es))
	for i, e := range es {
		k := fragKey{e.Kind, e.Slug}
		stamp, ok := u.stamps.Stamp(e)
		if old := f.m[k]; ok && old != nil && old.stamp == stamp {
			cal.Events[i], blocks[i], next[k] = old.ev, old.data, old
			continue
		}
		ev := l.event(e, cal.Lang)
		data, err := feeds.AppendEvent(nil, ev, cal.Lang, tz)
		if err != nil {
			// WriteICS says what is wrong as it always does.
			f.m = nil
			cal.Events = cal.Events[:0]
			for _, e := range es {
				cal.Events = append(cal.Events, l.event(e, cal.Lang))
			}
			return feeds.WriteICS(buf, cal, tz)
		}
		cal.Events[i], blocks[i] = ev, data
		if ok {
			next[k] = &event{stamp: stamp, ev: ev, data: data}
		}
	}
	f.m = next
	return feeds.WriteICSEvents(buf, cal, tz, blocks)
}
