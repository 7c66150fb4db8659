package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/sources"
)

// An asset is a file under templates/assets/, published under a name made
// from its content (Fingerprint). An asset may also be a folder named as
// the file it makes, site.css/ or search.js/: its files are joined in the
// order of their names into that one file, so that a long stylesheet or
// script is kept in parts of a readable length and still reaches the
// browser in one request. A site's own templates/ replaces such an asset
// whole with a file of that name, or a part of it with a file of the
// part's name, or adds a part.

// madeOfParts reports whether a folder of this name under assets/ is an
// asset made of parts: a stylesheet or a script, which are the same
// joined as loaded one after the other.
func madeOfParts(name string) bool {
	ext := path.Ext(name)
	return ext == ".css" || ext == ".js"
}

// loadAssets reads every asset under templates/assets/ and names its
// output after its content: assets/site.css → assets/site.3f2a9c1b0d.css.
func (t *Templates) loadAssets(fsys fs.FS) diag.List {
	var errs diag.List
	root := path.Join(Dir, "assets")
	if _, err := fs.Stat(fsys, root); err != nil {
		return nil
	}
	add := func(p string, b []byte) {
		name := strings.TrimPrefix(p, root+"/")
		out := "assets/" + Fingerprint(name, b)
		t.assets[out] = b
		t.assetURL[name] = "/" + out
	}
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, diag.At(p, 1, 1, diag.CannotRead, diag.Cause(err)))
			return nil
		}
		// The files editors and desktops drop (4-lists.css~, Thumbs.db)
		// are left out as the site's own are (sources.Ignored): the
		// defaults embedded in the program are read from a folder someone
		// works in, and would otherwise be published or joined into a part.
		ignored := p != root && sources.Ignored(d.Name(), d.IsDir())
		if d.IsDir() && p != root && !ignored && madeOfParts(d.Name()) {
			b, list := joinParts(fsys, p)
			errs = append(errs, list...)
			if list == nil {
				add(p, b)
			}
			return fs.SkipDir
		}
		if ignored && d.IsDir() {
			return fs.SkipDir
		}
		if d.IsDir() || ignored {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, diag.At(p, 1, 1, diag.CannotRead, diag.Cause(err)))
			return nil
		}
		add(p, b)
		return nil
	})
	if err != nil {
		errs = append(errs, diag.At(root, 1, 1, diag.CannotRead, diag.Cause(err)))
	}
	return errs
}

// joinParts joins the files of the folder dir, an asset made of parts, in
// the order of their names, each ended by a newline; the files editors
// and desktops drop (sources.Ignored: .#x.css, 4-lists.css~, Thumbs.db)
// are left out. A folder in it is an error: the order of its files among
// the others would be a guess. So is a file that does not end as the asset
// does (a README.md, 4-lists.css.orig): joined, it would break the
// stylesheet or the script with no word of where.
func joinParts(fsys fs.FS, dir string) ([]byte, diag.List) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, diag.List{diag.At(dir, 1, 1, diag.CannotRead, diag.Cause(err))}
	}
	var out bytes.Buffer
	var errs diag.List
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		switch {
		case sources.Ignored(e.Name(), e.IsDir()):
			continue
		case e.IsDir():
			errs = append(errs, diag.At(p, 1, 1, diag.AssetPartFolder, path.Base(dir)))
			continue
		case path.Ext(e.Name()) != path.Ext(dir):
			errs = append(errs, diag.At(p, 1, 1, diag.AssetPartExt, path.Base(dir), path.Ext(dir)))
			continue
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, diag.At(p, 1, 1, diag.CannotRead, diag.Cause(err)))
			continue
		}
		out.Write(b)
		if len(b) > 0 && b[len(b)-1] != '\n' {
			out.WriteByte('\n')
		}
	}
	return out.Bytes(), errs
}

// Fingerprint names a file after its content: "css/site.css" with content b
// becomes "css/site.<first 10 hex digits of sha256(b)>.css".
func Fingerprint(name string, b []byte) string {
	sum := sha256.Sum256(b)
	h := hex.EncodeToString(sum[:])[:10]
	dir, base := path.Split(name)
	ext := path.Ext(base)
	return dir + strings.TrimSuffix(base, ext) + "." + h + ext
}
