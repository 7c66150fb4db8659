package diag

// The messages of the keys of a record (package content, decode.go).
const (
	KeyUnknown       ID = "key.unknown"
	KeyUnknownMean   ID = "key.unknown-mean"
	KeyUnknownKind   ID = "key.unknown-kind"
	KeyMissing       ID = "key.missing"
	KeyShape         ID = "key.shape"
	ShapeString      ID = "shape.string"
	ShapeEmpty       ID = "shape.empty"
	ShapeDateQuoted  ID = "shape.date-quoted"
	ShapeDate        ID = "shape.date"
	ShapeDateTime    ID = "shape.datetime"
	ShapeInt         ID = "shape.int"
	ShapeBool        ID = "shape.bool"
	ShapeStrings     ID = "shape.strings"
	ShapeTooMany     ID = "shape.too-many"
	ShapeTables      ID = "shape.tables"
	VocabTwice       ID = "vocab.twice"
	VocabUnknown     ID = "vocab.unknown"
	WordArea         ID = "word.area"
	WordSchool       ID = "word.school"
	WordOrganisation ID = "word.organisation"
	EnumOneOf        ID = "enum.one-of"
	ListOr           ID = "list.or"
	ListAndOr        ID = "list.and-or"
	IntMust          ID = "int.must"
	WantFromTo       ID = "want.from-to"
	WantCourse       ID = "want.course"
	WantYear         ID = "want.year"
	ListNeeds        ID = "list.needs"
	ListMust         ID = "list.must"
	NeedArea         ID = "need.area"
	NeedOrganisation ID = "need.organisation"
	NeedTwoOrgs      ID = "need.two-organisations"
	MustAfter        ID = "must.after"
	MustNotBefore    ID = "must.not-before"
	NotNegative      ID = "not-negative"
	LinkMailto       ID = "link.mailto"
	LinkHTTP         ID = "link.http"
	ContactString    ID = "contact.string"
	ContactUnknown   ID = "contact.unknown"
	ContactRole      ID = "contact.role"
	ContactEmail     ID = "contact.email"
	ContactBadEmail  ID = "contact.bad-email"
	SignatoryString  ID = "signatory.string"
	SignatoryUnknown ID = "signatory.unknown"
	SignatoryNeeds   ID = "signatory.needs"
	OrgUnknown       ID = "org.unknown"
	TerminatedDate   ID = "terminated.date"
	TerminatedStatus ID = "terminated.status"
)

var decodeTexts = map[ID]texts{
	KeyUnknown: {en: `unknown key %q`,
		sv: `okänd nyckel %q – ta bort den, eller stava den som en av nycklarna i docs/EDITING.md`},
	KeyUnknownMean: {en: `unknown key %q (did you mean %q?)`,
		sv: `okänd nyckel %q – menade du %q?`},
	KeyUnknownKind: {en: `unknown key %q: %s do not have it`,
		sv: `nyckeln %q finns inte för %s – ta bort den`},
	KeyMissing: {en: `missing required key %q`,
		sv: `nyckeln %q saknas men måste finnas – lägg till en rad som börjar med %[1]s =`},
	KeyShape: {en: `%s %s`,
		sv: `%s: %s`},
	ShapeString: {en: `must be a string`,
		sv: `ska vara en text inom raka citattecken, t.ex. "Exempel"`},
	ShapeEmpty: {en: `must not be empty`,
		sv: `får inte vara tom`},
	ShapeDateQuoted: {en: `must be a date like 2026-03-01, written without quotes`,
		sv: `ska vara ett datum som 2026-03-01, skrivet utan citattecken`},
	ShapeDate: {en: `must be a date like 2026-03-01`,
		sv: `ska vara ett datum som 2026-03-01 (år-månad-dag)`},
	ShapeDateTime: {en: `must be a date and time like 2026-03-01T13:15:00`,
		sv: `ska vara datum och klockslag som 2026-03-01T13:15:00`},
	ShapeInt: {en: `must be a whole number`,
		sv: `ska vara ett heltal, t.ex. 30, utan citattecken`},
	ShapeBool: {en: `must be true or false`,
		sv: `ska vara true (ja) eller false (nej), utan citattecken`},
	ShapeStrings: {en: `must be an array of strings like ["a", "b"]`,
		sv: `ska vara en lista inom hakparenteser, t.ex. ["a", "b"]`},
	ShapeTooMany: {en: `must not list more than %d values`,
		sv: `får inte ha fler än %d värden`},
	ShapeTables: {en: `must be an array of inline tables like [{ role = "...", email = "..." }]`,
		sv: `ska vara en lista som [{ role = "...", email = "..." }]`},
	VocabTwice: {en: `%s %q is listed twice`,
		sv: `%[1]s %[2]q står två gånger – ta bort den ena`},
	VocabUnknown: {en: `unknown %s %q (not in config.toml [%s])`,
		sv: `%[1]s %[2]q finns inte under [%[3]s] i config.toml – kontrollera stavningen`},
	WordArea: {en: `area`,
		sv: `området`},
	WordSchool: {en: `school`,
		sv: `skolan`},
	WordOrganisation: {en: `organisation`,
		sv: `organisationen`},
	EnumOneOf: {en: `%s must be %s, not %q`,
		sv: `%[1]s: %[3]q är inte tillåtet – skriv %[2]s`},
	ListOr: {en: `%s or %s`,
		sv: `%s eller %s`},
	ListAndOr: {en: `%s and/or %s`,
		sv: `%s och/eller %s`},
	IntMust: {en: `%s must be %s, not %d`,
		sv: `%[1]s: %[3]d är inte tillåtet – skriv %[2]s`},
	WantFromTo: {en: `from %d to %d`,
		sv: `ett tal från %d till %d`},
	WantCourse: {en: `a KTH course code like AG2129`,
		sv: `en KTH-kurskod som AG2129`},
	WantYear: {en: `a year like 2025`,
		sv: `ett år som 2025`},
	ListNeeds: {en: `%s needs %s`,
		sv: `%[1]s: ange %[2]s`},
	ListMust: {en: `%s must list %s, not %q`,
		sv: `%[1]s: %[3]q är inte tillåtet – skriv %[2]s`},
	NeedArea: {en: `at least one area`,
		sv: `minst ett område`},
	NeedOrganisation: {en: `at least one organisation`,
		sv: `minst en organisation`},
	NeedTwoOrgs: {en: `at least two organisations`,
		sv: `minst två organisationer`},
	MustAfter: {en: `%s must be after %s`,
		sv: `%[1]s ska vara efter %[2]s`},
	MustNotBefore: {en: `%s must not be before %s`,
		sv: `%[1]s får inte vara före %[2]s`},
	NotNegative: {en: `%s must not be negative`,
		sv: `%s kan inte vara negativ`},
	LinkMailto: {en: `%s must be an http(s) or mailto: URL, not %q`,
		sv: `%[1]s: %[2]q är ingen webbadress – skriv en adress som börjar med https:// eller mailto:`},
	LinkHTTP: {en: `%s must be an http(s) URL, not %q`,
		sv: `%[1]s: %[2]q är ingen webbadress – skriv en adress som börjar med https://, t.ex. https://www.kth.se/`},
	ContactString: {en: `contacts: %s must be a string`,
		sv: `contacts: %s ska vara en text inom citattecken`},
	ContactUnknown: {en: `contacts: unknown key %q (a contact has role, email and name)`,
		sv: `contacts: okänd nyckel %q (en kontakt har role, email och name)`},
	ContactRole: {en: `contacts: each contact needs a role`,
		sv: `contacts: varje kontakt behöver en roll, t.ex. role = "Handledare"`},
	ContactEmail: {en: `contacts: each contact needs an email`,
		sv: `contacts: varje kontakt behöver en e-postadress, t.ex. email = "namn@kth.se"`},
	ContactBadEmail: {en: `contacts: %q is not an email address`,
		sv: `contacts: %q är ingen e-postadress – skriv t.ex. "namn@kth.se"`},
	SignatoryString: {en: `signatories: %s must be a string`,
		sv: `signatories: %s ska vara en text inom citattecken`},
	SignatoryUnknown: {en: `signatories: unknown key %q (a signatory has name, title and org)`,
		sv: `signatories: okänd nyckel %q (en undertecknare har name, title och org)`},
	SignatoryNeeds: {en: `signatories: each signatory needs name, title and org`,
		sv: `signatories: varje undertecknare behöver name, title och org`},
	OrgUnknown: {en: `unknown organisation %q (not in config.toml [organisations])`,
		sv: `%q är ingen känd organisation (finns inte under [organisations] i config.toml) – kontrollera stavningen`},
	TerminatedDate: {en: `a terminated agreement needs the date it ended: add terminated = YYYY-MM-DD`,
		sv: `ett uppsagt avtal behöver datumet då det upphörde – lägg till en rad som terminated = 2026-06-30`},
	TerminatedStatus: {en: `terminated is set but status is not "terminated"`,
		sv: `terminated har ett datum men status är inte "terminated" – ändra status eller ta bort terminated`},
}
