package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckConfigProblems expects check to report, at their place in
// config.toml and the same on every run, the settings that build would
// refuse or that would make it publish wrong URLs.
func TestCheckConfigProblems(t *testing.T) {
	for _, c := range []struct {
		name, old, new, want string
	}{
		{"baseURL without a host", `baseURL = "https://test.example.se/"`, `baseURL = "https://"`,
			`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": it has no host`},
		{"baseURL with a space", `baseURL = "https://test.example.se/"`, `baseURL = "https://test example.se/"`,
			`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/"`},
		{"local time zone", `timeZone = "Europe/Stockholm"`, `timeZone = "Local"`,
			`config.toml:5:12: time zone "Local" depends on the computer; name a zone like "Europe/Stockholm"`},
		{"two sections, one segment", `sv = "praktik"`, `sv = "exjobb"`,
			`config.toml:12:6: section segment "exjobb" is already the URL of [sections.theses] (/exjobb/)`},
		{"a section on an index", `sv = "praktik"`, `sv = "omraden"`,
			`config.toml:12:6: section segment "omraden" is already the URL of the areas index (/omraden/)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := checkSite(t, nil)
			cfg := filepath.Join(root, "config.toml")
			b, err := os.ReadFile(cfg)
			if err != nil || !strings.Contains(string(b), c.old) {
				t.Fatalf("config.toml has no %q (%v)", c.old, err)
			}
			if err := os.WriteFile(cfg, []byte(strings.Replace(string(b), c.old, c.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			var first string
			for i := range 3 {
				code, _, stderr := runCmd(t, "check", "-root", root, "-now", "2026-11-27")
				if want := c.want + "\n1 error\n"; code != exitProblems || stderr != want {
					t.Fatalf("run %d: exit %d\n%s\nwant exit 1\n%s", i, code, stderr, want)
				}
				if i > 0 && stderr != first {
					t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, stderr, first)
				}
				first = stderr
			}
		})
	}
}
