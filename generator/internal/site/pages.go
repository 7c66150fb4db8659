package site

import (
	"cmp"
	"slices"
	"strconv"
	"sync"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/workers"
)

// split returns a kind's current and archived entries, each in its order,
// as lists made them.
func (s *Site) split(kind string) (current, archived []*Entry) {
	c := s.splits[kind]
	return c[0], c[1]
}

// splitOf makes the lists split returns: it writes nothing shared.
func (s *Site) splitOf(kind string) (current, archived []*Entry) {
	for _, e := range s.ByKind[kind] {
		if e.Archived {
			archived = append(archived, e)
		} else {
			current = append(current, e)
		}
	}
	k := s.Cfg.Kinds.Get(kind)
	sortOrder(current, k, k.Order)
	sortOrder(archived, k, k.Archive)
	return current, archived
}

// lists makes the lists split returns and the members of every index, in
// parallel: the agreements' facts and the pages read them,
// and made one after another on one goroutine they were a stretch of the
// model with the other processors idle.
func (s *Site) lists() {
	names := s.Cfg.Kinds.Names()
	splits := make([][2][]*Entry, len(names))
	workers.For(len(names), func(i int) {
		if old, ok := s.sameSplit(names[i]); ok {
			splits[i] = old // not sorted again
			return
		}
		splits[i][0], splits[i][1] = s.splitOf(names[i])
	})
	for i, kind := range names {
		if s.prev != nil {
			old := s.prev.splits[kind]
			splits[i][0], splits[i][1] = reuseList(old[0], splits[i][0]), reuseList(old[1], splits[i][1])
		}
		s.splits[kind] = splits[i]
	}
	// membersOf reads the lists of split, which are all made now.
	members := make([]map[string][]*Entry, len(indexes))
	parts := make([]map[string]map[string][]*Entry, len(indexes))
	workers.For(len(indexes), func(i int) { members[i], parts[i] = s.membersOf(indexes[i]) })
	for i, index := range indexes {
		if s.prev != nil {
			for k, es := range members[i] {
				members[i][k] = reuseList(s.prev.members[index][k], es)
			}
		}
		s.members[index] = members[i]
		s.parts[index] = parts[i]
	}
}

// items presents entries in a list of lang.
func items(es []*Entry, lang string) []Item {
	out := make([]Item, len(es))
	for i, e := range es {
		v := e.VersionFor(lang)
		out[i] = Item{Entry: e, V: v, URL: e.URL[lang], Foreign: v.Lang != lang}
	}
	return out
}

// buildPages creates every HTML page of the site and claims its URL: the
// first claims of the site, which it makes the map of (s.paths) with room
// for the files claimed after the pages.
// The pages of each language are made in parallel (nothing shared is
// written then: the lists and index members are computed first), and
// claimed afterwards in one fixed order, so that a collision is always
// reported for the same page.
func (s *Site) buildPages() diag.List {
	langs := s.Cfg.Languages
	// made[0][i] are the list and index pages of langs[i], made[1][i] its
	// record and free pages, each in the order they are claimed.
	var made [2][][]claimed
	made[0], made[1] = make([][]claimed, len(langs)), make([][]claimed, len(langs))
	entries := s.all()
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() { made[0][i] = s.sectionPages(lang) })
		wg.Go(func() { made[1][i] = s.recordPages(lang, entries) })
	}
	wg.Wait()
	n := 0
	for _, m := range made {
		for _, pages := range m {
			n += len(pages)
		}
	}
	s.paths = make(map[string]claimant, n+n/8)
	s.Pages = make([]*Page, 0, n)
	var errs diag.List
	add := func(c claimed) {
		if d := s.claimPage(c.page, c.by, c.entry); d != nil {
			errs = append(errs, *d)
			return
		}
		s.Pages = append(s.Pages, c.page)
	}
	for _, pages := range made[0] {
		for _, c := range pages {
			add(c)
		}
	}
	// Record pages in entry order, an entry's versions in language order.
	next := make([]int, len(langs))
	for _, e := range entries {
		for i := range langs {
			for next[i] < len(made[1][i]) && made[1][i][next[i]].entry == e {
				add(made[1][i][next[i]])
				next[i]++
			}
		}
	}
	s.Pages = s.sortByURL(s.Pages)
	return errs
}

// pageOrder is how a site's pages, made in the order they are claimed,
// were sorted by URL: their URLs in that order, and the place in it of
// each page sorted.
type pageOrder struct {
	urls   []string
	sorted []int32
}

// sortByURL sorts made, the pages in the order they were claimed, by URL.
// A site made from one whose pages had the same URLs in the same order
// (an edit that adds or removes no page) takes that site's order instead
// of sorting some 17,000 pages again (10,000 records); a site the next
// one reuses (Options.Reuse) keeps its own.
func (s *Site) sortByURL(made []*Page) []*Page {
	var o pageOrder
	if s.prev != nil && len(s.prev.order.urls) == len(made) {
		o = s.prev.order
		for i, p := range made {
			if p.URL != o.urls[i] {
				o = pageOrder{}
				break
			}
		}
	}
	if o.urls == nil && s.keep == nil {
		slices.SortFunc(made, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
		return made
	}
	if o.urls == nil {
		o.urls = make([]string, len(made))
		o.sorted = make([]int32, len(made))
		for i, p := range made {
			o.urls[i], o.sorted[i] = p.URL, int32(i)
		}
		slices.SortFunc(o.sorted, func(a, b int32) int { return cmp.Compare(o.urls[a], o.urls[b]) })
	}
	if s.keep != nil {
		s.order = o
	}
	out := make([]*Page, len(made))
	for i, at := range o.sorted {
		out[i] = made[at]
	}
	return out
}

// claimed is a page to claim, with what claims it.
type claimed struct {
	page  *Page
	by    claimant
	entry *Entry
}

// sectionPages makes the home page, the lists and archives, the index
// pages and the 404 page of lang.
func (s *Site) sectionPages(lang string) []claimed {
	var out []claimed
	add := func(p *Page, by claimant) { out = append(out, claimed{p, by, nil}) }
	add(s.homePage(lang), part(diag.ClaimHome))
	for _, kind := range s.Cfg.Kinds.Names() {
		current, archived := s.split(kind)
		for _, p := range s.listPages(kind, lang, current, false) {
			add(p, part(diag.ClaimList, s.Cfg.Kinds.RecordsWord(kind)))
		}
		for _, f := range s.Cfg.Kinds.Get(kind).Facets {
			for _, p := range s.facetPages(kind, f, lang, current) {
				add(p, claimant{part: &f.Lists})
			}
		}
		if len(archived) > 0 || !s.Cfg.Kinds.Get(kind).NoEmptyArchive {
			for _, p := range s.listPages(kind, lang, archived, true) {
				add(p, part(diag.ClaimArchive, s.Cfg.Kinds.RecordsWord(kind)))
			}
		}
	}
	add(s.duePage(lang), part(diag.ClaimDue))
	for _, p := range s.indexPages(lang) {
		add(p, part(diag.ClaimIndex))
	}
	nf := &Page{Type: NotFound, Lang: lang, URL: s.Prefix(lang) + "404.html"}
	s.alternates(nf, func(l string) string { return s.Prefix(l) + "404.html" })
	add(nf, part(diag.Claim404))
	return out
}

// recordPages makes the page of every version in lang of entries (the
// records and free pages), in their order. Record pages share what is the same for
// many: the breadcrumbs of a kind's (archived) records, the alternates of
// all the versions of a record, the URLs the entry holds. Nobody changes
// them.
func (s *Site) recordPages(lang string, entries []*Entry) []claimed {
	type trail struct {
		kind     string
		archived bool
	}
	trails := map[trail][]Link{}
	out := make([]claimed, 0, len(entries))
	for _, e := range entries {
		v := e.In(lang)
		if v == nil {
			continue
		}
		if p := s.reuseRecordPage(lang, e, v); p != nil {
			s.keepRecordPage(lang, e, p)
			out = append(out, claimed{p, claimant{path: v.Path}, e})
			continue
		}
		alts := make([]Link, 0, len(e.Versions))
		for _, l := range s.Cfg.Languages {
			if e.In(l) != nil {
				alts = append(alts, Link{Lang: l, URL: e.URL[l]}) // recordURL(e, l)
			}
		}
		p := &Page{Type: RecordPage, Lang: v.Lang, URL: e.URL[v.Lang], Title: v.Title,
			Kind: e.Kind, Entry: e, V: v, Deps: []*Entry{e}, Alternates: alts}
		key := trail{e.Kind, e.Archived}
		crumbs, ok := trails[key]
		if !ok {
			if e.Kind == content.Pages {
				crumbs = []Link{s.homeCrumb(v.Lang)}
			} else {
				crumbs = []Link{s.homeCrumb(v.Lang), {Key: "kind." + e.Kind, URL: s.SectionURL(e.Kind, v.Lang)}}
				if e.Archived {
					crumbs = append(crumbs, Link{Key: "archive", URL: s.ArchiveURL(e.Kind, v.Lang)})
				}
			}
			trails[key] = slices.Clip(crumbs)
		}
		p.Crumbs = crumbs
		if e.Kind == content.Pages {
			p.Type = FreePage
		} else if a := s.AgreementOf(e); a != nil {
			p.Deps = append(p.Deps, a)
		}
		p.Deps = append(p.Deps, s.NamedBy(e)...)
		p.Switch = s.switchLinks(v.Lang, p.Alternates, s.listOf(e))
		s.keepRecordPage(lang, e, p)
		out = append(out, claimed{p, claimant{path: v.Path}, e})
	}
	return out
}

// homeCrumb is the first breadcrumb of every page.
func (s *Site) homeCrumb(lang string) Link {
	return Link{Key: "home", URL: s.Prefix(lang)}
}

// alternates sets a page that exists in every language.
func (s *Site) alternates(p *Page, url func(lang string) string) {
	for _, l := range s.Cfg.Languages {
		p.Alternates = append(p.Alternates, Link{Lang: l, URL: url(l)})
	}
	p.Switch = s.switchLinks(p.Lang, p.Alternates, nil)
}

// switchLinks returns the language switch of a page in lang with the
// alternates alts: for each other language, the page in it; else the
// page near, when near is not nil, gives in it (the list that shows a
// record without a version in that language); else that language's home.
func (s *Site) switchLinks(lang string, alts []Link, near func(lang string) Link) []Link {
	var out []Link
	for _, l := range s.Cfg.Languages {
		if l == lang {
			continue
		}
		link := Link{Lang: l, URL: s.Prefix(l)}
		if near != nil {
			link = near(l)
		}
		for _, a := range alts {
			if a.Lang == l {
				link = Link{Lang: l, URL: a.URL}
			}
		}
		out = append(out, link)
	}
	return out
}

// listOf returns, for a record of a kind, the list that shows e in a
// language: the kind's list, or its archive when e is archived, with
// the i18n key of its heading. A free-standing page is in no list: nil.
func (s *Site) listOf(e *Entry) func(lang string) Link {
	if e.Kind == content.Pages {
		return nil
	}
	return func(l string) Link {
		if e.Archived {
			return Link{Lang: l, Key: "archivetitle." + e.Kind, URL: s.ArchiveURL(e.Kind, l)}
		}
		return Link{Lang: l, Key: "kind." + e.Kind, URL: s.SectionURL(e.Kind, l)}
	}
}

func (s *Site) homePage(lang string) *Page {
	h := &Home{}
	offers := s.homeOffers()
	h.Offers = items(offers[:min(len(offers), HomeSize)], lang)
	events := s.Current(s.CalendarKind())
	h.Lectures = items(events[:min(len(events), HomeSize)], lang)
	var active []*Entry
	for _, e := range s.Current(kinds.Collaborations) {
		if e.Status == "active" && len(active) < HomeSize {
			active = append(active, e)
		}
	}
	h.Collaborations = items(active, lang)
	var agreements []*Entry // in force, the newest first: not the terminated (nor those still in force to a day to come), nor the expired
	for _, e := range s.Current(kinds.Agreements) {
		if !e.Expired && !e.Ending && len(agreements) < HomeSize {
			agreements = append(agreements, e)
		}
	}
	h.Agreements = items(agreements, lang)
	h.Areas = s.termCounts("areas", lang)
	for _, kind := range s.Cfg.Kinds.Names() {
		h.Kinds = append(h.Kinds, KindCount{Kind: kind, URL: s.SectionURL(kind, lang), Count: len(s.Current(kind))})
	}
	p := &Page{Type: HomePage, Lang: lang, URL: s.Prefix(lang), Home: h}
	for _, list := range h.Lists() {
		for _, it := range list {
			p.Deps = append(p.Deps, it.Entry)
		}
	}
	s.alternates(p, s.Prefix)
	return p
}

// homeOffers returns the current offers of every kind of offer, the first
// HomeSize of them in the order of the first kind of offer: those the
// home page shows. Each kind's list is in its own order already; when
// every kind of offer is ordered as the first, the first HomeSize of the
// whole are among the first HomeSize of each list, and only those are
// sorted (a few dozen, not the thousands of offers of a large site).
func (s *Site) homeOffers() []*Entry {
	var offers []*Entry
	var offer *kinds.Kind // the first kind of offer, whose order the home page's offers take
	same := true          // every kind of offer is ordered as the first
	for _, k := range s.Cfg.Kinds.All() {
		if k.Offer {
			offer = cmp.Or(offer, k)
			same = same && sameOrder(k, offer)
		}
	}
	for _, k := range s.Cfg.Kinds.All() {
		if !k.Offer {
			continue
		}
		list := s.Current(k.Name)
		if same {
			list = list[:min(len(list), HomeSize)]
		}
		offers = append(offers, list...)
	}
	if offer != nil {
		sortOrder(offers, offer, offer.Order)
	}
	return offers
}

// sameOrder reports whether sortOrder orders entries of kind k by k.Order
// as it orders them by first.Order with first's keys (sortKeyOf).
func sameOrder(k, first *kinds.Kind) bool {
	return slices.EqualFunc(k.Order, first.Order, func(a, b kinds.Sort) bool {
		isInt := func(k *kinds.Kind) bool { return k.Key(a.Key) != nil && k.Key(a.Key).Type == kinds.Int }
		return a.Key == b.Key && a.Desc == b.Desc && a.Or == b.Or && slices.Equal(a.Rank, b.Rank) && isInt(k) == isInt(first)
	})
}

// listPages paginates a kind's current list or archive in lang, unless
// the previous site's pages of it can be reused.
func (s *Site) listPages(kind, lang string, es []*Entry, archive bool) []*Page {
	return s.listPagesOf(lang, listID{kind: kind, archive: archive}, es, func() []*Page {
		return s.makeListPages(kind, lang, es, archive)
	})
}

// makeListPages paginates a kind's current list or archive in lang.
func (s *Site) makeListPages(kind, lang string, es []*Entry, archive bool) []*Page {
	base := func(l string) string {
		if archive {
			return s.ArchiveURL(kind, l)
		}
		return s.SectionURL(kind, l)
	}
	typ := ListPage
	crumbs := []Link{s.homeCrumb(lang)}
	if archive {
		typ = ArchivePage
		crumbs = append(crumbs, Link{Key: "kind." + kind, URL: s.SectionURL(kind, lang)})
	}
	var pages []*Page
	s.paginate(len(es), lang, base, func(n, from, to int, pager *Pager) {
		p := &Page{Type: typ, Lang: lang, URL: pageURL(base(lang), lang, n), Kind: kind, Pager: pager,
			Crumbs: crumbs, Groups: []Group{{Kind: kind, Items: items(es[from:to], lang), Total: len(es)}},
			Deps: es[from:to]}
		if n > 1 {
			p.Crumbs = append(slices.Clip(crumbs), Link{Key: map[bool]string{false: "kind." + kind, true: "archive"}[archive], URL: base(lang)})
		}
		if !archive {
			p.Feed = base(lang) + "atom.xml"
			p.Archive = s.ArchiveURL(kind, lang)
			p.Calendar = s.KindCalendarURL(kind, lang)
			p.Due = s.dueOf(kind, lang)
			p.Facets = s.facetLinks(kind, lang)
		}
		s.alternates(p, func(l string) string { return pageURL(base(l), l, n) })
		pages = append(pages, p)
	})
	return pages
}

// paginate calls page for each page of a list of total items: page number,
// item range and pager. An empty list still has one page.
func (s *Site) paginate(total int, lang string, base func(string) string, page func(n, from, to int, p *Pager)) {
	size := s.Cfg.PageSize
	pages := max(1, (total+size-1)/size)
	// Every page's URL and number once, shared by the pagers.
	urls := make([]string, pages+1)
	nums := make([]string, pages+1)
	b := base(lang)
	for n := 1; n <= pages; n++ {
		urls[n], nums[n] = pageURL(b, lang, n), strconv.Itoa(n)
	}
	for n := 1; n <= pages; n++ {
		p := &Pager{Page: n, Pages: pages, First: urls[1], Last: urls[pages]}
		if n > 1 {
			p.Prev = urls[n-1]
		}
		if n < pages {
			p.Next = urls[n+1]
		}
		if pages > 1 {
			p.Links = window(n, pages, urls, nums)
		}
		page(n, (n-1)*size, min(total, n*size), p)
	}
}

// window is the numbered links of page n's pager: the pages from n-3 to
// n+3, and the first and the last page when they are not among them, so
// that a long list's ends are one step away (on a phone, without the
// search). A link without a URL stands for the pages left out between.
func window(n, pages int, urls, nums []string) []Link {
	from, to := max(1, n-3), min(pages, n+3)
	links := make([]Link, 0, to-from+5)
	if from > 1 {
		links = append(links, Link{Title: nums[1], URL: urls[1]})
		if from > 2 {
			links = append(links, Link{Title: "…"})
		}
	}
	for i := from; i <= to; i++ {
		links = append(links, Link{Title: nums[i], URL: urls[i]})
	}
	if to < pages {
		if to < pages-1 {
			links = append(links, Link{Title: "…"})
		}
		links = append(links, Link{Title: nums[pages], URL: urls[pages]})
	}
	return links
}

// Current returns a kind's current (not archived) entries in list order.
func (s *Site) Current(kind string) []*Entry {
	cur, _ := s.split(kind)
	return slices.Clip(cur)
}

// Archived returns a kind's archived entries in archive order.
func (s *Site) Archived(kind string) []*Entry {
	_, arch := s.split(kind)
	return slices.Clip(arch)
}
