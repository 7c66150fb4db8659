package build

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"portal/generator/internal/config"
)

// The Content-Security-Policy is defence in depth: every page carries it
// in a <meta> before anything it governs, and no page needs what it
// forbids (inline script, style elements or attributes, event handler
// attributes, javascript: URLs, plugins or frames), so that the browser
// reports nothing on a page the generator wrote.

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>`)
	attrRE = regexp.MustCompile(`([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?`)
)

// checkPolicy returns the CSP problems of one HTML page as
// "name:line:col: message", in the order of the page.
func checkPolicy(name, page string, policy config.Policy) []string {
	var errs []string
	at := func(off int, format string, args ...any) {
		line := strings.Count(page[:off], "\n") + 1
		col := off - strings.LastIndexByte(page[:off], '\n')
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", name, line, col, fmt.Sprintf(format, args...)))
	}
	metas, first := 0, true // first: nothing the policy governs came before it
	for _, m := range tagRE.FindAllStringSubmatchIndex(page, -1) {
		tag := strings.ToLower(page[m[2]:m[3]])
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(page[m[4]:m[5]], -1) {
			name := strings.ToLower(a[1])
			attrs[name] = html.UnescapeString(strings.Trim(a[2], `"'`))
			if name == "style" || strings.HasPrefix(name, "on") {
				at(m[0], "%s attribute on <%s>: the policy blocks it", name, tag)
			}
		}
		switch {
		case tag == "meta" && strings.EqualFold(attrs["http-equiv"], "content-security-policy"):
			if metas++; metas > 1 {
				at(m[0], "a second policy meta")
			}
			if want := policy.Meta(); attrs["content"] != want {
				at(m[0], "the policy is %q, want %q", attrs["content"], want)
			}
			first = false
		case tag == "meta" || tag == "html" || tag == "head" || tag == "title":
		case tag == "style":
			at(m[0], "<style> element: the policy blocks it; style with templates/assets/*.css")
		case tag == "script" && attrs["type"] != "application/ld+json" && attrs["src"] == "":
			at(m[0], "inline <script>: the policy blocks it; put the code in templates/assets/*.js")
		case tag == "iframe" || tag == "object" || tag == "embed" || tag == "frame":
			at(m[0], "<%s>: the policy blocks it", tag)
		case first && metas == 0:
			at(m[0], "<%s> before the policy meta: the policy must come first in <head>", tag)
			first = false // report once
		}
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(attrs["href"])), "javascript:") {
			at(m[0], "javascript: URL: the policy blocks it")
		}
	}
	if metas == 0 {
		errs = append(errs, name+":1:1: no Content-Security-Policy meta")
	}
	return errs
}

func TestCheckPolicy(t *testing.T) {
	policy := config.DefaultPolicy()
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
			if got := checkPolicy("p.html", c.page, policy); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// checkTree checks every HTML page under dir and returns how many there are.
func checkTree(t *testing.T, dir string, policy config.Policy) int {
	t.Helper()
	pages := 0
	for name, data := range tree(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, e := range checkPolicy(name, string(data), policy) {
			t.Error(e)
		}
	}
	return pages
}

// TestPagesCarryPolicy checks every page of the fixture site and of the
// repository's own site (content/, config.toml, templates/).
func TestPagesCarryPolicy(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, root string }{
		{"fixture", "testdata/sites/basic"},
		{"repository", repo},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fixture(t, c.root)
			if c.root == repo {
				fsys = os.DirFS(repo)
			}
			cfg, err := config.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			rep := buildTo(t, fsys, out)
			if n := checkTree(t, out, cfg.CSP); n < rep.Pages || n == 0 {
				t.Errorf("checked %d pages, the build wrote %d", n, rep.Pages)
			}
		})
	}
}

// TestCorpusCarriesPolicy checks every page of a generated corpus of
// PORTAL_CSP_RECORDS records (default 300) in Swedish and English:
//
//	PORTAL_CSP_RECORDS=10000 go test ./generator/internal/build -run CorpusCarriesPolicy
func TestCorpusCarriesPolicy(t *testing.T) {
	n := 300
	if s := os.Getenv("PORTAL_CSP_RECORDS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("PORTAL_CSP_RECORDS=%q: want a positive number", s)
		}
	}
	if testing.Short() {
		t.Skip("builds a corpus")
	}
	root := corpusSite(t, n, "sv,en")
	cfg, err := config.Load(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	rep := buildSite(t, root, out, benchNow)
	pages := checkTree(t, out, cfg.CSP)
	if pages < rep.Pages {
		t.Errorf("checked %d pages, the build wrote %d", pages, rep.Pages)
	}
	t.Logf("%d records: %d HTML pages carry the policy", n, pages)
}
