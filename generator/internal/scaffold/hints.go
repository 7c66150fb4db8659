package scaffold

// hint is what a new file says about a key: an example value for an
// optional key (written commented out; DATE stands for the day of the new
// record, ALIAS for an old address in its section and language) and a
// short explanation.
type hint struct {
	example string
	text    string
}

// hints are looked up by "kind.key", then by "key".
var hints = map[string]hint{
	"title":       {`""`, "the heading of the page"},
	"date":        {"DATE", "the day the record was published (YYYY-MM-DD, no quotes)"},
	"areas":       {`["..."]`, "one or more areas, keys of config.toml [areas]"},
	"summary":     {`""`, "one sentence for lists and feeds; without it, the first paragraph of the text"},
	"draft":       {"true", "true keeps the record off the published site (serve shows it with a banner)"},
	"publishDate": {"DATE", "publish from this day (or date and time) on"},
	"expiryDate":  {"DATE", "remove the record from this day on"},
	"slug":        {`"..."`, "the URL name if not the file name: lowercase letters, digits, hyphens"},
	"aliases":     {`["ALIAS"]`, "old addresses of this page, which then redirect here (after a rename)"},
	"contacts":    {`[{ role = "Kontakt", email = "funktionsbrevlada@example.se" }]`, "prefer functional mailboxes; name = \"...\" is optional"},

	"host":     {`"..."`, "the host organisation, a key of config.toml [organisations]"},
	"level":    {`"master"`, `"bachelor" or "master"`},
	"credits":  {"30", "15 or 30"},
	"deadline": {"DATE", "the last day to apply; the offer closes after it"},
	"schools":  {`["..."]`, "KTH schools, keys of config.toml [schools]"},
	"start":    {"DATE", "the first day"},
	"language": {`["sv", "en"]`, `the languages the work can be done in: "sv", "en"`},
	"students": {"1", "1 or 2"},
	"location": {`""`, "where the work is done"},
	"apply":    {`"https://..."`, "where to apply: an http(s) or mailto: URL"},

	"internships.weeks":   {"10", "length in weeks, 1 to 104"},
	"internships.paid":    {"true", "true or false"},
	"internships.credits": {"15", "credits, if the internship is part of a course (1 to 60)"},

	"lectures.start":        {"DATET13:15:00", "date and time it starts, Stockholm time"},
	"lectures.end":          {"DATET15:00:00", "date and time it ends, after start"},
	"lectures.place":        {`""`, "room and address, or the link to the online meeting"},
	"lectures.speaker":      {`""`, "the speaker's name"},
	"lectures.speakerOrg":   {`"..."`, "the speaker's organisation, a key of config.toml [organisations]"},
	"lectures.course":       {`"AG2129"`, "the KTH course code, e.g. AG2129"},
	"lectures.registration": {`"https://..."`, "the registration page, an http(s) URL"},
	"lectures.status":       {`"cancelled"`, `"scheduled" (the default) or "cancelled"`},

	"collaborations.status":      {`"active"`, `"planned", "active" or "completed"`},
	"collaborations.partners":    {`["..."]`, "partner organisations, keys of config.toml [organisations]"},
	"collaborations.periodStart": {"DATE", "the first day of the collaboration"},
	"collaborations.periodEnd":   {"DATE", "the last day, not before periodStart"},
	"collaborations.centre":      {`""`, "the KTH centre or lab"},
	"collaborations.funding":     {`""`, "e.g. Horisont Europa, Vinnova"},
	"agreement":                  {`"..."`, "the slug of the agreement this falls under (content/agreements/<slug>.md)"},
	"collaborations.agreement":   {`"..."`, "the slug of the agreement the work falls under (content/agreements/<slug>.md)"},

	"agreements.type":         {`"mou"`, `"mou" or "agreement"`},
	"agreements.parties":      {`["...", "..."]`, "at least two organisations, keys of config.toml [organisations]"},
	"agreements.signed":       {"DATE", "the day it was signed"},
	"agreements.signatories":  {`[{ name = "...", title = "...", org = "..." }]`, "who signed; org is a key of config.toml [organisations]"},
	"agreements.validFrom":    {"DATE", "in force from this day"},
	"agreements.validUntil":   {"DATE", "in force until this day; without it, until terminated"},
	"agreements.noticeMonths": {"6", "months of notice"},
	"agreements.status":       {`"active"`, `"active" or "terminated" (then set terminated too)`},
	"agreements.terminated":   {"DATE", `the day it ended; required when status = "terminated"`},
	"agreements.attachment":   {`"avtal.pdf"`, "the signed PDF, a file beside this one"},
	"agreements.confidential": {"true", "true publishes only the facts and a note, never the text or the PDF"},

	"exchanges.from":        {`"..."`, "the person's home organisation, a key of config.toml [organisations]"},
	"exchanges.to":          {`"..."`, "the host organisation, a key of config.toml [organisations]"},
	"exchanges.position":    {`""`, "the position, e.g. adjungerad lektor"},
	"exchanges.periodStart": {"DATE", "the first day of the exchange"},
	"exchanges.periodEnd":   {"DATE", "the last day, not before periodStart"},

	"followups.year":       {"2026", "the year followed up"},
	"followups.meeting":    {"DATE", "the day of the spring leadership dialogue"},
	"followups.attachment": {`"uppfoljning.pdf"`, "the report, a file beside this one"},

	"pages.date": {"DATE", "the day the page was published"},
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
