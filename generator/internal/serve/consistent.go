package serve

import (
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"portal/generator/internal/output"
)

// A page's live script names the view its content is of (liveTag), and
// its event stream tells it of the updates since (staleReload). The
// engine writes an update's files, then the server publishes its view:
// a page read between the two has the new content, and would have the
// token of the view before if the token were read first (a second
// reload once its stream connects), or the old content with the new
// token if it were read after the bytes at the wrong moment (no reload
// at all, which is worse). Neither order is right, so the server is told
// of every file as the engine is about to write it (markWrites) and
// takes a page's bytes and its view together (serveFile):
//
//   - a page none of whose writes is pending is read with the view at
//     hand, and kept only if no publish and no write of it came while
//     its bytes were read: its content is then exactly that view's,
//     since every write of it was marked before it began and is
//     unmarked only by the publish after it;
//   - a page being written (or, for a page not there, the 404 page
//     served in its place; for a folder, its page) waits for that
//     publish, which lets it go only after sending its events, so that
//     the page, served with the new view, connects after the reload
//     that names it; the request is then answered anew, as a build's
//     output would answer it (a folder whose page was new is
//     redirected to it, a file other than a page is served as it is).
//
// A page therefore never carries a token older or newer than its
// content. Only requests for the files of an update still being written
// wait, and only until it is published; the others are served at once,
// as before.

// serveFile answers a request for the file or folder name of the store
// as a build's output would be answered: a file other than a page as it
// is, a folder that has a page with a redirect to its URL with a slash,
// a page with the view whose content it is, and anything else with the
// 404 page. It reads a page once (answerFor). A page, or the 404 page
// served in its place, or the page of a folder, that an update is
// writing waits for that update's publish, and is then answered anew:
// a new record's folder is redirected to its page then, not answered
// with the 404 page of the moment before its page was there.
func (sv *server) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	index := path.Join(name, "index.html") // the page of a folder name
	for {
		sv.mu.RLock()
		v, published := sv.v, sv.published
		pending := sv.writing[index] || sv.writing[name] && path.Ext(name) == ".html"
		sv.mu.RUnlock()
		if !pending {
			a := sv.answerFor(name, index, r.URL.Path, v)
			if a.file != nil {
				// Not a page: no view is in it, so it is served at once.
				defer a.file.Close()
				w.Header().Set("Content-Type", contentType(name))
				http.ServeContent(w, r, name, a.info.ModTime(), a.file)
				return
			}
			sv.mu.RLock()
			fresh := sv.v == v
			pending = sv.writing[name] || sv.writing[index] || sv.writing[a.read]
			sv.mu.RUnlock()
			if !fresh {
				continue // a publish came meanwhile: read it again
			}
			if !pending {
				if v.csp != "" {
					w.Header().Set("Content-Security-Policy", v.csp)
				}
				sv.send(w, r, name, a)
				return
			}
		}
		if sv.onWait != nil {
			sv.onWait(name)
		}
		select {
		case <-published:
		case <-r.Context().Done():
			return
		case <-sv.done:
			http.Error(w, "serve is stopping", http.StatusServiceUnavailable)
			return
		}
	}
}

// send writes a, the answer to a request for name, other than a file.
func (sv *server) send(w http.ResponseWriter, r *http.Request, name string, a answer) {
	switch {
	case a.redirect:
		// "/exjobb" → "/exjobb/", like every published URL. From the
		// clean name, never the request's path: "//exjobb" or
		// "/%2Fexjobb" must not become a redirect to the host "exjobb".
		u := url.URL{Path: "/" + name + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
	case a.err != nil:
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
	default:
		sv.html(w, r, a.status, a.page)
	}
}

// answer is the answer to a request for a file or folder of the store,
// read with a view (answerFor).
type answer struct {
	file fileSeeker // a file other than a page, open, served as it is
	info fs.FileInfo

	redirect bool // a folder that has a page: to its URL with a slash

	// Else a page: its status and its bytes as served, or why it could
	// not be read, and the file read: name, or the 404 page in its place.
	status int
	page   []byte
	err    error
	read   string
}

// answerFor opens name once and returns the answer to a request for it
// (at urlPath) with v: a file other than a page, open; a redirect for a
// folder whose page index is there; the page at name, or the site's 404
// page of the request's language when there is none.
func (sv *server) answerFor(name, index, urlPath string, v *view) answer {
	f, info, err := openFile(sv.files, name)
	switch {
	case err == nil && info.IsDir():
		if _, err := fs.Stat(sv.files, index); err == nil {
			return answer{redirect: true}
		}
	case err == nil && path.Ext(name) != ".html":
		return answer{file: f, info: info}
	case err == nil:
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			return answer{read: name, err: err}
		}
		return answer{status: http.StatusOK, page: sv.inject(b, urlPath, v), read: name}
	}
	read := "404.html"
	for _, l := range v.langs {
		if strings.HasPrefix(name, l+"/") {
			read = l + "/404.html"
		}
	}
	b, err := fs.ReadFile(sv.files, read)
	if err != nil {
		b = []byte("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1><p>Nothing here (yet).</p></body></html>\n")
	}
	return answer{status: http.StatusNotFound, page: sv.inject(b, urlPath, v), read: read}
}

// markWrite notes that the file rel of the store is about to be written
// or removed: its page waits for the next publish (serveFile).
func (sv *server) markWrite(rel string) {
	sv.mu.Lock()
	sv.writing[rel] = true
	sv.mu.Unlock()
}

// markWrites returns store, whose every write and removal sv hears of
// before it is made (markWrite). It links and keeps as store does
// (output.Memory).
func markWrites(store output.Store, sv *server) output.Store {
	m := marked{store, sv}
	if mem, ok := store.(memoryStore); ok {
		return markedMemory{m, mem}
	}
	return m
}

// memoryStore is a store that links and keeps (output.Memory).
type memoryStore interface {
	output.Linker
	output.Keeper
}

// marked is a store that tells a server of its writes (markWrites).
type marked struct {
	store output.Store
	sv    *server
}

func (m marked) Put(rel string, data []byte) error {
	m.sv.markWrite(rel)
	return m.store.Put(rel, data)
}

func (m marked) Remove(rel string) error {
	m.sv.markWrite(rel)
	return m.store.Remove(rel)
}

// markedMemory is marked over a store that links and keeps.
type markedMemory struct {
	marked
	mem memoryStore
}

func (m markedMemory) Link(rel string, fsys fs.FS, name string) error {
	m.sv.markWrite(rel)
	return m.mem.Link(rel, fsys, name)
}

func (m markedMemory) Keep(rel string, data []byte) error {
	m.sv.markWrite(rel)
	return m.mem.Keep(rel, data)
}
