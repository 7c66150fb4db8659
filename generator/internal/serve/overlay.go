package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
)

// problem is one error in the sources with the lines around it.
type problem struct {
	Err   diag.Error
	Lines []srcLine
}

// shown is a problem as the overlay shows it, in one language.
type shown struct {
	Error string // "path:line:col: message", as the terminal prints it
	Lines []srcLine
}

// srcLine is one numbered source line; Here and Before are set on the
// problem's line. Text and Before are as diag.Visible writes them: a
// bidirectional control or a control character of the source shows as
// its escape (\u202e), which can reorder nothing.
type srcLine struct {
	N      int
	Text   string
	Here   bool
	Before string // on the problem's line: its text before the column
}

// contextLines is how many lines are shown before and after a problem's line.
const contextLines = 2

// maxShown is how many problems the overlay lists.
const maxShown = 50

// maxSource is the largest file whose lines the overlay quotes.
const maxSource = 4 << 20

// problems adds the source lines to each error. Paths are relative to the
// site root fsys; a path that is not a readable file gets no lines.
func problems(fsys fs.FS, list diag.List) []problem {
	var out []problem
	cache := map[string][]string{}
	for _, e := range list {
		p := problem{Err: e}
		lines, ok := cache[e.Path]
		if !ok {
			lines = readLines(fsys, e.Path)
			cache[e.Path] = lines
		}
		if e.Line >= 1 && e.Line <= len(lines) {
			for n := max(1, e.Line-contextLines); n <= min(len(lines), e.Line+contextLines); n++ {
				col := 1
				if n == e.Line {
					col = e.Col
				}
				text, col := clip(lines[n-1], col)
				// Escaped after the column is found, in Before as in
				// Text, so that the caret stays under its character.
				l := srcLine{N: n, Text: diag.Visible(text)}
				if n == e.Line {
					l.Here = true
					l.Before = diag.Visible(before(text, col))
				}
				p.Lines = append(p.Lines, l)
			}
		}
		out = append(out, p)
	}
	return out
}

// readLines returns the lines of the file p, if it is a regular file (a
// symbolic link is not followed: the problem may be that it leads out of
// the site, to a file whose lines are nobody's business).
func readLines(fsys fs.FS, p string) []string {
	if !fs.ValidPath(p) {
		return nil
	}
	info, err := fs.Lstat(fsys, p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxSource {
		return nil
	}
	b, err := fs.ReadFile(fsys, p)
	if err != nil || !utf8.Valid(b) {
		return nil
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return strings.Split(string(b), "\n")
}

// maxQuoted is how many characters of a source line the overlay quotes:
// a record may be one line of a MiB, with 50 problems on it.
const maxQuoted = 200

// clip returns at most maxQuoted characters of line, with "…" where it
// was cut: its start, or around column col (1-based, in characters) when
// that is further, and col in the text returned.
func clip(line string, col int) (string, int) {
	if len(line) <= maxQuoted {
		return line, col // fewer bytes, so fewer characters
	}
	r := []rune(line)
	if len(r) <= maxQuoted {
		return line, col
	}
	start := 0
	if col-1 >= maxQuoted {
		start = min(col-1-maxQuoted/2, len(r)-maxQuoted)
	}
	end := start + maxQuoted
	text := string(r[start:end])
	if start > 0 {
		text, col = "…"+text, col-start+1
	}
	if end < len(r) {
		text += "…"
	}
	return text, col
}

// before is the text of line before column col (1-based, counted in
// characters). The overlay writes it hidden in front of the caret, so
// that the caret stands under the column whatever the widths of the
// characters before it (a tab, an emoji, a wide letter).
func before(line string, col int) string {
	n := 1
	for i := range line {
		if n >= col {
			return line[:i]
		}
		n++
	}
	return line
}

// overlays renders the problems for the browser in each message
// language; nil for none. noneYet says that no build has succeeded yet.
func overlays(t *template.Template, ps []problem, noneYet bool) map[diag.Lang]template.HTML {
	if len(ps) == 0 {
		return nil
	}
	return map[diag.Lang]template.HTML{
		diag.English: overlayHTML(t, ps, diag.English, noneYet),
		diag.Swedish: overlayHTML(t, ps, diag.Swedish, noneYet),
	}
}

// overlayHTML renders the problems for the browser in lang. Every value is
// escaped by html/template, so the script may insert it as it is.
func overlayHTML(t *template.Template, ps []problem, lang diag.Lang, noneYet bool) template.HTML {
	text := func(id diag.ID, args ...any) string { return diag.M(id, args...).Text(lang) }
	title, note := diag.OverlayTitleN, diag.OverlayNote
	if len(ps) == 1 {
		title = diag.OverlayTitle1
	}
	if noneYet {
		note = diag.OverlayNoteNone
	}
	data := struct {
		Lang, Close, Title, Note, More string
		Problems                       []shown
	}{Lang: string(lang), Close: text(diag.OverlayClose), Title: text(title, diag.Count(len(ps))), Note: text(note)}
	if len(ps) > maxShown {
		data.More = text(diag.OverlayMore, diag.Count(len(ps)-maxShown))
		ps = ps[:maxShown]
	}
	for _, p := range ps {
		data.Problems = append(data.Problems, shown{Error: p.Err.In(lang), Lines: p.Lines})
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return template.HTML("<div id=\"portal-overlay\">" + template.HTMLEscapeString(fmt.Sprint(err)) + "</div>")
	}
	return template.HTML(b.String())
}

// overlaySource is the overlay's template.
const overlaySource = `<div id="portal-overlay" role="alert" lang="{{.Lang}}">
<button type="button" class="portal-close">{{.Close}}</button>
<h2>{{.Title}}</h2>
<p class="portal-note">{{.Note}}</p>
{{- range .Problems}}
<section>
<p class="portal-msg">{{.Error}}</p>
{{- if .Lines}}
<pre>{{range .Lines}}<span{{if .Here}} class="here"{{end}}>{{printf "%5d" .N}} | {{.Text}}</span>
{{if .Here}}<span class="caret" aria-hidden="true">      | <span class="before">{{.Before}}</span>^</span>
{{end}}{{end}}</pre>
{{- end}}
</section>
{{- end}}
{{- if .More}}
<p class="portal-note">{{.More}}</p>
{{- end}}
</div>
`
