package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestFastTemplatesFlag: build -fast-templates=false executes the
// templates with html/template alone and writes the same site; the
// summary says which executed them, and how many executions the fast
// executor handed back.
func TestFastTemplatesFlag(t *testing.T) {
	outs := map[string]string{}
	for _, c := range []struct{ flag, line string }{
		{"-fast-templates=true", "templates fast executor, 0 executions handed back to html/template\n"},
		{"-fast-templates=false", "templates html/template alone (-fast-templates=false)\n"},
	} {
		out := filepath.Join(t.TempDir(), "public")
		code, stdout, stderr := runCmd(t, "build", "-root", "..", "-out", out, "-now", "2026-11-27", c.flag)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", c.flag, code, stderr)
		}
		if got := regexp.MustCompile(`(?m)^templates .*\n`).FindString(stdout); got != c.line {
			t.Errorf("%s: summary line %q, want %q", c.flag, got, c.line)
		}
		outs[c.flag] = out
	}
	fast, slow := os.DirFS(outs["-fast-templates=true"]), os.DirFS(outs["-fast-templates=false"])
	n := 0
	err := fs.WalkDir(slow, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, _ := fs.ReadFile(slow, p)
		got, err := fs.ReadFile(fast, p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs with the fast executor (%v)", p, err)
		}
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d files compared: %v", n, err)
	}
}
