package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStartProfiles: the profiles of build's -cpuprofile, -trace and
// -memprofile are written when stopped, each only when named; a file
// that cannot be made is an error, and what was started is stopped: the
// CPU profile starts again after it.
func TestStartProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, tr, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "trace.out"), filepath.Join(dir, "mem.prof")
	for _, c := range []struct {
		name           string
		cpu, tr, mem   string
		wantErr        bool
		written, never []string
	}{
		{"none", "", "", "", false, nil, []string{cpu, tr, mem}},
		{"trace cannot be made", cpu, filepath.Join(dir, "no", "trace.out"), mem, true, nil, []string{mem}},
		{"all", cpu, tr, mem, false, []string{cpu, tr, mem}, nil},
		{"memory only", "", "", mem, false, []string{mem}, []string{cpu, tr}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range []string{cpu, tr, mem} {
				os.Remove(f)
			}
			stop, err := startProfiles(c.cpu, c.tr, c.mem)
			if (err != nil) != c.wantErr {
				t.Fatalf("error %v, want one: %v", err, c.wantErr)
			}
			if err == nil {
				stop()
			}
			for _, f := range c.written {
				if info, err := os.Stat(f); err != nil || info.Size() == 0 {
					t.Errorf("%s not written: %v", filepath.Base(f), err)
				}
			}
			for _, f := range c.never {
				if _, err := os.Stat(f); err == nil {
					t.Errorf("%s written", filepath.Base(f))
				}
			}
		})
	}
}
