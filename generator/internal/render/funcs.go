package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"path"
	"strconv"
	"strings"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/site"
)

// funcs is the explicit FuncMap of one Templates: the functions that need
// the UI strings or the configuration close over t.
//
//	t lang key            UI string; an unknown key fails the render
//	tn lang key n         key.one or key.other, with {n} replaced by n (Count)
//	count lang n          n, a count, grouped: "1 234" / "1,234" (Count)
//	tr lang key k v ...   UI string with {k} replaced by v, for each pair
//	date lang time        "3 mars 2026" / "3 March 2026"
//	datetime lang time    "3 mars 2026 kl. 13.15" / "3 March 2026, 13:15"
//	clock lang time       "13.15" / "13:15"
//	span lang start end   a lecture's time: "3 mars 2026 kl. 13.15–15.00"
//	isodate time          2026-03-03 (for <time datetime>)
//	isotime time          2026-03-03T13:15:00+01:00
//	dayend time           RFC 3339 start of the day after (data-deadline)
//	org/area/school lang key   a term's name
//	asset name            URL of a file under templates/assets/
//	state entry           i18n key of a closed/past/cancelled mark, or ""
//	status entry          i18n key of the entry's status
//	yesno lang *bool      "Ja"/"Nej" or "" when unset
//	join sep list, base path, kindkey kind
//	cached name data      the partial name rendered with data, reused by
//	                      every page whose data it reads alike (see cached)
func (t *Templates) funcs() template.FuncMap {
	return template.FuncMap{
		"cached":   t.cached,
		"t":        t.lookup,
		"tn":       t.plural,
		"count":    t.Count,
		"tr":       t.replace,
		"date":     t.FormatDate,
		"datetime": t.FormatDateTime,
		"clock":    t.FormatTime,
		"span":     t.FormatSpan,
		"period":   t.period,
		"isodate":  t.isoDate,
		"isotime":  t.isoDateTime,
		"dayend":   t.dayEnd,
		"org": func(lang, key string) string {
			return termName(t.cfg.Organisations.Get(key), lang, key)
		},
		"area": func(lang, key string) string {
			return termName(t.cfg.Areas.Get(key), lang, key)
		},
		"school": func(lang, key string) string {
			return termName(t.cfg.Schools.Get(key), lang, key)
		},
		"asset": func(name string) (string, error) {
			if u, ok := t.assetURL[name]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no asset %q under %s/assets/", name, Dir)
		},
		"state":     t.State,
		"status":    t.statusKey,
		"stateDate": t.stateDate,
		"yesno": func(lang string, b *bool) (string, error) {
			if b == nil {
				return "", nil
			}
			if *b {
				return t.lookup(lang, "yes")
			}
			return t.lookup(lang, "no")
		},
		"attr": attr,
		"list": func(s ...string) []string { return s },
		"join": func(sep string, list []string) string { return strings.Join(list, sep) },
		"base": path.Base,
		"first": func(s string) string {
			// The first line of a text, for short labels.
			s, _, _ = strings.Cut(s, "\n")
			return s
		},
	}
}

// cached renders the partial name with data, a *View or a *Sub, or
// reuses its rendering on another page whose data gives the same values
// to every read the partial makes: {{cached "footer" .}}. The key is
// derived from those reads (tmplexec.Executor.Cached), never written by
// hand. The partial starts in the HTML text context (between elements),
// like any {{template}} there.
func (t *Templates) cached(name string, data any) (template.HTML, error) {
	var v *View
	switch d := data.(type) {
	case *View:
		v = d
	case *Sub:
		v = d.View
	}
	if v == nil || v.S == nil {
		return "", fmt.Errorf("cached %q: the data must be the page's view (.) or a partial's ($.With ...)", name)
	}
	if t.shared.Lookup(name) == nil {
		return "", fmt.Errorf("no partial %q in %s/partials", name, Dir)
	}
	b, err := t.exec.Cached(v.m, t.shared, name, data)
	return template.HTML(b), err
}

// partial renders the template name of the shared layouts and partials.
func (t *Templates) partial(name string, data any) (string, error) {
	tmpl := t.shared.Lookup(name)
	if tmpl == nil {
		return "", fmt.Errorf("no partial %q in %s/partials", name, Dir)
	}
	buf := t.bufs.Get().(*bytes.Buffer)
	defer t.bufs.Put(buf)
	buf.Reset()
	if err := t.exec.Execute(buf, t.shared, tmpl, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func termName(term *config.Term, lang, key string) string {
	if term == nil {
		return key
	}
	return term.Name(lang)
}

// plural picks key.one for 1 and key.other otherwise, and puts n in {n},
// grouped (Count).
func (t *Templates) plural(lang, key string, n int) (string, error) {
	k := key + ".other"
	if n == 1 {
		k = key + ".one"
	}
	s, err := t.lookup(lang, k)
	if err != nil {
		return "", err
	}
	return strings.ReplaceAll(s, "{n}", t.Count(lang, n)), nil
}

// Count writes n, a count of things, as a reader of lang expects it: its
// digits grouped by three from 1000 on with the UI string format.group
// ("1 234" with a no-break space in Swedish, "1,234" in English), a
// negative one led by format.minus. It is the form of the browser's
// Intl.NumberFormat, in which the scripts write the counts they change
// (site.js, search-page.js), so that a count keeps its form when a
// script writes it again. A year, a date, a page number is no count: it
// is written as it is.
func (t *Templates) Count(lang string, n int) string {
	if 0 <= n && n < 1000 {
		return strconv.Itoa(n)
	}
	return diag.Grouped(n, t.T(lang, "format.group"), t.T(lang, "format.minus"))
}

// replace fills {name} placeholders of a UI string from name/value pairs.
func (t *Templates) replace(lang, key string, pairs ...any) (string, error) {
	s, err := t.lookup(lang, key)
	if err != nil {
		return "", err
	}
	if len(pairs)%2 != 0 {
		return "", fmt.Errorf("tr %q: placeholder names and values must come in pairs", key)
	}
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+fmt.Sprint(pairs[i])+"}", fmt.Sprint(pairs[i+1]))
	}
	return s, nil
}

// State names an entry's mark at build time as its kind declares it
// ("closed", "past", "cancelled", "completed", "terminated", "ended"), or
// "". The UI strings are state.<name> (the mark; state.<kind>.<name>
// before it where the kind words it apart, MarkKey) and notice.<name> (the
// record page's notice, dated by the kind's MarkDate). A record whose
// status is its kind's ArchiveStatus has the mark before it is archived
// too (an agreement terminated from a day still to come).
func (t *Templates) State(e *site.Entry) string {
	k := t.cfg.Kinds.Get(e.Kind)
	switch {
	case k == nil:
		return ""
	case k.Marks[e.Status] != "":
		return k.Marks[e.Status]
	case e.Archived, k.ArchiveStatus != "" && e.Status == k.ArchiveStatus:
		return k.Mark
	}
	return ""
}

// stateDate is the date a state's notice names (the kind's MarkDate): the
// deadline of a closed offer, the day a lecture was given, the end of a
// collaboration, ...; zero without a state.
func (t *Templates) stateDate(e *site.Entry) time.Time {
	if t.State(e) == "" {
		return time.Time{}
	}
	return e.Time(t.cfg.Kinds.Get(e.Kind).MarkDate)
}

// statusKey is the UI string of an entry's status field (or of the
// default status of its kind); "expired" for an agreement in force by its
// status whose end date has passed, "pending" for one whose start date
// (validFrom) is still to come.
func (t *Templates) statusKey(e *site.Entry) string {
	return t.statusKeyAt(e, e.Archived)
}

// statusKeyAt is statusKey of e with its time passed or not (closed): a
// record closed by its time (a lecture that has ended) whose status marks
// nothing (scheduled, not cancelled) reads as its mark (held), as its
// notice and its lists say, not as still to come.
func (t *Templates) statusKeyAt(e *site.Entry, closed bool) string {
	st := e.Status
	switch {
	case e.Expired:
		st = "expired"
	case e.Pending:
		st = "pending"
	}
	k := t.cfg.Kinds.Get(e.Kind)
	if key := k.Key("status"); st == "" && key != nil {
		st = key.Default
	}
	if st == "" {
		return ""
	}
	if closed && k.CloseKey != "" && k.Mark != "" && k.Marks[st] == "" {
		st = k.Mark
	}
	return "status." + e.Kind + "." + st
}

// attr writes an attribute whose value the generator made itself (an RFC
// 3339 time, a list of keys), without the entity escaping of "+" that
// html/template applies to attribute values: {{attr "data-end" (isotime .End)}}.
// An empty value writes nothing.
func attr(name, value string) (template.HTMLAttr, error) {
	if value == "" {
		return "", nil
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r == '-' || r >= '0' && r <= '9') {
			return "", fmt.Errorf("attr: bad attribute name %q", name)
		}
	}
	return template.HTMLAttr(name + `="` + html.EscapeString(value) + `"`), nil
}
