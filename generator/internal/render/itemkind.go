package render

import (
	"html/template"

	"portal/generator/internal/site"
)

// A list whose items may be of several kinds (the home page's offers:
// degree projects and internships side by side) says each item's kind,
// since only its facts would tell it otherwise. The item is the same in
// every list that shows it (ItemParts), and a list of one kind (a kind's
// list, its archive, a kind's group on a term page) does not say it, so
// the kind is a part of its own: the partial item-kind, rendered once
// per kind, language and the language of the item, and written where
// the partial item writes its body, before it (after the title in the
// shipped item).

// KindLabel is what the partial item-kind shows: an item's kind in the
// list's language.
type KindLabel struct {
	Kind    string
	Text    string // the kind in the singular, kindone.<kind>: "Examensarbete"
	Lang    string // the list's language
	Foreign bool   // the item is in another language: its <li> has that lang
}

// MixedList makes the argument of the "items" partial for a list whose
// items may be of several kinds, each of which then says its kind:
// {{template "items" (.MixedList .Items 3)}}.
func (v *View) MixedList(items []site.Item, h int) *Sub {
	return v.With(ItemsArg{Items: items, H: h, Kinds: true})
}

// ItemParts is View.ItemParts in the partial items, whose data is its
// list (List, MixedList): the items of a MixedList say their kind.
func (s *Sub) ItemParts(items []site.Item, h int) ([]template.HTML, error) {
	return s.View.itemParts(items, h, s.kinds())
}

// Items is View.Items in the partial items, with the kinds of a
// MixedList as ItemParts.
func (s *Sub) Items(items []site.Item, h int) (template.HTML, error) {
	return s.View.joinedItems(items, h, s.kinds())
}

// kinds tells whether the items of s's list say their kind.
func (s *Sub) kinds() bool {
	a, ok := s.X.(ItemsArg)
	return ok && a.Kinds
}

// kindPart is the partial item-kind for it in a list of v.Lang, kept in
// the Memo under its kind, language and the item's language. A site's
// own partials without item-kind (written before it) say no kind.
func (v *View) kindPart(iv *View, it site.Item) (template.HTML, error) {
	if v.t.shared.Lookup("item-kind") == nil {
		return "", nil
	}
	l := KindLabel{Kind: it.Entry.Kind, Lang: v.Lang, Foreign: it.Foreign}
	key := memoKey{key: "item-kind " + l.Kind, lang: v.Lang}
	if l.Foreign {
		key.key += " " + it.V.Lang
	}
	b, err := v.m.get(key, func() (string, error) {
		text, err := v.t.lookup(v.Lang, "kindone."+l.Kind)
		if err != nil {
			return "", err
		}
		l.Text = text
		return v.t.partial("item-kind", &Sub{View: iv, X: l})
	})
	return template.HTML(b), err
}
