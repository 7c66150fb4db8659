package content

import (
	"path"
	"strings"

	"portal/generator/internal/diag"
)

// Strays reports the files under content/ (others, as Set lists them)
// that no record uses; all gives every path a record uses, asked for
// only when there is such a file. One that a record names in other
// capitals is said so: on macOS and Windows, whose file systems ignore
// the difference, the record finds the file under its own spelling.
func Strays(others []string, used func(string) bool, all func() []string) diag.List {
	var errs diag.List
	var folded map[string]string // lower case → a used path
	for _, p := range others {
		if used(p) {
			continue
		}
		if folded == nil {
			folded = map[string]string{}
			for _, u := range all() {
				folded[strings.ToLower(u)] = u
			}
		}
		msg := strayMessage(path.Base(p))
		if u, ok := folded[strings.ToLower(p)]; ok {
			msg = diag.M(diag.StrayCase, path.Base(p), path.Base(u))
		}
		errs = append(errs, diag.Of(p, 1, 1, msg))
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
