package content

import (
	"portal/generator/internal/config"
	"portal/generator/internal/diag"
)

// sectionSegment returns the fixed segment of the archive or of the due
// page (config.Config.SectionSegmentOf) that slug, a record's of kind, is,
// with what the site publishes there: the record's page would take that
// page's URL (in a language the record has no version in, not yet: a
// translation would). The segment of the list's further pages ("sida")
// is a warning of the site's: the URLs nest, and nothing is lost.
func sectionSegment(cfg *config.Config, kind, slug string) (config.SectionSegment, diag.Message, bool) {
	if kind == Pages {
		return config.SectionSegment{}, diag.Message{}, false
	}
	seg, ok := cfg.SectionSegmentOf(kind, slug)
	switch {
	case !ok:
	case seg.Name == "archive":
		return seg, diag.M(diag.ClaimArchive, cfg.Kinds.RecordsWord(kind)), true
	case seg.Name == "due":
		return seg, diag.M(diag.ClaimDue), true
	}
	return config.SectionSegment{}, diag.Message{}, false
}
