package config

import (
	"html"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/kinds"
)

func TestCSPDefault(t *testing.T) {
	c, err := ParseWith([]byte(base), kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	const meta = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests"
	const header = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests"
	if got := c.CSP.Meta(); got != meta {
		t.Errorf("Meta()\n got %s\nwant %s", got, meta)
	}
	if got := c.CSP.Header(); got != header {
		t.Errorf("Header()\n got %s\nwant %s", got, header)
	}
}

func TestCSPTable(t *testing.T) {
	// The file's order is kept; the header-only directives are left out of
	// the meta policy.
	src := base + `[csp]
script-src = ["'self'"]
default-src = ["'none'"]
frame-src = ["https://video.example.se", "https://play.example.se"]
frame-ancestors = ["'none'"]
sandbox = ["allow-scripts"]
report-uri = ["/csp-report"]
upgrade-insecure-requests = []
`
	c, err := ParseWith([]byte(src), kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"header", c.CSP.Header(), "script-src 'self'; default-src 'none'; frame-src https://video.example.se https://play.example.se; " +
			"frame-ancestors 'none'; sandbox allow-scripts; report-uri /csp-report; upgrade-insecure-requests"},
		{"meta", c.CSP.Meta(), "script-src 'self'; default-src 'none'; frame-src https://video.example.se https://play.example.se; upgrade-insecure-requests"},
		// The preview's, over plain http: no upgrade, and the site's kept.
		{"preview header", c.CSP.Preview().Header(), "script-src 'self'; default-src 'none'; frame-src https://video.example.se https://play.example.se; " +
			"frame-ancestors 'none'; sandbox allow-scripts; report-uri /csp-report"},
		{"preview meta", c.CSP.Preview().Meta(), "script-src 'self'; default-src 'none'; frame-src https://video.example.se https://play.example.se"},
		{"header after preview", c.CSP.Header(), "script-src 'self'; default-src 'none'; frame-src https://video.example.se https://play.example.se; " +
			"frame-ancestors 'none'; sandbox allow-scripts; report-uri /csp-report; upgrade-insecure-requests"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.name, tc.got, tc.want)
		}
	}
}

func TestCSPErrors(t *testing.T) {
	// base has 45 lines, so [csp] is line 46 and its directive line 47.
	for _, c := range []struct {
		name string
		csp  string
		want []string
	}{
		{"unsafe-inline", `script-src = ["'self'", "'unsafe-inline'"]`,
			[]string{`config.toml:47:25: script-src: 'unsafe-inline' would let injected code run: move scripts and styles into files under templates/assets/`}},
		{"unsafe-eval, any case", `script-src = ["'UNSAFE-EVAL'"]`,
			[]string{`config.toml:47:15: script-src: 'UNSAFE-EVAL' would let injected code run: move scripts and styles into files under templates/assets/`}},
		{"unsafe-hashes", `style-src = ["'unsafe-hashes'"]`,
			[]string{`config.toml:47:14: style-src: 'unsafe-hashes' would let injected code run: move scripts and styles into files under templates/assets/`}},
		{"unknown directive", `scripts-src = ["'self'"]`,
			[]string{`config.toml:47:1: unknown directive "scripts-src" in [csp]; check the spelling`}},
		{"not a list", `img-src = "'self'"`,
			[]string{`config.toml:47:11: img-src must be a list of sources, like ["'self'"]`}},
		{"empty list", `img-src = []`,
			[]string{`config.toml:47:11: img-src needs at least one source, like ["'none'"]`}},
		{"upgrade with sources", `upgrade-insecure-requests = ["'self'"]`,
			[]string{`config.toml:47:29: upgrade-insecure-requests takes no sources: write upgrade-insecure-requests = []`}},
		{"two sources in one string", `frame-src = ["https://a.example.se https://b.example.se"]`,
			[]string{`config.toml:47:14: frame-src: "https://a.example.se https://b.example.se" is not a source: no spaces, quotes, commas or semicolons`}},
		{"a directive smuggled in", `img-src = ["'self'; script-src *"]`,
			[]string{`config.toml:47:12: img-src: "'self'; script-src *" is not a source: no spaces, quotes, commas or semicolons`}},
		{"a quote that would end the nginx header", `img-src = ['x"y']`,
			[]string{`config.toml:47:12: img-src: "x\"y" is not a source: no spaces, quotes, commas or semicolons`}},
		{"keyword quoted on one side", `img-src = ["'self"]`,
			[]string{`config.toml:47:12: img-src: "'self" is not a source: keywords are quoted on both sides, like 'self'`}},
		{"not a string", `img-src = [1]`,
			[]string{`config.toml:47:12: img-src: a source must be a string, not 1`}},
		{"not a table", "",
			[]string{`config.toml:7:7: csp must be a table of directive = [sources]`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := base + "[csp]\n" + c.csp + "\n"
			if c.csp == "" {
				src = strings.Replace(base, "pageSize = 10\n", "pageSize = 10\ncsp = \"default-src 'self'\"\n", 1)
			}
			cfg, err := ParseWith([]byte(src), kinds.Default())
			if err == nil {
				t.Fatalf("accepted: %+v", cfg.CSP)
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestCheck(t *testing.T) {
	policy := DefaultPolicy()
	meta := `<meta http-equiv="Content-Security-Policy" content="` + html.EscapeString(policy.Meta()) + `">`
	head := "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n" + meta + "\n"
	for _, c := range []struct {
		name, page string
		want       []string
	}{
		{"clean", head + `<script type="application/ld+json">{"@type":"Thing"}</script><script src="/a.js" defer></script></head><body><p>a</p></body></html>`, nil},
		{"no meta", "<!doctype html>\n<html><head><title>x</title></head></html>",
			[]string{"p.html:1:1: no Content-Security-Policy meta"}},
		{"meta after the stylesheet", "<html><head><link rel=\"stylesheet\" href=\"/s.css\">\n" + meta,
			[]string{"p.html:1:13: <link> before the policy meta: the policy must come first in <head>"}},
		{"another policy", `<head><meta http-equiv="content-security-policy" content="default-src *">`,
			[]string{`p.html:1:7: the policy is "default-src *", want "` + policy.Meta() + `"`}},
		{"two policies", head + meta,
			[]string{"p.html:6:1: a second policy meta"}},
		{"inline script", head + "<script>alert(1)</script>",
			[]string{"p.html:6:1: inline <script>: the policy blocks it; put the code in templates/assets/*.js"}},
		{"module script without src", head + `<script type="module">x()</script>`,
			[]string{"p.html:6:1: inline <script>: the policy blocks it; put the code in templates/assets/*.js"}},
		{"style element", head + "<STYLE>p{}</STYLE>",
			[]string{"p.html:6:1: <style> element: the policy blocks it; style with templates/assets/*.css"}},
		{"style attribute", head + `<p class="x" style="color:red">`,
			[]string{"p.html:6:1: style attribute on <p>: the policy blocks it"}},
		{"event handler", head + `<button type=button onClick='x()'>`,
			[]string{"p.html:6:1: onclick attribute on <button>: the policy blocks it"}},
		{"javascript URL", head + `<a href=" JavaScript:x()">`,
			[]string{"p.html:6:1: javascript: URL: the policy blocks it"}},
		{"frame", head + `<iframe src="https://video.example.se/1"></iframe>`,
			[]string{"p.html:6:1: <iframe>: the policy blocks it"}},
		{"escaped text is not a tag", head + `<p>&lt;script&gt;alert(1)&lt;/script&gt; style="x"</p>`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := policy.Check("p.html", c.page); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
