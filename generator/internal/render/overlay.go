package render

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/sources"
	"portal/templates"
)

// LoadSite is Load over the default templates embedded in the program
// (package portal/templates) with the site's own templates/ folder, if
// any, laid over them file by file. The site's folder follows the rules of
// content/: files that desktops drop are ignored; a name that Windows
// cannot hold or with a control character, a symbolic link leading outside
// templates/ and anything but a regular file are errors.
func LoadSite(fsys fs.FS, cfg *config.Config) (*Templates, error) {
	return LoadSiteWith(fsys, cfg, Options{})
}

// LoadSiteWith is LoadSite with options.
func LoadSiteWith(fsys fs.FS, cfg *config.Config, opt Options) (*Templates, error) {
	merged, errs := Overlay(fsys, templates.FS())
	t, err := Load(merged, cfg, opt)
	if t != nil {
		t.warnings = unread(slices.Collect(maps.Keys(merged.(*layered).own)))
	}
	if len(errs) == 0 {
		return t, err
	}
	if list, ok := diag.AsList(err); ok {
		errs = append(errs, list...)
	} else if err != nil {
		return nil, err
	}
	errs.Sort()
	return nil, errs
}

// Overlay returns the templates/ folder of the site fsys laid over base
// (rooted at templates/), file by file, and the problems with the site's
// files, which are left out.
func Overlay(fsys fs.FS, base fs.FS) (fs.FS, diag.List) {
	l := &layered{site: fsys, base: base, own: map[string]bool{}, dirs: map[string]bool{}}
	var errs diag.List
	if _, err := fs.Stat(fsys, Dir); err != nil {
		return l, nil // no templates/ of its own: the defaults alone
	}
	if msg := sources.FolderLink(fsys, Dir); msg.ID != "" {
		return l, diag.List{diag.Of(Dir, 1, 1, msg)}
	}
	fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if leave, ret := sources.Leave(Dir, p, d, &errs); leave {
			return ret
		}
		if err == nil && d.IsDir() {
			return nil
		}
		if _, msg := sources.File(fsys, Dir, p, d, err); msg.ID != "" {
			errs = append(errs, diag.Of(p, 1, 1, msg))
			return nil
		}
		l.own[p] = true
		for dir := path.Dir(p); dir != Dir; dir = path.Dir(dir) {
			l.dirs[dir] = true
		}
		return nil
	})
	return l, errs
}

// layered is the site's checked templates/ files over the defaults.
type layered struct {
	site fs.FS           // the site root; only the files in own are read from it
	base fs.FS           // the defaults, rooted at templates/
	own  map[string]bool // the site's files under templates/ that passed the checks
	dirs map[string]bool // the site's folders under templates/ that hold them
}

// Own reports whether the file at name is the site's own, rather than a
// default.
func (l *layered) Own(name string) bool { return l.own[name] }

// Shadowed returns the default file under name when the site has a file
// of its own there (the i18n table a site's own one inherits from); an error wrapping fs.ErrNotExist when it has not, or
// the defaults have none.
func (l *layered) Shadowed(name string) ([]byte, error) {
	rest, ok := inBase(name)
	if !l.own[name] || !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(l.base, rest)
}

// inBase is name's path in base, and whether name is under templates/.
func inBase(name string) (string, bool) {
	if name == Dir {
		return ".", true
	}
	rest, ok := strings.CutPrefix(name, Dir+"/")
	return rest, ok
}

func (l *layered) Open(name string) (fs.File, error) {
	if l.own[name] {
		return l.site.Open(name)
	}
	rest, ok := inBase(name)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := l.base.Open(rest)
	if errors.Is(err, fs.ErrNotExist) && l.dirs[name] {
		return l.site.Open(name)
	}
	return f, err
}

// ReadDir lists both layers, the site's entry where both have one.
func (l *layered) ReadDir(name string) ([]fs.DirEntry, error) {
	rest, ok := inBase(name)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(l.base, rest)
	if err != nil && !l.dirs[name] && name != Dir {
		return nil, err
	}
	own, _ := fs.ReadDir(l.site, name)
	for _, e := range own {
		p := path.Join(name, e.Name())
		if !l.own[p] && !l.dirs[p] {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// Checked: a link to a regular file inside templates/.
			info, err := fs.Stat(l.site, p)
			if err != nil {
				return nil, err
			}
			e = fs.FileInfoToDirEntry(info)
		}
		i, found := slices.BinarySearchFunc(entries, e.Name(), func(x fs.DirEntry, n string) int { return strings.Compare(x.Name(), n) })
		if found {
			entries[i] = e
		} else {
			entries = slices.Insert(entries, i, e)
		}
	}
	return entries, nil
}
