package content

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/images"
)

// Image is an image file beside a record that a version's body shows
// with ![text](name.png); the site publishes it beside the version's
// page.
type Image struct {
	Name      string // as the body names it: the file name
	Path      string // source file, relative to the site root
	Line, Col int    // where the body first shows it
	images.Info
}

// Shows reports whether a version of r shows the image file at p (a
// path relative to the site root).
func (r *Record) Shows(p string) bool {
	for _, v := range r.Versions {
		for _, img := range v.Images {
			if img.Path == p {
				return true
			}
		}
	}
	return false
}

// checkImages checks the images that the body of f shows and returns
// those beside the record, each once, and the paths of the files the
// body names (refused ones too: named, they are no strays). An image must have a text (alt),
// be a file beside the record of a type and size the site publishes, and
// not be on another site. Site paths ("/logo.png") are left to the link
// check of the site.
func checkImages(fsys fs.FS, f *file) ([]Image, []string, diag.List) {
	var out []Image
	var named []string
	var errs diag.List
	seen := map[string]bool{}
	for _, ref := range f.images {
		fail := func(format string, args ...any) {
			errs = append(errs, diag.Error{Path: f.path, Line: ref.Line, Col: ref.Col, Msg: fmt.Sprintf(format, args...)})
		}
		name := ref.Dest
		if strings.HasPrefix(name, "/") && !strings.HasPrefix(name, "//") {
			continue
		}
		if ref.Alt == "" {
			fail("image %q needs a text for those who cannot see it: write ![what the image shows](%s)", clipDest(name), clipDest(name))
		}
		if msg := imagePath(name); msg != "" {
			fail("%s", msg)
			continue
		}
		p := path.Join(path.Dir(f.path), name)
		named = append(named, p)
		if msg := imageName(name); msg != "" {
			fail("%s", msg)
			continue
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		info, err := fs.Lstat(fsys, p)
		switch {
		case err != nil:
			fail("image %q not found beside the record", name)
			continue
		case info.Mode()&fs.ModeSymlink != 0:
			if msg := checkLink(fsys, p); msg != "" {
				fail("image %q: %s", name, msg)
				continue
			}
		case !info.Mode().IsRegular():
			fail("image %q is not a regular file", name)
			continue
		}
		in, err := images.Inspect(fsys, p, name)
		if err != nil {
			fail("%s", err.Error())
			continue
		}
		out = append(out, Image{Name: name, Path: p, Line: ref.Line, Col: ref.Col, Info: in})
	}
	return out, named, errs
}

// imagePath says why an image destination is not a file beside the
// record, or returns "".
func imagePath(dest string) string {
	d := clipDest(dest)
	if strings.HasPrefix(dest, "//") || strings.Contains(strings.SplitN(dest, "/", 2)[0], ":") {
		return fmt.Sprintf("image %q is not on this site, which shows only its own images; save the file beside the record and write its name", d)
	}
	if dest == "" || strings.ContainsAny(dest, `/\?#`) || strings.HasPrefix(dest, ".") {
		return fmt.Sprintf("image %q must be the name of a file beside the record, not a path", d)
	}
	return ""
}

// imageName says why the name of a file beside the record is not one of
// an image the site publishes, or returns "".
func imageName(dest string) string {
	d := clipDest(dest)
	for _, r := range dest {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Sprintf("image %q: an image's file name has only letters a-z, digits, - _ and .; rename the file", d)
		}
	}
	_, msg := images.Format(dest)
	return msg
}

// clipDest shortens a long destination (a data: URL) for a message.
func clipDest(dest string) string {
	if r := []rune(dest); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return dest
}
