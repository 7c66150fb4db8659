// Command generator builds the KTH – City of Stockholm collaboration
// portal: a static, bilingual site from Markdown records.
//
//	go run ./generator [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]
//	go run ./generator check [-root DIR] [-now TIME] [-drafts] [-format text|json] [-strict] [FILE...]
//	go run ./generator serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR]
//	go run ./generator new KIND "Title" [-lang en] [-name NAME] [-root DIR]
//	go run ./generator version
//	go run ./generator schema [-root DIR] [-out DIR]
//
// Only package main (this file and its neighbours) reads flags, the
// environment and the clock, and exits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/output"
	"portal/generator/internal/pipeline"
	"portal/generator/internal/scaffold"
	"portal/generator/internal/serve"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK       = 0
	exitProblems = 1 // the sources have errors, or the build failed
	exitUsage    = 2
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	cmd := "build"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "build":
		return cmdBuild(ctx, args, stdout, stderr, getenv)
	case "check":
		return cmdCheck(args, stdout, stderr, getenv)
	case "serve":
		return cmdServe(ctx, args, stdout, stderr, getenv)
	case "new":
		return cmdNew(args, stdout, stderr, getenv)
	case "version", "-version", "--version":
		return cmdVersion(args, stdout, stderr)
	case "schema":
		return cmdSchema(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

const usage = `usage:
  generator [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]   build the site into public/
  generator check [-root DIR] [-now TIME] [-drafts] [-format text|json] [-strict] [FILE...]
                                                                   validate without writing; with
                                                                   FILEs, report only their problems
  generator serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR]    live preview with drafts
  generator new KIND "Title" [-lang en] [-name NAME] [-root DIR]   scaffold a record
  generator version                                                the release and commit of this program
  generator schema [-root DIR] [-out DIR]                          JSON Schemas of the front matter
                                                                   of each kind, for editors' tools

TIME is RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01); without
-now, SOURCE_DATE_EPOCH (seconds) is used, else the clock.
`

// common holds the flags of build and check.
type common struct {
	root, now string
	drafts    bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.root, "root", ".", "site root: config.toml, content/, templates/")
	fs.StringVar(&c.now, "now", "", "the build's notion of now: RFC 3339 or YYYY-MM-DD")
	fs.BoolVar(&c.drafts, "drafts", false, "publish drafts too")
}

// resolveNow picks now from -now, SOURCE_DATE_EPOCH or the clock. A bare
// date means the start of that day in Europe/Stockholm.
func resolveNow(flagValue string, getenv func(string) string) (time.Time, error) {
	if flagValue != "" {
		if t, err := time.Parse(time.RFC3339, flagValue); err == nil {
			return t, nil
		}
		loc, err := time.LoadLocation("Europe/Stockholm")
		if err != nil {
			loc = time.UTC
		}
		if t, err := time.ParseInLocation(time.DateOnly, flagValue, loc); err == nil {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("-now %q: want RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01)", flagValue)
	}
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: want whole seconds since 1970", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now(), nil
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	out := fs.String("out", "", "output folder (default: public/ in the site root)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file at the end")
	traceFile := fs.String("trace", "", "write an execution trace to this file (go tool trace)")
	if fs.Parse(args) != nil || fs.NArg() > 0 {
		return exitUsage
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		defer f.Close()
		trace.Start(f)
		defer trace.Stop()
	}
	if *memprofile != "" {
		defer func() {
			if f, err := os.Create(*memprofile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	now, err := resolveNow(c.now, getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *out == "" {
		*out = filepath.Join(c.root, "public")
	}
	if err := output.CheckOut(c.root, *out); err != nil {
		fmt.Fprintln(stderr, "build:", err)
		return exitUsage
	}
	start := time.Now()
	if getenv("GOMEMLIMIT") == "" { // a limit set by hand is kept
		defer governMemory()()
	}
	rep, err := stoppable(ctx, func() (*pipeline.Report, error) {
		// Stream: bodies are rendered as their pages are written, and broken
		// links come from Write (when they are the only problems).
		l, err := pipeline.Load(os.DirFS(c.root), pipeline.Options{Now: now, Drafts: c.drafts, Stream: true, Dir: c.root})
		if err != nil {
			return nil, err
		}
		return l.Write(ctx, *out)
	})
	if ctx.Err() != nil {
		// Interrupted: whatever the build found so far is incomplete.
		fmt.Fprintf(stderr, "build failed, %s left as it was: %v\n", *out, context.Cause(ctx))
		return exitProblems
	}
	if _, isList := diag.AsList(err); isList {
		return reportErrors(stderr, err, "text")
	}
	if err != nil {
		fmt.Fprintf(stderr, "build failed, %s left as it was: %v\n", *out, err)
		return exitProblems
	}
	printSummary(stdout, rep, *out, time.Since(start))
	return exitOK
}

// stopGrace is how long a build may take to stop after SIGINT or SIGTERM.
const stopGrace = 500 * time.Millisecond

// stoppable runs a build and returns its results, or returns stopGrace after
// ctx is cancelled if run has not returned by then. A build stops at the
// next record after a signal and removes its staging folder, but each of
// its workers first finishes the body it renders, which can take a second
// on a busy machine; main then exits without them. public/ is as safe as
// when the build is killed: the swap is one atomic rename, and the next
// build removes a staging folder that was left.
func stoppable(ctx context.Context, run func() (*pipeline.Report, error)) (*pipeline.Report, error) {
	type result struct {
		rep *pipeline.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := run()
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.err
	case <-ctx.Done():
	}
	select {
	case r := <-done:
		return r.rep, r.err
	case <-time.After(stopGrace):
		return nil, context.Cause(ctx)
	}
}

// governMemory keeps the memory of a build near what its live data needs
// and returns a function that stops it. With the default settings the Go
// runtime lets the heap grow to twice the live data before it collects,
// and gives freed memory back to the system only slowly: a build, which
// allocates fast for a few seconds, ends up holding about three times its
// live data. Every 10 ms this sets the soft memory limit from the live
// heap (as of the last collection): twice it, plus 16 MiB, minus a
// quarter of it up to 32 MiB. The runtime then returns freed memory at
// once and collects a little earlier: about 1.75 times the live data on a
// site of ten thousand records, which lowers its peak by a fifth at no
// measurable cost; twice on large sites, where a tighter limit would keep
// the collector running without pause. The limit follows the live data,
// so a large site is never squeezed. It does nothing when GOMEMLIMIT is set.
func governMemory() (stop func()) {
	const margin, floor = 16 << 20, 64 << 20
	before := debug.SetMemoryLimit(-1)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if live := int64(sample[0].Value.Uint64()); live > 0 {
				debug.SetMemoryLimit(max(2*live+margin-min(live/4, 32<<20), floor))
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		debug.SetMemoryLimit(before)
	}
}

// parseInterleaved parses flags that may come before, between or after the
// other arguments, and returns those; ok is false when a flag is wrong.
func parseInterleaved(fs *flag.FlagSet, args []string) (rest []string, ok bool) {
	for {
		if fs.Parse(args) != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			return rest, true
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func printSummary(w io.Writer, rep *pipeline.Report, out string, total time.Duration) {
	var kinds []string
	for k := range rep.Read {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	files := 0
	for _, k := range kinds {
		var langs []string
		for l := range rep.Read[k] {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		var ls []string
		for _, l := range langs {
			ls = append(ls, fmt.Sprintf("%d %s", rep.Read[k][l], l))
			files += rep.Read[k][l]
		}
		parts = append(parts, k+" "+strings.Join(ls, "+"))
	}
	published := 0
	for _, n := range rep.Stats.Published {
		published += n
	}
	fmt.Fprintf(w, "program  %s\n", programVersion())
	fmt.Fprintf(w, "read     %d files in %d records: %s\n", files, rep.Records, strings.Join(parts, ", "))
	fmt.Fprintf(w, "records  %d published, %d pages, %d drafts, %d scheduled, %d expired, %d closed or archived\n",
		published, rep.FreePages, rep.Stats.Drafts, rep.Stats.Scheduled, rep.Stats.Expired, rep.Stats.Archived)
	if f, r := rep.Unaccounted(); f != 0 || r != 0 {
		fmt.Fprintf(w, "warning  %d files and %d records not accounted for (a generator bug)\n", f, r)
	}
	fmt.Fprintf(w, "wrote    %d pages, %d files (%.1f MB) to %s\n", rep.Pages, rep.Files, float64(rep.Bytes)/1e6, filepath.ToSlash(out))
	var ph []string
	for _, p := range rep.Phases {
		ph = append(ph, fmt.Sprintf("%s %s", p.Name, p.Time.Round(time.Millisecond)))
	}
	fmt.Fprintf(w, "time     %s, total %s\n", strings.Join(ph, ", "), total.Round(time.Millisecond))
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on (loopback by default)")
	out := fs.String("out", "", "folder to write the preview to (default: a temporary folder)")
	nowFlag := fs.String("now", "", "a fixed notion of now: RFC 3339 or YYYY-MM-DD (default: the clock at every rebuild)")
	if fs.Parse(args) != nil || fs.NArg() > 0 {
		return exitUsage
	}
	now := time.Now
	if *nowFlag != "" || getenv("SOURCE_DATE_EPOCH") != "" {
		t, err := resolveNow(*nowFlag, getenv)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		now = func() time.Time { return t }
	}
	err := serve.Run(ctx, serve.Options{
		Root: *root, Addr: *addr, Out: *out, Now: now,
		Logf: func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) },
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitProblems
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	lang := fs.String("lang", "", "language of the file; another than the default makes the translation of the record named like the title (or -name)")
	name := fs.String("name", "", "file name without .md (default: made from the title)")
	nowFlag := fs.String("now", "", "the date to fill in: RFC 3339 or YYYY-MM-DD (default: today)")
	const newUsage = `usage: generator new KIND "Title" [-lang en] [-name NAME] [-root DIR]`
	// Flags may come before, between or after KIND and the title.
	pos, ok := parseInterleaved(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, newUsage)
		return exitUsage
	}
	kind, title := pos[0], pos[1]
	if reg := kinds.Default(); !content.IsKind(reg, kind) {
		fmt.Fprintf(stderr, "new: unknown kind %q (kinds: %s)\n", kind, strings.Join(content.Folders(reg), ", "))
		return exitUsage
	}
	cfg, err := config.Load(os.DirFS(*root))
	if err != nil {
		return reportErrors(stderr, err, "text")
	}
	if *lang != "" && !slices.Contains(cfg.Languages, *lang) {
		fmt.Fprintf(stderr, "new: unknown language %q (config.toml languages: %s)\n", *lang, strings.Join(cfg.Languages, ", "))
		return exitUsage
	}
	now, err := resolveNow(*nowFlag, getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	res, err := scaffold.Create(*root, scaffold.Options{
		Kind: kind, Title: title, Lang: *lang, Name: *name, Today: now.In(cfg.TimeZone), Cfg: cfg,
	})
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return exitProblems
	}
	if res.Translation {
		fmt.Fprintf(stdout, "wrote %s: translate the title and the text; every other key comes from the %s file\n", res.Path, cfg.DefaultLanguage)
	} else {
		fmt.Fprintf(stdout, "wrote %s: replace every TODO; check lists what is left\n", res.Path)
	}
	return exitOK
}

// cmdSchema writes <kind>.schema.json for every kind and the pages: the
// JSON Schema of their front matter, with the vocabularies of config.toml.
func cmdSchema(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	out := fs.String("out", "", "folder to write the schemas to (default: schemas/ in the site root)")
	if fs.Parse(args) != nil || fs.NArg() > 0 {
		return exitUsage
	}
	cfg, err := config.Load(os.DirFS(*root))
	if err != nil {
		return reportErrors(stderr, err, "text")
	}
	if *out == "" {
		*out = filepath.Join(*root, "schemas")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "schema:", err)
		return exitProblems
	}
	folders := content.Folders(cfg.Kinds)
	for _, kind := range folders {
		b, err := content.JSONSchema(cfg.Kinds, kind, cfg, scaffold.Describe)
		name := filepath.Join(*out, kind+".schema.json")
		if err == nil {
			err = os.WriteFile(name, b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(stderr, "schema:", err)
			return exitProblems
		}
	}
	fmt.Fprintf(stdout, "wrote %d schemas to %s (<kind>.schema.json)\n", len(folders), filepath.ToSlash(*out))
	return exitOK
}

var _ = errors.New
