package render

import (
	"path"
	"slices"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/site"
)

// unread warns of the site's own template files that no page reads, so
// that a designer's change does not vanish without a word: a page
// template not named after a page type (lists.html, List.html: a name in
// other capitals is read on no system, as the names are looked up as
// written), or a template or table of UI strings outside the places the
// site reads (a partial in a subfolder, pages put in page/). Only .html,
// .htm and .toml files are looked at, so that notes, a README or Go files
// beside the templates are left alone; everything under assets/ is
// published. own is the site's files under templates/, in any order.
func unread(own []string) diag.List {
	var warns diag.List
	for _, p := range own {
		rel, _ := strings.CutPrefix(p, Dir+"/")
		ext := strings.ToLower(path.Ext(rel))
		if ext != ".html" && ext != ".htm" && ext != ".toml" || strings.HasPrefix(rel, "assets/") {
			continue
		}
		dir, name := path.Split(rel)
		switch {
		case (dir == "layouts/" || dir == "partials/") && path.Ext(name) == ".html",
			dir == "i18n/" && path.Ext(name) == ".toml":
			continue
		case dir == "pages/" && ext != ".toml":
			stem := strings.TrimSuffix(name, path.Ext(name))
			if path.Ext(name) == ".html" && slices.Contains(PageTypes, site.PageType(stem)) {
				continue
			}
			types := make([]string, len(PageTypes))
			for i, t := range PageTypes {
				types[i] = string(t)
			}
			if near := diag.Nearest(stem, types); near != "" {
				warns = append(warns, diag.Warn(p, 1, 1, diag.TemplateNotPageAs, name, near+".html"))
			} else {
				slices.Sort(types)
				warns = append(warns, diag.Warn(p, 1, 1, diag.TemplateNotPage, name, strings.Join(types, ", ")))
			}
			continue
		}
		warns = append(warns, diag.Warn(p, 1, 1, diag.TemplateUnread))
	}
	warns.Sort()
	return warns
}
