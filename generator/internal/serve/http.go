package serve

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/site"
	"portal/generator/internal/sources"
)

// eventsPath is the Server-Sent Events stream of the live reload script.
const eventsPath = "/_portal/events"

// view is what the server shows besides the files: replaced as a whole
// after every update, never changed.
type view struct {
	pages    []*site.Page              // of the site served, sorted by URL (pageAt): their languages
	drafts   map[string]bool           // URL paths of the pages of drafts
	warned   map[*site.Entry]diag.List // the warnings of the served site's records that have any (engine.warned)
	problems []problem
	overlay  map[diag.Lang]template.HTML // the problems as HTML in each message language; nil for none
	lang     string                      // the site's default language
	langs    []string                    // languages with their own prefix ("/en/")
	csp      string                      // the Content-Security-Policy header of every response
	token    string                      // names the pages' content: the server's start and its updates that changed files
	changes  []change                    // the last updates that changed files, oldest first (staleReload)
}

// change is an update that changed files: the token of the view it made,
// and the URL paths it changed.
type change struct {
	token string
	paths []string
}

// maxChanges is how many updates a view remembers the paths of; a page
// older than those reloads whatever changed.
const maxChanges = 64

// server serves the output folder with the live reload script, the draft
// banner and the error overlay added to every HTML page.
type server struct {
	files fs.FS // the preview's files (output.Memory, or the -out folder)
	hub   hub
	done  chan struct{} // closed on shutdown, ends the event streams

	start int64 // when the server started (ns), so that a page served before a restart is not current

	// writeWait is how long a write to an event stream may wait for its
	// client to read: one that stopped is let go.
	writeWait time.Duration
	// responseWait is how long any other response may take to be written
	// (responseWait, but for tests).
	responseWait time.Duration

	mu  sync.RWMutex
	v   *view
	gen uint64 // updates that changed files
	// writing holds the files (store paths) written or removed since the
	// last publish (markWrites), whose pages wait for it (serveFile);
	// published is closed once that publish has sent its events.
	writing   map[string]bool
	published chan struct{}
	// onWait, when set (tests), is called as a request for the file name
	// begins to wait for the update writing it to be published.
	onWait func(name string)
}

func newServer(files fs.FS) *server {
	sv := &server{files: files, done: make(chan struct{}), hub: hub{clients: map[chan event]bool{}},
		start: time.Now().UnixNano(), writeWait: 10 * time.Second, responseWait: responseWait,
		writing: map[string]bool{}, published: make(chan struct{})}
	sv.v = &view{token: sv.token()}
	return sv
}

// token names the content of the gen'th update; sv.mu must be held.
func (sv *server) token() string { return fmt.Sprintf("%x.%d", sv.start, sv.gen) }

func (sv *server) view() *view {
	sv.mu.RLock()
	defer sv.mu.RUnlock()
	return sv.v
}

// publish shows a new view and tells the browsers what changed. The
// pages written since the last publish (writing) were held back till now
// (serveFile), and are let go only once the events are sent: a page
// served with the new view's token, whose stream connects after, must
// not hear of its own content again.
func (sv *server) publish(v *view, changed []string) {
	sv.mu.Lock()
	published := sv.published
	sv.published = make(chan struct{})
	if len(sv.writing) > 0 {
		sv.writing = map[string]bool{}
	}
	v.changes = sv.v.changes
	if len(changed) > 0 {
		sv.gen++
		kept := v.changes[max(0, len(v.changes)-maxChanges+1):]
		v.changes = append(slices.Clip(kept), change{sv.token(), changed})
	}
	v.token = sv.token()
	sv.v = v
	sv.mu.Unlock()
	sv.hub.send(v.status())
	if len(v.problems) == 0 && len(changed) > 0 {
		sv.hub.send(reloadEvent(changed, false, v.token))
	}
	close(published)
}

// event is one Server-Sent Event; id is the token of the view it comes
// from, which a browser sends back as Last-Event-ID when it reconnects.
type event struct{ name, data, id string }

// maxPaths is how many changed paths an event lists; more reload every page.
const maxPaths = 500

// reloadEvent tells the browsers to reload the pages changed, or every
// page (all, or more than maxPaths changed).
func reloadEvent(changed []string, all bool, token string) event {
	msg := struct {
		All   bool     `json:"all"`
		Paths []string `json:"paths"`
	}{Paths: changed}
	if all || len(changed) > maxPaths {
		msg.All, msg.Paths = true, []string{}
	}
	b, _ := json.Marshal(msg)
	return event{"reload", string(b), token}
}

// status is the event that tells a browser the state of the sources:
// "ok", or "errors" with the overlay.
func (v *view) status() event {
	if len(v.problems) == 0 {
		return event{"ok", "{}", v.token}
	}
	// The script shows the overlay in its page's language (<html lang>);
	// html is the English one, for a page without.
	b, _ := json.Marshal(struct {
		Count int                         `json:"count"`
		HTML  template.HTML               `json:"html"`
		Langs map[diag.Lang]template.HTML `json:"langs"`
	}{len(v.problems), v.overlay[diag.English], v.overlay})
	return event{"errors", string(b), v.token}
}

// hub fans events out to the connected browsers.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
}

// maxStreams is how many event streams the hub holds at most: far more
// than the tabs an editor keeps open (a browser opens at most six
// connections to one host), far fewer than would exhaust the server's
// memory or descriptors.
const maxStreams = 256

// subscribe adds a client; false when maxStreams are connected.
func (h *hub) subscribe() (chan event, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.clients) >= maxStreams {
		return nil, false
	}
	ch := make(chan event, 64)
	h.clients[ch] = true
	return ch, true
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	delete(h.clients, ch)
	h.mu.Unlock()
}

// send queues ev for every client; a client too slow to take it misses
// it (its page then reloads on the next event that names it).
func (h *hub) send(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- ev:
		default:
		}
	}
}

// responseWait is how long a response other than the event stream may
// take to be written: a client that asks for a large file (an image, a
// PDF of tens of MB) and stops reading it is let go then, with the
// goroutine and the bytes it holds. A response from a preview on this
// machine takes far less, even for the largest file of a site. The event
// stream, which lasts as long as its page is open, gives each of its
// writes writeWait instead.
const responseWait = 30 * time.Second

func (sv *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != eventsPath {
		// The server resets the deadline after each response, so a
		// kept-alive connection's next request gets its own.
		http.NewResponseController(w).SetWriteDeadline(time.Now().Add(sv.responseWait))
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	v := sv.view()
	if v.csp != "" {
		h.Set("Content-Security-Policy", v.csp)
	}
	if r.URL.Path == eventsPath {
		if r.Method != http.MethodGet {
			h.Set("Allow", "GET")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		sv.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if strings.HasPrefix(r.URL.Path, livePrefix) {
		liveFile(w, r)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	sv.serveFile(w, r, name)
}

// openFile opens name in files for http.ServeContent, which needs to
// seek (the files of output.Memory and of an os.Root can). For a folder
// it returns its info only.
func openFile(files fs.FS, name string) (fileSeeker, fs.FileInfo, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		f.Close()
		return nil, info, err
	}
	rs, ok := f.(fileSeeker)
	if !ok {
		f.Close()
		return nil, nil, fmt.Errorf("serve: %s cannot seek", name)
	}
	return rs, info, nil
}

// fileSeeker is an open file that can seek.
type fileSeeker interface {
	fs.File
	io.Seeker
}

// cleanPath maps a request path to a file inside the output folder. It
// refuses paths with "..", "." or hidden segments (after decoding, so
// %2e%2e too), backslashes and NULs, and segments no source could be
// named (sources.CheckName), under some of which Windows opens another
// file than named in a -out folder ("x." or "x " is x, "x:y" a stream of
// x, "con" a device); "/x/" means "x/index.html".
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	var segs []string
	for _, s := range strings.Split(p[1:], "/") {
		switch {
		case s == "":
			continue
		case s == "." || s == ".." || strings.HasPrefix(s, "."), sources.CheckName(s).ID != "":
			return "", false
		}
		segs = append(segs, s)
	}
	name := strings.Join(segs, "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	return name, fs.ValidPath(name)
}

func contentType(name string) string {
	switch {
	case path.Base(name) == "atom.xml":
		return "application/atom+xml; charset=utf-8"
	case path.Ext(name) == ".ics":
		return "text/calendar; charset=utf-8"
	case path.Ext(name) == ".xml":
		return "application/xml; charset=utf-8"
	case path.Ext(name) == ".txt":
		return "text/plain; charset=utf-8"
	}
	return cmp.Or(mime.TypeByExtension(path.Ext(name)), "application/octet-stream")
}

func (sv *server) html(w http.ResponseWriter, r *http.Request, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// pageLang is the message language of the page at urlPath: its own
// language, else that of its prefix ("/en/…"), else the site's default;
// English for a language messages do not exist in.
func (v *view) pageLang(urlPath string) diag.Lang {
	lang := v.lang
	if p, ok := pageAt(v.pages, urlPath); ok && p.Lang != "" {
		lang = p.Lang
	} else {
		for _, l := range v.langs {
			if strings.HasPrefix(urlPath, "/"+l+"/") {
				lang = l
			}
		}
	}
	ml, _ := diag.ParseLang(lang)
	return ml
}

// inject adds their stylesheet before </head>, the draft banner and the
// overlay after <body> and the live reload script before </body>. build
// never writes any of them.
func (sv *server) inject(page []byte, urlPath string, v *view) []byte {
	var top bytes.Buffer
	lang := v.pageLang(urlPath)
	if v.drafts[urlPath] {
		top.WriteString(draftBanner(lang))
	}
	if p, ok := pageAt(v.pages, urlPath); ok && p.Entry != nil {
		top.WriteString(warningsNote(v.warned[p.Entry], lang, v.drafts[urlPath]))
	}
	top.WriteString(string(v.overlay[lang]))
	lower := asciiLower(page)
	at := 0
	if i := bytes.Index(lower, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at = i + j + 1
		}
	}
	head := at // without a </head>, the stylesheet goes with the banner
	if i := bytes.Index(lower, []byte("</head>")); i >= 0 && i <= at {
		head = i
	}
	end := len(page)
	if i := bytes.LastIndex(lower, []byte("</body>")); i >= at {
		end = i
	}
	var out bytes.Buffer
	script := liveTag(v.token)
	out.Grow(len(page) + top.Len() + len(liveStyle) + len(script) + 32)
	out.Write(page[:head])
	out.WriteString(liveStyle)
	out.Write(page[head:at])
	out.Write(top.Bytes())
	out.Write(page[at:end])
	out.WriteString(script)
	out.Write(page[end:])
	return out.Bytes()
}

// asciiLower returns b with its ASCII letters in lower case and its
// other bytes as they are, so that an index into it is one into b:
// bytes.ToLower changes the length of some letters ("Ⱥ", "İ") of a title.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// draftBanner marks the page of a draft, which only serve shows. It is
// styled by live.css.
func draftBanner(lang diag.Lang) string {
	text := diag.M(diag.DraftBanner).Text(lang)
	return `<div id="portal-draft" role="note">` +
		template.HTMLEscapeString(text) + "</div>"
}

// warningsNote lists the warnings of the record whose page it is on,
// which build prints only in the terminal and check -strict refuses (a
// draft's once it is no draft: check reads none): an editor sees them
// where they look, on the page they are editing. "" for none. It is
// styled by live.css.
func warningsNote(warns diag.List, lang diag.Lang, draft bool) string {
	if len(warns) == 0 {
		return ""
	}
	one, many := diag.Warnings1, diag.WarningsN
	if draft {
		one, many = diag.Warnings1Draft, diag.WarningsNDraft
	}
	head := diag.M(many, diag.Count(len(warns)))
	if len(warns) == 1 {
		head = diag.M(one)
	}
	var b strings.Builder
	b.WriteString(`<div id="portal-warnings" role="note" lang="` + string(lang) + `"><p>`)
	// The command stays on one line on a phone, not cut at its hyphen.
	b.WriteString(strings.Replace(template.HTMLEscapeString(head.Text(lang)), "check -strict", "<code>check -strict</code>", 1))
	b.WriteString("</p><ul>")
	for _, w := range warns {
		b.WriteString("<li>" + template.HTMLEscapeString(w.In(lang)) + "</li>")
	}
	b.WriteString("</ul></div>")
	return b.String()
}

// staleReload is the reload a browser needs when it connects with a page
// older than v: one served before an update it did not hear of (it was
// loading, or the server restarted). The page says which content it has
// (?since= in the script's URL, then Last-Event-ID on a reconnect); a
// client that does not say is current. It hears the paths changed since
// its content, and reloads when its own is one of them (a page fetched
// after an edit's own page was written, while the lists were, is
// current), or every page when its content is older than what v
// remembers (the server restarted).
func staleReload(r *http.Request, v *view) (event, bool) {
	known := cmp.Or(r.Header.Get("Last-Event-ID"), r.URL.Query().Get("since"))
	if known == "" || known == v.token || len(v.problems) > 0 {
		return event{}, false
	}
	at := slices.IndexFunc(v.changes, func(c change) bool { return c.token == known })
	if at < 0 {
		return reloadEvent(nil, true, v.token), true
	}
	var paths []string
	for _, c := range v.changes[at+1:] {
		paths = append(paths, c.paths...)
	}
	slices.Sort(paths)
	return reloadEvent(slices.Compact(paths), false, v.token), true
}

// events streams reload, errors and ok events to one browser.
func (sv *server) events(w http.ResponseWriter, r *http.Request) {
	if _, ok := w.(http.Flusher); !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := sv.hub.subscribe()
	if !ok {
		http.Error(w, "too many live-reload connections", http.StatusServiceUnavailable)
		return
	}
	defer sv.hub.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	rc := http.NewResponseController(w)
	send := func(format string, args ...any) error {
		rc.SetWriteDeadline(time.Now().Add(sv.writeWait))
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return err
		}
		return rc.Flush()
	}
	write := func(ev event) error {
		return send("id: %s\nevent: %s\ndata: %s\n\n", ev.id, ev.name, ev.data)
	}
	if send("retry: 1000\n\n") != nil {
		return
	}
	v := sv.view() // one view: the state said and the reload it may need
	if write(v.status()) != nil {
		return
	}
	if ev, stale := staleReload(r, v); stale && write(ev) != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-sv.done:
			return
		case ev := <-ch:
			if write(ev) != nil {
				return
			}
		case <-ping.C:
			if send(": ping\n\n") != nil {
				return
			}
		}
	}
}
