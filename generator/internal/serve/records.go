package serve

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// records is the content/ folder as last loaded, one group per record: its
// file and its translations ("theses/energidata" holds energidata.md and
// energidata.en.md). After a clean full load every problem belongs to one
// group, so a changed file is reloaded by loading its group alone (through
// a view of the site root that lists only that group's files) and the
// result is exact. A full load with problems makes the next load full too.
type records struct {
	groups map[string]*group
	keys   []string // of groups, sorted: set lists the records in this order
	// exact is true when every problem is in a group's errs, so that
	// reloading single groups gives what a full load would.
	exact  bool
	global diag.List // the problems of the last full load when not exact
	// refused are the record files of the last full load that it refused
	// for their problems when not exact (content.Set.Refused), and
	// refusedVersions their versions (content.Set.RefusedVersions).
	refused         []string
	refusedVersions []*content.Version
	kinds           *kinds.Registry // the kinds of the config of the last full load
	// others are the files under content/ that are not record files, as
	// the last full load found them (a change to one needs a full load),
	// and uses counts the groups that use each.
	others []string
	uses   map[string]int
}

type group struct {
	rec *content.Record // nil when the group has errors or no files
	// decoded is its record as joined, with or without errors
	// (content.Set.Decoded): a record refused for its own problems still
	// claims its slug and names its attachment, as a full load checks.
	decoded *content.Record
	errs    diag.List
	files   int
	used    []string // the files beside it that it uses (see content.Set.Uses)
	// refused are its files when it has errors (content.Set.Refused),
	// and refusedVersions their versions (content.Set.RefusedVersions).
	refused         []string
	refusedVersions []*content.Version
}

// used returns the files beside the records that a group uses
// (content.Strays).
func (rs *records) used() []string {
	var out []string
	for p, n := range rs.uses {
		if n > 0 {
			out = append(out, p)
		}
	}
	return out
}

// loadAll reads every record.
func (rs *records) loadAll(fsys fs.FS, cfg *config.Config) error {
	rs.kinds = cfg.Kinds
	set, err := content.Load(fsys, cfg)
	rs.groups, rs.keys = map[string]*group{}, nil
	rs.global, rs.refused, rs.refusedVersions, rs.others, rs.uses = nil, nil, nil, nil, map[string]int{}
	rs.exact = err == nil
	if err != nil {
		list, ok := diag.AsList(err)
		if !ok {
			return err
		}
		rs.global = list
	}
	if set != nil {
		for _, r := range set.Records {
			key := groupKey(cfg, r.Own().Path)
			rs.groups[key] = &group{rec: r, decoded: r, files: len(r.Versions), used: set.Uses[key]}
			rs.count(set.Uses[key], 1)
		}
		rs.others = set.Others
		if !rs.exact {
			rs.refused, rs.refusedVersions = set.Refused, set.RefusedVersions
		}
	}
	rs.keys = slices.Sorted(maps.Keys(rs.groups))
	return nil
}

// reloadable reports whether the changed source paths can be reloaded group
// by group: the last load was exact and every path is a record file (an
// .md file in a kind folder), present or deleted, or a temporary file that
// is gone again. Anything else (folders, attachments, stray files) needs a
// full load. It returns the record files.
func (rs *records) reloadable(fsys fs.FS, paths []string) ([]string, bool) {
	if !rs.exact || rs.groups == nil {
		return nil, false
	}
	var files []string
	for _, p := range paths {
		dir, name := path.Split(p)
		inKind := strings.Count(p, "/") == 2 && strings.HasPrefix(dir, content.Dir+"/") && content.IsKind(rs.kinds, path.Base(dir))
		if inKind && !strings.HasSuffix(name, ".md") && rs.vanished(fsys, p) {
			continue // a temporary file of an editor or a tool (sed -i), come and gone
		}
		if !inKind || !strings.HasSuffix(name, ".md") {
			return nil, false
		}
		info, err := fs.Stat(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil || !info.Mode().IsRegular():
			return nil, false
		}
		if info, err := fs.Lstat(fsys, p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, false
		}
		files = append(files, p)
	}
	return files, true
}

// vanished reports whether p, not a record file, is gone and was nothing
// the site used or the last full load saw (no record names it as its
// attachment or shows it).
func (rs *records) vanished(fsys fs.FS, p string) bool {
	if _, err := fs.Lstat(fsys, p); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	_, seen := slices.BinarySearch(rs.others, p)
	return !seen && rs.uses[p] == 0
}

// reload loads the groups of the changed record files again and returns
// the keys of the groups it reloaded, with the record each held before.
func (rs *records) reload(fsys fs.FS, cfg *config.Config, paths []string) (map[string]*content.Record, error) {
	before := map[string]*content.Record{}
	for _, p := range paths {
		key := groupKey(cfg, p)
		if _, done := before[key]; done {
			continue
		}
		old := rs.groups[key]
		before[key] = nil
		if old != nil {
			before[key] = old.rec
		}
		view := groupFS{fsys: fsys, cfg: cfg, key: key}
		set, err := content.Load(view, cfg)
		g := &group{}
		if err != nil {
			list, ok := diag.AsList(err)
			if !ok {
				return nil, err
			}
			g.errs = list
		}
		if set != nil {
			g.files, g.used, g.refused, g.refusedVersions = set.Files, set.Uses[key], set.Refused, set.RefusedVersions
			if len(set.Records) == 1 {
				g.rec = set.Records[0]
			}
			if len(set.Decoded) == 1 {
				g.decoded = set.Decoded[0]
			}
		}
		if old != nil {
			rs.count(old.used, -1)
		}
		rs.count(g.used, 1)
		i, listed := slices.BinarySearch(rs.keys, key)
		if g.files == 0 && len(g.errs) == 0 {
			delete(rs.groups, key)
			if listed {
				rs.keys = slices.Delete(rs.keys, i, i+1)
			}
		} else {
			rs.groups[key] = g
			if !listed {
				rs.keys = slices.Insert(rs.keys, i, key)
			}
		}
	}
	return before, nil
}

// count adds n to the count of groups that use each file of used.
func (rs *records) count(used []string, n int) {
	for _, p := range used {
		rs.uses[p] += n
	}
}

// hasErrors reports whether a group or the last full load had problems.
// (Slug collisions between records are found by set.)
func (rs *records) hasErrors() bool {
	if len(rs.global) > 0 {
		return true
	}
	for _, g := range rs.groups {
		if len(g.errs) > 0 {
			return true
		}
	}
	return false
}

// set returns the records in the order content.Load gives them, and every
// problem: those of the groups, and those a full load finds between
// records (two claiming a slug, a record publishing a confidential
// agreement's file, a file beside the records that none uses any more).
func (rs *records) set(fsys fs.FS) (*content.Set, diag.List) {
	set := &content.Set{}
	errs := slices.Clone(rs.global)
	refused := slices.Clone(rs.refused)
	set.RefusedVersions = slices.Clone(rs.refusedVersions)
	var decoded []*content.Record // with or without errors, as content.Load checks them
	for _, k := range rs.keys {
		g := rs.groups[k]
		if g.decoded != nil {
			decoded = append(decoded, g.decoded)
		}
		set.Files += g.files
		if len(g.errs) > 0 {
			set.Failed++
			errs = append(errs, g.errs...)
			refused = append(refused, g.refused...)
			set.RefusedVersions = append(set.RefusedVersions, g.refusedVersions...)
		}
		if g.rec != nil && len(g.errs) == 0 {
			set.Records = append(set.Records, g.rec)
		}
	}
	set.Refused = slices.Sorted(slices.Values(refused))
	if rs.exact {
		coll := content.Collisions(decoded)
		errs = append(errs, coll...)
		set.Failed += content.Refuse(set, coll)
		errs = append(errs, content.SharedAttachments(fsys, decoded)...)
		errs = append(errs, content.Strays(rs.others, func(p string) bool { return rs.uses[p] > 0 }, rs.used)...)
	}
	errs.Sort()
	return set, errs
}

// groupKey names the group of a record file: "theses/energidata" for
// content/theses/energidata.md and content/theses/energidata.en.md.
func groupKey(cfg *config.Config, p string) string {
	kind, name, _, _ := content.FileName(cfg, p)
	return kind + "/" + name
}

// groupFS is the site root as content.Load sees it when it reloads one
// group: content/ lists only the group's kind folder, which lists only the
// group's record files. Everything else (reading, attachments beside the
// record) passes through.
type groupFS struct {
	fsys fs.FS
	cfg  *config.Config
	key  string // "kind/name"
}

func (g groupFS) Open(name string) (fs.File, error) { return g.fsys.Open(name) }

func (g groupFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(g.fsys, name) }

func (g groupFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(g.fsys, name) }

func (g groupFS) ReadLink(name string) (string, error) { return fs.ReadLink(g.fsys, name) }

func (g groupFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(g.fsys, name) }

// ReadDir lists content/ and the group's kind folder by looking up only the
// names the group can have, so a reload does not read a large folder.
func (g groupFS) ReadDir(name string) ([]fs.DirEntry, error) {
	kind, base, _ := strings.Cut(g.key, "/")
	var names []string
	switch name {
	case content.Dir:
		names = []string{kind}
	case content.Dir + "/" + kind:
		names = []string{base + ".md"}
		for _, l := range g.cfg.Languages[1:] { // after the default
			names = append(names, base+"."+l+".md")
		}
	default:
		return fs.ReadDir(g.fsys, name)
	}
	var out []fs.DirEntry
	for _, n := range names {
		info, err := fs.Lstat(g.fsys, name+"/"+n)
		if err == nil && (n == kind || !info.IsDir()) {
			out = append(out, fs.FileInfoToDirEntry(info))
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
