package scaffold

import "portal/generator/internal/diag"

// hint is what a new file says about a key: an example value for an
// optional key (written commented out; DATE stands for the day of the new
// record, ALIAS for an old address in its section and language) and a
// short explanation, in English and in Swedish.
type hint struct {
	example string
	text    string
	sv      string
}

// in is the explanation of h in the language lang.
func (h hint) in(lang diag.Lang) string {
	if lang == diag.Swedish && h.sv != "" {
		return h.sv
	}
	return h.text
}

// hints are looked up by "kind.key", then by "key".
var hints = map[string]hint{
	"title":       {`""`, "the heading of the page", "sidans rubrik"},
	"date":        {"DATE", "the day the record was published (YYYY-MM-DD, no quotes)", "dagen posten publicerades (ÅÅÅÅ-MM-DD, utan citattecken)"},
	"areas":       {`["..."]`, "one or more areas, keys of config.toml [areas]", "ett eller flera områden, nycklar i config.toml [areas]"},
	"summary":     {`""`, "one sentence for lists and feeds; without it, the first paragraph of the text", "en mening för listor och flöden; utan den används textens första stycke"},
	"draft":       {"true", "true keeps the record off the published site (serve shows it with a banner)", "true håller posten borta från den publicerade webbplatsen (serve visar den med en banderoll)"},
	"publishDate": {"DATE", "publish from this day (or date and time) on", "publicera från och med den här dagen (eller datum och tid)"},
	"expiryDate":  {"DATE", "remove the record from this day on", "ta bort posten från och med den här dagen"},
	"slug":        {`"..."`, "the URL name if not the file name: lowercase letters, digits, hyphens", "namnet i adressen om det inte är filnamnet: små bokstäver, siffror, bindestreck"},
	"aliases":     {`["ALIAS"]`, "old addresses of this page, which then redirect here (after a rename)", "sidans gamla adresser, som då leder hit (efter ett namnbyte)"},
	"contacts":    {`[{ role = "Kontakt", email = "funktionsbrevlada@example.se" }]`, "prefer functional mailboxes; name = \"...\" is optional", `använd helst funktionsbrevlådor; name = "..." får utelämnas`},

	"host":     {`"..."`, "the host organisation, a key of config.toml [organisations]", "värdorganisationen, en nyckel i config.toml [organisations]"},
	"level":    {`"master"`, `"bachelor" or "master"`, `"bachelor" (kandidat) eller "master"`},
	"credits":  {"30", "15 or 30", "15 eller 30"},
	"deadline": {"DATE", "the last day to apply, without a time: the offer is open all that day", "sista ansökningsdag, utan klockslag: erbjudandet går att söka hela dagen"},
	"schools":  {`["..."]`, "KTH schools, keys of config.toml [schools]", "skolor vid KTH, nycklar i config.toml [schools]"},
	"start":    {"DATE", "the first day", "första dagen"},
	"language": {`["sv", "en"]`, `the languages the work can be done in: "sv", "en"`, `språken arbetet kan göras på: "sv", "en"`},
	"students": {"1", "1 or 2", "1 eller 2"},
	"location": {`""`, "where the work is done", "var arbetet görs"},
	"apply":    {`"https://..."`, "where to apply: an http(s) or mailto: URL", "var man ansöker: en http(s)- eller mailto:-adress"},

	"internships.weeks":   {"10", "length in weeks, 1 to 104", "längd i veckor, 1 till 104"},
	"internships.paid":    {"true", "true or false", "true eller false"},
	"internships.credits": {"15", "credits, if the internship is part of a course (1 to 60)", "högskolepoäng, om praktiken ingår i en kurs (1 till 60)"},

	"lectures.start":        {"DATET13:15:00", "date and time it starts, Stockholm time", "datum och tid då den börjar, svensk tid"},
	"lectures.end":          {"DATET15:00:00", "date and time it ends, after start", "datum och tid då den slutar, efter start"},
	"lectures.place":        {`""`, "room and address, or the link to the online meeting", "sal och adress, eller länken till mötet på nätet"},
	"lectures.speaker":      {`""`, "the speaker's name", "föreläsarens namn"},
	"lectures.speakerOrg":   {`"..."`, "the speaker's organisation, a key of config.toml [organisations]", "föreläsarens organisation, en nyckel i config.toml [organisations]"},
	"lectures.course":       {`"AG2129"`, "the KTH course code, e.g. AG2129", "KTH:s kurskod, t.ex. AG2129"},
	"lectures.registration": {`"https://..."`, "the registration page, an http(s) URL", "anmälningssidan, en http(s)-adress"},
	"lectures.status":       {`"cancelled"`, `"scheduled" (the default) or "cancelled"`, `"scheduled" (planerad, standard) eller "cancelled" (inställd)`},

	"collaborations.status":      {`"active"`, `"planned", "active" or "completed"`, `"planned" (planerat), "active" (pågående) eller "completed" (avslutat)`},
	"collaborations.partners":    {`["..."]`, "partner organisations, keys of config.toml [organisations]", "partnerorganisationer, nycklar i config.toml [organisations]"},
	"collaborations.periodStart": {"DATE", "the first day of the collaboration", "samarbetets första dag"},
	"collaborations.periodEnd":   {"DATE", "the last day, not before periodStart", "sista dagen, inte före periodStart"},
	"collaborations.centre":      {`""`, "the KTH centre or lab", "centrum eller labb vid KTH"},
	"collaborations.funding":     {`""`, "e.g. Horisont Europa, Vinnova", "t.ex. Horisont Europa, Vinnova"},
	"agreement":                  {`"..."`, "the slug of the agreement this falls under (content/agreements/<slug>.md)", "slug för avtalet detta hör till (content/agreements/<slug>.md)"},
	"collaborations.agreement":   {`"..."`, "the slug of the agreement the work falls under (content/agreements/<slug>.md)", "slug för avtalet arbetet hör till (content/agreements/<slug>.md)"},

	"agreements.type":         {`"mou"`, `"mou" or "agreement"`, `"mou" (avsiktsförklaring) eller "agreement" (särskilt avtal)`},
	"agreements.parties":      {`["...", "..."]`, "at least two organisations, keys of config.toml [organisations]", "minst två organisationer, nycklar i config.toml [organisations]"},
	"agreements.signed":       {"DATE", "the day it was signed", "dagen det undertecknades"},
	"agreements.signatories":  {`[{ name = "...", title = "...", org = "..." }]`, "who signed; org is a key of config.toml [organisations]", "vilka som undertecknade; org är en nyckel i config.toml [organisations]"},
	"agreements.validFrom":    {"DATE", "in force from this day", "gäller från och med den här dagen"},
	"agreements.validUntil":   {"DATE", "in force until this day; without it, until terminated", "gäller till och med den här dagen; utan den tills det sägs upp"},
	"agreements.noticeMonths": {"6", "months of notice", "uppsägningstid i månader"},
	"agreements.status":       {`"active"`, `"active" or "terminated" (then set terminated too)`, `"active" (gällande) eller "terminated" (uppsagt; ange då även terminated)`},
	"agreements.terminated":   {"DATE", `the day it ended; required when status = "terminated"`, `dagen det upphörde; krävs när status = "terminated"`},
	"agreements.attachment":   {`"avtal.pdf"`, "the signed PDF, a file beside this one", "den undertecknade PDF:en, en fil bredvid den här"},
	"agreements.confidential": {"true", "true publishes only the facts and a note, never the text or the PDF", "true publicerar bara uppgifterna och en notis, aldrig texten eller PDF:en"},

	"exchanges.from":        {`"..."`, "the person's home organisation, a key of config.toml [organisations]", "personens hemorganisation, en nyckel i config.toml [organisations]"},
	"exchanges.to":          {`"..."`, "the host organisation, a key of config.toml [organisations]", "värdorganisationen, en nyckel i config.toml [organisations]"},
	"exchanges.position":    {`""`, "the position, e.g. adjungerad lektor", "befattningen, t.ex. adjungerad lektor"},
	"exchanges.periodStart": {"DATE", "the first day of the exchange", "utbytets första dag"},
	"exchanges.periodEnd":   {"DATE", "the last day, not before periodStart", "sista dagen, inte före periodStart"},

	"followups.year":       {"2026", "the year followed up", "året som följs upp"},
	"followups.meeting":    {"DATE", "the day of the spring leadership dialogue", "dagen för vårens ledningsdialog"},
	"followups.attachment": {`"uppfoljning.pdf"`, "the report, a file beside this one", "rapporten, en fil bredvid den här"},

	"pages.date": {"DATE", "the day the page was published", "dagen sidan publicerades"},
}

// Describe is the explanation of a key of kind that a new file writes
// beside it, for the descriptions of the JSON Schemas.
func Describe(kind, key string) string { return hintFor(kind, key).text }

// hintFor returns the hint of a key of kind.
func hintFor(kind, key string) hint {
	if h, ok := hints[kind+"."+key]; ok {
		return h
	}
	return hints[key]
}
