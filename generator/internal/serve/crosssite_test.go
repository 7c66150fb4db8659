package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCrossSiteRefused checks that a web page of another site open in the
// editor's browser cannot make it fetch the preview (a draft's status, the
// event stream) as a subresource, while a link to the preview, the
// address typed, and the preview's own pages and script still are
// answered. The browser says who asks in Sec-Fetch-Site, or in Origin.
func TestCrossSiteRefused(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	g := newHostGuard(ok, "127.0.0.1:1313", "127.0.0.1:1313")
	for _, c := range []struct {
		name, target string
		header       map[string]string
		code         int
	}{
		{"curl", "/exjobb/utkast/", nil, 200},
		{"typed", "/exjobb/utkast/", map[string]string{"Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}, 200},
		{"own page", "/exjobb/", map[string]string{"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}, 200},
		{"own script's stream", eventsPath, map[string]string{"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty"}, 200},
		{"link from another site", "/exjobb/utkast/", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}, 200},
		{"stream from another site", eventsPath, map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty", "Origin": "https://evil.example"}, 403},
		{"image from another site", "/exjobb/utkast/", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image"}, 403},
		{"script from another port", "/exjobb/utkast/", map[string]string{"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script"}, 403},
		{"frame from another site", "/exjobb/utkast/", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"}, 403},
		{"old browser, other origin", eventsPath, map[string]string{"Origin": "http://evil.example"}, 403},
		{"old browser, opaque origin", eventsPath, map[string]string{"Origin": "null"}, 403},
		{"old browser, other port", eventsPath, map[string]string{"Origin": "http://127.0.0.1:3000"}, 403},
		{"old browser, own origin", eventsPath, map[string]string{"Origin": "http://127.0.0.1:1313"}, 200},
	} {
		req := httptest.NewRequest("GET", c.target, nil)
		req.Host = "127.0.0.1:1313"
		for k, v := range c.header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		g.ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("%s: GET %s: %d, want %d", c.name, c.target, rec.Code, c.code)
		}
		if c.code == 403 && rec.Body.String() != "this preview answers only its own pages\n" {
			t.Errorf("%s: body %q", c.name, rec.Body)
		}
	}
}
