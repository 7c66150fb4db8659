package images

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"portal/generator/internal/diag"
)

// webp1x1 is a lossless WebP image of 1×1 pixels.
const webp1x1 = "RIFF\x1a\x00\x00\x00WEBPVP8L\r\x00\x00\x00/\x00\x00\x00\x10\a\x10\x11\x11\x88\x88\xfe\a\x00"

// webpWide is webp1x1 with a header that says 2000×10 pixels.
const webpWide = "RIFF\x1a\x00\x00\x00WEBPVP8L\r\x00\x00\x00/\xcf\x47\x02\x10\a\x10\x11\x11\x88\x88\xfe\a\x00"

// gradient is an opaque w×h image whose every pixel differs.
func gradient(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x * 7), uint8(y * 3), uint8(x + y), 255})
		}
	}
	return img
}

func pngOf(w, h int) string {
	var b bytes.Buffer
	png.Encode(&b, gradient(w, h))
	return b.String()
}

func jpegOf(w, h int) string {
	var b bytes.Buffer
	jpeg.Encode(&b, gradient(w, h), nil)
	return b.String()
}

// pngHeader is a PNG signature and IHDR chunk that says w×h pixels and
// nothing else: a file of 33 bytes that would decode to w×h×4 bytes.
func pngHeader(w, h uint32) string {
	ihdr := make([]byte, 0, 17)
	ihdr = append(ihdr, "IHDR"...)
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, ihdr...)
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
	return string(out)
}

func TestInspect(t *testing.T) {
	fsys := fstest.MapFS{
		"a.png":    {Data: []byte(pngOf(1200, 600))},
		"a.jpg":    {Data: []byte(jpegOf(640, 480))},
		"a.webp":   {Data: []byte(webp1x1)},
		"w.webp":   {Data: []byte(webpWide)},
		"bomb.png": {Data: []byte(pngHeader(100000, 100000))},
		"tall.png": {Data: []byte(pngHeader(10, 4001))},
		"big.png":  {Data: []byte(pngOf(2, 2) + strings.Repeat("x", MaxBytes))},
		"jpeg.png": {Data: []byte(jpegOf(10, 10))},
		"text.png": {Data: []byte("not an image")},
		"x.svg":    {Data: []byte("<svg/>")},
		"x.gif":    {Data: []byte("GIF89a")},
		"x":        {Data: []byte("x")},
		// Files cut short, as by a copy or an upload broken off: the
		// decoder fails on them when it makes the variant.
		"cut.png":     {Data: []byte(pngOf(1200, 600)[:len(pngOf(1200, 600))/2])},
		"noend.png":   {Data: []byte(strings.TrimSuffix(pngOf(1200, 600), pngOf(1200, 600)[len(pngOf(1200, 600))-12:]))},
		"cut.jpg":     {Data: []byte(jpegOf(1200, 600)[:len(jpegOf(1200, 600))/2])},
		"noend.jpg":   {Data: []byte(strings.TrimSuffix(jpegOf(1200, 600), "\xff\xd9"))},
		"small.png":   {Data: []byte(pngOf(200, 100)[:len(pngOf(200, 100))-1])},
		"trailer.png": {Data: []byte(pngOf(1200, 600) + "extra")},
		"extra.jpg":   {Data: []byte(jpegOf(1200, 600)[:2] + "extra" + jpegOf(1200, 600)[2:] + "extra")},
	}
	for _, c := range []struct {
		name string
		want Info
		err  string
	}{
		{"a.png", Info{PNG, 1200, 600}, ""},
		{"a.jpg", Info{JPEG, 640, 480}, ""},
		{"a.webp", Info{WebP, 1, 1}, ""},
		{"w.webp", Info{WebP, 2000, 10}, ""},
		{"bomb.png", Info{}, `image "bomb.png" is 100000×100000 pixels; the limit is 4000×4000: make it smaller`},
		{"tall.png", Info{}, `image "tall.png" is 10×4001 pixels; the limit is 4000×4000: make it smaller`},
		{"big.png", Info{}, `image "big.png" is 5.0 MB; the limit is 5 MB: make it smaller`},
		{"jpeg.png", Info{}, `image "jpeg.png" is a JPEG image; name it .jpg`},
		{"text.png", Info{}, `image "text.png" is not a PNG, JPEG or WebP image`},
		{"x.svg", Info{}, `image "x.svg": SVG is not published (a browser opened on it alone runs it as a document); save it as PNG`},
		{"x.gif", Info{}, `image "x.gif": .gif is not an image type the site publishes; save it as PNG, JPEG or WebP`},
		{"x", Info{}, `image "x" has no extension; an image is a .png, .jpg or .webp file`},
		{"gone.png", Info{}, `image "gone.png" cannot be read`},
		{"cut.png", Info{}, `image "cut.png" is incomplete: the file ends in the middle of the image; copy or save it again`},
		{"noend.png", Info{}, `image "noend.png" is incomplete: the file ends in the middle of the image; copy or save it again`},
		{"cut.jpg", Info{}, `image "cut.jpg" is incomplete: the file ends in the middle of the image; copy or save it again`},
		{"noend.jpg", Info{}, `image "noend.jpg" is incomplete: the file ends in the middle of the image; copy or save it again`},
		{"small.png", Info{}, `image "small.png" is incomplete: the file ends in the middle of the image; copy or save it again`},
		{"trailer.png", Info{PNG, 1200, 600}, ""},
		{"extra.jpg", Info{JPEG, 1200, 600}, ""},
	} {
		got, err := Inspect(fsys, c.name, c.name)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != c.want || msg != c.err {
			t.Errorf("Inspect(%s) = %+v, %q; want %+v, %q", c.name, got, msg, c.want, c.err)
		}
		if err == nil && got.HasVariant() {
			if err := WriteVariant(io.Discard, fsys, c.name, got); err != nil {
				t.Errorf("Inspect(%s) accepted an image whose variant fails: %v", c.name, err)
			}
		}
	}
}

func TestVariant(t *testing.T) {
	for _, c := range []struct {
		info          Info
		has           bool
		w, h          int
		name, variant string
	}{
		{Info{PNG, 1600, 900}, true, 800, 450, "karta.png", "karta-800w.png"},
		{Info{JPEG, 4000, 3}, true, 800, 1, "foto.JPG", "foto-800w.JPG"},
		{Info{JPEG, 801, 1001}, true, 800, 1000, "a.jpeg", "a-800w.jpeg"},
		{Info{PNG, 800, 600}, false, 0, 0, "", ""},  // never scaled up, nor to its own size
		{Info{WebP, 2000, 10}, false, 0, 0, "", ""}, // no WebP encoder
	} {
		if c.info.HasVariant() != c.has {
			t.Errorf("%+v: HasVariant %v", c.info, !c.has)
		}
		if !c.has {
			continue
		}
		if w, h := c.info.VariantSize(); w != c.w || h != c.h {
			t.Errorf("%+v: VariantSize %d×%d, want %d×%d", c.info, w, h, c.w, c.h)
		}
		if got := VariantName(c.name); got != c.variant {
			t.Errorf("VariantName(%s) = %s, want %s", c.name, got, c.variant)
		}
	}
}

// TestWriteVariant checks that the variant has its size and format and
// that two builds write the same bytes.
func TestWriteVariant(t *testing.T) {
	fsys := fstest.MapFS{"a.png": {Data: []byte(pngOf(1000, 500))}, "a.jpg": {Data: []byte(jpegOf(1200, 900))}}
	for _, c := range []struct {
		name string
		info Info
		w, h int
	}{
		{"a.png", Info{PNG, 1000, 500}, 800, 400},
		{"a.jpg", Info{JPEG, 1200, 900}, 800, 600},
	} {
		var one, two bytes.Buffer
		if err := WriteVariant(&one, fsys, c.name, c.info); err != nil {
			t.Fatal(err)
		}
		if err := WriteVariant(&two, fsys, c.name, c.info); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one.Bytes(), two.Bytes()) {
			t.Errorf("%s: two variants differ", c.name)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(one.Bytes()))
		if err != nil || format != c.info.Format || cfg.Width != c.w || cfg.Height != c.h {
			t.Errorf("%s: variant %s %d×%d %v; want %s %d×%d", c.name, format, cfg.Width, cfg.Height, err, c.info.Format, c.w, c.h)
		}
	}
	// A file replaced by one of another size since Inspect.
	err := WriteVariant(&bytes.Buffer{}, fsys, "a.png", Info{PNG, 1200, 500})
	if err == nil || err.Error() != "a.png changed while the site was being built; build again" {
		t.Errorf("changed file: %v", err)
	}
}

// pngChunk is a PNG chunk of type typ holding data, with its CRC.
func pngChunk(typ, data string) string {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ+data...)
	return string(binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE([]byte(typ+data))))
}

// TestWriteVariantDamaged checks that an image crafted to pass Inspect,
// whole to its end marker but with too little image data or data that is
// not valid, fails its variant with a message in both languages that
// names it, not with the decoder's English error.
func TestWriteVariantDamaged(t *testing.T) {
	var short bytes.Buffer
	zw := zlib.NewWriter(&short)
	zw.Write(make([]byte, 100)) // 1200×600 pixels need 600 rows of 4801 bytes
	zw.Close()
	whole := pngOf(1200, 600)
	head := whole[:33] // signature and IHDR
	end := pngChunk("IEND", "")
	full := jpegOf(1200, 600)
	fsys := fstest.MapFS{
		"short.png":  {Data: []byte(head + pngChunk("IDAT", short.String()) + end)},
		"noidat.png": {Data: []byte(head + end)},
		"junk.png":   {Data: []byte(head + pngChunk("IDAT", "not zlib data") + end)},
		"short.jpg":  {Data: []byte(full[:len(full)/2] + "\xff\xd9")},
	}
	for _, c := range []struct {
		name, format, en, sv string
	}{
		{"short.png", PNG, `image "short.png" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`,
			`bilden "short.png" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`},
		{"noidat.png", PNG, `image "noidat.png" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`,
			`bilden "noidat.png" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`},
		{"junk.png", PNG, `image "junk.png" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`,
			`bilden "junk.png" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`},
		{"short.jpg", JPEG, `image "short.jpg" is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`,
			`bilden "short.jpg" är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`},
	} {
		info, err := Inspect(fsys, c.name, c.name)
		if want := (Info{c.format, 1200, 600}); err != nil || info != want {
			t.Fatalf("Inspect(%s) = %+v, %v; want %+v (the file is crafted to pass it)", c.name, info, err, want)
		}
		err = WriteVariant(io.Discard, fsys, c.name, info)
		m, ok := errors.AsType[diag.Message](err)
		if !ok || m.Text(diag.English) != c.en || m.Text(diag.Swedish) != c.sv {
			t.Errorf("WriteVariant(%s) = %v; want\n%s\n%s", c.name, err, c.en, c.sv)
		}
	}
}
