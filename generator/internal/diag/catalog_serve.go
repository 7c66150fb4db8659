package diag

// The messages of the preview's error overlay (package serve).
const (
	OverlayClose  ID = "overlay.close"
	OverlayTitle1 ID = "overlay.title-1"
	OverlayTitleN ID = "overlay.title-n"
	OverlayNote   ID = "overlay.note"
	OverlayMore   ID = "overlay.more"
)

var serveTexts = map[ID]Text{
	OverlayClose: {En: `Close`,
		Sv: `Stäng`},
	OverlayTitle1: {En: `%d problem in the sources`,
		Sv: `%d problem i källfilerna`},
	OverlayTitleN: {En: `%d problems in the sources`,
		Sv: `%d problem i källfilerna`},
	OverlayNote: {En: `The preview shows the last good build. Fix the file and save: this goes away by itself.`,
		Sv: `Förhandsvisningen visar det senaste bygget som fungerade. Rätta filen och spara: då försvinner det här av sig självt.`},
	OverlayMore: {En: `… and %d more (the terminal lists them all).`,
		Sv: `… och %d till (terminalen visar alla).`},
}
