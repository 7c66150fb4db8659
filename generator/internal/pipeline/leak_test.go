package pipeline

// Tests that the published site holds exactly what may be published, that
// hostile text is escaped everywhere, and that public/ is never half-written:
// not by a build that fails, nor by one killed while it writes.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// leakNow is the "now" of the leak fixture: its drafts, scheduled and
// expired records are so at this time.
var leakNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// siteCopy copies the fixture at dir into a fresh folder and copies the
// repository's templates/ beside it, as an editor's checkout has them.
// Without templates (another part of the team writes them) it skips.
func siteCopy(t testing.TB, dir string) string {
	t.Helper()
	templates, err := filepath.Abs("../../../templates")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(templates, "layouts")); err != nil {
		t.Skip("templates/ not present")
	}
	root := filepath.Join(t.TempDir(), "site")
	if dir != "" {
		if err := os.CopyFS(root, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(filepath.Join(root, "templates"), os.DirFS(templates)); err != nil {
		t.Fatal(err)
	}
	return root
}

// buildSite loads and writes the site at root into out.
func buildSite(t testing.TB, root, out string, now time.Time) *Report {
	t.Helper()
	l, err := Load(os.DirFS(root), Options{Now: now})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	rep, err := l.Write(context.Background(), out)
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return rep
}

// TestNothingLeaks builds testdata/leaks, which has a confidential
// agreement, drafts, scheduled and expired records, each with markers in
// its file name, title, summary, body and attachment, and reads every
// output file (pages, feeds, calendar, sitemap, search index, attachments)
// for a marker that must not be there.
func TestNothingLeaks(t *testing.T) {
	root := siteCopy(t, "testdata/leaks")
	out := filepath.Join(t.TempDir(), "public")
	rep := buildSite(t, root, out, leakNow)

	// Nothing lost: every file read is accounted for.
	if f, r := rep.Unaccounted(); f != 0 || r != 0 {
		t.Errorf("unaccounted: %d files, %d records", f, r)
	}
	published := 0
	for _, n := range rep.Stats.Published {
		published += n
	}
	got := fmt.Sprintf("%d files, %d records: %d published, %d pages, %d drafts, %d scheduled, %d expired, %d failed",
		rep.Sources, rep.Records, published, rep.FreePages, rep.Stats.Drafts, rep.Stats.Scheduled, rep.Stats.Expired, rep.Failed)
	if want := "15 files, 12 records: 5 published, 0 pages, 3 drafts, 2 scheduled, 2 expired, 0 failed"; got != want {
		t.Errorf("summary %s, want %s", got, want)
	}

	// Markers that must appear nowhere, in a file's name or its bytes.
	// The confidential agreement's titles may be published; its bodies and
	// attachment may not. Drafts, scheduled and expired records: nothing.
	forbidden := []string{
		"qxconfbody", "qxconfenbody", "qxconfatt",
		"qxdraft", "qxsched", "qxexp",
	}
	// Controls: markers that must appear, so the test cannot pass by
	// reading nothing (the file, or a file whose name ends in it).
	controls := map[string]string{
		"qxpublicbody":           ".html",
		"qxpublicattdata":        "ramavtal-qxpublicatt.pdf",
		"qxconftitle":            "atom.xml",
		"qxconfentitle":          ".html",
		"qxpubliclecture":        "calendar.ics",
		"qxpublicthesis":         ".json",
		"avtal/hemligt/":         "sitemap.xml",
		"qxpublicfollowup":       "atom.xml",
		"en/agreements/hemligt/": ".json",
	}
	found := map[string]bool{}
	files := tree(t, out)
	if len(files) < 50 {
		t.Fatalf("only %d files written", len(files))
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		text := strings.ToLower(p + "\n" + string(files[p]))
		for _, m := range forbidden {
			if i := strings.Index(text, m); i >= 0 {
				t.Errorf("%s: %q leaks: …%s…", p, m, excerpt(text, i))
			}
		}
		for m, where := range controls {
			if strings.HasSuffix(p, where) && strings.Contains(text, m) {
				found[m] = true
			}
		}
	}
	for m, where := range controls {
		if !found[m] {
			t.Errorf("control %q not found in any %s: the test reads too little", m, where)
		}
	}
}

func excerpt(s string, i int) string {
	return strings.ReplaceAll(s[max(i-40, 0):min(i+60, len(s))], "\n", "⏎")
}

// hostileTitle breaks out of HTML elements and attributes, XML, JSON,
// CDATA and iCalendar lines.
const hostileTitle = `<script>alert("QXT")</script> "' ]]> </title><b>&amp; ` + "\r\nBEGIN:VEVENT\nQXINJECT:1"

// TestHostileText builds records whose title, summary and body carry HTML,
// script and line-breaking text, and checks every output in its format:
// no raw markup passes through into HTML or XML, and every XML file is
// well-formed; JSON parses (it carries the text as data, so the site's
// scripts must insert it as text, never as HTML); a calendar has exactly
// its events and only well-formed content lines.
func TestHostileText(t *testing.T) {
	root := siteCopy(t, "")
	cfg, err := os.ReadFile("testdata/leaks/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	title := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", `\r`, "\n", `\n`).Replace(hostileTitle)
	summary := `<img src=x onerror=alert(\"QXS\")> & <a href=\"javascript:alert(1)\">x</a>`
	body := "<script>alert(\"QXBODY\")</script>\n\n" +
		"<iframe src=\"https://evil.example/\"></iframe>\n\n" +
		"Text with <b onmouseover=\"alert('QXATTR')\">inline</b> HTML and <style>body{display:none}</style>.\n\n" +
		"<div><a href=\"javascript:alert('QXJS')\">x</a></div>\n\n" +
		"<!-- QXCOMMENT -->\n"
	files := map[string]string{
		"config.toml": string(cfg),
		"content/theses/fientlig.md": "+++\ntitle = \"" + title + "\"\nsummary = \"" + summary + "\"\n" +
			"date = 2026-10-01\nareas = [\"energi\"]\nhost = \"kth\"\nlevel = \"master\"\ncredits = 30\ndeadline = 2027-01-31\n+++\n\n" + body,
		"content/theses/fientlig.en.md": "+++\ntitle = \"" + title + "\"\n+++\n\n" + body,
		"content/lectures/fientlig.md": "+++\ntitle = \"" + title + "\"\nsummary = \"" + summary + "\"\n" +
			"date = 2026-10-01\nareas = [\"trafik\"]\nstart = 2026-12-10T13:15:00+01:00\nend = 2026-12-10T15:00:00+01:00\n" +
			"place = \"" + title + "\"\nspeaker = \"" + title + "\"\n+++\n\n" + body,
		"content/pages/om.md": "+++\ntitle = \"" + title + "\"\n+++\n\n" + body,
		// In the calendar of the agreements' last days to give notice.
		"content/agreements/fientligt.md": "+++\ntitle = \"" + title + "\"\nsummary = \"" + summary + "\"\n" +
			"date = 2026-10-01\nareas = [\"trafik\"]\ntype = \"agreement\"\nparties = [\"kth\", \"trafikkontoret\"]\n" +
			"signed = 2026-09-30\nvalidUntil = 2027-12-31\nnoticeMonths = 3\nstatus = \"active\"\nconfidential = true\n+++\n\n" + body,
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out, leakNow)

	// Raw markup that must not reach an HTML or XML output, as tags or
	// attributes.
	raw := regexp.MustCompile(`(?i)<script>alert|<img src=x|<iframe|<b onmouseover|<style>body|href="?javascript:|qxcomment|</title><b>`)
	// A content line of iCalendar: NAME, parameters, a colon and a value,
	// or a folded continuation.
	icsLine := regexp.MustCompile(`^([A-Z][A-Z0-9-]*(;[A-Z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*)*:.*| .*)$`)
	escapedTitle := 0
	for _, p := range slices.Sorted(maps.Keys(tree(t, out))) {
		data, _ := os.ReadFile(filepath.Join(out, p))
		text := string(data)
		switch {
		case strings.HasSuffix(p, ".json"):
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s: not valid JSON: %v", p, err)
			}
			continue
		case strings.HasSuffix(p, ".js"):
			if m := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write`).FindString(text); m != "" {
				t.Errorf("%s uses %s: the search index carries titles as raw text", p, m)
			}
			continue
		case strings.HasSuffix(p, ".ics"):
			if n := strings.Count(text, "\r\nBEGIN:VEVENT\r\n"); n != 1 {
				t.Errorf("%s: %d events, want 1", p, n)
			}
			for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
				if !icsLine.MatchString(line) || strings.ContainsAny(line, "\r\n") {
					t.Errorf("%s:%d: not an iCalendar content line: %q", p, i+1, line)
				}
			}
			continue
		case strings.HasSuffix(p, ".xml"):
			if err := wellFormed(data); err != nil {
				t.Errorf("%s: not well-formed XML: %v", p, err)
			}
		}
		for _, line := range strings.Split(text, "\n") {
			if loc := raw.FindStringIndex(strings.TrimRight(line, "\r")); loc != nil {
				t.Errorf("%s: raw markup passes through: …%s…", p, excerpt(line, loc[0]))
			}
		}
		if strings.Contains(text, "&lt;script&gt;alert(") {
			escapedTitle++
		}
	}
	if escapedTitle < 4 {
		t.Errorf("the escaped title appears in %d files, want the pages of both languages and feeds", escapedTitle)
	}
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestFailedWriteLeavesOutput makes the writing half fail (an attachment
// vanishes between loading and writing) and expects public/ exactly as it
// was, a file put there by hand included, and no staging folder left.
func TestFailedWriteLeavesOutput(t *testing.T) {
	root := siteCopy(t, "testdata/leaks")
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out, leakNow)
	if err := os.WriteFile(filepath.Join(out, "marker.txt"), []byte("put here by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := manifest(t, out)
	l, err := Load(os.DirFS(root), Options{Now: leakNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "content/agreements/ramavtal-qxpublicatt.pdf")); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Write(context.Background(), out); err == nil {
		t.Fatal("write succeeded without its attachment")
	}
	if after := manifest(t, out); !maps.Equal(before, after) {
		t.Errorf("public/ changed by a failed build:\n%s", manifestDiff(before, after))
	}
	if left := staging(t, out); len(left) > maxLeftovers {
		t.Errorf("staging folders left: %v", left)
	}
}

// maxLeftovers is how many staging folders may stay beside public/ after a
// build: the output package keeps the previous tree to recycle it as the
// next build's staging folder. Leftovers of killed builds must not pile up.
const maxLeftovers = 1

// manifest maps every file and folder under dir to a hash of its bytes.
func manifest(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			m[filepath.ToSlash(rel)+"/"] = "dir"
			return nil
		}
		data, err := os.ReadFile(p)
		sum := sha256.Sum256(data)
		m[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return m
}

func manifestDiff(a, b map[string]string) string {
	var lines []string
	for _, p := range slices.Sorted(maps.Keys(a)) {
		if h, ok := b[p]; !ok {
			lines = append(lines, "- "+p)
		} else if h != a[p] {
			lines = append(lines, "~ "+p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[p]; !ok {
			lines = append(lines, "+ "+p)
		}
	}
	if len(lines) > 20 {
		lines = append(lines[:20], fmt.Sprintf("... %d more", len(lines)-20))
	}
	return strings.Join(lines, "\n")
}

// staging lists the staging folders beside out.
func staging(t testing.TB, out string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".staging-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// generator builds the generator binary into a temporary folder.
func generator(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the generator")
	}
	bin := filepath.Join(t.TempDir(), "generator")
	cmd := exec.Command(goTool, "build", "-o", bin, "./generator")
	cmd.Dir = "../../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// mediumSite writes a site of n theses into root (which has templates/);
// version changes every title and body, and which records exist.
func mediumSite(t *testing.T, root string, n, version int) {
	t.Helper()
	cfg, err := os.ReadFile("testdata/leaks/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(root, "content"))
	dir := filepath.Join(root, "content", "theses")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	para := strings.Repeat("Ett stycke om energidata, trafik och staden. ", 20)
	for i := version * 20; i < n+version*20; i++ {
		src := fmt.Sprintf("+++\ntitle = \"Exjobb %d, version %d\"\ndate = 2026-%02d-%02d\nareas = [\"%s\"]\n"+
			"host = \"kth\"\nlevel = \"master\"\ncredits = 30\ndeadline = 2027-%02d-%02d\n+++\n\n%s\n\n## Del %d\n\n%s\n",
			i, version, 1+i%9, 1+i%28, []string{"energi", "trafik"}[i%2], 1+i%12, 1+i%28, para, version, para)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("exjobb-%04d.md", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAtomicPublish runs the real generator binary. A build that fails on
// a broken record leaves public/ as it was; builds killed (SIGKILL) at many
// points leave public/ as the complete old or the complete new tree, and
// the next complete build removes their staging folders (but the one
// recycled tree, see maxLeftovers).
func TestAtomicPublish(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator and a few hundred pages many times")
	}
	bin := generator(t)
	sites := [2]string{siteCopy(t, ""), siteCopy(t, "")}
	mediumSite(t, sites[0], 250, 0)
	mediumSite(t, sites[1], 250, 1)
	out := filepath.Join(t.TempDir(), "public")
	run := func(site int) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(bin, "build", "-root", sites[site], "-out", out, "-now", "2026-11-27")
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		return cmd, &buf
	}
	complete := func(site int) time.Duration {
		t.Helper()
		start := time.Now()
		cmd, buf := run(site)
		if err := cmd.Run(); err != nil {
			t.Fatalf("build of site %d: %v\n%s", site, err, buf)
		}
		if left := staging(t, out); len(left) > maxLeftovers {
			t.Fatalf("a complete build leaves staging folders: %v", left)
		}
		return time.Since(start)
	}
	var trees [2]map[string]string
	var took time.Duration
	for site := range 2 {
		took = max(took, complete(site))
		trees[site] = manifest(t, out)
	}
	if maps.Equal(trees[0], trees[1]) {
		t.Fatal("the two versions build the same tree")
	}
	// Now public/ holds site 1.

	t.Run("failed build leaves public untouched", func(t *testing.T) {
		if err := os.WriteFile(filepath.Join(out, "marker.txt"), []byte("by hand"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(filepath.Join(out, "marker.txt"))
		before := manifest(t, out)
		broken := filepath.Join(sites[0], "content", "theses", "trasig.md")
		if err := os.WriteFile(broken, []byte("+++\ntitle = \"Trasig\"\ndeadline = 2026-02-30\n+++\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(broken)
		cmd, buf := run(0)
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("exit: %v, want status 1", err)
		}
		// The date that does not exist hides none of the file's other problems.
		want := "content/theses/trasig.md:1:1: missing required key \"areas\"; add a line that starts with areas =\n" +
			"content/theses/trasig.md:1:1: missing required key \"credits\"; add a line that starts with credits =\n" +
			"content/theses/trasig.md:1:1: missing required key \"date\"; add a line that starts with date =\n" +
			"content/theses/trasig.md:1:1: missing required key \"host\"; add a line that starts with host =\n" +
			"content/theses/trasig.md:1:1: missing required key \"level\"; add a line that starts with level =\n" +
			"content/theses/trasig.md:3:12: deadline: 2026-02-30 does not exist – February 2026 has 28 days\n" +
			"6 errors\n"
		if buf.String() != want {
			t.Errorf("output:\n%s\nwant:\n%s", buf, want)
		}
		if after := manifest(t, out); !maps.Equal(before, after) {
			t.Errorf("public/ changed:\n%s", manifestDiff(before, after))
		}
	})

	t.Run("killed builds", func(t *testing.T) {
		const n = 20
		current, outcomes := 1, map[string]int{}
		for i := range n {
			next := 1 - current
			// Spread the kills from the start to past the end of a build
			// (as long as a complete build lately took, and half again).
			delay := time.Duration(i) * (took + took/2) / n
			cmd, _ := run(next)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(delay)
			cmd.Process.Kill() // SIGKILL: no deferred cleanup runs
			cmd.Wait()
			got := manifest(t, out)
			switch {
			case maps.Equal(got, trees[current]):
				outcomes["old tree"]++
			case maps.Equal(got, trees[next]):
				outcomes["new tree"]++
			default:
				t.Fatalf("kill %d after %v: public/ is neither tree; against the old:\n%s\nagainst the new:\n%s",
					i, delay, manifestDiff(trees[current], got), manifestDiff(trees[next], got))
			}
			if len(staging(t, out)) > maxLeftovers {
				outcomes["staging left"]++
			}
			took = (took + complete(next)) / 2
			if got := manifest(t, out); !maps.Equal(got, trees[next]) {
				t.Fatalf("a complete build after a kill differs:\n%s", manifestDiff(trees[next], got))
			}
			current = next
		}
		t.Logf("build takes about %v; after %d kills: %v", took, n, outcomes)
	})
}

// TestAccountingWithErrors checks the summary's sums on sites with broken
// records too: a file with errors is counted as failed, not lost.
func TestAccountingWithErrors(t *testing.T) {
	sites, _ := filepath.Glob("testdata/invalid/*")
	sites = append(sites, "testdata/leaks")
	for _, dir := range sites {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			l, err := Load(os.DirFS(siteCopy(t, dir)), Options{Now: leakNow})
			if l == nil {
				t.Fatalf("nothing loaded: %v", err)
			}
			rep := l.NewReport()
			if f, r := rep.Unaccounted(); f != 0 || r != 0 {
				t.Errorf("unaccounted: %d files, %d records (report %+v)", f, r, rep)
			}
			if filepath.Base(dir) == "mistakes" && rep.Failed == 0 {
				t.Errorf("broken records but no failed files: %v", err)
			}
		})
	}
}
