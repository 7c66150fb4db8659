package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/config"
)

// nginxConf is the shipped deployment example, checked against config.toml.
const nginxConf = "deploy/nginx.conf"

// securityHeaders are the add_header lines every location of the site's
// server block must have: add_header is not inherited into a location
// that has add_header lines of its own, so one forgotten line would leave
// some responses without the header.
var securityHeaders = []string{
	`add_header X-Content-Type-Options "nosniff" always;`,
	`add_header Content-Security-Policy $csp always;`,
	`add_header Cross-Origin-Opener-Policy $coop always;`,
	`add_header Permissions-Policy $permissions always;`,
	`add_header Strict-Transport-Security $hsts always;`,
}

var setCSP = regexp.MustCompile(`^\s*set \$csp "([^"]*)";`)

// nginxProblems returns what in an nginx.conf disagrees with the policy, as
// "deploy/nginx.conf:line:col: message".
func nginxProblems(conf string, policy config.Policy) []string {
	var errs []string
	lines := strings.Split(conf, "\n")
	csp := 0
	// Each location, from its line to the next location line or the end of
	// the first server block: the lines its add_header directives are on.
	type location struct {
		line    int
		headers []string
	}
	var locs []*location
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if m := setCSP.FindStringSubmatch(l); m != nil {
			csp++
			if want := policy.Header(); m[1] != want {
				errs = append(errs, fmt.Sprintf("%s:%d:%d: the policy is not config.toml's [csp]; write:\n    set $csp %q;",
					nginxConf, i+1, strings.Index(l, "set")+1, want))
			}
		}
		if l == "}" { // the end of the first server block
			break
		}
		switch {
		case strings.HasPrefix(t, "location "):
			locs = append(locs, &location{line: i + 1})
		case strings.HasPrefix(t, "add_header ") && len(locs) > 0:
			loc := locs[len(locs)-1]
			loc.headers = append(loc.headers, t)
		}
	}
	if csp != 1 {
		errs = append(errs, fmt.Sprintf("%s:1:1: want one `set $csp \"…\";` line in the first server block, found %d", nginxConf, csp))
	}
	if len(locs) == 0 {
		errs = append(errs, fmt.Sprintf("%s:1:1: no location blocks", nginxConf))
	}
	for _, loc := range locs {
		for _, h := range securityHeaders {
			if len(loc.headers) > 0 && !slices.Contains(loc.headers, h) {
				errs = append(errs, fmt.Sprintf("%s:%d:5: location without %s", nginxConf, loc.line, h))
			}
		}
	}
	return errs
}

// TestNginxPolicy checks that deploy/nginx.conf sends config.toml's
// Content-Security-Policy and every security header from every location.
func TestNginxPolicy(t *testing.T) {
	conf, err := os.ReadFile("../" + nginxConf)
	if err != nil {
		t.Skipf("%s not present: %v", nginxConf, err)
	}
	cfg, err := config.Load(os.DirFS(".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range nginxProblems(string(conf), cfg.CSP) {
		t.Error(e)
	}
}

func TestNginxProblems(t *testing.T) {
	policy := config.Policy{{Name: "default-src", Sources: []string{"'self'"}}, {Name: "frame-ancestors", Sources: []string{"'none'"}}}
	good := "server {\n    set $csp \"default-src 'self'; frame-ancestors 'none'\";\n    location / {\n        " +
		strings.Join(securityHeaders, "\n        ") + "\n    }\n    location ~ \"\\.pdf$\" {\n        " +
		strings.Join(securityHeaders, "\n        ") + "\n    }\n}\nserver {\n    location / {\n    }\n}\n"
	for _, c := range []struct {
		name, old, new string
		want           []string
	}{
		{"agrees", "", "", nil},
		{"another policy", "default-src 'self'", "default-src *", []string{
			"deploy/nginx.conf:2:5: the policy is not config.toml's [csp]; write:\n    set $csp \"default-src 'self'; frame-ancestors 'none'\";"}},
		{"no policy", "set $csp", "set $policy", []string{
			"deploy/nginx.conf:1:1: want one `set $csp \"…\";` line in the first server block, found 0"}},
		{"a location forgets a header", "\n        add_header Permissions-Policy $permissions always;", "", []string{
			"deploy/nginx.conf:3:5: location without add_header Permissions-Policy $permissions always;"}},
		{"a header without always", "$hsts always;\n    }\n}", "$hsts;\n    }\n}", []string{
			"deploy/nginx.conf:10:5: location without add_header Strict-Transport-Security $hsts always;"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			conf := good
			if c.old != "" {
				if !strings.Contains(conf, c.old) {
					t.Fatalf("edit %q does not apply", c.old)
				}
				conf = strings.Replace(conf, c.old, c.new, 1)
			}
			if got := nginxProblems(conf, policy); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
