package content

import (
	"fmt"
	"maps"
	"net/mail"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/markdown"
)

// decoder turns one file's decoded TOML into typed record fields,
// collecting positioned problems.
type decoder struct {
	cfg  *config.Config
	path string
	kind string
	raw  map[string]any
	pos  *diag.Positions
	errs diag.List
	bad  map[string]bool // keys with errors already reported: treated as absent
	// broken are the keys on lines the TOML decoder could not read,
	// reported as such: absent, but not missing.
	broken []string
	spec   []kinds.Key // the keys of the kind, from the registry of cfg (specs)
}

func (d *decoder) errAt(line, col int, id diag.ID, args ...any) {
	d.errs = append(d.errs, diag.At(d.path, line, col, id, args...))
}

// errKey points at the key at path: a key of the record, or one inside
// a table.
func (d *decoder) errKey(path []string, id diag.ID, args ...any) {
	line, col := d.pos.Key(path...)
	d.errAt(line, col, id, args...)
}

// valErr points at the value of a key.
func (d *decoder) valErr(key string, id diag.ID, args ...any) {
	line, col := d.pos.Value(key)
	d.errAt(line, col, id, args...)
}

// checkKeys reports unknown keys, keys of the wrong shape and missing
// required ones; keys of the wrong shape are then treated as absent.
func (d *decoder) checkKeys() {
	d.bad = map[string]bool{}
	if other, foreign := d.otherKind(); other != "" {
		// A record of another kind, moved or made in the wrong folder:
		// one problem, not a key to remove for each of its own keys and
		// one to add for each required key of this kind.
		d.errAt(1, 1, diag.KindFolderWrong, strings.Join(foreign, ", "), d.cfg.Kinds.RecordsWord(other), d.cfg.Kinds.RecordsWord(d.kind), other)
		return
	}
	meant := map[string]bool{} // keys a misspelt one was taken for
	for _, k := range slices.Sorted(maps.Keys(d.raw)) {
		i := slices.IndexFunc(d.spec, func(s kinds.Key) bool { return s.Name == k })
		if i >= 0 && fromHeader(d.raw[k]) && d.pos.Header(k) {
			// A key of the record written as a [table] or [[array]]
			// line: the same, and the key is absent.
			for _, b := range d.tableOfKey(k, d.spec[i].Type) {
				meant[b] = true
			}
			d.bad[k] = true
			continue
		}
		if i < 0 && d.pos.Header(k) {
			// The keys below a [table] line are the table's: one problem,
			// at the line, and none of them missing.
			below := tableKeys(d.raw[k])
			d.errKey([]string{k}, diag.KeyTableHeader, k, strings.Join(below, ", "))
			for _, b := range below {
				meant[b] = true
			}
			continue
		}
		if i < 0 {
			m := unknownKey(d.cfg.Kinds, d.kind, k, d.spec)
			d.errKey([]string{k}, m.ID, m.Args...)
			if m.ID == diag.KeyUnknownMean {
				meant[m.Args[1].(string)] = true
			}
			continue
		}
		if msg := keyShapeError(d.spec[i], d.raw[k]); msg.ID != "" {
			line, col := shapeAt(d.pos, msg, k, d.raw[k])
			d.errAt(line, col, diag.KeyShape, k, msg)
			d.bad[k] = true
		}
	}
	for _, s := range d.spec {
		// A required key spelt wrong is one problem, at the misspelling
		// ("did you mean"), not also a missing key at the top.
		// At 1:1, not the closing +++: a key added below the first +++ is
		// the record's, one above the last may fall under a [table] line.
		if _, has := d.raw[s.Name]; s.Required && !has && !slices.Contains(d.broken, s.Name) && !meant[s.Name] {
			d.errAt(1, 1, diag.KeyMissing, s.Name)
		}
	}
}

// otherKind returns the kind whose record this is, if it is not one of
// d's kind, and its keys that d's kind does not have: every key of the
// record is one of that kind's, and every key that kind requires is
// there.
func (d *decoder) otherKind() (kind string, foreign []string) {
	has := func(spec []kinds.Key, k string) bool {
		return slices.ContainsFunc(spec, func(s kinds.Key) bool { return s.Name == k })
	}
	for _, k := range slices.Sorted(maps.Keys(d.raw)) {
		if !has(d.spec, k) {
			foreign = append(foreign, k)
		}
	}
	if len(foreign) == 0 {
		return "", nil
	}
	for _, other := range Folders(d.cfg.Kinds) {
		spec := specs(d.cfg.Kinds, other)
		if other == d.kind || slices.ContainsFunc(foreign, func(k string) bool { return !has(spec, k) }) {
			continue
		}
		// A key on a line the decoder could not read is written: a record
		// with a broken date is still the other kind's.
		absent := func(s kinds.Key) bool {
			_, ok := d.raw[s.Name]
			return s.Required && !ok && !slices.Contains(d.broken, s.Name)
		}
		if !slices.ContainsFunc(spec, absent) {
			return other, foreign
		}
	}
	return "", nil
}

// fromHeader reports whether v may be the value of a [table] or [[array]]
// line (the decoder makes a map or a list of maps of those, and a list of
// inline tables, contacts = [{ … }], is a []any), so that the key
// positions of a record, indexed when first asked for, are asked for
// only then: indexing every record's held the 10,000-record build's peak
// of memory 70 MiB higher.
func fromHeader(v any) bool {
	switch v.(type) {
	case map[string]any, []map[string]any:
		return true
	}
	return false
}

// tableOfKey reports k, a key of the record of type typ, written as a
// [k] or [[k]] line, at the line: what to write instead for a list of
// tables (contacts, signatories), else to remove the line. It returns
// the keys below the line, which the table took.
func (d *decoder) tableOfKey(k string, typ kinds.Type) []string {
	below := tableKeys(d.raw[k])
	header := "[" + k + "]"
	if _, many := d.raw[k].([]map[string]any); many {
		header = "[" + header + "]"
	}
	switch typ {
	case kinds.Contacts:
		d.errKey([]string{k}, diag.KeyTableOfKey, header, strings.Join(below, ", "), k, `[{ role = "...", email = "..." }]`)
	case kinds.Signatories:
		d.errKey([]string{k}, diag.KeyTableOfKey, header, strings.Join(below, ", "), k, `[{ name = "...", title = "...", org = "..." }]`)
	default:
		d.errKey([]string{k}, diag.KeyTableHeader, k, strings.Join(below, ", "))
	}
	return below
}

// tableKeys returns the keys of a table made by a [table] or [[array]]
// line, sorted: those of its last table for an array.
func tableKeys(v any) []string {
	if arr, ok := v.([]map[string]any); ok && len(arr) > 0 {
		v = arr[len(arr)-1]
	}
	m, _ := v.(map[string]any)
	return slices.Sorted(maps.Keys(m))
}

func unknownKey(reg *kinds.Registry, kind, k string, spec []kinds.Key) diag.Message {
	names := make([]string, len(spec))
	for i, s := range spec {
		names[i] = s.Name
	}
	if best := diag.Nearest(k, names); best != "" {
		return diag.M(diag.KeyUnknownMean, k, best)
	}
	for _, other := range reg.All() {
		if other.Name != kind && other.Key(k) != nil {
			return diag.M(diag.KeyUnknownKind, k, reg.RecordsWord(kind))
		}
	}
	return diag.M(diag.KeyUnknown, k)
}

// maxValues bounds the arrays of a record (areas, partners, contacts...):
// no real record comes near it, and checking each value of a longer one
// against the vocabularies would take quadratic time.
const maxValues = 100

// shapeError says what is wrong with the type of v; no ID for nothing.
func shapeError(t kinds.Type, v any) diag.Message {
	switch t {
	case kinds.String, kinds.Text:
		s, ok := v.(string)
		if !ok {
			return diag.M(diag.ShapeString)
		}
		if t == kinds.Text && strings.TrimSpace(s) == "" {
			return diag.M(diag.ShapeEmpty)
		}
	case kinds.Date:
		tv, ok := v.(time.Time)
		if !ok {
			if _, isStr := v.(string); isStr {
				return diag.M(diag.ShapeDateQuoted)
			}
			return diag.M(diag.ShapeDate)
		}
		if timeOnly(tv) {
			return diag.M(diag.ShapeTimeOnly, "2026-03-01")
		}
	case kinds.DateTime:
		tv, ok := v.(time.Time)
		if ok && timeOnly(tv) {
			return diag.M(diag.ShapeTimeOnly, "2026-03-01T13:15:00")
		}
		if s, isStr := v.(string); isStr && isDateTime(strings.TrimSpace(s)) {
			return diag.M(diag.ShapeQuoted, strings.TrimSpace(s))
		}
		if !ok || tv.Location().String() == "date-local" {
			return diag.M(diag.ShapeDateTime)
		}
	case kinds.Int:
		if _, ok := v.(int64); !ok {
			// "30" is text: "a whole number" would not say what is wrong.
			if s, isStr := v.(string); isStr {
				if _, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
					return diag.M(diag.ShapeQuoted, strings.TrimSpace(s))
				}
			}
			return diag.M(diag.ShapeInt)
		}
	case kinds.Bool:
		if _, ok := v.(bool); !ok {
			if s, isStr := v.(string); isStr && (strings.TrimSpace(s) == "true" || strings.TrimSpace(s) == "false") {
				return diag.M(diag.ShapeQuoted, strings.TrimSpace(s))
			}
			return diag.M(diag.ShapeBool)
		}
	case kinds.Strings:
		if msg := arrayShape[string](v, diag.ShapeStrings); msg.ID != "" {
			if _, bad := badItem(v); bad && msg.ID == diag.ShapeStrings {
				return diag.M(diag.ShapeStringsItem)
			}
			return msg
		}
	case kinds.Contacts:
		return arrayShape[map[string]any](v, diag.ShapeTables)
	case kinds.Signatories:
		return arrayShape[map[string]any](v, diag.ShapeSignatories)
	}
	return diag.Message{}
}

// arrayShape says what is wrong with v as an array of at most maxValues
// values of type T: not one (the message id), or too long; no ID for
// nothing.
func arrayShape[T any](v any, id diag.ID) diag.Message {
	arr, ok := v.([]any)
	if !ok {
		return diag.M(id)
	}
	if len(arr) > maxValues {
		return diag.M(diag.ShapeTooMany, maxValues)
	}
	for _, e := range arr {
		if _, ok := e.(T); !ok {
			return diag.M(id)
		}
	}
	return diag.Message{}
}

// badItem returns the index of the first value of the array v that is
// not a string (ShapeStringsItem), if it is one.
func badItem(v any) (int, bool) {
	arr, _ := v.([]any)
	for i, e := range arr {
		if _, ok := e.(string); !ok && i < maxValues {
			return i, true
		}
	}
	return 0, false
}

// shapeAt is the position of the problem msg of shapeError with the
// value v of key k: the value that is not text in a list, else the value.
func shapeAt(pos *diag.Positions, msg diag.Message, k string, v any) (line, col int) {
	if i, bad := badItem(v); bad && msg.ID == diag.ShapeStringsItem {
		return pos.Nth(i, k)
	}
	return pos.Value(k)
}

// isDateTime reports whether s is a TOML date and time, as written in
// quotes: 2026-03-01T13:15:00, with an offset or a space for the T.
func isDateTime(s string) bool {
	return slices.ContainsFunc([]string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC3339, "2006-01-02 15:04:05Z07:00"}, func(layout string) bool {
		_, err := time.Parse(layout, s)
		return err == nil
	})
}

// timeOnly reports whether t is a TOML time of day without a date
// (start = 13:15): read as a day of the year 0, it was published so.
func timeOnly(t time.Time) bool { return t.Location().String() == "time-local" }

func (d *decoder) str(k string) string {
	if d.bad[k] {
		return ""
	}
	s, _ := d.raw[k].(string)
	return strings.TrimSpace(s)
}

func (d *decoder) num(k string) int {
	n, _ := d.raw[k].(int64)
	return int(n)
}

func (d *decoder) flag(k string) bool {
	b, _ := d.raw[k].(bool)
	return b
}

func (d *decoder) has(k string) bool {
	_, ok := d.raw[k]
	return ok && !d.bad[k]
}

// when converts a TOML date or datetime: a local date is that day's start
// and a local datetime that clock time, both in the site's time zone.
func (d *decoder) when(k string) time.Time {
	t, ok := d.raw[k].(time.Time)
	if !ok || d.bad[k] {
		return time.Time{}
	}
	loc := d.cfg.TimeZone
	switch t.Location().String() {
	case "date-local", "datetime-local":
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	if t.IsZero() {
		// 0001-01-01T00:00:00Z is Go's zero time, which means "no
		// date" everywhere after: a lecture starting then failed the
		// build, unpositioned, after check had passed it.
		d.valErr(k, diag.DateZero, k)
	}
	return t.In(loc)
}

func (d *decoder) strs(k string) []string {
	arr, _ := d.raw[k].([]any)
	if d.bad[k] {
		arr = nil
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// vocab checks that each value of key k is a term of the vocabulary
// table, once.
func (d *decoder) vocab(k, table string, values ...string) {
	v, what := d.cfg.Vocab(table), vocabNoun(table)
	for i, s := range values {
		if slices.Contains(values[:i], s) {
			line, col := d.pos.Nth(i, k)
			d.errAt(line, col, diag.VocabTwice, diag.M(what), s)
			continue
		}
		if v.Get(s) == nil {
			line, col := d.pos.Find(s, k)
			d.unknownTerm(line, col, table, s)
		}
	}
}

// oneOf checks that key k has one of the values its declaration allows.
func (d *decoder) oneOf(k *kinds.Key) string {
	s := d.str(k.Name)
	if d.has(k.Name) && !slices.Contains(k.Enum, s) {
		d.valErr(k.Name, diag.EnumOneOf, k.Name, quoteList(k.Enum, diag.ListOr), s)
	}
	return s
}

// quoteList lists xs quoted, the last one after the word of or
// (diag.ListOr, diag.ListAndOr).
func quoteList(xs []string, or diag.ID) any {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return orList(q, or)
}

// orList lists q, the last one after the word of or.
func orList(q []string, or diag.ID) any {
	if len(q) == 1 {
		return q[0]
	}
	return diag.M(or, strings.Join(q[:len(q)-1], ", "), q[len(q)-1])
}

// link checks a URL a reader will follow: http(s), or mailto where allowed.
func (d *decoder) link(k string, mailto bool) string {
	s := d.str(k)
	if !d.has(k) {
		return ""
	}
	u, err := url.Parse(s)
	ok := err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
	if mailto && err == nil && u.Scheme == "mailto" {
		ok = validEmail(u.Opaque)
		if _, frag, hash := strings.Cut(s, "#"); ok && hash {
			d.valErr(k, diag.LinkMailFragment, k, "#"+frag)
			return ""
		}
		if h := markdown.MailHeader(u.RawQuery); ok && h != "" {
			d.valErr(k, diag.LinkMailHeader, k, h)
			return ""
		}
	}
	if !ok {
		if mailto {
			d.valErr(k, diag.LinkMailto, k, s)
		} else {
			d.valErr(k, diag.LinkHTTP, k, s)
		}
		return ""
	}
	return s
}

// validEmail accepts a bare address with a dotted domain, nothing else:
// none of the characters that a mailto: link reads as the start of its
// headers ("?bcc=") or as an escape ("%2C", a second recipient), which
// an address may hold but no mailbox of the site's needs.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.ContainsAny(s, " <>\"%?&=,;/#\\")
}

// tables reads key, an array of inline tables with string values: each
// table's values by name, trimmed, and its path for messages. A value
// that is not a string (notString) or a name not in names (unknown) is
// reported; the table's names that are thereby accounted for (the one
// not a string, the one a misspelling is nearest) are in its row as ""
// and in meant, so that the caller does not report them missing too.
func (d *decoder) tables(key string, notString, unknown diag.ID, names ...string) (rows []map[string]string, paths [][]string, meant []map[string]bool) {
	arr, _ := d.raw[key].([]any)
	if d.bad[key] {
		return nil, nil, nil
	}
	for i, e := range arr {
		m, _ := e.(map[string]any)
		path := []string{key, fmt.Sprint(i)}
		row, named := map[string]string{}, map[string]bool{}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			s, isStr := m[k].(string)
			kp := append(slices.Clip(path), k)
			switch {
			case !isStr && slices.Contains(names, k):
				line, col := d.pos.Value(kp...)
				d.errAt(line, col, notString, k)
				named[k] = true
			case !isStr:
				d.errKey(kp, notString, k)
			case slices.Contains(names, k):
				row[k] = strings.TrimSpace(s)
			default:
				d.errKey(kp, unknown, k)
				named[diag.Nearest(k, names)] = true
			}
		}
		rows, paths, meant = append(rows, row), append(paths, path), append(meant, named)
	}
	return rows, paths, meant
}

func (d *decoder) contacts() []Contact {
	rows, paths, meant := d.tables("contacts", diag.ContactString, diag.ContactUnknown, "role", "email", "name")
	var out []Contact
	for i, m := range rows {
		c := Contact{Role: m["role"], Email: m["email"], Name: m["name"]}
		if c.Role == "" && !meant[i]["role"] {
			d.errKey(paths[i], diag.ContactRole)
		}
		if c.Email == "" && !meant[i]["email"] {
			d.errKey(paths[i], diag.ContactEmail)
		} else if c.Email != "" && !validEmail(c.Email) {
			line, col := d.pos.Value(append(paths[i], "email")...)
			d.errAt(line, col, diag.ContactBadEmail, c.Email)
		}
		out = append(out, c)
	}
	return out
}

func (d *decoder) signatories() []Signatory {
	rows, paths, meant := d.tables("signatories", diag.SignatoryString, diag.SignatoryUnknown, "name", "title", "org")
	var out []Signatory
	for i, m := range rows {
		s := Signatory{Name: m["name"], Title: m["title"], Org: m["org"]}
		missing := func(k, v string) bool { return v == "" && !meant[i][k] }
		if missing("name", s.Name) || missing("title", s.Title) || missing("org", s.Org) {
			d.errKey(paths[i], diag.SignatoryNeeds)
		}
		if s.Org != "" && d.cfg.Organisations.Get(s.Org) == nil {
			line, col := d.pos.Value(append(paths[i], "org")...)
			d.unknownTerm(line, col, "organisations", s.Org)
		}
		out = append(out, s)
	}
	return out
}

// decode fills r from the decoder's raw keys, each as the kind's
// declaration says (see package kinds and values.go).
func (d *decoder) decode(r *Record) {
	d.checkKeys()
	d.errs = append(d.errs, placeholderValues(d.path, d.raw, d.pos, d.bad)...)
	d.errs = append(d.errs, hiddenValues(d.path, d.raw, d.pos)...)
	r.Draft = d.flag("draft")
	r.Date = d.when("date")
	r.PublishDate = d.when("publishDate")
	r.ExpiryDate = d.when("expiryDate")
	if !r.PublishDate.IsZero() && !r.ExpiryDate.IsZero() && !r.ExpiryDate.After(r.PublishDate) {
		// Never published: removed before, or when, it would appear.
		d.valErr("expiryDate", diag.MustAfter, "expiryDate", d.moment(r.ExpiryDate), "publishDate", d.moment(r.PublishDate))
	}
	if d.kind == Pages {
		return
	}
	r.Contacts = d.contacts()
	for i := range d.spec {
		if !decodedElsewhere(d.spec[i].Name) {
			d.value(r, &d.spec[i])
		}
	}
	for i := range d.spec {
		d.relation(r, &d.spec[i])
	}
}

// sameValue compares two decoded TOML values; times by instant and zone kind.
func sameValue(a, b any) bool {
	ta, okA := a.(time.Time)
	tb, okB := b.(time.Time)
	if okA && okB {
		return ta.Equal(tb) && ta.Location().String() == tb.Location().String()
	}
	return reflect.DeepEqual(a, b)
}
