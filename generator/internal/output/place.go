package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"portal/generator/internal/diag"
)

// CheckOut refuses an output folder out that would put the sources of the
// site at root at risk: out inside content/ or templates/, out being
// config.toml, out being the root or holding it (a swap would move the
// sources away), out naming something that is not a folder (the swap
// would replace it), or a link to a folder that cannot be reached. Both
// are made absolute, and links in them resolved, before they are
// compared.
func CheckOut(root, out string) error {
	absRoot, err := resolve(root)
	if err != nil {
		return err
	}
	absOut, err := resolve(out)
	if err != nil {
		return err
	}
	name := filepath.ToSlash(out)
	for _, src := range []string{"content", "templates", "config.toml"} {
		if within(absOut, filepath.Join(absRoot, src)) {
			return diag.M(diag.OutInSources, name, src)
		}
	}
	if within(absRoot, absOut) {
		return diag.M(diag.OutHasRoot, name)
	}
	if info, err := os.Lstat(absOut); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return diag.M(diag.OutLinkUnreachable, name) // resolve followed every link that leads somewhere
	} else if err == nil && !info.IsDir() {
		return diag.M(diag.OutIsFile, name)
	}
	return nil
}

// resolve makes p absolute and resolves the links in the longest part of
// it that exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		} else if !errors.Is(err, os.ErrNotExist) || filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}
