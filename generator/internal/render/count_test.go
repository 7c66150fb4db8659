package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Count groups with the separators of the shipped tables: what the
// browser's (n).toLocaleString(lang) writes, as the scripts do (the cases
// of the grouping itself are diag.TestGrouped's).
func TestCount(t *testing.T) {
	_, tm := tinySite(t)
	got := []string{tm.Count("sv", 999), tm.Count("sv", 1234567), tm.Count("sv", -1234),
		tm.Count("en", 999), tm.Count("en", 1234567), tm.Count("en", -1234)}
	want := []string{"999", "1\u00a0234\u00a0567", "\u22121\u00a0234", "999", "1,234,567", "-1,234"}
	if !slices.Equal(got, want) {
		t.Errorf("Count: %q, want %q", got, want)
	}
}

// A page writes a count grouped in its language, through tn (the counts
// of the lists, indexes and home page) and count (a kind's count on an
// area's page); a page number, which is no count, is written as it is.
func TestCountInPages(t *testing.T) {
	fsys := realTemplates(t)
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(tinyConfig)}
	fsys["templates/pages/list.html"] = &fstest.MapFile{Data: []byte(
		`{{define "main"}}<p>{{tn .Lang "count.theses" 1234}} ({{count .Lang 12345}}) {{tn .Lang "count.theses" 999}} {{tr .Lang "pager.status" "n" 1234 "total" 1500}}</p>{{end}}`)}
	for p, s := range tinyContent {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	s, tm := loadSite(t, fsys, func(tz *time.Location) time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, tz) })
	for url, want := range map[string]string{
		"/exjobb/":    "<p>1\u00a0234 erbjudanden (12\u00a0345) 999 erbjudanden Sida 1234 av 1500</p>",
		"/en/theses/": "<p>1,234 offers (12,345) 999 offers Page 1234 of 1500</p>",
	} {
		var buf bytes.Buffer
		if err := tm.Page(&buf, new(Memo), s, pageAt(t, s, url)); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s has no %q:\n%s", url, want, buf.String())
		}
	}
}
