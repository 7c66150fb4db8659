package main

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestSpelledOnDisk: a path named on check's command line in another case
// than its folders and file have is spelt as they are, so that the
// problems of that file are selected.
func TestSpelledOnDisk(t *testing.T) {
	fsys := fstest.MapFS{
		"content/theses/energidata.md":   {Data: []byte("x")},
		"content/theses/Åsa-mätning.md":  {Data: []byte("x")},
		"content/pages/Om.md":            {Data: []byte("x")},
		"content/pages/om.en.md":         {Data: []byte("x")},
		"content/lectures/ENERGI~1.MD/x": {Data: []byte("x")},
	}
	for _, c := range []struct{ rel, want string }{
		{"content/theses/energidata.md", "content/theses/energidata.md"},
		{"Content/Theses/Energidata.MD", "content/theses/energidata.md"},
		{"content/theses/ÅSA-MÄTNING.md", "content/theses/Åsa-mätning.md"},
		{"CONTENT/THESES", "content/theses"},
		{"content/pages/Om.md", "content/pages/Om.md"},
		{"content/pages/om.md", "content/pages/Om.md"},
		{"content/pages/OM.EN.MD", "content/pages/om.en.md"},
		{"content/lectures/ENERGI~2.MD", "content/lectures/ENERGI~2.MD"},
		{"Content/nothing/Here.md", "content/nothing/Here.md"},
	} {
		if got := spelledOnDisk(fsys, c.rel); got != c.want {
			t.Errorf("spelledOnDisk(%q) = %q, want %q", c.rel, got, c.want)
		}
	}
}

// TestCheckFileOtherCase: on a file system that ignores case (Windows,
// macOS; under Wine: scripts/wine-test.sh), check of a record named in
// another case, or of its folder, reports the record's problems, as check
// of its name as spelt does. It used to select nothing and say "ok".
func TestCheckFileOtherCase(t *testing.T) {
	root := checkSite(t, map[string]string{"content/theses/x.md": badThesis})
	if _, err := os.Stat(filepath.Join(root, "CONTENT", "THESES", "X.MD")); err != nil {
		t.Skip("the file system tells case apart")
	}
	const want = "content/theses/x.md:4:10: unknown area \"energy\" (not in config.toml [areas]; did you mean \"energi\"?)\n1 error\n"
	for _, name := range []string{"content/theses/x.md", "Content/Theses/X.md", "CONTENT/THESES"} {
		code, stdout, stderr := runCmd(t, "check", "-root", root, filepath.Join(root, filepath.FromSlash(name)))
		if code != exitProblems || stdout+stderr != want {
			t.Errorf("check %s: exit %d, %q; want %d, %q", name, code, stdout+stderr, exitProblems, want)
		}
	}
}
