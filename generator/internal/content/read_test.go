package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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
					body, err := direct.Sources.Take(fsys, dv)
					if err != nil || string(body) != string(v.Body) {
						t.Fatalf("%s: body read again differs (%v)", v.Path, err)
					}
				}
			}
		})
	}
	// A source that is gone is reported alike, in the system's words
	// ("no such file or directory"; Windows: "The system cannot find the
	// file specified.").
	_, gone := os.Open(filepath.Join(broken, "gone"))
	var pe *fs.PathError
	if !errors.As(gone, &pe) || !errors.Is(gone, fs.ErrNotExist) {
		t.Fatalf("open a missing file: %v", gone)
	}
	want := "open content/lectures/gone.md: " + pe.Err.Error()
	if runtime.GOOS != "windows" && want != "open content/lectures/gone.md: no such file or directory" {
		t.Errorf("the system's words for a missing file: %q", pe.Err)
	}
	fsys := os.DirFS(broken)
	for _, dir := range []string{"", broken} {
		v := &Version{Path: "content/lectures/gone.md", size: 10, dir: dir}
		if _, err := (&Sources{}).Take(fsys, v); err == nil || err.Error() != want {
			t.Errorf("dir %q: %v, want %s", dir, err, want)
		}
	}
}

// TestKeepBodies: a load that keeps no Markdown on the versions
// (Options.KeepBodies, the build command) reports every problem at the
// place a plain load does, its positions reading the file again, and
// hands each body over once from Set.Sources, or reads it again.
func TestKeepBodies(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"content/theses/ok.md": "+++\ntitle = \"Ok\"\ndate = 2026-09-14\nareas = [\"vatten-och-miljo\"]\nhost = \"miljoforvaltningen\"\n" +
			"level = \"bachelor\"\ncredits = 15\ndeadline = 2026-11-20\nschools = [\"sci\"]\ncontacts = [{ role = \"R\", email = \"a@example.se\" }]\n+++\n\nThe body.\n",
		"content/theses/bad.md": "+++\ntitle = \"Bad\"\ndate = 2026-09-14\nareas = [\"vatten-och-miljo\", \"nowhere\"]\nhost = \"miljoforvaltningen\"\n" +
			"level = \"bachelor\"\ncredits = 15\ndeadline = 2026-11-20\nschools = [\"sci\"]\ncontacts = [{ role = \"R\", email = \"a@example.se\" }]\n+++\n\nText.\n",
	}
	for p, data := range files {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, p), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := os.DirFS(root)
	cfg, err := config.Load(os.DirFS("../../.."))
	if err != nil {
		t.Fatal(err)
	}
	const want = `content/theses/bad.md:4:30: unknown area "nowhere" (not in config.toml [areas], which has: hallbar-stadsutveckling, energi-och-klimat, transport-och-mobilitet, digitalisering, vatten-och-miljo, halsa-och-omsorg, utbildning-och-kompetens, bostader-och-byggande, innovation-och-forskning)`
	for _, tt := range []struct {
		keep int64
		kept int // bodies in Sources after the load (both files')
	}{
		{0, 0}, {-1, 0}, {1, 0}, {1 << 20, 2},
	} {
		set, err := LoadWith(fsys, cfg, Options{KeepBodies: tt.keep})
		if err == nil || err.Error() != want {
			t.Errorf("KeepBodies %d: got %v, want %s", tt.keep, err, want)
		}
		if len(set.Records) != 1 {
			t.Fatalf("KeepBodies %d: %d records, want 1", tt.keep, len(set.Records))
		}
		v := set.Records[0].Own()
		if tt.keep == 0 {
			if set.Sources != nil || string(v.Body) != "\nThe body.\n" {
				t.Errorf("KeepBodies 0: sources %v, body %q", set.Sources, v.Body)
			}
			continue
		}
		if v.Body != nil || len(set.Sources.m) != tt.kept {
			t.Errorf("KeepBodies %d: body %q on the version, %d kept", tt.keep, v.Body, len(set.Sources.m))
		}
		for range 2 { // the second time read again
			body, err := set.Sources.Take(fsys, v)
			if err != nil || string(body) != "\nThe body.\n" || len(set.Sources.m) != max(tt.kept-1, 0) {
				t.Errorf("KeepBodies %d: took %q, %v; %d left", tt.keep, body, err, len(set.Sources.m))
			}
		}
	}
}
