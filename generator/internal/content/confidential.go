package content

import (
	"io/fs"
	"path"

	"portal/generator/internal/diag"
	"portal/generator/internal/sources"
)

// SharedAttachments reports a record whose attachment, or an image its
// body shows, is (or links to) the file of a confidential agreement's
// attachment, which must never be published.
// Load runs it over all records; the preview server over the merged set.
func SharedAttachments(fsys fs.FS, records []*Record) diag.List {
	secret := map[string]string{} // real path → confidential record
	for _, r := range records {
		if r.Attachment != "" && r.Confidential {
			if real, msg := sources.Resolve(fsys, Dir, r.Attachment); msg.ID == "" {
				secret[real] = r.Path()
			}
		}
	}
	if len(secret) == 0 {
		return nil
	}
	owner := func(p string) (string, bool) {
		real, msg := sources.Resolve(fsys, Dir, p)
		o, ok := secret[real]
		return o, ok && msg.ID == ""
	}
	var errs diag.List
	for _, r := range records {
		if r.Confidential {
			continue
		}
		if o, ok := owner(r.Attachment); ok && r.Attachment != "" {
			line, col := r.Own().Pos.Value("attachment")
			errs = append(errs, diag.At(r.Path(), line, col, diag.AttachmentConfidential, path.Base(r.Attachment), o))
		}
		for _, v := range r.Versions {
			for _, img := range v.Images {
				if o, ok := owner(img.Path); ok {
					errs = append(errs, diag.At(v.Path, img.Line, img.Col, diag.ImageConfidential, img.Name, o))
				}
			}
		}
	}
	return errs
}
