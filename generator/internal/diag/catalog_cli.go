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
	CLINoRoot           ID = "cli.no-root"
	BuildFailed         ID = "cli.build-failed"
	BuildWarnings       ID = "cli.build-warnings"
	BuildWarningsMore   ID = "cli.build-warnings-more"
	NewUsage            ID = "cli.new-usage"
	NewUnknownKind      ID = "cli.new-kind"
	NewUnknownKindMean  ID = "cli.new-kind-mean"
	NewUnknownLang      ID = "cli.new-lang"
	NewWrote            ID = "cli.new-wrote"
	NewWroteTranslation ID = "cli.new-wrote-translation"
	NewWroteOwn         ID = "cli.new-wrote-own"
	SchemaWrote         ID = "cli.schema-wrote"
	NewNoSlug           ID = "cli.new-no-slug"
	NewBadName          ID = "cli.new-bad-name"
	NewBadNameAs        ID = "cli.new-bad-name-as"
	NewReservedName     ID = "cli.new-reserved-name"
	NewExists           ID = "cli.new-exists"
	NewNameSegment      ID = "cli.new-name-segment"
	NewNamePage         ID = "cli.new-name-page"
	NewRenamedSegment   ID = "cli.new-renamed-segment"
	NewRenamedPage      ID = "cli.new-renamed-page"
	NewBesideLone       ID = "cli.new-beside-lone"
	NewEmptyTitle       ID = "cli.new-empty-title"
	NewTitleUTF8        ID = "cli.new-title-utf8"
	NewKind             ID = "cli.new-kind-scaffold"
	NewLang             ID = "cli.new-lang-scaffold"
	CLIClickServe       ID = "cli.click-serve"
	CLIPressEnter       ID = "cli.press-enter"
	OutInSources        ID = "cli.out-in-sources"
	OutHasRoot          ID = "cli.out-has-root"
	OutIsFile           ID = "cli.out-is-file"
	OutLocked           ID = "cli.out-locked"
	OutLinkUnreachable  ID = "cli.out-link-unreachable"
	OutStagingUnclean   ID = "cli.out-staging-unclean"
	OutSetAside         ID = "cli.out-set-aside"
	OutLinkInWay        ID = "cli.out-link-in-way"
	SummaryProgram      ID = "cli.summary-program"
	SummaryRead         ID = "cli.summary-read"
	SummaryRecords      ID = "cli.summary-records"
	SummaryUnaccounted  ID = "cli.summary-unaccounted"
	SummaryWrote        ID = "cli.summary-wrote"
	SummaryFast         ID = "cli.summary-fast"
	SummarySlow         ID = "cli.summary-slow"
	SummaryTime         ID = "cli.summary-time"
	PhaseLoad           ID = "cli.phase-load"
	PhaseModel          ID = "cli.phase-model"
	PhaseBodies         ID = "cli.phase-bodies"
	PhasePages          ID = "cli.phase-pages"
	PhaseFeeds          ID = "cli.phase-feeds"
	PhasePublish        ID = "cli.phase-publish"
)

var cliTexts = map[ID]Text{
	// The summary of a build, a line each, the label padded to 9 columns.
	SummaryProgram: {En: `program  %s`,
		Sv: `version  %s`},
	SummaryRead: {En: `read     %d files in %d records: %s`,
		Sv: `läste    %d filer i %d poster: %s`},
	SummaryRecords: {En: `records  %d published, %d pages, %d drafts, %d scheduled, %d expired, %d closed or archived`,
		Sv: `poster   %d publicerade, %d sidor, %d utkast, %d schemalagda, %d utgångna, %d stängda eller arkiverade`},
	SummaryUnaccounted: {En: `warning  %d files and %d records not accounted for (a generator bug)`,
		Sv: `varning  %d filer och %d poster som inte räknats med (ett fel i programmet)`},
	SummaryWrote: {En: `wrote    %d pages, %d files (%.1f MB) to %s`,
		Sv: `skrev    %d sidor, %d filer (%.1f MB) till %s`},
	SummaryFast: {En: `templates fast executor, %d executions handed back to html/template`,
		Sv: `mallar   snabb körning, %d körningar lämnade till html/template`},
	SummarySlow: {En: `templates html/template alone (-fast-templates=false)`,
		Sv: `mallar   bara html/template (-fast-templates=false)`},
	SummaryTime: {En: `time     %s, total %s`,
		Sv: `tid      %s, totalt %s`},
	// The phases the summary's time line names (pipeline.Phase).
	PhaseLoad:    {En: `load`, Sv: `inläsning`},
	PhaseModel:   {En: `model`, Sv: `modell`},
	PhaseBodies:  {En: `bodies+records`, Sv: `texter+poster`},
	PhasePages:   {En: `pages`, Sv: `sidor`},
	PhaseFeeds:   {En: `feeds+search`, Sv: `flöden+sök`},
	PhasePublish: {En: `publish`, Sv: `publicering`},
	WordError: {En: `error`,
		Sv: `fel`},
	WordErrors: {En: `errors`,
		Sv: `fel`},
	WordWarning: {En: `warning`,
		Sv: `varning`},
	WordWarnings: {En: `warnings`,
		Sv: `varningar`},
	// WordFile and WordFiles carry the participle of CheckOK in
	// Swedish, which agrees with the number: 1 fil kontrollerad, 2 filer
	// kontrollerade.
	WordFile: {En: `file`,
		Sv: `fil kontrollerad`},
	WordFiles: {En: `files`,
		Sv: `filer kontrollerade`},
	CheckOK: {En: `ok: %d %s checked, 0 errors, %d %s`,
		Sv: `inga fel: %d %s, 0 fel, %d %s`},
	CheckCount: {En: `%d %s`,
		Sv: `%d %s`},
	CheckCountWarnings: {En: `%d %s, %d %s`,
		Sv: `%d %s, %d %s`},
	CLIUnknownCommand: {En: `unknown command %q`,
		Sv: `okänt kommando %q`},
	CLIExtraArgs: {En: `%s: unexpected argument %q (portal help lists the options)`,
		Sv: `%s: oväntat argument %q (portal help visar vilka val som finns)`},
	CLIFormat: {En: `check: -format %q: want text or json`,
		Sv: `check: -format %q går inte – skriv text eller json`},
	CLILang: {En: `%s: -lang %q: want sv or en`,
		Sv: `%s: -lang %q går inte – skriv sv eller en`},
	CLINow: {En: `-now %q: want RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01)`,
		Sv: `-now %q går inte – skriv ett datum som 2026-03-01 eller en tidpunkt som 2026-03-01T12:00:00+01:00`},
	CLIEpoch: {En: `SOURCE_DATE_EPOCH %q: want whole seconds since 1970`,
		Sv: `SOURCE_DATE_EPOCH %q går inte – skriv hela sekunder sedan 1970`},
	CLIFileMissing: {En: `check: %s: no such file in the site root %s`,
		Sv: `check: %s: filen finns inte i webbplatsens mapp %s`},
	CLINoRoot: {En: `%s: the site folder %s does not exist or is not a folder; give -root the folder that holds config.toml`,
		Sv: `%s: mappen %s finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger`},
	CLIFileOutside: {En: `check: %s is not inside the site root %s`,
		Sv: `check: %s ligger inte i webbplatsens mapp %s`},
	BuildWarnings: {En: `%d %s: the site was built, but check -strict (as CI checks content) refuses them`,
		Sv: `%d %s: webbplatsen byggdes, men check -strict (som CI kör på innehållet) godtar dem inte`},
	BuildWarningsMore: {En: `%d %s, the first %d above (portal check lists them all): the site was built, but check -strict (as CI checks content) refuses them`,
		Sv: `%d %s, de %d första ovan (portal check visar alla): webbplatsen byggdes, men check -strict (som CI kör på innehållet) godtar dem inte`},
	BuildFailed: {En: `build failed, %s left as it was: %v`,
		Sv: `bygget misslyckades, %s lämnades orörd: %v`},
	NewUsage: {En: `usage: portal new KIND "Title" [-lang en] [-name NAME] [-root DIR] [-now TIME]`,
		Sv: `så här: portal new SORT "Titel" [-lang en] [-name NAMN] [-root MAPP] [-now TID]`},
	NewUnknownKind: {En: `new: unknown kind %q (kinds: %s, %s)`,
		Sv: `new: %q är ingen sort – sorterna är: %s, %s`},
	NewUnknownKindMean: {En: `new: unknown kind %q (did you mean %q? kinds: %s, %s)`,
		Sv: `new: %q är ingen sort – menade du %q? Sorterna är: %s, %s`},
	NewUnknownLang: {En: `new: unknown language %q (config.toml languages: %s)`,
		Sv: `new: okänt språk %q – språken i config.toml är: %s`},
	NewWrote: {En: `wrote %s: replace every TODO; check lists what is left`,
		Sv: `skrev %s: ersätt varje TODO; check visar vad som återstår`},
	NewWroteTranslation: {En: `wrote %s: translate the title and the text; every other key comes from the %s file`,
		Sv: `skrev %s: översätt titeln och texten; alla andra nycklar hämtas från posten på språket %s`},
	SchemaWrote: {En: `wrote %d schemas to %s (<kind>.schema.json)`,
		Sv: `skrev %d scheman till %s (<sort>.schema.json)`},
	NewWroteOwn: {En: `wrote %s: a record of its own, in %s only, as there is no %s to translate; replace every TODO; check lists what is left`,
		Sv: `skrev %s: en egen post, bara på språket %s, eftersom det inte finns någon %s att översätta; ersätt varje TODO; check visar vad som återstår`},
	NewNoSlug: {En: `title %q has no letters or digits to make a file name from; give one with -name`,
		Sv: `titeln %q har inga bokstäver eller siffror att göra ett filnamn av – ange ett med -name`},
	NewBadName: {En: `name %q must be lowercase letters, digits and single hyphens`,
		Sv: `namnet %q går inte – använd små bokstäver a–z, siffror och enstaka bindestreck`},
	NewBadNameAs: {En: `name %q must be lowercase letters, digits and single hyphens; write -name %s`,
		Sv: `namnet %q går inte – använd små bokstäver a–z, siffror och enstaka bindestreck: skriv -name %s`},
	NewReservedName: {En: `name %q is reserved on Windows, where the site must build too; choose another with -name`,
		Sv: `namnet %q är reserverat i Windows, där webbplatsen också måste byggas – välj ett annat med -name`},
	NewExists: {En: `%s already exists; edit it, or choose another title or -name`,
		Sv: `%s finns redan – redigera den, eller välj en annan titel eller -name`},
	NewNameSegment: {En: `name %q would give the record the address %s, which the site already uses; choose another with -name, e.g. -name %s`,
		Sv: `namnet %q skulle ge posten adressen %s, som webbplatsen redan använder – välj ett annat med -name, t.ex. -name %s`},
	NewNamePage: {En: `name %q would give the record an address among the list's further pages (%s), which check warns about; choose another with -name, e.g. -name %s`,
		Sv: `namnet %q skulle ge posten en adress bland listans följande sidor (%s), vilket check varnar för – välj ett annat med -name, t.ex. -name %s`},
	NewRenamedSegment: {En: `the title makes the name %q, but that gives the record the address %s, which the site already uses; named it %s instead`,
		Sv: `av titeln blir namnet %q, men då får posten adressen %s, som webbplatsen redan använder – posten fick i stället namnet %s`},
	NewRenamedPage: {En: `the title makes the name %q, but that puts the record's address among the list's further pages (%s), which check warns about; named it %s instead`,
		Sv: `av titeln blir namnet %q, men då hamnar postens adress bland listans följande sidor (%s), vilket check varnar för – posten fick i stället namnet %s`},
	NewBesideLone: {En: `%s is a record of its own, in %s only; a new %s would make it a translation, which sets only title, summary and aliases: choose another title or -name`,
		Sv: `%s är en egen post, bara på %s; en ny %s skulle göra den till en översättning, som bara anger title, summary och aliases – välj en annan titel eller -name`},
	NewEmptyTitle: {En: `the title must not be empty`,
		Sv: `titeln får inte vara tom`},
	NewTitleUTF8: {En: `the title is not valid UTF-8`,
		Sv: `titeln är inte giltig UTF-8`},
	NewKind: {En: `unknown kind %q (kinds: %s)`,
		Sv: `%q är ingen sort – sorterna är: %s`},
	NewLang: {En: `unknown language %q (config.toml languages: %s)`,
		Sv: `okänt språk %q – språken i config.toml är: %s`},
	CLIClickServe: {En: `started by a double-click: previewing the site in %s in your browser; closing this window stops the preview`,
		Sv: `startad med dubbelklick: förhandsvisar webbplatsen i %s i din webbläsare – när du stänger fönstret slutar förhandsvisningen`},
	CLIPressEnter: {En: `press Enter to close this window`,
		Sv: `tryck på Enter för att stänga fönstret`},
	OutInSources: {En: `-out %s is inside the sources (%s); choose a folder outside them`,
		Sv: `-out %s ligger bland källfilerna (%s) – välj en mapp utanför dem`},
	OutHasRoot: {En: `-out %s contains the site root; choose another folder`,
		Sv: `-out %s innehåller webbplatsens mapp – välj en annan mapp`},
	OutIsFile: {En: `-out %s is a file, not a folder`,
		Sv: `-out %s är en fil, inte en mapp`},
	OutLocked: {En: `%s: another build or serve is writing to it (it holds %s); wait until it has finished`,
		Sv: `%s: ett annat bygge eller en annan serve skriver i mappen (den håller %s) – vänta tills det är klart`},
	OutLinkUnreachable: {En: `%s is a symbolic link to a folder that cannot be reached`,
		Sv: `%s är en symbolisk länk till en mapp som inte går att nå`},
	OutStagingUnclean: {En: `the recycled staging folder %s could not be cleaned`,
		Sv: `den återanvända byggmappen %s gick inte att tömma`},
	OutSetAside: {En: `the recycled staging folder %s could not be cleaned and is set aside as %s, which builds leave alone (remove it); build again`,
		Sv: `den återanvända byggmappen %s gick inte att tömma och har flyttats undan till %s, som byggen lämnar orörd (ta bort den) – bygg igen`},
	OutLinkInWay: {En: `a symbolic link is in the way`,
		Sv: `en symbolisk länk står i vägen`},
}
