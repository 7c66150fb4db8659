package render

import (
	"html/template"
	"time"

	"portal/generator/internal/site"
)

// RecordView is what the page of a record shows, every value resolved for
// the page's language: templates/pages/record.html and the "facts"
// partial only place them. As for list items (Card), this keeps the most
// numerous pages of the site cheap to render: one field per action
// instead of function calls and lookups through the record's embedded
// structs.
type RecordView struct {
	Kind         string
	Section      string            // the kind's list in the page's language
	KindOne      string            // "Examensarbete": the kind in the singular
	Closes       template.HTMLAttr // data-deadline="…" (offers) or data-end="…" (lectures)
	Summary      string
	Notice       *Notice // closed, past, cancelled, ...; or the notice scripts show once it is
	FactsHeading string
	Facts        []RecordFact
	Confidential string // the note shown instead of the body of a confidential agreement
	Body         template.HTML
}

// Notice is the note at the top of a record page.
type Notice struct {
	Class  string // notice-<Class>
	Text   string
	More   string // text of a link to the kind's list, or ""
	Hidden bool   // shown by site.js once the offer closes or the lecture ends
}

// RecordFact is one row of the facts of a record: a label and its value, which
// is the first of these that is set: Time (Text in a <time>), Strong (Text
// in a <strong> of that class), List (Links as the items of a <ul> of that
// class), Links (separated by commas), else Text.
type RecordFact struct {
	Label  string
	Text   string
	Time   template.HTMLAttr
	Strong string
	List   string
	Links  []FactLink
	Lang   string // of Text, when it is not the page's (facts.textLang)
	// Apply marks the link to apply for an offer, or to register for a
	// lecture or add it to a calendar (class fact-apply), which
	// assets/site.js hides once the deadline has passed or the lecture
	// has ended, as the next build leaves it out.
	Apply bool
	// Later is the text the next build shows once the record's time has
	// passed (a lecture's status, "Genomförd" for "Planerad"), which
	// assets/site.js puts in its place then; "" when it stays.
	Later string
}

// FactLink is a link in a fact, with the text written before it.
type FactLink struct {
	Before   string
	Lang     string // of Before, when it is not the page's
	Class    string
	URL      string
	Hreflang string // the language of the page linked to, and so of Text (its title)
	Type     string // MIME type of the target
	Print    string // absolute URL, written out when the page is printed
	Text     string
	Format   string // "PDF": shown after the text
	After    string // shown after the link, in brackets: the status of an agreement
	Rest     string // the text after the link's address in a place ("Zoom (https://…)." ends with ").")
}

// record resolves the record page p for its language: the notice of its
// state, then the facts its kind declares (package kinds), then those
// every record has.
func (t *Templates) record(s *site.Site, p *site.Page) (*RecordView, error) {
	e, lang := p.Entry, p.Lang
	k := t.cfg.Kinds.Get(e.Kind)
	var fe firstError
	tr := func(key string) string { return fe.text(t.lookup(lang, key)) }
	r := &RecordView{
		Kind: e.Kind, Section: s.SectionURL(e.Kind, lang), KindOne: tr("kindone." + e.Kind),
		Summary: p.V.Summary, FactsHeading: tr("record.facts"), Notice: t.notice(e, lang, &fe),
	}
	r.Closes, _ = attr(k.CloseAttr, t.Closes(e))
	if e.Confidential {
		r.Confidential = tr("confidential.note")
	} else {
		r.Body = s.Body(p.V).HTML
	}
	c := &facts{t: t, s: s, e: e, lang: lang, tr: tr, n: func(key string, num int) string { return fe.text(t.plural(lang, key, num)) }}
	r.Facts = make([]RecordFact, 0, len(k.Facts)+3) // and the three of commonFacts
	for i := range k.Facts {
		if f, ok := c.record(&k.Facts[i]); ok {
			r.Facts = append(r.Facts, f)
		}
	}
	r.Facts = append(r.Facts, t.agreementLinks(s, e, lang, tr)...)
	r.Facts = c.common(r.Facts)
	return r, fe.err
}

// notice is the note at the top of a record page: its mark, or the mark
// the scripts show once it closes, which says what the next build's
// notice will say, its link to the kind's list included. A terminated
// agreement whose day has not come says it is in force until then
// (notice.terminating). A kind's own wording of a mark's notice,
// notice.<kind>.<mark>, goes before notice.<mark> (an exchange and a
// collaboration both end: "Utbytet avslutades", "Samarbetet avslutades").
func (t *Templates) notice(e *site.Entry, lang string, fe *firstError) *Notice {
	k := t.cfg.Kinds.Get(e.Kind)
	tr := func(key string) string { return fe.text(t.lookup(lang, key)) }
	text := func(mark string) string {
		key := "notice." + mark
		if own := "notice." + e.Kind + "." + mark; t.strings[lang][own] != "" {
			key = own
		}
		if e.Ending {
			key = "notice.terminating"
		}
		return fe.text(t.replace(lang, key, "date", t.FormatDate(lang, t.markDay(e))))
	}
	switch st := t.State(e); {
	case st != "":
		n := &Notice{Class: st, Text: text(st)}
		if st == k.Mark && k.CloseAttr != "" {
			n.More = tr("notice.more." + e.Kind)
		}
		return n
	case k.CloseAttr != "":
		return &Notice{Class: k.Mark, Text: text(k.Mark), More: tr("notice.more." + e.Kind), Hidden: true}
	}
	return nil
}

// markDay is the day the notice of e's mark names (its kind's MarkDate):
// of a terminated agreement, the last day it is in force
// (site.Entry.LastDay), its validUntil when that came before its
// termination, as its fact "valid until" says.
func (t *Templates) markDay(e *site.Entry) time.Time {
	if d := e.LastDay(); !d.IsZero() && t.State(e) != "" {
		return d
	}
	return e.Time(t.cfg.Kinds.Get(e.Kind).MarkDate)
}

// common appends to out the facts of every record, after its kind's:
// its areas, contacts and the day it was published.
func (c *facts) common(out []RecordFact) []RecordFact {
	t, s, e, lang, tr := c.t, c.s, c.e, c.lang, c.tr
	if len(e.Areas) > 0 {
		f := RecordFact{Label: tr("fact.areas"), List: "tags"}
		for _, a := range e.Areas {
			f.Links = append(f.Links, FactLink{URL: s.TermURL("areas", a, lang), Text: termName(t.cfg.Areas.Get(a), lang, a)})
		}
		out = append(out, f)
	}
	if len(e.Contacts) > 0 {
		f := RecordFact{Label: tr("fact.contacts"), List: "plain"}
		for _, ct := range e.Contacts {
			var before string
			if ct.Role != "" {
				before += ct.Role + ": "
			}
			if ct.Name != "" {
				before += ct.Name + ", "
			}
			l := FactLink{Before: before, URL: "mailto:" + ct.Email, Text: ct.Email}
			if before != "" {
				l.Lang = c.ownLang()
			}
			f.Links = append(f.Links, l)
		}
		out = append(out, f)
	}
	published, _ := attr("datetime", t.isoDate(e.Published()))
	return append(out, RecordFact{Label: tr("fact.published"), Text: t.FormatDate(lang, e.Published()), Time: published})
}

// agreementLinks are the facts that link a record and its agreement: the
// agreement a collaboration, exchange or follow-up falls under, with its
// status ("Gällande", "Uppsagt", "Utgånget", ...), so that staff see at
// once whether it is in force; on an agreement's page, the records that
// name it, one fact per kind.
func (t *Templates) agreementLinks(s *site.Site, e *site.Entry, lang string, tr func(string) string) []RecordFact {
	link := func(o *site.Entry) FactLink {
		v := o.VersionFor(lang)
		l := FactLink{URL: o.URL[lang], Text: v.Title}
		if v.Lang != lang {
			l.Hreflang = v.Lang
		}
		return l
	}
	if a := s.AgreementOf(e); a != nil {
		l := link(a)
		if key := t.statusKey(a); key != "" {
			l.After = tr(key)
		}
		return []RecordFact{{Label: tr("fact.agreement"), Links: []FactLink{l}}}
	}
	var out []RecordFact
	for _, o := range s.NamedBy(e) {
		if len(out) == 0 || out[len(out)-1].Label != tr("kind."+o.Kind) {
			out = append(out, RecordFact{Label: tr("kind." + o.Kind), List: "plain"})
		}
		f := &out[len(out)-1]
		f.Links = append(f.Links, link(o))
	}
	return out
}
