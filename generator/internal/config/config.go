// Package config loads and validates config.toml: the site's settings and its
// controlled vocabularies (areas, organisations, schools), the URL segment
// of each kind per language, the kinds whose records are expected in every
// language ([translations]) and the Content-Security-Policy of the pages.
// The Config it returns also carries the registry of kinds of the build
// (Kinds; LoadWith takes another than kinds.Default), which the section
// segments and translations are checked against.
//
// Every problem is reported as a positioned error ("config.toml:12:3: ...");
// keys the contract does not know are errors, since they are nearly always
// typos. Vocabularies keep the order they have in the file, which is the
// order editors expect to see them in on the site.
package config

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// FileName is the config file's name at the site root.
const FileName = "config.toml"

// OrgTypes are the organisation types the contract allows.
var OrgTypes = []string{"kth", "city", "city-administration", "city-company", "other"}

var (
	slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	langRE = regexp.MustCompile(`^[a-z]{2}$`)
)

// ValidSlug reports whether s is a valid slug or vocabulary key.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Term is one entry of a vocabulary.
type Term struct {
	Key   string
	Names map[string]string // language → name
	Type  string            // organisations only
}

// OfTheCity reports whether the organisation t is the city's: the city
// itself, one of its administrations or one of its companies. A nil t is
// not.
func (t *Term) OfTheCity() bool {
	return t != nil && (t.Type == "city" || t.Type == "city-administration" || t.Type == "city-company")
}

// Name returns the term's name in lang, or the key if none is given.
func (t *Term) Name(lang string) string { return cmp.Or(t.Names[lang], t.Key) }

// Vocab is an ordered vocabulary with lookup by key.
type Vocab struct {
	Terms []*Term
	byKey map[string]*Term
}

// Get returns the term for key, or nil.
func (v *Vocab) Get(key string) *Term { return v.byKey[key] }

// Keys returns the keys of the terms, in order.
func (v *Vocab) Keys() []string {
	keys := make([]string, len(v.Terms))
	for i, t := range v.Terms {
		keys[i] = t.Key
	}
	return keys
}

// Config is the validated site configuration.
type Config struct {
	Title           map[string]string
	BaseURL         string // always ends in "/"
	DefaultLanguage string
	Languages       []string // default language first
	TimeZone        *time.Location
	PageSize        int
	Sections        map[string]map[string]string // kind → language → segment
	Areas           Vocab
	Organisations   Vocab
	Schools         Vocab
	// Translations are the kinds (and "pages") whose records are expected
	// in every language: a missing translation is then a warning.
	Translations map[string]bool
	CSP          Policy // the [csp] table, or DefaultPolicy
	// Kinds is the registry of the site's kinds of record (package
	// kinds): every stage reads a kind's declaration from it.
	Kinds *kinds.Registry
}

// translationKinds are the folders [translations] expected may name: the
// kinds and "pages".
func (c *Config) translationKinds() []string { return append(c.Kinds.Names(), "pages") }

// Vocab returns the vocabulary of the table name: "areas", "schools", or
// else "organisations".
func (c *Config) Vocab(name string) *Vocab {
	switch name {
	case "areas":
		return &c.Areas
	case "schools":
		return &c.Schools
	}
	return &c.Organisations
}

// Section returns the URL segment of kind in lang.
func (c *Config) Section(kind, lang string) string { return c.Sections[kind][lang] }

// Load reads and validates config.toml from fsys, for the portal's kinds
// (kinds.Default).
func Load(fsys fs.FS) (*Config, error) { return LoadWith(fsys, kinds.Default()) }

// LoadWith reads and validates config.toml from fsys for the kinds of reg.
func LoadWith(fsys fs.FS, reg *kinds.Registry) (*Config, error) {
	src, err := readFile(fsys)
	if err != nil {
		return nil, err
	}
	return ParseWith(src, reg)
}

// maxFileSize is the largest config.toml read, as for a record.
const maxFileSize = 1 << 20

// readFile reads config.toml, which must be a file of the site: not a
// symbolic link, which could lead anywhere (/proc/self/environ, a
// credentials file) and have its lines quoted in the messages that CI
// prints for a pull request, and not a pipe or a device (/dev/zero),
// which would never end.
func readFile(fsys fs.FS) ([]byte, error) {
	fail := func(id diag.ID, args ...any) ([]byte, error) {
		return nil, diag.List{diag.At(FileName, 1, 1, id, args...)}
	}
	info, err := fs.Lstat(fsys, FileName)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// portal run in another folder than the site's, or a -root
		// that is not there.
		return fail(diag.ConfigMissing)
	case err != nil:
		return fail(diag.CannotRead, diag.Cause(err))
	case info.Mode()&fs.ModeSymlink != 0:
		return fail(diag.ConfigLink)
	case !info.Mode().IsRegular():
		return fail(diag.NotRegular)
	}
	f, err := fsys.Open(FileName)
	if err != nil {
		return fail(diag.CannotRead, diag.Cause(err))
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	switch {
	case err != nil:
		return fail(diag.CannotRead, diag.Cause(err))
	case len(src) > maxFileSize:
		return fail(diag.FileTooLarge)
	}
	return src, nil
}

// ParseWith validates the bytes of a config file for the kinds of reg.
func ParseWith(src []byte, reg *kinds.Registry) (*Config, error) {
	if diag.IsUTF16(src) {
		return nil, diag.List{diag.At(FileName, 1, 1, diag.FileUTF16)}
	}
	src = diag.TrimBOM(src)
	if e, ok := diag.CheckLimits(FileName, src, 0); !ok {
		return nil, diag.List{e}
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil, diag.List{typedSyntax(diag.TOMLError(FileName, src, 0, err))}
	}
	diag.UnixNewlines(raw)
	p := &parser{pos: diag.NewPositions(src, 0), cfg: &Config{PageSize: 20, CSP: DefaultPolicy(), Kinds: reg}}
	p.load(raw)
	if len(p.errs) > 0 {
		p.errs.Sort()
		return nil, p.errs
	}
	return p.cfg, nil
}

type parser struct {
	pos      *diag.Positions
	cfg      *Config
	errs     diag.List
	badLangs bool // languages has errors: names in other languages are not checked
}

// errKey reports a problem of the key at key itself (unknown, misspelt,
// missing a part): at the key, or at the header of its table.
func (p *parser) errKey(key []string, id diag.ID, args ...any) {
	line, col := p.pos.Key(key...)
	p.errs = append(p.errs, diag.At(FileName, line, col, id, args...))
}

// errVal reports a problem of the value of the key at key: at the value,
// as a record's problems are (at the key when it is a [table] header), so
// that the column points at what the editor has to change.
func (p *parser) errVal(key []string, id diag.ID, args ...any) {
	line, col := p.pos.Value(key...)
	p.errs = append(p.errs, diag.At(FileName, line, col, id, args...))
}

// errMissing reports a name or segment that key, a table's key of a
// language, does not give (names, the table's texts, lacks it or has it
// empty): at its value when the key is written empty (sv = ""), else at
// the table that lacks it; not at all when the key is written but is no
// text, which names reported ("must be text").
func (p *parser) errMissing(names map[string]string, key []string, id diag.ID, args ...any) {
	_, text := names[key[len(key)-1]]
	switch {
	case text:
		p.errVal(key, id, args...)
	case !p.pos.Has(key...):
		p.errKey(key[:len(key)-1], id, args...)
	}
}

// errNth is errVal at the n-th element of the array at key.
func (p *parser) errNth(n int, key []string, id diag.ID, args ...any) {
	line, col := p.pos.Nth(n, key...)
	p.errs = append(p.errs, diag.At(FileName, line, col, id, args...))
}

// hidden reports each string under key that holds a hidden character
// (diag.IndexHidden): a name with a bidirectional override would read
// otherwise than it is written on every page that shows it.
func (p *parser) hidden(key []string, v any) {
	switch v := v.(type) {
	case string:
		if i := diag.IndexHidden(v); i >= 0 {
			r, _ := utf8.DecodeRuneInString(v[i:])
			line, col := p.pos.Find(v, key...) // at the string, as in a record
			p.errs = append(p.errs, diag.At(FileName, line, col, diag.HiddenValue, strings.Join(key, "."), r))
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			p.hidden(append(slices.Clip(key), k), v[k])
		}
	case []any:
		for _, e := range v {
			p.hidden(key, e)
		}
	}
}

// topKeys are the keys of config.toml's top level, for "did you mean".
func topKeys() []string {
	return []string{"title", "baseURL", "defaultLanguage", "languages", "timeZone", "pageSize",
		"sections", "areas", "organisations", "schools", "translations", "csp"}
}

func (p *parser) load(raw map[string]any) {
	p.hidden(nil, raw)
	c := p.cfg
	seen, meant := map[string]bool{}, map[string]bool{}
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v := raw[k]
		seen[k] = true
		switch k {
		case "title":
			c.Title = p.names([]string{k}, v)
		case "baseURL":
			s, _ := v.(string)
			u, msg := checkBaseURL(s)
			if msg.ID != "" {
				p.errVal([]string{k}, msg.ID, msg.Args...)
				continue
			}
			c.BaseURL = u
		case "defaultLanguage":
			s, ok := v.(string)
			if !ok || !langRE.MatchString(s) {
				p.errVal([]string{k}, diag.DefaultLangCode)
				continue
			}
			c.DefaultLanguage = s
		case "languages":
			arr, _ := v.([]any)
			for i, l := range arr {
				s, ok := l.(string)
				switch {
				case !ok || !langRE.MatchString(s):
					p.badLangs = true
					p.errNth(i, []string{k}, diag.LangCodes)
				case slices.Contains(c.Languages, s):
					p.errNth(i, []string{k}, diag.LangTwice, s)
				default:
					c.Languages = append(c.Languages, s)
				}
			}
			if len(arr) == 0 {
				p.errVal([]string{k}, diag.LangNone)
			}
		case "timeZone":
			s, _ := v.(string)
			if s == "Local" {
				// The zone of the computer that builds: the same sources
				// would give other dates on another computer.
				p.errVal([]string{k}, diag.ZoneLocal)
				continue
			}
			loc, err := time.LoadLocation(s)
			if err != nil || s == "" {
				p.errVal([]string{k}, diag.ZoneUnknown, s)
				continue
			}
			c.TimeZone = loc
		case "pageSize":
			n, ok := v.(int64)
			if !ok || n < 1 || n > 1000 {
				p.errVal([]string{k}, diag.PageSize)
				continue
			}
			c.PageSize = int(n)
		case "sections":
			p.sections(v)
		case "areas":
			p.vocab(k, v, &c.Areas, false)
		case "organisations":
			p.vocab(k, v, &c.Organisations, true)
		case "schools":
			p.vocab(k, v, &c.Schools, false)
		case "translations":
			p.translations(v)
		case "csp":
			p.csp(v)
		default:
			if best := diag.Nearest(k, topKeys()); best != "" {
				p.errKey([]string{k}, diag.KeyUnknownMean, k, best)
				meant[best] = true // one problem, at the misspelling
			} else {
				p.errKey([]string{k}, diag.KeyUnknown, k)
			}
		}
	}
	for _, req := range []string{"title", "baseURL", "defaultLanguage", "languages", "timeZone", "sections", "areas", "organisations"} {
		if seen[req] || meant[req] {
			continue
		}
		id := diag.KeyMissing // a line "key = value"
		if req == "sections" || req == "areas" || req == "organisations" {
			id = diag.TableMissing // lines under "[key]" or "[key.name]"
		}
		p.errs = append(p.errs, diag.At(FileName, 1, 1, id, req))
	}
	p.languages()
}

func (p *parser) languages() {
	c := p.cfg
	if c.DefaultLanguage == "" || len(c.Languages) == 0 {
		return
	}
	i := slices.Index(c.Languages, c.DefaultLanguage)
	if i < 0 {
		p.errVal([]string{"defaultLanguage"}, diag.DefaultLangMissing, c.DefaultLanguage)
		return
	}
	langs := slices.Insert(slices.Delete(c.Languages, i, i+1), 0, c.DefaultLanguage)
	c.Languages = langs
	for _, l := range langs {
		if c.Title[l] == "" && c.Title != nil {
			p.errMissing(c.Title, []string{"title", l}, diag.TitleLang, l)
		}
	}
	if c.Sections != nil { // else reported as missing
		for _, kind := range c.Kinds.Names() {
			if _, ok := c.Sections[kind]; !ok {
				p.errKey([]string{"sections"}, diag.SectionMissing, kind)
				continue
			}
			for _, l := range langs {
				if s := c.Sections[kind][l]; s != "" && !ValidSlug(s) {
					p.errVal([]string{"sections", kind, l}, diag.SectionSlug, s)
				} else if s == "" {
					p.errMissing(c.Sections[kind], []string{"sections", kind, l}, diag.SectionNoLang, kind, l)
				}
			}
		}
		p.segmentClashes()
	}
	p.unknownLanguages([]string{"title"}, c.Title)
	for _, kind := range c.Kinds.Names() {
		p.unknownLanguages([]string{"sections", kind}, c.Sections[kind])
	}
	for name, vocab := range map[string]*Vocab{"areas": &c.Areas, "organisations": &c.Organisations, "schools": &c.Schools} {
		for _, t := range vocab.Terms {
			p.unknownLanguages([]string{name, t.Key}, t.Names)
			for _, l := range langs {
				t.Names[l] = cmp.Or(t.Names[l], t.Key)
			}
		}
	}
}

// unknownLanguages reports names in a language the site does not have:
// usually a typo of a language code.
func (p *parser) unknownLanguages(key []string, names map[string]string) {
	if p.badLangs {
		return
	}
	for _, l := range slices.Sorted(maps.Keys(names)) {
		if !slices.Contains(p.cfg.Languages, l) {
			p.errKey(append(slices.Clip(key), l), diag.NamesUnknownLang, l, strings.Join(key, "."), strings.Join(p.cfg.Languages, ", "))
		}
	}
}

func (p *parser) names(key []string, v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		p.errVal(key, diag.NamesTable, key[len(key)-1])
		return nil
	}
	out := map[string]string{}
	for _, l := range slices.Sorted(maps.Keys(m)) {
		s, ok := m[l].(string)
		if !ok {
			p.errVal(append(key, l), diag.NamesString, strings.Join(key, "."), l)
			continue
		}
		out[l] = s
	}
	return out
}

// translations reads [translations]: expected = ["theses", ...], the kinds
// whose records should have a version in every language.
func (p *parser) translations(v any) {
	p.cfg.Translations = map[string]bool{}
	m, ok := v.(map[string]any)
	if !ok {
		p.errVal([]string{"translations"}, diag.TranslationsTable)
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if k != "expected" {
			p.errKey([]string{"translations", k}, diag.TranslationsKey, k)
		}
	}
	arr, ok := m["expected"].([]any)
	if !ok && m["expected"] != nil {
		p.errVal([]string{"translations", "expected"}, diag.TranslationsList)
		return
	}
	for i, x := range arr {
		kind, _ := x.(string)
		if !slices.Contains(p.cfg.translationKinds(), kind) {
			p.errNth(i, []string{"translations", "expected"}, diag.TranslationsKind, kind, strings.Join(p.cfg.translationKinds(), ", "))
			continue
		}
		p.cfg.Translations[kind] = true
	}
}

func (p *parser) sections(v any) {
	m, ok := v.(map[string]any)
	if !ok {
		p.errVal([]string{"sections"}, diag.SectionsTable)
		return
	}
	p.cfg.Sections = map[string]map[string]string{}
	for _, kind := range slices.Sorted(maps.Keys(m)) {
		key := []string{"sections", kind}
		if p.cfg.Kinds.Get(kind) == nil {
			p.errKey(key, diag.SectionsKind, kind)
			continue
		}
		p.cfg.Sections[kind] = p.names(key, m[kind])
	}
}

// inFileOrder returns the keys of m, the table at key table, in the
// order of the file: editors list terms (and directives) in the order
// they want.
func (p *parser) inFileOrder(table string, m map[string]any) []string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int {
		la, _ := p.pos.Key(table, a)
		lb, _ := p.pos.Key(table, b)
		return la - lb
	})
	return keys
}

func (p *parser) vocab(name string, v any, out *Vocab, typed bool) {
	m, ok := v.(map[string]any)
	if !ok {
		p.errVal([]string{name}, diag.VocabTables, name)
		return
	}
	out.byKey = map[string]*Term{}
	for _, k := range p.inFileOrder(name, m) {
		key := []string{name, k}
		if !ValidSlug(k) {
			p.errKey(key, diag.VocabSlug, k)
			continue
		}
		tm, ok := m[k].(map[string]any)
		if !ok {
			p.errVal(key, diag.VocabTable, name, k)
			continue
		}
		t := &Term{Key: k, Names: map[string]string{}}
		for _, f := range slices.Sorted(maps.Keys(tm)) {
			fv := tm[f]
			s, isStr := fv.(string)
			switch {
			case f == "type" && typed:
				if !slices.Contains(OrgTypes, s) {
					p.errVal(append(key, f), diag.OrgType, strings.Join(OrgTypes, ", "))
				}
				t.Type = s
			case len(f) == 2 && isStr:
				t.Names[f] = s
			case len(f) == 2:
				p.errVal(append(key, f), diag.VocabString, name, k, f)
			default:
				p.errKey(append(key, f), diag.VocabUnknownKey, f, name, k)
			}
		}
		if typed && t.Type == "" {
			p.errKey(key, diag.VocabNeedsType, name, k)
		}
		out.Terms = append(out.Terms, t)
		out.byKey[k] = t
	}
}
