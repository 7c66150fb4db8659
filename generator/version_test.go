package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := func(rev, tm, mod string) *debug.BuildInfo {
		info := &debug.BuildInfo{Main: debug.Module{Path: "portal", Version: "(devel)"}}
		info.Settings = []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: tm}, {Key: "vcs.modified", Value: mod}}
		return info
	}
	const rev = "a810abf0123456789abcdef0123456789abcdef0"
	for _, c := range []struct {
		name                      string
		release, commit, modified string
		info                      *debug.BuildInfo
		want                      string
	}{
		{"release from a clean tree", "0.1.0", "", "", vcs(rev, "2026-12-03T06:30:00Z", "false"),
			"portal 0.1.0, commit a810abf01234 (2026-12-03T06:30:00Z), clean tree"},
		{"changes not committed", "", "", "", vcs(rev, "2026-12-03T06:30:00Z", "true"),
			"portal devel, commit a810abf01234 (2026-12-03T06:30:00Z), with uncommitted changes"},
		{"stamped commit where the go command saw none", "0.1.0", rev, "true",
			&debug.BuildInfo{Main: debug.Module{Path: "portal", Version: "(devel)"}},
			"portal 0.1.0, commit a810abf01234, with uncommitted changes"},
		{"the build information wins over a stamp", "0.1.0", "ffff", "true", vcs(rev, "", "false"),
			"portal 0.1.0, commit a810abf01234, clean tree"},
		{"module version from go install", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}},
			"portal 0.2.0, commit unknown"},
		{"nothing known", "", "", "", nil, "portal devel, commit unknown"},
	} {
		if got := versionLine(c.release, c.commit, c.modified, c.info); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	code, out, _ := runCmd(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "portal devel, commit ") || strings.Count(out, "\n") != 1 {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, errs := runCmd(t, "version", "x"); code != exitUsage || !strings.HasPrefix(errs, "version takes no arguments\n") {
		t.Errorf("version x: exit %d, %q", code, errs)
	}
}

// A folder with only config.toml and content/ builds and checks with the
// embedded templates, and the build summary names the program.
func TestBuildWithoutTemplates(t *testing.T) {
	root := t.TempDir()
	copyDir(t, "../content", filepath.Join(root, "content"))
	b, err := os.ReadFile("../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd(t, "build", "-root", root, "-out", out, "-now", "2026-11-27")
	if code != exitOK || !strings.HasPrefix(stdout, "program  portal devel, commit ") {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
	if code, stdout, stderr := runCmd(t, "check", "-root", root, "-now", "2026-11-27"); code != exitOK {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
}
