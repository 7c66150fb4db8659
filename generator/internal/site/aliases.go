package site

import (
	"cmp"
	"slices"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
)

// Redirect is an old address of a page (an alias a version names), which
// sends readers on to the page.
type Redirect struct {
	From string // the old site path: "/exjobb/old-name/" or "/old.html"
	To   string // the page's site path
	Lang string // the language of the page
}

// claimAliases claims the old addresses every published version names,
// after every page has claimed its URL: an alias that is a page's URL,
// another alias or the version's own URL is an error at the alias. An
// alias ".../index.html" is the folder ".../", which is the same file.
func (s *Site) claimAliases(entries []*Entry) diag.List {
	var errs diag.List
	for _, e := range entries {
		for _, v := range e.Versions {
			for _, alias := range v.Aliases {
				a := key(alias)
				if prev, dup := s.paths[a]; dup {
					line, col := v.Pos.Find(alias, "aliases")
					errs = append(errs, diag.At(v.Path, line, col, diag.AliasUsed, a, prev.arg()))
					continue
				}
				s.paths[a] = claimant{path: v.Path}
				s.Redirects = append(s.Redirects, Redirect{From: a, To: e.URL[v.Lang], Lang: v.Lang})
			}
		}
	}
	slices.SortFunc(s.Redirects, func(a, b Redirect) int { return cmp.Compare(a.From, b.From) })
	if len(s.Redirects) > 0 {
		if d := s.claim("/"+NginxRedirects, part(diag.ClaimRedirects), nil); d != nil {
			d.Path = config.FileName
			errs = append(errs, *d)
		}
	}
	return append(errs, s.aliasFolders(entries)...)
}

// aliasFolders reports an alias whose page would be a file inside
// something that is not a folder: a file the site claims
// ("/exjobb/atom.xml/" in the feed, "/gammal.html/" in the alias
// "/gammal.html") or a search index's folder, whose files are its own
// and unclaimed. Written, one would silently replace the other.
func (s *Site) aliasFolders(entries []*Entry) diag.List {
	var errs diag.List
	for _, e := range entries {
		for _, v := range e.Versions {
			for _, alias := range v.Aliases {
				if in, what := s.aliasIn(alias); in != "" {
					line, col := v.Pos.Find(alias, "aliases")
					errs = append(errs, diag.At(v.Path, line, col, diag.AliasInside, alias, in, what))
				}
			}
		}
	}
	return errs
}

// aliasIn returns the search folder the alias a is in, or the first of
// its folders that is a claimed file, with what it is; "" for neither.
func (s *Site) aliasIn(a string) (in string, what any) {
	for _, lang := range s.Cfg.Languages {
		if dir := s.SearchDir(lang); strings.HasPrefix(a, dir) {
			return dir, diag.M(diag.ClaimSearch)
		}
	}
	file := FilePath(a)
	for i, c := range file {
		if c != '/' {
			continue
		}
		if by, ok := s.paths["/"+file[:i]]; ok {
			return "/" + file[:i], by.arg()
		}
	}
	return "", nil
}

// NginxRedirects is the file of nginx lines that answer every alias with a
// 301 to its page; deploy/nginx.conf includes it. It is written only when
// some record has aliases.
const NginxRedirects = "nginx-redirects.conf"
