package content

import (
	"path"
	"slices"
	"strings"
)

// AttachmentTypes are the file name extensions an attachment may have:
// documents a browser shows or downloads but never runs (PDF, office
// formats, plain text, raster images). HTML, SVG, XML and anything else
// a browser could run as part of the site are refused: an attachment is
// published beside its record's page, under the site's own origin.
// docs/EDITING.md lists them for editors.
var AttachmentTypes = []string{
	".pdf",
	".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
	".odt", ".ods", ".odp", ".rtf",
	".txt", ".csv",
	".png", ".jpg", ".jpeg", ".gif", ".webp",
}

// attachmentType returns the extension of an attachment's file name,
// lowercased, and whether attachments may have it.
func attachmentType(name string) (string, bool) {
	ext := strings.ToLower(path.Ext(name))
	return ext, ext != "" && slices.Contains(AttachmentTypes, ext)
}

// attachmentTypeError is the message for an attachment of a refused type.
func attachmentTypeError(name, ext string) string {
	list := strings.Join(AttachmentTypes, " ")
	if ext == "" {
		return "attachment " + quote(name) + " has no file name extension; an attachment is a document: " + list
	}
	return "attachment " + quote(name) + ": " + ext + " files are not published (a browser could run them); an attachment is a document: " + list
}
