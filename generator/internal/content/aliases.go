package content

import (
	"regexp"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/sources"
)

// aliasRE matches an alias: a site path of segments that do not start with
// a dot, ending in a slash or in a file name ending in .html. The
// characters are the ones a URL path needs no escaping for, so an alias is
// safe in an HTML attribute and in a line of server configuration.
var aliasRE = regexp.MustCompile(`^/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*([A-Za-z0-9_~-][A-Za-z0-9._~-]*\.html)?$`)

// MaxAlias is the longest alias, in bytes (an alias is ASCII): its page
// is a file in folders named by its segments, and a name of more than 255
// bytes, or a path of more than 260 on Windows, cannot be written, which
// failed the build after check had passed it.
const MaxAlias = 200

// MaxSlug is the longest slug, in bytes (a slug is ASCII): it names the
// folder of its record's page and, for a lecture, its calendar file
// (<slug>.ics, so at most 251), and a name of more than 255 bytes cannot
// be written, which failed the build after check had passed it.
const MaxSlug = 100

// checkAliases validates the aliases of one version (the old addresses
// that redirect to its page) and returns the valid ones. A problem points
// at the alias in the file at p.
func checkAliases(p string, pos *diag.Positions, list []string) ([]string, diag.List) {
	var out []string
	var errs diag.List
	for _, a := range list {
		if !aliasRE.MatchString(a) {
			line, col := pos.Find(a, "aliases")
			errs = append(errs, diag.At(p, line, col, diag.AliasPath, a))
			continue
		}
		if len(a) > MaxAlias {
			line, col := pos.Find(a, "aliases")
			errs = append(errs, diag.At(p, line, col, diag.AliasLong, diag.Clip(a, 60), MaxAlias))
			continue
		}
		if id, seg := windowsName(a); id != "" {
			line, col := pos.Find(a, "aliases")
			errs = append(errs, diag.At(p, line, col, id, a, seg))
			continue
		}
		out = append(out, a)
	}
	return out, errs
}

// windowsName returns the problem of the first segment of alias a that
// cannot be a file or folder name on Windows, where the site must build
// too, with that segment: a device name (con, lpt1.html) or a name ending
// in a dot, as sources.CheckName finds them in the sources (the alias's
// characters are checked already). The alias's page is written in
// folders named by its segments.
func windowsName(a string) (diag.ID, string) {
	for _, seg := range strings.Split(strings.Trim(a, "/"), "/") {
		switch sources.CheckName(seg).ID {
		case diag.NameReserved:
			return diag.AliasReserved, seg
		case diag.NameDot:
			return diag.AliasDot, seg
		}
	}
	return "", ""
}

// translationAliases reads the aliases of a translation, which are its
// own: the old addresses of its page, not of the record's.
func translationAliases(t *file) ([]string, diag.List) {
	v, has := t.raw["aliases"]
	if !has {
		return nil, nil
	}
	if msg := shapeError(kinds.Strings, v); msg.ID != "" {
		line, col := shapeAt(t.ver.Pos, msg, "aliases", v)
		return nil, diag.List{diag.At(t.path, line, col, diag.AliasesShape, msg)}
	}
	var list []string
	for _, e := range v.([]any) {
		list = append(list, e.(string))
	}
	return checkAliases(t.path, t.ver.Pos, list)
}
