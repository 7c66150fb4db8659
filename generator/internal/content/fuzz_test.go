package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
)

// The fuzz targets below must never panic or hang, and every failure must
// be a positioned error: a path, a line inside the file, a column, and a
// one-line message. They run with seeds under testdata/fuzz/<Target>/;
// .ci/fuzz.sh runs each for a bounded time.

// FuzzSplit checks front matter splitting on any bytes.
func FuzzSplit(f *testing.F) {
	f.Add([]byte(rec(thesis)))
	f.Add([]byte("\xef\xbb\xbf+++\r\na = 1\r\n+++\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const p = "content/theses/a.md"
		var front, body []byte
		var bodyLine int
		var err error
		within(t, 10*time.Second, func() { front, body, bodyLine, err = Split(p, src) })
		lines := bytes.Count(src, []byte("\n")) + 1
		if err != nil {
			var e diag.Error
			if !errors.As(err, &e) {
				t.Fatalf("not a diag.Error: %v", err)
			}
			checkError(t, e, map[string][]string{p: strings.Split(string(src), "\n")})
			return
		}
		if len(src) > MaxFileSize {
			t.Fatalf("accepted %d bytes", len(src))
		}
		if bodyLine < 3 || bodyLine > lines+1 {
			t.Fatalf("body line %d of %d", bodyLine, lines)
		}
		if !bytes.Contains(src, front) || !bytes.HasSuffix(src, body) {
			t.Fatalf("front %q or body %q not from the source", front, body)
		}
		if len(body) > 0 {
			before := src[:len(src)-len(body)]
			if n := bytes.Count(before, []byte("\n")) + 1; n != bodyLine {
				t.Fatalf("body starts on line %d, reported %d", n, bodyLine)
			}
		}
	})
}

// FuzzDecode checks the per-file parse and decode: any front matter in a
// record of any kind.
func FuzzDecode(f *testing.F) {
	f.Add(byte(0), []byte(thesis))
	f.Add(byte(2), []byte(lecture))
	f.Add(byte(4), []byte("title = \"x\"\ncontacts = [{ role = \"r\", email = \"a@b\" }]\nsignatories = [{ name = 1 }]"))
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, kind byte, front []byte) {
		folders := Folders(cfg.Kinds)
		p := "content/" + folders[int(kind)%len(folders)] + "/x.md"
		src := "+++\n" + string(front) + "\n+++\n\nBody.\n"
		checkLoad(t, cfg, map[string]string{p: src}, 10*time.Second)
	})
}

// FuzzRecord checks the whole record parser: a record file and its
// translation, both any bytes, and an attachment beside them.
func FuzzRecord(f *testing.F) {
	f.Add([]byte(rec(thesis)), []byte(rec(`title = "Energy data"`)), "theses")
	f.Add([]byte(agreement(`attachment = "x.pdf"`+"\nconfidential = true")), []byte(rec(`title = "x"`, "deadline = 2026-01-01")), "agreements")
	f.Add([]byte("\xef\xbb\xbf"+strings.ReplaceAll(rec(lecture), "\n", "\r\n")), []byte("+++\n+++\n"), "lectures")
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, own, translation []byte, kind string) {
		if !config.ValidSlug(kind) {
			kind = "theses"
		}
		dir := "content/" + kind + "/"
		checkLoad(t, cfg, map[string]string{
			dir + "x.md":    string(own),
			dir + "x.en.md": string(translation),
			dir + "x.pdf":   "%PDF",
		}, 10*time.Second)
	})
}

// checkLoad runs Load on files and checks what the fuzz targets promise:
// no panic, a return within limit, only positioned errors.
func checkLoad(t *testing.T, cfg *config.Config, files map[string]string, limit time.Duration) {
	fsys := fstest.MapFS{}
	lines := map[string][]string{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		lines[name] = strings.Split(data, "\n")
	}
	var set *Set
	var err error
	within(t, limit, func() { set, err = Load(fsys, cfg) })
	if set == nil {
		t.Fatal("no set")
	}
	// The same files give the same problems, in the same order: Load
	// reads in parallel and decodes into maps, whose order varies.
	var again error
	within(t, limit, func() { _, again = Load(fsys, cfg) })
	if fmt.Sprint(err) != fmt.Sprint(again) {
		t.Fatalf("two loads differ:\n%v\n%v", err, again)
	}
	inRecords := 0
	for _, r := range set.Records {
		inRecords += len(r.Versions)
		for _, u := range []string{r.Apply, r.Registration} {
			if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "mailto:") {
				t.Fatalf("accepted link %q", u)
			}
		}
		if r.Attachment != "" && !strings.HasPrefix(r.Attachment, "content/") {
			t.Fatalf("attachment %q", r.Attachment)
		}
		if !config.ValidSlug(r.Slug) && err == nil {
			t.Fatalf("accepted slug %q", r.Slug)
		}
	}
	if set.Files != inRecords+set.Failed {
		t.Fatalf("accounting: %d files, %d in records, %d failed", set.Files, inRecords, set.Failed)
	}
	if err == nil {
		return
	}
	list, ok := diag.AsList(err)
	if !ok || len(list) == 0 {
		t.Fatalf("not a diag.List: %v", err)
	}
	for _, e := range list {
		checkError(t, e, lines)
	}
}

// checkError asserts e is positioned inside a known file, given by its
// lines (at a line of it, at most one column past its last character),
// or folder.
func checkError(t *testing.T, e diag.Error, files map[string][]string) {
	t.Helper()
	lines, known := files[e.Path]
	if !known {
		for name := range files {
			if strings.HasPrefix(name, e.Path+"/") {
				known, lines = true, []string{""}
			}
		}
	}
	n := len(lines)
	if !known || e.Line < 1 || e.Line > n || e.Col < 1 || e.Col > utf8.RuneCountInString(lines[e.Line-1])+1 || e.Msg == "" ||
		strings.ContainsAny(e.Msg, "\n\r") || strings.HasSuffix(e.Msg, ".") {
		t.Fatalf("bad error %q (file of %d lines)", e.Error(), n)
	}
}

// within fails t if f does not return in d.
func within(t testing.TB, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish in %v", d)
	}
}
