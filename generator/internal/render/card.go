package render

import (
	"html/template"
	"strconv"
	"strings"

	"portal/generator/internal/site"
)

// Card is a record as a list item shows it to readers of one language:
// every value resolved to the text the "item" partial writes (UI strings
// looked up, dates formatted, keys joined), so that the partial only
// places them. html/template spends most of its time per action on
// reflection, so an item made of plain fields costs a fraction of one
// that calls functions and walks the record's embedded structs.
type Card struct {
	Kind        string
	H           int    // heading level: 2 on kind lists and archives, 3 elsewhere
	URL         string // the record's page for readers of Lang
	Title       string
	Foreign     bool   // shown in another language than the list's
	VLang       string // the language of the text shown
	Lang        string // the list's language
	State       string // "closed", "past", "cancelled", ...: the mark, or ""
	StateText   string // the mark's label
	ForeignText string // the foreign-language mark's label
	Excerpt     string
	Facts       []CardFact

	// Body is the rest of the item below its title, rendered by the
	// partial item-body; the partial item writes it (View.Items).
	Body template.HTML

	// Data are the data-* attributes the scripts read: data-deadline
	// (offers) or data-end (lectures), then data-areas, data-host,
	// data-level, data-schools and data-language, those that apply.
	Data template.HTMLAttr
}

// CardFact is one labelled value of a card's <dl class="meta">.
type CardFact struct {
	Label string
	Text  string
	Time  template.HTMLAttr // datetime="…" when the value is a date or a moment
}

// card resolves the card of the item it in a list of lang.
func (t *Templates) card(s *site.Site, lang string, it site.Item, h int) (*Card, error) {
	e := it.Entry
	c := &Card{
		Kind: e.Kind, H: h, URL: it.URL, Title: it.V.Title, Foreign: it.Foreign, VLang: it.V.Lang,
		Lang: lang, State: stateKey(e), Excerpt: s.Body(it.V).Excerpt,
	}
	var data []string
	dataAttr := func(name, value string) {
		if a, _ := attr(name, value); a != "" {
			data = append(data, string(a))
		}
	}
	var fe firstError
	tr := func(key string) string { return fe.text(t.lookup(lang, key)) }
	n := func(key string, num int) string { return fe.text(t.plural(lang, key, num)) }
	if c.State != "" {
		c.StateText = tr("state." + c.State)
	}
	if c.Foreign {
		c.ForeignText = tr("foreign." + c.VLang)
	}
	switch e.Kind {
	case "theses", "internships":
		dataAttr("data-deadline", t.dayEnd(e.Deadline))
	case "lectures":
		dataAttr("data-end", t.isoDateTime(e.End))
	}
	t.listFacts(lang, e, tr, n, func(label, text string, datetime func() string) {
		f := CardFact{Label: tr(label), Text: text}
		if datetime != nil {
			f.Time, _ = attr("datetime", datetime())
		}
		c.Facts = append(c.Facts, f)
	})
	dataAttr("data-areas", strings.Join(e.Areas, " "))
	dataAttr("data-host", e.Host)
	dataAttr("data-level", e.Level)
	dataAttr("data-schools", strings.Join(e.Schools, " "))
	dataAttr("data-language", strings.Join(e.Language, " "))
	c.Data = template.HTMLAttr(strings.Join(data, " "))
	return c, fe.err
}

// listFacts calls add with each fact that the list item of e shows, in
// order: the i18n key of its label, its text in lang, and for a date or a
// moment its machine-readable value (nil otherwise). The cards of the
// lists and the search index show these same facts; tr and n are the
// caller's lookups of texts and plurals.
func (t *Templates) listFacts(lang string, e *site.Entry, tr func(string) string, n func(string, int) string, add func(label, text string, datetime func() string)) {
	org := func(key string) string { return termName(t.cfg.Organisations.Get(key), lang, key) }
	text := func(label, text string) { add(label, text, nil) }
	switch e.Kind {
	case "theses", "internships":
		add("fact.deadline", t.FormatDate(lang, e.Deadline), func() string { return t.isoDate(e.Deadline) })
		text("fact.host", org(e.Host))
		if e.Kind == "theses" {
			text("fact.level", tr("level."+e.Level)+", "+n("unit.credits", e.Credits))
			break
		}
		if e.Weeks != 0 {
			text("fact.weeks", n("unit.weeks", e.Weeks))
		}
		if e.Credits != 0 {
			text("fact.credits", n("unit.credits", e.Credits))
		}
	case "lectures":
		add("fact.time", t.FormatSpan(lang, e.Start, e.End), func() string { return t.isoDateTime(e.Start) })
		text("fact.place", e.Place)
		text("fact.speaker", e.Speaker)
	case "collaborations":
		text("fact.status", tr(statusKey(e)))
		names := make([]string, len(e.Partners))
		for i, p := range e.Partners {
			names[i] = org(p)
		}
		text("fact.partners", strings.Join(names, ", "))
		text("fact.period", t.period(lang, e.PeriodStart, e.PeriodEnd))
	case "agreements":
		text("fact.type", tr("type."+e.Type))
		add("fact.signed", t.FormatDate(lang, e.Signed), func() string { return t.isoDate(e.Signed) })
		if e.ValidUntil.IsZero() {
			text("fact.validUntil", tr("validUntil.open"))
		} else {
			add("fact.validUntil", t.FormatDate(lang, e.ValidUntil), func() string { return t.isoDate(e.ValidUntil) })
		}
		if d := e.NoticeDay(); !d.IsZero() && !e.Archived {
			add("fact.noticeDay", t.FormatDate(lang, d), func() string { return t.isoDate(d) })
		}
		text("fact.status", tr(statusKey(e)))
	case "exchanges":
		text("fact.exchange", org(e.From)+" → "+org(e.To))
		text("fact.period", t.period(lang, e.PeriodStart, e.PeriodEnd))
	case "followups":
		text("fact.year", strconv.Itoa(e.Year))
		if !e.Meeting.IsZero() {
			add("fact.meeting", t.FormatDate(lang, e.Meeting), func() string { return t.isoDate(e.Meeting) })
		}
	}
}
