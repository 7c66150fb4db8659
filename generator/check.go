package main

// The check command: every problem of the site, or of the files named, as
// text or JSON.

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/pipeline"
)

// reportErrors prints every problem in lang, errors before warnings, each
// sorted by file and line, and the count; it returns the exit code.
func reportErrors(w io.Writer, err error, format string, lang diag.Lang) int {
	list, ok := diag.AsList(err)
	if !ok {
		sayErr(w, lang, "", err)
		return exitProblems
	}
	errs, warnings := list.Errors(), list.Warnings()
	errs.Sort()
	warnings.Sort()
	list = append(errs, warnings...)
	if format == "json" {
		writeJSON(w, list, lang)
	} else {
		for _, e := range list {
			fmt.Fprintln(w, e.In(lang))
		}
	}
	n, nw := len(errs), len(warnings)
	if n == 0 {
		return exitOK
	}
	if format != "json" {
		word := diag.M(plural(n, diag.WordError, diag.WordErrors))
		if nw == 0 {
			say(w, lang, diag.CheckCount, diag.Count(n), word)
		} else {
			say(w, lang, diag.CheckCountWarnings, diag.Count(n), word, diag.Count(nw), diag.M(plural(nw, diag.WordWarning, diag.WordWarnings)))
		}
	}
	return exitProblems
}

// jsonProblem is one problem in check -format json.
type jsonProblem struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, list diag.List, lang diag.Lang) {
	out := make([]jsonProblem, 0, len(list))
	for _, e := range list {
		sev := cmp.Or(e.Severity, diag.SeverityError)
		out = append(out, jsonProblem{e.Path, e.Line, e.Col, string(sev), e.Message(lang)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

func cmdCheck(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := newFlags("check", stderr, getenv)
	var c common
	c.register(fs)
	format := fs.String("format", "text", "output format: text or json")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return parseExit(err)
	}
	lang, ok := messageLang("check", c.lang, stderr, getenv)
	if !ok {
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		say(stderr, lang, diag.CLIFormat, *format)
		return exitUsage
	}
	now, err := resolveNow(c.now, getenv)
	if err != nil {
		sayErr(stderr, lang, "", err)
		return exitUsage
	}
	if noRoot(stderr, lang, "check", c.root) {
		return exitUsage
	}
	only, err := siteFiles(c.root, files)
	if err != nil {
		sayErr(stderr, lang, "", err)
		return exitUsage
	}
	l, err := pipeline.Load(os.DirFS(c.root), pipeline.Options{Now: now, Drafts: c.drafts, Dir: c.root})
	list, isList := diag.AsList(err) // none for no error
	if err != nil && !isList {
		sayErr(stderr, lang, "check", err)
		return exitProblems
	}
	if l != nil {
		list = append(list, l.Warnings()...)
		list.Sort()
	}
	if only != nil {
		list = slices.DeleteFunc(list, func(e diag.Error) bool { return !only.has(e.Path) })
	}
	if *strict {
		for i := range list {
			list[i].Severity = diag.SeverityError
		}
	}
	out := stderr
	if *format == "json" {
		out = stdout
	}
	if code := reportErrors(out, list, *format, lang); code != exitOK {
		return code
	}
	if *format == "text" {
		w := len(list.Warnings())
		var records int
		if only != nil {
			records = only.count
		} else if l != nil && l.Set != nil {
			records = l.Set.Files
		}
		say(stdout, lang, diag.CheckOK, diag.Count(records), diag.M(plural(records, diag.WordFile, diag.WordFiles)), diag.Count(w), diag.M(plural(w, diag.WordWarning, diag.WordWarnings)))
	}
	return exitOK
}

// selection is what the files named on check's command line select: the
// problems of those files, and of every file under the folders named.
type selection struct {
	files map[string]bool // slash paths relative to the site root
	dirs  []string        // the folders, each ending in "/"
	count int             // the files named and the records under the folders, for the closing line
}

// has reports whether the problems of the file (or folder) at p are
// selected.
func (s *selection) has(p string) bool {
	return s.files[p] || slices.ContainsFunc(s.dirs, func(d string) bool { return strings.HasPrefix(p+"/", d) })
}

// siteFiles turns the files named on the command line into paths relative
// to the site root, as problems name them: a name is taken relative to the
// current folder when it lies inside root there, else relative to root. It
// returns nil when no file is named, or the site root is (the whole
// site), and an error for a file that does not exist or lies outside the
// site root. A folder selects every file under it.
func siteFiles(root string, files []string) (*selection, error) {
	if len(files) == 0 {
		return nil, nil
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	only := &selection{files: map[string]bool{}}
	for _, f := range files {
		rel := filepath.Clean(f)
		if abs, err := filepath.Abs(f); err == nil && (filepath.IsAbs(f) || exists(abs)) {
			if r, err := filepath.Rel(absRoot, abs); err == nil {
				rel = r
			}
		}
		if !filepath.IsLocal(rel) && rel != "." {
			return nil, diag.M(diag.CLIFileOutside, filepath.ToSlash(f), filepath.ToSlash(root))
		}
		full := filepath.Join(root, rel)
		info, err := os.Stat(full)
		if err == nil && rel != "." {
			rel = filepath.FromSlash(spelledOnDisk(os.DirFS(root), filepath.ToSlash(rel)))
		}
		switch {
		case err != nil:
			return nil, diag.M(diag.CLIFileMissing, filepath.ToSlash(f), filepath.ToSlash(root))
		case rel == ".":
			return nil, nil
		case info.IsDir():
			only.dirs = append(only.dirs, filepath.ToSlash(rel)+"/")
			filepath.WalkDir(full, func(_ string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
					only.count++
				}
				return nil
			})
		case !only.files[filepath.ToSlash(rel)]:
			only.files[filepath.ToSlash(rel)] = true
			only.count++
		}
	}
	return only, nil
}

// spelledOnDisk returns rel, a slash path in fsys that exists, as its
// folders and file are spelt there, as problems name them: on a file
// system that ignores case (Windows, macOS), "Content/Theses/X.md" names
// the file content/theses/x.md, whose problems would otherwise not be
// selected and check would pass it. A name that no entry of its folder
// spells exactly is taken from the entry it equals but for case; one that
// none equals (a short name like ENERGI~1.MD) stays as it is.
func spelledOnDisk(fsys fs.FS, rel string) string {
	parts := strings.Split(rel, "/")
	for i, name := range parts {
		dir := strings.Join(parts[:i], "/")
		entries, err := fs.ReadDir(fsys, cmp.Or(dir, "."))
		if err != nil {
			break
		}
		if slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == name }) {
			continue
		}
		if j := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return strings.EqualFold(e.Name(), name) }); j >= 0 {
			parts[i] = entries[j].Name()
		}
	}
	return strings.Join(parts, "/")
}
