package content

import "testing"

// TestAttachmentType checks the type an attachment's name gives it, and
// that no type a browser could run as part of the site is among them.
func TestAttachmentType(t *testing.T) {
	for _, c := range []struct {
		name   string
		ok     bool
		media  string
		format string
	}{
		{"avtal.pdf", true, "application/pdf", "PDF"},
		{"AVTAL.PDF", true, "application/pdf", "PDF"},
		{"rapport.docx", true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"},
		{"bild.webp", true, "image/webp", "WebP"},
		{"foto.JPG", true, "image/jpeg", "JPEG"},
		{"index.html", false, "", ""},
		{"x.htm", false, "", ""},
		{"x.xhtml", false, "", ""},
		{"logo.svg", false, "", ""},
		{"data.xml", false, "", ""},
		{"x.js", false, "", ""},
		{"x.mjs", false, "", ""},
		{"x.swf", false, "", ""},
		{"x.pdf.html", false, "", ""},
		{"avtal", false, "", ""},
		{"avtal.", false, "", ""},
	} {
		ft, ok := AttachmentType(c.name)
		if ok != c.ok || ft.Media != c.media || ft.Format != c.format {
			t.Errorf("AttachmentType(%q) = %+v, %v; want %q %q %v", c.name, ft, ok, c.media, c.format, c.ok)
		}
	}
}
