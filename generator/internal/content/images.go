package content

import (
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

// ChecksImage reports whether the image at dest is checked here: all but
// site paths ("/logo.png"), which the site's link check resolves.
func ChecksImage(dest string) bool {
	return !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//")
}

// checkImages checks the images that the body of f shows and returns
// those beside the record, each once, and the paths of the files the
// body names (refused ones too: named, they are no strays). An image must have a text (alt),
// be a file beside the record of a type and size the site publishes, and
// not be on another site. Site paths ("/logo.png") are left to the link
// check of the site, but for their text.
func checkImages(fsys fs.FS, f *file) ([]Image, []string, diag.List) {
	var out []Image
	var named []string
	var errs diag.List
	seen := map[string]bool{}
	for _, ref := range f.images {
		fail := func(m diag.Message) {
			errs = append(errs, diag.Of(f.path, ref.Line, ref.Col, m))
		}
		name := ref.Dest
		if ref.Alt == "" {
			fail(diag.M(diag.ImageAlt, diag.Clip(name, 60), diag.Clip(name, 60)))
		}
		if !ChecksImage(name) {
			continue // its text is checked: the site's link check finds no alt
		}
		if msg := imagePath(name); msg.ID != "" {
			fail(msg)
			continue
		}
		p := path.Join(path.Dir(f.path), name)
		named = append(named, p)
		if msg := imageName(name); msg.ID != "" {
			fail(msg)
			continue
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		if m := besideProblem(fsys, p, name, diag.ImageMissing, diag.ImageCase, diag.ImageLink, diag.ImageNotRegular); m.ID != "" {
			fail(m)
			if other, ok := otherCaseOf(m); ok {
				named = append(named, path.Join(path.Dir(p), other)) // not a stray: one error is enough
			}
			continue
		}
		in, err := images.Inspect(fsys, p, name)
		if err != nil {
			m, ok := err.(diag.Message)
			if !ok {
				m = diag.M(diag.ImageUnreadable, name)
			}
			fail(m)
			continue
		}
		out = append(out, Image{Name: name, Path: p, Line: ref.Line, Col: ref.Col, Info: in})
	}
	return out, named, errs
}

// imagePath says why an image destination is not a file beside the
// record, or returns "".
func imagePath(dest string) diag.Message {
	d := diag.Clip(dest, 60)
	if strings.HasPrefix(dest, "//") || strings.Contains(strings.SplitN(dest, "/", 2)[0], ":") {
		return diag.M(diag.ImageExternal, d)
	}
	if dest == "" || strings.ContainsAny(dest, `/\?#`) || strings.HasPrefix(dest, ".") {
		return diag.M(diag.ImagePath, d)
	}
	return diag.Message{}
}

// imageName says why the name of a file beside the record is not one of
// an image the site publishes, or returns "".
func imageName(dest string) diag.Message {
	if strings.ContainsFunc(dest, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	}) {
		return diag.M(diag.ImageName, diag.Clip(dest, 60))
	}
	if len(dest) > MaxSlug {
		// Its variant (images.VariantName) adds to it; a name over 255
		// bytes cannot be written.
		return diag.M(diag.ImageNameLong, diag.Clip(dest, 60), MaxSlug)
	}
	_, msg := images.Format(dest)
	return msg
}
