package content

import (
	"slices"
	"strings"
	"testing"
)

// TestTypedSyntax feeds Load a line whose bare value the decoder cannot
// read, for keys that hold no text: the message says what the key holds,
// not to put the value in quotes, which check would then refuse in a
// second round ("noticeMonths must be a whole number").
func TestTypedSyntax(t *testing.T) {
	const p = "content/agreements/x.md"
	for _, c := range []struct {
		name string
		file string
		want []string
	}{
		{"a number in words", agreement("noticeMonths = tre"),
			[]string{p + `:9:16: noticeMonths must be a whole number, like 30, without quotes`}},
		{"yes in Swedish", agreement("confidential = ja"),
			[]string{p + `:9:16: confidential must be true (yes) or false (no), without quotes`}},
		{"a date in words", agreement("validFrom = idag"),
			[]string{p + `:9:13: validFrom must be a date like 2026-03-01`}},
		{"one bare word for a list", rec(`title = "Avtal"`, "date = 2026-01-01", `areas = bygg`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`),
			[]string{p + `:4:9: areas: bygg is text and needs quotes – write areas = ["bygg"]`}},
		{"bare words between commas for a list", rec(`title = "Avtal"`, "date = 2026-01-01", `areas = bygg, energi-och-klimat`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`),
			[]string{p + `:4:9: areas: bygg, energi-och-klimat is text and needs quotes – write areas = ["bygg", "energi-och-klimat"]`}},
		{"words with spaces for a list stay one text", rec(`title = "Avtal"`, "date = 2026-01-01", `areas = Bygg och energi`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`),
			[]string{p + `:4:9: areas: Bygg och energi is text and needs quotes – write areas = ["Bygg och energi"]`}},
		{"a colon and a number in words", agreement("noticeMonths: tre"),
			[]string{p + `:9:13: noticeMonths: a key and its value are joined by =, not ":"`}},
		{"text is still told to be quoted", agreement("summary = Ett avtal"),
			[]string{p + `:9:11: summary: Ett avtal is text and needs quotes – write summary = "Ett avtal"`}},
		{"a number in typographic quotes", agreement("noticeMonths = “3”"),
			[]string{p + `:9:16: noticeMonths must be written 3, without quotes`}},
		{"a date in typographic quotes", agreement("validFrom = ”2026-02-01”"),
			[]string{p + `:9:13: validFrom must be a date like 2026-03-01, written without quotes – write validFrom = 2026-02-01`}},
		{"a word in typographic quotes for a number", agreement("noticeMonths = “tre”"),
			[]string{p + `:9:16: noticeMonths must be a whole number, like 30, without quotes`}},
		{"a word in typographic quotes for a list", rec(`title = "Avtal"`, "date = 2026-01-01", `areas = “bygg”`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`),
			[]string{p + `:4:9: areas: “bygg” has typographic quotes, which the site cannot read; type straight ones – write areas = ["bygg"]`}},
		// A value the decoder cannot read at all: for a key that holds a
		// date, a number or true/false, what the key holds, not every
		// form a value can take.
		{"a date in words with a day", agreement("validFrom = 1 juni 2026"),
			[]string{p + `:9:13: validFrom: 1 juni 2026 is not a date the site can read – dates are written year-month-day, without quotes: write validFrom = 2026-06-01`}},
		{"a day and a month", agreement("validFrom = 1 juni"),
			[]string{p + `:9:13: validFrom: 1 juni is not a date the site can read – write year-month-day with two digits for month and day, without quotes, like 2027-02-28`}},
		{"a number with its unit", agreement("noticeMonths = 3 mån"),
			[]string{p + `:9:16: noticeMonths: 3 mån cannot be read – write the number alone, without its unit: noticeMonths = 3`}},
		{"a number with its unit written close", agreement("noticeMonths = 3mån"),
			[]string{p + `:9:16: noticeMonths: 3mån cannot be read – write the number alone, without its unit: noticeMonths = 3`}},
		// The number as TOML reads it: 03 it cannot.
		{"a number with a leading zero and its unit", agreement("noticeMonths = 03 mån"),
			[]string{p + `:9:16: noticeMonths: 03 mån cannot be read – write the number alone, without its unit: noticeMonths = 3`}},
		{"zero with its unit", agreement("noticeMonths = 00 mån"),
			[]string{p + `:9:16: noticeMonths: 00 mån cannot be read – write the number alone, without its unit: noticeMonths = 0`}},
		{"a number in two words", agreement("noticeMonths = tre månader"),
			[]string{p + `:9:16: noticeMonths must be a whole number, like 30, without quotes`}},
		{"yes in two words", agreement("confidential = ja tack"),
			[]string{p + `:9:16: confidential must be true (yes) or false (no), without quotes`}},
		{"text that cannot be read is told every form", agreement("summary = 3 mån"),
			[]string{p + `:9:11: summary: 3 mån cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`}},
		{"text in typographic quotes is told to use straight ones", agreement("summary = “Ett avtal”"),
			[]string{p + `:9:11: summary: “Ett avtal” has typographic quotes, which the site cannot read; type straight ones – write summary = "Ett avtal"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, got := load(t, mapFS(map[string]string{p: c.file}))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
