// Package render parses templates/ once (html/template, explicit FuncMap,
// no globals), loads the i18n tables templates/i18n/<lang>.toml,
// fingerprints assets, and renders site pages, executed by package
// tmplexec (Options.HTMLTemplate turns it off).
//
// Layout of templates/:
//
//	layouts/base.html     the page frame; calls {{template "main" .}}
//	partials/*.html       shared {{define}}s: list items, facts, pager, ...
//	pages/<type>.html     one per site.PageType, each defining "main"
//	i18n/<lang>.toml      UI strings, the same keys in every language
//	assets/...            copied to /assets/ with a content hash in the name
//
// Every template receives a *View (see view.go). The rendered Markdown
// bodies are not on the records: a View reads them from the site's store
// (site.Site.Body), which the incremental layer of the pipeline keeps
// between updates of the preview; what many pages repeat, in the Memo
// of whoever renders them (memo.go).
// The facts of record pages
// and list items, their marks and notices are resolved as each kind
// declares them (package kinds; facts.go), so the templates are the same for
// every kind.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/site"
	"portal/generator/internal/tmplexec"
)

// Dir is the templates folder at the site root.
const Dir = "templates"

// PageTypes lists every page type; each needs templates/pages/<type>.html.
var PageTypes = []site.PageType{
	site.HomePage, site.ListPage, site.ArchivePage, site.FacetPage, site.RecordPage,
	site.AreasPage, site.AreaPage, site.OrgsPage, site.OrgPage, site.SchoolPage,
	site.FreePage, site.NotFound, site.DuePage,
}

// Templates is the parsed templates/ folder of one site.
type Templates struct {
	cfg      *config.Config
	strings  map[string]map[string]string // language → key → text
	tables   map[string]*table
	pages    map[site.PageType]*template.Template
	shared   *template.Template // layouts and partials, for the partials rendered once and reused
	bufs     sync.Pool          // of *bytes.Buffer, for partials
	exec     *tmplexec.Executor // executes the escaped templates
	opt      Options
	assets   map[string][]byte // output path → bytes
	assetURL map[string]string // name under templates/assets/ → URL
	facets   facetCache        // search facets of the site being rendered (searchdata.go)
	frameIDs []string          // ids the page frame may use (frameids.go)
	warnings diag.List         // the site's template files no page reads (unread.go)
	sources  map[string][]byte // templates/<file> → its text as parsed, for the columns of errors
}

// Warnings are the problems with the site's templates that do not stop a
// build: its files under templates/ that no page reads.
func (t *Templates) Warnings() diag.List { return t.warnings }

// Options are the choices of how templates are executed.
type Options struct {
	// HTMLTemplate executes every page and block with html/template's
	// own Execute, without the fast executor (package tmplexec), and keeps
	// no block ({{cached}}): the executor's off-switch.
	HTMLTemplate bool
}

// Load reads templates/ from fsys, the site root. Every problem is
// returned as a diag.List positioned in the template or table file.
func Load(fsys fs.FS, cfg *config.Config, opt Options) (*Templates, error) {
	t := &Templates{
		opt:      opt,
		cfg:      cfg,
		strings:  map[string]map[string]string{},
		pages:    map[site.PageType]*template.Template{},
		sources:  map[string][]byte{},
		assets:   map[string][]byte{},
		assetURL: map[string]string{},
	}
	t.bufs.New = func() any { return new(bytes.Buffer) }
	var errs diag.List
	tables, terrs := loadTables(fsys, cfg.Languages)
	t.tables = tables
	for l, tb := range tables {
		t.strings[l] = tb.strings
	}
	marks := t.checkMarkOverrides()
	errs = append(errs, withoutAt(terrs, marks)...)
	errs = append(errs, marks...)
	errs = append(errs, t.requireKeys()...)
	errs = append(errs, t.loadAssets(fsys)...)
	errs = append(errs, t.parse(fsys)...)
	t.frameIDs = frameIDs(fsys, cfg)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return t, nil
}

// requiredKeys are the UI strings the Go code looks up itself, checked
// once a site's own table has inherited the program's (inherit): the
// program's tables must have them, and so must a language of a site's
// own. The calendar of agreements due for review (pipeline.noticeEvent)
// reads its texts with Templates.T, which writes the key itself where a
// table lacks one, as the redirect pages and feeds do theirs; so do the
// feeds and the search index the names of the kinds, their marks and the
// languages (kindone.*, state.*, foreign.*).
func requiredKeys(reg *kinds.Registry, langs []string) []string {
	keys := []string{"format.date", "format.datetime", "format.time", "format.span", "format.group", "format.minus", "home", "archive",
		"notfound.title", "pager.title", "language.autonym", "period.from", "site.description",
		"nav.language", "switch.untranslated", "switch.list", "redirect.title", "redirect.moved", "due.title",
		"due.event", "due.eventnote", "due.alarm", "due.endevent", "due.endnote", "due.endalarm",
		"task.done", "task.todo", "task.note", "task.back", "table.name", "feed.author", "feed.organisations", "feed.schools", "search.elsewhere", "fact.speaker"}
	for m := 1; m <= 12; m++ {
		keys = append(keys, "month."+strconv.Itoa(m))
	}
	for _, k := range reg.Names() {
		keys = append(keys, "kind."+k, "kindone."+k, "archivetitle."+k)
		for _, m := range reg.Get(k).AllMarks() {
			if !slices.Contains(keys, "state."+m) {
				keys = append(keys, "state."+m)
			}
		}
	}
	for _, l := range langs {
		keys = append(keys, "foreign."+l)
	}
	for _, ix := range []string{"areas", "organisations", "schools"} {
		keys = append(keys, "index."+ix)
	}
	return keys
}

func (t *Templates) requireKeys() diag.List {
	var errs diag.List
	for _, l := range t.cfg.Languages {
		tb := t.tables[l]
		if tb == nil {
			continue
		}
		for _, k := range requiredKeys(t.cfg.Kinds, t.cfg.Languages) {
			if _, ok := tb.strings[k]; !ok {
				errs = append(errs, diag.At(tb.path, 1, 1, diag.UIMissing, k))
			}
		}
	}
	return errs
}

// parse reads layouts and partials into one set, then clones it for every
// page type and adds that type's page template.
func (t *Templates) parse(fsys fs.FS) diag.List {
	var errs diag.List
	root := template.New("").Funcs(t.funcs()).Option("missingkey=error")
	var shared []string
	for _, dir := range []string{"layouts", "partials"} {
		files, _ := fs.Glob(fsys, path.Join(Dir, dir, "*.html"))
		shared = append(shared, files...)
	}
	if !slices.Contains(shared, path.Join(Dir, "layouts", "base.html")) {
		errs = append(errs, diag.At(path.Join(Dir, "layouts", "base.html"), 1, 1, diag.TmplNoBase))
		return errs
	}
	for _, p := range shared {
		if err := t.parseFile(fsys, root, p); err != nil {
			errs = append(errs, *err)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	partials, err := root.Clone()
	if err != nil {
		return append(errs, diag.Error{Path: Dir, Line: 1, Col: 1, Msg: err.Error()})
	}
	t.shared = partials
	t.exec = t.newExec(!t.opt.HTMLTemplate)
	for _, typ := range PageTypes {
		p := path.Join(Dir, "pages", string(typ)+".html")
		set, err := root.Clone()
		if err != nil {
			errs = append(errs, diag.Error{Path: p, Line: 1, Col: 1, Msg: err.Error()})
			continue
		}
		if _, err := fs.Stat(fsys, p); err != nil {
			errs = append(errs, diag.At(p, 1, 1, diag.TmplNoPage, string(typ)))
			continue
		}
		if e := t.parseFile(fsys, set, p); e != nil {
			errs = append(errs, *e)
			continue
		}
		if set.Lookup("main") == nil {
			errs = append(errs, diag.At(p, 1, 1, diag.TmplNoMain))
			continue
		}
		base := set.Lookup(baseName)
		files := map[string]string{} // template name → file; escaping errors drop trees
		for _, tm := range set.Templates() {
			if tm.Tree != nil {
				files[tm.Name()] = tm.Tree.ParseName
			}
		}
		// Escaping is analysed on first execution: run once without data
		// so a context error (an attribute left open, ...) shows up now,
		// the page's own "main" first so the error names its file.
		for _, tmpl := range []*template.Template{set.Lookup("main"), base} {
			if err := tmpl.Execute(io.Discard, nil); err != nil {
				var te *template.Error
				if errors.As(err, &te) && te.ErrorCode != template.ErrorCode(0) {
					e := convert(err)
					if f := files[te.Name]; f != "" {
						e.Path = Dir + "/" + f
					}
					errs = append(errs, worded(t.placeScript(t.inChars(e))))
					break
				}
			}
		}
		t.pages[typ] = base
	}
	// Literal UI string keys are checked now rather than at render.
	for _, tmpl := range root.Templates() {
		errs = append(errs, t.checkKeys(tmpl)...)
	}
	for _, typ := range PageTypes {
		set := t.pages[typ]
		if set == nil {
			continue
		}
		for _, tmpl := range set.Templates() {
			if tmpl.Tree != nil && tmpl.Tree.ParseName == path.Join("pages", string(typ)+".html") {
				errs = append(errs, t.checkKeys(tmpl)...)
			}
		}
	}
	// Escape every partial now, one after another: html/template escapes a
	// template on its first execution, rewriting its tree, and the fast
	// executor must never read a tree that is being rewritten. Executing
	// without data fails, after escaping.
	if len(errs) == 0 {
		for _, tmpl := range t.shared.Templates() {
			t.shared.ExecuteTemplate(io.Discard, tmpl.Name(), nil)
		}
	}
	return dedupe(errs)
}

const baseName = "layouts/base.html"

func (t *Templates) parseFile(fsys fs.FS, set *template.Template, p string) *diag.Error {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		e := diag.At(p, 1, 1, diag.CannotRead, diag.Cause(err))
		return &e
	}
	// Saved by Notepad (a byte order mark, CRLF line ends), a template
	// writes the pages it writes with LF: same text, same bytes. Positions
	// of errors stay: only ends of lines lose a byte.
	src = bytes.ReplaceAll(diag.TrimBOM(src), []byte("\r\n"), []byte("\n"))
	name := strings.TrimPrefix(p, Dir+"/")
	t.sources[p] = src
	if _, err := set.New(name).Parse(string(src)); err != nil {
		e := convert(err)
		if e.Path == p {
			placeParseError(src, &e)
		}
		e = worded(e)
		return &e
	}
	return nil
}

var (
	parseErrRE = regexp.MustCompile(`^template: ([^:\s]+):(\d+):(?:(\d+):)? ?(.*)$`)
	htmlErrRE  = regexp.MustCompile(`^html/template:([^:\s]+):(\d+):(?:(\d+):)? ?(.*)$`)
)

// convert turns a template error into templates/<file>:LINE:COL: message,
// its column counted in bytes (inChars counts it in characters).
func convert(err error) diag.Error {
	msg := err.Error()
	first, _, _ := strings.Cut(msg, "\n")
	for _, re := range []*regexp.Regexp{parseErrRE, htmlErrRE} {
		if m := re.FindStringSubmatch(first); m != nil {
			line, _ := strconv.Atoi(m[2])
			col := 1
			if m[3] != "" {
				col, _ = strconv.Atoi(m[3]) // a byte offset in the line, from 0
				col++
			}
			return diag.Error{Path: Dir + "/" + m[1], Line: line, Col: col, Msg: lower(m[4])}
		}
	}
	var te *template.Error
	if errors.As(err, &te) && te.Name != "" {
		return diag.Error{Path: Dir + "/" + te.Name, Line: max(te.Line, 1), Col: 1, Msg: lower(te.Description)}
	}
	return diag.Error{Path: Dir, Line: 1, Col: 1, Msg: lower(msg)}
}

func lower(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func dedupe(l diag.List) diag.List {
	var out diag.List
	seen := map[string]bool{}
	for _, e := range l {
		if s := e.Error(); !seen[s] {
			seen[s] = true
			out = append(out, e)
		}
	}
	return out
}

// checkKeys reports calls {{t $.Lang "key"}} and {{tn $.Lang "key" n}}
// whose literal key is in no table.
func (t *Templates) checkKeys(tmpl *template.Template) diag.List {
	if tmpl.Tree == nil || tmpl.Tree.Root == nil {
		return nil
	}
	var errs diag.List
	var walk func(n parse.Node)
	check := func(cmd *parse.CommandNode) {
		if len(cmd.Args) < 3 {
			return
		}
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok || (id.Ident != "t" && id.Ident != "tn" && id.Ident != "tr") {
			return
		}
		s, ok := cmd.Args[2].(*parse.StringNode)
		if !ok {
			return
		}
		keys := []string{s.Text}
		if id.Ident == "tn" {
			keys = []string{s.Text + ".one", s.Text + ".other"}
		}
		for _, l := range t.cfg.Languages {
			for _, k := range keys {
				if _, ok := t.strings[l][k]; ok || t.strings[l] == nil {
					continue
				}
				loc, _ := tmpl.Tree.ErrorContext(cmd)
				e := convert(fmt.Errorf("template: %s: unknown UI string %q (not in %s)", loc, k, t.tables[l].path))
				errs = append(errs, worded(t.inChars(e)))
			}
		}
	}
	walkBranch := func(b *parse.BranchNode) {
		walk(b.Pipe)
		walk(b.List)
		walk(b.ElseList)
	}
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			check(n)
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.IfNode:
			walkBranch(&n.BranchNode)
		case *parse.RangeNode:
			walkBranch(&n.BranchNode)
		case *parse.WithNode:
			walkBranch(&n.BranchNode)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	walk(tmpl.Tree.Root)
	return errs
}

// Page renders p, a page of s, to w with the template of its type,
// keeping in m what other pages of s repeat. Nothing is written when
// rendering fails.
func (t *Templates) Page(w io.Writer, m *Memo, s *site.Site, p *site.Page) error {
	tmpl := t.pages[p.Type]
	if tmpl == nil {
		return fmt.Errorf("render %s: no template for page type %q", p.URL, p.Type)
	}
	v, err := t.view(m, s, p)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.URL, err)
	}
	fail := func(err error) error {
		e := t.inChars(convert(err))
		return diag.Of(e.Path, e.Line, e.Col, diag.M(diag.TmplRendering, p.URL, templateWords(e.Msg)))
	}
	// Render in place when w is a buffer (the build reuses its buffers):
	// Execute takes back what a failed render wrote.
	buf, ok := w.(*bytes.Buffer)
	if !ok {
		buf = new(bytes.Buffer)
	}
	if err := t.exec.Execute(buf, tmpl, tmpl, v); err != nil {
		return fail(err)
	}
	if !ok {
		_, err = w.Write(buf.Bytes())
	}
	return err
}

// newExec makes the executor of the templates: the data's methods are
// called without reflection.
func (t *Templates) newExec(fast bool) *tmplexec.Executor {
	return tmplexec.New(t.funcs(), fast, tmplexec.Methods[*View](), tmplexec.Methods[*Sub]())
}

// Fallbacks is the number of executions of pages and blocks that the
// fast executor handed back to html/template so far; 0 when it is off.
func (t *Templates) Fallbacks() int64 { return t.exec.Fallbacks() }

// FastTemplates reports whether the fast executor is on.
func (t *Templates) FastTemplates() bool { return t.exec.Fast() }

// Assets returns every file under templates/assets/ by output path, e.g.
// "assets/site.3f2a9c1b0d.css".
func (t *Templates) Assets() map[string][]byte { return maps.Clone(t.assets) }

// T looks up a UI string; an unknown key gives the key itself, so a
// mistake is visible rather than silent.
func (t *Templates) T(lang, key string) string {
	if s, ok := t.text(lang, key); ok {
		return s
	}
	return key
}

// lookup is the template function behind t: an unknown key is an error.
func (t *Templates) lookup(lang, key string) (string, error) {
	tb := t.strings[lang]
	if tb == nil {
		return "", fmt.Errorf("no UI strings for language %q (add %s/%s.toml)", lang, i18nDir, lang)
	}
	s, ok := tb[key]
	if !ok {
		return "", fmt.Errorf("unknown UI string %q (not in %s/%s.toml)", key, i18nDir, lang)
	}
	return s, nil
}
