// Package images checks the images a record's body shows and makes their
// smaller variants.
//
// An image is a PNG, JPEG or WebP file beside the record. SVG is not
// one: a browser opened on an SVG file alone runs it as a document, with
// its scripts. A file may hold at most MaxBytes and MaxSide pixels on
// either side; Inspect reads only the header (image.DecodeConfig) to
// check that, so a small file that would decode to gigabytes (a
// decompression bomb) is refused before it is decoded. A JPEG may have at
// most MaxScans scans, counted from its segments (scans.go), since each
// scan of a progressive JPEG is decoded over the whole image.
//
// An image wider than VariantWidth gets a variant VariantWidth wide,
// resampled with Catmull-Rom and encoded with fixed settings (PNG at best
// compression, JPEG at quality 85), so that a build writes the same bytes
// every time. A PNG's variant is a PNG, a JPEG's a JPEG; Go has no WebP
// encoder, and a WebP image is published as it is, without a variant.
// Nothing is ever scaled up.
package images

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // WebP for image.DecodeConfig, beside PNG and JPEG

	"portal/generator/internal/diag"
)

// Limits of an image and the width of its variant.
const (
	MaxBytes     = 5 << 20
	MaxSide      = 4000
	VariantWidth = 800
	jpegQuality  = 85
)

// Formats of the images the site publishes.
const (
	PNG  = "png"
	JPEG = "jpeg"
	WebP = "webp"
)

// Format is the image format of a file name's extension (any case):
// PNG, JPEG or WebP. For any other extension it returns "" and a message
// saying why the file is not an image the site publishes.
func Format(name string) (format string, msg diag.Message) {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".png":
		return PNG, diag.Message{}
	case ".jpg", ".jpeg":
		return JPEG, diag.Message{}
	case ".webp":
		return WebP, diag.Message{}
	case ".svg", ".svgz":
		return "", diag.M(diag.ImageSVG, name)
	case "":
		return "", diag.M(diag.ImageNoExt, name)
	}
	return "", diag.M(diag.ImageType, name, ext)
}

// Info is what Inspect found in an image file.
type Info struct {
	Format        string
	Width, Height int
}

// HasVariant reports whether the image gets a smaller variant.
func (i Info) HasVariant() bool { return i.Width > VariantWidth && i.Format != WebP }

// VariantSize is the size of the variant: VariantWidth wide, the height
// in proportion, rounded, at least 1.
func (i Info) VariantSize() (w, h int) {
	return VariantWidth, max(1, (i.Height*VariantWidth+i.Width/2)/i.Width)
}

// VariantName is the file name of the variant of name: "karta.png" →
// "karta-800w.png".
func VariantName(name string) string {
	ext := path.Ext(name)
	return fmt.Sprintf("%s-%dw%s", strings.TrimSuffix(name, ext), VariantWidth, ext)
}

// Inspect checks the image file at p in fsys (name is how the body names
// it) and returns its format and size. The error message names the image
// and says what to do.
func Inspect(fsys fs.FS, p, name string) (Info, error) {
	format, msg := Format(name)
	if msg.ID != "" {
		return Info{}, msg
	}
	f, err := fsys.Open(p)
	if err != nil {
		return Info{}, diag.M(diag.ImageUnreadable, name)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxBytes {
		return Info{}, diag.M(diag.ImageTooLarge, name, float64(st.Size())/(1<<20), MaxBytes>>20)
	}
	var r io.Reader = io.LimitReader(f, MaxBytes+1)
	var src []byte // a PNG's or JPEG's bytes, checked to run to their end
	if format != WebP {
		if src, err = io.ReadAll(r); err != nil {
			return Info{}, diag.M(diag.ImageUnreadable, name)
		}
		r = bytes.NewReader(src)
	}
	cfg, got, err := image.DecodeConfig(r)
	if err != nil {
		return Info{}, diag.M(diag.ImageNotImage, name)
	}
	scans, whole := 0, got == WebP
	switch got {
	case JPEG:
		scans, whole = jpegScans(src, MaxScans)
	case PNG:
		whole = pngWhole(src)
	}
	if scans > MaxScans {
		return Info{}, diag.M(diag.ImageScans, name, MaxScans)
	}
	if got != format {
		return Info{}, diag.M(diag.ImageWrongExt, name, strings.ToUpper(got), map[string]string{PNG: ".png", JPEG: ".jpg", WebP: ".webp"}[got])
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxSide || cfg.Height > MaxSide {
		return Info{}, diag.M(diag.ImageTooBig, name, cfg.Width, cfg.Height, MaxSide, MaxSide)
	}
	if !whole {
		// Cut short, it would fail the build when its variant is made,
		// and be published half drawn without one.
		return Info{}, diag.M(diag.ImageCut, name)
	}
	return Info{Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}

// pngWhole reports whether the PNG file b runs, chunk by chunk, to its
// IEND chunk, which the decoder needs: a file cut short ends before it.
func pngWhole(b []byte) bool {
	for i := 8; i+12 <= len(b); {
		size := int(b[i])<<24 | int(b[i+1])<<16 | int(b[i+2])<<8 | int(b[i+3])
		if string(b[i+4:i+8]) == "IEND" {
			return true
		}
		i += 12 + size
	}
	return false
}

// WriteVariant decodes the image at p (checked by Inspect, with info) and
// writes its variant to w. An image that cannot be decoded is the
// message image.damaged, naming the file, for the caller to place where
// a body shows it.
func WriteVariant(w io.Writer, fsys fs.FS, p string, info Info) error {
	if !info.HasVariant() {
		return fmt.Errorf("%s: no variant", p)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	var src image.Image
	switch info.Format {
	case PNG:
		src, err = png.Decode(io.LimitReader(f, MaxBytes+1))
	case JPEG:
		src, err = jpeg.Decode(io.LimitReader(f, MaxBytes+1))
	}
	if err != nil {
		// Inspect found its header and its end: the data between is
		// too short or not valid (a crafted file).
		return diag.M(diag.ImageDamaged, path.Base(p))
	}
	if b := src.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
		return fmt.Errorf("%s changed while the site was being built; build again", p)
	}
	vw, vh := info.VariantSize()
	dst := image.NewNRGBA(image.Rect(0, 0, vw, vh))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	if info.Format == JPEG {
		return jpeg.Encode(w, dst, &jpeg.Options{Quality: jpegQuality})
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	return enc.Encode(w, dst)
}
