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
	SyntaxDateFormFix  ID = "syntax.date-form-fix"
	SyntaxDateFormTwo  ID = "syntax.date-form-two"
	SyntaxTime         ID = "syntax.time"
	SyntaxTimeFix      ID = "syntax.time-fix"
	SyntaxTimeTwo      ID = "syntax.time-two"
	SyntaxKeyTwice     ID = "syntax.key-twice"
	SyntaxTableTwice   ID = "syntax.table-twice"
	SyntaxTypoQuotes   ID = "syntax.typo-quotes"
	SyntaxBoolCase     ID = "syntax.bool-case"
	SyntaxOddSpace     ID = "syntax.odd-space"
	SyntaxSpaceAt      ID = "syntax.space-at"
	WordNoBreakSpace   ID = "word.no-break-space"
	WordSpecialSpace   ID = "word.special-space"
	SyntaxKeyLetters   ID = "syntax.key-letters"
	SyntaxInvisible    ID = "syntax.invisible"
	SyntaxDateDashes   ID = "syntax.date-dashes"
	SyntaxNoEquals     ID = "syntax.no-equals"
	SyntaxNoEqualsOnly ID = "syntax.no-equals-only"
	SyntaxTableOpen    ID = "syntax.table-open"
	SyntaxUnclosed     ID = "syntax.unclosed"
	SyntaxUnclosedLong ID = "syntax.unclosed-long"
	SyntaxNoValue      ID = "syntax.no-value"
	SyntaxUnquoted     ID = "syntax.unquoted"
	SyntaxValue        ID = "syntax.value"
	SyntaxNumberUnit   ID = "syntax.number-unit"
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
	SyntaxInnerQuote   ID = "syntax.inner-quote"
	SyntaxKeysOneLine  ID = "syntax.keys-one-line"
	SyntaxBackslash    ID = "syntax.backslash"
	SyntaxColon        ID = "syntax.colon"
	SyntaxColonOnly    ID = "syntax.colon-only"
)

var commonTexts = map[ID]Text{
	WarningPrefix: {En: `warning: %s`,
		Sv: `varning: %s`},
	TOMLInvalid: {En: `invalid TOML: %s`,
		Sv: `raden går inte att läsa – kontrollera citattecken, hakparenteser och likhetstecken (%s)`},
	LimitNesting: {En: `arrays and inline tables nest more than %d levels deep`,
		Sv: `listor och tabeller ligger mer än %d nivåer inuti varandra – förenkla`},
	LimitDots: {En: `dotted key has more than %d parts`,
		Sv: `nyckeln har fler än %d delar med punkt emellan – förenkla`},
	SyntaxNoDay: {En: `%s: %s does not exist – %s %d has %d days`,
		Sv: `%s: %s finns inte – %s %d har %d dagar`},
	SyntaxNoMonth: {En: `%s: %s does not exist – a year has 12 months; write year-month-day, like 2027-02-28`,
		Sv: `%s: %s finns inte – ett år har 12 månader; skriv år-månad-dag, t.ex. 2027-02-28`},
	SyntaxDateForm: {En: `%s: %s is not a date the site can read – write year-month-day with two digits for month and day, without quotes, like 2027-02-28`,
		Sv: `%s: %s är inget datum som webbplatsen kan läsa – skriv år-månad-dag med två siffror för månad och dag, utan citattecken, t.ex. 2027-02-28`},
	SyntaxDateFormFix: {En: `%s: %s is not a date the site can read – dates are written year-month-day, without quotes: write %[1]s = %[3]s`,
		Sv: `%s: %s är inget datum som webbplatsen kan läsa – datum skrivs år-månad-dag, utan citattecken: skriv %[1]s = %[3]s`},
	SyntaxDateFormTwo: {En: `%s: %s is not a date the site can read – dates are written year-month-day, without quotes: write %[1]s = %[3]s for %[4]d %[5]s, or %[1]s = %[6]s for %[7]d %[8]s`,
		Sv: `%s: %s är inget datum som webbplatsen kan läsa – datum skrivs år-månad-dag, utan citattecken: skriv %[1]s = %[3]s om det är %[4]d %[5]s, eller %[1]s = %[6]s om det är %[7]d %[8]s`},
	SyntaxTime: {En: `%s: %s is not a date and time – write it like 2027-02-28T13:15:00`,
		Sv: `%s: %s är ingen tidpunkt – skriv den som 2027-02-28T13:15:00`},
	SyntaxTimeFix: {En: `%s: %s is not a date and time the site can read – a date and time is written year-month-day, T and the time with seconds, without quotes: write %[1]s = %[3]s`,
		Sv: `%s: %s är ingen tidpunkt som webbplatsen kan läsa – datum och klockslag skrivs år-månad-dag, T och klockslaget med sekunder, utan citattecken: skriv %[1]s = %[3]s`},
	SyntaxTimeTwo: {En: `%s: %s is not a date and time the site can read – a date and time is written year-month-day, T and the time with seconds, without quotes: write %[1]s = %[3]s for %[4]d %[5]s, or %[1]s = %[6]s for %[7]d %[8]s`,
		Sv: `%s: %s är ingen tidpunkt som webbplatsen kan läsa – datum och klockslag skrivs år-månad-dag, T och klockslaget med sekunder, utan citattecken: skriv %[1]s = %[3]s om det är %[4]d %[5]s, eller %[1]s = %[6]s om det är %[7]d %[8]s`},
	SyntaxKeyTwice: {En: `%s is set twice – remove one of the lines`,
		Sv: `%s står två gånger – ta bort en av raderna`},
	SyntaxTableTwice: {En: `%s is there twice – give the second its own name, or remove one of them`,
		Sv: `%s står två gånger – ge den andra ett eget namn, eller ta bort den ena`},
	SyntaxTableOpen: {En: `%s has no closing ] – end the line with ]`,
		Sv: `%s saknar avslutande ] – avsluta raden med ]`},
	SyntaxUnclosed: {En: `%s: the text has no closing quote – end it with " on the same line`,
		Sv: `%s: texten saknar avslutande citattecken – avsluta den med " på samma rad`},
	SyntaxUnclosedLong: {En: `%s: the text opened with %s here is never closed – end it with %[2]s where it ends`,
		Sv: `%s: texten som börjar med %s här avslutas aldrig – skriv %[2]s där den slutar`},
	SyntaxNoValue: {En: `%s has no value – write one after =, like %[1]s = "…"`,
		Sv: `%s saknar värde – skriv ett efter =, t.ex. %[1]s = "…"`},
	SyntaxUnquoted: {En: `%s: %s is text and needs quotes – write %[1]s = %[3]s`,
		Sv: `%s: %s är text och behöver citattecken – skriv %[1]s = %[3]s`},
	SyntaxValue: {En: `%s: %s cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`,
		Sv: `%s: %s går inte att läsa – text skrivs inom citattecken ("…"), datum som 2027-02-28, tal som 30, listor som ["a", "b"]`},
	SyntaxNumberUnit: {En: `%s: %s cannot be read – write the number alone, without its unit: %[1]s = %[3]s`,
		Sv: `%s: %s går inte att läsa – skriv bara talet, utan enhet: %[1]s = %[3]s`},
	Month1: {En: `January`,
		Sv: `januari`},
	Month2: {En: `February`,
		Sv: `februari`},
	Month3: {En: `March`,
		Sv: `mars`},
	Month4: {En: `April`,
		Sv: `april`},
	Month5: {En: `May`,
		Sv: `maj`},
	Month6: {En: `June`,
		Sv: `juni`},
	Month7: {En: `July`,
		Sv: `juli`},
	Month8: {En: `August`,
		Sv: `augusti`},
	Month9: {En: `September`,
		Sv: `september`},
	Month10: {En: `October`,
		Sv: `oktober`},
	Month11: {En: `November`,
		Sv: `november`},
	Month12: {En: `December`,
		Sv: `december`},
	SyntaxUnclosedList: {En: `%s: the list cannot be read – separate its values with commas and end it with ], like %[1]s = ["a", "b"]`,
		Sv: `%s: listan går inte att läsa – skilj värdena åt med kommatecken och avsluta den med ], t.ex. %[1]s = ["a", "b"]`},
	SyntaxKeysOneLine: {En: `%s: each key goes on a line of its own – start a new line before %[1]s =`,
		Sv: `%s: varje nyckel skrivs på en egen rad – börja en ny rad före %[1]s =`},
	SyntaxInnerQuote: {En: `%s: the text has a " inside it, which ends the text there – write \" for a quote inside the text, or use typographic quotes (”…”)`,
		Sv: `%s: texten har ett " inuti sig, som avslutar texten där – skriv \" för ett citattecken inne i texten, eller använd typografiska citattecken (”…”)`},
	SyntaxColonOnly: {En: `%s: a key and its value are joined by =, not ":"`,
		Sv: `%s: nyckel och värde skrivs med = emellan, inte ":"`},
	SyntaxTypoQuotes: {En: `%s: %s has typographic quotes, which the site cannot read; type straight ones – write %[1]s = %[3]s`,
		Sv: `%s: %s har typografiska citattecken, som webbplatsen inte kan läsa; använd raka – skriv %[1]s = %[3]s`},
	SyntaxBoolCase: {En: `%s: %s is no value the site reads; true and false are written in lower case – write %[1]s = %[3]s`,
		Sv: `%s: %s är inget värde som webbplatsen läser; true och false skrivs med små bokstäver – skriv %[1]s = %[3]s`},
	SyntaxOddSpace: {En: `%s: the line has a space the site does not read as one (%U, a non-breaking or other special space) – delete it and type a plain space`,
		Sv: `%s: raden har ett mellanslag som webbplatsen inte läser som ett (%U, ett hårt eller annat särskilt mellanslag) – ta bort det och skriv ett vanligt mellanslag`},
	SyntaxSpaceAt: {En: `the line has %s (%U), which the site does not read as a space – delete it and type a plain space`,
		Sv: `raden har %s (%U), som webbplatsen inte läser som ett mellanslag – ta bort det och skriv ett vanligt mellanslag`},
	WordNoBreakSpace: {En: `a non-breaking space`,
		Sv: `ett hårt mellanslag`},
	WordSpecialSpace: {En: `a special space`,
		Sv: `ett särskilt mellanslag`},
	SyntaxDateDashes: {En: `%s: %s has dashes (–) where a date has hyphens (-), as a word processor writes them – write %[1]s = %[3]s`,
		Sv: `%s: %s har tankstreck (–) där ett datum har bindestreck (-), som ordbehandlare skriver dem – skriv %[1]s = %[3]s`},
	SyntaxInvisible: {En: `%s: the line has an invisible character (%U, a zero-width space or similar, usually pasted) – delete it: retype the line`,
		Sv: `%s: raden har ett osynligt tecken (%U, ett nollbrett mellanslag eller liknande, oftast inklistrat) – ta bort det: skriv om raden`},
	SyntaxKeyLetters: {En: `%q is no key the site reads: a key has the letters a–z, digits, - and _ only; spell it as in docs/EDITING.md`,
		Sv: `%q är ingen nyckel som webbplatsen läser: en nyckel har bara bokstäverna a–z, siffror, - och _ – stava den som i docs/EDITING.md`},
	SyntaxNoEqualsOnly: {En: `%s: a key and its value are joined by =`,
		Sv: `%s: nyckel och värde skrivs med = emellan`},
	SyntaxNoEquals: {En: `%s: a key and its value are joined by = – write %[1]s = %s`,
		Sv: `%s: nyckel och värde skrivs med = emellan – skriv %[1]s = %s`},
	SyntaxColon: {En: `%s: a key and its value are joined by =, not ":" – write %[1]s = %s`,
		Sv: `%s: nyckel och värde skrivs med = emellan, inte ":" – skriv %[1]s = %s`},
	SyntaxBackslash: {En: `%s: %s has a backslash (\) the site cannot read – write \\ for each backslash in the text`,
		Sv: `%s: %s har ett omvänt snedstreck (\) som inte går att läsa – skriv \\ för varje omvänt snedstreck i texten`},
}
