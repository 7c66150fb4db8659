package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestOlderItemsPartial: a site's own partial items written before
// View.ItemParts (the shipped one with {{.Items ...}}, which writes the
// items as one text, in place of the range over their parts) gives every
// output the shipped partial gives, byte for byte.
func TestOlderItemsPartial(t *testing.T) {
	shipped := shippedTemplates(t)
	site := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/sites/basic"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/sites/basic"), p)
		site[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	const parts, joined = "{{- range .ItemParts .X.Items .X.H}}{{.}}{{end}}", "{{- .Items .X.Items .X.H}}"
	current := string(shipped["templates/partials/items.html"].Data)
	if strings.Count(current, parts) != 1 {
		t.Fatalf("the shipped partial items has no line %s", parts)
	}
	older := []byte(strings.Replace(current, parts, joined, 1))
	build := func(items []byte) map[string][]byte {
		t.Helper()
		fsys := fstest.MapFS{}
		for p, f := range shipped {
			fsys[p] = f
		}
		for p, f := range site {
			fsys[p] = f
		}
		if items != nil {
			fsys["templates/partials/items.html"] = &fstest.MapFile{Data: items, Mode: 0o644}
		}
		l, err := Load(fsys, Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		outs, err := outputBytes(l)
		if err != nil {
			t.Fatal(err)
		}
		return outs
	}
	want, got := build(nil), build(older)
	if len(got) != len(want) {
		t.Fatalf("%d outputs, want %d", len(got), len(want))
	}
	for p, b := range want {
		if !bytes.Equal(got[p], b) {
			t.Errorf("%s differs with the older partial items", p)
		}
	}
}
