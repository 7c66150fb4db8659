package site

import (
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/images"
	"portal/generator/internal/markdown"
)

// PublishedImage is an image file the site publishes beside a page: the
// image as it is, or its smaller variant.
type PublishedImage struct {
	URL     string
	Image   content.Image
	Variant bool // the variant of Image, not the file itself
}

// Images lists the images published beside the page of v, a version of
// e: each image its body shows, and its variant when it has one. The
// body of a confidential agreement is not published, nor are its images.
func (s *Site) Images(e *Entry, v *content.Version) []PublishedImage {
	if e.Confidential {
		return nil
	}
	var out []PublishedImage
	for _, img := range v.Images {
		out = append(out, PublishedImage{URL: e.URL[v.Lang] + img.Name, Image: img})
		if img.HasVariant() {
			out = append(out, PublishedImage{URL: e.URL[v.Lang] + images.VariantName(img.Name), Image: img, Variant: true})
		}
	}
	return out
}

// BodyImages are the sizes and variants of the images of v, for
// markdown's RenderImages.
func BodyImages(v *content.Version) map[string]markdown.Image {
	if len(v.Images) == 0 {
		return nil
	}
	m := make(map[string]markdown.Image, len(v.Images))
	for _, img := range v.Images {
		mi := markdown.Image{Width: img.Width, Height: img.Height}
		if img.HasVariant() {
			mi.Variant, mi.VariantWidth = images.VariantName(img.Name), images.VariantWidth
		}
		m[img.Name] = mi
	}
	return m
}

// claimImages claims the images of every published version, after the
// attachments; a collision is reported where the body shows the image.
func (s *Site) claimImages() diag.List {
	var errs diag.List
	for _, e := range s.all() {
		for _, v := range e.Versions {
			for _, pi := range s.Images(e, v) {
				if prev, dup := s.paths[key(pi.URL)]; dup {
					what := diag.M(diag.ImageWhat, pi.Image.Name)
					if pi.Variant {
						what = diag.M(diag.VariantWhat, images.VariantWidth, what)
					}
					errs = append(errs, diag.At(v.Path, pi.Image.Line, pi.Image.Col, diag.ImageURLUsed, what, pi.URL, prev.arg()))
					continue
				}
				by := part(diag.ClaimImage, pi.Image.Name, v.Path)
				if pi.Variant {
					by = part(diag.ClaimVariant, images.VariantWidth, pi.Image.Name, v.Path)
				}
				s.paths[key(pi.URL)] = by
			}
		}
	}
	return errs
}
