package diag

// The messages of the commands (packages main, scaffold and output).
const (
	WordError           ID = "word.error"
	WordErrors          ID = "word.errors"
	WordWarning         ID = "word.warning"
	WordWarnings        ID = "word.warnings"
	WordFile            ID = "word.file"
	WordFiles           ID = "word.files"
	CheckOK             ID = "cli.check-ok"
	CheckCount          ID = "cli.check-count"
	CheckCountWarnings  ID = "cli.check-count-warnings"
	CLIUnknownCommand   ID = "cli.unknown-command"
	CLIExtraArgs        ID = "cli.extra-args"
	CLIFormat           ID = "cli.format"
	CLILang             ID = "cli.lang"
	CLINow              ID = "cli.now"
	CLIEpoch            ID = "cli.epoch"
	CLIFileMissing      ID = "cli.file-missing"
	CLIFileOutside      ID = "cli.file-outside"
	BuildFailed         ID = "cli.build-failed"
	NewUsage            ID = "cli.new-usage"
	NewUnknownKind      ID = "cli.new-kind"
	NewUnknownLang      ID = "cli.new-lang"
	NewWrote            ID = "cli.new-wrote"
	NewWroteTranslation ID = "cli.new-wrote-translation"
	NewNoSlug           ID = "cli.new-no-slug"
	NewBadName          ID = "cli.new-bad-name"
	NewExists           ID = "cli.new-exists"
	NewEmptyTitle       ID = "cli.new-empty-title"
	NewTitleUTF8        ID = "cli.new-title-utf8"
	NewKind             ID = "cli.new-kind-scaffold"
	NewLang             ID = "cli.new-lang-scaffold"
	OutInSources        ID = "cli.out-in-sources"
	OutHasRoot          ID = "cli.out-has-root"
	OutIsFile           ID = "cli.out-is-file"
)

var cliTexts = map[ID]texts{
	WordError: {en: `error`,
		sv: `fel`},
	WordErrors: {en: `errors`,
		sv: `fel`},
	WordWarning: {en: `warning`,
		sv: `varning`},
	WordWarnings: {en: `warnings`,
		sv: `varningar`},
	WordFile: {en: `file`,
		sv: `fil`},
	WordFiles: {en: `files`,
		sv: `filer`},
	CheckOK: {en: `ok: %d %s checked, 0 errors, %d %s`,
		sv: `inga fel: %d %s kontrollerade, 0 fel, %d %s`},
	CheckCount: {en: `%d %s`,
		sv: `%d %s`},
	CheckCountWarnings: {en: `%d %s, %d %s`,
		sv: `%d %s, %d %s`},
	CLIUnknownCommand: {en: `unknown command %q`,
		sv: `okänt kommando %q`},
	CLIExtraArgs: {en: `%s: unexpected argument %q (generator help lists the options)`,
		sv: `%s: oväntat argument %q (generator help visar vilka val som finns)`},
	CLIFormat: {en: `check: -format %q: want text or json`,
		sv: `check: -format %q går inte – skriv text eller json`},
	CLILang: {en: `%s: -lang %q: want sv or en`,
		sv: `%s: -lang %q går inte – skriv sv eller en`},
	CLINow: {en: `-now %q: want RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01)`,
		sv: `-now %q går inte – skriv ett datum som 2026-03-01 eller en tidpunkt som 2026-03-01T12:00:00+01:00`},
	CLIEpoch: {en: `SOURCE_DATE_EPOCH %q: want whole seconds since 1970`,
		sv: `SOURCE_DATE_EPOCH %q går inte – skriv hela sekunder sedan 1970`},
	CLIFileMissing: {en: `check: %s: no such file in the site root %s`,
		sv: `check: %s: filen finns inte i webbplatsens mapp %s`},
	CLIFileOutside: {en: `check: %s is not inside the site root %s`,
		sv: `check: %s ligger inte i webbplatsens mapp %s`},
	BuildFailed: {en: `build failed, %s left as it was: %v`,
		sv: `bygget misslyckades, %s lämnades orörd: %v`},
	NewUsage: {en: `usage: generator new KIND "Title" [-lang en] [-name NAME] [-root DIR]`,
		sv: `så här: generator new SORT "Titel" [-lang en] [-name NAMN] [-root MAPP]`},
	NewUnknownKind: {en: `new: unknown kind %q (kinds: %s, %s)`,
		sv: `new: %q är ingen sort – sorterna är: %s, %s`},
	NewUnknownLang: {en: `new: unknown language %q (config.toml languages: %s)`,
		sv: `new: okänt språk %q – språken i config.toml är: %s`},
	NewWrote: {en: `wrote %s: replace every TODO; check lists what is left`,
		sv: `skrev %s: ersätt varje TODO; check visar vad som återstår`},
	NewWroteTranslation: {en: `wrote %s: translate the title and the text; every other key comes from the %s file`,
		sv: `skrev %s: översätt titeln och texten; alla andra nycklar kommer från filen på %s`},
	NewNoSlug: {en: `title %q has no letters or digits to make a file name from; give one with -name`,
		sv: `titeln %q har inga bokstäver eller siffror att göra ett filnamn av – ange ett med -name`},
	NewBadName: {en: `name %q must be lowercase letters, digits and single hyphens`,
		sv: `namnet %q går inte – använd små bokstäver a–z, siffror och enstaka bindestreck`},
	NewExists: {en: `%s already exists; edit it, or choose another title or -name`,
		sv: `%s finns redan – redigera den, eller välj en annan titel eller -name`},
	NewEmptyTitle: {en: `the title must not be empty`,
		sv: `titeln får inte vara tom`},
	NewTitleUTF8: {en: `the title is not valid UTF-8`,
		sv: `titeln är inte giltig UTF-8`},
	NewKind: {en: `unknown kind %q (kinds: %s)`,
		sv: `%q är ingen sort – sorterna är: %s`},
	NewLang: {en: `unknown language %q (config.toml languages: %s)`,
		sv: `okänt språk %q – språken i config.toml är: %s`},
	OutInSources: {en: `-out %s is inside the sources (%s)`,
		sv: `-out %s ligger bland källfilerna (%s) – välj en mapp utanför dem`},
	OutHasRoot: {en: `-out %s contains the site root`,
		sv: `-out %s innehåller webbplatsens mapp – välj en annan mapp`},
	OutIsFile: {en: `-out %s is a file, not a folder`,
		sv: `-out %s är en fil, inte en mapp`},
}
