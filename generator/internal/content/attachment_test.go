package content

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

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

// TestAttachmentErrors loads records whose attachment a browser could run
// as part of the site: each is refused at its attachment key, and the
// file, being named, is not also reported as a stray. Documents of the
// allowed types load; a file of an allowed name that holds a page (or is
// not of its type) is refused too.
func TestAttachmentErrors(t *testing.T) {
	const types = "an attachment is a document: .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .rtf .txt .csv .png .jpg .jpeg .gif .webp"
	for _, c := range []struct {
		kind, name string
		want       string // the message at the attachment key; "" for none
		data       string // the file; a script when ""
	}{
		{"agreements", "index.html", `.html files are not published (a browser could run them); ` + types, ""},
		{"agreements", "x.htm", `.htm files are not published (a browser could run them); ` + types, ""},
		{"agreements", "x.xhtml", `.xhtml files are not published (a browser could run them); ` + types, ""},
		{"agreements", "x.svg", `.svg files are not published (a browser could run them); ` + types, ""},
		{"agreements", "x.SVG", `.svg files are not published (a browser could run them); ` + types, ""},
		{"agreements", "x.xml", `.xml files are not published (a browser could run them); ` + types, ""},
		{"agreements", "x.js", `.js files are not published (a browser could run them); ` + types, ""},
		{"followups", "x.pdf.html", `.html files are not published (a browser could run them); ` + types, ""},
		{"agreements", "avtal", `has no file name extension; ` + types, ""},
		{"agreements", "X.PDF", "", "%PDF-1.4\n"},
		{"followups", "bild.webp", "", "RIFF\x24\x00\x00\x00WEBPVP8 "},
		{"followups", "rapport.docx", "", "PK\x03\x04\x14\x00"},
		{"agreements", "Y.PDF", `is named as a PDF file but does not hold one; save the document as PDF again`, ""},
		{"followups", "bild.webp", `is named as a WebP file but does not hold one; save the document as WebP again`, "RIFF\x24\x00\x00\x00WAVEfmt "},
		{"followups", "rapport.docx", `is named as a Word file but does not hold one; save the document as Word again`, ""},
	} {
		t.Run(c.kind+"/"+c.name, func(t *testing.T) {
			record := agreement(`attachment = "` + c.name + `"`)
			if c.kind == "followups" {
				record = rec(`title = "Uppföljning"`, "date = 2025-06-01", `areas = ["energi"]`, "year = 2025", `attachment = "`+c.name+`"`)
			}
			dir := "content/" + c.kind + "/"
			_, got := load(t, mapFS(map[string]string{dir + "x.md": record, dir + c.name: cmp.Or(c.data, "<script>alert(1)</script>")}))
			var want []string
			if c.want != "" {
				line := map[string]string{"agreements": ":9:14: ", "followups": ":6:14: "}[c.kind]
				sep := ": "
				if strings.HasPrefix(c.want, "has no") || strings.HasPrefix(c.want, "is named") {
					sep = " "
				}
				want = []string{dir + "x.md" + line + `attachment "` + c.name + `"` + sep + c.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
