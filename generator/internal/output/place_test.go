package output

import (
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/linktest"
)

func TestCheckOut(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	for _, d := range []string{"content/theses", "templates"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	os.WriteFile(filepath.Join(root, "config.toml"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep"), 0o644)
	linktest.Symlink(t, filepath.Join(root, "content"), filepath.Join(dir, "link"))
	s := filepath.ToSlash(dir)
	for _, c := range []struct{ out, want string }{
		{"site/public", ""},
		{"public", ""},
		{"site/public/nested", ""},
		{"site/content", "-out " + s + "/site/content is inside the sources (content); choose a folder outside them"},
		{"site/content/public", "-out " + s + "/site/content/public is inside the sources (content); choose a folder outside them"},
		{"site/templates/x", "-out " + s + "/site/templates/x is inside the sources (templates); choose a folder outside them"},
		{"site/config.toml", "-out " + s + "/site/config.toml is inside the sources (config.toml); choose a folder outside them"},
		{"link/public", "-out " + s + "/link/public is inside the sources (content); choose a folder outside them"},
		{"site", "-out " + s + "/site contains the site root; choose another folder"},
		{".", "-out " + s + " contains the site root; choose another folder"},
		{"notes.txt", "-out " + s + "/notes.txt is a file, not a folder"},
	} {
		out := filepath.Join(dir, filepath.FromSlash(c.out))
		err := CheckOut(root, out)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("CheckOut(%s): %q, want %q", c.out, got, c.want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "keep" {
		t.Error("notes.txt changed")
	}
}
