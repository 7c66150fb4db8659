package diag

// The messages of the preview's error overlay and of its lines in the
// terminal (package serve).
const (
	OverlayClose    ID = "overlay.close"
	OverlayTitle1   ID = "overlay.title-1"
	OverlayTitleN   ID = "overlay.title-n"
	OverlayNote     ID = "overlay.note"
	OverlayNoteNone ID = "overlay.note-none"
	OverlayMore     ID = "overlay.more"

	ServeBuilding  ID = "serve.building"
	ServeExposed   ID = "serve.exposed"
	ServeNoBrowser ID = "serve.no-browser"
	ServeAddrInUse ID = "serve.addr-in-use"
	ServeAddress   ID = "serve.address"
	ServeProblems1 ID = "serve.problems-1"
	ServeProblemsN ID = "serve.problems-n"
	ServeNoneYet   ID = "serve.none-yet"
	ServeLater     ID = "serve.later"
	ServeRebuilt   ID = "serve.rebuilt"
	ServeInPlace   ID = "serve.in-place"
	ServeTurned    ID = "serve.turned"
	ServeRetry     ID = "serve.retry"
	ServeReread    ID = "serve.reread"
	ServeNoRoot    ID = "serve.no-root"

	DraftBanner    ID = "serve.draft-banner"
	Warnings1      ID = "serve.warnings-1"
	WarningsN      ID = "serve.warnings-n"
	Warnings1Draft ID = "serve.warnings-1-draft"
	WarningsNDraft ID = "serve.warnings-n-draft"
)

var serveTexts = map[ID]Text{
	OverlayClose: {En: `Close`,
		Sv: `Stäng`},
	OverlayTitle1: {En: `%d problem in the sources`,
		Sv: `%d problem i källfilerna`},
	OverlayTitleN: {En: `%d problems in the sources`,
		Sv: `%d problem i källfilerna`},
	OverlayNoteNone: {En: `Nothing is built yet. Fix the file and save: the site appears by itself.`,
		Sv: `Inget är byggt än. Rätta filen och spara: då visas webbplatsen av sig själv.`},
	OverlayNote: {En: `The preview shows the last good build. Fix the file and save: this goes away by itself.`,
		Sv: `Förhandsvisningen visar det senaste bygget som fungerade. Rätta filen och spara: då försvinner det här av sig självt.`},
	OverlayMore: {En: `… and %d more (the terminal lists them all).`,
		Sv: `… och %d till (terminalen visar alla).`},
	ServeBuilding: {En: `serve: building %s (drafts included)`,
		Sv: `serve: bygger %s (med utkast)`},
	ServeAddrInUse: {En: `serve: another program listens on %s, perhaps a preview started before: stop it (Ctrl-C in its window), or give another address, like -addr %s`,
		Sv: `serve: ett annat program lyssnar redan på %s, kanske en förhandsvisning som startades tidigare – stoppa den (Ctrl-C i dess fönster), eller ange en annan adress, t.ex. -addr %s`},
	ServeNoBrowser: {En: `serve: the browser could not be opened (%v); open %s in it`,
		Sv: `serve: webbläsaren gick inte att öppna (%v) – öppna %s i den`},
	ServeExposed: {En: `serve: listening on %s, which other computers can reach; the preview shows drafts`,
		Sv: `serve: lyssnar på %s, som andra datorer kan nå – förhandsvisningen visar utkast`},
	ServeAddress: {En: `serve: %s (Ctrl-C to stop)`,
		Sv: `serve: %s (avsluta med Ctrl-C)`},
	ServeProblems1: {En: `serve: %d problem; still serving the last good build`,
		Sv: `serve: %d problem – visar fortfarande det senaste bygget som fungerade`},
	ServeNoneYet: {En: `serve: %d %s and nothing built yet; the preview shows them until they are fixed`,
		Sv: `serve: %d %s och inget byggt än – förhandsvisningen visar dem tills de är rättade`},
	ServeProblemsN: {En: `serve: %d problems; still serving the last good build`,
		Sv: `serve: %d problem – visar fortfarande det senaste bygget som fungerade`},
	ServeLater: {En: `serve: then %d more written, %d removed in %s`,
		Sv: `serve: sedan %d till skrivna, %d borttagna på %s`},
	ServeRebuilt: {En: `serve: rebuilt in %s: %d written, %d removed`,
		Sv: `serve: byggde om på %s: %d skrivna, %d borttagna`},
	// The head of the note of a record's warnings on its page.
	Warnings1: {En: `1 warning in this record: the site builds, but check -strict (as CI checks content) refuses it`,
		Sv: `1 varning i den här posten: webbplatsen byggs, men check -strict (som CI kör på innehållet) godtar den inte`},
	WarningsN: {En: `%d warnings in this record: the site builds, but check -strict (as CI checks content) refuses them`,
		Sv: `%d varningar i den här posten: webbplatsen byggs, men check -strict (som CI kör på innehållet) godtar dem inte`},
	// The head of the note on a draft's page: check, as CI runs it
	// (without -drafts), reads no draft.
	Warnings1Draft: {En: `1 warning in this record: check -strict (as CI checks content) will refuse it once you remove draft = true`,
		Sv: `1 varning i den här posten: check -strict (som CI kör på innehållet) godtar den inte när du tagit bort draft = true`},
	WarningsNDraft: {En: `%d warnings in this record: check -strict (as CI checks content) will refuse them once you remove draft = true`,
		Sv: `%d varningar i den här posten: check -strict (som CI kör på innehållet) godtar dem inte när du tagit bort draft = true`},
	// The banner on the page of a draft, which only the preview shows.
	DraftBanner: {En: `Draft: shown only in this preview. It is not published until you remove draft = true.`,
		Sv: `Utkast: visas bara i förhandsvisningen. Det publiceras inte förrän du tar bort draft = true.`},
	ServeTurned: {En: `serve: the clock passed %s, when a date in the sources takes effect; bringing the preview up to date`,
		Sv: `serve: klockan passerade %s, då ett datum i källfilerna får verkan – förhandsvisningen uppdateras`},
	ServeRetry: {En: `serve: trying again to write the preview, which failed (the error above)`,
		Sv: `serve: försöker igen att skriva förhandsvisningen, vilket misslyckades (felet ovan)`},
	ServeReread: {En: `serve: reading again %s, which could not be read (the error above)`,
		Sv: `serve: försöker läsa %s igen (den gick inte att läsa, se felet ovan)`},
	ServeNoRoot: {En: `serve: the site folder %s does not exist or is not a folder; give -root the folder that holds config.toml`,
		Sv: `serve: mappen %s finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger`},
	ServeInPlace: {En: `serve: updated in place in %s: %d written`,
		Sv: `serve: uppdaterade på plats på %s: %d skrivna`},
}
