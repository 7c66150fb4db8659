package main

import (
	"cmp"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"portal/generator/internal/diag"
)

// Stamped in by the linker (-ldflags "-X main.version=0.1.0 ...", as
// scripts/release.sh does); empty in a program built without them. commit
// and modified ("true" or "false") stand in for the build information's
// vcs.revision and vcs.modified where the go command cannot read the
// repository (a git worktree, whose .git is a file).
var version, commit, modified string

// versionLine says which program this is, from the stamped release and the
// build information the go command records: the release (else the module
// version, else "devel"), the commit and its time, and whether the working
// tree had changes that are not committed.
func versionLine(release, commit, modified string, info *debug.BuildInfo) string {
	settings := map[string]string{"vcs.revision": commit, "vcs.modified": modified}
	if info != nil {
		// The build information's vcs settings, when it has any, stand
		// over the stamped ones.
		if slices.ContainsFunc(info.Settings, func(s debug.BuildSetting) bool { return s.Key == "vcs.revision" }) {
			for _, s := range info.Settings {
				settings[s.Key] = s.Value
			}
		}
		if release == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			release = strings.TrimPrefix(info.Main.Version, "v")
		}
	}
	line := "portal " + cmp.Or(release, "devel")
	rev := settings["vcs.revision"]
	if rev == "" {
		return line + ", commit unknown"
	}
	line += ", commit " + rev[:min(len(rev), 12)]
	if t := settings["vcs.time"]; t != "" {
		line += " (" + t + ")"
	}
	if settings["vcs.modified"] == "true" {
		return line + ", with uncommitted changes"
	}
	return line + ", clean tree"
}

// programVersion is versionLine for this program.
func programVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionLine(version, commit, modified, info)
}

func cmdVersion(args []string, stdout, stderr io.Writer, lang diag.Lang) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		// Asked what version does, as -h after any command asks; it has
		// no options to list after its line.
		usage, _, _ := strings.Cut(diag.CommandUsage("version", lang), "\n\n")
		fmt.Fprintln(stderr, usage)
		return exitOK
	}
	if len(args) > 0 {
		say(stderr, lang, diag.VersionArgs)
		fmt.Fprintf(stderr, "\n%s", diag.UsageText(lang))
		return exitUsage
	}
	fmt.Fprintln(stdout, programVersion())
	return exitOK
}
