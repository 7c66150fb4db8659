package main

import (
	"maps"
	"os"
	"slices"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// meantKind returns the kind that word, which is none, was most likely
// meant to be, for new's "did you mean": the kind whose address in some
// language it is (exjobb, the Swedish address of theses, as config.toml
// of the site in root names it), else the nearest kind by spelling
// (thesis), else "".
func meantKind(root, word string, reg *kinds.Registry) string {
	if cfg, err := config.Load(os.DirFS(root)); err == nil {
		for _, kind := range slices.Sorted(maps.Keys(cfg.Sections)) {
			for _, s := range cfg.Sections[kind] {
				if strings.EqualFold(s, word) {
					return kind
				}
			}
		}
	}
	return diag.Nearest(word, append(reg.Names(), content.Pages))
}
