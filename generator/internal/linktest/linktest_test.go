package linktest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMake(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "t.md")
	if err := os.WriteFile(target, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "l.md")
	Symlink(t, "t.md", link)
	if got, err := os.Readlink(link); err != nil || got != "t.md" {
		t.Errorf("Readlink: %q, %v; want t.md", got, err)
	}
	err := Make("t.md", link)
	if le, ok := err.(*os.LinkError); !ok || le.Op != "symlink" || !os.IsExist(le.Err) {
		t.Errorf("a second link at the same name: %v, want the *os.LinkError of an existing file", err)
	}
}
