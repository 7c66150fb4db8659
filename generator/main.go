// Command generator builds the KTH – City of Stockholm collaboration
// portal: a static, bilingual site from Markdown records.
//
//	go run ./generator [build] [-root DIR] [-out DIR] [-now TIME] [-drafts] [-lang sv|en]
//	                           [-fast-templates=false] [-no-search] [-cpuprofile F] [-memprofile F] [-trace F]
//	go run ./generator check [-root DIR] [-now TIME] [-drafts] [-format text|json] [-strict] [-lang sv|en] [FILE...]
//	go run ./generator serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR] [-now TIME] [-open] [-lang sv|en]
//	go run ./generator new KIND "Title" [-lang en] [-name NAME] [-root DIR] [-now TIME]
//	go run ./generator version
//	go run ./generator schema [-root DIR] [-out DIR]
//
// Only package main (this file and its neighbours) reads flags, the
// environment and the clock, and exits. Started by a double-click beside
// a config.toml, the program previews that site as serve -open does
// (launch.go). Messages are in the language of
// -lang, else of LC_ALL, LC_MESSAGES or LANG, else on Windows of Windows
// (locale_windows.go).
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	// The zone database, for config's timeZone and -now's dates: Windows
	// has none of its own (Go reads it from its installation, which an
	// editor with the released program does not have), nor has a Linux
	// container without tzdata (scripts/release-check.sh tries it). 450 kB.
	_ "time/tzdata"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/output"
	"portal/generator/internal/pipeline"
	"portal/generator/internal/scaffold"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	getenv := withSystemLocale(os.Getenv, systemLocale)
	args, started := os.Args[1:], launch{}
	if len(args) == 0 { // how it was started matters without arguments only
		started = currentLaunch()
	}
	if started.byClick(args) {
		say(os.Stderr, envLang(getenv), diag.CLIClickServe, started.exeDir)
		args = started.clickArgs()
	}
	code := run(ctx, args, os.Stdout, os.Stderr, getenv)
	stop()
	if code != exitOK && started.keepOpen(os.Args[1:]) {
		waitForEnter(os.Stderr, os.Stdin, diag.M(diag.CLIPressEnter).Text(envLang(getenv)))
	}
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
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || isCommandFlag(args[0])) {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "build":
		return cmdBuild(ctx, args, stdout, stderr, getenv)
	case "check":
		return cmdCheck(args, stdout, stderr, getenv)
	case "serve":
		return cmdServe(ctx, args, stdout, stderr, getenv, openBrowser)
	case "new":
		return cmdNew(args, stdout, stderr, getenv)
	case "version", "-version", "--version":
		return cmdVersion(args, stdout, stderr, envLang(getenv))
	case "schema":
		return cmdSchema(args, stdout, stderr, getenv)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, diag.UsageText(envLang(getenv)))
		return exitOK
	}
	say(stderr, envLang(getenv), diag.CLIUnknownCommand, cmd)
	fmt.Fprintf(stderr, "\n%s", diag.UsageText(envLang(getenv)))
	return exitUsage
}

// isCommandFlag reports whether arg, a flag, names a command of its own
// (-h, --version) rather than an option of build, the default command.
func isCommandFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "-version", "--version":
		return true
	}
	return false
}

// common holds the flags of build and check.
type common struct {
	root, now, lang string
	drafts          bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.root, "root", ".", "site root: config.toml, content/, templates/")
	fs.StringVar(&c.now, "now", "", "the build's notion of now: RFC 3339 or YYYY-MM-DD")
	drafts := "publish drafts too"
	if fs.Name() == "check" {
		drafts = "check drafts too, as if they were published"
	}
	fs.BoolVar(&c.drafts, "drafts", false, drafts)
	fs.StringVar(&c.lang, "lang", "", "language of the messages: sv or en (default: from LC_ALL, LC_MESSAGES or LANG, else on Windows the language Windows shows)")
}

// envLang is the message language the environment asks for, as POSIX
// reads it: LC_ALL, then LC_MESSAGES, then LANG.
func envLang(getenv func(string) string) diag.Lang {
	return diag.LocaleLang(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"))
}

// messageLang is the language of -lang, or of the environment when it is
// not given; ok is false (and the reason printed) for another value.
func messageLang(cmd, flagValue string, stderr io.Writer, getenv func(string) string) (diag.Lang, bool) {
	if flagValue == "" {
		return envLang(getenv), true
	}
	lang, ok := diag.ParseLang(flagValue)
	if !ok {
		say(stderr, envLang(getenv), diag.CLILang, cmd, flagValue)
	}
	return lang, ok
}

// say prints the catalog message id in lang, as one line.
func say(w io.Writer, lang diag.Lang, id diag.ID, args ...any) {
	fmt.Fprintln(w, diag.M(id, args...).Text(lang))
}

// extraArgs prints why a command that takes no arguments refuses them;
// it reports whether there were any.
func extraArgs(cmd string, fs *flag.FlagSet, stderr io.Writer, lang diag.Lang) bool {
	if fs.NArg() == 0 {
		return false
	}
	say(stderr, lang, diag.CLIExtraArgs, cmd, fs.Arg(0))
	return true
}

// sayErr prints err in lang (errText), after "cmd: " when cmd is given.
func sayErr(w io.Writer, lang diag.Lang, cmd string, err error) {
	text := errText(err, lang)
	if cmd != "" {
		text = cmd + ": " + text
	}
	fmt.Fprintln(w, text)
}

// errText is the text of err in lang: the catalog message it wraps (the
// output folder's lock, an -out refused) in lang, with whatever wraps it
// ("serve: "); any other error as it is.
func errText(err error, lang diag.Lang) string {
	if m, ok := errors.AsType[diag.Message](err); ok {
		return strings.Replace(err.Error(), m.Error(), m.Text(lang), 1)
	}
	return err.Error()
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
		return time.Time{}, diag.M(diag.CLINow, flagValue)
	}
	if epoch, err := sourceDate(getenv); err != nil || !epoch.IsZero() {
		return epoch, err
	}
	return time.Now(), nil
}

// sourceDate is SOURCE_DATE_EPOCH, or zero when it is not set.
func sourceDate(getenv func(string) string) (time.Time, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, diag.M(diag.CLIEpoch, s)
	}
	return time.Unix(n, 0).UTC(), nil
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := newFlags("build", stderr, getenv)
	var c common
	c.register(fs)
	out := fs.String("out", "", "output folder (default: public/ in the site root)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file at the end")
	traceFile := fs.String("trace", "", "write an execution trace to this file (go tool trace)")
	fast := fs.Bool("fast-templates", true, "execute the templates with the fast executor; false: with html/template alone")
	noSearch := fs.Bool("no-search", false, "leave out the search index (to measure what it costs; the site's search then does not work)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	lang, ok := messageLang("build", c.lang, stderr, getenv)
	if !ok || extraArgs("build", fs, stderr, lang) {
		return exitUsage
	}
	stopProfiles, err := startProfiles(*cpuprofile, *traceFile, *memprofile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	defer stopProfiles()
	now, err := resolveNow(c.now, getenv)
	if err != nil {
		sayErr(stderr, lang, "", err)
		return exitUsage
	}
	// The files' times: SOURCE_DATE_EPOCH, not -now, the date the content
	// is read at (a deadline passed or not), often one to come.
	epoch, err := sourceDate(getenv)
	if err != nil {
		sayErr(stderr, lang, "", err)
		return exitUsage
	}
	if noRoot(stderr, lang, "build", c.root) {
		return exitUsage
	}
	*out = cmp.Or(*out, filepath.Join(c.root, "public"))
	if err := output.CheckOut(c.root, *out); err != nil {
		sayErr(stderr, lang, "build", err)
		return exitUsage
	}
	start := time.Now()
	if getenv("GOMEMLIMIT") == "" { // a limit set by hand is kept
		defer governMemory()()
	}
	var loaded *pipeline.Loaded
	rep, err := stoppable(ctx, func() (*pipeline.Report, error) {
		// Stream: bodies are rendered as their pages are written, and broken
		// links come from Write (when they are the only problems).
		l, err := pipeline.Load(os.DirFS(c.root), pipeline.Options{Now: now, Drafts: c.drafts, Stream: true, Dir: c.root, HTMLTemplate: !*fast, NoSearch: *noSearch, SourceDate: epoch})
		if err != nil {
			return nil, err
		}
		loaded = l
		return l.Write(ctx, *out)
	})
	if ctx.Err() != nil && err != nil {
		// Interrupted: whatever the build found so far is incomplete. A
		// build that published before the signal (err is nil) did not
		// fail: its site is in place, and it says so below.
		say(stderr, lang, diag.BuildFailed, filepath.ToSlash(*out), context.Cause(ctx))
		return exitProblems
	}
	if _, isList := diag.AsList(err); isList {
		return reportErrors(stderr, err, "text", lang)
	}
	if err != nil {
		say(stderr, lang, diag.BuildFailed, filepath.ToSlash(*out), errText(err, lang))
		return exitProblems
	}
	var warnings diag.List
	n := 0
	if ctx.Err() == nil {
		// After the writing, whose peak of memory they would add to
		// (finding a key's position reads its file's front matter).
		warnings, n = loaded.FirstWarnings(shownWarnings)
	}
	printSummary(stdout, lang, rep, *out, time.Since(start))
	printWarnings(stderr, warnings, n, lang)
	return exitOK
}

// printWarnings prints the first warnings of a build that succeeded
// (first, sorted), as check prints them, and their count, n: a build
// that passes may still fail CI, and check lists them all.
func printWarnings(w io.Writer, first diag.List, n int, lang diag.Lang) {
	if n == 0 {
		return
	}
	word := diag.M(plural(n, diag.WordWarning, diag.WordWarnings))
	for _, e := range first[:min(n, shownWarnings)] {
		fmt.Fprintln(w, e.In(lang))
	}
	if n > shownWarnings {
		say(w, lang, diag.BuildWarningsMore, diag.Count(n), word, shownWarnings)
	} else {
		say(w, lang, diag.BuildWarnings, diag.Count(n), word)
	}
}

// shownWarnings is how many warnings a build prints; check prints all.
const shownWarnings = 10

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
	var rep *pipeline.Report
	var err error
	done := make(chan struct{})
	go func() {
		rep, err = run()
		close(done)
	}()
	select {
	case <-done:
		return rep, err
	case <-ctx.Done():
	}
	select {
	case <-done:
		return rep, err
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
// other arguments, and returns those, or the error of fs.Parse.
func parseInterleaved(fs *flag.FlagSet, args []string) (rest []string, err error) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
}

func plural[T any](n int, one, many T) T {
	if n == 1 {
		return one
	}
	return many
}

func printSummary(w io.Writer, lang diag.Lang, rep *pipeline.Report, out string, total time.Duration) {
	var parts []string
	files := 0
	for _, k := range slices.Sorted(maps.Keys(rep.Read)) {
		var ls []string
		for _, l := range slices.Sorted(maps.Keys(rep.Read[k])) {
			ls = append(ls, diag.Count(rep.Read[k][l]).In(lang)+" "+l)
			files += rep.Read[k][l]
		}
		parts = append(parts, k+" "+strings.Join(ls, "+"))
	}
	published := 0
	for _, n := range rep.Stats.Published {
		published += n
	}
	say(w, lang, diag.SummaryProgram, programVersion())
	say(w, lang, diag.SummaryRead, diag.Count(files), diag.Count(rep.Records), strings.Join(parts, ", "))
	say(w, lang, diag.SummaryRecords, diag.Count(published), diag.Count(rep.FreePages), diag.Count(rep.Stats.Drafts),
		diag.Count(rep.Stats.Scheduled), diag.Count(rep.Stats.Expired), diag.Count(rep.Stats.Archived))
	if f, r := rep.Unaccounted(); f != 0 || r != 0 {
		say(w, lang, diag.SummaryUnaccounted, diag.Count(f), diag.Count(r))
	}
	say(w, lang, diag.SummaryWrote, diag.Count(rep.Pages), diag.Count(rep.Files), float64(rep.Bytes)/1e6, filepath.ToSlash(out))
	if rep.FastTemplates {
		say(w, lang, diag.SummaryFast, diag.Count(rep.Fallbacks))
	} else {
		say(w, lang, diag.SummarySlow)
	}
	var ph []string
	for _, p := range rep.Phases {
		ph = append(ph, diag.M(p.Name).Text(lang)+" "+diag.Duration(p.Time.Round(time.Millisecond)).In(lang))
	}
	say(w, lang, diag.SummaryTime, strings.Join(ph, ", "), diag.Duration(total.Round(time.Millisecond)))
}

func cmdNew(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := newFlags("new", stderr, getenv)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	lang := fs.String("lang", "", "language of the file; another than the default makes the translation of the record named like the title (or -name)")
	name := fs.String("name", "", "file name without .md (default: made from the title)")
	nowFlag := fs.String("now", "", "the date to fill in: RFC 3339 or YYYY-MM-DD (default: today)")
	// The record's language is -lang; its messages are in the language
	// of the environment.
	msgs := envLang(getenv)
	// Flags may come before, between or after KIND and the title.
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 2 {
		say(stderr, msgs, diag.NewUsage)
		return exitUsage
	}
	kind, title := pos[0], pos[1]
	if reg := kinds.Default(); !content.IsKind(reg, kind) {
		if mean := meantKind(*root, kind, reg); mean != "" {
			say(stderr, msgs, diag.NewUnknownKindMean, kind, mean, strings.Join(reg.Names(), ", "), content.Pages)
		} else {
			say(stderr, msgs, diag.NewUnknownKind, kind, strings.Join(reg.Names(), ", "), content.Pages)
		}
		return exitUsage
	}
	if noRoot(stderr, msgs, "new", *root) {
		return exitUsage
	}
	cfg, err := config.Load(os.DirFS(*root))
	if err != nil {
		return reportErrors(stderr, err, "text", msgs)
	}
	if *lang != "" && !slices.Contains(cfg.Languages, *lang) {
		say(stderr, msgs, diag.NewUnknownLang, *lang, strings.Join(cfg.Languages, ", "))
		return exitUsage
	}
	now, err := resolveNow(*nowFlag, getenv)
	if err != nil {
		sayErr(stderr, msgs, "", err)
		return exitUsage
	}
	res, err := scaffold.Create(*root, scaffold.Options{
		Kind: kind, Title: title, Lang: *lang, Name: *name, Today: now.In(cfg.TimeZone), Cfg: cfg, Msgs: msgs,
	})
	if res.Renamed.ID != "" {
		// Why the file is not named after the title: before what was
		// written, or before the error (the file of that name exists).
		w := stdout
		if err != nil {
			w = stderr
		}
		say(w, msgs, res.Renamed.ID, res.Renamed.Args...)
	}
	if err != nil {
		sayErr(stderr, msgs, "new", err)
		var m diag.Message
		if errors.As(err, &m) && slices.Contains([]diag.ID{diag.NewNoSlug, diag.NewBadName, diag.NewBadNameAs, diag.NewReservedName, diag.NewNameSegment, diag.NewNamePage, diag.NewEmptyTitle, diag.NewTitleUTF8}, m.ID) {
			return exitUsage // the title or -name given, as for an unknown kind
		}
		return exitProblems
	}
	switch {
	case res.Translation:
		say(stdout, msgs, diag.NewWroteTranslation, res.Path, cfg.DefaultLanguage)
	case *lang != "" && *lang != cfg.DefaultLanguage:
		// Perhaps a translation whose -name is misspelt: say so.
		own := strings.TrimSuffix(res.Path, "."+*lang+".md") + ".md"
		say(stdout, msgs, diag.NewWroteOwn, res.Path, *lang, own)
	default:
		say(stdout, msgs, diag.NewWrote, res.Path)
	}
	return exitOK
}

// cmdSchema writes <kind>.schema.json for every kind and the pages: the
// JSON Schema of their front matter, with the vocabularies of config.toml.
func cmdSchema(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := newFlags("schema", stderr, getenv)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	out := fs.String("out", "", "folder to write the schemas to (default: schemas/ in the site root)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	lang := envLang(getenv)
	if extraArgs("schema", fs, stderr, lang) {
		return exitUsage
	}
	if noRoot(stderr, lang, "schema", *root) {
		return exitUsage
	}
	cfg, err := config.Load(os.DirFS(*root))
	if err != nil {
		return reportErrors(stderr, err, "text", lang)
	}
	*out = cmp.Or(*out, filepath.Join(*root, "schemas"))
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
	say(stdout, lang, diag.SchemaWrote, diag.Count(len(folders)), filepath.ToSlash(*out))
	return exitOK
}
