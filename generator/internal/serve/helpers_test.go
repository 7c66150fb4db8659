package serve

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/output"
)

// testNow is the fixed "now" of the fixture builds.
var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

// fixture copies testdata/site and the repository's templates/ into a
// temporary site root.
func fixture(t testing.TB) string {
	t.Helper()
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, "templates", "layouts")); err != nil {
		t.Skip("templates/ not present")
	}
	root := t.TempDir()
	copyTree(t, "testdata/site", root)
	copyTree(t, filepath.Join(repo, "templates"), filepath.Join(root, "templates"))
	return root
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// edit rewrites a file of the site with a replacement of old by new.
func edit(t testing.TB, root, rel, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	write(t, root, rel, strings.Replace(string(b), old, new, 1))
}

func write(t testing.TB, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree reads every file under dir but serve's own marker and temporary files.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	return treeFS(t, os.DirFS(dir))
}

// treeFS is tree of the files of fsys.
func treeFS(t testing.TB, fsys fs.FS) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out[p] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dirOf is the folder an engine of the tests writes to.
func dirOf(e *engine) string { return string(e.store.(output.Dir)) }

// asPreview is a built site's files as the preview serves them: the
// pages' <meta> policy without upgrade-insecure-requests (the fixture's
// config.toml has no [csp]; config.Policy.Preview).
func asPreview(files map[string]string) map[string]string {
	policy := config.DefaultPolicy()
	build := `content="` + html.EscapeString(policy.Meta()) + `"`
	preview := `content="` + html.EscapeString(policy.Preview().Meta()) + `"`
	for p, data := range files {
		if strings.HasSuffix(p, ".html") {
			files[p] = strings.ReplaceAll(data, build, preview)
		}
	}
	return files
}
