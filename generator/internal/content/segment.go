package content

import (
	"slices"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// SegmentProblem returns the problem of a record of kind whose slug is a
// fixed segment of its section (config.Config.SectionSegmentOf): its
// message and severity, the segment's URL and a slug to suggest instead;
// bySlug says the slug is set with the key slug, else it is the file
// name's. The segment of the archive or of the due page is an error:
// the record's page would take that page's URL (in a language the
// record has no version in, not yet: a translation would); so is the
// segment of a facet's lists (the theses' "niva"), the folder they are
// in, which the record's page would take. The segment of the
// list's further pages ("sida") is a warning: the URLs nest, and nothing
// is lost. The suggestion is a slug made from title
// (config.Config.OtherSlug). ok is false when slug is no such segment,
// and for the free-standing pages, which have no section.
//
// It is the one place of the rule: Load reports its errors, the site's
// EntryWarnings its warnings, `portal new` names no file after it, and
// the JSON Schemas refuse its errors' slugs.
func SegmentProblem(cfg *config.Config, kind, slug, title string, bySlug bool) (SegmentClash, bool) {
	if kind == Pages {
		return SegmentClash{}, false
	}
	seg, ok := cfg.SectionSegmentOf(kind, slug)
	if !ok {
		return SegmentClash{}, false
	}
	c := SegmentClash{URL: seg.URL, Other: cfg.OtherSlug(kind, slug, title), Severity: diag.SeverityError}
	var what diag.Message
	switch seg.Name {
	case "archive":
		what = diag.M(diag.ClaimArchive, cfg.Kinds.RecordsWord(kind))
	case "due":
		what = diag.M(diag.ClaimDue)
	case "page":
		c.Severity = diag.SeverityWarning
		c.Message = diag.M(diag.WarnFileNamePage, slug, seg.URL, c.Other)
		if bySlug {
			c.Message = diag.M(diag.WarnSlugPage, slug, seg.URL, c.Other)
		}
		return c, true
	default:
		k := cfg.Kinds.Get(kind)
		i := slices.IndexFunc(k.Facets, func(f kinds.Facet) bool { return f.Segment == seg.Name })
		if i < 0 {
			return SegmentClash{}, false
		}
		what = k.Facets[i].Lists // the theses' lists by level
	}
	c.Message = diag.M(diag.FileNameSegment, slug, what, seg.URL, c.Other)
	if bySlug {
		c.Message = diag.M(diag.SlugSegment, slug, what, seg.URL, c.Other)
	}
	return c, true
}

// SegmentClash is what SegmentProblem finds: the message and its
// severity, the URL of the segment's page the record's would take, and the
// slug suggested instead.
type SegmentClash struct {
	Message  diag.Message
	Severity diag.Severity
	URL      string
	Other    string
}

// Refused reports whether check refuses the slug (an error), rather than
// warns about it.
func (c SegmentClash) Refused() bool { return c.Severity == diag.SeverityError }
