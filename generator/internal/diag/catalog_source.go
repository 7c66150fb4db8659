package diag

// The messages of source file names and symbolic links (package sources).
const (
	NameUTF8         ID = "name.utf8"
	NameControl      ID = "name.control"
	NameReserved     ID = "name.reserved"
	NameDot          ID = "name.dot"
	NameChars        ID = "name.chars"
	LinkOutside      ID = "link.outside"
	LinkCannotFollow ID = "link.cannot-follow"
	LinkTooMany      ID = "link.too-many"
	LinkCannotRead   ID = "link.cannot-read"
	LinkUnsupported  ID = "link.unsupported"
	LinkNotFile      ID = "link.not-file"
)

var sourceTexts = map[ID]texts{
	NameUTF8: {en: `file name %s is not valid UTF-8; rename it`,
		sv: `filnamnet %s är inte giltig UTF-8 – byt namn på filen`},
	NameControl: {en: `file name %s contains a control character; rename it`,
		sv: `filnamnet %s innehåller ett styrtecken – byt namn på filen`},
	NameReserved: {en: `file name %s is reserved on Windows, where the site must build too; rename it`,
		sv: `filnamnet %s är reserverat i Windows, där webbplatsen också måste gå att bygga – byt namn på filen`},
	NameDot: {en: `file name %s ends in a dot or a space, which Windows drops; rename it`,
		sv: `filnamnet %s slutar med en punkt eller ett mellanslag, som Windows tar bort – byt namn på filen`},
	NameChars: {en: `file name %s contains one of <>:"|?*\, which Windows does not allow; rename it`,
		sv: `filnamnet %s innehåller något av <>:"|?*\, som Windows inte tillåter – byt namn på filen`},
	LinkOutside: {en: `symbolic link points outside %s/ (%s)`,
		sv: `den symboliska länken pekar utanför %s/ (%s) – kopiera filen hit i stället`},
	LinkCannotFollow: {en: `symbolic link cannot be followed: %s`,
		sv: `den symboliska länken går inte att följa: %s`},
	LinkTooMany: {en: `symbolic link cannot be followed: too many links`,
		sv: `den symboliska länken går inte att följa: för många länkar i rad`},
	LinkCannotRead: {en: `symbolic link cannot be read: %s`,
		sv: `den symboliska länken går inte att läsa: %s`},
	LinkUnsupported: {en: `symbolic link cannot be read: the file system does not support links`,
		sv: `den symboliska länken går inte att läsa: filsystemet stöder inte länkar`},
	LinkNotFile: {en: `symbolic link does not point to a regular file`,
		sv: `den symboliska länken pekar inte på en vanlig fil`},
}
