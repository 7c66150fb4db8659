package serve

import (
	"embed"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// livePrefix is where serve's own files are: the live reload script, the
// stylesheet of the overlay and the draft banner, the event stream. build
// never writes anything there.
const livePrefix = "/_portal/"

// liveFiles are the script and stylesheet serve adds to every page, as
// files so that the site's Content-Security-Policy, which allows no inline
// script or style, holds in the preview as on the published site.
//
//go:embed live/live.js live/live.css
var liveFiles embed.FS

// liveScript (by liveTag) and liveStyle are added to every page serve
// sends: the stylesheet before </head>, the script before </body>.
const (
	liveStyle  = `<link rel="stylesheet" href="` + livePrefix + `live.css" id="portal-style">`
	liveScript = `<script src="` + livePrefix + `live.js" id="portal-live"`
)

// liveTag is the script element of a page served with the content named
// token, which its event stream's URL passes on (see staleReload).
func liveTag(token string) string {
	return liveScript + ` data-events="` + eventsPath + `?since=` + url.QueryEscape(token) + `"></script>`
}

// liveFile serves /_portal/live.js and /_portal/live.css to a GET or HEAD.
func liveFile(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, livePrefix)
	b, err := liveFiles.ReadFile("live/" + name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}
