package site

import (
	"cmp"
	"slices"
	"time"

	"portal/generator/internal/kinds"
)

// sortKey is the value of one sort of a kind (kinds.Sort) for one entry:
// n for a rank or a whole number, t for a moment.
type sortKey struct {
	n int
	t time.Time
}

// sortOrder sorts es, entries of kind k, in the order sorts gives, then by
// slug, keeping the order of entries that compare equal. The keys of each
// entry are read once, not at every comparison.
func sortOrder(es []*Entry, k *kinds.Kind, sorts []kinds.Sort) {
	m := len(sorts)
	type item struct {
		e    *Entry
		keys []sortKey
		at   int // in es: the order of equal entries
	}
	keys := make([]sortKey, len(es)*m)
	items := make([]item, len(es))
	for i, e := range es {
		ks := keys[i*m : (i+1)*m : (i+1)*m]
		for j, o := range sorts {
			ks[j] = sortKeyOf(k, o, e)
		}
		items[i] = item{e, ks, i}
	}
	slices.SortFunc(items, func(a, b item) int {
		for j, o := range sorts {
			x, y := a.keys[j], b.keys[j]
			if o.Desc {
				x, y = y, x
			}
			if c := cmp.Or(cmp.Compare(x.n, y.n), x.t.Compare(y.t)); c != 0 {
				return c
			}
		}
		return cmp.Or(cmp.Compare(a.e.Slug, b.e.Slug), cmp.Compare(a.at, b.at))
	})
	for i := range items {
		es[i] = items[i].e
	}
}

// sortKeyOf is the value of sort o of an entry e of kind k: its rank among
// o.Rank (the first when it has none of them), its whole number, or its
// moment (o.Or's when o.Key's is zero; o.Earlier's when that comes first).
func sortKeyOf(k *kinds.Kind, o kinds.Sort, e *Entry) sortKey {
	switch {
	case len(o.Rank) > 0:
		return sortKey{n: max(0, slices.Index(o.Rank, e.String(o.Key)))}
	case k.Key(o.Key) != nil && k.Key(o.Key).Type == kinds.Int:
		return sortKey{n: e.Int(o.Key)}
	}
	t := cmp.Or(e.Time(o.Key), e.Time(o.Or))
	if o.Earlier != "" {
		if u := e.Time(o.Earlier); !u.IsZero() && (t.IsZero() || u.Before(t)) {
			t = u
		}
	}
	return sortKey{t: t}
}
