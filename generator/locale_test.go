package main

import (
	"testing"

	"portal/generator/internal/diag"
)

// TestWithSystemLocale checks that the language of the system decides
// when the environment names none, as on Windows, and that a setting in
// the environment still does.
func TestWithSystemLocale(t *testing.T) {
	for _, c := range []struct {
		name   string
		env    map[string]string
		system string
		want   diag.Lang
	}{
		{"Windows in Swedish", nil, "sv-SE", diag.Swedish},
		{"Windows in Finland's Swedish", nil, "sv-FI", diag.Swedish},
		{"Windows in English", nil, "en-GB", diag.English},
		{"nothing anywhere", nil, "", diag.English},
		{"LANG decides", map[string]string{"LANG": "en_US.UTF-8"}, "sv-SE", diag.English},
		{"LC_ALL decides", map[string]string{"LC_ALL": "C"}, "sv-SE", diag.English},
		{"LC_MESSAGES decides", map[string]string{"LC_MESSAGES": "sv_SE.UTF-8"}, "en-US", diag.Swedish},
	} {
		getenv := withSystemLocale(func(k string) string { return c.env[k] }, func() string { return c.system })
		if got := envLang(getenv); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
