package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"portal/generator/internal/diag"
)

// newFlags is the flag set of the command cmd. Its mistakes go to stderr,
// followed by its help: the command's lines of the help (with its
// arguments, such as the KIND "Title" of new, which its options do not
// show), then its options, all in the language of the messages: the one
// -lang gave before -h (build, check), else the environment's.
func newFlags(cmd string, stderr io.Writer, getenv func(string) string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		lang := envLang(getenv)
		if f := fs.Lookup("lang"); f != nil && cmd != "new" {
			if l, ok := diag.ParseLang(f.Value.String()); ok {
				lang = l
			}
		}
		fmt.Fprint(stderr, diag.CommandUsage(cmd, lang))
		printOptions(stderr, fs, lang)
	}
	return fs
}

// printOptions prints the options of fs as flag.PrintDefaults does, each
// with its text in lang: in English the one its definition gives, in
// Swedish the catalog's (diag.FlagText), whose English
// TestOptionTextsMatch holds to the definition's. An option's value is
// named as the command's line of the help names it (diag.FlagValue:
// "-root DIR", not flag's "-root string").
func printOptions(w io.Writer, fs *flag.FlagSet, lang diag.Lang) {
	fs.VisitAll(func(f *flag.Flag) {
		text, ok := diag.FlagText(fs.Name(), f.Name, lang)
		if !ok || lang == diag.English {
			text = f.Usage
		}
		line := "  -" + f.Name
		_, isBool := f.Value.(interface{ IsBoolFlag() bool })
		if !isBool {
			value, ok := diag.FlagValue(fs.Name(), f.Name, lang)
			if !ok {
				value = diag.UsageWord(diag.FlagString, lang)
			}
			line += " " + value
		}
		line += "\n    \t" + strings.ReplaceAll(text, "\n", "\n    \t")
		switch def := f.DefValue; {
		case isBool && def == "true":
			line += fmt.Sprintf(" (%s %s)", diag.UsageWord(diag.FlagDefault, lang), def)
		case !isBool && def != "":
			line += fmt.Sprintf(" (%s %q)", diag.UsageWord(diag.FlagDefault, lang), def)
		}
		fmt.Fprintln(w, line)
	})
}

// parseExit is the exit code of a command whose flags could not be
// parsed: 0 for -h, which asked for the help that was printed, else the
// code of a command not run as written.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// noRoot reports whether root, the site folder of -root, is missing or
// not a folder, and if so says so, naming it, as serve does: a -root
// misspelt would otherwise only say that no config.toml is there.
func noRoot(w io.Writer, lang diag.Lang, cmd, root string) bool {
	if info, err := os.Stat(root); err == nil && info.IsDir() {
		return false
	}
	say(w, lang, diag.CLINoRoot, cmd, filepath.ToSlash(root))
	return true
}
