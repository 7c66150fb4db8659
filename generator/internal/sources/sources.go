// Package sources holds the rules every file of a site's sources follows,
// in content/ and in templates/ alike, so that the site builds the same on
// Windows, macOS and Linux and no file leads outside its folder:
//
//   - Ignored: files that desktops and editors drop into folders
//     (.DS_Store, Thumbs.db, desktop.ini, ~$ lock files, swap and backup
//     files) are not sources, and no error.
//   - CheckName: a name that Windows cannot hold (con, nul, aux, prn,
//     com1–com9, lpt1–lpt9 with any extension, a trailing dot or space, one
//     of <>:"|?*\) or that holds a control character (which could forge a
//     line of the diagnostics) is refused.
//   - Resolve: a symbolic link is followed component by component, and no
//     step may leave the folder it is in.
package sources

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// junk are names that desktop systems create in folders they show.
var junk = []string{".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"}

// junkSuffixes end the names of editors' swap, backup and temporary files.
var junkSuffixes = []string{".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".kate-swp",
	"___jb_tmp___", "___jb_old___", ".crswap", ".part"}

// Ignored reports names that are not sources: hidden files and folders
// (.DS_Store, .x.md.swp, .#x.md), files that Windows and macOS drop into
// folders (Thumbs.db, desktop.ini, Icon\r), Office's lock files (~$x.docx),
// backups (x.md~, #x.md#, x.bak), swap and temporary files, and vim's
// write test files (4913). They appear and vanish while someone works.
// dir says that name is a folder's: vim's test files are files, and a
// folder named by digits alone (a year, content/theses/2026) is read, so
// that the records an editor put there are reported, not silently left
// out of the site.
func Ignored(name string, dir bool) bool {
	lower := strings.ToLower(name)
	if name == "" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasPrefix(name, "~$") || strings.HasSuffix(name, "~") {
		return true
	}
	return slices.Contains(junk, lower) ||
		slices.ContainsFunc(junkSuffixes, func(s string) bool { return strings.HasSuffix(lower, s) }) ||
		!dir && !strings.ContainsFunc(name, func(r rune) bool { return r < '0' || r > '9' }) // vim's 4913
}

// Reserved reports whether Windows reserves name for a device, with any
// extension and in any case: con, prn, aux, nul, com1–com9 and lpt1–lpt9
// (also with the superscript digits ¹²³, which Windows reserves too).
func Reserved(name string) bool {
	base, _, _ := strings.Cut(strings.ToLower(name), ".")
	base = strings.TrimRight(base, " ")
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) >= 4 && (base[:3] == "com" || base[:3] == "lpt") &&
		slices.Contains([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"}, base[3:])
}

// CheckName returns why a file or folder name cannot be part of the
// sources, or a Message without ID if it can. The name is quoted (Go syntax), so that the
// message itself holds no control character.
func CheckName(name string) diag.Message {
	q := strconv.Quote(name)
	if !utf8.ValidString(name) {
		return diag.M(diag.NameUTF8, q)
	}
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) {
		return diag.M(diag.NameControl, q)
	}
	switch {
	case Reserved(name):
		return diag.M(diag.NameReserved, q)
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return diag.M(diag.NameDot, q)
	case strings.ContainsAny(name, `<>:"|?*\`):
		return diag.M(diag.NameChars, q)
	}
	return diag.Message{}
}

// Check returns the problem with the last name in p, a slash-separated
// path whose folders were checked already, positioned at p, or at its
// folder when the name cannot be printed as it is; ok is false when there
// is a problem.
func Check(p string) (diag.Error, bool) {
	msg := CheckName(path.Base(p))
	if msg.ID == "" {
		return diag.Error{}, true
	}
	at := p
	if strconv.Quote(at) != `"`+at+`"` {
		// The folder's own name was checked before its entries.
		at = path.Dir(p)
	}
	return diag.Of(at, 1, 1, msg), false
}

// Leave reports whether a walk (fs.WalkDir) of the folder root leaves
// the entry p out: an ignored name, or a name that Check refuses, whose
// problem it adds to errs. ret is what the walk returns then: a folder is
// left out with its files.
func Leave(root, p string, d fs.DirEntry, errs *diag.List) (leave bool, ret error) {
	if p == root {
		return false, nil
	}
	if d != nil && d.IsDir() {
		ret = fs.SkipDir
	}
	if Ignored(path.Base(p), d != nil && d.IsDir()) {
		return true, ret
	}
	if e, ok := Check(p); !ok {
		*errs = append(*errs, e)
		return true, ret
	}
	return false, nil
}

// FolderLink returns why the folder dir at the site root (content,
// templates) is not read: it is a symbolic link, which could lead anywhere
// (/etc, another checkout), whose names check would list and whose files
// the site would publish. The links inside it are checked against it, so
// it must be the folder itself. A Message without ID when it is.
func FolderLink(fsys fs.FS, dir string) diag.Message {
	if info, err := fs.Lstat(fsys, dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return diag.M(diag.FolderIsLink, dir)
	}
	return diag.Message{}
}

// MaxLinks is how many symbolic links a path may pass through.
const MaxLinks = 40

// Resolve follows every symbolic link in p, a path under dir, component
// by component as the operating system does when the file is read, and
// returns the path it resolves to, or a message why it cannot. No step may
// leave dir.
func Resolve(fsys fs.FS, dir, p string) (string, diag.Message) {
	outside := func(first string) (string, diag.Message) {
		return "", diag.M(diag.LinkOutside, dir, first)
	}
	cur := dir  // resolved so far, free of links, so ".." is its real parent
	first := "" // target of the first link, as written: named in errors
	rest := strings.Split(strings.TrimPrefix(p, dir+"/"), "/")
	for links := 0; len(rest) > 0; {
		part := rest[0]
		rest = rest[1:]
		if part == "" || part == "." {
			continue
		}
		next := path.Join(cur, part)
		if next != dir && !strings.HasPrefix(next, dir+"/") {
			return outside(first)
		}
		info, err := fs.Lstat(fsys, next)
		if err != nil {
			return "", diag.M(diag.LinkCannotFollow, diag.Cause(err))
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if links++; links > MaxLinks {
			return "", diag.M(diag.LinkTooMany)
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", diag.M(diag.LinkCannotRead, diag.Cause(err))
		}
		first = cmp.Or(first, target)
		if path.IsAbs(target) {
			return outside(first)
		}
		// The target is relative to the link's folder, which is cur.
		rest = append(strings.Split(target, "/"), rest...)
	}
	return cur, diag.Message{}
}

// CheckLink refuses a symbolic link at p, under dir, that leads outside
// dir through any chain of links, or to something other than a regular
// file. It returns the resolved path, or the message why not.
func CheckLink(fsys fs.FS, dir, p string) (string, diag.Message) {
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		// Its Lstat would follow links: nothing could be checked.
		return "", diag.M(diag.LinkUnsupported)
	}
	real, msg := Resolve(fsys, dir, p)
	if msg.ID != "" {
		return "", msg
	}
	info, err := fs.Lstat(fsys, real)
	switch {
	case err != nil:
		return "", diag.M(diag.LinkCannotFollow, diag.Cause(err))
	case !info.Mode().IsRegular():
		return "", diag.M(diag.LinkNotFile)
	}
	return real, diag.Message{}
}

// File returns what keeps the file p, which a walk (fs.WalkDir) of the
// folder dir found as d with err, from being read as a source: it cannot
// be read, it is a symbolic link that CheckLink refuses, or it is not a
// regular file (a named pipe would block the build forever; a device is
// no source). Otherwise it returns the path p resolves to: p, or the
// file a link leads to. Not for folders.
func File(fsys fs.FS, dir, p string, d fs.DirEntry, err error) (string, diag.Message) {
	switch {
	case err != nil:
		return "", diag.M(diag.CannotRead, diag.Cause(err))
	case d.Type()&fs.ModeSymlink != 0:
		return CheckLink(fsys, dir, p)
	case !d.Type().IsRegular():
		return "", diag.M(diag.NotRegular)
	}
	return p, diag.Message{}
}
