// Package scaffold writes a new record for an editor to fill in: the file
// content/<kind>/<slug>.md with every key of its kind, or the translation
// <slug>.<lang>.md of an existing record, which has only a title, a
// summary and a body.
//
// Required keys are filled in: dates with the day given by the caller (the
// package never reads the clock), everything else with a value that
// `check` rejects until it is replaced: the placeholders of package content
// ("TODO-organisation", level "TODO", a body beginning "TODO:"), which
// check reports as placeholders, an empty place ("must not be empty"),
// credits 0 and a deadline on the record's date (a deadline must be after
// it). Optional keys are written commented out, each with a hint. The keys
// and the Swedish body come from the kind's declaration (package kinds). An
// existing file is never overwritten.
//
// The hints (hints.go, in English and Swedish: the language of the
// messages) are also, in English, the descriptions of the keys in the
// JSON Schemas of generator schema (Describe).
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/sources"
)

// Options describe the record to create.
type Options struct {
	Kind  string // folder under content/: theses, internships, ..., pages
	Title string
	// Lang is the language of the file. Empty or the default language: a
	// new record <name>.md. Another language: the translation
	// <name>.<lang>.md of the record <name>.md, or, when there is no such
	// record, a record of its own published in that language only.
	Lang string
	// Name is the file name without .md; empty means config.SlugOf(Title).
	Name string
	// Today fills the required dates; its calendar day is used as it is,
	// so pass it in the site's time zone.
	Today time.Time
	Cfg   *config.Config // languages and vocabularies (for the hints)
	// Msgs is the language of the comments written for the editor (the
	// messages' language); the zero value is English.
	Msgs diag.Lang
	// agreements are the names of the agreements' files (Create lists
	// them), which the hint of the key agreement suggests.
	agreements []string
}

// Result tells what Create wrote.
type Result struct {
	Path        string // slash-separated, relative to the site root
	Translation bool   // a translation of an existing record
	// Renamed says why the file is not named after the title, which
	// check would refuse or warn about as a record's name (see
	// allowed); the zero Message when it is. Create returns it with
	// an error too: the file of the other name may exist.
	Renamed diag.Message
}

// Create writes the new file under root and returns its path. It refuses
// to overwrite a file. A name made from the title that check would refuse
// or warn about as a record's (a fixed segment of the kind's section,
// "arkiv", "sida") is replaced by the one check suggests, "arkiv-exjobb",
// and Result.Renamed says so; such a name given with Name is refused.
func Create(root string, opt Options) (Result, error) {
	if err := opt.check(); err != nil {
		return Result{}, err
	}
	name := opt.Name
	if name == "" {
		name = config.SlugOf(opt.Title)
		if name == "" {
			return Result{}, diag.M(diag.NewNoSlug, opt.Title)
		}
	} else if !config.ValidSlug(name) {
		if slug := config.SlugOf(name); slug != "" && !sources.Reserved(slug) {
			if c, taken := content.SegmentProblem(opt.Cfg, opt.Kind, slug, opt.Title, false); taken {
				slug = c.Other // not one refused in turn (allowed)
			}
			return Result{}, diag.M(diag.NewBadNameAs, name, slug)
		}
		return Result{}, diag.M(diag.NewBadName, name)
	}
	if sources.Reserved(name) {
		// "con.md" is the console on Windows, which the site refuses.
		return Result{}, diag.M(diag.NewReservedName, name)
	}
	lang := opt.lang()
	dir := path.Join(content.Dir, opt.Kind)
	name, renamed, err := opt.allowed(root, dir, name)
	if err != nil {
		return Result{}, err
	}
	own := path.Join(dir, name+".md")
	opt.agreements = agreementNames(root, opt.Cfg)
	res, text := Result{Path: own, Renamed: renamed}, Record(opt)
	if lang == opt.Cfg.DefaultLanguage {
		if err := lone(root, opt.Cfg, dir, name); err != nil {
			return Result{Renamed: renamed}, err
		}
	} else {
		// The translation of the record own, or a record of its own.
		res.Path = path.Join(dir, name+"."+lang+".md")
		_, err := os.Stat(filepath.Join(root, filepath.FromSlash(own)))
		switch {
		case err == nil:
			res.Translation = true
			text = Translation(opt, own)
		case !errors.Is(err, fs.ErrNotExist):
			return Result{}, err
		}
	}
	full := filepath.Join(root, filepath.FromSlash(res.Path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return Result{}, err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return Result{Renamed: renamed}, diag.M(diag.NewExists, res.Path)
	}
	if err != nil {
		return Result{}, err
	}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(full)
		return Result{}, err
	}
	return res, nil
}

// allowed returns name, unless a record named so would have a slug check
// refuses or warns about (content.SegmentProblem: the segment of the
// section's archive, due page or further list pages). Then a name made
// from the title gives way to the slug check suggests
// (config.Config.OtherSlug), with the message that says so; a name given
// (Name) is refused, as the other names check refuses are. A translation
// of an existing record takes that record's name, whatever it is: its
// slug is the record's.
func (opt Options) allowed(root, dir, name string) (string, diag.Message, error) {
	own := filepath.Join(root, filepath.FromSlash(path.Join(dir, name+".md")))
	if opt.lang() != opt.Cfg.DefaultLanguage {
		if _, err := os.Stat(own); err == nil {
			return name, diag.Message{}, nil
		}
	}
	c, bad := content.SegmentProblem(opt.Cfg, opt.Kind, name, opt.Title, false)
	switch {
	case !bad:
		return name, diag.Message{}, nil
	case opt.Name != "" && c.Refused():
		return "", diag.Message{}, diag.M(diag.NewNameSegment, name, c.URL, c.Other)
	case opt.Name != "":
		return "", diag.Message{}, diag.M(diag.NewNamePage, name, c.URL, c.Other)
	case c.Refused():
		return c.Other, diag.M(diag.NewRenamedSegment, name, c.URL, c.Other), nil
	}
	return c.Other, diag.M(diag.NewRenamedPage, name, c.URL, c.Other), nil
}

// lone refuses a new record name.md in the default language beside a
// record of its own in another language, name.<lang>.md: it would make
// that file a translation, every key of it but its title an error.
func lone(root string, cfg *config.Config, dir, name string) error {
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(path.Join(dir, name+".md")))); err == nil {
		return nil // Create says it exists
	}
	for _, l := range cfg.Languages {
		if l == cfg.DefaultLanguage {
			continue
		}
		p := path.Join(dir, name+"."+l+".md")
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err == nil {
			return diag.M(diag.NewBesideLone, p, l, path.Join(dir, name+".md"))
		}
	}
	return nil
}

func (opt Options) check() error {
	if opt.Cfg == nil {
		return errors.New("scaffold: no config")
	}
	if !content.IsKind(opt.Cfg.Kinds, opt.Kind) {
		return diag.M(diag.NewKind, opt.Kind, strings.Join(content.Folders(opt.Cfg.Kinds), ", "))
	}
	if strings.TrimSpace(opt.Title) == "" {
		return diag.M(diag.NewEmptyTitle)
	}
	if !utf8.ValidString(opt.Title) {
		return diag.M(diag.NewTitleUTF8)
	}
	if opt.Lang != "" && !slices.Contains(opt.Cfg.Languages, opt.Lang) {
		return diag.M(diag.NewLang, opt.Lang, strings.Join(opt.Cfg.Languages, ", "))
	}
	return nil
}

// Record is the text of a new record of opt.Kind in opt.Lang.
func Record(opt Options) []byte {
	names, required := content.KeyNames(opt.Cfg.Kinds, opt.Kind)
	var b strings.Builder
	b.WriteString("+++\n")
	var rows, optional [][2]string
	for _, k := range names {
		if required[k] {
			rows = append(rows, opt.required(k))
			continue
		}
		h := hintFor(opt.Kind, k)
		ex := strings.NewReplacer("DATE", opt.Today.Format(time.DateOnly), "ALIAS", opt.oldAddress()).Replace(h.example)
		optional = append(optional, [2]string{"# " + k + " = " + ex, h.in(opt.Msgs) + opt.vocabHint(k)})
	}
	writeRows(&b, rows)
	if len(optional) > 0 {
		b.WriteString("\n# " + opt.say("Optional: remove the # to use a key.", "Valfria: ta bort # för att använda en nyckel.") + "\n")
		writeRows(&b, optional)
	}
	b.WriteString("+++\n\n")
	b.WriteString(opt.bodyText(""))
	return []byte(b.String())
}

// Translation is the text of the translation of the record at own.
func Translation(opt Options, own string) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	writeRows(&b, [][2]string{
		{"title = " + quote(opt.Title), ""},
		{`# summary = ""`, hints["summary"].in(opt.Msgs)},
	})
	b.WriteString("# " + opt.say("Every other key comes from ", "Övriga nycklar hämtas från ") + own + ".\n")
	b.WriteString("+++\n\n")
	b.WriteString(opt.bodyText(own))
	return []byte(b.String())
}

// oldAddress is an old address of a record of opt.Kind in its language,
// the example of an alias: /exjobb/old-name/, /en/guest-lectures/old-name/,
// /old-name/ for a page.
func (opt Options) oldAddress() string {
	p := "/"
	if l := opt.lang(); l != opt.Cfg.DefaultLanguage {
		p += l + "/"
	}
	if s := opt.Cfg.Section(opt.Kind, opt.lang()); s != "" {
		p += s + "/"
	}
	return p + "old-name/"
}

func (opt Options) lang() string {
	if opt.Lang == "" {
		return opt.Cfg.DefaultLanguage
	}
	return opt.Lang
}

// writeRows writes key lines with their comments aligned; a long line
// does not push the others' comments to the right.
func writeRows(b *strings.Builder, rows [][2]string) {
	const long = 32
	width := 0
	for _, r := range rows {
		if n := utf8.RuneCountInString(r[0]); r[1] != "" && n <= long {
			width = max(width, n)
		}
	}
	for _, r := range rows {
		b.WriteString(r[0])
		if r[1] != "" {
			b.WriteString(strings.Repeat(" ", max(width-utf8.RuneCountInString(r[0]), 0)+2))
			b.WriteString("# ")
			b.WriteString(r[1])
		}
		b.WriteByte('\n')
	}
}

// required is the line of a required key and its comment.
func (opt Options) required(k string) [2]string {
	day := opt.Today.Format(time.DateOnly)
	org := quote(content.PlaceholderOrganisation)
	h := hintFor(opt.Kind, k)
	var v string
	todo := true
	switch k {
	case "title":
		return [2]string{"title = " + quote(opt.Title), ""}
	case "date":
		v, todo = day, false
	case "year":
		v, todo = strconv.Itoa(opt.Today.Year()), false
	case "areas":
		v = "[" + quote(content.PlaceholderArea) + "]"
	case "partners":
		v = "[" + org + "]"
	case "parties":
		first := org
		if kth := opt.kth(); kth != "" {
			first = quote(kth)
		}
		v = "[" + first + ", " + org + "]"
	case "host", "from", "to":
		v = org
	case "level", "status", "type":
		v = quote(content.Placeholder)
	case "credits":
		v = "0"
	case "start", "end", "deadline", "periodStart", "signed":
		v = day
		if key := opt.Cfg.Kinds.Get(opt.Kind).Key(k); key != nil && key.Type == kinds.DateTime {
			v += map[string]string{"start": "T13:15:00", "end": "T15:00:00"}[k]
		}
	default:
		v = `""`
	}
	text := h.in(opt.Msgs)
	if todo {
		text = content.PlaceholderText + text
	}
	return [2]string{k + " = " + v, text + opt.vocabHint(k)}
}

// kth is the first organisation of type "kth", a party to most agreements.
func (opt Options) kth() string {
	terms := opt.Cfg.Organisations.Terms
	if i := slices.IndexFunc(terms, func(t *config.Term) bool { return t.Type == "kth" }); i >= 0 {
		return terms[i].Key
	}
	return ""
}

// vocabHint lists the keys a vocabulary key may take.
func (opt Options) vocabHint(k string) string {
	// listed is what a key may take: all of out, or the first n of more.
	listed := func(out []string, n int) string {
		switch {
		case len(out) == 0:
			return ""
		case n > 0 && len(out) > n:
			return opt.say("; e.g. ", "; t.ex. ") + strings.Join(out[:n], ", ")
		}
		return ": " + strings.Join(out, ", ")
	}
	switch k {
	case "areas":
		return listed(opt.Cfg.Areas.Keys(), 0)
	case "agreement":
		return listed(opt.agreements, maxSuggested)
	case "schools":
		return listed(opt.Cfg.Schools.Keys(), 0)
	case "host", "from", "to", "partners", "parties", "speakerOrg":
		var city []string
		for _, t := range opt.Cfg.Organisations.Terms {
			if strings.HasPrefix(t.Type, "city-") && len(city) < 3 {
				city = append(city, t.Key)
			}
		}
		if len(city) == 0 {
			return listed(opt.Cfg.Organisations.Keys(), 3)
		}
		return opt.say("; e.g. ", "; t.ex. ") + strings.Join(city, ", ")
	}
	return ""
}

// maxSuggested is how many agreements the hint of the key agreement
// names.
const maxSuggested = 6

// agreementNames returns the names of the agreements' record files under
// root, sorted, once for a record and its translations: what the key
// agreement of an exchange, a follow-up or a collaboration names (unless
// a record sets slug). None when the folder cannot be read.
func agreementNames(root string, cfg *config.Config) []string {
	dir := filepath.Join(root, content.Dir, kinds.Agreements)
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		if _, name, _, bad := content.FileName(cfg, path.Join(content.Dir, kinds.Agreements, e.Name())); !bad {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// bodyText is the placeholder body of a new file, the translation of own
// when own is not empty: in a Swedish file, the body the kind's
// declaration gives; else what to write, in the messages' language.
func (opt Options) bodyText(own string) string {
	lang, kind := opt.lang(), opt.Kind
	if own != "" {
		return content.PlaceholderText + opt.say("translate the text of "+own+" here.", "översätt texten i "+own+" här.") + "\n"
	}
	if lang == "sv" && kind == content.Pages {
		return content.PlaceholderText + "Skriv sidans text här.\n"
	}
	if k := opt.Cfg.Kinds.Get(kind); lang == "sv" && k != nil && k.Body != "" {
		return content.PlaceholderText + k.Body + "\n"
	}
	return content.PlaceholderText + opt.say("write the text of the record here.", "skriv postens text här.") + "\n"
}

// say is en, or sv when the messages are in Swedish.
func (opt Options) say(en, sv string) string { return diag.Text{En: en, Sv: sv}.In(opt.Msgs) }
