package diag

// The messages of content files, attachments, images and translations.
const (
	CannotRead             ID = "file.cannot-read"
	KindFolderUnknown      ID = "folder.unknown-kind"
	KindFolderMean         ID = "folder.unknown-kind-mean"
	FolderNested           ID = "folder.nested"
	FileOutsideKind        ID = "file.outside-kind"
	FileHugoIndex          ID = "file.hugo-index"
	NotRegular             ID = "file.not-regular"
	NeitherRecord          ID = "file.neither"
	RecordEnd              ID = "file.record-end"
	StrayCase              ID = "file.case"
	LinkToRecord           ID = "link.to-record"
	LangSuffix             ID = "file.lang-suffix"
	SlugInvalid            ID = "slug.invalid"
	SlugReserved           ID = "slug.reserved"
	SlugSegment            ID = "slug.segment"
	FileNameSegment        ID = "file.name-segment"
	FileNameSlug           ID = "file.name-slug"
	FileNameSlugAs         ID = "file.name-slug-as"
	SlugInvalidAs          ID = "slug.invalid-as"
	TitleShape             ID = "title.shape"
	SummaryString          ID = "summary.string"
	TranslationNotSet      ID = "translation.not-set"
	TranslationDiffers     ID = "translation.differs"
	TranslationAlone       ID = "translation.alone"
	AttachmentPath         ID = "attachment.path"
	AttachmentRecord       ID = "attachment.record"
	AttachmentMissing      ID = "attachment.missing"
	AttachmentMissingMean  ID = "attachment.missing-mean"
	AttachmentCase         ID = "attachment.case"
	AttachmentLink         ID = "attachment.link"
	AttachmentNotRegular   ID = "attachment.not-regular"
	AttachmentUnreadable   ID = "attachment.unreadable"
	AttachmentContent      ID = "attachment.content"
	AttachmentNoExt        ID = "attachment.no-ext"
	AttachmentType         ID = "attachment.type"
	AttachmentConfidential ID = "attachment.confidential"
	ImageConfidential      ID = "image.confidential"
	SlugUsed               ID = "slug.used"
	AliasPath              ID = "alias.path"
	AliasLong              ID = "alias.long"
	AliasReserved          ID = "alias.reserved"
	AliasDot               ID = "alias.dot"
	AliasesShape           ID = "aliases.shape"
	PlaceholderValue       ID = "placeholder.value"
	PlaceholderBody        ID = "placeholder.body"
	HiddenValue            ID = "hidden.value"
	HiddenBody             ID = "hidden.body"
	FileTooLarge           ID = "file.too-large"
	FileUTF8               ID = "file.utf8"
	FileUTF16              ID = "file.utf16"
	FileNUL                ID = "file.nul"
	FrontMissing           ID = "front.missing"
	FrontYAML              ID = "front.yaml"
	FrontUnclosed          ID = "front.unclosed"
	FrontFenceLike         ID = "front.fence-like"
	FrontTwiceTop          ID = "front.twice-top"
	FrontTwiceEnd          ID = "front.twice-end"
	ImageAlt               ID = "image.alt"
	ImageMissing           ID = "image.missing"
	ImageCase              ID = "image.case"
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
	ImageScans             ID = "image.scans"
	ImageCut               ID = "image.cut"
	ImageDamaged           ID = "image.damaged"
)

// SlugLong, FileNameLong and ImageNameLong are a slug or an image's
// name longer than MaxSlug (package content).
const (
	SlugLong      ID = "slug.long"
	FileNameLong  ID = "file.name-long"
	ImageNameLong ID = "image.name-long"
)

var contentTexts = map[ID]Text{
	CannotRead: {En: `cannot read: %s`,
		Sv: `filen kan inte läsas: %s`},
	KindFolderMean: {En: `unknown kind folder %q (did you mean %q?); move the files into content/%[2]s/`,
		Sv: `mappen %q är ingen av innehållets sorter – menade du %q? Flytta filerna till content/%[2]s/`},
	KindFolderUnknown: {En: `unknown kind folder %q; move the files into one of: %s`,
		Sv: `mappen %q är ingen av innehållets sorter – flytta filerna till en av: %s`},
	FolderNested: {En: `folders inside a kind are not allowed; put the record beside the others`,
		Sv: `mappar inuti en sort används inte – lägg posten bredvid de andra`},
	FileHugoIndex: {En: `%s is Hugo's list page, which this site does not read: it makes the list of each kind itself; remove the file (a page of its own goes in content/pages/)`,
		Sv: `%s är Hugos listsida, som webbplatsen inte läser: den gör listan för varje sort själv – ta bort filen (en egen sida läggs i content/pages/)`},
	FileOutsideKind: {En: `file outside a kind folder; move it into one of content/<kind>/`,
		Sv: `filen ligger utanför sorternas mappar – flytta den till en av content/<sort>/, t.ex. content/theses/`},
	NotRegular: {En: `not a regular file`,
		Sv: `är ingen vanlig fil`},
	NeitherRecord: {En: `file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record`,
		Sv: `filen är varken en post (.md) eller en bilaga eller bild som en post använder – ta bort den eller nämn den i en post`},
	StrayCase: {En: `file %q is named %q in a record: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`,
		Sv: `filen %q heter %q i en post – stora och små bokstäver måste vara som i filens namn (macOS och Windows bortser från skillnaden, servern gör det inte)`},
	RecordEnd: {En: `%q is not read as a record, since a record's file name ends in .md in lower case; rename it %q`,
		Sv: `%q läses inte som en post, eftersom en posts filnamn slutar på .md med små bokstäver – döp om filen till %q`},
	LinkToRecord: {En: `symbolic link points to a record (%s); copy the file instead`,
		Sv: `den symboliska länken pekar på en post (%s) – kopiera filen i stället`},
	LangSuffix: {En: `unknown language suffix %q (a translation is named <name>.<lang>.md with lang one of %s)`,
		Sv: `okänd språkändelse %q – en översättning heter <namn>.<språk>.md med språk ett av: %s, t.ex. min-post.en.md`},
	SlugInvalid: {En: `slug %q must be lowercase letters, digits and single hyphens`,
		Sv: `slug: %q går inte – använd små bokstäver a–z, siffror och enstaka bindestreck, t.ex. "solceller-i-skolor"`},
	SlugSegment: {En: `slug %q is the address of %s (%s), which the record's page would take; choose another slug, e.g. slug = %q`,
		Sv: `slug: %q är redan adressen till %s (%s) – välj en annan slug, t.ex. slug = %q`},
	FileNameSegment: {En: `file name %q is the address of %s (%s), which the record's page would take; rename the file, or set slug = %q`,
		Sv: `filnamnet %q är redan adressen till %s (%s) – byt namn på filen eller skriv slug = %q`},
	SlugReserved: {En: `slug %q is a name reserved on Windows, where the site must build too; choose another`,
		Sv: `slug: %q är ett namn som Windows reserverar, och webbplatsen måste gå att bygga där – välj ett annat`},
	FileNameSlugAs: {En: `file name %q is not a valid slug (lowercase letters, digits and single hyphens); rename the file to %s, or set slug = "%s"`,
		Sv: `filnamnet %q går inte att använda i en webbadress (bara små bokstäver a–z, siffror och enstaka bindestreck) – byt namn på filen till %s eller skriv slug = "%s"`},
	SlugInvalidAs: {En: `slug %q must be lowercase letters, digits and single hyphens; write slug = "%s"`,
		Sv: `slug: %q går inte – använd små bokstäver a–z, siffror och enstaka bindestreck: skriv slug = "%s"`},
	FileNameSlug: {En: `file name %q is not a valid slug (lowercase letters, digits and single hyphens); rename the file or set slug`,
		Sv: `filnamnet %q går inte att använda i en webbadress (bara små bokstäver a–z, siffror och enstaka bindestreck) – byt namn på filen eller skriv slug = "mitt-namn"`},
	TitleShape: {En: `title %s`,
		Sv: `title: %s`},
	SummaryString: {En: `summary must be text in straight quotes, like "One sentence about the record"`,
		Sv: `summary: ska vara en text inom raka citattecken, t.ex. "En mening om posten"`},
	TranslationNotSet: {En: `%s is not set in %s; a translation sets only title, summary and aliases`,
		Sv: `%s finns inte i %s – en översättning anger bara title, summary och aliases, så ta bort raden här`},
	TranslationDiffers: {En: `%s differs from %s; a translation inherits it, so remove it here`,
		Sv: `%s skiljer sig från %s – översättningen ärver värdet därifrån, så ta bort raden här`},
	TranslationAlone: {En: `no %s beside this file, which sets only what a translation sets: restore or rename that record, or make this file a record of its own with the keys %s`,
		Sv: `%s saknas bredvid filen, som bara anger det en översättning anger – återställ eller döp om den posten, eller gör filen till en egen post med nycklarna %s`},
	AttachmentPath: {En: `attachment must be the name of a file beside the record, not a path (%q)`,
		Sv: `attachment: skriv namnet på en fil som ligger bredvid posten, inte en sökväg (%q), t.ex. "avtal.pdf"`},
	AttachmentRecord: {En: `attachment %q is a record, not an attachment`,
		Sv: `attachment: %q är en post, inte en bilaga`},
	AttachmentMissing: {En: `attachment %q not found beside the record; check the name, or put the file in the same folder`,
		Sv: `attachment: filen %q finns inte bredvid posten – kontrollera namnet eller lägg filen i samma mapp`},
	AttachmentMissingMean: {En: `attachment %q not found beside the record; did you mean %q?`,
		Sv: `attachment: filen %q finns inte bredvid posten – menade du %q?`},
	AttachmentCase: {En: `attachment %q not found beside the record, but %q is: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`,
		Sv: `attachment: filen %q finns inte bredvid posten, men %q gör det – stora och små bokstäver måste vara som i filens namn (macOS och Windows bortser från skillnaden, servern gör det inte)`},
	AttachmentLink: {En: `attachment %q: %s`,
		Sv: `attachment: filen %q: %s`},
	AttachmentNotRegular: {En: `attachment %q is not a regular file`,
		Sv: `attachment: %q är ingen vanlig fil`},
	AttachmentUnreadable: {En: `attachment %q cannot be read: %s`,
		Sv: `attachment: filen %q kan inte läsas: %s`},
	AttachmentContent: {En: `attachment %q is named as a %[2]s file but does not hold one; save the document as %[2]s again`,
		Sv: `attachment: %q heter som en %[2]s-fil men innehåller ingen – spara dokumentet som %[2]s igen`},
	AttachmentNoExt: {En: `attachment %q has no file name extension; an attachment is a document: %s`,
		Sv: `attachment: %q har ingen filändelse – en bilaga är ett dokument: %s`},
	AttachmentType: {En: `attachment %q: %s files are not published (a browser could run them); an attachment is a document: %s`,
		Sv: `attachment: %[2]s-filer som %[1]q publiceras inte (en webbläsare skulle kunna köra dem) – en bilaga är ett dokument: %[3]s`},
	AttachmentConfidential: {En: `attachment %q is the confidential attachment of %s`,
		Sv: `attachment: %q är den konfidentiella bilagan till %s och får inte publiceras`},
	ImageConfidential: {En: `image %q is the confidential attachment of %s`,
		Sv: `bilden %q är den konfidentiella bilagan till %s och får inte publiceras`},
	SlugUsed: {En: `slug %q is already used by %s; choose another`,
		Sv: `slug: %q används redan av %s – välj en annan`},
	AliasPath: {En: `alias %q must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
		Sv: `aliases: %q är ingen adress på webbplatsen – skriv som "/exjobb/gammalt-namn/": bokstäver, siffror och - _ . ~ mellan snedstreck, sist / eller .html`},
	SlugLong: {En: `slug %q is longer than %d characters; shorten it`,
		Sv: `slug: %q är längre än %d tecken – korta den`},
	FileNameLong: {En: `file name %q is longer than %d characters, too long for the address of its page; rename the file, or set a shorter slug`,
		Sv: `filnamnet %q är längre än %d tecken, för långt för sidans adress – byt namn på filen eller ange en kortare slug`},
	AliasLong: {En: `alias %q is longer than %d characters; shorten it`,
		Sv: `aliases: adressen %q är längre än %d tecken – korta den`},
	AliasReserved: {En: `alias %q has the name %q, which Windows reserves, where the site must build too; choose another`,
		Sv: `aliases: %q har namnet %q, som Windows reserverar, och webbplatsen måste gå att bygga där – välj ett annat`},
	AliasDot: {En: `alias %q has the name %q, which ends in a dot, which Windows drops; choose another`,
		Sv: `aliases: %q har namnet %q, som slutar med en punkt, som Windows tar bort – välj ett annat`},
	AliasesShape: {En: `aliases %s`,
		Sv: `aliases: %s`},
	PlaceholderValue: {En: `%s still holds the placeholder %q of portal new; replace it`,
		Sv: `%s innehåller fortfarande platshållaren %q från portal new – skriv in det riktiga värdet`},
	PlaceholderBody: {En: `the text still holds the placeholder %q of portal new; replace it`,
		Sv: `texten innehåller fortfarande platshållaren %q från portal new – ersätt den med din egen text`},
	HiddenValue: {En: `%s holds the invisible control character %U, which can change how the text around it reads; delete it`,
		Sv: `%s innehåller det osynliga styrtecknet %U, som kan ändra hur texten runt det läses – ta bort det`},
	HiddenBody: {En: `the text holds the invisible control character %U, which can change how the text around it reads; delete it`,
		Sv: `texten innehåller det osynliga styrtecknet %U, som kan ändra hur texten runt det läses – ta bort det`},
	FileTooLarge: {En: `file is larger than 1 MiB; split the text, or put large parts in an attachment`,
		Sv: `filen är större än 1 MiB – dela upp texten eller lägg stora delar i en bilaga`},
	FileUTF8: {En: `invalid UTF-8; save the file as UTF-8`,
		Sv: `filen har tecken som inte är UTF-8 – spara den som UTF-8 i redigeraren`},
	FileUTF16: {En: `the file is saved as UTF-16 (Unicode); save it again as UTF-8`,
		Sv: `filen är sparad som UTF-16 (Unicode) – spara om den som UTF-8 i redigeraren`},
	FileNUL: {En: `the file holds a NUL character, which does not belong in a text file; save it again as plain text`,
		Sv: `filen innehåller ett NUL-tecken, som inte hör hemma i en textfil – spara om den som vanlig text`},
	FrontMissing: {En: `front matter missing: a record starts with a "+++" line`,
		Sv: `posten saknar sitt huvud: första raden ska vara +++, sedan nycklarna, sedan +++ igen`},
	FrontYAML: {En: `"---" starts front matter in YAML, as in Hugo; this site reads it between "+++" lines, each key written key = "value" – write +++ on the first line and after the keys`,
		Sv: `"---" inleder ett huvud i YAML, som i Hugo; webbplatsen läser det mellan rader med +++, varje nyckel skriven nyckel = "värde" – skriv +++ på första raden och efter nycklarna`},
	FrontFenceLike: {En: `%q is not the closing "+++" line – write +++ alone on the line`,
		Sv: `%q är inte den avslutande raden "+++" – skriv +++ ensamt på raden`},
	FrontUnclosed: {En: `front matter is never closed: add a "+++" line after the last key`,
		Sv: `postens huvud avslutas aldrig – lägg till en rad +++ efter den sista nyckeln`},
	FrontTwiceTop: {En: `"+++" twice at the top: this line ends the front matter before its keys; remove it`,
		Sv: `+++ två gånger överst: den här raden avslutar postens huvud före nycklarna – ta bort den`},
	FrontTwiceEnd: {En: `"+++" twice after the keys: this line would be published as text; remove it`,
		Sv: `+++ två gånger efter nycklarna: den här raden skulle publiceras som text – ta bort den`},
	ImageAlt: {En: `image %q needs a text for those who cannot see it: write ![what the image shows](%s)`,
		Sv: `bilden %q behöver en text för den som inte ser den – skriv ![vad bilden visar](%s)`},
	ImageMissing: {En: `image %q not found beside the record; check the name, or put the file in the same folder`,
		Sv: `bilden %q finns inte bredvid posten – kontrollera namnet eller lägg filen i samma mapp`},
	ImageCase: {En: `image %q not found beside the record, but %q is: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`,
		Sv: `bilden %q finns inte bredvid posten, men %q gör det – stora och små bokstäver måste vara som i filens namn (macOS och Windows bortser från skillnaden, servern gör det inte)`},
	ImageLink: {En: `image %q: %s`,
		Sv: `bilden %q: %s`},
	ImageNotRegular: {En: `image %q is not a regular file`,
		Sv: `bilden %q är ingen vanlig fil`},
	ImageExternal: {En: `image %q is not on this site, which shows only its own images; save the file beside the record and write its name`,
		Sv: `bilden %q ligger inte på webbplatsen, som bara visar egna bilder – spara filen bredvid posten och skriv dess namn, t.ex. ![Karta](karta.png)`},
	ImagePath: {En: `image %q must be the name of a file beside the record, not a path`,
		Sv: `bilden %q: skriv namnet på en fil bredvid posten, inte en sökväg, t.ex. ![Karta](karta.png)`},
	ImageNameLong: {En: `image %q has a name longer than %d characters; rename the file`,
		Sv: `bilden %q har ett namn som är längre än %d tecken – byt namn på filen`},
	ImageName: {En: `image %q: an image's file name has only letters a-z and A-Z, digits, - _ and .; rename the file`,
		Sv: `bilden %q: en bilds filnamn får bara ha bokstäverna a–z och A–Z, siffror, - _ och . – byt namn på filen`},
	ImageSVG: {En: `image %q: SVG is not published (a browser opened on it alone runs it as a document); save it as PNG`,
		Sv: `bilden %q: SVG publiceras inte (en webbläsare kör den som ett dokument) – spara den som PNG`},
	ImageNoExt: {En: `image %q has no extension; an image is a .png, .jpg or .webp file`,
		Sv: `bilden %q har ingen filändelse – en bild är en .png-, .jpg- eller .webp-fil`},
	ImageType: {En: `image %q: %s is not an image type the site publishes; save it as PNG, JPEG or WebP`,
		Sv: `bilden %q: %s är ingen bildtyp som webbplatsen publicerar – spara den som PNG, JPEG eller WebP`},
	ImageUnreadable: {En: `image %q cannot be read`,
		Sv: `bilden %q kan inte läsas`},
	ImageTooLarge: {En: `image %q is %.1f MB; the limit is %d MB: make it smaller`,
		Sv: `bilden %q är %.1f MB, men den får vara högst %d MB – gör den mindre`},
	ImageNotImage: {En: `image %q is not a PNG, JPEG or WebP image`,
		Sv: `bilden %q är ingen PNG-, JPEG- eller WebP-bild`},
	ImageWrongExt: {En: `image %q is a %s image; name it %s`,
		Sv: `bilden %q är en %s-bild – byt filändelse till %s`},
	ImageTooBig: {En: `image %q is %d×%d pixels; the limit is %d×%d: make it smaller`,
		Sv: `bilden %q är %d×%d bildpunkter, men den får vara högst %d×%d – gör den mindre`},
	ImageScans: {En: `image %q is a JPEG of more than %d scans, which takes minutes to decode; save it again as a JPEG`,
		Sv: `bilden %q är en JPEG med fler än %d skanningar, som tar minuter att avkoda – spara om den som JPEG`},
	ImageCut: {En: `image %q is incomplete: the file ends in the middle of the image; copy or save it again`,
		Sv: `bilden %q är ofullständig: filen tar slut mitt i bilden – kopiera eller spara om den`},
	ImageDamaged: {En: `image %q is damaged: its pixels cannot be decoded (too little image data, or data that is not valid); open it in an image program and save it again`,
		Sv: `bilden %q är skadad: bildpunkterna går inte att avkoda (för lite bilddata eller felaktiga data) – öppna den i ett bildprogram och spara om den`},
}
