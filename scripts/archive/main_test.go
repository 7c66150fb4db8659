package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"slices"
	"testing"
	"time"
)

// Both formats: the same input gives the same bytes, entries sorted under
// one folder, one time, owner 0, 0755 for the program only.
func TestPack(t *testing.T) {
	mtime := time.Unix(1764746000, 0).UTC()
	files := []file{{"README.md", []byte("read me")}, {"portal", []byte("\x7fELF")}}
	for _, out := range []string{"x.tar.gz", "x.zip"} {
		a, err := pack(out, "portal-0.1.0-x", "portal", mtime, files)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := pack(out, "portal-0.1.0-x", "portal", mtime, files)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", out)
		}
		type entry struct {
			name string
			mode int64
			time time.Time
		}
		var got []entry
		if out == "x.zip" {
			zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				got = append(got, entry{f.Name, int64(f.Mode().Perm()), f.Modified.UTC()})
			}
		} else {
			gz, err := gzip.NewReader(bytes.NewReader(a))
			if err != nil {
				t.Fatal(err)
			}
			if gz.Name != "" || !gz.ModTime.IsZero() {
				t.Errorf("gzip header has a name %q or a time %v", gz.Name, gz.ModTime)
			}
			tr := tar.NewReader(gz)
			for {
				h, err := tr.Next()
				if err == io.EOF {
					break
				} else if err != nil {
					t.Fatal(err)
				}
				if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
					t.Errorf("%s: owner %d/%d %q/%q", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
				}
				got = append(got, entry{h.Name, h.Mode, h.ModTime.UTC()})
			}
		}
		want := []entry{{"portal-0.1.0-x/README.md", 0o644, mtime}, {"portal-0.1.0-x/portal", 0o755, mtime}}
		if out == "x.tar.gz" {
			want = append([]entry{{"portal-0.1.0-x/", 0o755, mtime}}, want...)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", out, got, want)
		}
	}
}
