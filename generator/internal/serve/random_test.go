package serve

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/output"
	"portal/generator/internal/pipeline"
)

// TestMatchesBuildRandomEdits makes series of edits drawn at random (a
// date, a deadline, the areas, the host, the schools, a thesis's level, a
// title, a body, a status, a draft, an agreement's validUntil or noticeMonths, an image
// beside a record put there or replaced, a record copied, renamed or
// deleted, a term renamed in config.toml, the list
// item's template, days passing, the clock coming to the turn the preview
// waits for or to a moment before it), some of them after an edit of
// text of another record (a title, a body's start or end) applied in
// place, and some with the disk full while their later batches are
// written, which serve's loop tries again (laterWriteFails), and checks
// after each that the served files (in a folder, or in memory for the
// long lists) hold exactly what build -drafts writes from the same
// sources on that day. An edit the checker refuses is taken back, and the served
// folder must then match the sources as they were. The hand-picked
// series of TestMatchesBuild cover each kind of edit once; these cover
// them one after another, in orders nobody chose.
//
// The seeds are fixed, so a failure repeats; PORTAL_RANDOM_EDITS=N runs
// N seeds more (e.g. 30, about six minutes) to look for new failures.
func TestMatchesBuildRandomEdits(t *testing.T) {
	seeds := randomSeeds()
	steps := 12
	if testing.Short() {
		seeds, steps = seeds[:1], 6
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			randomEdits(t, rand.New(rand.NewPCG(seed, 0)), rand.New(rand.NewPCG(seed, 4)), steps, 0, output.Dir(t.TempDir()))
		})
		// With lists long enough to have several pages and search
		// files of many documents, which a moved record renumbers; in
		// memory, as serve keeps the preview without -out.
		t.Run(fmt.Sprint("long/seed=", seed), func(t *testing.T) {
			randomEdits(t, rand.New(rand.NewPCG(seed, 1)), rand.New(rand.NewPCG(seed, 5)), steps, 80, output.NewMemory())
		})
	}
}

// randomSeeds are the seeds of the random tests: three fixed ones, and
// PORTAL_RANDOM_EDITS=N more. Under the race detector, which makes them
// take about five times as long (some five minutes of CI), only the
// first of the three: it runs the same goroutines, and the three run
// without it (go test, and go test -tags portable in CI).
func randomSeeds() []uint64 {
	seeds := []uint64{1, 2, 3}
	if raceEnabled {
		seeds = seeds[:1]
	}
	if n, err := strconv.Atoi(os.Getenv("PORTAL_RANDOM_EDITS")); err == nil {
		for i := range n {
			seeds = append(seeds, uint64(1000+i))
		}
	}
	return seeds
}

// randomFixture is a fresh fixture with extra copies of a thesis, which
// shows an image (the copies too).
func randomFixture(t *testing.T, extra int) string {
	t.Helper()
	root := fixture(t)
	write(t, root, "content/theses/bild.png", pngOf(t, 40, 20))
	edit(t, root, "content/theses/gammalt.md", "\n+++\n", "\n+++\n\n![Bild](bild.png)\n")
	b, err := os.ReadFile(filepath.Join(root, "content/theses/gammalt.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range extra {
		text := strings.Replace(string(b), "title = \"", fmt.Sprintf("title = \"Extra %d ", i), 1)
		text = strings.Replace(text, "date = 2025-01-01", fmt.Sprintf("date = 2025-%02d-%02d", 1+i%12, 1+i%28), 1)
		write(t, root, fmt.Sprintf("content/theses/extra-%02d.md", i), text+fmt.Sprintf("\nOrdet%d.\n", i))
	}
	return root
}

// randomEdits runs steps random edits on randomFixture. aside draws,
// apart from r, which draws the edits, an edit of text (textEdit) that
// comes before a step's edit, as its own update, and when the disk is
// full while the later batches of an update are written
// (laterWriteFails): the edit of text is applied in place, and a new
// model made after its lists failed to be written must show it.
func randomEdits(t *testing.T, r, aside *rand.Rand, steps, extra int, store output.Store) {
	root := randomFixture(t, extra)
	now := testNow
	store, full := fillable(store)
	e := newEngine(os.DirFS(root), store, func() time.Time { return now })
	if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
		t.Fatalf("first build: %v %v", err, res.Errs)
	}
	for i := range steps {
		files := mdFiles(t, root)
		rel := files[r.IntN(len(files))]
		var first string // an edit of text before the step's, its own update
		if aside.IntN(4) == 0 {
			first = asideTextEdit(t, aside, e, full, root, files[aside.IntN(len(files))]) + ", then "
		}
		before := snapshot(t, root)
		var name string
		var paths []string
		then := now
		switch {
		case r.IntN(12) == 0:
			// Days pass: offers close, lectures are given, agreements
			// expire, with no file changed.
			days := 1 + r.IntN(300)
			now = now.AddDate(0, 0, days)
			name, rel = fmt.Sprintf("%d days passed", days), "the calendar"
		case r.IntN(6) == 0 && !e.turn.IsZero():
			// The clock comes to the moment the preview waits for (a
			// midnight, a record published or expiring at a time, a
			// lecture's end), and serve's loop asks for an update; or
			// an edit comes first.
			now = e.turn
			name = "the clock came to " + now.Format(time.RFC3339)
			if r.IntN(2) == 0 {
				var edit string
				edit, paths = randomEdit(t, r, root, rel, now)
				name += ", then " + edit
			} else {
				rel = "the calendar"
			}
		case r.IntN(5) == 0 && e.turn.After(now):
			// The clock comes to a moment before that one: serve's
			// loop does nothing, and nothing has turned.
			now = now.Add(time.Duration(r.Int64N(int64(e.turn.Sub(now)))))
			name, rel = "the clock came to "+now.Format(time.RFC3339Nano)+", before "+e.turn.Format(time.RFC3339), "the calendar"
			if e.turned() {
				t.Fatalf("step %d: %s: turned", i, name)
			}
			t.Log(name)
			matchesBuildAt(t, e, root, name, now)
			if t.Failed() {
				return
			}
			continue
		default:
			name, paths = randomEdit(t, r, root, rel, now)
		}
		step := fmt.Sprintf("step %d: %s%s of %s", i, first, name, rel)
		res, err := e.update(paths)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errs) == 0 && aside.IntN(4) == 0 {
			step += laterWriteFails(t, e, full, aside.IntN(2))
		}
		finishWrites(t, e)
		if len(res.Errs) > 0 {
			refusedAsBuild(t, root, res.Errs, step, now)
			restore(t, root, before)
			now = then // a record linked to expired: the days are taken back
			step += " (refused: " + res.Errs[0].Msg + "; taken back)"
			if res := mustUpdate(t, e, paths...); len(res.Errs) > 0 {
				t.Fatalf("%s: still %v", step, res.Errs)
			}
		}
		t.Log(step)
		matchesBuildAt(t, e, root, step, now)
		if t.Failed() {
			return
		}
	}
}

// refusedAsBuild checks that a build refuses the sources too, with the
// problems the preview server reported.
func refusedAsBuild(t *testing.T, root string, got diag.List, step string, now time.Time) {
	t.Helper()
	_, err := pipeline.Load(os.DirFS(root), pipeline.Options{Now: now, Drafts: true})
	want, _ := diag.AsList(err)
	if err == nil || !slices.Equal(lines(got), lines(want)) {
		t.Errorf("%s: serve reported\n%s\nbuild reported\n%s (%v)", step,
			strings.Join(lines(got), "\n"), strings.Join(lines(want), "\n"), err)
	}
}

// lines are problems as the command line prints them.
func lines(l diag.List) []string {
	var out []string
	for _, e := range l {
		out = append(out, e.Error())
	}
	return out
}

// mdFiles lists the Markdown files under content/, as slash paths.
func mdFiles(t *testing.T, root string) []string {
	t.Helper()
	return contentFiles(t, root, ".md")
}

// contentFiles lists the files under content/ whose names end in suffix
// ("": every file), sorted.
func contentFiles(t *testing.T, root, suffix string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, suffix) {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// snapshot is the bytes of every file under content/ (records, images
// and attachments) and of config.toml.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rel := range append(contentFiles(t, root, ""), "config.toml") {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		out[rel] = string(b)
	}
	return out
}

// restore puts content/ back as snapshot found it.
func restore(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for _, rel := range contentFiles(t, root, "") {
		if _, ok := files[rel]; !ok {
			os.Remove(filepath.Join(root, filepath.FromSlash(rel)))
		}
	}
	for rel, text := range files {
		write(t, root, rel, text)
	}
}

// frontLine matches a line of front matter by its key.
func frontLine(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^` + key + ` = .*$`)
}

// randomEdit changes rel (or the files beside it) in one of several ways
// and returns what it did and the paths it touched. An edit that does not
// apply to the file (it has no deadline) falls back to its body.
func randomEdit(t *testing.T, r *rand.Rand, root, rel string, now time.Time) (string, []string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(rel))
	b, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	day := func() string {
		return fmt.Sprintf("%d-%02d-%02d", 2024+r.IntN(4), 1+r.IntN(12), 1+r.IntN(28))
	}
	replace := func(key, value string) (string, bool) {
		re := frontLine(key)
		if !re.MatchString(text) {
			return "", false
		}
		return re.ReplaceAllLiteralString(text, key+" = "+value), true
	}
	primary := !strings.HasSuffix(strings.TrimSuffix(rel, ".md"), ".en")
	var changed string
	var ok bool
	var name string
	// moment is a time of some day, or of the day of now: a record
	// published or expiring within the day the preview shows.
	moment := func() string {
		if r.IntN(2) == 0 {
			return day() + fmt.Sprintf("T%02d:%02d:00", r.IntN(24), 15*r.IntN(4))
		}
		return now.Add(time.Duration(r.IntN(24*60)) * time.Minute).Format(time.RFC3339)
	}
	if name, paths := otherEdit(t, r, root, rel, text, primary, day, moment); name != "" {
		return name, paths
	}
	switch op := r.IntN(10); {
	case op == 0 && primary:
		name = "date"
		changed, ok = replace("date", day())
	case op == 1:
		name = "deadline"
		changed, ok = replace("deadline", day())
	case op == 2:
		name = "areas"
		changed, ok = replace("areas", []string{`["energi"]`, `["trafik"]`, `["energi", "trafik"]`}[r.IntN(3)])
	case op == 3:
		name = "status"
		status := []string{"scheduled", "cancelled", "planned", "active", "completed", "terminated"}
		changed, ok = replace("status", strconv.Quote(status[r.IntN(len(status))]))
	case op == 4:
		name = "title"
		changed, ok = replace("title", strconv.Quote(fmt.Sprintf("Rubrik %d", r.IntN(100))))
	case op == 5 && primary:
		name = "draft"
		if re := frontLine("draft"); re.MatchString(text) {
			changed, ok = re.ReplaceAllLiteralString(text, ""), true
		} else {
			changed, ok = strings.Replace(text, "+++\n", "+++\ndraft = true\n", 1), true
		}
	case op == 6 && primary:
		copied := strings.TrimSuffix(rel, ".md") + fmt.Sprintf("-kopia%d.md", r.IntN(3))
		write(t, root, copied, text)
		return "copied to " + copied, []string{copied}
	case op == 7 && primary:
		renamed := strings.TrimSuffix(rel, ".md") + "-ny.md"
		if err := os.Rename(full, filepath.Join(root, filepath.FromSlash(renamed))); err != nil {
			t.Fatal(err)
		}
		return "renamed to " + renamed, []string{rel, renamed}
	case op == 8:
		if err := os.Remove(full); err != nil {
			t.Fatal(err)
		}
		return "deleted", []string{rel}
	case op == 9:
		return noticeEdit(t, r, root)
	}
	if !ok {
		name = "body"
		changed = text + fmt.Sprintf("\nOrd%d och fler ord.\n", r.IntN(50))
	}
	write(t, root, rel, changed)
	return name, []string{rel}
}

// noticeEdit moves the last day to give notice of the fixture's agreement
// in force (its validUntil, on a month's end or not, or its noticeMonths),
// onto the page of agreements due for review and into their calendar, or
// off them.
func noticeEdit(t *testing.T, r *rand.Rand, root string) (string, []string) {
	const rel = "content/agreements/mou.md"
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return "nothing (" + rel + " was deleted or renamed)", nil
	}
	key, value := "noticeMonths", fmt.Sprint([]int{0, 1, 6, 13, 600}[r.IntN(5)])
	if r.IntN(3) > 0 {
		y, m := 2026+r.IntN(3), time.Month(1+r.IntN(12))
		day := time.Date(y, m, []int{1, 15, 28, 31}[r.IntN(4)], 0, 0, 0, 0, time.UTC)
		if day.Month() != m { // no 31st: the month's last day
			day = time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		}
		key, value = "validUntil", day.Format(time.DateOnly)
	}
	text, re := string(b), frontLine(key)
	if re.MatchString(text) {
		text = re.ReplaceAllLiteralString(text, key+" = "+value)
	} else {
		text = strings.Replace(text, "+++\n", "+++\n"+key+" = "+value+"\n", 1)
	}
	write(t, root, rel, text)
	return key + " = " + value + " in " + rel + ", not an edit", []string{rel}
}

// configEdit replaces what re matches in config.toml by repl.
func configEdit(t *testing.T, root, name, re, repl string) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(re)
	if !m.Match(b) {
		t.Fatalf("config.toml has no %s", re)
	}
	write(t, root, "config.toml", m.ReplaceAllString(string(b), repl))
	return name, []string{"config.toml"}
}

// TestChecksBetweenRecords checks the problems a full load finds between
// records, which reloading one record's files alone cannot see: a file
// beside the records that none uses any more, and a public record that
// would publish a confidential agreement's file. The preview server
// reports each as the build does, and serves again once it is mended.
func TestChecksBetweenRecords(t *testing.T) {
	const (
		secret = "content/agreements/hemligt.md"
		mou    = "content/agreements/mou.md"
	)
	for _, c := range []struct {
		name string
		do   func(t *testing.T, root string) []string // the paths it changed
		want string
		// mend, when set, mends otherwise than by taking the edit back.
		mend func(t *testing.T, root string) []string
	}{
		{"the record of an attachment deleted", func(t *testing.T, root string) []string {
			os.Remove(filepath.Join(root, secret))
			return []string{secret}
		}, "content/agreements/hemligt-avtal.pdf:1:1: file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record", nil},
		{"the record of an attachment deleted, then the attachment", func(t *testing.T, root string) []string {
			os.Remove(filepath.Join(root, secret))
			return []string{secret}
		}, "content/agreements/hemligt-avtal.pdf:1:1: file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record",
			func(t *testing.T, root string) []string {
				os.Remove(filepath.Join(root, "content/agreements/hemligt-avtal.pdf"))
				return []string{"content/agreements/hemligt-avtal.pdf"}
			}},
		{"an attachment no longer named", func(t *testing.T, root string) []string {
			edit(t, root, mou, "attachment = \"mou.pdf\"\n", "")
			return []string{mou}
		}, "content/agreements/mou.pdf:1:1: file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record", nil},
		{"a confidential agreement's file named", func(t *testing.T, root string) []string {
			edit(t, root, mou, `attachment = "mou.pdf"`, `attachment = "hemligt-avtal.pdf"`)
			return []string{mou}
		}, `content/agreements/mou.md:15:14: attachment "hemligt-avtal.pdf" is the confidential attachment of content/agreements/hemligt.md`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := fixture(t)
			e := newTestEngine(t, root)
			before := snapshot(t, root)
			paths := c.do(t, root)
			res := mustUpdate(t, e, paths...)
			if got := lines(res.Errs); !slices.Contains(got, c.want) {
				t.Fatalf("reported %q, want %q among them", got, c.want)
			}
			refusedAsBuild(t, root, res.Errs, c.name, testNow)
			if c.mend != nil {
				paths = c.mend(t, root)
			} else {
				restore(t, root, before)
			}
			if res := mustUpdate(t, e, paths...); len(res.Errs) > 0 {
				t.Fatalf("mended: %v", res.Errs)
			}
			matchesBuild(t, e, root, "mended")
		})
	}
}

// otherEdit is, one time in three, one of the rarer edits of randomEdit:
// a translation added or deleted, a slug, an alias, a publication or
// expiry date, a link to another record, the name of an area in
// config.toml. It returns "" otherwise.
func otherEdit(t *testing.T, r *rand.Rand, root, rel, text string, primary bool, day, moment func() string) (string, []string) {
	t.Helper()
	set := func(key, value string) string {
		if re := frontLine(key); re.MatchString(text) {
			return re.ReplaceAllLiteralString(text, key+" = "+value)
		}
		return strings.Replace(text, "+++\n", "+++\n"+key+" = "+value+"\n", 1)
	}
	var name, changed string
	switch op := r.IntN(25); {
	case op == 0 && primary:
		tr := strings.TrimSuffix(rel, ".md") + ".en.md"
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(tr))); err == nil {
			os.Remove(filepath.Join(root, filepath.FromSlash(tr)))
			return "translation deleted", []string{tr}
		}
		write(t, root, tr, fmt.Sprintf("+++\ntitle = \"In English %d\"\n+++\n\nWords in English.\n", r.IntN(10)))
		return "translation added", []string{tr}
	case op == 1 && primary:
		name, changed = "slug", set("slug", fmt.Sprintf("%q", fmt.Sprint("namn-", r.IntN(3))))
	case op == 2:
		name, changed = "alias", set("aliases", fmt.Sprintf(`["/gammal-%d/"]`, r.IntN(3)))
	case op == 3 && primary:
		name, changed = "publishDate", set("publishDate", day())
	case op == 4 && primary:
		name, changed = "expiryDate", set("expiryDate", day())
	case op == 11 && primary:
		name, changed = "publishDate at a time", set("publishDate", moment())
	case op == 12 && primary:
		name, changed = "expiryDate at a time", set("expiryDate", moment())
	case op == 5:
		files := mdFiles(t, root)
		target := strings.TrimPrefix(files[r.IntN(len(files))], "content/")
		name, changed = "link to "+target, text+"\nSe [den här](../"+target+").\n"
	case op == 6:
		cfg := filepath.Join(root, "config.toml")
		b, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`(\[areas\.energi\]\nsv = )".*"`)
		write(t, root, "config.toml", re.ReplaceAllString(string(b), fmt.Sprintf(`${1}"Energi %d"`, r.IntN(5))))
		return "area renamed in config.toml", []string{"config.toml"}
	case op == 13 && primary:
		// An image beside the record, shown by its body, put there or
		// replaced by one of other sizes (with a variant or without). The
		// records of a folder show one image: replaced, it changes the
		// pages of records whose text did not change.
		img := path.Dir(rel) + "/bild.png"
		size := [][2]int{{40, 20}, {80, 30}, {1600, 900}, {1700, 500}}[r.IntN(4)]
		write(t, root, img, pngOf(t, size[0], size[1]))
		name, changed = fmt.Sprintf("image %dx%d", size[0], size[1]), text
		if shown := "![Bild](" + path.Base(img) + ")"; !strings.Contains(text, shown) {
			changed = text + "\n" + shown + "\n"
		}
		write(t, root, rel, changed)
		return name, []string{img, rel}
	case op == 14 && frontLine("level").MatchString(text):
		// A thesis moved to the other level's list and feed
		// (/exjobb/niva/<level>/), or kept at its level.
		name, changed = "level", set("level", strconv.Quote([]string{"bachelor", "master"}[r.IntN(2)]))
	case op == 7:
		name, changed = "host", set("host", strconv.Quote([]string{"kth", "stockholms-stad", "trafikkontoret"}[r.IntN(3)]))
	case op == 8:
		name, changed = "schools", set("schools", []string{`["abe"]`, `["eecs"]`, `["abe", "eecs"]`}[r.IntN(3)])
	case op == 9:
		return configEdit(t, root, "organisation renamed in config.toml",
			`(\[organisations\.trafikkontoret\]\nsv = )".*"`, fmt.Sprintf(`${1}"Trafikkontoret %d"`, r.IntN(5)))
	case op == 10:
		tmpl := "templates/partials/items.html"
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(tmpl)))
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`<p class="excerpt"[^>]*>`)
		write(t, root, tmpl, re.ReplaceAllString(string(b), fmt.Sprintf(`<p class="excerpt" data-v="%d">`, r.IntN(5))))
		return "list item changed in " + tmpl, []string{tmpl}
	default:
		return "", nil
	}
	write(t, root, rel, changed)
	return name, []string{rel}
}
