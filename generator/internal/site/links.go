package site

import (
	"maps"
	"path"
	"slices"
	"strings"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/markdown"
)

// resolver maps a link in the body of v to a published URL.
func (s *Site) resolver(v *content.Version) markdown.Resolver {
	return func(dest string) (string, error) {
		// What follows the path (a query, a fragment) is kept as it is:
		// a link to a filtered list, /exjobb/?level=master, is one.
		target, rest := dest, ""
		if i := strings.IndexAny(dest, "?#"); i >= 0 {
			target, rest = dest[:i], dest[i:]
		}
		if strings.Contains(target, `\`) {
			// A path as Windows writes it: a browser would read it so,
			// but Markdown takes a \ before punctuation for an escape.
			return "", diag.M(diag.LinkBackslash, dest, strings.ReplaceAll(target, `\`, "/")+rest)
		}
		if strings.HasPrefix(target, "/") {
			if s.HasPath(target) || s.HasPath(target+"/") {
				return dest, nil
			}
			if near := s.nearPage(target); near != "" {
				return "", diag.M(diag.LinkNoPageAs, target, near)
			}
			return "", diag.M(diag.LinkNoPage, target)
		}
		if !strings.HasSuffix(strings.ToLower(target), ".md") {
			return s.fileLink(v, dest)
		}
		p := path.Join(path.Dir(v.Path), target)
		if p != content.Dir && !strings.HasPrefix(p, content.Dir+"/") {
			return "", diag.M(diag.LinkLeaves, dest)
		}
		e := s.bySource[p]
		if e == nil {
			if s.refused[p] {
				return dest, nil // the record's own problems are reported; the build fails on them
			}
			if s.unpublished[p] {
				return "", diag.M(diag.LinkUnpublished, target)
			}
			if near := s.nearRecord(v, p); near != "" {
				return "", diag.M(diag.LinkNoRecordAs, target, near)
			}
			return "", diag.M(diag.LinkNoRecord, target)
		}
		return e.URL[v.Lang] + rest, nil
	}
}

// fileLink resolves dest, a relative link in the body of v to something
// other than a record: the record's own attachment by its name, or an
// image the body shows (a picture that opens at full size), at its
// published address beside the page, fragment kept ("avtal.pdf#page=3");
// else an error that says what to write, since a page is not published
// where its source is, and nothing else beside it is (a web address
// without its https:// is one too).
func (s *Site) fileLink(v *content.Version, dest string) (string, error) {
	target, frag, _ := strings.Cut(dest, "#")
	if frag != "" {
		frag = "#" + frag
	}
	p := path.Join(path.Dir(v.Path), target)
	if url := s.besideURL(v, p); url != "" {
		return url + frag, nil
	}
	if mailAddress(target) {
		return "", diag.M(diag.LinkNoMailto, dest, "mailto:"+dest)
	}
	if webAddress(target) {
		return "", diag.M(diag.LinkNoScheme, dest, "https://"+dest)
	}
	if s.refused[v.Path] && path.Dir(p) == path.Dir(v.Path) {
		// A record refused for its own problems has no entry that says
		// what is published beside it (its attachment, its images): its
		// problems are reported, and the build fails on them.
		return dest, nil
	}
	return "", diag.M(diag.LinkRelative, dest)
}

// besideURL is the published address of p, a file beside v's record:
// the record's attachment, or an image v's body shows (published beside
// its page); "" for any other file. Of a confidential record, whose body
// is never published, it is their name.
func (s *Site) besideURL(v *content.Version, p string) string {
	e := s.bySource[v.Path]
	if e == nil {
		return ""
	}
	if e.Confidential {
		// Its body is never published: its notes may name what lies
		// beside it, which no link of it reaches.
		if p == e.Attachment || slices.ContainsFunc(v.Images, func(img content.Image) bool { return img.Path == p }) {
			return path.Base(p)
		}
		return ""
	}
	if e.Attachment != "" && p == e.Attachment {
		return s.AttachmentURL(e, v.Lang)
	}
	for _, pi := range s.Images(e, v) {
		if !pi.Variant && pi.Image.Path == p {
			return pi.URL
		}
	}
	return ""
}

// mailAddress reports whether a relative link reads as an e-mail address
// written without mailto: (exjobb@kth.se), which webAddress would take for
// a host.
func mailAddress(target string) bool {
	user, host, ok := strings.Cut(target, "@")
	return ok && user != "" && !strings.ContainsAny(user, "/?") && strings.Contains(host, ".") && !strings.Contains(host, "/")
}

// webAddress reports whether a relative link reads as a web address
// written without https://: its first part is a host name, www.… or one
// under a top-level domain that Swedish texts link to.
func webAddress(target string) bool {
	host, _, _ := strings.Cut(target, "/")
	host, _, _ = strings.Cut(host, "?")
	if strings.HasPrefix(host, "www.") && len(host) > len("www.") {
		return true
	}
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return false
	}
	switch host[dot+1:] {
	case "se", "nu", "eu", "com", "org", "net", "edu", "gov", "int", "info", "io", "fi", "no", "dk", "de", "uk":
		return true
	}
	return false
}

// nearRecord is the published record's file that a link from v to p, a
// file that is no record, was likely meant for, as v's file would link
// it: one a typo or two away in p's folder, or of p's name in another
// folder; "" when there is none.
func (s *Site) nearRecord(v *content.Version, p string) string {
	dir, name := path.Split(p)
	var names []string // sorted, as the sources are
	other := ""
	for _, src := range s.sources() {
		d, n := path.Split(src)
		switch {
		case d == dir && abs(len(n)-len(name)) <= 2:
			names = append(names, n)
		case n == name && other == "":
			other = src
		}
	}
	if near := diag.Nearest(name, names); near != "" {
		return relSlash(path.Dir(v.Path), dir+near)
	}
	if other != "" {
		return relSlash(path.Dir(v.Path), other)
	}
	return ""
}

// nearPage returns the address of the site that target, an address that
// names none, was most likely meant to be: one in the same folder whose
// last part is at most two edits away, letter case aside
// (/exjobb/andra/ for /exjobb/andar/, /exjobb/ for /Exjobb/), or "".
// The site's paths decide it alone, as linksAsBefore assumes.
func (s *Site) nearPage(target string) string {
	dir, name := path.Split(strings.TrimSuffix(target, "/"))
	byName := map[string]string{} // last part → the address
	for k := range s.paths {
		d, n := path.Split(strings.TrimSuffix(k, "/"))
		if n != "" && strings.EqualFold(d, dir) && abs(len(n)-len(name)) <= 2 {
			if had, ok := byName[n]; !ok || k < had { // one answer, whatever the map's order
				byName[n] = k
			}
		}
	}
	names := slices.Sorted(maps.Keys(byName))
	if near := diag.Nearest(name, names); near != "" {
		return byName[near]
	}
	return ""
}

// relSlash is the relative slash path from the folder from to the file to.
func relSlash(from, to string) string {
	f, t := strings.Split(from, "/"), strings.Split(to, "/")
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/")
}

func abs(n int) int { return max(n, -n) }
