package content

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// testConfig is testdata/config.toml: areas energi and bygg, organisations
// kth and stad, school abe, languages sv and en.
func testConfig(t testing.TB) *config.Config {
	t.Helper()
	src, err := os.ReadFile("testdata/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.ParseWith(src, kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// thesis is a valid thesis front matter. In a file made by rec, its keys
// are on lines 2 (title) to 8 (deadline); the closing fence is line 9 and
// the body starts on line 10.
const thesis = `title = "Energidata i skolor"
date = 2026-01-15
areas = ["energi"]
host = "kth"
level = "master"
credits = 30
deadline = 2026-04-30`

// lecture is a valid lecture: title line 2 ... registration line 9.
const lecture = `title = "Digital tvilling"
date = 2026-01-10
areas = ["bygg"]
start = 2026-03-12T15:15:00
end = 2026-03-12T17:00:00
place = "KTH, sal F3"
speaker = "Anna Andersson"
registration = "https://example.org/anmalan"`

// rec makes a record file from front matter lines.
func rec(lines ...string) string {
	return "+++\n" + strings.Join(lines, "\n") + "\n+++\n\nBody text.\n"
}

// with returns front matter fm with each old=new replacement applied; an
// old that is not found is appended as new (a key added at the end).
func with(fm string, edits ...string) string {
	for i := 0; i+1 < len(edits); i += 2 {
		if edits[i] == "" || !strings.Contains(fm, edits[i]) {
			fm += "\n" + edits[i+1]
			continue
		}
		fm = strings.Replace(fm, edits[i], edits[i+1], 1)
	}
	return fm
}

// load runs Load on fsys and returns the set and the error lines. It
// fails the test if Load takes more than 20 seconds: nothing may hang it.
func load(t *testing.T, fsys fs.FS) (*Set, []string) {
	t.Helper()
	cfg := testConfig(t)
	var set *Set
	var err error
	within(t, 20*time.Second, func() { set, err = Load(fsys, cfg) })
	if set == nil {
		t.Fatalf("Load returned no set (err %v)", err)
	}
	checkAccounting(t, set)
	if err == nil {
		return set, nil
	}
	list, ok := diag.AsList(err)
	if !ok {
		t.Fatalf("not a diag.List: %v", err)
	}
	for _, e := range list {
		if e.Path == "" || e.Line < 1 || e.Col < 1 {
			t.Errorf("unpositioned error %q", e.Error())
		}
	}
	return set, strings.Split(err.Error(), "\n")
}

// checkAccounting asserts that every file read is either in a clean record
// or counted as failed: nothing is lost without a word.
func checkAccounting(t *testing.T, set *Set) {
	t.Helper()
	inRecords := 0
	for _, r := range set.Records {
		inRecords += len(r.Versions)
	}
	if set.Files != inRecords+set.Failed {
		t.Errorf("accounting: %d files read, %d in records + %d failed", set.Files, inRecords, set.Failed)
	}
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// agreement is a valid agreement record with one more line (line 9) of
// front matter; status is on line 8.
func agreement(extra string) string {
	lines := []string{`title = "Avtal"`, "date = 2026-01-01", `areas = ["bygg"]`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`}
	if strings.HasPrefix(extra, "status = ") {
		lines[6] = extra
	} else if extra != "" {
		lines = append(lines, extra)
	}
	return rec(lines...)
}

// loadOneProblem loads files (path: text) with cfg and checks that they
// have exactly one problem, which prints as en in English and as sv in
// Swedish.
func loadOneProblem(t *testing.T, files map[string]string, cfg *config.Config, en, sv string) {
	t.Helper()
	_, err := Load(mapFS(files), cfg)
	list, ok := diag.AsList(err)
	if !ok || len(list) != 1 {
		t.Fatalf("got %v", err)
	}
	if got := list[0].In(diag.English); got != en {
		t.Errorf("English:\n got %s\nwant %s", got, en)
	}
	if got := list[0].In(diag.Swedish); got != sv {
		t.Errorf("Swedish:\n got %s\nwant %s", got, sv)
	}
}
