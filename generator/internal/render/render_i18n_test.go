package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// minimal is a set of templates that renders every page type with the
// given i18n tables.
func minimal(sv, en string) fstest.MapFS {
	m := fstest.MapFS{
		"config.toml":                  {Data: []byte(tinyConfig)},
		"templates/layouts/base.html":  {Data: []byte(`<html lang="{{.Lang}}">{{template "main" .}}</html>`)},
		"templates/i18n/sv.toml":       {Data: []byte(sv)},
		"templates/i18n/en.toml":       {Data: []byte(en)},
		"templates/assets/site.css":    {Data: []byte("body{}")},
		"templates/partials/void.html": {Data: []byte(`{{define "void"}}{{end}}`)},
	}
	for _, typ := range PageTypes {
		m["templates/pages/"+string(typ)+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{t .Lang "home"}}{{end}}`)}
	}
	return m
}

// required returns a table with every key the Go code needs, plus extra.
func required(extra string) string {
	var b strings.Builder
	for _, k := range requiredKeys(kinds.Default(), []string{"sv", "en"}) {
		b.WriteString(`"` + k + `" = "x"` + "\n")
	}
	return b.String() + extra
}

func loadErr(t *testing.T, fsys fs.FS) diag.List {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(fsys, cfg, Options{})
	if err == nil {
		return nil
	}
	l, ok := diag.AsList(err)
	if !ok {
		t.Fatalf("not a diag.List: %v", err)
	}
	return l
}

func TestI18nParity(t *testing.T) {
	tests := []struct {
		name   string
		sv, en string
		want   []string // error lines
	}{
		{"same keys", required(""), required(""), nil},
		{"missing in en", required("only.sv = \"bara svenska\"\n"), required(""),
			[]string{`templates/i18n/sv.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default(), []string{"sv", "en"}))+1) + `:1: UI string "only.sv" is missing in templates/i18n/en.toml`}},
		{"missing in sv, table form", required(""), required("[extra]\nkey = \"x\"\n"),
			[]string{`templates/i18n/en.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default(), []string{"sv", "en"}))+2) + `:1: UI string "extra.key" is missing in templates/i18n/sv.toml`}},
		{"required key missing in both", `home = "x"`, `home = "y"`, nil},
		{"not a string", required("n = 3\n"), required("n = \"3\"\n"),
			[]string{`templates/i18n/sv.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default(), []string{"sv", "en"}))+1) + `:5: UI string "n" must be a string`}},
		{"bad toml", required("x = \n"), required(""), []string{`templates/i18n/sv.toml:`}},
		// A kind's own word for a mark is in the tables that need it only.
		{"a kind's mark in one table", required("[state.theses]\nclosed = \"Stängt\"\n"), required(""), nil},
		{"a mark of no kind", required("[state.thesis]\nclosed = \"Stängt\"\n"), required(""),
			[]string{`templates/i18n/sv.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default(), []string{"sv", "en"}))+2) + `:1: UI string "state.thesis.closed" is no kind's mark: did you mean "state.theses.closed"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := loadErr(t, minimal(tt.sv, tt.en))
			if tt.name == "required key missing in both" {
				if len(errs) == 0 || !strings.Contains(errs.Error(), `missing UI string "format.date"`) {
					t.Errorf("got %v", errs)
				}
				return
			}
			if len(tt.want) == 0 && len(errs) > 0 {
				t.Fatalf("unexpected errors:\n%v", errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs.Error(), w) {
					t.Errorf("missing error %q in:\n%v", w, errs)
				}
			}
		})
	}
}

// TestI18nKindMarks: a key that words a mark for one kind,
// state.<kind>.<mark> or notice.<kind>.<mark> (and notice.more.<kind>),
// that names no kind or no mark of it is told where it stands, with the
// key meant when one is near, in English and Swedish, once (not also as a
// key the other table lacks); a notice's was not told at all.
func TestI18nKindMarks(t *testing.T) {
	n := len(requiredKeys(kinds.Default(), []string{"sv", "en"}))
	var more []string
	for _, k := range kinds.Default().Names() {
		more = append(more, "notice.more."+k)
	}
	moreKeys := strings.Join(more, ", ")
	at := func(file string, line int) string {
		return "templates/i18n/" + file + ".toml:" + strconv.Itoa(n+line) + ":1: "
	}
	for _, c := range []struct {
		name, sv, en string
		want         []string // English, then Swedish, a pair a problem
	}{
		{"notice kind misspelt in both", "[notice.colaborations]\nended = \"Samarbetet avslutades {date}.\"\n",
			"[notice.colaborations]\nended = \"The collaboration ended {date}.\"\n", []string{
				at("en", 2) + `UI string "notice.colaborations.ended" is no kind's mark: did you mean "notice.collaborations.ended"?`,
				at("en", 2) + `texten "notice.colaborations.ended" är ingen typs markering – menade du "notice.collaborations.ended"?`,
				at("sv", 2) + `UI string "notice.colaborations.ended" is no kind's mark: did you mean "notice.collaborations.ended"?`,
				at("sv", 2) + `texten "notice.colaborations.ended" är ingen typs markering – menade du "notice.collaborations.ended"?`}},
		{"notice mark misspelt in one table", "[notice.exchanges]\nendde = \"Utbytet avslutades {date}.\"\n", "", []string{
			at("sv", 2) + `UI string "notice.exchanges.endde" is no kind's mark: did you mean "notice.exchanges.ended"?`,
			at("sv", 2) + `texten "notice.exchanges.endde" är ingen typs markering – menade du "notice.exchanges.ended"?`}},
		{"notice more", "\"notice.more.thesis\" = \"x\"\n", "\"notice.more.thesis\" = \"x\"\n", []string{
			at("en", 1) + `UI string "notice.more.thesis" names no kind: did you mean "notice.more.theses"?`,
			at("en", 1) + `texten "notice.more.thesis" hör inte till någon typ – menade du "notice.more.theses"?`,
			at("sv", 1) + `UI string "notice.more.thesis" names no kind: did you mean "notice.more.theses"?`,
			at("sv", 1) + `texten "notice.more.thesis" hör inte till någon typ – menade du "notice.more.theses"?`}},
		{"notice more far from every kind", "", "[notice.more]\nxyzzy = \"x\"\n", []string{
			at("en", 2) + `UI string "notice.more.xyzzy" names no kind; write one of ` + moreKeys,
			at("en", 2) + `texten "notice.more.xyzzy" hör inte till någon typ – skriv någon av ` + moreKeys}},
		{"state mark misspelt", "[state.lectures]\npats = \"Genomförd\"\n", "", []string{
			at("sv", 2) + `UI string "state.lectures.pats" is no kind's mark: did you mean "state.lectures.past"?`,
			at("sv", 2) + `texten "state.lectures.pats" är ingen typs markering – menade du "state.lectures.past"?`}},
		{"a kind's own notice", "[notice.collaborations]\nended = \"x\"\n[notice.more]\ntheses = \"x\"\n",
			"[notice.collaborations]\nended = \"x\"\n[notice.more]\ntheses = \"x\"\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			errs := loadErr(t, minimal(required(c.sv), required(c.en)))
			var got []string
			for _, e := range errs {
				got = append(got, e.In(diag.English), e.In(diag.Swedish))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestRequiredCalendarTexts: the texts of the agreements' calendar, which
// the Go code reads with T (the key itself where a table lacks it), are
// required as due.title is: a table without one does not build, rather
// than writing "due.eventnote" into every subscriber's calendar.
func TestRequiredCalendarTexts(t *testing.T) {
	for _, key := range []string{"due.event", "due.eventnote", "due.alarm", "due.endevent", "due.endnote", "due.endalarm",
		// read with T by the feeds and the search index
		"kindone.theses", "state.closed", "state.terminated", "foreign.en", "fact.speaker"} {
		t.Run(key, func(t *testing.T) {
			var sv strings.Builder
			for line := range strings.Lines(required("")) {
				if !strings.HasPrefix(line, `"`+key+`" =`) {
					sv.WriteString(line)
				}
			}
			errs := loadErr(t, minimal(sv.String(), required("")))
			want := `templates/i18n/sv.toml:1:1: missing UI string "` + key + `"`
			if !strings.Contains(fmt.Sprint(errs), want) {
				t.Errorf("want %s, got:\n%v", want, errs)
			}
		})
	}
}

// TestMarkKey: a kind's own word for a mark (state.theses.closed) goes
// before the shared one where a table has it; a table without it (the
// English one here, or a site's own older table) keeps state.closed.
func TestMarkKey(t *testing.T) {
	// The tables word state.closed in a [state] table, not as required
	// writes it (a key of its own, "x").
	own := func(extra string) string {
		return strings.Replace(required(extra), "\"state.closed\" = \"x\"\n", "", 1)
	}
	fsys := minimal(own("[state]\nclosed = \"Stängd\"\n[state.theses]\nclosed = \"Stängt\"\n"),
		own("[state]\nclosed = \"Closed\"\n"))
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := Load(fsys, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, kind, key, want string }{
		{"sv", "theses", "state.theses.closed", "Stängt"},
		{"sv", "internships", "state.closed", "Stängd"},
		{"en", "theses", "state.closed", "Closed"},
		{"en", "internships", "state.closed", "Closed"},
	} {
		key := tm.MarkKey(tc.lang, tc.kind, "closed")
		if got := tm.T(tc.lang, key); key != tc.key || got != tc.want {
			t.Errorf("%s %s: %s %q, want %s %q", tc.lang, tc.kind, key, got, tc.key, tc.want)
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want string
	}{
		{"parse error", "templates/pages/list.html", "{{define \"main\"}}\n\n{{if}}{{end}}", `templates/pages/list.html:3:1: missing value for if`},
		{"unknown func", "templates/partials/x.html", "{{define \"x\"}}\n{{nosuch 1}}{{end}}", `templates/partials/x.html:2:3: function "nosuch" not defined`},
		{"unclosed action", "templates/pages/list.html", "{{define \"main\"}}\n<p>Från {{.Lang</p>{{end}}", `templates/pages/list.html:2:9: bad character U+003C '<', in the action opened here: is its "}}" missing?`},
		// An action that runs to the end of the file: at its "{{", not at
		// the file's last line, also past lines and a "}}" in a string.
		{"action unclosed at the end", "templates/pages/list.html", "{{define \"main\"}}\n<p>Från {{ if .Lang", `templates/pages/list.html:2:9: unclosed action, opened here: is its "}}" missing?`},
		{"action unclosed over lines", "templates/pages/list.html", "{{define \"main\"}}\n<p>{{.Lang}}</p> {{- .Title\n\n", `templates/pages/list.html:2:18: unclosed action, opened here: is its "}}" missing?`},
		{"action unclosed after a string", "templates/pages/list.html", "{{define \"main\"}}\n{{/* }} */}}\n  {{ printf \"}}{{\" `}}` '}'", `templates/pages/list.html:3:3: unclosed action, opened here: is its "}}" missing?`},
		{"bad character in a closed action", "templates/pages/list.html", "{{define \"main\"}}\n<p>{{.Lang}} {{.Lang;}}</p>{{end}}", `templates/pages/list.html:2:21: bad character U+003B ';'`},
		{"unexpected token", "templates/pages/list.html", "{{define \"main\"}}\n<p>{{.Lang}} ^ {{.Lang ^ 2}}</p>{{end}}", `templates/pages/list.html:2:24: unexpected "^" in operand`},
		{"unknown key", "templates/pages/home.html", "{{define \"main\"}}\n\n  {{t .Lang \"no.such.key\"}}{{end}}", `templates/pages/home.html:3:`},
		{"missing page", "templates/pages/record.html", "", `templates/pages/record.html:1:1: missing`},
		{"no main", "templates/pages/area.html", "hello", `templates/pages/area.html:1:1: page template must {{define "main"}}`},
		{"escaping", "templates/pages/school.html", "{{define \"main\"}}\n<a href=\"{{.Lang}}>x</a>{{end}}", `templates/pages/school.html:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal(required(""), required(""))
			if tt.src == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.src)}
			}
			errs := loadErr(t, fsys)
			if !strings.Contains(errs.Error(), tt.want) {
				t.Errorf("want %q in:\n%v", tt.want, errs)
			}
			for _, e := range errs {
				if !strings.HasPrefix(e.Path, "templates/") || e.Line < 1 || e.Col < 1 {
					t.Errorf("badly positioned: %v", e)
				}
			}
		})
	}
}

// A key computed at render time that is in no table fails the render.
func TestUnknownKeyAtRender(t *testing.T) {
	fsys := minimal(required(""), required(""))
	fsys["templates/pages/list.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{t .Lang (printf "kind.%s.nope" .P.Kind)}}{{end}}`)}
	for p, s := range tinyContent {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	s, tm := loadSite(t, fsys, func(*time.Location) time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) })
	var buf bytes.Buffer
	err := tm.Page(&buf, new(Memo), s, pageAt(t, s, "/exjobb/"))
	if err == nil || !strings.Contains(err.Error(), `unknown UI string "kind.theses.nope"`) || !strings.HasPrefix(err.Error(), "templates/pages/list.html:1:") {
		t.Errorf("got %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes of a failed page", buf.Len())
	}
	if got := tm.T("en", "home"); got != "x" {
		t.Errorf("T: got %q", got)
	}
	if got := tm.T("en", "no.such"); got != "no.such" {
		t.Errorf("T of an unknown key: got %q", got)
	}
}

// The shipped tables have the same keys and every kind's strings.
func TestShippedTables(t *testing.T) {
	fsys := realTemplates(t)
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(tinyConfig)}
	if errs := loadErr(t, fsys); len(errs) > 0 {
		t.Fatal(errs)
	}
	tables, errs := loadTables(fsys, []string{"sv", "en"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, kind := range kinds.Default().Names() {
		for _, prefix := range []string{"kind.", "kindone.", "archivetitle.", "intro.", "archiveintro.", "empty.", "current.", "count." + kind + ".one", "count." + kind + ".other"} {
			key := prefix
			if strings.HasSuffix(prefix, ".") {
				key = prefix + kind
			}
			for l, tb := range tables {
				if tb.strings[key] == "" {
					t.Errorf("%s: empty or missing %q", l, key)
				}
			}
		}
	}
}
