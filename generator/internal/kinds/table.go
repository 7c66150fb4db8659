package kinds

import (
	"regexp"

	"portal/generator/internal/diag"
)

// Default returns the registry of the portal's kinds, in the order the
// site shows them (see CONTENT-MODEL.md for the meaning of their keys).
func Default() *Registry {
	p := shared()
	return New(theses(p), internships(p), lectures(p), collaborations(p), agreements(p), exchanges(p), followups(p))
}

// Common returns the keys every kind has, before its own.
func Common() []Key {
	return []Key{
		{Name: "title", Type: Text, Required: true},
		{Name: "date", Type: Date, Required: true},
		{Name: "areas", Type: Strings, Required: true, Vocab: "areas", MinItems: 1, Need: diag.M(diag.NeedArea)},
		{Name: "summary", Type: String},
		{Name: "draft", Type: Bool},
		{Name: "publishDate", Type: Date},
		{Name: "expiryDate", Type: Date},
		{Name: "slug", Type: String},
		{Name: "contacts", Type: Contacts},
		{Name: "aliases", Type: Strings},
	}
}

// PageKeys returns the keys of free-standing pages.
func PageKeys() []Key {
	return []Key{
		{Name: "title", Type: Text, Required: true},
		{Name: "date", Type: Date},
		{Name: "summary", Type: String},
		{Name: "draft", Type: Bool},
		{Name: "slug", Type: String},
		{Name: "aliases", Type: Strings},
	}
}

// offer returns the closing of an offer: it closes the day after its deadline.
func offer(k *Kind) *Kind {
	k.CloseKey, k.CloseDay, k.Mark, k.MarkDate, k.CloseAttr = "deadline", true, "closed", "deadline", "data-deadline"
	k.Order, k.Archive = []Sort{{Key: "deadline"}}, []Sort{{Key: "deadline", Desc: true}}
	k.Offer = true
	return k
}

// parts are the keys and facts several kinds declare alike.
type parts struct {
	host, deadline, start, location, apply, schools, agreement, period                Key
	deadlineF, hostF, startF, creditsF, locationF, applyF, schoolsF, statusF, periodF Fact
}

func shared() parts {
	return parts{
		host:      Key{Name: "host", Type: Text, Required: true, Vocab: "organisations"},
		deadline:  Key{Name: "deadline", Type: Date, Required: true, Day: true},
		start:     Key{Name: "start", Type: Date, Day: true},
		location:  Key{Name: "location", Type: Text},
		apply:     Key{Name: "apply", Type: Text, Link: Mailto},
		schools:   Key{Name: "schools", Type: Strings, Vocab: "schools"},
		agreement: Key{Name: "agreement", Type: Text},
		period:    Key{Name: "periodEnd", Type: Date, NotAfter: "periodStart", Day: true},

		deadlineF: Fact{Label: "fact.deadline", Key: "deadline", As: AsDate},
		hostF:     Fact{Label: "fact.host", Key: "host", As: AsOrgs},
		startF:    Fact{Label: "fact.start", Key: "start", As: AsDate},
		creditsF:  Fact{Label: "fact.credits", Key: "credits", As: AsCount, Arg: "unit.credits"},
		locationF: Fact{Label: "fact.location", Key: "location", As: AsText},
		applyF:    Fact{Label: "fact.apply", Key: "apply", As: AsApply, Arg: "action.apply"},
		schoolsF:  Fact{Label: "fact.schools", One: "factone.schools", Key: "schools", As: AsSchools},
		statusF:   Fact{Label: "fact.status", Key: "status", As: AsStatus},
		periodF:   Fact{Label: "fact.period", Key: "periodStart", As: AsPeriod, And: &Fact{Key: "periodEnd"}},
	}
}

func theses(p parts) *Kind {
	return offer(&Kind{
		Name:    "theses",
		Records: diag.M(diag.KindRecordsTheses),
		Keys: []Key{
			p.host, {Name: "level", Type: Text, Required: true, Enum: []string{"bachelor", "master"}},
			{Name: "credits", Type: Int, Required: true, Ints: []int{15, 30}},
			p.deadline, p.schools, p.start,
			{Name: "language", Type: Strings, Enum: []string{"sv", "en"}},
			{Name: "students", Type: Int, Ints: []int{1, 2}},
			p.location, p.apply,
		},
		Facets: []Facet{{Key: "level", Segment: "level", Lists: diag.M(diag.ClaimLevels)}},
		Facts: []Fact{
			p.deadlineF, {Label: "fact.level", Key: "level", As: AsTerm, Arg: "level."}, p.creditsF, p.hostF,
			p.schoolsF, p.startF, {Label: "fact.languages", Key: "language", As: AsTerms, Arg: "language."},
			{Label: "fact.students", Key: "students", As: AsCount, Arg: "unit.students"}, p.locationF, p.applyF,
		},
		ListFacts: []Fact{p.deadlineF, p.hostF, {Label: "fact.level", Key: "level", As: AsTerm, Arg: "level.",
			Sep: ", ", And: &Fact{Key: "credits", As: AsCount, Arg: "unit.credits"}}},
		Body: "Beskriv uppdraget: bakgrund, frågeställning, vad studenten gör och vilka förkunskaper som behövs.",
	})
}

func internships(p parts) *Kind {
	return offer(&Kind{
		Name:    "internships",
		Records: diag.M(diag.KindRecordsInternships),
		Keys: []Key{
			p.host, p.deadline, p.start,
			{Name: "weeks", Type: Int, Min: 1, Max: 104},
			{Name: "paid", Type: Bool},
			{Name: "credits", Type: Int, Min: 1, Max: 60},
			p.location, p.apply,
		},
		Facts: []Fact{p.deadlineF, p.hostF, p.startF, {Label: "fact.weeks", Key: "weeks", As: AsCount, Arg: "unit.weeks"},
			{Label: "fact.paid", Key: "paid", As: AsYesNo}, p.creditsF, p.locationF, p.applyF},
		ListFacts: []Fact{p.deadlineF, p.hostF, {Label: "fact.weeks", Key: "weeks", As: AsCount, Arg: "unit.weeks"}, p.creditsF},
		JSONLD:    "JobPosting",
		Body:      "Beskriv praktiken: arbetsuppgifter, vem som handleder och vilka förkunskaper som behövs.",
	})
}

func lectures(p parts) *Kind {
	span := Fact{Label: "fact.time", Key: "start", As: AsSpan, And: &Fact{Key: "end"}}
	place := Fact{Label: "fact.place", Key: "place", As: AsText}
	speaker := Fact{Label: "fact.speaker", Key: "speaker", As: AsText}
	return &Kind{
		Name:    "lectures",
		Records: diag.M(diag.KindRecordsLectures),
		Keys: []Key{
			{Name: "start", Type: DateTime, Required: true},
			{Name: "end", Type: DateTime, Required: true, After: "start"},
			{Name: "place", Type: Text, Required: true},
			{Name: "speaker", Type: Text, Required: true},
			{Name: "speakerOrg", Type: Text, Vocab: "organisations"},
			{Name: "course", Type: Text, Pattern: regexp.MustCompile(`^[A-Z]{2}[0-9]{3}[0-9A-Z]$`), Want: diag.M(diag.WantCourse)},
			{Name: "registration", Type: Text, Link: HTTP},
			{Name: "status", Type: Text, Enum: []string{"scheduled", "cancelled"}, Default: "scheduled"},
		},
		CloseKey: "end", Mark: "past", MarkDate: "start", CloseAttr: "data-end",
		Marks: map[string]string{"cancelled": "cancelled"},
		Order: []Sort{{Key: "start"}}, Archive: []Sort{{Key: "start", Desc: true}},
		Facts: []Fact{
			span, place, speaker,
			{Label: "fact.speakerOrg", Key: "speakerOrg", As: AsOrgs},
			{Label: "fact.course", Key: "course", As: AsText},
			{Label: "fact.registration", Key: "registration", As: AsApply, Arg: "action.register"},
			{Label: "fact.status", Key: "status", As: AsStatus, Strong: map[string]string{"cancelled": "mark mark-cancelled"}},
			{Label: "calendar.fact", As: AsCalendar, Arg: "calendar.add"},
		},
		ListFacts: []Fact{span, place, speaker},
		Calendar:  true, JSONLD: "Event",
		Body: "Beskriv föreläsningen: ämne, föreläsare och vem den vänder sig till.",
	}
}

func collaborations(p parts) *Kind {
	partners := Fact{Label: "fact.partners", One: "factone.partners", Key: "partners", As: AsOrgs}
	return &Kind{
		Name:    Collaborations,
		Records: diag.M(diag.KindRecordsCollaborations),
		Keys: []Key{
			{Name: "status", Type: Text, Required: true, Enum: []string{"planned", "active", "completed"}},
			{Name: "partners", Type: Strings, Required: true, Vocab: "organisations", MinItems: 1, Need: diag.M(diag.NeedOrganisation)},
			{Name: "periodStart", Type: Date, Required: true, Day: true}, p.period, p.schools,
			{Name: "centre", Type: Text}, {Name: "funding", Type: Text}, p.agreement,
		},
		// Archived by its status, completed, or by its period: one whose
		// periodEnd has passed has ended, whatever status an editor left.
		// Only the status says it was completed (its goals met); one left
		// active or planned has ended ("Avslutat", "Ended") as its period
		// says, and its notice names the day.
		ArchiveStatus: "completed", CloseKey: "periodEnd", CloseDay: true, Mark: "ended", MarkDate: "periodEnd",
		Marks:   map[string]string{"completed": "completed"},
		Order:   []Sort{{Key: "status", Rank: []string{"active", "planned"}}, {Key: "periodStart", Desc: true}},
		Archive: []Sort{{Key: "periodEnd", Or: "periodStart", Desc: true}},
		Facts: []Fact{p.statusF, partners, p.periodF, p.schoolsF,
			{Label: "fact.centre", Key: "centre", As: AsText}, {Label: "fact.funding", Key: "funding", As: AsText}},
		ListFacts: []Fact{p.statusF, partners, p.periodF},
		Body:      "Beskriv samarbetet: mål, vad parterna gör och vad det har lett till.",
	}
}

func agreements(p parts) *Kind {
	typ := Fact{Label: "fact.type", Key: "type", As: AsTerm, Arg: "type."}
	signed := Fact{Label: "fact.signed", Key: "signed", As: AsDate}
	until := Fact{Label: "fact.validUntil", Past: "factpast.validUntil", Key: "validUntil", As: AsOpen, Arg: "validUntil.open", And: &Fact{Key: "terminated"}}
	notice := Fact{Label: "fact.noticeDay", As: AsNoticeDay}
	parties := Fact{Label: "fact.parties", Key: "parties", As: AsOrgs}
	// A list item says when an agreement not yet in force starts: its
	// status alone leaves that open. Once in force, its start is past.
	starts := Fact{Label: "fact.validFrom", Key: "validFrom", As: AsStarts}
	return &Kind{
		Name:    Agreements,
		Records: diag.M(diag.KindRecordsAgreements),
		Keys: []Key{
			{Name: "type", Type: Text, Required: true, Enum: []string{"mou", "agreement"}},
			{Name: "parties", Type: Strings, Required: true, Vocab: "organisations", MinItems: 2, Need: diag.M(diag.NeedTwoOrgs)},
			{Name: "signed", Type: Date, Required: true, Day: true},
			{Name: "signatories", Type: Signatories},
			{Name: "validFrom", Type: Date, Day: true},
			{Name: "validUntil", Type: Date, NotAfter: "validFrom", Day: true},
			{Name: "noticeMonths", Type: Int, NotNeg: true, Min: 0, Max: 120},
			{Name: "status", Type: Text, Required: true, Enum: []string{"active", "terminated"}},
			{Name: "terminated", Type: Date, Day: true, When: &When{Key: "status", Is: "terminated",
				Missing:    diag.M(diag.TerminatedDate),
				Unexpected: diag.M(diag.TerminatedStatus)}},
			{Name: "attachment", Type: Text},
			{Name: "confidential", Type: Bool},
		},
		ArchiveStatus: "terminated", ArchiveAfterMark: true, Mark: "terminated", MarkDate: "terminated",
		Order: []Sort{{Key: "signed", Desc: true}}, Archive: []Sort{{Key: "terminated", Earlier: "validUntil", Desc: true}},
		Facts: []Fact{
			typ, parties,
			{Label: "fact.signatories", Key: "signatories", As: AsSigners}, signed,
			{Label: "fact.validFrom", Past: "factpast.validFrom", Key: "validFrom", As: AsDate}, until, notice,
			{Label: "calendar.fact", As: AsNoticeCalendar, Arg: "due.add"},
			{Label: "fact.notice", Key: "noticeMonths", As: AsCount, Arg: "unit.months"}, p.statusF,
			{Label: "fact.agreementText", Key: "attachment", As: AsDocument, Arg: "confidential.short"},
		},
		ListFacts: []Fact{typ, parties, signed, starts, until, notice, p.statusF},
		Body:      "Sammanfatta avtalet: syfte, vad parterna åtar sig och hur det följs upp.",
	}
}

func exchanges(p parts) *Kind {
	org := func(key string) Key { return Key{Name: key, Type: Text, Required: true, Vocab: "organisations"} }
	return &Kind{
		Name:    "exchanges",
		Records: diag.M(diag.KindRecordsExchanges),
		Keys: []Key{org("from"), org("to"), {Name: "position", Type: Text, Required: true},
			{Name: "periodStart", Type: Date, Required: true, Day: true}, p.period, p.agreement},
		CloseKey: "periodEnd", CloseDay: true, Mark: "ended", MarkDate: "periodEnd",
		Order:   []Sort{{Key: "periodStart", Desc: true}},
		Archive: []Sort{{Key: "periodEnd", Or: "periodStart", Desc: true}},
		Facts: []Fact{{Label: "fact.from", Key: "from", As: AsOrgs}, {Label: "fact.to", Key: "to", As: AsOrgs},
			{Label: "fact.position", Key: "position", As: AsText}, p.periodF},
		ListFacts: []Fact{{Label: "fact.exchange", Key: "from", As: AsOrgs, Sep: " → ", And: &Fact{Key: "to", As: AsOrgs}}, p.periodF},
		Body:      "Beskriv utbytet: vem, var, vad personen arbetar med och vad det ger båda parter.",
	}
}

func followups(p parts) *Kind {
	year := Fact{Label: "fact.year", Key: "year", As: AsNumber}
	meeting := Fact{Label: "fact.meeting", Key: "meeting", As: AsDate}
	return &Kind{
		Name:    "followups",
		Records: diag.M(diag.KindRecordsFollowups),
		Keys: []Key{{Name: "year", Type: Int, Required: true, Min: 2000, Max: 2100, Want: diag.M(diag.WantYear)},
			{Name: "meeting", Type: Date, Day: true}, {Name: "attachment", Type: Text}, p.agreement},
		Order:          []Sort{{Key: "year", Desc: true}},
		NoEmptyArchive: true,
		Facts:          []Fact{year, meeting, {Label: "fact.attachment", Key: "attachment", As: AsFile}},
		ListFacts:      []Fact{year, meeting},
		Body:           "Sammanfatta årets uppföljning: vad som gjorts, vad som lärts och vad som planeras.",
	}
}
