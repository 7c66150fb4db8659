package serve

import (
	"io/fs"
	"net/http"

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
// takes a page's bytes and its view together (servePage):
//
//   - a page none of whose writes is pending is read with the view at
//     hand, and kept only if no publish and no write of it came while
//     its bytes were read: its content is then exactly that view's,
//     since every write of it was marked before it began and is
//     unmarked only by the publish after it;
//   - a page being written (or, for a page not there, the 404 page
//     served in its place) waits for that publish, which lets it go
//     only after sending its events, so that the page, served with the
//     new view, connects after the reload that names it.
//
// A page therefore never carries a token older or newer than its
// content. Only requests for the files of an update still being written
// wait, and only until it is published; the others are served at once,
// as before.

// servePage sends the HTML page at name, or the 404 page when there is
// none, with the view whose content it is.
func (sv *server) servePage(w http.ResponseWriter, r *http.Request, name string) {
	for {
		sv.mu.RLock()
		v, published, pending := sv.v, sv.published, sv.writing[name]
		sv.mu.RUnlock()
		if !pending {
			status, b, read, err := sv.readPage(name, r.URL.Path, v)
			sv.mu.RLock()
			fresh := sv.v == v
			// read is the 404 page when there is no page at name.
			pending = sv.writing[name] || sv.writing[read]
			sv.mu.RUnlock()
			switch {
			case !fresh:
				continue // a publish came meanwhile: read it again
			case !pending && err != nil:
				http.Error(w, "cannot read "+name, http.StatusInternalServerError)
				return
			case !pending:
				if v.csp != "" {
					w.Header().Set("Content-Security-Policy", v.csp)
				}
				sv.html(w, r, status, b)
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

// markWrite notes that the file rel of the store is about to be written
// or removed: its page waits for the next publish (servePage).
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
