// Package serve is the editors' live preview: it builds the site with
// drafts into memory (output.Memory; into a folder with -out), serves it
// over HTTP (loopback by default) and rebuilds when config.toml, content/
// or templates/ change.
//
// Changes are watched with fsnotify, including folders created later, and
// debounced; editors' swap, backup and temporary files are ignored. Where
// a watched folder costs a descriptor for each of its files (macOS), the
// folders past a budget of descriptors (budget_*.go, per system) are
// polled instead (watch.go, poll.go). An
// update reloads only the records whose files changed (see engine) and
// asks the pipeline's incremental layer (pipeline.Incremental) for the
// outputs whose inputs changed, which it renders and writes: an edit of a
// record's title, summary or body updates the site model in place and
// has the pages, lists, indexes, feeds and search files that show that
// record written again; any other change builds a new model, of which
// still only the outputs whose signature changed are rendered, and only
// the files whose bytes changed are written. Either way the pages of the
// records edited are written first and the browsers told at once; the
// other pages, then the other files follow (engine.finish), before the
// next change is read. serve has no worker pool, writer or signature of
// its own. The clock changes the site too, with no file changed: the
// model tells the next moment one of its facts turns (pipeline.NextTurn:
// an offer closes at midnight, a lecture ends, a record's publishDate
// comes), and serve makes a new model once that moment has passed
// (follow), as it does for an edit.
//
// Every HTML page served gets a small script that listens on a
// Server-Sent Events stream (/_portal/events) and reloads the page when
// its own URL changed; a page an update is writing is served once that
// update is published, so that it names the content it has and its
// stream does not tell it of that content again (serveFile). Pages of
// drafts get a banner. When the sources
// have problems, the terminal lists them, the last good site stays served
// and every page shows an overlay with each problem and the source lines
// around it, until a save fixes them. None of this is ever in build's
// output. The preview is plain http, so its pages' Content-Security-Policy
// (header and <meta>) is the site's without upgrade-insecure-requests
// (config.Policy.Preview): with it, a browser that opens the preview from
// another computer would ask for its stylesheets and scripts over https. The server answers only requests whose Host names it (host.go),
// so that a web page cannot read the drafts through DNS rebinding, and
// no page of another origin but by a link followed (crossSite). The
// sources are read through an os.Root of the site, and an attachment or
// image kept in memory as a link to its source is served only while that
// is a regular file (output.Memory): no link put in the sources while
// serve runs leads the preview out of the site.
package serve

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/output"
)

// Options configure Run.
type Options struct {
	Root string // the site root: config.toml, content/, templates/
	Addr string // listen address; default 127.0.0.1:1313 (":0" picks a port)
	// Out is the folder the preview is written to and served from; empty
	// means none: the preview is kept in memory (output.Memory). A folder
	// given here must be empty or one serve made before.
	Out string
	// Now is the build's notion of now, asked at every rebuild (the
	// command passes the clock, or the fixed -now).
	Now func() time.Time
	// Logf prints a line to the terminal; nil discards.
	Logf func(format string, args ...any)
	// Lang is the language of the problems Logf prints (the overlay shows
	// them in the language of each page); default English.
	Lang diag.Lang
	// Ready is called with the address served once the first build is
	// written and the server listens.
	Ready func(addr string)
	// AnyPort lets serve listen on another free port of Addr's host when
	// another program listens on Addr (a preview started before): for a
	// preview opened in the browser, whose address nobody types.
	AnyPort bool
	// Debounce is how long the sources must be quiet before a rebuild;
	// default 100ms.
	Debounce time.Duration
	// IdleTimeout is how long a kept-alive connection may wait for its
	// next request before the server closes it; default 30s.
	IdleTimeout time.Duration
	// ClockCheck is how long serve waits at most before it reads the
	// clock again, to bring the preview up to date when the time alone
	// changes it (an offer closes at midnight, a lecture ends): a
	// computer that sleeps, or whose clock is set, misses the moment a
	// timer was set for. Default 1m.
	ClockCheck time.Duration
}

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:1313"

// marker names the file that marks a folder as serve's own output.
const marker = ".portal-serve"

// Run serves the preview until ctx is cancelled.
func Run(ctx context.Context, opt Options) error {
	if opt.Now == nil {
		return errors.New("serve: Options.Now is required")
	}
	opt = opt.withDefaults()
	logf := opt.Logf
	root, err := filepath.Abs(opt.Root)
	if err != nil {
		return err
	}
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return diag.M(diag.ServeNoRoot, filepath.ToSlash(opt.Root))
	}
	store, files, cleanup, err := prepareOut(root, opt.Out)
	if err != nil {
		return err
	}
	defer cleanup()

	wt, err := newWatcher(root, logf)
	if err != nil {
		return fmt.Errorf("serve: watch %s: %w", filepath.ToSlash(root), err)
	}
	defer wt.close()

	// The sources are read through an os.Root (an attachment served too):
	// a link put in place of a file or folder later leads nowhere outside.
	src, err := os.OpenRoot(root)
	if err != nil {
		return err
	}
	defer src.Close()
	rootFS := src.FS()
	sv := newServer(files)
	eng := newEngine(rootFS, markWrites(store, sv), opt.Now)
	overlay := template.Must(template.New("overlay").Parse(overlaySource))
	apply := func(res result, err error) {
		if err != nil {
			res.Errs = diag.List{{Path: "(serve)", Line: 1, Col: 1, Msg: err.Error()}}
		}
		report(logf, res, opt.Lang)
		sv.publish(newView(eng, rootFS, overlay, res), res.Changed)
	}
	// Listened on before the first build, which may take seconds, so that
	// a taken address is said at once; a browser that connects meanwhile
	// waits for the first build.
	ln, err := listen(opt.Addr, opt.AnyPort)
	if err != nil {
		return err
	}
	say(logf, opt.Lang, diag.ServeBuilding, filepath.ToSlash(root))
	apply(eng.update(nil))

	addr := ln.Addr().String()
	if host, _, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); ip != nil && !ip.IsLoopback() {
			say(logf, opt.Lang, diag.ServeExposed, addr)
		}
	}
	srv := &http.Server{Handler: newHostGuard(sv, opt.Addr, addr),
		ReadHeaderTimeout: 10 * time.Second, IdleTimeout: opt.IdleTimeout}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	say(logf, opt.Lang, diag.ServeAddress, PreviewURL(addr))
	if opt.Ready != nil {
		opt.Ready(addr)
	}

	batches := make(chan []string)
	wctx, stopWatch := context.WithCancel(ctx)
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		wt.run(wctx, opt.Debounce, 10*opt.Debounce, batches)
	}()
	serveErr := follow(ctx, eng, batches, served, apply, opt)
	stopWatch()
	<-watchDone
	close(sv.done)
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serveErr)
	}
	return nil
}

// follow brings the preview up to date, with apply, for each batch of
// changed sources and whenever the clock passes a moment at which it
// changes with no file changed, until ctx is done or the server fails
// (its error is returned). An update that could not write every file (a
// full disk, a file another program holds open), or read every source
// it was to read (one another program holds open without sharing it), is
// tried again after firstRetry, then after twice as long each time it
// fails again, at most ClockCheck: the preview mends itself once the
// cause is gone, without waiting for the next edit. A source read again
// is said once, and the same problems found again are not shown again.
func follow(ctx context.Context, eng *engine, batches <-chan []string, served <-chan error, apply func(result, error), opt Options) error {
	var retry time.Duration // 0: the last update wrote and read every file
	var writeFailed bool    // the last update could not write every file
	var unread []string     // the sources the last update could not read
	var shown diag.List     // the problems apply was last given
	var told bool           // the sources are said to be read again since
	// update writes what paths change (none: what the clock changed),
	// every batch of it. A reading again (again) that finds the problems
	// shown already, with nothing written, is not shown again: a file that
	// stays unreadable (its permissions, which a change of fires an event)
	// would otherwise print its problems every minute for as long as
	// serve runs.
	update := func(paths []string, again bool) {
		res, err := eng.update(paths)
		if !again || err != nil || len(res.Changed) > 0 || eng.pendingWrites() || !reflect.DeepEqual(res.Errs, shown) {
			apply(res, err)
			shown, told = res.Errs, false
		}
		unread = unreadable(res.Errs)
		failed := err != nil
		for eng.pendingWrites() {
			res, err := eng.finish()
			apply(res, err)
			failed = failed || err != nil
		}
		writeFailed = failed
		switch {
		case !failed && len(unread) == 0:
			retry = 0
		case retry == 0:
			retry = min(firstRetry, opt.ClockCheck)
		default:
			retry = min(2*retry, opt.ClockCheck)
		}
	}
	wait := func() time.Duration {
		if d := eng.untilTurn(opt.ClockCheck); retry == 0 || d < retry {
			return d
		}
		return retry
	}
	clock := time.NewTimer(wait())
	defer clock.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return err
		case batch := <-batches:
			update(batch, false)
		case <-clock.C:
			switch {
			case eng.turned():
				say(opt.Logf, opt.Lang, diag.ServeTurned, eng.turnText())
				update(nil, false)
			case retry > 0:
				if writeFailed {
					say(opt.Logf, opt.Lang, diag.ServeRetry)
				}
				if len(unread) > 0 && !told {
					say(opt.Logf, opt.Lang, diag.ServeReread, strings.Join(unread, ", "))
					told = true
				}
				update(unread, !writeFailed)
			}
		}
		clock.Reset(wait())
	}
}

// firstRetry is how long follow waits before it tries again an update
// that could not write its files or read its sources.
const firstRetry = time.Second

// unreadable returns the sources that errs says could not be read, in
// order and each once. Such a failure may pass with no change to report
// it: on Windows a program that held the file open without sharing it
// (a sync client, a virus scanner, an editor that locks what it saves)
// lets go of it, and the file is the same as when it was saved.
func unreadable(errs diag.List) []string {
	var paths []string
	for _, e := range errs {
		if e.ID == diag.CannotRead && !slices.Contains(paths, e.Path) {
			paths = append(paths, e.Path)
		}
	}
	return paths
}

// withDefaults fills in the options left at their zero value.
func (opt Options) withDefaults() Options {
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	opt.Addr = cmp.Or(opt.Addr, DefaultAddr)
	if opt.Debounce <= 0 {
		opt.Debounce = 100 * time.Millisecond
	}
	if opt.IdleTimeout <= 0 {
		opt.IdleTimeout = 30 * time.Second
	}
	if opt.ClockCheck <= 0 {
		opt.ClockCheck = time.Minute
	}
	return opt
}

// newView is what the server shows after an update: the problems and
// their overlay, the policy it sends and the site's other languages.
func newView(eng *engine, rootFS fs.FS, overlay *template.Template, res result) *view {
	v := &view{problems: problems(rootFS, res.Errs), csp: config.DefaultPolicy().Preview().Header()}
	v.overlay = overlays(overlay, v.problems, res.NoneYet)
	if eng.site != nil {
		v.pages, v.drafts, v.warned = eng.site.Pages, eng.drafts, eng.warned
	}
	if eng.cfg != nil {
		v.csp = eng.cfg.CSP.Header()
		v.lang = eng.cfg.DefaultLanguage
		v.langs = eng.cfg.Languages[1:] // the default is first
	}
	return v
}

// report prints an update's outcome.
func report(logf func(string, ...any), res result, lang diag.Lang) {
	if len(res.Errs) > 0 {
		for _, e := range res.Errs {
			logf("%s", e.In(lang))
		}
		switch n := len(res.Errs); {
		case res.NoneYet:
			word := diag.M(diag.WordErrors)
			if n == 1 {
				word = diag.M(diag.WordError)
			}
			say(logf, lang, diag.ServeNoneYet, diag.Count(n), word)
		case n == 1:
			say(logf, lang, diag.ServeProblems1, n)
		default:
			say(logf, lang, diag.ServeProblemsN, diag.Count(n))
		}
		return
	}
	took := diag.Duration(res.Took.Round(time.Millisecond))
	switch {
	case res.Later:
		say(logf, lang, diag.ServeLater, diag.Count(res.Written), diag.Count(res.Removed), took)
	case res.Full:
		say(logf, lang, diag.ServeRebuilt, took, diag.Count(res.Written), diag.Count(res.Removed))
	default:
		say(logf, lang, diag.ServeInPlace, took, diag.Count(res.Written))
	}
}

// say prints the catalog's message id in lang, one line.
func say(logf func(string, ...any), lang diag.Lang, id diag.ID, args ...any) {
	logf("%s", diag.M(id, args...).Text(lang))
}

// prepareOut returns where the preview is written (store) and read from
// (files), and a function to call when serve ends. Without a folder the
// preview is kept in memory. A folder given must pass output.CheckOut,
// must be empty or marked as serve's own, and is locked (output.Lock)
// while serve runs, so that no build swaps it away; its old contents are
// removed, and nothing outside it is opened (os.Root).
func prepareOut(root, out string) (store output.Store, files fs.FS, cleanup func(), err error) {
	if out == "" {
		m := output.NewMemory()
		return m, m, func() {}, nil
	}
	if err := output.CheckOut(root, out); err != nil {
		return nil, nil, nil, fmt.Errorf("serve: %w", err)
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return nil, nil, nil, err
	}
	lock, err := output.Lock(out)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("serve: %w", err)
	}
	// The folder locked, as Lock resolved a link: a link changed since
	// must not take the writes to a folder the lock does not keep.
	out = lock.Folder()
	if err := fillOut(out); err != nil {
		lock.Unlock()
		return nil, nil, nil, err
	}
	dir, err := os.OpenRoot(out)
	if err != nil {
		lock.Unlock()
		return nil, nil, nil, err
	}
	return output.Dir(out), dir.FS(), func() { dir.Close(); lock.Unlock() }, nil
}

// fillOut empties the folder out, which must be empty or serve's own, and
// marks it as serve's own.
func fillOut(out string) error {
	ents, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case len(ents) > 0:
		if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
			return fmt.Errorf("serve: -out %s is not empty and was not made by serve; choose an empty folder", out)
		}
		for _, e := range ents {
			if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := os.WriteFile(filepath.Join(out, marker), []byte("written by generator serve; its contents are replaced at every start\n"), 0o644); err != nil {
		return err
	}
	return nil
}
