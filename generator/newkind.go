package main

import (
	"os"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/kinds"
)

// meantKind returns the kind that word, which is none, was most likely
// meant to be, for new's "did you mean" (content.MeantFolder), with the
// sections of config.toml of the site in root where it reads.
func meantKind(root, word string, reg *kinds.Registry) string {
	var sections map[string]map[string]string
	if cfg, err := config.Load(os.DirFS(root)); err == nil {
		sections = cfg.Sections
	}
	return content.MeantFolder(word, reg, sections)
}
