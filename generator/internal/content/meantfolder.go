package content

import (
	"maps"
	"slices"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// unknownFolder is the error of the folder p of content/, named name,
// which is no kind's: with the folder meant, when one is likely.
func unknownFolder(p, name string, reg *kinds.Registry, sections map[string]map[string]string) diag.Error {
	if mean := MeantFolder(name, reg, sections); mean != "" {
		return diag.At(p, 1, 1, diag.KindFolderMean, name, mean)
	}
	return diag.At(p, 1, 1, diag.KindFolderUnknown, name, strings.Join(Folders(reg), ", "))
}

// MeantFolder returns the kind folder that name, a folder of content/ or
// a word for new that is none, was most likely meant to be: the kind whose
// address in some language it is (exjobb, the Swedish address of theses,
// as config.toml's sections name it), else the nearest kind folder by
// spelling (thesis, Internships), else "".
func MeantFolder(name string, reg *kinds.Registry, sections map[string]map[string]string) string {
	for _, kind := range slices.Sorted(maps.Keys(sections)) {
		for _, segment := range sections[kind] {
			if strings.EqualFold(segment, name) {
				return kind
			}
		}
	}
	return diag.Nearest(name, Folders(reg))
}
