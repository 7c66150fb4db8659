package images

import (
	"bytes"
	"image/jpeg"
	"testing"
	"testing/fstest"
)

// progressiveJPEG is a grey progressive JPEG of side×side pixels with
// its DC scan and then scans-1 scans of every AC coefficient, each a few
// bytes (runs of empty blocks), after the segment app: the shape of a
// file made to be slow to decode.
func progressiveJPEG(side, scans int, app []byte) []byte {
	seg := func(m byte, p ...byte) []byte {
		return append([]byte{0xFF, m, byte((len(p) + 2) >> 8), byte(len(p) + 2)}, p...)
	}
	var f bytes.Buffer
	f.Write([]byte{0xFF, 0xD8})
	f.Write(app)
	f.Write(seg(0xDB, append([]byte{0}, bytes.Repeat([]byte{1}, 64)...)...))
	f.Write(seg(0xC2, 8, byte(side>>8), byte(side), byte(side>>8), byte(side), 1, 1, 0x11, 0))
	table := func(class, symbol byte) []byte { // one code, "0", for symbol
		return seg(0xC4, append(append([]byte{class, 1}, make([]byte, 15)...), symbol)...)
	}
	f.Write(table(0x00, 0x00)) // DC: difference 0
	f.Write(table(0x10, 0xE0)) // AC: a run of 2^14 + 14 bits of empty blocks
	blocks := (side + 7) / 8 * ((side + 7) / 8)
	var bits []byte // as '0' and '1', padded with ones
	data := func() []byte {
		for len(bits)%8 != 0 {
			bits = append(bits, '1')
		}
		var out []byte
		for i := 0; i < len(bits); i += 8 {
			var c byte
			for _, b := range bits[i : i+8] {
				c = c<<1 | (b - '0')
			}
			if out = append(out, c); c == 0xFF {
				out = append(out, 0)
			}
		}
		bits = nil
		return out
	}
	f.Write(seg(0xDA, 1, 1, 0x00, 0, 0, 0))
	bits = bytes.Repeat([]byte{'0'}, blocks)
	f.Write(data())
	for left := blocks; left > 0; left -= 32767 {
		run := min(left, 32767)
		bits = append(bits, '0')
		for i := 13; i >= 0; i-- {
			bits = append(bits, '0'+byte((run-16384)>>i&1))
		}
	}
	ac := data()
	for range scans - 1 {
		f.Write(seg(0xDA, 1, 1, 0x00, 1, 63, 0))
		f.Write(ac)
	}
	f.Write([]byte{0xFF, 0xD9})
	return f.Bytes()
}

// TestInspectScans refuses a JPEG of more than MaxScans scans: 5 MB of
// them at 4000×4000 pixels took a quarter of an hour to decode for the
// variant. A marker inside an APPn segment (an Exif thumbnail) is not a
// scan of the image.
func TestInspectScans(t *testing.T) {
	thumb := []byte{0xFF, 0xE1, 0, 2 + 8*4}
	for range 8 {
		thumb = append(thumb, 0xFF, 0xDA, 0, 2)
	}
	fsys := fstest.MapFS{
		"ok.jpg":    {Data: progressiveJPEG(1600, MaxScans, bytes.Repeat(thumb, 20))},
		"slow.jpg":  {Data: progressiveJPEG(1600, MaxScans+1, nil)},
		"plain.jpg": {Data: []byte(jpegOf(900, 10))},
	}
	for name, want := range map[string]string{
		"ok.jpg":    "",
		"plain.jpg": "",
		"slow.jpg":  `image "slow.jpg" is a JPEG of more than 100 scans, which takes minutes to decode; save it again as a JPEG`,
	} {
		got := ""
		if _, err := Inspect(fsys, name, name); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("Inspect(%s): %q, want %q", name, got, want)
		}
	}
	// ok.jpg is an image the decoder reads, Exif segment and all.
	if img, err := jpeg.Decode(bytes.NewReader(fsys["ok.jpg"].Data)); err != nil || img.Bounds().Dx() != 1600 {
		t.Fatalf("ok.jpg: %v", err)
	}
}

// FuzzJPEGScans checks that counting the scans of any bytes ends
// without a panic and never counts past the limit's next.
func FuzzJPEGScans(f *testing.F) {
	f.Add(progressiveJPEG(16, 3, nil))
	f.Add([]byte(jpegOf(8, 8)))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x00, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		if n, _ := jpegScans(b, 3); n > 4 {
			t.Fatalf("%d scans counted, limit 3", n)
		}
	})
}
