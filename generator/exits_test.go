package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// runCmdEnv is runCmd with an environment.
func runCmdEnv(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

// TestExitPaths runs every way a command ends, in both message languages
// (the language from LANG, as an editor's terminal sets it): each prints
// at least one line saying what happened, in that language. Paths with a
// list of problems are in TestCheck and TestJourney.
func TestExitPaths(t *testing.T) {
	root := checkSite(t, map[string]string{"content/theses/x.md": badThesis})
	clean := checkSite(t, map[string]string{"content/lectures/kartor.en.md": kartorEN})
	noConfig := t.TempDir()
	type want = exitWant
	for _, c := range []exitCase{
		{"unknown command", []string{"bygg"},
			want{exitUsage, "", `unknown command "bygg"`},
			want{exitUsage, "", `okänt kommando "bygg"`}},
		{"help", []string{"help"}, want{exitOK, "usage:", ""}, want{exitOK, "så här:", ""}},
		{"check: bad flag", []string{"check", "-strikt"},
			want{exitUsage, "", "flag provided but not defined: -strikt"},
			want{exitUsage, "", "flag provided but not defined: -strikt"}},
		{"check: bad language", []string{"check", "-root", root, "-lang", "fi"},
			want{exitUsage, "", `check: -lang "fi": want sv or en`},
			want{exitUsage, "", `check: -lang "fi" går inte – skriv sv eller en`}},
		{"check: bad format", []string{"check", "-root", root, "-format", "xml"},
			want{exitUsage, "", `check: -format "xml": want text or json`},
			want{exitUsage, "", `check: -format "xml" går inte – skriv text eller json`}},
		{"check: bad now", []string{"check", "-root", root, "-now", "28/2"},
			want{exitUsage, "", `-now "28/2": want RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01)`},
			want{exitUsage, "", `-now "28/2" går inte – skriv ett datum som 2026-03-01 eller en tidpunkt som 2026-03-01T12:00:00+01:00`}},
		{"check: no such file", []string{"check", "-root", root, "content/theses/y.md"},
			want{exitUsage, "", "check: content/theses/y.md: no such file in the site root ROOT"},
			want{exitUsage, "", "check: content/theses/y.md: filen finns inte i webbplatsens mapp ROOT"}},
		{"check: problems", []string{"check", "-root", root, "content/theses/x.md"},
			want{exitProblems, "", `content/theses/x.md:4:10: unknown area "energy" (not in config.toml [areas]; did you mean "energi"?)`},
			want{exitProblems, "", `content/theses/x.md:4:10: området "energy" finns inte under [areas] i config.toml – menade du "energi"?`}},
		{"check: clean", []string{"check", "-root", clean, "-now", "2026-05-01"},
			want{exitOK, "ok: 4 files checked, 0 errors, 0 warnings", ""},
			want{exitOK, "inga fel: 4 filer kontrollerade, 0 fel, 0 varningar", ""}},
		{"check: one clean file", []string{"check", "-root", clean, "-now", "2026-05-01", "content/lectures/kartor.en.md"},
			want{exitOK, "ok: 1 file checked, 0 errors, 0 warnings", ""},
			want{exitOK, "inga fel: 1 fil kontrollerad, 0 fel, 0 varningar", ""}},
		{"check: no config", []string{"check", "-root", noConfig},
			want{exitProblems, "", "config.toml:1:1: there is no config.toml here, so this is not the folder of a site: run portal in the folder that holds config.toml and content/, or give that folder with -root"},
			want{exitProblems, "", "config.toml:1:1: config.toml finns inte här, så det här är inte mappen för en webbplats – kör portal i den mapp där config.toml och content/ ligger, eller ange den mappen med -root"}},
		{"build: extra argument", []string{"build", "-root", root, "public"},
			want{exitUsage, "", `build: unexpected argument "public" (portal help lists the options)`},
			want{exitUsage, "", `build: oväntat argument "public" (portal help visar vilka val som finns)`}},
		{"build: problems", []string{"build", "-root", root, "-now", "2026-03-01"},
			want{exitProblems, "", `content/theses/x.md:4:10: unknown area "energy" (not in config.toml [areas]; did you mean "energi"?)`},
			want{exitProblems, "", `content/theses/x.md:4:10: området "energy" finns inte under [areas] i config.toml – menade du "energi"?`}},
		{"build: output inside the sources", []string{"build", "-root", root, "-out", filepath.Join(root, "content", "public")},
			want{exitUsage, "", "build: -out ROOT/content/public is inside the sources (content); choose a folder outside them"},
			want{exitUsage, "", "build: -out ROOT/content/public ligger bland källfilerna (content) – välj en mapp utanför dem"}},
		{"serve: output inside the sources", []string{"serve", "-root", root, "-out", filepath.Join(root, "content", "public")},
			want{exitProblems, "", "serve: -out ROOT/content/public is inside the sources (content); choose a folder outside them"},
			want{exitProblems, "", "serve: -out ROOT/content/public ligger bland källfilerna (content) – välj en mapp utanför dem"}},
		{"build: bad language", []string{"build", "-root", root, "-lang", "x"},
			want{exitUsage, "", `build: -lang "x": want sv or en`},
			want{exitUsage, "", `build: -lang "x" går inte – skriv sv eller en`}},
		{"serve: bad language", []string{"serve", "-root", root, "-lang", "x"},
			want{exitUsage, "", `serve: -lang "x": want sv or en`},
			want{exitUsage, "", `serve: -lang "x" går inte – skriv sv eller en`}},
		{"new: usage", []string{"new", "theses"},
			want{exitUsage, "", `usage: portal new KIND "Title" [-lang en] [-name NAME] [-root DIR] [-now TIME]`},
			want{exitUsage, "", `så här: portal new SORT "Titel" [-lang en] [-name NAMN] [-root MAPP] [-now TID]`}},
		{"new: unknown kind", []string{"new", "blogg", "X", "-root", root},
			want{exitUsage, "", `new: unknown kind "blogg" (kinds: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages)`},
			want{exitUsage, "", `new: "blogg" är ingen sort – sorterna är: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages`}},
		// The kind by its address, as an editor sees it in the browser, or
		// misspelt.
		{"new: a kind by its address", []string{"new", "exjobb", "X", "-root", root},
			want{exitUsage, "", `new: unknown kind "exjobb" (did you mean "theses"? kinds: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages)`},
			want{exitUsage, "", `new: "exjobb" är ingen sort – menade du "theses"? Sorterna är: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages`}},
		{"new: a kind misspelt", []string{"new", "thesis", "X", "-root", root},
			want{exitUsage, "", `new: unknown kind "thesis" (did you mean "theses"? kinds: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages)`},
			want{exitUsage, "", `new: "thesis" är ingen sort – menade du "theses"? Sorterna är: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages`}},
		{"new: bad name", []string{"new", "theses", "X", "-name", "Fel_Namn", "-root", root},
			want{exitUsage, "", `new: name "Fel_Namn" must be lowercase letters, digits and single hyphens; write -name fel-namn`},
			want{exitUsage, "", `new: namnet "Fel_Namn" går inte – använd små bokstäver a–z, siffror och enstaka bindestreck: skriv -name fel-namn`}},
		{"new: bad name, nothing to suggest", []string{"new", "theses", "X", "-name", "___", "-root", root},
			want{exitUsage, "", `new: name "___" must be lowercase letters, digits and single hyphens`},
			want{exitUsage, "", `new: namnet "___" går inte – använd små bokstäver a–z, siffror och enstaka bindestreck`}},
		{"new: title without a name", []string{"new", "theses", "!!!", "-root", root},
			want{exitUsage, "", `new: title "!!!" has no letters or digits to make a file name from; give one with -name`},
			want{exitUsage, "", `new: titeln "!!!" har inga bokstäver eller siffror att göra ett filnamn av – ange ett med -name`}},
		{"new: name reserved on Windows", []string{"new", "theses", "X", "-name", "con", "-root", root},
			want{exitUsage, "", `new: name "con" is reserved on Windows, where the site must build too; choose another with -name`},
			want{exitUsage, "", `new: namnet "con" är reserverat i Windows, där webbplatsen också måste byggas – välj ett annat med -name`}},
		{"new: title reserved on Windows", []string{"new", "theses", "Con", "-root", root},
			want{exitUsage, "", `new: name "con" is reserved on Windows, where the site must build too; choose another with -name`},
			want{exitUsage, "", `new: namnet "con" är reserverat i Windows, där webbplatsen också måste byggas – välj ett annat med -name`}},
		{"new: exists", []string{"new", "theses", "X", "-name", "x", "-root", root},
			want{exitProblems, "", "new: content/theses/x.md already exists; edit it, or choose another title or -name"},
			want{exitProblems, "", "new: content/theses/x.md finns redan – redigera den, eller välj en annan titel eller -name"}},
		{"new: no config", []string{"new", "theses", "X", "-root", noConfig},
			want{exitProblems, "", "config.toml:1:1: there is no config.toml here, so this is not the folder of a site: run portal in the folder that holds config.toml and content/, or give that folder with -root"},
			want{exitProblems, "", "config.toml:1:1: config.toml finns inte här, så det här är inte mappen för en webbplats – kör portal i den mapp där config.toml och content/ ligger, eller ange den mappen med -root"}},
		{"schema: extra argument", []string{"schema", "x"},
			want{exitUsage, "", `schema: unexpected argument "x" (portal help lists the options)`},
			want{exitUsage, "", `schema: oväntat argument "x" (portal help visar vilka val som finns)`}},
		{"serve: extra argument", []string{"serve", "x"},
			want{exitUsage, "", `serve: unexpected argument "x" (portal help lists the options)`},
			want{exitUsage, "", `serve: oväntat argument "x" (portal help visar vilka val som finns)`}},
		{"serve: bad now", []string{"serve", "-now", "x"},
			want{exitUsage, "", `-now "x": want RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01)`},
			want{exitUsage, "", `-now "x" går inte – skriv ett datum som 2026-03-01 eller en tidpunkt som 2026-03-01T12:00:00+01:00`}},
		{"version: argument", []string{"version", "x"},
			want{exitUsage, "", "version takes no arguments"},
			want{exitUsage, "", "version tar inga argument"}},
	} {
		c.run(t, root)
	}
}

// TestNoRoot runs each command that reads a site with a -root that is not
// there, or is a file: each names that folder, in the words serve uses,
// rather than saying that no config.toml is here (as in a folder that
// has none), and ends as for another option written wrong.
func TestNoRoot(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "webbplats")
	file := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(file, []byte("title = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args   []string
		lang   string
		stderr string // ROOT stands for the folder given
	}{
		{[]string{"build", "-root", missing}, "en_GB.UTF-8", "build: the site folder ROOT does not exist or is not a folder; give -root the folder that holds config.toml\n"},
		{[]string{"build", "-root", missing}, "sv_SE.UTF-8", "build: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
		{[]string{"-root", file}, "sv_SE.UTF-8", "build: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
		{[]string{"check", "-root", missing}, "en_GB.UTF-8", "check: the site folder ROOT does not exist or is not a folder; give -root the folder that holds config.toml\n"},
		{[]string{"check", "-root", missing}, "sv_SE.UTF-8", "check: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
		{[]string{"check", "-root", file}, "en_GB.UTF-8", "check: the site folder ROOT does not exist or is not a folder; give -root the folder that holds config.toml\n"},
		// With files named: the folder, not each file, is what is missing.
		{[]string{"check", "-root", missing, "content/theses/x.md"}, "sv_SE.UTF-8", "check: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
		{[]string{"check", "-format", "json", "-root", missing}, "en_GB.UTF-8", "check: the site folder ROOT does not exist or is not a folder; give -root the folder that holds config.toml\n"},
		{[]string{"check", "-format", "json", "-root", missing}, "sv_SE.UTF-8", "check: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
		{[]string{"new", "theses", "X", "-root", missing}, "en_GB.UTF-8", "new: the site folder ROOT does not exist or is not a folder; give -root the folder that holds config.toml\n"},
		{[]string{"new", "theses", "X", "-root", missing}, "sv_SE.UTF-8", "new: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
		{[]string{"schema", "-root", missing}, "sv_SE.UTF-8", "schema: mappen ROOT finns inte eller är ingen mapp – ange med -root den mapp där config.toml ligger\n"},
	} {
		t.Run(strings.Join(c.args[:1], " ")+"/"+c.lang, func(t *testing.T) {
			root := c.args[slices.Index(c.args, "-root")+1]
			want := strings.ReplaceAll(c.stderr, "ROOT", filepath.ToSlash(root))
			code, stdout, stderr := runCmdEnv(t, map[string]string{"LANG": c.lang}, c.args...)
			if code != exitUsage || stdout != "" || stderr != want {
				t.Errorf("%v: exit %d, stdout %q, stderr %q\nwant %d, \"\", %q", c.args, code, stdout, stderr, exitUsage, want)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("%s made", missing)
	}
}

// exitWant is how a command should end: its exit code and the first line
// of its output and of its errors ("" for none).
type exitWant struct {
	code           int
	stdout, stderr string
}

// exitCase is a command run in English and in Swedish.
type exitCase struct {
	name   string
	args   []string
	en, sv exitWant
}

// run runs the command with LANG set for each language; ROOT in the
// expected errors stands for root.
func (c exitCase) run(t *testing.T, root string) {
	for _, lc := range []struct {
		lang string
		env  map[string]string
		want exitWant
	}{
		{"en", map[string]string{"LANG": "en_GB.UTF-8"}, c.en},
		{"sv", map[string]string{"LANG": "sv_SE.UTF-8"}, c.sv},
	} {
		t.Run(c.name+"/"+lc.lang, func(t *testing.T) {
			code, stdout, stderr := runCmdEnv(t, lc.env, c.args...)
			first := func(s string) string { line, _, _ := strings.Cut(s, "\n"); return line }
			w := lc.want
			w.stderr = strings.ReplaceAll(w.stderr, "ROOT", filepath.ToSlash(root))
			if code != w.code || !strings.HasPrefix(first(stdout), w.stdout) || !strings.HasPrefix(first(stderr), w.stderr) ||
				(w.stdout == "") != (stdout == "") || (w.stderr == "") != (stderr == "") {
				t.Errorf("exit %d, stdout %q, stderr %q\nwant %d, %q…, %q…", code, first(stdout), first(stderr), w.code, w.stdout, w.stderr)
			}
			if code != exitOK && strings.TrimSpace(stderr) == "" {
				t.Errorf("exit %d without a word", code)
			}
		})
	}
}

// TestHelp runs the help and version commands under each name an editor
// may type: each prints its text over several lines (no line break
// written as \n) and succeeds, rather than being taken for an option of
// build.
func TestHelp(t *testing.T) {
	for _, c := range []struct {
		args        []string
		lang        string
		line, line2 string // the first two lines of stdout
	}{
		{[]string{"help"}, "en_GB.UTF-8", "usage:", "  portal [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]      build the site into public/"},
		{[]string{"help"}, "sv_SE.UTF-8", "så här:", "  portal [build] [-root MAPP] [-out MAPP] [-now TID] [-drafts]     bygg webbplatsen till public/"},
		{[]string{"-h"}, "en_GB.UTF-8", "usage:", "  portal [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]      build the site into public/"},
		{[]string{"-help"}, "sv_SE.UTF-8", "så här:", "  portal [build] [-root MAPP] [-out MAPP] [-now TID] [-drafts]     bygg webbplatsen till public/"},
		{[]string{"--help"}, "en_GB.UTF-8", "usage:", "  portal [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]      build the site into public/"},
		{[]string{"-version"}, "en_GB.UTF-8", "portal devel, commit unknown", ""},
		{[]string{"--version"}, "sv_SE.UTF-8", "portal devel, commit unknown", ""},
	} {
		t.Run(strings.Join(c.args, " ")+"/"+c.lang, func(t *testing.T) {
			code, stdout, stderr := runCmdEnv(t, map[string]string{"LANG": c.lang}, c.args...)
			lines := strings.SplitN(stdout, "\n", 3)
			for len(lines) < 3 {
				lines = append(lines, "")
			}
			if code != exitOK || stderr != "" || lines[0] != c.line || lines[1] != c.line2 || strings.Contains(stdout, `\n`) {
				t.Errorf("exit %d, stderr %q, stdout %q\nwant exit 0, lines %q, %q", code, stderr, stdout, c.line, c.line2)
			}
		})
	}
	// The options of serve and new that EDITING.md teaches are in the help.
	_, stdout, _ := runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, "help")
	for _, want := range []string{
		"portal serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR] [-now TIME] [-open]\n",
		"portal new KIND \"Title\" [-lang en] [-name NAME] [-root DIR] [-now TIME]\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, stdout)
		}
	}
	// The -lang of build, check and serve says where its default comes
	// from, Windows included, as the help does.
	for _, cmd := range []string{"build", "check", "serve"} {
		_, _, stderr := runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, cmd, "-h")
		if want := "(default: from LC_ALL, LC_MESSAGES or LANG, else on Windows the language Windows shows)"; !strings.Contains(stderr, want) {
			t.Errorf("%s -h lacks %q:\n%s", cmd, want, stderr)
		}
	}
	// An unknown command is followed by the help, over several lines too.
	_, _, stderr := runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, "bygg")
	if want := "unknown command \"bygg\"\n\nusage:\n  portal [build]"; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr %q, want it to begin %q", stderr, want)
	}
}

// TestBuildWarnings checks that a build that succeeds prints the warnings
// check would, in the editor's language, and that one without prints none.
func TestBuildWarnings(t *testing.T) {
	warned := checkSite(t, nil) // kartor.md has no English version
	clean := checkSite(t, map[string]string{"content/lectures/kartor.en.md": kartorEN})
	for _, c := range []struct {
		name, root, lang, stderr string
	}{
		{"warned", warned, "en", "content/lectures/kartor.md:1:1: warning: no en translation: create content/lectures/kartor.en.md\n" +
			"1 warning: the site was built, but check -strict (as CI checks content) refuses them\n"},
		{"warned, in Swedish", warned, "sv", "content/lectures/kartor.md:1:1: varning: ingen översättning till språket \"en\" – skapa filen content/lectures/kartor.en.md\n" +
			"1 varning: webbplatsen byggdes, men check -strict (som CI kör på innehållet) godtar dem inte\n"},
		{"clean", clean, "en", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCmdEnv(t, map[string]string{"LANG": c.lang}, "build", "-root", c.root, "-out", filepath.Join(t.TempDir(), "public"), "-now", "2026-05-01")
			if code != exitOK || stderr != c.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 0, stderr:\n%s", code, stderr, c.stderr)
			}
		})
	}
}

// TestBuildWarningsShown checks that a build prints the first warnings
// only, and says how many there are and where to see them all.
func TestBuildWarningsShown(t *testing.T) {
	extra := map[string]string{}
	for i := range 11 { // and kartor.md: 12 warnings
		extra[fmt.Sprintf("content/theses/w%02d.md", i)] = strings.Replace(soloThesis, "deadline = 2027-01-01", "deadline = 2026-01-01", 1)
	}
	root := checkSite(t, extra)
	code, _, stderr := runCmd(t, "build", "-root", root, "-out", filepath.Join(t.TempDir(), "public"), "-now", "2026-05-01")
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	const last = "12 warnings, the first 10 above (portal check lists them all): the site was built, but check -strict (as CI checks content) refuses them"
	if code != exitOK || len(lines) != 11 || lines[10] != last || !strings.Contains(lines[0], ": warning: ") {
		t.Errorf("exit %d, stderr:\n%s\nwant 10 warnings, then %q", code, stderr, last)
	}
}

// TestBuildSummaryLanguage checks that the summary of a build is in the
// messages' language, line by line, with a decimal comma in Swedish and
// the phases of the time line named in it.
func TestBuildSummaryLanguage(t *testing.T) {
	root := checkSite(t, map[string]string{"content/lectures/kartor.en.md": kartorEN})
	for _, c := range []struct {
		lang   string
		labels []string
		size   *regexp.Regexp
		time   *regexp.Regexp
	}{
		{"en_GB.UTF-8", []string{"program", "read", "records", "wrote", "templates", "time"}, regexp.MustCompile(`^wrote +\d+ pages, \d+ files \(\d+\.\d MB\) to `),
			regexp.MustCompile(`^time +load \S+, model \S+, bodies\+records \S+, pages \S+, feeds\+search \S+, publish \S+, total \S+$`)},
		{"sv_SE.UTF-8", []string{"version", "läste", "poster", "skrev", "mallar", "tid"}, regexp.MustCompile(`^skrev +\d+ sidor, \d+ filer \(\d+,\d MB\) till `),
			regexp.MustCompile(`^tid +inläsning \S+, modell \S+, texter\+poster \S+, sidor \S+, flöden\+sök \S+, publicering \S+, totalt \S+$`)},
	} {
		out := filepath.Join(t.TempDir(), "public")
		code, stdout, stderr := runCmdEnv(t, map[string]string{"LANG": c.lang}, "build", "-root", root, "-out", out, "-now", "2026-05-01")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", c.lang, code, stderr)
		}
		var labels []string
		for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
			labels = append(labels, strings.Fields(line)[0])
			if strings.HasPrefix(line, c.labels[3]) && !c.size.MatchString(line) {
				t.Errorf("%s: %q", c.lang, line)
			}
			if strings.HasPrefix(line, c.labels[5]) && !c.time.MatchString(line) {
				t.Errorf("%s: %q, want %s", c.lang, line, c.time)
			}
		}
		if !slices.Equal(labels, c.labels) {
			t.Errorf("%s: the summary's lines begin %v, want %v\n%s", c.lang, labels, c.labels, stdout)
		}
	}
}
