package content

import (
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/config"
)

// TestReadDirect: with Options.Dir the sources are read with plain system
// calls; the records, the bodies read again and the errors are those read
// through fsys.
func TestReadDirect(t *testing.T) {
	broken := t.TempDir()
	if data, err := os.ReadFile("../../../config.toml"); err != nil {
		t.Fatal(err)
	} else if err := os.WriteFile(filepath.Join(broken, "config.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"content/theses/folder.md", "content/lectures"} {
		if err := os.MkdirAll(filepath.Join(broken, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(broken, "content/lectures/x.md"), []byte("+++\ntitle = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../../..", "../pipeline/testdata/sites/basic", broken} {
		t.Run(filepath.Base(root), func(t *testing.T) {
			fsys := os.DirFS(root)
			cfg, err := config.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			viaFS, errFS := LoadWith(fsys, cfg, Options{})
			direct, errDirect := LoadWith(fsys, cfg, Options{Dir: root, KeepBodies: -1})
			if (errFS == nil) != (errDirect == nil) || errFS != nil && errFS.Error() != errDirect.Error() {
				t.Fatalf("errors differ:\nfsys:   %v\ndirect: %v", errFS, errDirect)
			}
			if root == broken && errFS == nil || root != broken && (errFS != nil || len(viaFS.Records) == 0) {
				t.Fatalf("%d records, errors: %v", len(viaFS.Records), errFS)
			}
			if len(viaFS.Records) != len(direct.Records) {
				t.Fatalf("%d records through fsys, %d direct", len(viaFS.Records), len(direct.Records))
			}
			for i, r := range viaFS.Records {
				d := direct.Records[i]
				for j, v := range r.Versions {
					dv := d.Versions[j]
					if v.Path != dv.Path || v.Hash != dv.Hash || v.Title != dv.Title || dv.Body != nil {
						t.Fatalf("%s: versions differ", v.Path)
					}
					body, err := ReadBody(fsys, dv)
					if err != nil || string(body) != string(v.Body) {
						t.Fatalf("%s: body read again differs (%v)", v.Path, err)
					}
				}
			}
		})
	}
	// A source that is gone is reported alike.
	fsys := os.DirFS(broken)
	for _, dir := range []string{"", broken} {
		v := &Version{Path: "content/lectures/gone.md", size: 10, dir: dir}
		if _, err := ReadBody(fsys, v); err == nil || err.Error() != "open content/lectures/gone.md: no such file or directory" {
			t.Errorf("dir %q: %v", dir, err)
		}
	}
}
