package images

import "bytes"

// MaxScans is the most scans a JPEG may have. A progressive photo has
// about ten; the decoder goes over the whole image for each scan (some
// 5 ms at MaxSide), so a 5 MB file of tiny scans, which passes every
// other limit, took a quarter of an hour to decode for its variant.
const MaxScans = 100

// jpegScans counts the scans (SOS segments) of the JPEG file b, stopping
// past limit. It walks the segments by their lengths and skips the
// entropy-coded data after each SOS header, in which 0xFF is always
// followed by 0x00 or a restart marker, so that a marker inside an APPn
// segment (an Exif thumbnail) is not counted. A malformed file ends the
// count; the decoder reports it. whole reports whether the count ended
// at the end of image marker (EOI), which the decoder needs: a file cut
// short (a copy or an upload broken off) ends before it.
func jpegScans(b []byte, limit int) (n int, whole bool) {
	for i := 2; i+2 <= len(b) && n <= limit; {
		if b[i] != 0xFF {
			// Bytes between segments: the decoder skips them, as
			// libjpeg does, to the next marker.
			j := bytes.IndexByte(b[i:], 0xFF)
			if j < 0 {
				return n, false
			}
			i += j
			continue
		}
		switch m := b[i+1]; {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0xD9: // EOI
			return n, true
		case m == 0x01 || m >= 0xD0 && m <= 0xD7: // TEM, RSTn: no length
			i += 2
			continue
		case i+4 > len(b):
			return n, false
		case m == 0xDA:
			n++
		}
		sos := b[i+1] == 0xDA
		i += 2 + (int(b[i+2])<<8 | int(b[i+3]))
		for sos && i < len(b) {
			j := bytes.IndexByte(b[i:], 0xFF)
			if j < 0 || i+j+1 >= len(b) {
				return n, false
			}
			i += j
			if c := b[i+1]; c != 0 && (c < 0xD0 || c > 0xD7) {
				break
			}
			i += 2
		}
	}
	return n, false
}
