package serve

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"portal/generator/internal/diag"
)

// TestBuildingSaysRootWithSlashes: the first line serve prints names the
// site's folder with forward slashes, as every other message names a path
// (build's "wrote … to site/public", check's paths), also on Windows,
// where the folder is C:\Users\…: it used to be the one path said with
// backslashes. Only Windows (or Wine) tells the two apart.
func TestBuildingSaysRootWithSlashes(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	want := "serve: building " + filepath.ToSlash(abs) + " (drafts included)"
	r.logs.mu.Lock()
	first := r.logs.lines[0]
	r.logs.mu.Unlock()
	if first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}

// TestRunNoRoot: serve on a site folder that is not there says so in
// the language of the messages, with the folder as given, in forward
// slashes like every path; it used to say it in English alone.
func TestRunNoRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "Mina dokument", "webb")
	err := Run(context.Background(), Options{Root: root, Now: fixedNow})
	m, ok := errors.AsType[diag.Message](err)
	if !ok {
		t.Fatalf("Run: %v, want a message of the catalog", err)
	}
	slashed := filepath.ToSlash(root)
	for _, c := range []struct {
		lang diag.Lang
		want string
	}{
		{diag.English, "serve: the site folder " + slashed + " does not exist or is not a folder; give -root the folder that holds config.toml"},
		{diag.Swedish, "serve: mappen " + slashed + " finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger"},
	} {
		if got := m.Text(c.lang); got != c.want {
			t.Errorf("%v: %q, want %q", c.lang, got, c.want)
		}
	}
}
