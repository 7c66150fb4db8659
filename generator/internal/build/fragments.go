package build

import (
	"bytes"
	"slices"
	"sync"

	"portal/generator/internal/feeds"
	"portal/generator/internal/site"
)

// Cache keeps, from one build of a site to the next, the serialized items
// of the outputs that list every record (the search index of each
// language) or many (the calendar of all lectures), so that an output is put together again by copying the items
// of the records that did not change and writing only the others. The
// preview server keeps one for as long as it runs; the build command has
// none. A Cache is safe for use by the goroutines that render the outputs
// of one build at a time.
type Cache struct {
	mu     sync.Mutex
	search map[string]*fragments // by language
	events map[string]*events    // of calendar.ics, by language
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{search: map[string]*fragments{}, events: map[string]*events{}}
}

// Stamp returns a number that changes whenever anything an entry's
// serialized items depend on changes: the record's files and rendered
// bodies, the facts derived from the site (archived, URLs), and the
// config, the templates and the day. ok is false when the caller cannot
// tell; the entry's items are then written again.
type Stamp func(e *site.Entry) (stamp uint64, ok bool)

// cacheUse is a cache as one build uses it.
type cacheUse struct {
	c     *Cache
	stamp Stamp
}

// CachedOutputs is Outputs for a caller that builds the same site again
// and again: the outputs it returns keep their serialized items in c, and
// reuse those kept by earlier builds for every entry whose stamp did not
// change. The bytes are those Outputs gives.
func (l *Loaded) CachedOutputs(c *Cache, stamp Stamp) []Output {
	return l.outputs(&cacheUse{c: c, stamp: stamp})
}

// fragKey names an entry across builds, which make new entries.
type fragKey struct{ kind, slug string }

// fragments are the items of one search index as last written, with its
// header tables.
type fragments struct {
	mu    sync.Mutex
	order []*fragment
	tabs  [numTabs]nameTable
	head  []byte // searchHeader of tabs
}

// fragment is the item of one entry.
type fragment struct {
	key   fragKey
	stamp uint64
	data  []byte
	refs  []searchRef
	used  usedTerms
}

// usedTerms are the terms of an entry that decide which rows the tables
// of kinds, areas, organisations and schools have (searchWriter.prefill).
type usedTerms struct {
	kind, host     string
	areas, schools []string
}

func usedOf(e *site.Entry) usedTerms { return usedTerms{e.Kind, e.Host, e.Areas, e.Schools} }

func (a usedTerms) equal(b usedTerms) bool {
	return a.kind == b.kind && a.host == b.host && slices.Equal(a.areas, b.areas) && slices.Equal(a.schools, b.schools)
}

func (u *cacheUse) searchFragments(lang string) *fragments {
	u.c.mu.Lock()
	defer u.c.mu.Unlock()
	f := u.c.search[lang]
	if f == nil {
		f = &fragments{}
		u.c.search[lang] = f
	}
	return f
}

// writeSearch writes the search index of w's language into buf from the
// items kept of the last build, writing again those of the entries whose
// stamp changed.
func (u *cacheUse) writeSearch(w *searchWriter, buf *bytes.Buffer, es []*site.Entry) error {
	f := u.searchFragments(w.lang)
	f.mu.Lock()
	defer f.mu.Unlock()
	buf.Reset()
	if order, ok := u.patch(f, w, es); ok {
		buf.Grow(len(f.head) + len(es) + 2)
		buf.Write(f.head)
		for n, fr := range order {
			if n > 0 {
				buf.WriteByte(',')
			}
			buf.Write(fr.data)
		}
		buf.WriteString("]}\n")
		f.order = order
		return nil
	}
	*w = searchWriter{l: w.l, lang: w.lang}
	w.prefill(es)
	buf.Grow(searchRoom + len(es)*800)
	items := buf.AvailableBuffer()[:searchRoom]
	old := make(map[fragKey]*fragment, len(f.order))
	for _, fr := range f.order {
		old[fr.key] = fr
	}
	order := make([]*fragment, len(es))
	for n, e := range es {
		if n > 0 {
			items = append(items, ',')
		}
		w.pos = int32(n)
		k := fragKey{e.Kind, e.Slug}
		stamp, ok := u.stamp(e)
		if fr := old[k]; ok && fr != nil && fr.stamp == stamp && w.replay(fr.refs) {
			items = append(items, fr.data...)
			order[n] = fr
			continue
		}
		start := len(items)
		var refs []searchRef
		w.rec = &refs
		items = w.item(items, e)
		w.rec = nil
		order[n] = &fragment{key: k, stamp: stamp, data: slices.Clone(items[start:]), refs: slices.Clip(refs), used: usedOf(e)}
		if !ok {
			order[n].stamp = 0
			order[n].key = fragKey{} // never matched again
		}
	}
	h, err := searchHeader(w.lang, &w.tabs)
	if err != nil {
		f.order, f.head = nil, nil
		return err
	}
	joinSearch(buf, h, items)
	f.order, f.tabs, f.head = order, w.tabs, h
	return nil
}

// patch returns the items of es when the last build had the same entries
// in the same order and the entries that changed refer to the header
// tables as they did: then the tables, and so the header and the other
// items, are as they were. It reports false otherwise, changing nothing.
//
// Each table holds the keys the entries refer to, in the order they first
// do (after those listed before the items, see prefill). The entries that
// did not change refer to the same keys as before. A changed entry that
// uses the same terms and either makes the same references as before (an
// edit of text) or made no row of its own before and refers only to keys
// that rows made before it hold, under the same names, leaves every table
// as it was at every point of the index.
func (u *cacheUse) patch(f *fragments, w *searchWriter, es []*site.Entry) ([]*fragment, bool) {
	if f.head == nil || len(f.order) != len(es) {
		return nil, false
	}
	var order []*fragment // copied from f.order at the first change
	w.tabs, w.frozen = f.tabs, true
	defer func() { w.tabs, w.frozen, w.bad, w.pos = [numTabs]nameTable{}, false, false, 0 }()
	for n, e := range es {
		fr := f.order[n]
		if fr.key.kind != e.Kind || fr.key.slug != e.Slug {
			return nil, false
		}
		stamp, ok := u.stamp(e)
		if !ok {
			return nil, false
		}
		if fr.stamp == stamp {
			continue
		}
		used := usedOf(e)
		if !used.equal(fr.used) {
			return nil, false
		}
		var refs []searchRef
		w.pos, w.rec, w.bad = int32(n), &refs, false
		data := w.item(nil, e)
		w.rec = nil
		if !slices.Equal(refs, fr.refs) {
			if w.bad {
				return nil, false
			}
			for _, r := range fr.refs {
				if f.tabs[r.tab].pos[r.idx] >= int32(n) {
					return nil, false // the old item made a row
				}
			}
		}
		if order == nil {
			order = slices.Clone(f.order)
		}
		order[n] = &fragment{key: fr.key, stamp: stamp, data: data, refs: slices.Clip(refs), used: used}
	}
	if order == nil {
		order = f.order
	}
	return order, true
}

// events are the events of one language's calendar of all lectures, as
// last written.
type events struct {
	mu sync.Mutex
	m  map[fragKey]*event
}

type event struct {
	stamp uint64
	ev    feeds.Event
	data  []byte // feeds.AppendEvent of ev
}

// writeCalendar writes the calendar cal of the lectures es, in the
// calendar's language, reusing the events kept of the lectures whose
// stamp did not change.
func (u *cacheUse) writeCalendar(buf *bytes.Buffer, l *Loaded, cal feeds.Calendar, es []*site.Entry) error {
	u.c.mu.Lock()
	f := u.c.events[cal.Lang]
	if f == nil {
		f = &events{}
		u.c.events[cal.Lang] = f
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
		stamp, ok := u.stamp(e)
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
