package render

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"portal/generator/internal/config"
)

// idAttr finds the id attributes of the templates' HTML, and action the
// template actions inside a value.
var (
	idAttr = regexp.MustCompile(`(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	action = regexp.MustCompile(`\{\{.*?\}\}`)
)

// frameIDs lists the ids that the page frame (the templates around a
// record's body) may give its elements, so that the body's heading and
// footnote ids avoid them: the literal ids of every template under
// layouts/, partials/ and pages/, and for an id made by a template action
// ("kind-{{.Kind}}") that id with each word the templates fill in there
// (kinds, organisation types, search facets, the keys of the kinds'
// facets, page types, languages).
func frameIDs(fsys fs.FS, cfg *config.Config) []string {
	var words []string
	words = append(words, cfg.Kinds.Names()...)
	words = append(words, config.OrgTypes...)
	words = append(words, Facets...)
	for _, k := range cfg.Kinds.All() {
		for _, f := range k.Facets {
			words = append(words, f.Key)
		}
	}
	words = append(words, cfg.Languages...)
	for _, typ := range PageTypes {
		words = append(words, string(typ))
	}
	var ids []string
	for _, dir := range []string{"layouts", "partials", "pages"} {
		files, _ := fs.Glob(fsys, path.Join(Dir, dir, "*.html"))
		for _, f := range files {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				continue // parse reports it
			}
			for _, m := range idAttr.FindAllStringSubmatch(string(b), -1) {
				ids = append(ids, expandID(m[1]+m[2], words)...)
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// expandID returns id with each of its template actions replaced by each
// word; an id without actions is itself.
func expandID(id string, words []string) []string {
	loc := action.FindStringIndex(id)
	if loc == nil {
		return []string{strings.TrimSpace(id)}
	}
	var out []string
	for _, rest := range expandID(id[loc[1]:], words) {
		for _, w := range words {
			out = append(out, strings.TrimSpace(id[:loc[0]])+w+rest)
		}
	}
	return out
}

// FrameIDs returns the ids the page frame may use (see frameIDs); the
// Markdown renderer reserves them for the body (markdown.Renderer.Reserve).
func (t *Templates) FrameIDs() []string { return slices.Clip(t.frameIDs) }
