package content

import (
	"portal/generator/internal/config"
	"portal/generator/internal/diag"
)

// SegmentProblem returns the problem of a record of kind whose slug is a
// fixed segment of its section (config.Config.SectionSegmentOf), and its
// severity; bySlug says the slug is set with the key slug, else it is the
// file name's. The segment of the archive or of the due page is an error:
// the record's page would take that page's URL (in a language the record
// has no version in, not yet: a translation would). The segment of the
// list's further pages ("sida") is a warning: the URLs nest, and nothing
// is lost. The message suggests a slug made from title
// (config.Config.OtherSlug). ok is false when slug is no such segment,
// and for the free-standing pages, which have no section.
//
// It is the one place of the rule: Load reports its errors, the site's
// EntryWarnings its warnings, `portal new` names no file after it, and
// the JSON Schemas refuse its errors' slugs.
func SegmentProblem(cfg *config.Config, kind, slug, title string, bySlug bool) (diag.Message, diag.Severity, bool) {
	if kind == Pages {
		return diag.Message{}, "", false
	}
	seg, ok := cfg.SectionSegmentOf(kind, slug)
	if !ok {
		return diag.Message{}, "", false
	}
	other := cfg.OtherSlug(kind, slug, title)
	var what diag.Message
	switch seg.Name {
	case "archive":
		what = diag.M(diag.ClaimArchive, cfg.Kinds.RecordsWord(kind))
	case "due":
		what = diag.M(diag.ClaimDue)
	case "page":
		if bySlug {
			return diag.M(diag.WarnSlugPage, slug, seg.URL, other), diag.SeverityWarning, true
		}
		return diag.M(diag.WarnFileNamePage, slug, seg.URL, other), diag.SeverityWarning, true
	default:
		return diag.Message{}, "", false
	}
	if bySlug {
		return diag.M(diag.SlugSegment, slug, what, seg.URL, other), diag.SeverityError, true
	}
	return diag.M(diag.FileNameSegment, slug, what, seg.URL, other), diag.SeverityError, true
}
