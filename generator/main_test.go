package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"portal/generator/internal/output"
)

// checkSite copies testdata/check and the repository's templates/ into a
// temporary site root, with extra files added.
func checkSite(t *testing.T, extra map[string]string) string {
	t.Helper()
	root := t.TempDir()
	copyDir(t, "testdata/check", root)
	copyDir(t, "../templates", filepath.Join(root, "templates"))
	for name, text := range extra {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if _, err := os.Stat(from); err != nil {
		t.Skipf("%s not present", from)
	}
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb, func(string) string { return "" })
	return code, out.String(), errb.String()
}

const badThesis = `+++
title = "X"
date = 2026-01-01
areas = ["energy"]
host = "kth"
level = "master"
credits = 30
deadline = 2027-01-01
+++
`

// soloThesis is a thesis without a translation: theses are not in the test
// config's [translations] expected, so it is no warning.
var soloThesis = strings.Replace(badThesis, `["energy"]`, `["energi"]`, 1)

const kartorEN = "+++\ntitle = \"Smart maps\"\n+++\n\nAbout maps.\n"

const warningsJSON = `[
  {
    "path": "content/lectures/kartor.md",
    "line": 1,
    "column": 1,
    "severity": "warning",
    "message": "no en translation: create content/lectures/kartor.en.md"
  }
]
`

// checkCase is a check run on the test site with extra files.
type checkCase struct {
	name           string
	extra          map[string]string
	args           []string
	code           int
	stdout, stderr string
}

func (c checkCase) run(t *testing.T) {
	t.Run(c.name, func(t *testing.T) {
		root := checkSite(t, c.extra)
		args := append([]string{"check", "-root", root, "-now", "2026-11-27"}, c.args...)
		code, stdout, stderr := runCmd(t, args...)
		if code != c.code {
			t.Errorf("exit %d, want %d\nstderr:\n%s", code, c.code, stderr)
		}
		if stdout != c.stdout {
			t.Errorf("stdout:\n%s\nwant:\n%s", stdout, c.stdout)
		}
		if want := strings.ReplaceAll(c.stderr, "ROOT", filepath.ToSlash(root)); c.stderr != "" && stderr != want {
			t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
		}
	})
}

func TestCheck(t *testing.T) {
	for _, c := range []checkCase{
		{
			name: "json warnings", args: []string{"-format", "json"}, code: exitOK, stdout: warningsJSON,
		},
		{
			name: "json strict", args: []string{"-format", "json", "-strict"}, code: exitProblems,
			stdout: strings.ReplaceAll(warningsJSON, `"warning"`, `"error"`),
		},
		{
			name: "json clean", args: []string{"-format", "json", "-now", "2026-05-01"}, code: exitOK, stdout: "[]\n",
			extra: map[string]string{"content/lectures/kartor.en.md": kartorEN},
		},
		{
			name: "json error", args: []string{"-format", "json"}, code: exitProblems,
			extra: map[string]string{"content/theses/x.md": badThesis},
			stdout: `[
  {
    "path": "content/theses/x.md",
    "line": 4,
    "column": 10,
    "severity": "error",
    "message": "unknown area \"energy\" (not in config.toml [areas]; did you mean \"energi\"?)"
  },` + strings.TrimPrefix(warningsJSON, "["),
		},
		{
			name: "text warnings", code: exitOK,
			stdout: "ok: 3 files checked, 0 errors, 1 warning\n",
			stderr: "content/lectures/kartor.md:1:1: warning: no en translation: create content/lectures/kartor.en.md\n",
		},
		{
			name: "text strict", args: []string{"-strict"}, code: exitProblems,
			stderr: "content/lectures/kartor.md:1:1: no en translation: create content/lectures/kartor.en.md\n" +
				"1 error\n",
		},
		{
			name: "passed deadline and untranslated thesis are fine", args: []string{"-strict"}, code: exitOK,
			extra:  map[string]string{"content/lectures/kartor.en.md": kartorEN, "content/theses/solo.md": soloThesis},
			stdout: "ok: 5 files checked, 0 errors, 0 warnings\n",
		},
		{
			name: "files: only their problems", args: []string{"-strict", "content/theses/energidata.md", "content/theses/x.md"},
			extra: map[string]string{"content/theses/x.md": badThesis}, code: exitProblems,
			stderr: "content/theses/x.md:4:10: unknown area \"energy\" (not in config.toml [areas]; did you mean \"energi\"?)\n1 error\n",
		},
		{
			name: "files: warnings of other files left out", args: []string{"-strict", "content/theses/energidata.md"}, code: exitOK,
			stdout: "ok: 1 file checked, 0 errors, 0 warnings\n",
		},
		{
			name: "files: flags after files", args: []string{"content/lectures/kartor.md", "-strict"}, code: exitProblems,
			stderr: "content/lectures/kartor.md:1:1: no en translation: create content/lectures/kartor.en.md\n1 error\n",
		},
		{
			name: "files: a folder selects the problems of the files under it", args: []string{"-strict", "content/theses"},
			extra: map[string]string{"content/theses/x.md": badThesis}, code: exitProblems,
			stderr: "content/theses/x.md:4:10: unknown area \"energy\" (not in config.toml [areas]; did you mean \"energi\"?)\n1 error\n",
		},
		{
			name: "files: a folder with a slash, and a file in it", args: []string{"content/theses/", "content/lectures/kartor.md"},
			extra: map[string]string{"content/theses/x.md": badThesis}, code: exitProblems,
			stderr: "content/theses/x.md:4:10: unknown area \"energy\" (not in config.toml [areas]; did you mean \"energi\"?)\n" +
				"content/lectures/kartor.md:1:1: warning: no en translation: create content/lectures/kartor.en.md\n1 error, 1 warning\n",
		},
		{
			name: "files: a clean folder", args: []string{"-strict", "content/theses"}, code: exitOK,
			extra:  map[string]string{"content/theses/solo.md": soloThesis},
			stdout: "ok: 3 files checked, 0 errors, 0 warnings\n",
		},
		{
			name: "files: no such file", args: []string{"content/theses/gone.md"}, code: exitUsage,
			stderr: "check: content/theses/gone.md: no such file in the site root ROOT\n",
		},
		{
			name: "files: outside the root", args: []string{"../x.md"}, code: exitUsage,
			stderr: "check: ../x.md is not inside the site root ROOT\n",
		},
		{
			name: "text strict clean", args: []string{"-strict", "-now", "2026-05-01"}, code: exitOK,
			extra:  map[string]string{"content/lectures/kartor.en.md": kartorEN},
			stdout: "ok: 4 files checked, 0 errors, 0 warnings\n",
		},
		{
			name: "bad format", args: []string{"-format", "xml"}, code: exitUsage,
			stderr: "check: -format \"xml\": want text or json\n",
		},
		{
			name: "bad now", args: []string{"-now", "igår"}, code: exitUsage,
			stderr: "-now \"igår\": want RFC 3339 (2026-03-01T12:00:00+01:00) or a date (2026-03-01)\n",
		},
	} {
		c.run(t)
	}
}

// TestCheckOrderAndLanguage: errors before warnings, the summary with
// both counts, and every message in the language -lang asks for.
func TestCheckOrderAndLanguage(t *testing.T) {
	for _, c := range []checkCase{
		{
			name: "json in Swedish", args: []string{"-format", "json", "-lang", "sv"}, code: exitOK,
			stdout: strings.Replace(warningsJSON, `"no en translation: create content/lectures/kartor.en.md"`,
				`"ingen översättning till språket \"en\" – skapa filen content/lectures/kartor.en.md"`, 1),
		},
		{
			name: "text: errors before warnings", code: exitProblems,
			extra: map[string]string{"content/theses/x.md": badThesis},
			stderr: "content/theses/x.md:4:10: unknown area \"energy\" (not in config.toml [areas]; did you mean \"energi\"?)\n" +
				"content/lectures/kartor.md:1:1: warning: no en translation: create content/lectures/kartor.en.md\n" +
				"1 error, 1 warning\n",
		},
		{
			name: "text in Swedish", args: []string{"-lang", "sv"}, code: exitProblems,
			extra: map[string]string{"content/theses/x.md": badThesis},
			stderr: "content/theses/x.md:4:10: området \"energy\" finns inte under [areas] i config.toml – menade du \"energi\"?\n" +
				"content/lectures/kartor.md:1:1: varning: ingen översättning till språket \"en\" – skapa filen content/lectures/kartor.en.md\n" +
				"1 fel, 1 varning\n",
		},
		{
			name: "clean in Swedish", args: []string{"-lang", "sv", "-strict", "-now", "2026-05-01"}, code: exitOK,
			extra:  map[string]string{"content/lectures/kartor.en.md": kartorEN},
			stdout: "inga fel: 4 filer kontrollerade, 0 fel, 0 varningar\n",
		},
		{
			name: "bad language", args: []string{"-lang", "de"}, code: exitUsage,
			stderr: "check: -lang \"de\": want sv or en\n",
		},
	} {
		c.run(t)
	}
}

func TestNew(t *testing.T) {
	root := checkSite(t, nil)
	code, stdout, stderr := runCmd(t, "new", "theses", "Åtgärder för skolgårdar", "-root", root, "-now", "2026-03-01")
	if code != exitOK || stdout != "wrote content/theses/atgarder-for-skolgardar.md: replace every TODO; check lists what is left\n" || stderr != "" {
		t.Fatalf("new: %d\n%s\n%s", code, stdout, stderr)
	}
	b, err := os.ReadFile(filepath.Join(root, "content/theses/atgarder-for-skolgardar.md"))
	if err != nil || !strings.HasPrefix(string(b), "+++\ntitle = \"Åtgärder för skolgårdar\"\ndate = 2026-03-01 ") {
		t.Errorf("file:\n%s", b)
	}
	// check flags the placeholders.
	code, _, stderr = runCmd(t, "check", "-root", root, "-now", "2026-03-01")
	for _, want := range []string{
		`content/theses/atgarder-for-skolgardar.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/theses/atgarder-for-skolgardar.md:5:8: host still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/theses/atgarder-for-skolgardar.md:6:9: level still holds the placeholder "TODO" of portal new; replace it`,
		`content/theses/atgarder-for-skolgardar.md:7:11: credits must be 15 or 30, not 0`,
		`content/theses/atgarder-for-skolgardar.md:26:1: the text still holds the placeholder "TODO: Beskriv uppdraget: bakgrund, fråge…" of portal new; replace it`,
	} {
		if code != exitProblems || !strings.Contains(stderr, want+"\n") {
			t.Errorf("check after new: exit %d, stderr lacks %s:\n%s", code, want, stderr)
		}
	}

	if err := os.Remove(filepath.Join(root, "content/theses/energidata.en.md")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"theses", "Åtgärder för skolgårdar"}, exitProblems, "",
			"new: content/theses/atgarder-for-skolgardar.md already exists; edit it, or choose another title or -name\n"},
		{[]string{"-lang", "en", "theses", "Energy data", "-name", "energidata"}, exitOK,
			"wrote content/theses/energidata.en.md: translate the title and the text; every other key comes from the sv file\n", ""},
		{[]string{"lectures", "Smart maps", "-lang", "en"}, exitOK,
			"wrote content/lectures/smart-maps.en.md: a record of its own, in en only, as there is no content/lectures/smart-maps.md to translate; replace every TODO; check lists what is left\n", ""},
		{[]string{"theses", "Energy data", "-lang", "en", "-name", "energidat"}, exitOK,
			"wrote content/theses/energidat.en.md: a record of its own, in en only, as there is no content/theses/energidat.md to translate; replace every TODO; check lists what is left\n", ""},
		{[]string{"theses", "Energidata igen", "-lang", "sv"}, exitOK,
			"wrote content/theses/energidata-igen.md: replace every TODO; check lists what is left\n", ""},
		{[]string{"thesis", "X"}, exitUsage, "",
			"new: unknown kind \"thesis\" (did you mean \"theses\"? kinds: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages)\n"},
		{[]string{"theses", "X", "-lang", "de"}, exitUsage, "", "new: unknown language \"de\" (config.toml languages: sv, en)\n"},
		// A name check would refuse: the one it suggests, and why.
		{[]string{"theses", "Arkiv"}, exitOK,
			"the title makes the name \"arkiv\", but that gives the record the address /exjobb/arkiv/, which the site already uses; named it arkiv-exjobb instead\n" +
				"wrote content/theses/arkiv-exjobb.md: replace every TODO; check lists what is left\n", ""},
		{[]string{"theses", "Arkiv"}, exitProblems, "",
			"the title makes the name \"arkiv\", but that gives the record the address /exjobb/arkiv/, which the site already uses; named it arkiv-exjobb instead\n" +
				"new: content/theses/arkiv-exjobb.md already exists; edit it, or choose another title or -name\n"},
		{[]string{"theses", "Arkivet", "-name", "arkiv"}, exitUsage, "",
			"new: name \"arkiv\" would give the record the address /exjobb/arkiv/, which the site already uses; choose another with -name, e.g. -name arkivet\n"},
		{[]string{"theses"}, exitUsage, "", "usage: portal new KIND \"Title\" [-lang en] [-name NAME] [-root DIR] [-now TIME]\n"},
	} {
		args := append([]string{"new", "-root", root, "-now", "2026-03-01"}, c.args...)
		code, stdout, stderr := runCmd(t, args...)
		if code != c.code || stdout != c.stdout || stderr != c.stderr {
			t.Errorf("new %q: exit %d, stdout %q, stderr %q; want %d, %q, %q", c.args, code, stdout, stderr, c.code, c.stdout, c.stderr)
		}
	}
	b, _ = os.ReadFile(filepath.Join(root, "content/theses/energidata.en.md"))
	if !strings.HasPrefix(string(b), "+++\ntitle = \"Energy data\"\n# summary") {
		t.Errorf("translation:\n%s", b)
	}
}

func TestServeRefusesSourcesAsOut(t *testing.T) {
	root := checkSite(t, nil)
	code, _, stderr := runCmd(t, "serve", "-root", root, "-out", filepath.Join(root, "content", "public"))
	if code != exitProblems || !strings.Contains(stderr, "is inside the sources") {
		t.Errorf("serve -out inside content/: %d %s", code, stderr)
	}
}

// TestShippedSiteStrict is the CI template's check on the shipped site:
// it passes now, and stays green when every deadline has passed.
func TestShippedSiteStrict(t *testing.T) {
	for _, now := range []string{"2026-12-03", "2031-01-01"} {
		code, stdout, stderr := runCmd(t, "check", "-strict", "-root", "..", "-now", now)
		if code != exitOK || !strings.HasSuffix(stdout, " 0 errors, 0 warnings\n") {
			t.Errorf("check -strict -now %s: exit %d\n%s%s", now, code, stdout, stderr)
		}
	}
}

func TestSchema(t *testing.T) {
	root := checkSite(t, nil)
	out := filepath.Join(t.TempDir(), "s")
	code, stdout, stderr := runCmd(t, "schema", "-root", root, "-out", out)
	if code != exitOK || stdout != "wrote 8 schemas to "+filepath.ToSlash(out)+" (<kind>.schema.json)\n" || stderr != "" {
		t.Fatalf("schema: %d %q %q", code, stdout, stderr)
	}
	// In the language of the editor's settings, as the guide says.
	code, stdout, stderr = runCmdEnv(t, map[string]string{"LANG": "sv_SE.UTF-8"}, "schema", "-root", root, "-out", out)
	if code != exitOK || stdout != "skrev 8 scheman till "+filepath.ToSlash(out)+" (<sort>.schema.json)\n" || stderr != "" {
		t.Errorf("schema in Swedish: %d %q %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "lectures.schema.json"))
	if err != nil || !strings.Contains(string(b), `"enum": [
        "scheduled",
        "cancelled"
      ]`) || !strings.Contains(string(b), `"speakerOrg": {
      "description": "`) {
		t.Errorf("lectures.schema.json:\n%s", b)
	}
	os.Remove(filepath.Join(root, "config.toml"))
	if code, _, stderr := runCmd(t, "schema", "-root", root, "-out", out); code != exitProblems || !strings.HasPrefix(stderr, "config.toml:1:1: there is no config.toml here, so this is not the folder of a site: run portal in the folder that holds config.toml and content/, or give that folder with -root") {
		t.Errorf("schema without config.toml: %d %q", code, stderr)
	}
}

// TestBuildNoSearch: build -no-search (for measuring what the index
// costs) writes the site without its search indexes; without the flag
// they are there.
func TestBuildNoSearch(t *testing.T) {
	root := checkSite(t, nil)
	for _, c := range []struct {
		args  []string
		index bool
	}{{nil, true}, {[]string{"-no-search"}, false}} {
		out := filepath.Join(t.TempDir(), "public")
		args := append([]string{"build", "-root", root, "-out", out, "-now", "2026-03-01"}, c.args...)
		if code, _, stderr := runCmd(t, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		_, err := os.Stat(filepath.Join(out, "search", "index.json"))
		if index := err == nil; index != c.index {
			t.Errorf("%v: search/index.json written %v, want %v", c.args, index, c.index)
		}
	}
}

// TestBuildRefusesOut expects build to refuse an -out that would move or
// replace the sources or a file, as serve does, and to leave them alone.
func TestBuildRefusesOut(t *testing.T) {
	root := checkSite(t, nil)
	notes := filepath.Join(root, "notes.txt")
	os.WriteFile(notes, []byte("keep"), 0o644)
	r := filepath.ToSlash(root)
	for _, c := range []struct{ out, stderr string }{
		{filepath.Join(root, "content", "public"), "build: -out " + r + "/content/public is inside the sources (content); choose a folder outside them\n"},
		{filepath.Join(root, "templates"), "build: -out " + r + "/templates is inside the sources (templates); choose a folder outside them\n"},
		{root, "build: -out " + r + " contains the site root; choose another folder\n"},
		{notes, "build: -out " + r + "/notes.txt is a file, not a folder\n"},
	} {
		code, _, stderr := runCmd(t, "build", "-root", root, "-out", c.out, "-now", "2026-03-01")
		if code != exitUsage || stderr != c.stderr {
			t.Errorf("build -out %s: exit %d, %q; want %d, %q", c.out, code, stderr, exitUsage, c.stderr)
		}
	}
	if b, _ := os.ReadFile(notes); string(b) != "keep" {
		t.Error("notes.txt changed")
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err != nil {
		t.Errorf("content/ moved: %v", err)
	}
}

// TestBuildLockedOut expects a build into an output folder that another
// build or serve holds to fail at once, saying so, and to leave it alone.
// The line names the folder with forward slashes throughout, also on
// Windows, where it used to name it with backslashes first, then with
// forward slashes (under Wine: scripts/wine-test.sh).
func TestBuildLockedOut(t *testing.T) {
	root := checkSite(t, nil)
	out := filepath.Join(root, "public")
	lock, err := output.Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	r := filepath.ToSlash(root)
	want := "build failed, " + r + "/public left as it was: " + r + "/public: another build or serve is writing to it (it holds " +
		r + "/.public.lock); wait until it has finished\n"
	code, _, stderr := runCmd(t, "build", "-root", root, "-out", out, "-now", "2026-03-01")
	if code != exitProblems || stderr != want {
		t.Errorf("exit %d, %q\nwant %d, %q", code, stderr, exitProblems, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s was made: %v", out, err)
	}
	// In Swedish the whole line is Swedish, in build and in serve.
	sv := "bygget misslyckades, " + r + "/public lämnades orörd: " + r + "/public: ett annat bygge eller en annan serve skriver i mappen (den håller " +
		r + "/.public.lock) – vänta tills det är klart\n"
	code, _, stderr = runCmdEnv(t, map[string]string{"LANG": "sv_SE.UTF-8"}, "build", "-root", root, "-out", out, "-now", "2026-03-01")
	if code != exitProblems || stderr != sv {
		t.Errorf("exit %d, %q\nwant %d, %q", code, stderr, exitProblems, sv)
	}
	sv = "serve: " + r + "/public: ett annat bygge eller en annan serve skriver i mappen (den håller " + r + "/.public.lock) – vänta tills det är klart\n"
	code, _, stderr = runCmdEnv(t, map[string]string{"LANG": "sv_SE.UTF-8"}, "serve", "-root", root, "-out", out, "-addr", "127.0.0.1:0")
	if code != exitProblems || stderr != sv {
		t.Errorf("serve: exit %d, %q\nwant %d, %q", code, stderr, exitProblems, sv)
	}
	// -lang sv chooses Swedish for serve too, whatever the settings say.
	code, _, stderr = runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, "serve", "-lang", "sv", "-root", root, "-out", out, "-addr", "127.0.0.1:0")
	if code != exitProblems || stderr != sv {
		t.Errorf("serve -lang sv: exit %d, %q\nwant %d, %q", code, stderr, exitProblems, sv)
	}
}
