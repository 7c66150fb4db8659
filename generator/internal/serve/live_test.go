package serve

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"portal/generator/internal/config"
)

// getResp fetches path and returns the response with its body read.
func (r *running) getResp(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(r.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// TestServeUnderPolicy checks that what serve adds to a page (the live
// reload script, the draft banner, the error overlay) needs nothing the
// site's Content-Security-Policy forbids, and that serve sends the policy
// as a header too: the site's, without upgrade-insecure-requests, in the
// header and in the pages' <meta>. The preview is plain http, and a
// browser that opens it from another computer (serve -addr 0.0.0.0:1313,
// http://192.168.1.5:1313/ on a phone) would ask for its stylesheets and
// scripts over https, which serve does not answer: the page unstyled,
// never reloaded (on loopback browsers do not upgrade).
func TestServeUnderPolicy(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	ev := r.events(t)
	policy := config.DefaultPolicy().Preview() // the fixture's config.toml has no [csp]
	const header = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	const meta = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;; ` +
		`style-src &#39;self&#39;; img-src &#39;self&#39;; connect-src &#39;self&#39;; object-src &#39;none&#39;; ` +
		`base-uri &#39;self&#39;; form-action &#39;self&#39;">`

	check := func(what, path string) {
		t.Helper()
		resp, page := r.getResp(t, path)
		if got := resp.Header.Get("Content-Security-Policy"); got != header {
			t.Errorf("%s: Content-Security-Policy %q, want %q", what, got, header)
		}
		if !strings.Contains(page, meta) {
			t.Errorf("%s: no %s", what, meta)
		}
		for _, e := range policy.Check(path, page) {
			t.Errorf("%s: %s", what, e)
		}
		if s, h := strings.Index(page, liveStyle), strings.Index(page, "</head>"); s < 0 || s > h {
			t.Errorf("%s: the stylesheet is not in <head>", what)
		}
		if s, b := strings.Index(page, liveScript), strings.LastIndex(page, "</body>"); s < 0 || s > b {
			t.Errorf("%s: the script is not in <body>", what)
		}
	}
	check("a page", "/exjobb/energidata/")
	check("a draft with its banner", "/exjobb/utkast/")
	check("the 404 page", "/en/no-such-page/")

	edit(t, root, "content/theses/energidata.md", `level = "master"`, `level = "magister"`)
	next(t, ev, "errors")
	_, page := r.get(t, "/exjobb/energidata/")
	if !strings.Contains(page, `<button type="button" class="portal-close">`) {
		t.Fatalf("no overlay with its close button:\n%s", page)
	}
	check("a page with the overlay", "/exjobb/energidata/")
}

func TestServeLiveFiles(t *testing.T) {
	r := start(t, fixture(t))
	for _, c := range []struct {
		path, ctype, has string
		code             int
	}{
		{"/_portal/live.js", "text/javascript; charset=utf-8", `closest("#portal-overlay .portal-close")`, 200},
		{"/_portal/live.css", "text/css; charset=utf-8", "#portal-draft{position:sticky", 200},
		{"/_portal/nothing.js", "text/plain; charset=utf-8", "404", 404},
		{"/_portal/live/live.js", "text/plain; charset=utf-8", "404", 404},
		{"/_portal/", "text/plain; charset=utf-8", "404", 404},
	} {
		resp, body := r.getResp(t, c.path)
		if resp.StatusCode != c.code || resp.Header.Get("Content-Type") != c.ctype || !strings.Contains(body, c.has) {
			t.Errorf("GET %s: %d %q, want %d %q with %q\n%s", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), c.code, c.ctype, c.has, body)
		}
	}
}
