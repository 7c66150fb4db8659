package config

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// FuzzParse feeds ParseWith any bytes: it must not panic or hang, and must
// return either a config or only positioned, one-line errors.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte("languages = []\ndefaultLanguage = 1\n[sections]\nx = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan struct{})
		var cfg *Config
		var err error
		go func() {
			defer close(done)
			cfg, err = ParseWith(src, kinds.Default())
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("ParseWith did not return in 10s")
		}
		// The same file gives the same problems, in the same order
		// (TOML is decoded into maps, whose order varies).
		if _, again := ParseWith(src, kinds.Default()); fmt.Sprint(err) != fmt.Sprint(again) {
			t.Fatalf("two parses differ:\n%v\n%v", err, again)
		}
		if err == nil {
			if cfg == nil || len(cfg.Languages) == 0 || cfg.TimeZone == nil || cfg.BaseURL == "" {
				t.Fatalf("accepted an incomplete config: %+v", cfg)
			}
			for _, kind := range cfg.Kinds.Names() {
				for _, l := range cfg.Languages {
					if !ValidSlug(cfg.Section(kind, l)) {
						t.Fatalf("section %s/%s: %q", kind, l, cfg.Section(kind, l))
					}
				}
			}
			return
		}
		list, ok := diag.AsList(err)
		if !ok || len(list) == 0 {
			t.Fatalf("not a diag.List: %v", err)
		}
		lines := strings.Split(string(src), "\n")
		for _, e := range list {
			if e.Path != FileName || e.Line < 1 || e.Line > len(lines) || e.Col < 1 ||
				e.Col > utf8.RuneCountInString(lines[e.Line-1])+1 || e.Msg == "" ||
				strings.ContainsAny(e.Msg, "\n\r") || strings.HasSuffix(e.Msg, ".") {
				t.Fatalf("bad error %q in %q", e.Error(), src)
			}
		}
	})
}
