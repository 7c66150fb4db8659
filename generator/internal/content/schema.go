package content

import (
	"slices"

	"portal/generator/internal/kinds"
)

// specs returns the keys a kind of reg accepts: the common keys and its
// own (see package kinds), or the keys of free-standing pages. The
// slice may be shared: callers must not change it.
func specs(reg *kinds.Registry, kind string) []kinds.Key {
	if kind == Pages {
		return kinds.PageKeys()
	}
	return reg.Keys(kind)
}

// KeyNames returns the names of the keys a kind of reg accepts, in schema
// order, and which of them are required.
func KeyNames(reg *kinds.Registry, kind string) (names []string, required map[string]bool) {
	required = map[string]bool{}
	for _, s := range specs(reg, kind) {
		names = append(names, s.Name)
		if s.Required {
			required[s.Name] = true
		}
	}
	return names, required
}

// IsKind reports whether folder is a kind of record of reg (or the pages
// folder).
func IsKind(reg *kinds.Registry, folder string) bool {
	return reg.Get(folder) != nil || folder == Pages
}

// Folders returns the names of the folders of content: the kinds of reg,
// then the pages.
func Folders(reg *kinds.Registry) []string {
	return append(reg.Names(), Pages)
}

// decodedElsewhere are the keys that decode leaves to join and the
// version's own fields: texts, addresses and the attachment.
func decodedElsewhere(key string) bool {
	return slices.Contains([]string{"title", "summary", "slug", "aliases", "draft", "date", "publishDate", "expiryDate", "contacts", "attachment"}, key)
}

// translatable are the keys a translation may set on its own: its title,
// summary and the old addresses of its page.
var translatable = []string{"title", "summary", "aliases"}
