package render

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"portal/generator/internal/diag"
	"portal/generator/internal/markdown"
)

// i18nDir holds one table of UI strings per language: <lang>.toml.
const i18nDir = "templates/i18n"

// table is one language's UI strings, flattened: `kind.theses = "Exjobb"`
// (a dotted TOML key) and `[kind] theses = "Exjobb"` both give "kind.theses".
type table struct {
	path    string
	strings map[string]string
	pos     *diag.Positions
	// inherited are the keys a site's table takes from the program's
	// (inherit); program is a table that is wholly the program's, of a
	// language the site leaves alone. The file at path has neither
	// (lent).
	inherited map[string]bool
	program   bool
}

// lent reports whether key is a text the table has from the program's
// tables, not from the file at path of the site's.
func (t *table) lent(key string) bool { return t.program || t.inherited[key] }

// loadTables reads the table of every configured language and checks that
// they all have the same keys. A table for a language the site does not
// use is read and checked too, so a half-added language is noticed.
func loadTables(fsys fs.FS, langs []string) (map[string]*table, diag.List) {
	var errs diag.List
	names := slices.Clone(langs)
	if ents, err := fs.ReadDir(fsys, i18nDir); err == nil {
		for _, d := range ents {
			l, ok := strings.CutSuffix(d.Name(), ".toml")
			if ok && !d.IsDir() && !slices.Contains(names, l) {
				names = append(names, l)
			}
		}
	}
	tables := map[string]*table{}
	for _, l := range names {
		p := path.Join(i18nDir, l+".toml")
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, diag.At(p, 1, 1, diag.UIReadLang, l, diag.Cause(err)))
			continue
		}
		src = diag.TrimBOM(src)
		var raw map[string]any
		if _, err := toml.Decode(string(src), &raw); err != nil {
			errs = append(errs, diag.FromTOML(p, 0, err))
			continue
		}
		diag.UnixNewlines(raw)
		t := &table{path: p, strings: map[string]string{}, pos: diag.NewPositions(src, 0)}
		errs = append(errs, t.flatten(nil, raw)...)
		if sh, ok := fsys.(*layered); ok {
			if def, err := sh.Shadowed(p); err == nil {
				t.inherit(def)
			} else {
				t.program = !sh.Own(p)
			}
		}
		tables[l] = t
	}
	return tables, append(errs, parity(names, tables)...)
}

// parity reports every key of a table that another table lacks, but for
// a kind's own wording of a mark (markOverride), which a language whose
// words need no agreement leaves out. A key the table has itself is
// reported where it has it; one it has from the program's tables (lent),
// where the table that lacks it would have it, once: a site's language
// of its own inherits nothing.
func parity(names []string, tables map[string]*table) diag.List {
	var errs diag.List
	said := map[[2]string]bool{} // table lacking, key: lent keys said

	for _, l := range names {
		t := tables[l]
		if t == nil {
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(t.strings)) {
			if markOverride(key) {
				continue
			}
			for _, o := range names {
				ot := tables[o]
				if ot == nil || o == l {
					continue
				}
				if _, ok := ot.strings[key]; ok {
					continue
				}
				path := strings.Split(key, ".")
				if !t.lent(key) {
					line, col := t.pos.Key(path...)
					errs = append(errs, missingIn(t, ot, key, line, col))
				} else if !said[[2]string{o, key}] {
					said[[2]string{o, key}] = true
					line, col := ot.pos.Key(path...)
					errs = append(errs, diag.At(ot.path, line, col, diag.UIMissingLent, key, t.path))
				}
			}
		}
	}
	return errs
}

// missingIn is the problem with key, a text of t, which ot lacks. When
// ot is wholly the program's, the key is in none of the program's tables:
// a site that words a text of the program's otherwise has most likely
// misspelled its key ([search] buton), so the message says that, with the
// program's nearest key, rather than only where else to add it.
func missingIn(t, ot *table, key string, line, col int) diag.Error {
	if !ot.program {
		return diag.At(t.path, line, col, diag.UIMissingIn, key, ot.path)
	}
	if near := diag.Nearest(key, slices.Collect(maps.Keys(ot.strings))); near != "" {
		return diag.At(t.path, line, col, diag.UIUnknownAs, key, near, ot.path)
	}
	return diag.At(t.path, line, col, diag.UIUnknown, key, ot.path)
}

// inherit adds to a site's own table the texts that it leaves out from
// def, the program's table of its language, as Hugo merges a project's
// translations over its theme's: a site's older table keeps working when
// a newer program reads a new text (format.group). A kind's own word for a
// mark (state.theses.closed) is not taken when the site words the shared
// mark (state.closed) itself, so that its word shows on every kind. A
// fact's label for a record whose time is over (factpast.validUntil) that
// the site leaves out while it words the fact's label (fact.validUntil)
// itself is the site's word, not the program's, so that its word shows
// on every record and the program's does not stand beside it.
func (t *table) inherit(def []byte) {
	var raw map[string]any
	if _, err := toml.Decode(string(def), &raw); err != nil {
		return // the program's own tables are tested
	}
	base := &table{strings: map[string]string{}, pos: diag.NewPositions(def, 0)}
	base.flatten(nil, raw)
	own := maps.Clone(t.strings)
	t.inherited = map[string]bool{}
	for key, text := range base.strings {
		if _, ok := own[key]; ok {
			continue
		}
		if markOverride(key) {
			if _, worded := own["state."+key[strings.LastIndexByte(key, '.')+1:]]; worded {
				continue
			}
		}
		if label, past := strings.CutPrefix(key, "factpast."); past {
			if worded, ok := own["fact."+label]; ok {
				text = worded
			}
		}
		t.strings[key], t.inherited[key] = text, true
	}
}

// markOverride tells a key state.<kind>.<mark>, a kind's own wording of a
// mark ("Stängt" on ett exjobb where state.closed is "Stängd"), which
// Templates.MarkKey looks up before state.<mark>.
func markOverride(key string) bool {
	return strings.HasPrefix(key, "state.") && strings.Count(key, ".") == 2
}

// Optional is the UI string key in lang, or in the default language, or
// "" where neither table has it (words for a kind of a site's own).
func (t *Templates) Optional(lang, key string) string {
	s, _ := t.text(lang, key)
	return s
}

// text is the UI string key in lang, or in the default language; ok is
// false where neither table has it.
func (t *Templates) text(lang, key string) (s string, ok bool) {
	if s, ok = t.strings[lang][key]; ok {
		return s, true
	}
	s, ok = t.strings[t.cfg.DefaultLanguage][key]
	return s, ok
}

// MarkKey is the UI string of the mark st on a record of kind in lang:
// state.<kind>.<st> when lang's table has it, the kind's noun needing
// another form ("Stängt" on ett exjobb), else state.<st>, so that tables
// without such keys (a site's own older ones, English) keep theirs. Every
// place that writes a mark asks it: list items, feeds, the search index.
func (t *Templates) MarkKey(lang, kind, st string) string {
	if k, ok := t.KindMark(lang, kind, st); ok {
		return k
	}
	return "state." + st
}

// KindMark is the key state.<kind>.<st>, and whether lang's table has
// it: whether kind words the mark st apart from the shared state.<st>.
func (t *Templates) KindMark(lang, kind, st string) (key string, ok bool) {
	key = "state." + kind + "." + st
	return key, t.strings[lang][key] != ""
}

// checkMarkOverrides reports each key of a table that words a mark for
// a kind, state.<kind>.<mark> or notice.<kind>.<mark>, and names no mark
// of a kind, and each notice.more.<kind> that names no kind: a misspelt
// kind or mark would otherwise leave the shared word on the page, and
// nothing would say why. The message names the key meant when one is
// near, else every key of the form.
func (t *Templates) checkMarkOverrides() diag.List {
	valid := map[string][]string{} // of each form (markOverrideForm), its keys
	for _, name := range t.cfg.Kinds.Names() {
		for _, m := range t.cfg.Kinds.Get(name).AllMarks() {
			valid["state"] = append(valid["state"], "state."+name+"."+m)
			valid["notice"] = append(valid["notice"], "notice."+name+"."+m)
		}
		valid["notice.more"] = append(valid["notice.more"], "notice.more."+name)
	}
	var errs diag.List
	for _, l := range slices.Sorted(maps.Keys(t.tables)) {
		tb := t.tables[l]
		for _, key := range slices.Sorted(maps.Keys(tb.strings)) {
			form := markOverrideForm(key)
			if strings.Count(key, ".") != 2 || valid[form] == nil || slices.Contains(valid[form], key) || tb.lent(key) {
				continue
			}
			line, col := tb.pos.Key(strings.Split(key, ".")...)
			near, list := diag.UIMarkOverrideAs, diag.UIMarkOverride
			if form == "notice.more" {
				near, list = diag.UIKindMoreAs, diag.UIKindMore
			}
			if meant := diag.Nearest(key, valid[form]); meant != "" {
				errs = append(errs, diag.At(tb.path, line, col, near, key, meant))
			} else {
				errs = append(errs, diag.At(tb.path, line, col, list, key, strings.Join(valid[form], ", ")))
			}
		}
	}
	return errs
}

// markOverrideForm is the form of key among those checkMarkOverrides
// checks: "state", "notice" or "notice.more" (a kind's own "more" of a
// notice); else the first part of key.
func markOverrideForm(key string) string {
	if strings.HasPrefix(key, "notice.more.") {
		return "notice.more"
	}
	form, _, _ := strings.Cut(key, ".")
	return form
}

// withoutAt is errs less those at the place of one of said: a key the
// tables have in one language only (parity) that names no kind's mark is
// told that, once.
func withoutAt(errs, said diag.List) diag.List {
	var out diag.List
	for _, e := range errs {
		if !slices.ContainsFunc(said, func(s diag.Error) bool { return s.Path == e.Path && s.Line == e.Line && s.Col == e.Col }) {
			out = append(out, e)
		}
	}
	return out
}

func (t *table) flatten(prefix []string, m map[string]any) diag.List {
	var errs diag.List
	for _, k := range slices.Sorted(maps.Keys(m)) {
		key := append(slices.Clip(prefix), k)
		switch v := m[k].(type) {
		case string:
			t.strings[strings.Join(key, ".")] = v
		case map[string]any:
			errs = append(errs, t.flatten(key, v)...)
		default:
			line, col := t.pos.Value(key...)
			errs = append(errs, diag.At(t.path, line, col, diag.UIString, strings.Join(key, ".")))
		}
	}
	return errs
}

// firstError keeps the first error of many lookups of texts, so that code
// that resolves many texts in a row fails once, with the first problem.
type firstError struct{ err error }

// text returns s and keeps err if it is the first.
func (f *firstError) text(s string, err error) string {
	if err != nil && f.err == nil {
		f.err = err
	}
	return s
}

// BodyLabels returns the names of the checkboxes of task lists and of the
// footnotes' links and of tables in every language of the site (task.done,
// task.todo, task.note, task.back, table.name), which the Markdown renderer gives them in a body
// of that language (markdown.Renderer.Labels).
func (t *Templates) BodyLabels() map[string]markdown.Labels {
	m := make(map[string]markdown.Labels, len(t.cfg.Languages))
	for _, l := range t.cfg.Languages {
		m[l] = markdown.Labels{Done: t.T(l, "task.done"), Todo: t.T(l, "task.todo"),
			Note: t.T(l, "task.note"), Back: t.T(l, "task.back"), Table: t.T(l, "table.name")}
	}
	return m
}
