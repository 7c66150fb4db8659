package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
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
}

func (d *decoder) errAt(line, col int, id diag.ID, args ...any) {
	d.errs = append(d.errs, diag.At(d.path, line, col, id, args...))
}

// errKey points at the key at path (a problem inside a table).
func (d *decoder) errKey(path []string, id diag.ID, args ...any) {
	line, col := d.pos.Key(path...)
	d.errAt(line, col, id, args...)
}

// keyErr points at a key; valErr at its value.
func (d *decoder) keyErr(key string, id diag.ID, args ...any) {
	line, col := d.pos.Key(key)
	d.errAt(line, col, id, args...)
}

func (d *decoder) valErr(key string, id diag.ID, args ...any) {
	line, col := d.pos.Value(key)
	d.errAt(line, col, id, args...)
}

var (
	courseRE = regexp.MustCompile(`^[A-Z]{2}[0-9]{3}[0-9A-Z]$`)
)

// checkKeys reports unknown keys, keys of the wrong shape and missing
// required ones; keys of the wrong shape are then treated as absent.
func (d *decoder) checkKeys() {
	d.bad = map[string]bool{}
	spec := specs(d.kind)
	for _, k := range sortedKeys(d.raw) {
		i := slices.IndexFunc(spec, func(s keySpec) bool { return s.name == k })
		if i < 0 {
			m := unknownKey(d.kind, k, spec)
			d.keyErr(k, m.ID, m.Args...)
			continue
		}
		if msg := shapeError(spec[i].typ, d.raw[k]); msg.ID != "" {
			d.valErr(k, diag.KeyShape, k, msg)
			d.bad[k] = true
		}
	}
	for _, s := range spec {
		if _, has := d.raw[s.name]; s.required && !has && !slices.Contains(d.broken, s.name) {
			d.errAt(1, 1, diag.KeyMissing, s.name)
		}
	}
}

func unknownKey(kind, k string, spec []keySpec) diag.Message {
	best, dist := "", 3
	for _, s := range spec {
		if n := editDistance(strings.ToLower(k), strings.ToLower(s.name)); n < dist {
			best, dist = s.name, n
		}
	}
	if best != "" {
		return diag.M(diag.KeyUnknownMean, k, best)
	}
	for other, keys := range kindKeys {
		if other != kind && slices.ContainsFunc(keys, func(s keySpec) bool { return s.name == k }) {
			return diag.M(diag.KeyUnknownKind, k, kind)
		}
	}
	return diag.M(diag.KeyUnknown, k)
}

// maxValues bounds the arrays of a record (areas, partners, contacts...):
// no real record comes near it, and checking each value of a longer one
// against the vocabularies would take quadratic time.
const maxValues = 100

// shapeError says what is wrong with the type of v; no ID for nothing.
func shapeError(t keyType, v any) diag.Message {
	switch t {
	case tString, tText:
		s, ok := v.(string)
		if !ok {
			return diag.M(diag.ShapeString)
		}
		if t == tText && strings.TrimSpace(s) == "" {
			return diag.M(diag.ShapeEmpty)
		}
	case tDate:
		if _, ok := v.(time.Time); !ok {
			if _, isStr := v.(string); isStr {
				return diag.M(diag.ShapeDateQuoted)
			}
			return diag.M(diag.ShapeDate)
		}
	case tDateTime:
		tv, ok := v.(time.Time)
		if !ok || tv.Location().String() == "date-local" {
			return diag.M(diag.ShapeDateTime)
		}
	case tInt:
		if _, ok := v.(int64); !ok {
			return diag.M(diag.ShapeInt)
		}
	case tBool:
		if _, ok := v.(bool); !ok {
			return diag.M(diag.ShapeBool)
		}
	case tStrings:
		arr, ok := v.([]any)
		if !ok {
			return diag.M(diag.ShapeStrings)
		}
		if len(arr) > maxValues {
			return diag.M(diag.ShapeTooMany, maxValues)
		}
		for _, e := range arr {
			if _, ok := e.(string); !ok {
				return diag.M(diag.ShapeStrings)
			}
		}
	case tContacts, tSignatories:
		arr, ok := v.([]any)
		if !ok {
			return diag.M(diag.ShapeTables)
		}
		if len(arr) > maxValues {
			return diag.M(diag.ShapeTooMany, maxValues)
		}
		for _, e := range arr {
			if _, ok := e.(map[string]any); !ok {
				return diag.M(diag.ShapeTables)
			}
		}
	}
	return diag.Message{}
}

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
	return toZone(t, d.cfg.TimeZone)
}

func toZone(t time.Time, loc *time.Location) time.Time {
	switch t.Location().String() {
	case "date-local", "datetime-local":
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
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

// vocab checks that each value of key k is a term of v.
func (d *decoder) vocab(k string, v *config.Vocab, what diag.ID, values ...string) {
	for i, s := range values {
		if slices.Contains(values[:i], s) {
			line, col := d.pos.Nth(i, k)
			d.errAt(line, col, diag.VocabTwice, diag.M(what), s)
			continue
		}
		if v.Get(s) == nil {
			line, col := d.pos.Find(s, k)
			d.errAt(line, col, diag.VocabUnknown, diag.M(what), s, vocabTable(what))
		}
	}
}

func vocabTable(what diag.ID) string {
	switch what {
	case diag.WordArea:
		return "areas"
	case diag.WordSchool:
		return "schools"
	}
	return "organisations"
}

// oneOf checks that key k has one of the values enums allows it.
func (d *decoder) oneOf(k string) string {
	allowed := enums[d.kind+"."+k]
	s := d.str(k)
	if d.has(k) && !slices.Contains(allowed, s) {
		d.valErr(k, diag.EnumOneOf, k, quoteList(allowed), s)
	}
	return s
}

func quoteList(xs []string) any {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	if len(q) == 1 {
		return q[0]
	}
	return diag.M(diag.ListOr, strings.Join(q[:len(q)-1], ", "), q[len(q)-1])
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
		_, perr := mail.ParseAddress(u.Opaque)
		ok = perr == nil && validEmail(u.Opaque)
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

// validEmail accepts a bare address with a dotted domain, nothing else.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.ContainsAny(s, " <>\"")
}

func (d *decoder) contacts() []Contact {
	arr, _ := d.raw["contacts"].([]any)
	if d.bad["contacts"] {
		return nil
	}
	var out []Contact
	for i, e := range arr {
		m, _ := e.(map[string]any)
		path := []string{"contacts", fmt.Sprint(i)}
		c := Contact{}
		for _, k := range sortedKeys(m) {
			s, isStr := m[k].(string)
			kp := append(slices.Clip(path), k)
			switch {
			case !isStr:
				d.errKey(kp, diag.ContactString, k)
			case k == "role":
				c.Role = strings.TrimSpace(s)
			case k == "email":
				c.Email = strings.TrimSpace(s)
			case k == "name":
				c.Name = strings.TrimSpace(s)
			default:
				d.errKey(kp, diag.ContactUnknown, k)
			}
		}
		if c.Role == "" {
			d.errKey(path, diag.ContactRole)
		}
		if c.Email == "" {
			d.errKey(path, diag.ContactEmail)
		} else if !validEmail(c.Email) {
			line, col := d.pos.Value(append(path, "email")...)
			d.errAt(line, col, diag.ContactBadEmail, c.Email)
		}
		out = append(out, c)
	}
	return out
}

func (d *decoder) signatories() []Signatory {
	arr, _ := d.raw["signatories"].([]any)
	if d.bad["signatories"] {
		return nil
	}
	var out []Signatory
	for i, e := range arr {
		m, _ := e.(map[string]any)
		path := []string{"signatories", fmt.Sprint(i)}
		s := Signatory{}
		for _, k := range sortedKeys(m) {
			v, isStr := m[k].(string)
			kp := append(slices.Clip(path), k)
			switch {
			case !isStr:
				d.errKey(kp, diag.SignatoryString, k)
			case k == "name":
				s.Name = strings.TrimSpace(v)
			case k == "title":
				s.Title = strings.TrimSpace(v)
			case k == "org":
				s.Org = strings.TrimSpace(v)
			default:
				d.errKey(kp, diag.SignatoryUnknown, k)
			}
		}
		if s.Name == "" || s.Title == "" || s.Org == "" {
			d.errKey(path, diag.SignatoryNeeds)
		}
		if s.Org != "" && d.cfg.Organisations.Get(s.Org) == nil {
			line, col := d.pos.Value(append(path, "org")...)
			d.errAt(line, col, diag.OrgUnknown, s.Org)
		}
		out = append(out, s)
	}
	return out
}

// decode fills r from the decoder's raw keys.
func (d *decoder) decode(r *Record) {
	d.checkKeys()
	d.errs = append(d.errs, placeholderValues(d.path, d.raw, d.pos, d.bad)...)
	r.Draft = d.flag("draft")
	r.Date = d.when("date")
	r.PublishDate = d.when("publishDate")
	r.ExpiryDate = d.when("expiryDate")
	if d.kind == Pages {
		return
	}
	r.Areas = d.strs("areas")
	if len(r.Areas) == 0 && d.has("areas") {
		d.valErr("areas", diag.AreasEmpty)
	}
	d.vocab("areas", &d.cfg.Areas, diag.WordArea, r.Areas...)
	r.Contacts = d.contacts()
	orgs := &d.cfg.Organisations
	one := func(k string) string {
		s := d.str(k)
		if s != "" {
			d.vocab(k, orgs, diag.WordOrganisation, s)
		}
		return s
	}
	switch d.kind {
	case "theses", "internships":
		r.Host = one("host")
		r.Deadline = d.when("deadline")
		r.Start = d.when("start")
		r.Location = d.str("location")
		r.Apply = d.link("apply", true)
		r.Credits = d.num("credits")
		if d.kind == "theses" {
			r.Level = d.oneOf("level")
			if d.has("credits") && r.Credits != 15 && r.Credits != 30 {
				d.valErr("credits", diag.CreditsThesis, r.Credits)
			}
			r.Schools = d.strs("schools")
			d.vocab("schools", &d.cfg.Schools, diag.WordSchool, r.Schools...)
			r.Language = d.strs("language")
			for _, l := range r.Language {
				if !slices.Contains(enums["theses.language"], l) {
					line, col := d.pos.Find(l, "language")
					d.errAt(line, col, diag.LanguageList, l)
				}
			}
			r.Students = d.num("students")
			if d.has("students") && (r.Students < 1 || r.Students > 2) {
				d.valErr("students", diag.StudentsRange, r.Students)
			}
		} else {
			r.Weeks = d.num("weeks")
			if d.has("weeks") && (r.Weeks < 1 || r.Weeks > 104) {
				d.valErr("weeks", diag.WeeksRange, r.Weeks)
			}
			if d.has("paid") {
				p := d.flag("paid")
				r.Paid = &p
			}
			if d.has("credits") && (r.Credits < 1 || r.Credits > 60) {
				d.valErr("credits", diag.CreditsRange, r.Credits)
			}
		}
	case "lectures":
		r.Start = d.when("start")
		r.End = d.when("end")
		if d.has("start") && d.has("end") && !r.End.After(r.Start) {
			d.valErr("end", diag.EndAfterStart)
		}
		r.Place = d.str("place")
		r.Speaker = d.str("speaker")
		r.SpeakerOrg = one("speakerOrg")
		r.Course = d.str("course")
		if r.Course != "" && !courseRE.MatchString(r.Course) {
			d.valErr("course", diag.CourseCode, r.Course)
		}
		r.Registration = d.link("registration", false)
		r.Status = "scheduled"
		if d.has("status") {
			r.Status = d.oneOf("status")
		}
	case "collaborations":
		r.Status = d.oneOf("status")
		r.Partners = d.strs("partners")
		if len(r.Partners) == 0 && d.has("partners") {
			d.valErr("partners", diag.PartnersEmpty)
		}
		d.vocab("partners", orgs, diag.WordOrganisation, r.Partners...)
		d.period(r)
		r.Schools = d.strs("schools")
		d.vocab("schools", &d.cfg.Schools, diag.WordSchool, r.Schools...)
		r.Centre = d.str("centre")
		r.Funding = d.str("funding")
		r.Agreement = d.str("agreement")
	case "agreements":
		r.Type = d.oneOf("type")
		r.Parties = d.strs("parties")
		if len(r.Parties) < 2 && d.has("parties") {
			d.valErr("parties", diag.PartiesTwo)
		}
		d.vocab("parties", orgs, diag.WordOrganisation, r.Parties...)
		r.Signed = d.when("signed")
		r.Signatories = d.signatories()
		r.ValidFrom = d.when("validFrom")
		r.ValidUntil = d.when("validUntil")
		if !r.ValidFrom.IsZero() && !r.ValidUntil.IsZero() && r.ValidUntil.Before(r.ValidFrom) {
			d.valErr("validUntil", diag.ValidUntilOrder)
		}
		r.NoticeMonths = d.num("noticeMonths")
		if r.NoticeMonths < 0 {
			d.valErr("noticeMonths", diag.NoticeNegative)
		}
		r.Status = d.oneOf("status")
		r.Terminated = d.when("terminated")
		switch {
		case r.Status == "terminated" && !d.has("terminated"):
			d.valErr("status", diag.TerminatedDate)
		case r.Status != "terminated" && d.has("terminated"):
			d.keyErr("terminated", diag.TerminatedStatus)
		}
		r.Confidential = d.flag("confidential")
	case "exchanges":
		r.From = one("from")
		r.To = one("to")
		r.Position = d.str("position")
		d.period(r)
		r.Agreement = d.str("agreement")
	case "followups":
		r.Year = d.num("year")
		if d.has("year") && (r.Year < 2000 || r.Year > 2100) {
			d.valErr("year", diag.YearRange, r.Year)
		}
		r.Meeting = d.when("meeting")
		r.Agreement = d.str("agreement")
	}
}

func (d *decoder) period(r *Record) {
	r.PeriodStart = d.when("periodStart")
	r.PeriodEnd = d.when("periodEnd")
	if !r.PeriodEnd.IsZero() && r.PeriodEnd.Before(r.PeriodStart) {
		d.valErr("periodEnd", diag.PeriodOrder)
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

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
