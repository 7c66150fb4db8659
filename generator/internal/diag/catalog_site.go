package diag

// The messages of the site model, Markdown bodies and UI strings (packages site, markdown and render).
const (
	AgreementMissing  ID = "agreement.missing"
	AliasUsed         ID = "alias.used"
	URLUsed           ID = "url.used"
	AttachmentURLUsed ID = "attachment.url-used"
	ImageURLUsed      ID = "image.url-used"
	ImageWhat         ID = "image.what"
	VariantWhat       ID = "image.variant"
	LinkNoPage        ID = "link.no-page"
	LinkLeaves        ID = "link.leaves"
	LinkUnpublished   ID = "link.unpublished"
	LinkNoRecord      ID = "link.no-record"
	WarnAgreementPDF  ID = "warn.agreement-pdf"
	WarnDeadline      ID = "warn.deadline"
	WarnTranslation   ID = "warn.translation"
	MDParagraph       ID = "markdown.paragraph"
	MDNesting         ID = "markdown.nesting"
	MDBrackets        ID = "markdown.brackets"
	MDParens          ID = "markdown.parens"
	MDAngles          ID = "markdown.angles"
	MDEmphasis        ID = "markdown.emphasis"
	UIMissing         ID = "ui.missing"
	UIReadLang        ID = "ui.read-lang"
	UIMissingIn       ID = "ui.missing-in"
	UIString          ID = "ui.string"
)

var siteTexts = map[ID]texts{
	AgreementMissing: {en: `agreement %q does not exist (no content/agreements/%s.md or record with that slug)`,
		sv: `agreement: avtalet %q finns inte (ingen content/agreements/%s.md eller post med den slug) – kontrollera stavningen`},
	AliasUsed: {en: `alias %s is already used by %s; remove the alias`,
		sv: `aliases: adressen %s används redan av %s – ta bort den här`},
	URLUsed: {en: `URL %s is already used by %s; choose another slug`,
		sv: `adressen %s används redan av %s – välj en annan slug, t.ex. slug = "nytt-namn"`},
	AttachmentURLUsed: {en: `attachment %q would be published at %s, which is already used by %s; rename the attachment`,
		sv: `attachment: %q skulle publiceras på %s, som redan används av %s – byt namn på bilagan`},
	ImageURLUsed: {en: `%s would be published at %s, which is already used by %s; rename the image`,
		sv: `%s skulle publiceras på %s, som redan används av %s – byt namn på bilden`},
	ImageWhat: {en: `image %q`,
		sv: `bilden %q`},
	VariantWhat: {en: `the %dw variant of %s`,
		sv: `den %d bildpunkter breda versionen av %s`},
	LinkNoPage: {en: `link to %s: no such page on the site`,
		sv: `länken till %s: sidan finns inte på webbplatsen – kontrollera adressen`},
	LinkLeaves: {en: `link to %s leaves content/`,
		sv: `länken till %s pekar utanför content/ – länka till en post, t.ex. ../theses/namn.md`},
	LinkUnpublished: {en: `link to %s: that record is not published (draft, scheduled or expired)`,
		sv: `länken till %s: den posten är inte publicerad (utkast, schemalagd eller utgången)`},
	LinkNoRecord: {en: `link to %s: no such record`,
		sv: `länken till %s: posten finns inte – kontrollera filnamnet`},
	WarnAgreementPDF: {en: `agreement has no attachment (the signed PDF)`,
		sv: `avtalet saknar bilaga (den undertecknade PDF-filen) – lägg den bredvid posten och skriv attachment = "avtal.pdf"`},
	WarnDeadline: {en: `deadline %s must be after the record's date %s; write the last day to apply`,
		sv: `deadline: %s ska vara efter postens datum %s – skriv sista dagen att ansöka`},
	WarnTranslation: {en: `no %s translation (%s)`,
		sv: `ingen översättning till språket %q – skapa filen %s`},
	MDParagraph: {en: `a paragraph of %d lines with %d links or bracketed texts; separate it into paragraphs with blank lines`,
		sv: `ett stycke på %d rader med %d länkar eller texter inom hakparenteser – dela upp det i stycken med tomma rader emellan`},
	MDNesting: {en: `block quotes, lists and footnotes nested more than %d deep; flatten the structure`,
		sv: `citat, listor och fotnoter ligger mer än %d nivåer inuti varandra – förenkla strukturen`},
	MDBrackets: {en: `more than %d "[" open in one paragraph; write \[ for a bracket`,
		sv: `mer än %d "[" öppna i ett stycke – skriv \[ för en hakparentes`},
	MDParens: {en: `more than %d "(" open in one line; write \( for a parenthesis`,
		sv: `mer än %d "(" öppna på en rad – skriv \( för en parentes`},
	MDAngles: {en: `more than %d "<" open in one line; write \< for a less-than sign`,
		sv: `mer än %d "<" öppna på en rad – skriv \< för ett mindre än-tecken`},
	MDEmphasis: {en: `more than %d emphasis markers (*, _, ~) open in one paragraph; write \%c for a literal %c`,
		sv: `mer än %d betoningstecken (*, _, ~) öppna i ett stycke – skriv \%c för ett vanligt %c`},
	UIMissing: {en: `missing UI string %q`,
		sv: `texten %q saknas i gränssnittets texter – lägg till den`},
	UIReadLang: {en: `cannot read the UI strings of language %q: %s`,
		sv: `gränssnittets texter på språket %q kan inte läsas: %s`},
	UIMissingIn: {en: `UI string %q is missing in %s`,
		sv: `texten %q saknas i %s – lägg till den där också`},
	UIString: {en: `UI string %q must be a string`,
		sv: `texten %q ska vara en text inom raka citattecken`},
}
