package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestNoConflictMarkers fails on a line a merge left behind, "<<<<<<< " or
// ">>>>>>> " at its start, in any text file of the repository: one in the
// README's table of commands showed both sides of a merge to readers.
func TestNoConflictMarkers(t *testing.T) {
	skip := map[string]bool{".git": true, "node_modules": true, "public": true, "dist": true}
	root := ".."
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skip[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(p) {
		case ".md", ".go", ".html", ".toml", ".css", ".js", ".conf", ".sh", ".txtar", ".yml", ".json":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range bytes.Split(data, []byte("\n")) {
			if bytes.HasPrefix(line, []byte("<<<<<<< ")) || bytes.HasPrefix(line, []byte(">>>>>>> ")) {
				rel, _ := filepath.Rel(root, p)
				t.Errorf("%s:%d: a merge's conflict marker: %s", filepath.ToSlash(rel), i+1, line)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
