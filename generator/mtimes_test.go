package main

import (
	"archive/tar"
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestBuildModTimes builds the test site as an operator deploys it: two
// builds from scratch with SOURCE_DATE_EPOCH give the same tar archive,
// times included, every file and folder at SOURCE_DATE_EPOCH; builds in
// place keep the time of every file whose bytes do not change, so that
// rsync's quick check and the web server's ETag and Last-Modified see
// them unchanged.
func TestBuildModTimes(t *testing.T) {
	const epoch = "1772323200" // 2026-03-01T00:00:00Z
	tests := []struct {
		name    string
		env     map[string]string
		inPlace bool // three builds into one folder, else two new ones
	}{
		{"from scratch with SOURCE_DATE_EPOCH", map[string]string{"SOURCE_DATE_EPOCH": epoch}, false},
		{"in place without SOURCE_DATE_EPOCH", nil, true},
		{"in place with SOURCE_DATE_EPOCH", map[string]string{"SOURCE_DATE_EPOCH": epoch}, true},
	}
	root := checkSite(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			outs := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}
			if tt.inPlace {
				outs = []string{outs[0], outs[0], outs[0]}
			}
			var tars [][]byte
			var times []map[string]time.Time
			for _, out := range outs {
				var stdout, stderr bytes.Buffer
				code := run(context.Background(), []string{"build", "-root", root, "-out", out, "-now", "2026-03-01"},
					&stdout, &stderr, func(k string) string { return tt.env[k] })
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, stderr.String())
				}
				tars = append(tars, tarOf(t, out))
				times = append(times, fileTimes(t, out))
			}
			if !tt.inPlace && !bytes.Equal(tars[0], tars[1]) {
				t.Error("two builds from scratch give different tar archives")
			}
			for i := 1; i < len(times); i++ {
				if !maps.EqualFunc(times[0], times[i], time.Time.Equal) {
					for p, m := range times[i] {
						if !m.Equal(times[0][p]) {
							t.Errorf("build %d: %s modified at %v, build 0 at %v", i, p, m, times[0][p])
							break
						}
					}
				}
			}
			if tt.env["SOURCE_DATE_EPOCH"] != "" {
				for p, m := range times[len(times)-1] {
					if m.Unix() != 1772323200 || m.Nanosecond() != 0 {
						t.Errorf("%s modified at %v, want SOURCE_DATE_EPOCH", p, m)
						break
					}
				}
			}
		})
	}
}

// tarOf archives dir as tar does, in the order of a sorted walk: each
// header holds the name, mode, size, owner and modification time.
func tarOf(t *testing.T, dir string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := tar.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h, err := tar.FileInfoHeader(info, "")
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h.Name = filepath.ToSlash(rel)
		if err := w.WriteHeader(h); err != nil {
			return err
		}
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		}
		return nil
	})
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fileTimes is the modification time of every file under dir,
// to the nanosecond, by slash-separated path.
func fileTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = info.ModTime()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
