package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/site"
)

// View is what every template receives as its data.
type View struct {
	S    *site.Site
	P    *site.Page
	Lang string

	SiteTitle   string
	Heading     string // the page's h1
	Title       string // <title>: heading – site title (the home page: site title)
	Description string // meta description
	Canonical   string // absolute URL of the page; empty for the 404 page
	XDefault    string // absolute URL for hreflang="x-default"
	Kinds       []string

	// The frame of the page, resolved (see frame).
	Links     []site.Link // the page in every language, absolute URLs: <link rel="alternate">
	FeedLink  string      // absolute URL of the page's Atom feed, or ""
	HomeURL   string      // the home page of the page's language
	IsHome    bool
	LangLinks []LangLink // the language switch
	Crumbs    []Crumb    // the breadcrumbs above the page, home first; none on the home and 404 pages
	Here      string     // the label of the page's own breadcrumb
	LangLabel string     // the label of the language switch

	t      *Templates
	m      *Memo // what the pages of the site share
	record *RecordView
}

// Record is what the page of a record shows (record pages only).
func (v *View) Record() (*RecordView, error) {
	if v.record == nil && v.P.Type == site.RecordPage && v.P.Entry != nil {
		r, err := v.t.record(v.S, v.P)
		if err != nil {
			return nil, err
		}
		v.record = r
	}
	return v.record, nil
}

// Body is the rendered Markdown of the page's version (a free-standing
// page's text), from the site's store of bodies.
func (v *View) Body() template.HTML {
	if v.P.V == nil {
		return ""
	}
	return v.S.Body(v.P.V).HTML
}

// LangLink is a link of the language switch.
type LangLink struct {
	Lang  string
	URL   string
	Label string // the language's own name
	Note  string // when the link leads elsewhere than to this page: "home page – not translated", "Degree projects – not translated"
}

// Crumb is a breadcrumb.
type Crumb struct {
	URL, Label string
}

// Sub pairs the view with a value for a partial: {{template "item" ($.With .)}}
// gives the partial .X (the item) and every field of the view.
type Sub struct {
	*View
	X any
}

// ItemsArg is a list of items and the level of their headings.
type ItemsArg struct {
	Items []site.Item
	H     int
	// Kinds: each item says its kind (MixedList), in a list whose items
	// may be of several kinds.
	Kinds bool
}

// List makes the argument of the "items" partial: {{template "items" ($.List .Items 2)}}.
func (v *View) List(items []site.Item, h int) *Sub { return v.With(ItemsArg{Items: items, H: h}) }

// With wraps x for a partial.
func (v *View) With(x any) *Sub { return &Sub{View: v, X: x} }

// Items writes the items of a list with headings of level h, each after
// a newline, as one text: ItemParts joined, for a site's own partial
// items written before ItemParts (the shipped one ranges over the parts).
func (v *View) Items(items []site.Item, h int) (template.HTML, error) {
	return v.joinedItems(items, h, false)
}

// joinedItems is itemParts joined.
func (v *View) joinedItems(items []site.Item, h int, kinds bool) (template.HTML, error) {
	parts, err := v.itemParts(items, h, kinds)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(string(p))
	}
	return template.HTML(b.String()), nil
}

// ItemParts returns the items of a list with headings of level h, each a
// newline and then its parts, which the partial items writes one after
// another ({{range}}): joined into one string they would be copied
// twice, into it and into the page. An item is the partial item made
// from the record's Card. A record is shown the same way in every list
// of a language, so its parts are rendered once and kept in the Memo:
// the partial item-body once per record and language, the partial item
// around it once per record, language and level, with bodyMark where it
// writes .X.Body, so that the body is kept once. A record is in its
// kind's list or archive (level 2) and on the pages of its areas,
// organisations and schools (level 3): the frames of every level seen
// so far are made from one Card.
func (v *View) ItemParts(items []site.Item, h int) ([]template.HTML, error) {
	return v.itemParts(items, h, false)
}

// itemParts is ItemParts, with each item's kind (kindPart) after the
// frame before its body when kinds is true.
func (v *View) itemParts(items []site.Item, h int, kinds bool) ([]template.HTML, error) {
	iv := &View{S: v.S, Lang: v.Lang, SiteTitle: v.SiteTitle, Kinds: v.Kinds, t: v.t, m: v.m}
	others := v.m.sawLevel(h)
	n := 4
	if kinds {
		n = 5
	}
	parts := make([]template.HTML, 0, n*len(items))
	for _, it := range items {
		key := v.m.itemKey(it.Entry, "item", v.Lang, h)
		p, ok := v.m.item(key)
		if !ok {
			var err error
			if p, err = v.makeItem(iv, it, key, others); err != nil {
				return nil, err
			}
		}
		parts = append(parts, "\n", template.HTML(p[0]))
		if kinds {
			k, err := v.kindPart(iv, it)
			if err != nil {
				return nil, err
			}
			parts = append(parts, k)
		}
		parts = append(parts, template.HTML(p[1]), template.HTML(p[2]))
	}
	return parts, nil
}

// makeItem renders the item of it under key (see ItemParts): the frame
// before its body, the body and the frame after it, and keeps them. It
// keeps the item at the levels others as well, unless kept already: a
// Card costs more than the frame made from it, and the other lists of
// the language will ask for them.
func (v *View) makeItem(iv *View, it site.Item, key memoKey, others []int) ([3]string, error) {
	c, err := v.t.card(v.S, v.Lang, it, key.h)
	if err != nil {
		return [3]string{}, err
	}
	sub := &Sub{View: iv, X: c}
	c.Body = bodyMark
	before, after, err := v.t.itemFrame(sub)
	if err != nil {
		return [3]string{}, err
	}
	bkey := key
	bkey.key, bkey.h = "item-body", 0
	body, err := v.m.get(bkey, func() (string, error) { return v.t.partial("item-body", sub) })
	if err != nil {
		return [3]string{}, err
	}
	p := v.m.keepItem(key, [3]string{before, body, after})
	for _, h := range others {
		okey := key
		okey.h = h
		if _, ok := v.m.item(okey); ok {
			continue
		}
		c.H = h
		if before, after, err = v.t.itemFrame(sub); err != nil {
			return [3]string{}, err
		}
		v.m.keepItem(okey, [3]string{before, p[1], after})
	}
	return p, nil
}

// itemFrame renders the partial item of sub, whose card's Body is
// bodyMark, and cuts it there.
func (t *Templates) itemFrame(sub *Sub) (before, after string, err error) {
	frame, err := t.partial("item", sub)
	if err == nil && strings.Count(frame, bodyMark) != 1 {
		err = fmt.Errorf("the partial item must write {{.X.Body}} once")
	}
	before, after, _ = strings.Cut(frame, bodyMark)
	return before, after, err
}

// bodyMark stands for an item's body in its kept frame: no escaped text
// holds a NUL (html/template writes U+FFFD for it).
const bodyMark = "\x00item-body\x00"

// Nav is the state of the primary navigation on the page: the section or
// index the page belongs to ("theses", "areas", or "" for none), and "/"
// after it when the page is that section's or index's own first page.
// The navigation is rendered once per language and state.
func (v *View) Nav() string {
	switch {
	case v.P.Kind != "":
		if v.P.URL == v.Section(v.P.Kind) {
			return v.P.Kind + "/"
		}
		return v.P.Kind
	case v.P.Index == "areas":
		if v.P.URL == v.Index("areas") {
			return "areas/"
		}
		return "areas"
	}
	return ""
}

// Current is the aria-current value of a navigation link to a section
// (a kind) or an index ("areas") on this page: "page" on that section's
// own first page, "true" elsewhere in it, "" outside. It depends on Nav
// only.
func (v *View) Current(section string) string {
	switch n := v.Nav(); n {
	case section + "/":
		return "page"
	case section:
		return "true"
	}
	return ""
}

// frame resolves what the layout and the header show of the page.
func (t *Templates) frame(v *View) error {
	s, p, lang := v.S, v.P, v.Lang
	var fe firstError
	tr := func(lang, key string) string { return fe.text(t.lookup(lang, key)) }
	v.Links = make([]site.Link, len(p.Alternates))
	for i, a := range p.Alternates {
		v.Links[i] = site.Link{Lang: a.Lang, URL: s.Abs(a.URL)}
	}
	if p.Feed != "" {
		v.FeedLink = s.Abs(p.Feed)
	}
	v.HomeURL = s.Prefix(lang)
	v.IsHome = p.Type == site.HomePage
	if len(p.Switch) > 0 {
		v.LangLabel = tr(lang, "nav.language")
	}
	for _, l := range p.Switch {
		ll := LangLink{Lang: l.Lang, URL: l.URL, Label: tr(l.Lang, "language.autonym")}
		if p.Type == site.NotFound {
			ll.URL = s.Prefix(l.Lang)
		}
		switch {
		case v.Untranslated(l):
			ll.Note = tr(l.Lang, "switch.untranslated")
		case l.Key != "":
			// The list that shows the record in that language.
			ll.Note = fe.text(t.replace(l.Lang, "switch.list", "list", tr(l.Lang, l.Key)))
		}
		v.LangLinks = append(v.LangLinks, ll)
	}
	if p.Type != site.HomePage && p.Type != site.NotFound {
		v.Crumbs = make([]Crumb, len(p.Crumbs))
		for i, c := range p.Crumbs {
			v.Crumbs[i] = Crumb{URL: c.URL, Label: c.Title}
			if c.Key != "" {
				v.Crumbs[i].Label = tr(lang, c.Key)
			}
		}
		v.Here = v.Heading
		if p.Pager != nil && p.Pager.Page > 1 {
			v.Here += " (" + fe.text(t.replace(lang, "pager.title", "n", p.Pager.Page)) + ")"
		}
	}
	return fe.err
}

// DueURL is the page of the agreements due for review in the page's language.
func (v *View) DueURL() string { return v.S.DueURL(v.Lang) }

func (t *Templates) view(m *Memo, s *site.Site, p *site.Page) (*View, error) {
	v := &View{S: s, P: p, Lang: p.Lang, t: t, m: m, Kinds: t.cfg.Kinds.Names()}
	if _, ok := t.strings[p.Lang]; !ok {
		return nil, fmt.Errorf("no UI strings for language %q (add %s/%s.toml)", p.Lang, i18nDir, p.Lang)
	}
	v.SiteTitle = s.Cfg.Title[p.Lang]
	tr := func(key string) string { return t.strings[p.Lang][key] }
	switch p.Type {
	case site.HomePage:
		v.Heading = v.SiteTitle
	case site.ListPage:
		v.Heading = tr("kind." + p.Kind)
	case site.ArchivePage:
		v.Heading = tr("archivetitle." + p.Kind)
	case site.FacetPage:
		v.Heading = tr(site.FacetKey(p.Kind, p.Facet, p.Value))
	case site.DuePage:
		v.Heading = tr("due.title")
	case site.AreasPage, site.OrgsPage:
		v.Heading = tr("index." + p.Index)
	case site.NotFound:
		v.Heading = tr("notfound.title")
	default:
		v.Heading = p.Title
		if v.Heading == "" && p.Term != nil {
			v.Heading = p.Term.Name(p.Lang)
		}
	}
	v.Title = v.Heading
	if p.Pager != nil && p.Pager.Page > 1 {
		v.Title += " (" + strings.ReplaceAll(tr("pager.title"), "{n}", strconv.Itoa(p.Pager.Page)) + ")"
	}
	if p.Type != site.HomePage {
		v.Title += " – " + v.SiteTitle
	}
	if p.V != nil {
		v.Description = s.Body(p.V).Excerpt
	}
	v.Description = cmp.Or(v.Description, t.strings[p.Lang]["site.description"])
	if err := t.frame(v); err != nil {
		return nil, err
	}
	if p.Type != site.NotFound {
		v.Canonical = s.Abs(p.URL)
		for _, a := range p.Alternates {
			if a.Lang == s.Cfg.DefaultLanguage {
				v.XDefault = s.Abs(a.URL)
			}
		}
		if v.XDefault == "" && len(p.Alternates) > 0 {
			v.XDefault = s.Abs(p.Alternates[0].URL)
		}
	}
	return v, nil
}

// Abs makes a site path absolute.
func (v *View) Abs(u string) string { return v.S.Abs(u) }

// Home is the home page of the view's language.
func (v *View) Home() string { return v.S.Prefix(v.Lang) }

// HomeOf is the home page of a language.
func (v *View) HomeOf(lang string) string { return v.S.Prefix(lang) }

// Section is a kind's list in the view's language.
func (v *View) Section(kind string) string { return v.S.SectionURL(kind, v.Lang) }

// Index is the list of an index ("areas", "organisations", "schools").
func (v *View) Index(index string) string { return v.S.IndexURL(index, v.Lang) }

// TermURL is the page of an area, organisation or school.
func (v *View) TermURL(index, key string) string { return v.S.TermURL(index, key, v.Lang) }

// Agreement returns the agreement a collaboration names, or nil.
func (v *View) Agreement(e *site.Entry) *site.Entry { return v.S.AgreementOf(e) }

// Attachment is the URL of a record's attachment, beside its page; empty
// for none and for a confidential agreement.
func (v *View) Attachment(e *site.Entry) string { return v.S.AttachmentURL(e, v.Lang) }

// Free is the URL of a free-standing page by slug in the view's language
// (or its only language), or empty when the site has no such page.
func (v *View) Free(slug string) string {
	if e := v.freeEntry(slug); e != nil {
		return e.URL[v.Lang]
	}
	return ""
}

// freeEntry is the free-standing page of slug, or nil.
func (v *View) freeEntry(slug string) *site.Entry {
	for _, e := range v.S.Free {
		if e.Slug == slug {
			return e
		}
	}
	return nil
}

// FreeTitle is the title of a free-standing page as readers of the view's
// language see it.
func (v *View) FreeTitle(slug string) string {
	if e := v.freeEntry(slug); e != nil {
		return e.VersionFor(v.Lang).Title
	}
	return ""
}

// FreeLang is the language of a free-standing page's title as readers of
// the view's language see it when it is not theirs (a page in one
// language only, linked from the footer of the other's pages), else "":
// the link is marked with it (WCAG 3.1.2).
func (v *View) FreeLang(slug string) string {
	if e := v.freeEntry(slug); e != nil {
		if l := e.VersionFor(v.Lang).Lang; l != v.Lang {
			return l
		}
	}
	return ""
}

// Untranslated reports whether a language-switch link leads to that
// language's home page because this page has no version in it.
func (v *View) Untranslated(l site.Link) bool {
	if l.URL != v.S.Prefix(l.Lang) || v.P.Type == site.HomePage {
		return false
	}
	return !slices.ContainsFunc(v.P.Alternates, func(a site.Link) bool { return a.Lang == l.Lang })
}

// Feed is the Atom feed of a kind's list.
func (v *View) Feed(kind string) string { return v.Section(kind) + "atom.xml" }

// CalendarKinds are the kinds in the calendar (kinds.Kind's Calendar),
// whose calendars every page's footer links.
func (v *View) CalendarKinds() []string { return v.S.CalendarKinds() }

// KindCalendar is the iCalendar file of the events of kind in the page's
// language (site.Site.KindCalendarURL).
func (v *View) KindCalendar(kind string) string { return v.S.KindCalendarURL(kind, v.Lang) }

// DueCalendar is the iCalendar file of the agreements' last days to give
// notice (site.Site.DueCalendarURL).
func (v *View) DueCalendar() string { return v.S.DueCalendarURL(v.Lang) }

// DueWebcal is the webcal: address of DueCalendar (see Webcal).
func (v *View) DueWebcal() template.URL { return Webcal(v.S.Abs(v.DueCalendar())) }

// Webcal is the address calendar programs subscribe to for the calendar
// of the page's kind (site.Page.Calendar), on its list: its absolute URL
// (from baseURL) with the webcal: scheme, so that a click offers a
// subscription, which the program refreshes, rather than a download. It is typed as a URL: html/template would otherwise
// replace a scheme other than http(s) and mailto.
func (v *View) Webcal() template.URL { return Webcal(v.S.Abs(v.P.Calendar)) }

// Webcal turns the absolute http(s) URL of a calendar into its webcal:
// address.
func Webcal(abs string) template.URL {
	_, rest, ok := strings.Cut(abs, "://")
	if !ok {
		return template.URL(abs)
	}
	return template.URL("webcal://" + rest)
}

// HasPath reports whether the site writes url.
func (v *View) HasPath(url string) bool { return v.S.HasPath(url) }

// TermsOfType filters the terms of an organisations list by type.
func (v *View) TermsOfType(typ string) []site.TermCount {
	var out []site.TermCount
	for _, tc := range v.P.Terms {
		if tc.Term.Type == typ {
			out = append(out, tc)
		}
	}
	return out
}

// OrgTypes are the organisation types, in display order.
func (v *View) OrgTypes() []string { return config.OrgTypes }

// ItemsLeave reports whether the items of a kind's list leave it in the
// browser once their deadline passes after the build (assets/site.js
// hides an item whose data-deadline has passed): the list then carries
// the text of an empty list, hidden, which the script shows when its
// count reaches 0, as the next build would.
func (v *View) ItemsLeave() bool {
	k := v.S.Cfg.Kinds.Get(v.P.Kind)
	return k != nil && k.CloseAttr == "data-deadline"
}

// Total is the number of records on all pages of a list or index page.
func (v *View) Total() int {
	if v.P.Term != nil {
		return len(v.S.Members(v.P.Index, v.P.Term.Key))
	}
	n := 0
	for _, g := range v.P.Groups {
		n += g.Total
	}
	return n
}
