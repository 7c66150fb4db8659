package pipeline

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"portal/generator/internal/diag"
	"portal/generator/internal/images"
	"portal/generator/internal/site"
)

// Output is one file of the published site.
type Output struct {
	Path string     // slash-separated, relative to the output folder
	Page *site.Page // set for HTML pages
	// Deps lists the records whose text (title, summary, body) a feed or
	// calendar shows. Pages list theirs in Page.Deps. A file that is not a
	// page and has no Deps shows no record text (sitemap, assets). The
	// preview server relies on this to render again only what an edit
	// changed.
	Deps   []*site.Entry
	from   *Loaded // of a page: rendered with its templates and memo
	render func(buf *bytes.Buffer) error
	// version, when set, is a number that changes whenever the bytes
	// may: Incremental then signs the output by it alone.
	version func() (uint64, error)
	data    []byte // set for files whose bytes are known
	// file, when set, returns the bytes of a file made elsewhere (the
	// search index's), never changed once returned.
	file func() ([]byte, error)
	copy string // set for files copied from the sources
	fsys fs.FS
	// told is set when an error of render that is a diag.Error is a
	// problem of a source file (a damaged image), told with the others
	// of its kind, the build going on to find them, not stopping there.
	told bool
}

// Bytes returns the output's content, rendering into buf when needed.
func (o *Output) Bytes(buf *bytes.Buffer) ([]byte, error) {
	switch {
	case o.data != nil:
		return o.data, nil
	case o.file != nil:
		return o.file()
	case o.copy != "":
		return fs.ReadFile(o.fsys, o.copy)
	}
	var err error
	if o.Page != nil {
		err = o.from.Templates.Page(buf, o.from.memo, o.from.Site, o.Page)
	} else {
		err = o.render(buf)
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// kept reports whether the bytes Bytes returns are never changed, by
// anyone: a store may then keep them without a copy (output.Keeper).
func (o *Output) kept() bool { return o.data != nil || o.file != nil }

// outputs lists every file of the site, pages first, in a fixed order.
// With a cache c (nil: none), for a caller that builds the same site
// again and again, the outputs keep their serialized items in it and
// reuse those kept by earlier builds for every entry whose stamp did not
// change: the bytes are those a build writes.
func (l *Loaded) outputs(c *cacheUse) []Output {
	files := l.fileOutputs(c)
	return append(l.pageOutputs(len(files)), files...)
}

// pageOutputs are the HTML pages of the site, in the order of its pages,
// in a slice with room for more outputs after them.
func (l *Loaded) pageOutputs(more int) []Output {
	outs := make([]Output, len(l.Site.Pages), len(l.Site.Pages)+more)
	for i, p := range l.Site.Pages {
		outs[i] = Output{Path: site.FilePath(p.URL), Page: p, from: l}
	}
	return outs
}

// fileOutputs are the files of the site besides its pages, in a fixed
// order. Listing them reads the site model and the templates and writes
// nothing shared, so that it can run while the bodies are rendered.
func (l *Loaded) fileOutputs(c *cacheUse) []Output {
	t := l.Templates
	var outs []Output
	assets := t.Assets()
	for _, name := range slices.Sorted(maps.Keys(assets)) {
		outs = append(outs, Output{Path: name, data: assets[name]})
	}
	outs = append(outs, l.attachments()...)
	outs = append(outs, l.images()...)
	outs = append(outs, l.redirects()...)
	outs = append(outs, l.feeds(c)...)
	if !l.noSearch {
		outs = append(outs, l.search(c)...)
	}
	return outs
}

// attachments copies each record's attachment into its page folder in
// every language; a confidential agreement's attachment is never copied.
func (l *Loaded) attachments() []Output {
	var outs []Output
	s := l.Site
	for _, e := range s.Entries {
		if s.AttachmentPath(e, e.Lang) == "" {
			continue
		}
		for _, v := range e.Versions {
			u := strings.TrimPrefix(s.AttachmentPath(e, v.Lang), "/")
			outs = append(outs, Output{Path: u, copy: e.Attachment, fsys: l.fsys})
		}
	}
	return outs
}

// images copies the images each published body shows beside its page,
// and makes the variant of each larger one, one image at a time when the
// output is written.
func (l *Loaded) images() []Output {
	var outs []Output
	s := l.Site
	for _, e := range append(slices.Clip(s.Entries), s.Free...) {
		for _, v := range e.Versions {
			for _, pi := range s.Images(e, v) {
				o := Output{Path: strings.TrimPrefix(pi.URL, "/"), copy: pi.Image.Path, fsys: l.fsys}
				if pi.Variant {
					img := pi.Image
					o = Output{Path: o.Path, render: func(buf *bytes.Buffer) error {
						err := images.WriteVariant(buf, l.fsys, img.Path, img.Info)
						if m, ok := errors.AsType[diag.Message](err); ok {
							return diag.Of(v.Path, img.Line, img.Col, m) // where the body shows it
						}
						return err
					}, told: true}
				}
				outs = append(outs, o)
			}
		}
	}
	return outs
}
