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
// as a header too.
func TestServeUnderPolicy(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	ev := r.events(t)
	policy := config.DefaultPolicy() // the fixture's config.toml has no [csp]

	check := func(what, path string) {
		t.Helper()
		resp, page := r.getResp(t, path)
		if got := resp.Header.Get("Content-Security-Policy"); got != policy.Header() {
			t.Errorf("%s: Content-Security-Policy %q, want %q", what, got, policy.Header())
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
