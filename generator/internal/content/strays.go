package content

import (
	"path"
	"strings"

	"portal/generator/internal/diag"
)

// Strays reports the files under content/ (others, as Set lists them)
// that no record uses.
func Strays(others []string, used func(string) bool) diag.List {
	var errs diag.List
	for _, p := range others {
		if !used(p) {
			errs = append(errs, diag.Of(p, 1, 1, strayMessage(path.Base(p))))
		}
	}
	return errs
}

// recordEnds are the ends of a name that an editor gave a record the
// site does not read as one: .md in capitals (X.MD), .md with the .txt
// that Notepad adds (x.md.txt), .markdown.
var recordEnds = []string{".md.txt", ".markdown", ".md"}

// strayMessage is what is wrong with a file named name that no record
// uses: a record by its name, but not read as one (then its name as it
// should be), or else a file with no place there.
func strayMessage(name string) diag.Message {
	lower := strings.ToLower(name)
	for _, end := range recordEnds {
		if strings.HasSuffix(lower, end) && len(name) > len(end) {
			return diag.M(diag.RecordEnd, name, lower[:len(lower)-len(end)]+".md")
		}
	}
	return diag.M(diag.NeitherRecord)
}
