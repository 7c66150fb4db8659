package content

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// value decodes and checks the value of key k into its field of r.
func (d *decoder) value(r *Record, k *kinds.Key) {
	switch k.Type {
	case kinds.String, kinds.Text:
		set(r, k.Name, d.text(k))
	case kinds.Date, kinds.DateTime:
		t := d.when(k.Name)
		if k.Day {
			t = d.day(r, k.Name, t)
		}
		set(r, k.Name, t)
	case kinds.Int:
		set(r, k.Name, d.whole(k))
	case kinds.Bool:
		if d.has(k.Name) {
			set(r, k.Name, d.flag(k.Name))
		}
	case kinds.Strings:
		set(r, k.Name, d.list(k))
	case kinds.Signatories:
		r.Signatories = d.signatories()
	}
}

// day is t, the value of key k, a key that holds a day (kinds.Key.Day):
// when it was written with a time, the start of the day that time is on
// in the site's time zone, and r.Timed notes the value as written, for
// check to say that the time is not used.
func (d *decoder) day(r *Record, k string, t time.Time) time.Time {
	raw, _ := d.raw[k].(time.Time)
	if t.IsZero() || raw.Location().String() == "date-local" {
		return t
	}
	written := raw.Format("2006-01-02T15:04Z07:00")
	if raw.Location().String() == "datetime-local" {
		written = raw.Format("2006-01-02T15:04")
	}
	if r.Timed == nil {
		r.Timed = map[string]string{}
	}
	r.Timed[k] = written
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// text is a string: a link, one of an enumeration, an organisation, or
// text that matches the key's pattern.
func (d *decoder) text(k *kinds.Key) string {
	switch {
	case k.Link != kinds.NoLink:
		return d.link(k.Name, k.Link == kinds.Mailto)
	case k.Default != "" && !d.has(k.Name):
		return k.Default
	case len(k.Enum) > 0:
		return d.oneOf(k)
	}
	s := d.str(k.Name)
	if s != "" && k.Vocab != "" {
		d.vocab(k.Name, k.Vocab, s)
	}
	if s != "" && k.Pattern != nil && !k.Pattern.MatchString(s) {
		d.valErr(k.Name, diag.EnumOneOf, k.Name, k.Want, s)
	}
	return s
}

// whole is a whole number within the key's bounds.
func (d *decoder) whole(k *kinds.Key) int {
	n := d.num(k.Name)
	switch {
	case !d.has(k.Name):
	case k.NotNeg && n < 0:
		d.valErr(k.Name, diag.NotNegative, k.Name)
	case len(k.Ints) > 0 && !slices.Contains(k.Ints, n), k.Max > k.Min && (n < k.Min || n > k.Max):
		d.valErr(k.Name, diag.IntMust, k.Name, want(k), n)
	}
	return n
}

// want is what a whole number must be, in words: the key's Want, else
// its range or its list of numbers.
func want(k *kinds.Key) any {
	if k.Want.ID != "" || len(k.Ints) == 0 && k.Max <= k.Min {
		return k.Want
	}
	if len(k.Ints) == 0 {
		return diag.M(diag.WantFromTo, k.Min, k.Max)
	}
	q := make([]string, len(k.Ints))
	for i, n := range k.Ints {
		q[i] = strconv.Itoa(n)
	}
	return orList(q, diag.ListOr)
}

// list is an array of strings: enough of them, each a term of the key's
// vocabulary or one of its enumeration.
func (d *decoder) list(k *kinds.Key) []string {
	values := d.strs(k.Name)
	if len(values) < k.MinItems && d.has(k.Name) {
		d.valErr(k.Name, diag.ListNeeds, k.Name, k.Need)
	}
	if k.Vocab != "" {
		d.vocab(k.Name, k.Vocab, values...)
	}
	for _, v := range values {
		if len(k.Enum) > 0 && !slices.Contains(k.Enum, v) {
			line, col := d.pos.Find(v, k.Name)
			d.errAt(line, col, diag.ListMust, k.Name, quoteList(k.Enum, diag.ListAndOr), v)
		}
	}
	return values
}

// relation checks the key k against another: a moment after another, a
// date not before another, a date set exactly when a key has a value.
func (d *decoder) relation(r *Record, k *kinds.Key) {
	switch {
	case k.After != "":
		if d.has(k.After) && d.has(k.Name) && !r.Time(k.Name).After(r.Time(k.After)) {
			d.valErr(k.Name, diag.MustAfter, k.Name, d.moment(r.Time(k.Name)), k.After, d.moment(r.Time(k.After)))
		}
	case k.NotAfter != "":
		from, to := r.Time(k.NotAfter), r.Time(k.Name)
		if !from.IsZero() && !to.IsZero() && to.Before(from) {
			d.valErr(k.Name, diag.MustNotBefore, k.Name, d.moment(to), k.NotAfter, d.moment(from))
		}
	case k.When != nil:
		is := r.String(k.When.Key) == k.When.Is
		switch {
		case is && !d.has(k.Name):
			d.valErr(k.When.Key, k.When.Missing.ID, k.When.Missing.Args...)
		case !is && d.has(k.Name):
			d.errKey([]string{k.Name}, k.When.Unexpected.ID, k.When.Unexpected.Args...)
		}
	}
}

// moment is t as a message quotes it: a date, or a date and time in the
// site's time zone when it has one.
func (d *decoder) moment(t time.Time) string {
	if d.cfg != nil && d.cfg.TimeZone != nil {
		t = t.In(d.cfg.TimeZone)
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02T15:04")
}

// vocabNoun is a term of the vocabulary name, in messages.
func vocabNoun(name string) diag.ID {
	switch name {
	case "areas":
		return diag.WordArea
	case "schools":
		return diag.WordSchool
	}
	return diag.WordOrganisation
}

// maxListedTerms is the most terms a vocabulary may have for a value not
// in it, and like none of them, to be answered with the list of them
// (an editor then need not open config.toml to find the nine areas);
// a longer one is answered "check the spelling".
const maxListedTerms = 12

// suggestTerm returns the key of the term of v that s was probably meant
// to be, or "": a key or a name of the term written with capitals,
// spaces, underscores or å, ä, ö ("Energi och klimat", "Trafikkontoret",
// "Transport Administration"), a key with a letter or two wrong, or the
// first words of one term's key or name and of no other term's ("energi"
// or "energy" for energi-och-klimat, named Energy and climate).
func suggestTerm(v *config.Vocab, s string) string {
	want := termForm(s)
	best, dist := "", 3
	for _, t := range v.Terms {
		forms := append([]string{t.Key}, slices.Collect(maps.Values(t.Names))...)
		if slices.ContainsFunc(forms, func(f string) bool { return termForm(f) == want }) {
			return t.Key
		}
		if n := diag.EditDistance(want, t.Key); n < dist && n < len(t.Key)/2 {
			best, dist = t.Key, n
		}
	}
	if best == "" && want != "" {
		// The first words of one key, or of its name in a language:
		// "energi" or "energy" for energi-och-klimat (Energy and climate).
		for _, t := range v.Terms {
			names := slices.Collect(maps.Values(t.Names))
			if strings.HasPrefix(t.Key, want+"-") || slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(termForm(n), want+"-") }) {
				if best != "" {
					return "" // of more than one
				}
				best = t.Key
			}
		}
	}
	return best
}

// unknownTerm reports s, at line and col, as no term of the vocabulary
// table: with the key meant, if one is near, else with the keys there
// are, if they are few.
func (d *decoder) unknownTerm(line, col int, table, s string) {
	v, what := d.cfg.Vocab(table), vocabNoun(table)
	switch key := suggestTerm(v, s); {
	case key != "":
		d.errAt(line, col, diag.VocabUnknownMean, diag.M(what), s, table, key)
	case len(v.Terms) == 0: // a site without the table: none to list
		d.errAt(line, col, diag.VocabNoTerms, diag.M(what), s, table)
	case len(v.Terms) <= maxListedTerms:
		d.errAt(line, col, diag.VocabUnknownList, diag.M(what), s, table, strings.Join(v.Keys(), ", "))
	default:
		d.errAt(line, col, diag.VocabUnknown, diag.M(what), s, table)
	}
}

// termForm is s as a key is written: lower case, å and ä as a, ö as o,
// é as e, and each run of spaces, underscores and hyphens as one hyphen.
func termForm(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case ' ', '_', '-', '\t':
			gap = true
			continue
		case 'å', 'ä':
			r = 'a'
		case 'ö':
			r = 'o'
		case 'é':
			r = 'e'
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}
