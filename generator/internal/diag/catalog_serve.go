package diag

// The messages of the preview's error overlay (package serve).
const (
	OverlayClose  ID = "overlay.close"
	OverlayTitle1 ID = "overlay.title-1"
	OverlayTitleN ID = "overlay.title-n"
	OverlayNote   ID = "overlay.note"
	OverlayMore   ID = "overlay.more"
)

var serveTexts = map[ID]texts{
	OverlayClose: {en: `Close`,
		sv: `Stäng`},
	OverlayTitle1: {en: `%d problem in the sources`,
		sv: `%d problem i källfilerna`},
	OverlayTitleN: {en: `%d problems in the sources`,
		sv: `%d problem i källfilerna`},
	OverlayNote: {en: `The preview shows the last good build. Fix the file and save: this goes away by itself.`,
		sv: `Förhandsvisningen visar det senaste bygget som fungerade. Rätta filen och spara: då försvinner det här av sig självt.`},
	OverlayMore: {en: `… and %d more (the terminal lists them all).`,
		sv: `… och %d till (terminalen visar alla).`},
}
