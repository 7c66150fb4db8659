package pipeline

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
)

// TestStreamSameOutput builds the fixture sites with the bodies rendered
// while the pages are written (Options.Stream, the build command) and
// without, and expects the same files, and the loaded records unchanged
// by the build (their Markdown and positions are not dropped from them).
func TestStreamSameOutput(t *testing.T) {
	sites, _ := filepath.Glob("testdata/sites/*")
	for _, dir := range sites {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fsys := fixture(t, dir)
			trees := map[bool]map[string][]byte{}
			for _, stream := range []bool{false, true} {
				l, err := Load(fsys, Options{Now: testNow, Stream: stream})
				if err != nil {
					t.Fatalf("load (stream %v): %v", stream, err)
				}
				loaded := map[*content.Version]content.Version{}
				for _, r := range l.Set.Records {
					for _, v := range r.Versions {
						loaded[v] = *v
					}
				}
				out := filepath.Join(t.TempDir(), "public")
				if _, err := l.Write(context.Background(), out); err != nil {
					t.Fatalf("write (stream %v): %v", stream, err)
				}
				trees[stream] = tree(t, out)
				for v, was := range loaded {
					if !reflect.DeepEqual(*v, was) {
						t.Errorf("stream %v: the build changed the loaded version %s", stream, v.Path)
					}
				}
			}
			a, b := trees[false], trees[true]
			if !slices.Equal(slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))) {
				t.Fatalf("file lists differ:\n%v\n%v", slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b)))
			}
			for p, data := range a {
				if !bytes.Equal(data, b[p]) {
					t.Errorf("%s differs when streamed", p)
				}
			}
		})
	}
}

// TestStreamBrokenLinks has broken links as its only problems: a streamed
// Load accepts it, Write reports the links as Load does without streaming
// and publishes nothing.
func TestStreamBrokenLinks(t *testing.T) {
	root := siteCopy(t, "testdata/invalid/links")
	if err := os.Remove(filepath.Join(root, "content/pages/exjobb.md")); err != nil {
		t.Fatal(err)
	}
	_, err := Load(os.DirFS(root), Options{Now: testNow})
	want, ok := diag.AsList(err)
	if !ok || len(want) == 0 {
		t.Fatalf("the fixture without its colliding page: want broken links, got %v", err)
	}
	l, err := Load(os.DirFS(root), Options{Now: testNow, Stream: true})
	if err != nil {
		t.Fatalf("streamed load: %v", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err = l.Write(context.Background(), out)
	got, ok := diag.AsList(err)
	if !ok {
		t.Fatalf("write: want positioned errors, got %v", err)
	}
	if got.Error() != want.Error() {
		t.Errorf("errors:\n%s\nwant:\n%s", got.Error(), want.Error())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a build with broken links published %s: %v", out, err)
	}
}

// TestStreamChangedFile: a streamed build that keeps no Markdown in memory
// reads each body again when it renders it; a record file edited since
// Load fails the build, which publishes nothing. (Text added at the end of a file is not read: the
// body rendered is the one Load read.)
func TestStreamChangedFile(t *testing.T) {
	root := siteCopy(t, "testdata/sites/basic")
	l, err := Load(os.DirFS(root), Options{Now: testNow, Stream: true, KeepBodies: -1})
	if err != nil {
		t.Fatal(err)
	}
	rec := l.Set.Records[0].Own().Path
	data, err := os.ReadFile(filepath.Join(root, rec))
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("+++\n"), []byte("+++\nEdited. "), 2) // the body, at the same place
	if err := os.WriteFile(filepath.Join(root, rec), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err = l.Write(context.Background(), out)
	list, ok := diag.AsList(err)
	if !ok || len(list) != 1 || list[0].Path != rec || !strings.Contains(list[0].Msg, "changed while the site was being built") {
		t.Fatalf("want one problem in %s, got %v", rec, err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("published %s: %v", out, err)
	}
}
