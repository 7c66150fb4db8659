package diag

// The messages of the keys of a record (package content, decode.go).
const (
	KeyUnknown         ID = "key.unknown"
	KeyUnknownMean     ID = "key.unknown-mean"
	KeyTableHeader     ID = "key.table-header"
	KeyTableOfKey      ID = "key.table-of-key"
	KeyUnknownKind     ID = "key.unknown-kind"
	KindFolderWrong    ID = "key.kind-folder"
	KeyMissing         ID = "key.missing"
	TableMissing       ID = "key.missing-table"
	KeyShape           ID = "key.shape"
	ShapeString        ID = "shape.string"
	ShapeEmpty         ID = "shape.empty"
	ShapeDateQuoted    ID = "shape.date-quoted"
	ShapeDateQuotedFix ID = "shape.date-quoted-fix"
	ShapeDateQuotedTwo ID = "shape.date-quoted-two"
	ShapeDate          ID = "shape.date"
	ShapeDateTime      ID = "shape.datetime"
	ShapeDateTimeFix   ID = "shape.datetime-fix"
	ShapeDateTimeTwo   ID = "shape.datetime-two"
	ShapeDateOrTimeFix ID = "shape.date-or-time-fix"
	ShapeDateOrTimeTwo ID = "shape.date-or-time-two"
	ShapeDayNoTime     ID = "shape.day-no-time"
	ShapeTimeOnly      ID = "shape.time-only"
	ShapeInt           ID = "shape.int"
	ShapeQuoted        ID = "shape.quoted"
	ShapeBool          ID = "shape.bool"
	ShapeStrings       ID = "shape.strings"
	ShapeStringsItem   ID = "shape.strings-item"
	ShapeTooMany       ID = "shape.too-many"
	ShapeTables        ID = "shape.tables"
	ShapeSignatories   ID = "shape.signatories"
	VocabTwice         ID = "vocab.twice"
	VocabUnknown       ID = "vocab.unknown"
	VocabUnknownMean   ID = "vocab.unknown-mean"
	VocabUnknownList   ID = "vocab.unknown-list"
	VocabNoTerms       ID = "vocab.no-terms"
	WordArea           ID = "word.area"
	WordSchool         ID = "word.school"
	WordOrganisation   ID = "word.organisation"
	EnumOneOf          ID = "enum.one-of"
	ListOr             ID = "list.or"
	ListAndOr          ID = "list.and-or"
	IntMust            ID = "int.must"
	WantFromTo         ID = "want.from-to"
	WantCourse         ID = "want.course"
	WantYear           ID = "want.year"
	ListNeeds          ID = "list.needs"
	ListMust           ID = "list.must"
	NeedArea           ID = "need.area"
	NeedOrganisation   ID = "need.organisation"
	NeedTwoOrgs        ID = "need.two-organisations"
	MustAfter          ID = "must.after"
	MustNotBefore      ID = "must.not-before"
	NotNegative        ID = "not-negative"
	LinkMailto         ID = "link.mailto"
	DateZero           ID = "date.zero"
	LinkMailHeader     ID = "link.mail-header"
	LinkHTTP           ID = "link.http"
	LinkMailFragment   ID = "link.mail-fragment"
	ContactString      ID = "contact.string"
	ContactUnknown     ID = "contact.unknown"
	ContactRole        ID = "contact.role"
	ContactEmail       ID = "contact.email"
	ContactBadEmail    ID = "contact.bad-email"
	SignatoryString    ID = "signatory.string"
	SignatoryUnknown   ID = "signatory.unknown"
	SignatoryNeeds     ID = "signatory.needs"
	TerminatedDate     ID = "terminated.date"
	TerminatedStatus   ID = "terminated.status"
)

var decodeTexts = map[ID]Text{
	KeyUnknown: {En: `unknown key %q; remove it, or spell it as one of the keys in docs/EDITING.md`,
		Sv: `okänd nyckel %q – ta bort den, eller stava den som en av nycklarna i docs/EDITING.md`},
	KeyTableHeader: {En: `[%s] starts a table, which takes the lines below it (%s) away from the record – remove the line`,
		Sv: `[%s] inleder en tabell, som tar raderna under den (%s) från posten – ta bort raden`},
	KeyTableOfKey: {En: `%s starts a table, which takes the lines below it (%s) – write %s = %s instead`,
		Sv: `%s inleder en tabell, som tar raderna under den (%s) – skriv %s = %s i stället`},
	KeyUnknownMean: {En: `unknown key %q (did you mean %q?)`,
		Sv: `okänd nyckel %q – menade du %q?`},
	KeyUnknownKind: {En: `unknown key %q: %s do not have it`,
		Sv: `nyckeln %q finns inte för %s – ta bort den`},
	KindFolderWrong: {En: `this record has the keys of %[2]s (%[1]s), not of %[3]s: move the file to content/%[4]s/`,
		Sv: `posten har nycklar som hör till %[2]s (%[1]s), inte till %[3]s – flytta filen till content/%[4]s/`},
	KeyMissing: {En: `missing required key %q; add a line that starts with %[1]s =`,
		Sv: `nyckeln %q saknas men måste finnas – lägg till en rad som börjar med %[1]s =`},
	TableMissing: {En: `missing required table [%s]; add the table with its keys`,
		Sv: `tabellen [%s] saknas men måste finnas – lägg till tabellen med dess nycklar`},
	KeyShape: {En: `%s %s`,
		Sv: `%s: %s`},
	ShapeString: {En: `must be text in straight quotes, like "Example"`,
		Sv: `ska vara en text inom raka citattecken, t.ex. "Exempel"`},
	ShapeEmpty: {En: `must not be empty; write its text between the quotes`,
		Sv: `får inte vara tom – skriv texten mellan citattecknen`},
	ShapeDateQuoted: {En: `must be a date like 2026-03-01, written without quotes`,
		Sv: `ska vara ett datum som 2026-03-01, skrivet utan citattecken`},
	ShapeDateQuotedFix: {En: `must be a date like 2026-03-01, written without quotes – write %s = %s`,
		Sv: `ska vara ett datum som 2026-03-01, skrivet utan citattecken – skriv %s = %s`},
	ShapeDateQuotedTwo: {En: `must be a date like 2026-03-01, written without quotes – write %s = %s for %d %s, or %[1]s = %[5]s for %[6]d %[7]s`,
		Sv: `ska vara ett datum som 2026-03-01, skrivet utan citattecken – skriv %s = %s om det är %d %s, eller %[1]s = %[5]s om det är %[6]d %[7]s`},
	ShapeDate: {En: `must be a date like 2026-03-01`,
		Sv: `ska vara ett datum som 2026-03-01 (år-månad-dag)`},
	ShapeDateTime: {En: `must be a date and time like 2026-03-01T13:15:00`,
		Sv: `ska vara datum och klockslag som 2026-03-01T13:15:00`},
	ShapeDateTimeFix: {En: `must be a date and time like 2026-03-01T13:15:00, written without quotes – write %s = %s`,
		Sv: `ska vara datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv %s = %s`},
	ShapeDateTimeTwo: {En: `must be a date and time like 2026-03-01T13:15:00, written without quotes – write %s = %s for %d %s, or %[1]s = %[5]s for %[6]d %[7]s`,
		Sv: `ska vara datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv %s = %s om det är %d %s, eller %[1]s = %[5]s om det är %[6]d %[7]s`},
	ShapeDateOrTimeFix: {En: `must be a date, or a date and time like 2026-03-01T13:15:00, written without quotes – write %s = %s`,
		Sv: `ska vara ett datum, eller datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv %s = %s`},
	ShapeDateOrTimeTwo: {En: `must be a date, or a date and time like 2026-03-01T13:15:00, written without quotes – write %s = %s for %d %s, or %[1]s = %[5]s for %[6]d %[7]s`,
		Sv: `ska vara ett datum, eller datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv %s = %s om det är %d %s, eller %[1]s = %[5]s om det är %[6]d %[7]s`},
	// ShapeDayNoTime ends the message of a date and time written by hand
	// for a key that holds a day (%s, with the line to write) with what
	// becomes of the time, as site.WarnDayTime says it of one written
	// right.
	ShapeDayNoTime: {En: `%s, without the time: %s is a date, and the site counts the whole day; write the time in the text if it matters`,
		Sv: `%s, utan klockslaget: %s är ett datum, och webbplatsen räknar med hela dagen; skriv klockslaget i texten om det behövs`},
	ShapeTimeOnly: {En: `has a time but no day: write the day, like %s`,
		Sv: `har ett klockslag men ingen dag – skriv dagen, t.ex. %s`},
	ShapeInt: {En: `must be a whole number, like 30, without quotes`,
		Sv: `ska vara ett heltal, t.ex. 30, utan citattecken`},
	ShapeQuoted: {En: `must be written %s, without quotes`,
		Sv: `skriv %s utan citattecken`},
	ShapeBool: {En: `must be true (yes) or false (no), without quotes`,
		Sv: `ska vara true (ja) eller false (nej), utan citattecken`},
	ShapeStrings: {En: `must be a list in square brackets, like ["a", "b"]`,
		Sv: `ska vara en lista inom hakparenteser, t.ex. ["a", "b"]`},
	ShapeStringsItem: {En: `must list only texts in quotes, like ["a", "b"]`,
		Sv: `ska bara lista texter inom citattecken, t.ex. ["a", "b"]`},
	ShapeTooMany: {En: `must not list more than %d values`,
		Sv: `får inte ha fler än %d värden`},
	ShapeTables: {En: `must be a list like [{ role = "...", email = "..." }]`,
		Sv: `ska vara en lista som [{ role = "...", email = "..." }]`},
	ShapeSignatories: {En: `must be a list like [{ name = "...", title = "...", org = "..." }]`,
		Sv: `ska vara en lista som [{ name = "...", title = "...", org = "..." }]`},
	VocabTwice: {En: `%s %q is listed twice; remove one`,
		Sv: `%[1]s %[2]q står två gånger – ta bort den ena`},
	VocabUnknown: {En: `unknown %s %q (not in config.toml [%s]); check the spelling`,
		Sv: `%[1]s %[2]q finns inte under [%[3]s] i config.toml – kontrollera stavningen`},
	VocabUnknownList: {En: `unknown %s %q (not in config.toml [%s], which has: %s)`,
		Sv: `%[1]s %[2]q finns inte under [%[3]s] i config.toml – där finns: %[4]s`},
	VocabNoTerms: {En: `unknown %s %q: config.toml [%s] has no terms; add it there, or remove the value`,
		Sv: `%[1]s %[2]q finns inte: [%[3]s] i config.toml har inga termer – lägg till den där eller ta bort värdet`},
	VocabUnknownMean: {En: `unknown %s %q (not in config.toml [%s]; did you mean %q?)`,
		Sv: `%[1]s %[2]q finns inte under [%[3]s] i config.toml – menade du %[4]q?`},
	WordArea: {En: `area`,
		Sv: `området`},
	WordSchool: {En: `school`,
		Sv: `skolan`},
	WordOrganisation: {En: `organisation`,
		Sv: `organisationen`},
	EnumOneOf: {En: `%s must be %s, not %q`,
		Sv: `%[1]s: %[3]q är inte tillåtet – skriv %[2]s`},
	ListOr: {En: `%s or %s`,
		Sv: `%s eller %s`},
	ListAndOr: {En: `%s and/or %s`,
		Sv: `%s och/eller %s`},
	IntMust: {En: `%s must be %s, not %d`,
		Sv: `%[1]s: %[3]d är inte tillåtet – skriv %[2]s`},
	WantFromTo: {En: `from %d to %d`,
		Sv: `ett tal från %d till %d`},
	WantCourse: {En: `a KTH course code like AG2129`,
		Sv: `en KTH-kurskod som AG2129`},
	WantYear: {En: `a year like 2025`,
		Sv: `ett år som 2025`},
	ListNeeds: {En: `%s needs %s`,
		Sv: `%[1]s: ange %[2]s`},
	ListMust: {En: `%s must list %s, not %q`,
		Sv: `%[1]s: %[3]q är inte tillåtet – skriv %[2]s`},
	NeedArea: {En: `at least one area`,
		Sv: `minst ett område`},
	NeedOrganisation: {En: `at least one organisation`,
		Sv: `minst en organisation`},
	NeedTwoOrgs: {En: `at least two organisations`,
		Sv: `minst två organisationer`},
	MustAfter: {En: `%s %s must be after %s %s; check the two`,
		Sv: `%s %s ska vara efter %s %s – kontrollera de två`},
	MustNotBefore: {En: `%s %s is before %s %s; check the two dates`,
		Sv: `%s %s är före %s %s – kontrollera de två datumen`},
	NotNegative: {En: `%s must not be negative`,
		Sv: `%s: talet får inte vara negativt`},
	DateZero: {En: `%s 0001-01-01T00:00:00Z is the zero time, which the program reads as no date; write the real date`,
		Sv: `%s: 0001-01-01T00:00:00Z är nolltiden, som programmet läser som inget datum – skriv det riktiga datumet`},
	LinkMailto: {En: `%s must be an http(s) or mailto: URL, not %q`,
		Sv: `%[1]s: %[2]q är ingen webbadress – skriv en adress som börjar med https:// eller mailto:`},
	LinkMailHeader: {En: `%s: a mailto: link may set only subject and body, not %q, which would send the mail to others too, unseen`,
		Sv: `%s: en mailto:-länk får bara ange subject och body, inte %q, som skickar brevet till fler utan att det syns`},
	LinkMailFragment: {En: `%s: a mailto: link has nothing after #, not %q, which a mail program may read as headers that send the mail to others too, unseen; remove it`,
		Sv: `%s: en mailto:-länk har inget efter #, inte %q, som ett e-postprogram kan läsa som rubriker som skickar brevet till fler utan att det syns – ta bort det`},
	LinkHTTP: {En: `%s must be an http(s) URL, not %q`,
		Sv: `%[1]s: %[2]q är ingen webbadress – skriv en adress som börjar med https://, t.ex. https://www.kth.se/`},
	ContactString: {En: `contacts: %s must be text in quotes`,
		Sv: `contacts: %s ska vara en text inom citattecken`},
	ContactUnknown: {En: `contacts: unknown key %q (a contact has role, email and name)`,
		Sv: `contacts: okänd nyckel %q (en kontakt har role, email och name)`},
	ContactRole: {En: `contacts: each contact needs a role`,
		Sv: `contacts: varje kontakt behöver en roll, t.ex. role = "Handledare"`},
	ContactEmail: {En: `contacts: each contact needs an email`,
		Sv: `contacts: varje kontakt behöver en e-postadress, t.ex. email = "namn@kth.se"`},
	ContactBadEmail: {En: `contacts: %q is not an email address; write it like "name@kth.se"`,
		Sv: `contacts: %q är ingen e-postadress – skriv t.ex. "namn@kth.se"`},
	SignatoryString: {En: `signatories: %s must be text in quotes`,
		Sv: `signatories: %s ska vara en text inom citattecken`},
	SignatoryUnknown: {En: `signatories: unknown key %q (a signatory has name, title and org)`,
		Sv: `signatories: okänd nyckel %q (en undertecknare har name, title och org)`},
	SignatoryNeeds: {En: `signatories: each signatory needs name, title and org`,
		Sv: `signatories: varje undertecknare behöver name, title och org`},
	TerminatedDate: {En: `a terminated agreement needs the date it ended: add terminated = YYYY-MM-DD`,
		Sv: `ett uppsagt avtal behöver datumet då det upphörde – lägg till terminated = ÅÅÅÅ-MM-DD`},
	TerminatedStatus: {En: `terminated has a date but status is not "terminated"; change status or remove terminated`,
		Sv: `terminated har ett datum men status är inte "terminated" – ändra status eller ta bort terminated`},
}
