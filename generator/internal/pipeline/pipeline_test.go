package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
)

// Outputs lists every file of the site, pages first, in a fixed order.
func (l *Loaded) Outputs() []Output { return l.outputs(nil) }

// testNow is the fixed "now" of the fixture builds.
var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// overlay serves a fixture site with the repository's templates/.
type overlay struct{ site, templates fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if name == "templates" || strings.HasPrefix(name, "templates/") {
		return o.templates.Open(name)
	}
	return o.site.Open(name)
}

// fixture returns the fixture site at testdata/sites/name, with the
// shipped templates.
func fixture(t testing.TB, dir string) fs.FS {
	t.Helper()
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, "templates")); err != nil {
		t.Skip("templates/ not present")
	}
	return overlay{site: os.DirFS(dir), templates: os.DirFS(repo)}
}

// buildTo builds a fixture into out and returns the report.
func buildTo(t testing.TB, fsys fs.FS, out string) *Report {
	t.Helper()
	l, err := Load(fsys, Options{Now: testNow})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	rep, err := l.Write(context.Background(), out)
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return rep
}

// treeFS reads every file of fsys: slash path → bytes.
func treeFS(t testing.TB, fsys fs.FS) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(fsys, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// tree reads every file under dir: slash path → bytes.
func tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// TestDeterministic builds the same sources twice with the same now and
// expects byte-identical trees.
func TestDeterministic(t *testing.T) {
	fsys := fixture(t, "testdata/sites/basic")
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	buildTo(t, fsys, a)
	buildTo(t, fsys, b)
	ta, tb := tree(t, a), tree(t, b)
	if !slices.Equal(slices.Sorted(maps.Keys(ta)), slices.Sorted(maps.Keys(tb))) {
		t.Fatalf("file lists differ:\n%v\n%v", slices.Sorted(maps.Keys(ta)), slices.Sorted(maps.Keys(tb)))
	}
	for p, data := range ta {
		if !bytes.Equal(data, tb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestRebuildRemovesStale checks that public/ holds exactly the current
// outputs: a deleted record leaves nothing behind.
func TestRebuildRemovesStale(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/sites/basic")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, fixture(t, dir), out)
	page := filepath.Join(out, "gastforelasningar", "smarta-kartor", "index.html")
	if _, err := os.Stat(page); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "content", "lectures", "smarta-kartor.md"))
	buildTo(t, fixture(t, dir), out)
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("page of a deleted record is still there: %v", err)
	}
	for p, data := range tree(t, out) {
		if bytes.Contains(data, []byte("smarta-kartor")) {
			t.Errorf("%s still mentions the deleted record", p)
		}
	}
}

// TestInvalidSites loads each fixture under testdata/invalid and expects
// exactly the problems listed in its errors.txt, streamed or not: a
// streamed Load reports all of them too, broken links included, in one
// run.
func TestInvalidSites(t *testing.T) {
	sites, _ := filepath.Glob("testdata/invalid/*")
	for _, dir := range sites {
		for _, stream := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/stream=%v", filepath.Base(dir), stream), func(t *testing.T) {
				want, err := os.ReadFile(filepath.Join(dir, "errors.txt"))
				if err != nil {
					t.Fatal(err)
				}
				_, err = Load(fixture(t, dir), Options{Now: testNow, Stream: stream})
				list, ok := diag.AsList(err)
				if !ok {
					t.Fatalf("want positioned errors, got %v", err)
				}
				if got := list.Error() + "\n"; got != string(want) {
					t.Errorf("errors:\n%s\nwant:\n%s", got, want)
				}
			})
		}
	}
}
