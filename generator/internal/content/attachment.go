package content

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"

	"portal/generator/internal/diag"
)

// FileType is a kind of document an attachment may be.
type FileType struct {
	Ext    string // file name extension, lowercase: ".pdf"
	Media  string // media type: "application/pdf"
	Format string // what a reader calls it: "PDF"
}

// attachmentTypes are the documents an attachment may be: ones a browser
// shows or downloads but never runs (PDF, office formats, plain text,
// raster images). HTML, SVG, XML and anything else a browser could run
// as part of the site are refused: an attachment is published beside its
// record's page, under the site's own origin. docs/EDITING.md lists them
// for editors.
func attachmentTypes() []FileType {
	return []FileType{
		{".pdf", "application/pdf", "PDF"},
		{".doc", "application/msword", "Word"},
		{".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"},
		{".xls", "application/vnd.ms-excel", "Excel"},
		{".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"},
		{".ppt", "application/vnd.ms-powerpoint", "PowerPoint"},
		{".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"},
		{".odt", "application/vnd.oasis.opendocument.text", "OpenDocument"},
		{".ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument"},
		{".odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument"},
		{".rtf", "application/rtf", "RTF"},
		{".txt", "text/plain", "text"},
		{".csv", "text/csv", "CSV"},
		{".png", "image/png", "PNG"},
		{".jpg", "image/jpeg", "JPEG"},
		{".jpeg", "image/jpeg", "JPEG"},
		{".gif", "image/gif", "GIF"},
		{".webp", "image/webp", "WebP"},
	}
}

// AttachmentType returns the type of an attachment by its file name's
// extension (in any case), and whether attachments may have it.
func AttachmentType(name string) (FileType, bool) {
	ext := strings.ToLower(path.Ext(name))
	for _, ft := range attachmentTypes() {
		if ft.Ext == ext {
			return ft, true
		}
	}
	return FileType{Ext: ext}, false
}

// sniffLen is how much of the start of an attachment says what it is: a PDF's
// header may come after up to 1024 bytes of other data, which readers
// skip.
const sniffLen = 1024

// magic is how a file of each binary type starts (a PDF's header may
// come a little later, see holds); plain text and CSV have none.
func magic(ext string) []string {
	switch ext {
	case ".pdf":
		return []string{"%PDF"}
	case ".doc", ".xls", ".ppt":
		return []string{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"} // OLE2 compound file
	case ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp":
		return []string{"PK\x03\x04"} // a ZIP archive
	case ".rtf":
		return []string{`{\rtf`}
	case ".png":
		return []string{"\x89PNG\r\n\x1a\n"}
	case ".jpg", ".jpeg":
		return []string{"\xff\xd8\xff"}
	case ".gif":
		return []string{"GIF87a", "GIF89a"}
	case ".webp":
		return []string{"RIFF"} // and WEBP at 8, checked in holds
	}
	return nil
}

// readAttachment reads the start of the attachment p, which the record
// names name, and returns its size in bytes, with why it cannot be
// published: the build copies it, so check finds out now when it cannot
// be read, and it must be of the type its name gives (holds).
func readAttachment(fsys fs.FS, p, name string) (int64, diag.Message) {
	f, err := fsys.Open(p)
	if err != nil {
		return 0, diag.M(diag.AttachmentUnreadable, name, diag.Cause(err))
	}
	defer f.Close()
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return 0, diag.M(diag.AttachmentUnreadable, name, diag.Cause(err))
	}
	if ft, _ := AttachmentType(name); !holds(ft, head[:n]) {
		return 0, diag.M(diag.AttachmentContent, name, ft.Format)
	}
	var size int64
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	return size, diag.Message{}
}

// holds reports whether head, the start of an attachment, is a file of
// type ft, as its name says: it starts as that type does, and it is not
// a page or XML that a browser would run if it guessed the type from the
// content (a .pdf that is an HTML page, a .txt that is one). The server
// sends the type of the name and forbids guessing; this keeps the site
// right where a server does not.
func holds(ft FileType, head []byte) bool {
	sniffed := http.DetectContentType(head)
	if strings.HasPrefix(sniffed, "text/html") || strings.HasPrefix(sniffed, "text/xml") {
		return false
	}
	switch m := magic(ft.Ext); {
	case ft.Ext == ".pdf":
		return bytes.Contains(head, []byte(m[0]))
	case ft.Ext == ".webp":
		return len(head) >= 12 && string(head[:4]) == m[0] && string(head[8:12]) == "WEBP"
	case m == nil:
		return true
	default:
		return slices.ContainsFunc(m, func(s string) bool { return bytes.HasPrefix(head, []byte(s)) })
	}
}

// attachmentTypeError is the message for an attachment of a refused type.
func attachmentTypeError(name, ext string) diag.Message {
	var exts []string
	for _, ft := range attachmentTypes() {
		exts = append(exts, ft.Ext)
	}
	list := strings.Join(exts, " ")
	if ext == "" {
		return diag.M(diag.AttachmentNoExt, name, list)
	}
	return diag.M(diag.AttachmentType, name, ext, list)
}

// otherCaseOf returns the file's name in besideProblem's message that the
// folder holds in other capitals (attachment.case, image.case).
func otherCaseOf(m diag.Message) (string, bool) {
	if m.ID != diag.AttachmentCase && m.ID != diag.ImageCase || len(m.Args) < 2 {
		return "", false
	}
	other, ok := m.Args[1].(string)
	return other, ok
}

// otherCase returns the name of a file in p's folder that is p's name in
// other capitals: on macOS and Windows, whose file systems ignore the
// difference, the record works; on the server it does not.
func otherCase(fsys fs.FS, p string) (string, bool) {
	ents, _ := fs.ReadDir(fsys, path.Dir(p))
	for _, e := range ents {
		if strings.EqualFold(e.Name(), path.Base(p)) {
			return e.Name(), true
		}
	}
	return "", false
}

// nearFile returns the name of the file in p's folder that p's name was
// most likely meant to be (diag.Nearest: a renamed attachment,
// "avtal-2024.pdf" for "avtal-2025.pdf"), leaving out records, hidden
// files and folders; "" when none is near.
func nearFile(fsys fs.FS, p string) string {
	ents, _ := fs.ReadDir(fsys, path.Dir(p))
	var names []string
	for _, e := range ents {
		if n := e.Name(); !e.IsDir() && !strings.HasPrefix(n, ".") && !strings.HasSuffix(n, ".md") {
			names = append(names, n)
		}
	}
	return diag.Nearest(path.Base(p), names)
}
