package content

import (
	"slices"

	"portal/generator/internal/diag"
)

// Collisions reports two records of one kind that claim the same slug,
// at the one that sets it with slug = when only one does (the other is
// named so), else at the second.
// Load runs it over all records; the preview server, which reloads only
// the records that changed, runs it again over the merged set.
func Collisions(records []*Record) diag.List {
	var errs diag.List
	type kindSlug struct{ kind, slug string }
	seen := make(map[kindSlug]*Record, len(records))
	for _, r := range records {
		key := kindSlug{r.Kind, r.Slug}
		prev, dup := seen[key]
		if !dup {
			seen[key] = r
			continue
		}
		if prev.Own().Pos.Has("slug") && !r.Own().Pos.Has("slug") {
			prev, r = r, prev
			seen[key] = prev
		}
		line, col := 1, 1
		if r.Own().Pos.Has("slug") {
			line, col = r.Own().Pos.Value("slug")
		}
		errs = append(errs, diag.At(r.Path(), line, col, diag.SlugUsed, r.Slug, prev.Path()))
	}
	return errs
}

// Refuse takes the records that Collisions reported (at their paths,
// coll) out of set.Records into its refused files: the site then claims
// no page or file of theirs, so the slug is one problem, not another for
// each of their outputs. It returns how many files it refused.
func Refuse(set *Set, coll diag.List) int {
	at := map[string]bool{}
	for _, e := range coll {
		at[e.Path] = true
	}
	n := 0
	set.Records = slices.DeleteFunc(set.Records, func(r *Record) bool {
		if !at[r.Path()] {
			return false
		}
		for _, v := range r.Versions {
			set.Refused = append(set.Refused, v.Path)
			set.RefusedVersions = append(set.RefusedVersions, v)
			n++
		}
		return true
	})
	slices.Sort(set.Refused)
	return n
}
