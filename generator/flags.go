package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"portal/generator/internal/diag"
)

// newFlags is the flag set of the command cmd. Its mistakes go to stderr,
// followed by its help: the command's lines of the help, in the language
// of the environment (with its arguments, such as the KIND "Title" of new,
// which its options do not show), then its options.
func newFlags(cmd string, stderr io.Writer, getenv func(string) string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, diag.CommandUsage(cmd, envLang(getenv)))
		fs.PrintDefaults()
	}
	return fs
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
