package render

import (
	"html/template"
	"path"
	"strconv"
	"strings"

	"portal/generator/internal/content"
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
	// Apply marks the link to apply for an offer (class fact-apply), which
	// assets/site.js hides once the deadline has passed.
	Apply bool
}

// FactLink is a link in a fact, with the text written before it.
type FactLink struct {
	Before   string
	Class    string
	URL      string
	Hreflang string
	Type     string // MIME type of the target
	Print    string // absolute URL, written out when the page is printed
	Text     string
	Format   string // "PDF": shown after the text
}

// record resolves the record page p for its language.
func (t *Templates) record(s *site.Site, p *site.Page) (*RecordView, error) {
	e, lang := p.Entry, p.Lang
	var fe firstError
	tr := func(key string) string { return fe.text(t.lookup(lang, key)) }
	n := func(key string, num int) string { return fe.text(t.plural(lang, key, num)) }
	replace := func(key, date string) string { return fe.text(t.replace(lang, key, "date", date)) }
	r := &RecordView{
		Kind: e.Kind, Section: s.SectionURL(e.Kind, lang), KindOne: tr("kindone." + e.Kind),
		Summary: p.V.Summary, FactsHeading: tr("record.facts"),
	}
	switch e.Kind {
	case "theses", "internships":
		r.Closes, _ = attr("data-deadline", t.dayEnd(e.Deadline))
	case "lectures":
		r.Closes, _ = attr("data-end", t.isoDateTime(e.End))
	}
	switch st := stateKey(e); {
	case st != "":
		r.Notice = &Notice{Class: st, Text: replace("notice."+st, t.FormatDate(lang, stateDate(e)))}
		if st == "closed" || st == "past" {
			r.Notice.More = tr("notice.more." + e.Kind)
		}
	case e.Kind == "theses" || e.Kind == "internships":
		r.Notice = &Notice{Class: "closed", Text: replace("notice.closed", t.FormatDate(lang, e.Deadline)), Hidden: true}
	case e.Kind == "lectures":
		r.Notice = &Notice{Class: "past", Text: replace("notice.past", t.FormatDate(lang, e.Start)), Hidden: true}
	}
	if e.Kind == "agreements" && e.Confidential {
		r.Confidential = tr("confidential.note")
	} else {
		r.Body = s.Body(p.V).HTML
	}

	add := func(f RecordFact) { r.Facts = append(r.Facts, f) }
	text := func(label, value string) { add(RecordFact{Label: tr(label), Text: value}) }
	day := func(label string, get func() (iso, text string)) {
		iso, txt := get()
		a, _ := attr("datetime", iso)
		add(RecordFact{Label: tr(label), Text: txt, Time: a})
	}
	orgLink := func(key string) FactLink {
		return FactLink{URL: s.TermURL("organisations", key, lang), Text: termName(t.cfg.Organisations.Get(key), lang, key)}
	}
	orgs := func(label string, keys []string) {
		f := RecordFact{Label: tr(label)}
		for _, k := range keys {
			f.Links = append(f.Links, orgLink(k))
		}
		add(f)
	}
	schools := func() {
		if len(e.Schools) == 0 {
			return
		}
		f := RecordFact{Label: tr("fact.schools")}
		for _, k := range e.Schools {
			f.Links = append(f.Links, FactLink{URL: s.TermURL("schools", k, lang), Text: termName(t.cfg.Schools.Get(k), lang, k)})
		}
		add(f)
	}
	ext := func(label, url, action string) {
		if url != "" {
			add(RecordFact{Label: tr(label), Links: []FactLink{{Class: "ext", URL: url, Text: tr(action)}}})
		}
	}
	// apply is the link to apply for an open offer; a closed one has none.
	apply := func() {
		if e.Apply != "" && !e.Archived {
			add(RecordFact{Label: tr("fact.apply"), Links: []FactLink{{Class: "ext", URL: e.Apply, Text: tr("action.apply")}}, Apply: true})
		}
	}
	start := func() {
		if !e.Start.IsZero() {
			day("fact.start", func() (string, string) { return t.isoDate(e.Start), t.FormatDate(lang, e.Start) })
		}
	}
	deadline := func() {
		day("fact.deadline", func() (string, string) { return t.isoDate(e.Deadline), t.FormatDate(lang, e.Deadline) })
	}
	credits := func() { text("fact.credits", n("unit.credits", e.Credits)) }
	location := func() {
		if e.Location != "" {
			text("fact.location", e.Location)
		}
	}
	attachment := func() string { return s.AttachmentURL(e, lang) }

	switch e.Kind {
	case "theses":
		deadline()
		text("fact.level", tr("level."+e.Level))
		credits()
		orgs("fact.host", []string{e.Host})
		schools()
		start()
		if len(e.Language) > 0 {
			names := make([]string, len(e.Language))
			for i, l := range e.Language {
				names[i] = tr("language." + l)
			}
			text("fact.languages", strings.Join(names, ", "))
		}
		if e.Students != 0 {
			text("fact.students", n("unit.students", e.Students))
		}
		location()
		apply()
	case "internships":
		deadline()
		orgs("fact.host", []string{e.Host})
		start()
		if e.Weeks != 0 {
			text("fact.weeks", n("unit.weeks", e.Weeks))
		}
		if e.Paid != nil {
			text("fact.paid", tr(map[bool]string{true: "yes", false: "no"}[*e.Paid]))
		}
		if e.Credits != 0 {
			credits()
		}
		location()
		apply()
	case "lectures":
		a, _ := attr("datetime", t.isoDateTime(e.Start))
		add(RecordFact{Label: tr("fact.time"), Text: t.FormatSpan(lang, e.Start, e.End), Time: a})
		text("fact.place", e.Place)
		text("fact.speaker", e.Speaker)
		if e.SpeakerOrg != "" {
			orgs("fact.speakerOrg", []string{e.SpeakerOrg})
		}
		if e.Course != "" {
			text("fact.course", e.Course)
		}
		ext("fact.registration", e.Registration, "action.register")
		status := RecordFact{Label: tr("fact.status"), Text: tr(statusKey(e))}
		if e.Status == "cancelled" {
			status.Strong = "mark mark-cancelled"
		}
		add(status)
		if !e.Archived && e.Status != "cancelled" && e.In(lang) != nil {
			add(RecordFact{Label: tr("calendar.fact"), Links: []FactLink{{Class: "ics", URL: s.EventURL(e, lang),
				Type: "text/calendar", Text: tr("calendar.add"), Format: "iCalendar"}}})
		}
	case "collaborations":
		text("fact.status", tr(statusKey(e)))
		orgs("fact.partners", e.Partners)
		text("fact.period", t.period(lang, e.PeriodStart, e.PeriodEnd))
		schools()
		if e.Centre != "" {
			text("fact.centre", e.Centre)
		}
		if e.Funding != "" {
			text("fact.funding", e.Funding)
		}
	case "agreements":
		text("fact.type", tr("type."+e.Type))
		orgs("fact.parties", e.Parties)
		if len(e.Signatories) > 0 {
			f := RecordFact{Label: tr("fact.signatories"), List: "plain"}
			for _, sg := range e.Signatories {
				before := sg.Name
				if sg.Title != "" {
					before += ", " + sg.Title
				}
				l := orgLink(sg.Org)
				l.Before = before + ", "
				f.Links = append(f.Links, l)
			}
			add(f)
		}
		day("fact.signed", func() (string, string) { return t.isoDate(e.Signed), t.FormatDate(lang, e.Signed) })
		if !e.ValidFrom.IsZero() {
			day("fact.validFrom", func() (string, string) { return t.isoDate(e.ValidFrom), t.FormatDate(lang, e.ValidFrom) })
		}
		if e.ValidUntil.IsZero() {
			text("fact.validUntil", tr("validUntil.open"))
		} else {
			day("fact.validUntil", func() (string, string) { return t.isoDate(e.ValidUntil), t.FormatDate(lang, e.ValidUntil) })
		}
		if d := e.NoticeDay(); !d.IsZero() && !e.Archived {
			day("fact.noticeDay", func() (string, string) { return t.isoDate(d), t.FormatDate(lang, d) })
		}
		if e.NoticeMonths != 0 {
			text("fact.notice", n("unit.months", e.NoticeMonths))
		}
		text("fact.status", tr(statusKey(e)))
		if !e.Terminated.IsZero() {
			day("fact.terminated", func() (string, string) { return t.isoDate(e.Terminated), t.FormatDate(lang, e.Terminated) })
		}
		if e.Confidential {
			text("fact.agreementText", tr("confidential.short"))
		} else if u := attachment(); u != "" {
			ft, _ := content.AttachmentType(e.Attachment)
			add(RecordFact{Label: tr("fact.agreementText"), Links: []FactLink{{Class: "file", URL: u, Type: ft.Media,
				Print: s.Abs(u), Text: path.Base(e.Attachment), Format: ft.Format}}})
		}
	case "exchanges":
		orgs("fact.from", []string{e.From})
		orgs("fact.to", []string{e.To})
		text("fact.position", e.Position)
		text("fact.period", t.period(lang, e.PeriodStart, e.PeriodEnd))
	case "followups":
		text("fact.year", strconv.Itoa(e.Year))
		if !e.Meeting.IsZero() {
			day("fact.meeting", func() (string, string) { return t.isoDate(e.Meeting), t.FormatDate(lang, e.Meeting) })
		}
		if u := attachment(); u != "" {
			add(RecordFact{Label: tr("fact.attachment"), Links: []FactLink{{Class: "file", URL: u, Print: s.Abs(u), Text: path.Base(e.Attachment)}}})
		}
	}
	r.Facts = append(r.Facts, agreementLinks(s, e, lang, tr)...)
	if len(e.Areas) > 0 {
		f := RecordFact{Label: tr("fact.areas"), List: "tags"}
		for _, a := range e.Areas {
			f.Links = append(f.Links, FactLink{URL: s.TermURL("areas", a, lang), Text: termName(t.cfg.Areas.Get(a), lang, a)})
		}
		add(f)
	}
	if len(e.Contacts) > 0 {
		f := RecordFact{Label: tr("fact.contacts"), List: "plain"}
		for _, c := range e.Contacts {
			var before string
			if c.Role != "" {
				before += c.Role + ": "
			}
			if c.Name != "" {
				before += c.Name + ", "
			}
			f.Links = append(f.Links, FactLink{Before: before, URL: "mailto:" + c.Email, Text: c.Email})
		}
		add(f)
	}
	day("fact.published", func() (string, string) { return t.isoDate(e.Date), t.FormatDate(lang, e.Date) })
	return r, fe.err
}

// agreementLinks are the facts that link a record and its agreement: the
// agreement a collaboration, exchange or follow-up falls under; on an
// agreement's page, the records that name it, one fact per kind.
func agreementLinks(s *site.Site, e *site.Entry, lang string, tr func(string) string) []RecordFact {
	link := func(o *site.Entry) FactLink {
		v := o.VersionFor(lang)
		l := FactLink{URL: o.URL[lang], Text: v.Title}
		if v.Lang != lang {
			l.Hreflang = v.Lang
		}
		return l
	}
	if a := s.AgreementOf(e); a != nil {
		return []RecordFact{{Label: tr("fact.agreement"), Links: []FactLink{link(a)}}}
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
