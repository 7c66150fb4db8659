package content

import (
	"fmt"
	"hash/crc32"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/markdown"
	"portal/generator/internal/sources"
	"portal/generator/internal/workers"
)

// Dir is the content folder at the site root.
const Dir = "content"

// Set is what Load found: the records (drafts and all; the site decides
// what is published) and how many files it read.
type Set struct {
	Records []*Record
	Files   int // record files read, translations included
	Failed  int // record files that had errors, or whose record had them
	// Refused are the paths of those files, sorted: what names them is
	// not reported again (the record's own problems say what is wrong).
	Refused []string
	// RefusedVersions are the versions of those files that were read,
	// in the order of their paths: the site checks the links of their
	// bodies, so that a broken link is reported with the record's other
	// problems, not once they are fixed.
	RefusedVersions []*Version
	Sources         *Sources // the Markdown kept when Load was given KeepBodies; else nil
	// Others lists the files under content/ that are not record files,
	// sorted; Uses maps a record's group ("theses/energidata") to those it
	// uses (its attachment, the images its bodies name). The preview
	// server, which reloads one group at a time, checks them with Strays.
	Others []string
	Uses   map[string][]string
	// Decoded are the records that were joined, with or without
	// problems, in the order of their groups: those Collisions and
	// SharedAttachments check, as a record refused for a problem of its
	// own still claims its slug and names its files. The preview
	// server, which reloads one group at a time, checks them so too.
	Decoded []*Record
}

// file is one parsed record file before translations are joined.
type file struct {
	path, kind, name, lang string
	raw                    map[string]any
	ver                    *Version
	errs                   diag.List
	todo                   diag.List // placeholders and other problems of the body, reported with the record
	syntax                 diag.List // lines the TOML decoder could not read, blanked; reported with the record
	broken                 []string  // the keys of those lines: not reported missing
	images                 []markdown.ImageRef
}

// Load reads every record under content/ in fsys. It returns all records
// that decoded cleanly and a diag.List of every problem found.
func Load(fsys fs.FS, cfg *config.Config) (*Set, error) {
	return LoadWith(fsys, cfg, Options{})
}

// Options change how Load reads.
type Options struct {
	// KeepBodies, when not zero, is for a reader that renders each body
	// once (the build command): no version then holds its Markdown or a
	// copy of its front matter (Version.Pos reads the file again when
	// asked); up to KeepBodies bytes of Markdown are kept in Set.Sources
	// (none when negative), the rest read again when taken.
	KeepBodies int64

	// Dir, when not empty, is the folder that fsys reads (fsys is
	// os.DirFS(Dir)): the sources are then read with plain system calls,
	// half as many as through os.Open (see read.go).
	Dir string

	kept    *atomic.Int64      // bytes of bodies read so far
	sources *Sources           // where they are kept (KeepBodies)
	md      *markdown.Renderer // finds the images of bodies
}

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, cfg *config.Config, opt Options) (*Set, error) {
	paths, others, errs := walk(fsys, cfg.Kinds, cfg.Sections)
	opt.kept = new(atomic.Int64)
	if opt.KeepBodies != 0 {
		opt.sources = &Sources{m: map[*Version][]byte{}}
	}
	// The files are read, and then the records joined, in parallel.
	files := make([]*file, len(paths))
	opt.md = markdown.New()
	workers.For(len(paths), func(i int) { files[i] = parse(fsys, cfg, paths[i], opt) })
	set := &Set{Files: len(files), Sources: opt.sources, Others: slices.Sorted(maps.Keys(others)), Uses: map[string][]string{}}
	groups := map[string][]*file{}
	for _, f := range files {
		errs = append(errs, f.errs...)
		key := f.kind + "/" + f.name
		groups[key] = append(groups[key], f)
	}
	order := slices.Sorted(maps.Keys(groups))
	results := make([]joined, len(order))
	workers.For(len(order), func(i int) {
		j := &results[i]
		j.r, j.errs, j.used = join(fsys, cfg, groups[order[i]])
	})
	var decoded []*Record // with or without errors, for the collision check (Set.Decoded)
	failed := map[string]bool{}
	for i, key := range order {
		r, rerrs := results[i].r, results[i].errs
		if used := results[i].used; len(used) > 0 {
			set.Uses[key] = used
		}
		errs = append(errs, rerrs...)
		if r != nil {
			decoded = append(decoded, r)
		}
		partial := slices.ContainsFunc(groups[key], func(f *file) bool { return len(f.errs) > 0 })
		if r != nil && len(rerrs) == 0 && !partial {
			set.Records = append(set.Records, r)
			continue
		}
		// Every file of a record that failed is accounted as failed,
		// also a clean translation of a broken record.
		for _, f := range groups[key] {
			failed[f.path] = true
			if f.ver != nil {
				set.RefusedVersions = append(set.RefusedVersions, f.ver)
			}
		}
	}
	set.Decoded = decoded
	coll := Collisions(decoded)
	errs = append(errs, coll...)
	errs = append(errs, SharedAttachments(fsys, decoded)...)
	uses := map[string]bool{}
	for _, used := range set.Uses {
		for _, p := range used {
			uses[p] = true
		}
	}
	errs = append(errs, Strays(set.Others, func(p string) bool { return uses[p] }, func() []string { return slices.Collect(maps.Keys(uses)) })...)
	set.Failed, set.Refused = len(failed), slices.Sorted(maps.Keys(failed))
	set.Failed += Refuse(set, coll)
	if len(errs) > 0 {
		errs.Sort()
		return set, errs
	}
	return set, nil
}

// walk lists the record files under content/ (the .md files of the kind
// folders of reg) and the other files, which must be attachments, and
// reports what has no place there.
func walk(fsys fs.FS, reg *kinds.Registry, sections map[string]map[string]string) (paths []string, others map[string]bool, errs diag.List) {
	others = map[string]bool{}
	if msg := sources.FolderLink(fsys, Dir); msg.ID != "" {
		return nil, others, diag.List{diag.Of(Dir, 1, 1, msg)}
	}
	folded := map[string]string{} // lower-case path → the path seen first
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if p == Dir && err == nil {
			return nil
		}
		if leave, ret := sources.Leave(Dir, p, d, &errs); leave {
			return ret
		}
		lower := strings.ToLower(p)
		if first, dup := folded[lower]; dup {
			// macOS and Windows hold one of the two: a checkout there
			// keeps either file, and builds another site.
			errs = append(errs, diag.At(p, 1, 1, diag.NameCase, path.Base(p), path.Base(first)))
		} else {
			folded[lower] = p
		}
		if err != nil {
			_, msg := sources.File(fsys, Dir, p, d, err)
			errs = append(errs, diag.Of(p, 1, 1, msg))
			return nil
		}
		name := d.Name()
		depth := strings.Count(p, "/")
		if d.IsDir() {
			switch {
			case depth == 1 && IsKind(reg, name):
				return nil
			case depth == 1:
				errs = append(errs, unknownFolder(p, name, reg, sections))
			default:
				errs = append(errs, diag.At(p, 1, 1, diag.FolderNested))
			}
			return fs.SkipDir
		}
		if strings.HasPrefix(name, "_index.") && strings.HasSuffix(name, ".md") {
			// Hugo's list page, made by an editor who knows Hugo: told
			// once, not checked as a record of six missing keys.
			errs = append(errs, diag.At(p, 1, 1, diag.FileHugoIndex, name))
			return nil
		}
		if depth == 1 {
			errs = append(errs, diag.At(p, 1, 1, diag.FileOutsideKind))
			return nil
		}
		if msg := checkFile(fsys, p, d); msg.ID != "" {
			errs = append(errs, diag.Of(p, 1, 1, msg))
			return nil
		}
		if strings.HasSuffix(name, ".md") {
			paths = append(paths, p)
		} else {
			others[p] = true
		}
		return nil
	})
	if err != nil {
		errs = append(errs, diag.At(Dir, 1, 1, diag.CannotRead, diag.Cause(err)))
	}
	return paths, others, errs
}

// joined is a group of files decoded: its record, problems and the
// attachments and images it uses.
type joined struct {
	r    *Record
	errs diag.List
	used []string
}

// checkFile refuses what sources.File refuses (a symbolic link that
// leads outside content/, through any chain of links, including links to
// folders, hidden ones too, or to something other than a regular file;
// a pipe or a device), and a link to another record.
func checkFile(fsys fs.FS, p string, d fs.DirEntry) diag.Message {
	real, msg := sources.File(fsys, Dir, p, d, nil)
	if msg.ID == "" && real != p && strings.HasSuffix(real, ".md") {
		// Another record's file: published twice, it could carry a
		// confidential body into a page or an attachment.
		return diag.M(diag.LinkToRecord, real)
	}
	return msg
}

// FileName is what the path p of a record file names: the record's kind
// (its folder), its name and the language of the file. A language suffix
// that is not one of the site's other languages stays in name, and bad
// is set.
func FileName(cfg *config.Config, p string) (kind, name, lang string, bad bool) {
	dir, base := path.Split(p)
	kind, name, lang = path.Base(dir), strings.TrimSuffix(base, ".md"), cfg.DefaultLanguage
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		l := name[i+1:]
		if !slices.Contains(cfg.Languages, l) || l == cfg.DefaultLanguage {
			return kind, name, l, true
		}
		name, lang = name[:i], l
	}
	return kind, name, lang, false
}

// parse reads one file: name, language, front matter and body.
func parse(fsys fs.FS, cfg *config.Config, p string, opt Options) *file {
	kind, name, lang, bad := FileName(cfg, p)
	f := &file{path: p, kind: kind, name: name, lang: lang}
	fail := func(errs ...diag.Error) *file {
		f.errs = append(f.errs, errs...)
		return f
	}
	if bad {
		f.lang = cfg.DefaultLanguage
		return fail(diag.At(p, 1, 1, diag.LangSuffix, lang, strings.Join(cfg.Languages[1:], ", ")))
	}
	src, err := readLimited(fsys, opt.Dir, p)
	if err != nil {
		return fail(diag.At(p, 1, 1, diag.CannotRead, diag.Cause(err)))
	}
	front, body, bodyLine, err := Split(p, src)
	if err != nil {
		return fail(err.(diag.Error))
	}
	if e, ok := diag.CheckLimits(p, front, 1); !ok {
		return fail(e)
	}
	// A syntax error is reported and its line left out, so that the
	// file's other keys and its body are still checked.
	syntax, broken, decoded, ok := diag.DecodeTOML(p, front, 1, func(b []byte) error {
		f.raw = nil
		return decodeFront(b, &f.raw)
	})
	if !ok {
		return fail(syntax...)
	}
	f.syntax, f.broken = syntax, broken
	f.todo = slices.Concat(placeholderBody(p, body, bodyLine), hiddenBody(p, body, bodyLine), fenceTwice(p, body, bodyLine))
	f.images = opt.md.Images(body, bodyLine)
	v := &Version{Lang: f.lang, Path: p, BodyLine: bodyLine, Hash: fileHash(src),
		size: len(src), bodyAt: len(src) - len(body), dir: opt.Dir}
	switch {
	case len(syntax) > 0:
		// The keys are where the text decoded has them (the record is
		// refused: its body is not needed again).
		v.Body, v.Pos = body, diag.NewPositions(decoded, 1)
	case opt.sources == nil:
		v.Body, v.Pos = body, diag.NewPositions(front, 1)
	default:
		v.Pos = diag.PositionsOf(func() []byte {
			src, _ := reread(fsys, v)
			front, _, _, _ := Split(p, src)
			return front // nil when the file changed
		}, 1)
		if opt.KeepBodies > 0 && opt.kept.Add(int64(len(body))) <= opt.KeepBodies {
			opt.sources.mu.Lock()
			opt.sources.m[v] = body
			opt.sources.mu.Unlock()
		}
	}
	f.ver = v
	if f.raw == nil {
		f.raw = map[string]any{}
	}
	return f
}

// reread reads the file of v again, as Load read it.
func reread(fsys fs.FS, v *Version) ([]byte, error) {
	src, err := readSize(fsys, v.dir, v.Path, v.size)
	if err == nil && fileHash(src) != v.Hash {
		return nil, fmt.Errorf("%s changed while the site was being built; build again", v.Path)
	}
	return src, err
}

// fileHash is Version.Hash: two CRC-32s (IEEE and Castagnoli), which the
// processor computes at memory speed, where FNV-1a takes a multiplication
// per byte.
func fileHash(src []byte) uint64 {
	return uint64(crc32.ChecksumIEEE(src))<<32 | uint64(crc32.Checksum(src, castagnoli))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// join decodes the primary file of a group and checks its translations
// against the keys of their kind (specs).
// It also returns the paths of the attachment and the images it found.
func join(fsys fs.FS, cfg *config.Config, group []*file) (*Record, diag.List, []string) {
	// The files that parsed, in the order of the languages.
	ok := slices.DeleteFunc(slices.Clone(group), func(f *file) bool { return f.ver == nil || len(f.errs) > 0 })
	byLang := func(a, b *file) int {
		return slices.Index(cfg.Languages, a.lang) - slices.Index(cfg.Languages, b.lang)
	}
	slices.SortFunc(ok, byLang)
	var syntax diag.List // the lines their decoder could not read
	for _, f := range ok {
		syntax = append(syntax, typedSyntax(f.syntax, specs(cfg.Kinds, f.kind))...)
	}
	if len(ok) < len(group) && (len(ok) == 0 || slices.MinFunc(group, byLang) != ok[0]) {
		// The record's own file failed to parse: the translations that
		// parsed report the lines their decoder could not read, and the
		// rest waits until the own file can be read. (A translation that
		// failed does not stop the own file being checked below.)
		return nil, syntax, nil
	}
	own := ok[0]
	spec := specs(cfg.Kinds, own.kind)
	d := &decoder{cfg: cfg, path: own.path, kind: own.kind, raw: own.raw, pos: own.ver.Pos, broken: own.broken, spec: spec, errs: syntax}
	r := &Record{Kind: own.kind, Slug: own.name, Lang: own.lang}
	d.decode(r)
	if own.lang != cfg.DefaultLanguage {
		d.errs = loneTranslation(d.errs, own)
	}
	own.ver.Title, own.ver.Summary = d.str("title"), d.str("summary")
	var errs diag.List
	own.ver.Aliases, errs = checkAliases(own.path, own.ver.Pos, d.strs("aliases"))
	d.errs = append(d.errs, errs...)
	r.Versions = append(r.Versions, own.ver)
	if s, has := own.raw["slug"].(string); has {
		r.Slug = s
		if !config.ValidSlug(s) {
			if mended, ok := slugFor(s); ok {
				d.valErr("slug", diag.SlugInvalidAs, s, mended)
			} else {
				d.valErr("slug", diag.SlugInvalid, s)
			}
		} else if sources.Reserved(s) {
			d.valErr("slug", diag.SlugReserved, s)
		} else if len(s) > MaxSlug {
			d.valErr("slug", diag.SlugLong, diag.Clip(s, 60), MaxSlug)
		} else if c, ok := SegmentProblem(cfg, own.kind, s, d.str("title"), true); ok && c.Refused() {
			d.valErr("slug", c.Message.ID, c.Message.Args...) // its warning is the site's (EntryWarnings)
		}
	} else if !config.ValidSlug(own.name) {
		if mended, ok := slugFor(own.name); ok {
			d.errAt(1, 1, diag.FileNameSlugAs, own.name, mended+strings.TrimPrefix(path.Base(own.path), own.name), mended)
		} else {
			d.errAt(1, 1, diag.FileNameSlug, own.name)
		}
	} else if len(own.name) > MaxSlug {
		d.errAt(1, 1, diag.FileNameLong, diag.Clip(own.name, 60), MaxSlug)
	} else if c, ok := SegmentProblem(cfg, own.kind, own.name, d.str("title"), false); ok && c.Refused() {
		d.errAt(1, 1, c.Message.ID, c.Message.Args...)
	}
	d.errs = append(d.errs, own.todo...)
	for _, t := range ok[1:] {
		d.errs = append(d.errs, translation(cfg.Kinds, spec, t, own)...)
		d.errs = append(d.errs, placeholderValues(t.path, t.raw, t.ver.Pos, nil)...)
		d.errs = append(d.errs, hiddenValues(t.path, t.raw, t.ver.Pos)...)
		d.errs = append(d.errs, t.todo...)
		td := decoder{raw: t.raw}
		t.ver.Title, t.ver.Summary = td.str("title"), td.str("summary")
		t.ver.Aliases, errs = translationAliases(t)
		d.errs = append(d.errs, errs...)
		r.Versions = append(r.Versions, t.ver)
	}
	// An attachment of a kind that has none is an unknown key, nothing more.
	hasAttachment := slices.ContainsFunc(spec, func(s kinds.Key) bool { return s.Name == "attachment" })
	if a := d.str("attachment"); a != "" && hasAttachment {
		r.Attachment, r.AttachmentSize = d.attachment(fsys, a)
	}
	var used []string
	if r.Attachment != "" {
		used = append(used, r.Attachment)
	}
	for _, f := range ok {
		var named []string
		f.ver.Images, named, errs = checkImages(fsys, f)
		d.errs = append(d.errs, errs...)
		used = append(used, named...)
	}
	return r, d.errs, used
}

// loneTranslation replaces the missing keys of a record's only file,
// in another language than the default, that sets nothing but what a
// translation sets, by one problem that says so: most likely its record
// was renamed or deleted without it.
func loneTranslation(errs diag.List, f *file) diag.List {
	for k := range f.raw {
		if !slices.Contains(translatable, k) {
			return errs
		}
	}
	var missing []string
	var kept diag.List
	for _, e := range errs {
		if e.ID == diag.KeyMissing && e.Path == f.path {
			missing = append(missing, strconv.Quote(fmt.Sprint(e.Args...)))
		} else {
			kept = append(kept, e)
		}
	}
	if len(missing) == 0 {
		return errs
	}
	own := strings.TrimSuffix(f.path, "."+f.lang+".md") + ".md"
	return append(kept, diag.At(f.path, 1, 1, diag.TranslationAlone, own, strings.Join(missing, ", ")))
}

// translation checks that a translation repeats no key with another
// value; spec are the keys of its kind.
func translation(reg *kinds.Registry, spec []kinds.Key, t, own *file) diag.List {
	var errs diag.List
	titled := slices.Contains(t.broken, "title") // a title that is there, or meant
	for _, k := range slices.Sorted(maps.Keys(t.raw)) {
		// The key's position, only for a problem: finding it scans the file.
		at := func(id diag.ID, args ...any) diag.Error {
			line, col := t.ver.Pos.Key(k)
			return diag.At(t.path, line, col, id, args...)
		}
		// A value's, as for the record's own file.
		atValue := func(id diag.ID, args ...any) diag.Error {
			line, col := t.ver.Pos.Value(k)
			return diag.At(t.path, line, col, id, args...)
		}
		switch {
		case slices.Contains(translatable, k):
			titled = titled || k == "title"
			if msg := shapeError(kinds.Text, t.raw[k]); msg.ID != "" && k == "title" {
				errs = append(errs, atValue(diag.TitleShape, msg))
			}
			if _, isStr := t.raw[k].(string); !isStr && k == "summary" {
				errs = append(errs, atValue(diag.SummaryString))
			}
		case !slices.ContainsFunc(spec, func(s kinds.Key) bool { return s.Name == k }):
			m := unknownKey(reg, t.kind, k, spec)
			errs = append(errs, at(m.ID, m.Args...))
			// "titel": one problem, at the misspelling, not also a missing title.
			titled = titled || m.ID == diag.KeyUnknownMean && m.Args[1] == "title"
		case !sameValue(t.raw[k], own.raw[k]):
			if _, has := own.raw[k]; !has {
				errs = append(errs, at(diag.TranslationNotSet, k, own.path))
			} else {
				errs = append(errs, at(diag.TranslationDiffers, k, own.path))
			}
		}
	}
	if !titled {
		errs = append(errs, diag.At(t.path, 1, 1, diag.KeyMissing, "title"))
	}
	return errs
}

// attachment resolves a file named beside the record, refusing any path
// that leaves the record's folder, and returns its size in bytes (shown
// in the link to it).
func (d *decoder) attachment(fsys fs.FS, name string) (string, int64) {
	if strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		d.valErr("attachment", diag.AttachmentPath, name)
		return "", 0
	}
	p := path.Join(path.Dir(d.path), name)
	if strings.HasSuffix(name, ".md") {
		d.valErr("attachment", diag.AttachmentRecord, name)
		return "", 0
	}
	if m := besideProblem(fsys, p, name, diag.AttachmentMissing, diag.AttachmentCase, diag.AttachmentLink, diag.AttachmentNotRegular); m.ID != "" {
		near := ""
		if m.ID == diag.AttachmentMissing {
			near = nearFile(fsys, p)
		}
		if near != "" {
			d.valErr("attachment", diag.AttachmentMissingMean, name, near)
			return path.Join(path.Dir(p), near), 0 // named, so not a stray: one error is enough
		}
		d.valErr("attachment", m.ID, m.Args...)
		if other, ok := otherCaseOf(m); ok {
			return path.Join(path.Dir(p), other), 0 // named, so not a stray: one error is enough
		}
		return "", 0
	}
	if ft, ok := AttachmentType(name); !ok {
		m := attachmentTypeError(name, ft.Ext)
		d.valErr("attachment", m.ID, m.Args...)
		return p, 0 // named, so not a stray: one error is enough
	}
	size, m := readAttachment(fsys, p, name)
	if m.ID != "" {
		d.valErr("attachment", m.ID, m.Args...)
	}
	return p, size // it is the attachment all the same
}

// besideProblem says why the file p beside a record, which the record
// names name, cannot be published: it is missing, a link that checkFile
// refuses, or not a regular file (the messages missing, link and
// notRegular); no ID when it can. A missing file whose name the folder
// holds in other capitals is the message misCase, with that name.
func besideProblem(fsys fs.FS, p, name string, missing, misCase, link, notRegular diag.ID) diag.Message {
	info, err := fs.Lstat(fsys, p)
	switch {
	case err != nil:
		if other, ok := otherCase(fsys, p); ok {
			return diag.M(misCase, name, other)
		}
		return diag.M(missing, name)
	case info.Mode()&fs.ModeSymlink != 0:
		if msg := checkFile(fsys, p, fs.FileInfoToDirEntry(info)); msg.ID != "" {
			return diag.M(link, name, msg)
		}
	case !info.Mode().IsRegular():
		return diag.M(notRegular, name)
	}
	return diag.Message{}
}

// slugFor is the slug to suggest for the invalid slug or file name s
// (config.SlugOf: "Mitt Exjobb" → "mitt-exjobb"), when there is one the
// site takes.
func slugFor(s string) (string, bool) {
	mended := config.SlugOf(s)
	return mended, config.ValidSlug(mended) && !sources.Reserved(mended)
}
