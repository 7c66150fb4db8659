package diag

// flagTexts are the options' lines of the help, by command and option
// ("check -strict"; "-root" for every command that has it): En as the
// command defines the option (the English help prints the definition's;
// main's TestOptionTextsMatch holds the two equal), Sv as -h prints it in
// Swedish.
var flagTexts = map[string]Text{
	"-root": {En: `site root: config.toml, content/, templates/`,
		Sv: `webbplatsens mapp: config.toml, content/, templates/`},
	"-now": {En: `the build's notion of now: RFC 3339 or YYYY-MM-DD`,
		Sv: `vilken tidpunkt bygget utgår från: RFC 3339 eller ÅÅÅÅ-MM-DD`},
	"-lang": {En: `language of the messages: sv or en (default: from LC_ALL, LC_MESSAGES or LANG, else on Windows the language Windows shows)`,
		Sv: `meddelandenas språk: sv eller en (annars avgör LC_ALL, LC_MESSAGES eller LANG, i Windows det språk Windows visar)`},
	"build -drafts": {En: `publish drafts too`,
		Sv: `publicera även utkast`},
	"check -drafts": {En: `check drafts too, as if they were published`,
		Sv: `kontrollera även utkast, som om de vore publicerade`},
	"build -out": {En: `output folder (default: public/ in the site root)`,
		Sv: `mappen som webbplatsen skrivs till (annars public/ i webbplatsens mapp)`},
	"build -cpuprofile": {En: `write a CPU profile to this file`,
		Sv: `skriv en CPU-profil till den här filen`},
	"build -memprofile": {En: `write a heap profile to this file at the end`,
		Sv: `skriv en minnesprofil till den här filen i slutet`},
	"build -trace": {En: `write an execution trace to this file (go tool trace)`,
		Sv: `skriv ett körningsspår till den här filen (go tool trace)`},
	"build -fast-templates": {En: `execute the templates with the fast executor; false: with html/template alone`,
		Sv: `kör mallarna med den snabba motorn; false: med html/template enbart`},
	"build -no-search": {En: `leave out the search index (to measure what it costs; the site's search then does not work)`,
		Sv: `utelämna sökindexet (för att mäta vad det kostar; sökningen på webbplatsen fungerar då inte)`},
	"check -format": {En: `output format: text or json`,
		Sv: `utdataformat: text eller json`},
	"check -strict": {En: `treat warnings as errors`,
		Sv: `räkna varningar som fel`},
	"serve -addr": {En: `address to listen on, on this computer only unless another is given`,
		Sv: `adressen som förhandsvisningen lyssnar på, bara på den här datorn om ingen annan anges`},
	"serve -out": {En: `folder to write the preview to (default: none, the preview is kept in memory)`,
		Sv: `mappen som förhandsvisningen skrivs till (annars ingen: förhandsvisningen hålls i minnet)`},
	"serve -now": {En: `a fixed notion of now: RFC 3339 or YYYY-MM-DD (default: the clock at every rebuild)`,
		Sv: `en fast tidpunkt att utgå från: RFC 3339 eller ÅÅÅÅ-MM-DD (annars klockan vid varje ombyggnad)`},
	"serve -open": {En: `open the preview in the default browser once it is served (on another port when -addr is taken)`,
		Sv: `öppna förhandsvisningen i webbläsaren när den är i gång (på en annan port om -addr är upptagen)`},
	"new -lang": {En: `language of the file; another than the default makes the translation of the record named like the title (or -name)`,
		Sv: `filens språk; ett annat än standardspråket ger översättningen av posten som heter som titeln (eller -name)`},
	"new -name": {En: `file name without .md (default: made from the title)`,
		Sv: `filnamnet utan .md (annars bildat av titeln)`},
	"new -now": {En: `the date to fill in: RFC 3339 or YYYY-MM-DD (default: today)`,
		Sv: `datumet som fylls i: RFC 3339 eller ÅÅÅÅ-MM-DD (annars i dag)`},
	"schema -out": {En: `folder to write the schemas to (default: schemas/ in the site root)`,
		Sv: `mappen som schemana skrivs till (annars schemas/ i webbplatsens mapp)`},
}

// The words of the options' lines of the help around their texts.
const (
	FlagDefault ID = "cli.flag-default"
	FlagString  ID = "cli.flag-string"
)

// flagValues name the value of each option that takes one, by option
// ("-root") or by command and option ("new -lang"), with the words of the
// commands' lines of the help (Usage), so that "-root DIR" reads the same
// in both places.
var flagValues = map[string]Text{
	"-root":       {En: `DIR`, Sv: `MAPP`},
	"-out":        {En: `DIR`, Sv: `MAPP`},
	"-now":        {En: `TIME`, Sv: `TID`},
	"-lang":       {En: `sv|en`, Sv: `sv|en`},
	"new -lang":   {En: `LANG`, Sv: `SPRÅK`},
	"-name":       {En: `NAME`, Sv: `NAMN`},
	"-addr":       {En: `HOST:PORT`, Sv: `VÄRD:PORT`},
	"-format":     {En: `text|json`, Sv: `text|json`},
	"-cpuprofile": {En: `FILE`, Sv: `FIL`},
	"-memprofile": {En: `FILE`, Sv: `FIL`},
	"-trace":      {En: `FILE`, Sv: `FIL`},
}

// FlagValue is the word for the value of the option name (without its -)
// of the command cmd in lang, as the help prints it after the option, and
// whether the catalog has one.
func FlagValue(cmd, name string, lang Lang) (string, bool) {
	t, ok := flagValues[cmd+" -"+name]
	if !ok {
		t, ok = flagValues["-"+name]
	}
	return t.In(lang), ok
}

// FlagText is the text of the option name (without its -) of the command
// cmd in lang, as the help prints it, and whether the catalog has one.
func FlagText(cmd, name string, lang Lang) (string, bool) {
	t, ok := flagTexts[cmd+" -"+name]
	if !ok {
		t, ok = flagTexts["-"+name]
	}
	return t.In(lang), ok
}
