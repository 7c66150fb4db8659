package diag

// The messages of every file: warnings, TOML syntax and limits (package diag).
const (
	WarningPrefix      ID = "common.warning"
	TOMLInvalid        ID = "toml.invalid"
	LimitNesting       ID = "toml.nesting"
	LimitDots          ID = "toml.dots"
	SyntaxNoDay        ID = "syntax.no-day"
	SyntaxNoMonth      ID = "syntax.no-month"
	SyntaxDateForm     ID = "syntax.date-form"
	SyntaxTime         ID = "syntax.time"
	SyntaxKeyTwice     ID = "syntax.key-twice"
	SyntaxUnclosed     ID = "syntax.unclosed"
	SyntaxNoValue      ID = "syntax.no-value"
	SyntaxUnquoted     ID = "syntax.unquoted"
	SyntaxValue        ID = "syntax.value"
	Month1             ID = "month.1"
	Month2             ID = "month.2"
	Month3             ID = "month.3"
	Month4             ID = "month.4"
	Month5             ID = "month.5"
	Month6             ID = "month.6"
	Month7             ID = "month.7"
	Month8             ID = "month.8"
	Month9             ID = "month.9"
	Month10            ID = "month.10"
	Month11            ID = "month.11"
	Month12            ID = "month.12"
	SyntaxUnclosedList ID = "syntax.unclosed-list"
)

var commonTexts = map[ID]texts{
	WarningPrefix: {en: `warning: %s`,
		sv: `varning: %s`},
	TOMLInvalid: {en: `invalid TOML: %s`,
		sv: `raden går inte att läsa – kontrollera citattecken, hakparenteser och likhetstecken (%s)`},
	LimitNesting: {en: `arrays and inline tables nest more than %d levels deep`,
		sv: `listor och tabeller ligger mer än %d nivåer inuti varandra – förenkla`},
	LimitDots: {en: `dotted key has more than %d parts`,
		sv: `nyckeln har fler än %d delar med punkt emellan – förenkla`},
	SyntaxNoDay: {en: `%s: %s does not exist – %s %d has %d days`,
		sv: `%s: %s finns inte – %s %d har %d dagar`},
	SyntaxNoMonth: {en: `%s: %s does not exist – a year has 12 months; write year-month-day, like 2027-02-28`,
		sv: `%s: %s finns inte – ett år har 12 månader; skriv år-månad-dag, t.ex. 2027-02-28`},
	SyntaxDateForm: {en: `%s: %s is not a date the site can read – write year-month-day with two digits for month and day, without quotes, like 2027-02-28`,
		sv: `%s: %s är inget datum som webbplatsen kan läsa – skriv år-månad-dag med två siffror för månad och dag, utan citattecken, t.ex. 2027-02-28`},
	SyntaxTime: {en: `%s: %s is not a date and time – write it like 2027-02-28T13:15:00`,
		sv: `%s: %s är ingen tidpunkt – skriv den som 2027-02-28T13:15:00`},
	SyntaxKeyTwice: {en: `%s is set twice – remove one of the lines`,
		sv: `%s står två gånger – ta bort en av raderna`},
	SyntaxUnclosed: {en: `%s: the text has no closing quote – end it with " on the same line`,
		sv: `%s: texten saknar avslutande citattecken – avsluta den med " på samma rad`},
	SyntaxNoValue: {en: `%s has no value – write one after =, like %[1]s = "…"`,
		sv: `%s saknar värde – skriv ett efter =, t.ex. %[1]s = "…"`},
	SyntaxUnquoted: {en: `%s: %s is text and needs quotes – write %[1]s = "%[2]s"`,
		sv: `%s: %s är text och behöver citattecken – skriv %[1]s = "%[2]s"`},
	SyntaxValue: {en: `%s: %s cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`,
		sv: `%s: %s går inte att läsa – text skrivs inom citattecken ("…"), datum som 2027-02-28, tal som 30, listor som ["a", "b"]`},
	Month1: {en: `January`,
		sv: `januari`},
	Month2: {en: `February`,
		sv: `februari`},
	Month3: {en: `March`,
		sv: `mars`},
	Month4: {en: `April`,
		sv: `april`},
	Month5: {en: `May`,
		sv: `maj`},
	Month6: {en: `June`,
		sv: `juni`},
	Month7: {en: `July`,
		sv: `juli`},
	Month8: {en: `August`,
		sv: `augusti`},
	Month9: {en: `September`,
		sv: `september`},
	Month10: {en: `October`,
		sv: `oktober`},
	Month11: {en: `November`,
		sv: `november`},
	Month12: {en: `December`,
		sv: `december`},
	SyntaxUnclosedList: {en: `%s: the list cannot be read – separate its values with commas and end it with ], like %[1]s = ["a", "b"]`,
		sv: `%s: listan går inte att läsa – skilj värdena åt med kommatecken och avsluta den med ], t.ex. %[1]s = ["a", "b"]`},
}
