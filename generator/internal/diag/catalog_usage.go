package diag

import "strings"

// The command line's help, and what version says to arguments.
const (
	Usage        ID = "cli.usage"
	UsageOptions ID = "cli.usage-options"
	VersionArgs  ID = "cli.version-args"
)

var usageTexts = map[ID]Text{
	Usage: {En: `usage:
  portal [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]      build the site into public/
  portal check [-root DIR] [-now TIME] [-drafts] [-format text|json] [-strict] [FILE...]
                                                                   validate without writing; with
                                                                   FILEs, report only their problems
  portal serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR] [-now TIME] [-open]
                                                                   live preview with drafts; -open
                                                                   opens it in the browser
  portal new KIND "Title" [-lang en] [-name NAME] [-root DIR] [-now TIME]
                                                                   create a new record
  portal version                                                   the release and commit of this program
  portal schema [-root DIR] [-out DIR]                             JSON Schemas of the front matter
                                                                   of each kind, for editors' tools

TIME is RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01); without
-now, SOURCE_DATE_EPOCH (seconds) is used, else the clock. build keeps the
modification time of a file whose bytes did not change; with
SOURCE_DATE_EPOCH, new and changed files and every folder get that time
(-now never sets it). build, check and serve take -lang sv|en, the
language of their messages; without it, LC_ALL, LC_MESSAGES or LANG decides
(sv… is Swedish, anything else English), on Windows the language of
Windows. Started by a double-click in the folder of a site, the program
previews it as serve -open does. In a checkout of the sources,
go run ./generator stands for portal.
`,
		Sv: `så här:
  portal [build] [-root MAPP] [-out MAPP] [-now TID] [-drafts]     bygg webbplatsen till public/
  portal check [-root MAPP] [-now TID] [-drafts] [-format text|json] [-strict] [FIL...]
                                                                   kontrollera utan att skriva; med
                                                                   FILer visas bara deras problem
  portal serve [-root MAPP] [-addr 127.0.0.1:1313] [-out MAPP] [-now TID] [-open]
                                                                   förhandsvisning med utkast; -open
                                                                   öppnar den i webbläsaren
  portal new SORT "Titel" [-lang en] [-name NAMN] [-root MAPP] [-now TID]
                                                                   skapa en ny post
  portal version                                                   programmets version och commit
  portal schema [-root MAPP] [-out MAPP]                           JSON-scheman för postens huvud,
                                                                   per sort, för redigerarens verktyg

TID är ett datum (2026-03-01) eller en tidpunkt (2026-03-01T12:00:00+01:00);
utan -now gäller SOURCE_DATE_EPOCH (sekunder), annars klockan. build
behåller ändringstiden för en fil vars innehåll inte ändrats; med
SOURCE_DATE_EPOCH får nya och ändrade filer och varje mapp den tiden
(-now sätter den aldrig). build, check och serve tar -lang sv|en,
meddelandenas språk; utan det avgör LC_ALL, LC_MESSAGES eller LANG (sv…
ger svenska, allt annat engelska), i Windows det språk Windows visar.
Startat med dubbelklick i mappen för en webbplats förhandsvisar programmet
den, som serve -open gör. I en utcheckning av källkoden står
go run ./generator för portal.
`},
	UsageOptions: {En: `options:`, Sv: `val:`},
	FlagDefault:  {En: `default`, Sv: `standard`},
	FlagString:   {En: `string`, Sv: `text`},
	VersionArgs: {En: `version takes no arguments`,
		Sv: `version tar inga argument`},
}

// UsageText is the command line's help in lang. It has several lines, so
// it is taken from the catalog as it is: Message.Text would write its line
// breaks as \n, to keep a message on one line.
func UsageText(lang Lang) string { return usageTexts[Usage].In(lang) }

// UsageWord is the word id of the options' lines of the help in lang.
func UsageWord(id ID, lang Lang) string { return usageTexts[id].In(lang) }

// CommandUsage is the help of one command in lang, as -h after it prints
// it before its options: the first line of UsageText, the command's line
// (with its arguments, which its options do not show) and the lines that
// go on with it, then the word that introduces the options.
func CommandUsage(cmd string, lang Lang) string {
	lines := strings.Split(UsageText(lang), "\n")
	start := "  portal " + cmd + " "
	if cmd == "build" {
		start = "  portal [build] "
	}
	out := []string{lines[0]}
	for i, line := range lines {
		if !strings.HasPrefix(line, start) {
			continue
		}
		out = append(out, line)
		for _, more := range lines[i+1:] {
			if !strings.HasPrefix(more, "    ") {
				break
			}
			out = append(out, more)
		}
		break
	}
	return strings.Join(out, "\n") + "\n\n" + usageTexts[UsageOptions].In(lang) + "\n"
}
