package diag

// The messages of content files, attachments, images and translations.
const (
	CannotRead             ID = "file.cannot-read"
	KindFolderUnknown      ID = "folder.unknown-kind"
	FolderNested           ID = "folder.nested"
	FileOutsideKind        ID = "file.outside-kind"
	NotRegular             ID = "file.not-regular"
	NeitherRecord          ID = "file.neither"
	LinkToRecord           ID = "link.to-record"
	LangSuffix             ID = "file.lang-suffix"
	SlugInvalid            ID = "slug.invalid"
	SlugReserved           ID = "slug.reserved"
	FileNameSlug           ID = "file.name-slug"
	TitleShape             ID = "title.shape"
	SummaryString          ID = "summary.string"
	TranslationNotSet      ID = "translation.not-set"
	TranslationDiffers     ID = "translation.differs"
	AttachmentPath         ID = "attachment.path"
	AttachmentRecord       ID = "attachment.record"
	AttachmentMissing      ID = "attachment.missing"
	AttachmentLink         ID = "attachment.link"
	AttachmentNotRegular   ID = "attachment.not-regular"
	AttachmentUnreadable   ID = "attachment.unreadable"
	AttachmentNoExt        ID = "attachment.no-ext"
	AttachmentType         ID = "attachment.type"
	AttachmentConfidential ID = "attachment.confidential"
	SlugUsed               ID = "slug.used"
	AliasPath              ID = "alias.path"
	AliasesShape           ID = "aliases.shape"
	PlaceholderValue       ID = "placeholder.value"
	PlaceholderBody        ID = "placeholder.body"
	FileTooLarge           ID = "file.too-large"
	FileUTF8               ID = "file.utf8"
	FileNUL                ID = "file.nul"
	FrontMissing           ID = "front.missing"
	FrontUnclosed          ID = "front.unclosed"
	ImageAlt               ID = "image.alt"
	ImageMissing           ID = "image.missing"
	ImageLink              ID = "image.link"
	ImageNotRegular        ID = "image.not-regular"
	ImageExternal          ID = "image.external"
	ImagePath              ID = "image.path"
	ImageName              ID = "image.name"
	ImageSVG               ID = "image.svg"
	ImageNoExt             ID = "image.no-ext"
	ImageType              ID = "image.type"
	ImageUnreadable        ID = "image.unreadable"
	ImageTooLarge          ID = "image.too-large"
	ImageNotImage          ID = "image.not-image"
	ImageWrongExt          ID = "image.wrong-ext"
	ImageTooBig            ID = "image.too-big"
)

var contentTexts = map[ID]texts{
	CannotRead: {en: `cannot read: %s`,
		sv: `filen kan inte läsas: %s`},
	KindFolderUnknown: {en: `unknown kind folder %q (kinds: %s)`,
		sv: `mappen %q är ingen av innehållets sorter – flytta filerna till en av: %s`},
	FolderNested: {en: `folders inside a kind are not allowed; put the record beside the others`,
		sv: `mappar inuti en sort används inte – lägg posten bredvid de andra`},
	FileOutsideKind: {en: `file outside a kind folder; move it into one of content/<kind>/`,
		sv: `filen ligger utanför sorternas mappar – flytta den till en av content/<sort>/, t.ex. content/theses/`},
	NotRegular: {en: `not a regular file`,
		sv: `är ingen vanlig fil`},
	NeitherRecord: {en: `file is neither a record (.md) nor the attachment of one`,
		sv: `filen är varken en post (.md) eller en bilaga eller bild som en post använder – ta bort den eller nämn den i en post`},
	LinkToRecord: {en: `symbolic link points to a record (%s); copy the file instead`,
		sv: `den symboliska länken pekar på en post (%s) – kopiera filen i stället`},
	LangSuffix: {en: `unknown language suffix %q (a translation is named <name>.<lang>.md with lang one of %s)`,
		sv: `okänd språkändelse %q – en översättning heter <namn>.<språk>.md med språk ett av: %s, t.ex. min-post.en.md`},
	SlugInvalid: {en: `slug %q must be lowercase letters, digits and single hyphens`,
		sv: `slug: %q går inte – använd små bokstäver a–z, siffror och enstaka bindestreck, t.ex. "solceller-i-skolor"`},
	SlugReserved: {en: `slug %q is a name reserved on Windows, where the site must build too; choose another`,
		sv: `slug: %q är ett namn som Windows reserverar, och webbplatsen måste gå att bygga där – välj ett annat`},
	FileNameSlug: {en: `file name %q is not a valid slug (lowercase letters, digits and single hyphens); rename the file or set slug`,
		sv: `filnamnet %q går inte att använda i en webbadress (bara små bokstäver a–z, siffror och enstaka bindestreck) – byt namn på filen eller skriv slug = "mitt-namn"`},
	TitleShape: {en: `title %s`,
		sv: `title: %s`},
	SummaryString: {en: `summary must be a string`,
		sv: `summary: ska vara en text inom raka citattecken, t.ex. "En mening om posten"`},
	TranslationNotSet: {en: `%s is not set in %s; a translation sets only title and summary`,
		sv: `%s finns inte i %s – en översättning anger bara title och summary, så ta bort raden här`},
	TranslationDiffers: {en: `%s differs from %s; a translation inherits it, so remove it here`,
		sv: `%s skiljer sig från %s – översättningen ärver värdet därifrån, så ta bort raden här`},
	AttachmentPath: {en: `attachment must be the name of a file beside the record, not a path (%q)`,
		sv: `attachment: skriv namnet på en fil som ligger bredvid posten, inte en sökväg (%q), t.ex. "avtal.pdf"`},
	AttachmentRecord: {en: `attachment %q is a record, not an attachment`,
		sv: `attachment: %q är en post, inte en bilaga`},
	AttachmentMissing: {en: `attachment %q not found beside the record`,
		sv: `attachment: filen %q finns inte bredvid posten – kontrollera namnet eller lägg filen i samma mapp`},
	AttachmentLink: {en: `attachment %q: %s`,
		sv: `attachment: filen %q: %s`},
	AttachmentNotRegular: {en: `attachment %q is not a regular file`,
		sv: `attachment: %q är ingen vanlig fil`},
	AttachmentUnreadable: {en: `attachment %q cannot be read: %s`,
		sv: `attachment: filen %q kan inte läsas: %s`},
	AttachmentNoExt: {en: `attachment %q has no file name extension; an attachment is a document: %s`,
		sv: `attachment: %q har ingen filändelse – en bilaga är ett dokument: %s`},
	AttachmentType: {en: `attachment %q: %s files are not published (a browser could run them); an attachment is a document: %s`,
		sv: `attachment: %[2]s-filer som %[1]q publiceras inte (en webbläsare kunde köra dem) – en bilaga är ett dokument: %[3]s`},
	AttachmentConfidential: {en: `attachment %q is the confidential attachment of %s`,
		sv: `attachment: %q är den konfidentiella bilagan till %s och får inte publiceras`},
	SlugUsed: {en: `slug %q is already used by %s`,
		sv: `slug: %q används redan av %s – välj en annan`},
	AliasPath: {en: `alias %q must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
		sv: `aliases: %q är ingen adress på webbplatsen – skriv som "/exjobb/gammalt-namn/": bokstäver, siffror och - _ . ~ mellan snedstreck, sist / eller .html`},
	AliasesShape: {en: `aliases %s`,
		sv: `aliases: %s`},
	PlaceholderValue: {en: `%s still holds the placeholder %q of portal new; replace it`,
		sv: `%s innehåller fortfarande platshållaren %q från portal new – skriv in det riktiga värdet`},
	PlaceholderBody: {en: `the text still holds the placeholder %q of portal new; replace it`,
		sv: `texten innehåller fortfarande platshållaren %q från portal new – ersätt den med din egen text`},
	FileTooLarge: {en: `file is larger than 1 MiB`,
		sv: `filen är större än 1 MiB – dela upp texten eller lägg stora delar i en bilaga`},
	FileUTF8: {en: `invalid UTF-8; save the file as UTF-8`,
		sv: `filen har tecken som inte är UTF-8 – spara den som UTF-8 i redigeraren`},
	FileNUL: {en: `NUL byte in a text file`,
		sv: `filen innehåller ett NUL-tecken, som inte hör hemma i en textfil – spara om den som vanlig text`},
	FrontMissing: {en: `front matter missing: a record starts with a "+++" line`,
		sv: `posten saknar sitt huvud: första raden ska vara +++, sedan nycklarna, sedan +++ igen`},
	FrontUnclosed: {en: `front matter is never closed: add a "+++" line after the last key`,
		sv: `postens huvud avslutas aldrig – lägg till en rad +++ efter den sista nyckeln`},
	ImageAlt: {en: `image %q needs a text for those who cannot see it: write ![what the image shows](%s)`,
		sv: `bilden %q behöver en text för den som inte ser den – skriv ![vad bilden visar](%s)`},
	ImageMissing: {en: `image %q not found beside the record`,
		sv: `bilden %q finns inte bredvid posten – kontrollera namnet eller lägg filen i samma mapp`},
	ImageLink: {en: `image %q: %s`,
		sv: `bilden %q: %s`},
	ImageNotRegular: {en: `image %q is not a regular file`,
		sv: `bilden %q är ingen vanlig fil`},
	ImageExternal: {en: `image %q is not on this site, which shows only its own images; save the file beside the record and write its name`,
		sv: `bilden %q ligger inte på webbplatsen, som bara visar egna bilder – spara filen bredvid posten och skriv dess namn, t.ex. ![Karta](karta.png)`},
	ImagePath: {en: `image %q must be the name of a file beside the record, not a path`,
		sv: `bilden %q: skriv namnet på en fil bredvid posten, inte en sökväg, t.ex. ![Karta](karta.png)`},
	ImageName: {en: `image %q: an image's file name has only letters a-z, digits, - _ and .; rename the file`,
		sv: `bilden %q: en bilds filnamn får bara ha bokstäverna a–z, siffror, - _ och . – byt namn på filen`},
	ImageSVG: {en: `image %q: SVG is not published (a browser opened on it alone runs it as a document); save it as PNG`,
		sv: `bilden %q: SVG publiceras inte (en webbläsare kör den som ett dokument) – spara den som PNG`},
	ImageNoExt: {en: `image %q has no extension; an image is a .png, .jpg or .webp file`,
		sv: `bilden %q har ingen filändelse – en bild är en .png-, .jpg- eller .webp-fil`},
	ImageType: {en: `image %q: %s is not an image type the site publishes; save it as PNG, JPEG or WebP`,
		sv: `bilden %q: %s är ingen bildtyp som webbplatsen publicerar – spara den som PNG, JPEG eller WebP`},
	ImageUnreadable: {en: `image %q cannot be read`,
		sv: `bilden %q kan inte läsas`},
	ImageTooLarge: {en: `image %q is %.1f MB; the limit is %d MB: make it smaller`,
		sv: `bilden %q är %.1f MB, men högst %d MB går – gör den mindre`},
	ImageNotImage: {en: `image %q is not a PNG, JPEG or WebP image`,
		sv: `bilden %q är ingen PNG-, JPEG- eller WebP-bild`},
	ImageWrongExt: {en: `image %q is a %s image; name it %s`,
		sv: `bilden %q är en %s-bild – byt filändelse till %s`},
	ImageTooBig: {en: `image %q is %d×%d pixels; the limit is %d×%d: make it smaller`,
		sv: `bilden %q är %d×%d bildpunkter, men högst %d×%d går – gör den mindre`},
}
