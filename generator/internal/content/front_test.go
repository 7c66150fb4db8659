package content

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// sameTOML compares decoded values, times by instant and zone name (the
// decoder's zones are its own *time.Location values).
func sameTOML(a, b any) bool {
	switch x := a.(type) {
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y) && x.Location().String() == y.Location().String() && x.String() == y.String()
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) || (x == nil) != (y == nil) {
			return false
		}
		for i := range x {
			if !sameTOML(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, has := y[k]
			if !has || !sameTOML(v, w) {
				return false
			}
		}
		return true
	}
	return reflect.TypeOf(a) == reflect.TypeOf(b) && a == b
}

// checkQuick decodes src both ways: when quickTOML accepts it, the decoder
// must accept it too and give the same values.
func checkQuick(t *testing.T, src string) (quick bool) {
	t.Helper()
	m, ok := quickTOML([]byte(src))
	if !ok {
		return false
	}
	var want map[string]any
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("quickTOML accepted what the decoder rejects (%v):\n%s", err, src)
	}
	if want == nil {
		want = map[string]any{}
	}
	if !sameTOML(m, want) {
		t.Fatalf("quickTOML and the decoder differ:\n%s\nquick:   %#v\ndecoder: %#v", src, m, want)
	}
	return true
}

func TestQuickTOMLCases(t *testing.T) {
	accepted := []string{
		"",
		"\n\n# a comment\n",
		`title = "Energidata i staden"`,
		"title = \"x\"\r\ndate = 2026-03-01\r\n",
		`title = "Citat \"så\" och \\ \t \u00e5 \U0001F600 \n"`,
		"credits = 30\nstudents = -1\nzero = 0\nplus = +7\nminus0 = -0",
		"draft = true\nconfidential = false",
		"date = 2026-03-01\nstart = 2026-03-01T13:15:00\nend = 2026-03-01T15:00:00+01:00\nz = 2026-03-01T12:00:00Z\nfrac = 2026-03-01T12:00:00.5+02:00\nlf = 2026-03-01T12:00:00.123456",
		`areas = ["energi", "trafik"]`,
		`areas = [ "a" , "b", ]`,
		`empty = []`,
		`contacts = [{ role = "Handledare", email = "exjobb@example.se" }, {role="b",email="c@d.se",name="N"}]`,
		`t = {}`,
		`n = [[1, 2], ["a"]]`,
		`title = "x" # a comment after the value`,
		"  indented = 1\n\tkey_with-dash = 2",
		`s = "# not a comment"`,
	}
	for _, src := range accepted {
		if !checkQuick(t, src) {
			t.Errorf("quickTOML gave up on:\n%s", src)
		}
	}
	rejected := []string{
		`title = 'literal'`,
		`title = """multi"""`,
		"areas = [\n\"a\"\n]",
		`a.b = 1`,
		`"quoted" = 1`,
		"[table]\nx = 1",
		"x = 1\nx = 2",
		`x = 1.5`,
		`x = 1e3`,
		`x = inf`,
		`x = 0x1F`,
		`x = 1_000`,
		`x = 012`,
		`x = 2026-02-30`,
		`x = 2026-3-01`,
		`x = 2026-03-01 12:00:00`,
		`x = 2026-03-01t12:00:00`,
		`x = 12:00:00`,
		`x = "\e"`,
		`x = "\ud800"`,
		`x = "open`,
		`x = { a = 1, }`,
		`x = { a = 1, a = 2 }`,
		"x = \"tab\x01\"",
		`x = truex`,
		`x = [[[[1]]]]`,
		`x = 1 y = 2`,
		`x =`,
		`= 1`,
	}
	for _, src := range rejected {
		if _, ok := quickTOML([]byte(src)); ok {
			t.Errorf("quickTOML accepted what it should leave to the decoder:\n%s", src)
		}
	}
}

// TestQuickTOMLRandom builds front matter from random pieces, valid and
// not, and checks every one quickTOML accepts against the decoder.
func TestQuickTOMLRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	keys := []string{"title", "date", "areas", "x", "k-1", "K_2", "title"}
	values := []string{
		`"plain"`, `"é \" \\ \n \u00e4"`, `""`, "30", "-5", "+0", "0", "007", "1.5", "true", "false", "tru",
		"2026-03-01", "2026-13-01", "2026-03-01T13:15:00", "2026-03-01T13:15:00+01:00", "2026-03-01T13:15:00Z",
		"2026-03-01T13:15:00.25", "2026-03-01T25:00:00", "1979-05-27T00:32:00.999999-07:00",
		`["a", "b"]`, `[1, "a", true]`, `[ ]`, `[1,]`, `[,]`, `[[1], [2, 3]]`,
		`{ a = "b" }`, `{a=1,b=2}`, `{ a = { b = 1 } }`, `{}`, `{ a = 1 b = 2 }`,
		`[{ role = "r", email = "e@x.se" }]`, `'lit'`, `"unclosed`, `"a" # c`, `1 # c`, `"a" x`,
	}
	seps := []string{"\n", "\r\n", "\n\n", "\n# note\n", "\n  "}
	accepted := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.Intn(6); j >= 0; j-- {
			fmt.Fprintf(&b, "%s%s=%s%s%s", strings.Repeat(" ", r.Intn(2)), keys[r.Intn(len(keys))],
				[]string{" ", "", "  "}[r.Intn(3)], values[r.Intn(len(values))], seps[r.Intn(len(seps))])
		}
		if checkQuick(t, b.String()) {
			accepted++
		}
	}
	if accepted < 1000 {
		t.Errorf("quickTOML accepted only %d of 20000 cases", accepted)
	}
}

// TestQuickTOMLFixtures checks the front matter of every record in the
// repository's fixtures and sample content.
func TestQuickTOMLFixtures(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../../content/*/*.md", "../*/testdata/*/*/content/*/*.md", "../*/testdata/*/content/*/*.md", "testdata/*/content/*/*.md"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	quick := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		front, _, _, err := Split(f, src)
		if err != nil {
			continue
		}
		if checkQuick(t, string(front)) {
			quick++
		}
	}
	t.Logf("%d of %d files read by quickTOML", quick, len(files))
}

// FuzzQuickTOML: whatever quickTOML accepts, the decoder accepts with the
// same values.
func FuzzQuickTOML(f *testing.F) {
	for _, s := range []string{
		"title = \"x\"\ndate = 2026-03-01\nareas = [\"a\", \"b\"]\n",
		"contacts = [{ role = \"r\", email = \"e@x.se\" }]\ncredits = 30\n",
		"start = 2026-03-01T13:15:00+01:00\ndraft = false # c\n",
		"s = \"\\u00e5\\n\\\"\"\nn = [[1], []]\nt = {}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		checkQuick(t, src)
	})
}

// TestDecodeFrontCRLF reads a text over several lines in front matter
// saved with CRLF line ends (Windows' Notepad) as the same text saved
// with LF: the carriage returns reached the excerpts and the search
// index, and the site differed from the one built from LF files.
func TestDecodeFrontCRLF(t *testing.T) {
	for _, src := range []string{
		"summary = \"\"\"One\r\ntwo\"\"\"\r\n",
		"summary = '''One\r\ntwo'''\r\n",
		"summary = \"\"\"\r\nOne\r\ntwo\"\"\"\r\n",
		"contacts = [{ role = \"\"\"One\r\ntwo\"\"\", email = \"a@b.se\" }]\r\n",
		"[[contacts]]\r\nrole = \"\"\"One\r\ntwo\"\"\"\r\n",
	} {
		var raw map[string]any
		if err := decodeFront([]byte(src), &raw); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got := fmt.Sprint(raw); strings.Contains(got, "\r") || !strings.Contains(got, "One\ntwo") {
			t.Errorf("%q decoded as %q, want One\\ntwo", src, got)
		}
	}
}
