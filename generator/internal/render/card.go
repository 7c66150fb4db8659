package render

import (
	"html/template"
	"strings"

	"portal/generator/internal/site"
)

// Card is a record as a list item shows it to readers of one language:
// every value resolved to the text the "item" partial writes (UI strings
// looked up, dates formatted, keys joined), so that the partial only
// places them. html/template spends most of its time per action on
// reflection, so an item made of plain fields costs a fraction of one
// that calls functions and walks the record's embedded structs.
type Card struct {
	Kind        string
	H           int    // heading level: 2 on kind lists and archives, 3 elsewhere
	URL         string // the record's page for readers of Lang
	Title       string
	Foreign     bool   // shown in another language than the list's
	VLang       string // the language of the text shown
	Lang        string // the list's language
	State       string // "closed", "past", "cancelled", ...: the mark, or ""
	StateText   string // the mark's label
	ForeignText string // the foreign-language mark's label
	Excerpt     string
	Facts       []CardFact

	// Body is the rest of the item below its title, rendered by the
	// partial item-body; the partial item writes it (View.ItemParts).
	Body template.HTML

	// Data are the data-* attributes the scripts read: data-deadline
	// (offers) or data-end (lectures), data-mark-label (the mark it gets
	// once closed, when its kind words it apart), then data-areas, data-host,
	// data-level, data-schools and data-language, those that apply.
	Data template.HTMLAttr
}

// CardFact is one labelled value of a card's <dl class="meta">.
type CardFact struct {
	Label string
	Text  string
	Time  template.HTMLAttr // datetime="…" when the value is a date or a moment
	Lang  string            // of Text, when it is not the list's
}

// card resolves the card of the item it in a list of lang.
func (t *Templates) card(s *site.Site, lang string, it site.Item, h int) (*Card, error) {
	e := it.Entry
	c := &Card{
		Kind: e.Kind, H: h, URL: it.URL, Title: it.V.Title, Foreign: it.Foreign, VLang: it.V.Lang,
		Lang: lang, State: t.State(e), Excerpt: s.Body(it.V).Excerpt,
	}
	var data []string
	dataAttr := func(name, value string) {
		if a, _ := attr(name, value); a != "" {
			data = append(data, string(a))
		}
	}
	var fe firstError
	tr := func(key string) string { return fe.text(t.lookup(lang, key)) }
	n := func(key string, num int) string { return fe.text(t.plural(lang, key, num)) }
	if c.State != "" {
		c.StateText = tr(t.MarkKey(lang, e.Kind, c.State))
	}
	if c.Foreign {
		c.ForeignText = tr("foreign." + c.VLang)
	}
	k := t.cfg.Kinds.Get(e.Kind)
	dataAttr(k.CloseAttr, t.Closes(e))
	// The mark the scripts give the item once it closes, when its kind
	// words it apart from the list's data-closed-label (ett exjobb is
	// "Stängt", a list of many kinds says "Stängd").
	if key, apart := t.KindMark(lang, e.Kind, k.Mark); apart && c.State == "" && k.CloseAttr != "" {
		dataAttr("data-mark-label", tr(key))
	}
	(&facts{t: t, e: e, lang: lang, tr: tr, n: n}).list(func(label, text, iso, textLang string) {
		f := CardFact{Label: tr(label), Text: text, Lang: textLang}
		f.Time, _ = attr("datetime", iso)
		c.Facts = append(c.Facts, f)
	})
	dataAttr("data-areas", strings.Join(e.Areas, " "))
	dataAttr("data-host", e.Host)
	dataAttr("data-level", e.Level)
	dataAttr("data-schools", strings.Join(e.Schools, " "))
	dataAttr("data-language", strings.Join(e.Language, " "))
	c.Data = template.HTMLAttr(strings.Join(data, " "))
	return c, fe.err
}
