package render

import (
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/content"
	"portal/generator/internal/kinds"
	"portal/generator/internal/site"
)

// facts resolves the declared facts of one entry for pages of one
// language (see kinds.Fact): the text of a fact, as list items show it,
// and the row of a record page's facts.
type facts struct {
	t    *Templates
	s    *site.Site // nil for list items and search data
	e    *site.Entry
	lang string
	tr   func(string) string
	n    func(string, int) string
}

// text is a fact's value as text, with its machine-readable date or
// moment (iso) when it is one; ok is false when the fact is left out.
func (c *facts) text(f *kinds.Fact) (text, iso string, ok bool) {
	t, e, lang := c.t, c.e, c.lang
	switch f.As {
	case kinds.AsText:
		text = e.String(f.Key)
	case kinds.AsNumber:
		if n := e.Int(f.Key); n != 0 {
			text = strconv.Itoa(n)
		}
	case kinds.AsDate:
		d := e.Time(f.Key)
		text, iso = t.FormatDate(lang, d), t.isoDate(d)
	case kinds.AsOpen:
		d := e.Time(f.Key)
		if f.And != nil {
			if end := e.Time(f.And.Key); !end.IsZero() && (d.IsZero() || end.Before(d)) {
				d = end
			}
		}
		if d.IsZero() {
			text = c.tr(f.Arg)
		} else {
			text, iso = t.FormatDate(lang, d), t.isoDate(d)
		}
	case kinds.AsNoticeDay:
		// Not of an agreement terminated already (Ending: notice was
		// given, it ends on its terminated day), whose validUntil, and
		// so the day computed from it, may be long after that end; nor
		// of one without a notice period, whose day is its end date,
		// shown as such (validUntil): "last day to give notice" would
		// say that notice could, or must, be given that day.
		if d := e.NoticeDay(); !e.Archived && !e.Ending && !e.EndsWithoutNotice() {
			text, iso = t.FormatDate(lang, d), t.isoDate(d)
			if e.NoticePassed {
				text += " " + c.tr("noticeDay.passed")
			}
		}
	case kinds.AsStarts:
		if e.Pending {
			d := e.Time(f.Key)
			text, iso = t.FormatDate(lang, d), t.isoDate(d)
		}
	case kinds.AsSpan:
		if start := e.Time(f.Key); !start.IsZero() {
			text, iso = t.FormatSpan(lang, start, e.Time(f.And.Key)), t.isoDateTime(start)
		}
	case kinds.AsPeriod:
		if start := e.Time(f.Key); !start.IsZero() {
			text = t.period(lang, start, e.Time(f.And.Key))
		}
	case kinds.AsTerm, kinds.AsTerms:
		names := make([]string, 0, 1)
		for _, v := range c.values(f.Key) {
			names = append(names, c.tr(f.Arg+v))
		}
		text = strings.Join(names, ", ")
	case kinds.AsCount:
		if n := e.Int(f.Key); n != 0 {
			text = c.n(f.Arg, n)
		}
	case kinds.AsYesNo:
		if b := e.Flag(f.Key); b != nil {
			text = c.tr(map[bool]string{true: "yes", false: "no"}[*b])
		}
	case kinds.AsStatus:
		if key := t.statusKey(e); key != "" {
			text = c.tr(key)
		}
	case kinds.AsOrgs:
		names := make([]string, 0, 1)
		for _, k := range c.values(f.Key) {
			names = append(names, termName(t.cfg.Organisations.Get(k), lang, k))
		}
		text = strings.Join(names, ", ")
	}
	if text != "" && f.And != nil && f.And.As != "" {
		more, _, _ := c.text(f.And)
		text += f.Sep + more
	}
	return text, iso, text != ""
}

// textLang is the language of a fact's value when it is the record's own
// text (a place, a speaker, a position: the keys of its primary file,
// which a translation does not override) and the page's language is
// another one; "" otherwise. The value is then marked with it (WCAG
// 3.1.2, language of parts), so that a screen reader reads it right.
func (c *facts) textLang(f *kinds.Fact) string {
	if f.As == kinds.AsText {
		return c.ownLang()
	}
	return ""
}

// ownLang is the language of the record's own text when it is not the
// page's, else "".
func (c *facts) ownLang() string {
	if l := c.e.Own().Lang; l != c.lang {
		return l
	}
	return ""
}

// values are the strings of key: the values of an array, or the one
// value of a string.
func (c *facts) values(key string) []string {
	if vs := c.e.Strings(key); vs != nil {
		return vs
	}
	if v := c.e.String(key); v != "" {
		return []string{v}
	}
	return nil
}

// label is the i18n key of a fact's label: its Past when the record's
// time is over (archived, or an agreement expired) and the page's table
// has that key, its One when the fact has one value and the table has
// that key, else its Label.
func (c *facts) label(f *kinds.Fact) string {
	if f.Past != "" && (c.e.Archived || c.e.Expired) && c.t.strings[c.lang][f.Past] != "" {
		return f.Past
	}
	if f.One != "" && len(c.values(f.Key)) == 1 && c.t.strings[c.lang][f.One] != "" {
		return f.One
	}
	return f.Label
}

// list calls add with each fact of the entry's list item, in order, and
// the language of its text when it is not the page's (textLang).
func (c *facts) list(add func(label, text, iso, lang string)) {
	k := c.t.cfg.Kinds.Get(c.e.Kind)
	for i := range k.ListFacts {
		if text, iso, ok := c.text(&k.ListFacts[i]); ok {
			add(c.label(&k.ListFacts[i]), text, iso, c.textLang(&k.ListFacts[i]))
		}
	}
}

// record returns the row of a record page's facts that f declares.
func (c *facts) record(f *kinds.Fact) (RecordFact, bool) {
	e, s, lang := c.e, c.s, c.lang
	r := RecordFact{Label: c.tr(c.label(f))}
	link := func(l FactLink) (RecordFact, bool) { r.Links = append(r.Links, l); return r, true }
	switch f.As {
	case kinds.AsOrgs, kinds.AsSchools:
		vocab, index := &c.t.cfg.Organisations, "organisations"
		if f.As == kinds.AsSchools {
			vocab, index = &c.t.cfg.Schools, "schools"
		}
		for _, k := range c.values(f.Key) {
			r.Links = append(r.Links, FactLink{URL: s.TermURL(index, k, lang), Text: termName(vocab.Get(k), lang, k)})
		}
		return r, len(r.Links) > 0
	case kinds.AsApply:
		// Not for a closed offer, a past or cancelled lecture.
		if u := e.String(f.Key); u != "" && c.t.State(e) == "" {
			r.Apply = true
			return link(FactLink{Class: "ext", URL: u, Text: c.tr(f.Arg)})
		}
		return r, false
	case kinds.AsSigners:
		r.List = "plain"
		for _, sg := range e.Signatories {
			before := sg.Name
			if sg.Title != "" {
				before += ", " + sg.Title
			}
			r.Links = append(r.Links, FactLink{Before: before + ", ", Lang: c.ownLang(), URL: s.TermURL("organisations", sg.Org, lang),
				Text: termName(c.t.cfg.Organisations.Get(sg.Org), lang, sg.Org)})
		}
		return r, len(r.Links) > 0
	case kinds.AsDocument, kinds.AsFile:
		return c.attachment(f, r)
	case kinds.AsCalendar:
		if c.t.State(e) == "" && e.In(lang) != nil {
			r.Apply = true // not for a lecture that has ended: site.js hides it then
			return link(FactLink{Class: "ics", URL: s.EventURL(e, lang), Type: "text/calendar", Text: c.tr(f.Arg), Format: "iCalendar"})
		}
		return r, false
	case kinds.AsNoticeCalendar:
		if s.HasNoticeFile(e, lang) {
			key := f.Arg
			if e.EndsWithoutNotice() {
				key = "due.endadd" // its event is its end date (pipeline.noticeEvent)
			}
			return link(FactLink{Class: "ics", URL: s.EventURL(e, lang), Type: "text/calendar", Text: c.tr(key), Format: "iCalendar"})
		}
		return r, false
	}
	text, iso, ok := c.text(f)
	r.Text, r.Lang = text, c.textLang(f)
	if before, u, after, isLink := webLink(text); f.As == kinds.AsText && isLink {
		// A place that is, or ends with, the link to an online meeting.
		return link(FactLink{Before: before, URL: u, Text: u, Rest: after}) // its text is its address: no class ext, which prints it again
	}
	r.Time, _ = attr("datetime", iso)
	r.Strong = f.Strong[e.String(f.Key)]
	if f.As == kinds.AsStatus {
		r.Later = c.laterStatus()
		if dated := c.datedStatus(); dated != "" {
			r.Text = dated
		}
	}
	return r, ok
}

// datedStatus is the status on the page of a record that its kind keeps
// in force until its mark's day (ArchiveAfterMark: a terminated
// agreement), with that day and what it is: "Uppsagt, upphör 31 mars
// 2027" while it is to come, "Uppsagt, upphörde 30 juni 2026" once it has
// passed (ends.<kind>.ending, ends.<kind>.ended); "" for any other. A
// bare "Uppsagt" beside a date reads as the day notice was given. List
// items keep the bare status: their "valid until" says the day.
func (c *facts) datedStatus() string {
	k := c.t.cfg.Kinds.Get(c.e.Kind)
	if !k.ArchiveAfterMark || c.t.State(c.e) != k.Mark {
		return ""
	}
	key := "ends." + c.e.Kind + ".ended"
	if c.e.Ending {
		key = "ends." + c.e.Kind + ".ending"
	}
	return strings.ReplaceAll(c.tr(key), "{date}", c.t.FormatDate(c.lang, c.t.markDay(c.e)))
}

// laterStatus is the status the next build gives a record that closes by
// its time (a lecture, at its end) once it has, when that differs from
// its status now (scheduled becomes held: statusKeyAt), or "". Only for
// a kind whose pages carry that time for the scripts (CloseAttr): a
// collaboration, which ends by its period without them, has none.
func (c *facts) laterStatus() string {
	if k := c.t.cfg.Kinds.Get(c.e.Kind); c.e.Archived || k == nil || k.CloseAttr == "" {
		return ""
	}
	later := c.t.statusKeyAt(c.e, true)
	if later == "" || later == c.t.statusKey(c.e) {
		return ""
	}
	return c.tr(later)
}

// attachment is the link to the attached file (with its type for a
// document), or the note of a confidential one.
func (c *facts) attachment(f *kinds.Fact, r RecordFact) (RecordFact, bool) {
	e, s := c.e, c.s
	if f.As == kinds.AsDocument && e.Confidential {
		r.Text = c.tr(f.Arg)
		return r, true
	}
	u := s.AttachmentURL(e, c.lang)
	if u == "" {
		return r, false
	}
	l := FactLink{Class: "file", URL: u, Print: s.Abs(u), Text: path.Base(e.Attachment)}
	ft, _ := content.AttachmentType(e.Attachment)
	l.Type, l.Format = ft.Media, ft.Format
	if size := fileSize(e.AttachmentSize, c.tr("format.decimal")); size != "" {
		l.Format += ", " + size
	}
	r.Links = append(r.Links, l)
	return r, true
}

// fileSize is a file's size for a reader, in whole kB (at least 1) below
// a megabyte, else in MB with one decimal written with the
// decimal sign of the page's language; empty when the size is unknown.
// The units are SI (1 kB = 1000 bytes), as in the Swedish and English
// style guides.
func fileSize(n int64, decimal string) string {
	switch {
	case n <= 0:
		return ""
	case n < 999_500:
		return strconv.FormatInt(max(1, (n+500)/1000), 10) + "\u00a0kB"
	}
	mb := strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
	return strings.Replace(strings.TrimSuffix(mb, ".0"), ".", decimal, 1) + "\u00a0MB"
}

// webLink splits a text that is, or ends with, an http(s) address (a
// lecture's place that is the link to its online meeting, "Zoom:
// https://…") into the text before it, the address and the text after
// it: an opening bracket before the address goes with the text before,
// and the punctuation that ends the sentence or closes the bracket
// ("(https://x.se/j/1).") with the text after, as GitHub's autolinks
// leave them out (a closing bracket that the address opens stays).
func webLink(s string) (before, u, after string, ok bool) {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:]) // a space of more than a byte (no-break)
		i += n
	} else {
		i = 0
	}
	if i < len(s) && strings.ContainsRune("(<[", rune(s[i])) {
		i++
	}
	u = s[i:]
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return "", "", "", false
	}
	end := len(u)
	for end > 0 {
		c := u[end-1]
		if strings.IndexByte(".,;:!?'\"", c) < 0 && !unclosed(u[:end], c) {
			break
		}
		end--
	}
	u, after = u[:end], u[end:]
	if p, err := url.Parse(u); err != nil || p.Host == "" {
		return "", "", "", false
	}
	return s[:i], u, after, true
}

// unclosed reports whether c, the last byte of u, is a closing bracket
// that u has more of than of its opening one.
func unclosed(u string, c byte) bool {
	open, ok := map[byte]byte{')': '(', ']': '[', '>': '<'}[c]
	return ok && strings.Count(u, string(c)) > strings.Count(u, string(open))
}
