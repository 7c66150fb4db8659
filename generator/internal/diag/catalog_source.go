package diag

// The messages of source file names and symbolic links (package sources).
const (
	NameUTF8         ID = "name.utf8"
	NameControl      ID = "name.control"
	NameReserved     ID = "name.reserved"
	NameDot          ID = "name.dot"
	NameChars        ID = "name.chars"
	NameCase         ID = "name.case"
	LinkOutside      ID = "link.outside"
	FolderIsLink     ID = "folder.link"
	LinkCannotFollow ID = "link.cannot-follow"
	LinkTooMany      ID = "link.too-many"
	LinkCannotRead   ID = "link.cannot-read"
	LinkUnsupported  ID = "link.unsupported"
	LinkNotFile      ID = "link.not-file"
)

var sourceTexts = map[ID]Text{
	NameUTF8: {En: `file name %s is not valid UTF-8; rename it`,
		Sv: `filnamnet %s är inte giltig UTF-8 – byt namn på filen`},
	NameControl: {En: `file name %s contains a control character; rename it`,
		Sv: `filnamnet %s innehåller ett styrtecken – byt namn på filen`},
	NameReserved: {En: `file name %s is reserved on Windows, where the site must build too; rename it`,
		Sv: `filnamnet %s är reserverat i Windows, där webbplatsen också måste gå att bygga – byt namn på filen`},
	NameDot: {En: `file name %s ends in a dot or a space, which Windows drops; rename it`,
		Sv: `filnamnet %s slutar med en punkt eller ett mellanslag, som Windows tar bort – byt namn på filen`},
	NameChars: {En: `file name %s contains one of <>:"|?*\, which Windows does not allow; rename it`,
		Sv: `filnamnet %s innehåller något av <>:"|?*\, som Windows inte tillåter – byt namn på filen`},
	NameCase: {En: `file name %q differs from %q beside it only in capitals and small letters: macOS and Windows hold only one of the two; rename one`,
		Sv: `filnamnet %q skiljer sig från %q bredvid bara i stora och små bokstäver: macOS och Windows kan bara ha en av dem – byt namn på den ena`},
	LinkOutside: {En: `symbolic link points outside %s/ (%s)`,
		Sv: `den symboliska länken pekar utanför %s/ (%s) – kopiera filen hit i stället`},
	FolderIsLink: {En: `%s/ is a symbolic link; put the folder itself in the site`,
		Sv: `%s/ är en symbolisk länk – lägg själva mappen i webbplatsen`},
	LinkCannotFollow: {En: `symbolic link cannot be followed: %s`,
		Sv: `den symboliska länken går inte att följa: %s`},
	LinkTooMany: {En: `symbolic link cannot be followed: too many links`,
		Sv: `den symboliska länken går inte att följa: för många länkar i rad`},
	LinkCannotRead: {En: `symbolic link cannot be read: %s`,
		Sv: `den symboliska länken går inte att läsa: %s`},
	LinkUnsupported: {En: `symbolic link cannot be read: the file system does not support links`,
		Sv: `den symboliska länken går inte att läsa: filsystemet stöder inte länkar`},
	LinkNotFile: {En: `symbolic link does not point to a regular file`,
		Sv: `den symboliska länken pekar inte på en vanlig fil`},
}
