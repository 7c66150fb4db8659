package diag

// The messages of the site model, Markdown bodies and UI strings (packages site, markdown and render).
const (
	AgreementMissing          ID = "agreement.missing"
	AliasUsed                 ID = "alias.used"
	AliasInside               ID = "alias.inside"
	URLUsed                   ID = "url.used"
	AttachmentURLUsed         ID = "attachment.url-used"
	ImageURLUsed              ID = "image.url-used"
	ImageWhat                 ID = "image.what"
	VariantWhat               ID = "image.variant"
	ClaimHome                 ID = "claim.home"
	ClaimList                 ID = "claim.list"
	ClaimArchive              ID = "claim.archive"
	ClaimLevels               ID = "claim.levels"
	ClaimDue                  ID = "claim.due"
	ClaimIndex                ID = "claim.index"
	Claim404                  ID = "claim.404"
	ClaimRedirects            ID = "claim.redirects"
	ClaimFeed                 ID = "claim.feed"
	ClaimCalendar             ID = "claim.calendar"
	ClaimDueCalendar          ID = "claim.duecalendar"
	ClaimEvent                ID = "claim.event"
	ClaimSearch               ID = "claim.search"
	ClaimSitemap              ID = "claim.sitemap"
	ClaimRobots               ID = "claim.robots"
	ClaimAsset                ID = "claim.asset"
	ClaimAssets               ID = "claim.assets"
	ClaimAttachment           ID = "claim.attachment"
	ClaimImage                ID = "claim.image"
	ClaimVariant              ID = "claim.variant"
	KindRecordsTheses         ID = "kind-records.theses"
	KindRecordsInternships    ID = "kind-records.internships"
	KindRecordsLectures       ID = "kind-records.lectures"
	KindRecordsCollaborations ID = "kind-records.collaborations"
	KindRecordsAgreements     ID = "kind-records.agreements"
	KindRecordsExchanges      ID = "kind-records.exchanges"
	KindRecordsFollowups      ID = "kind-records.followups"
	LinkNoPage                ID = "link.no-page"
	LinkNoPageAs              ID = "link.no-page-as"
	LinkLeaves                ID = "link.leaves"
	LinkUnpublished           ID = "link.unpublished"
	LinkNoRecord              ID = "link.no-record"
	LinkNoRecordAs            ID = "link.no-record-as"
	LinkNoScheme              ID = "link.no-scheme"
	LinkNoMailto              ID = "link.no-mailto"
	LinkRelative              ID = "link.relative"
	LinkBackslash             ID = "link.backslash"
	LinkMailHeaders           ID = "link.mail-headers"
	WarnAgreementPDF          ID = "warn.agreement-pdf"
	WarnSignatoryParty        ID = "warn.signatory-party"
	WarnFutureDate            ID = "warn.future-date"
	WarnSlugPage              ID = "warn.slug-page"
	WarnFileNamePage          ID = "warn.file-name-page"
	WarnDeadline              ID = "warn.deadline"
	WarnDeadlineTime          ID = "warn.deadline-time"
	WarnDayTime               ID = "warn.day-time"
	WarnStartOnDate           ID = "warn.start-on-date"
	WarnTerminated            ID = "warn.terminated"
	WarnTermSigned            ID = "warn.terminated-signed"
	WarnUntilSigned           ID = "warn.until-signed"
	WarnNotice                ID = "warn.notice"
	WarnNoticeMonth           ID = "warn.notice-month"
	WarnNoticeUnder           ID = "warn.notice-under"
	WarnTranslation           ID = "warn.translation"
	WarnRawHTML               ID = "warn.raw-html"
	WarnShortcode             ID = "warn.shortcode"
	MDParagraph               ID = "markdown.paragraph"
	MDNesting                 ID = "markdown.nesting"
	MDBrackets                ID = "markdown.brackets"
	MDParens                  ID = "markdown.parens"
	MDAngles                  ID = "markdown.angles"
	MDEmphasis                ID = "markdown.emphasis"
	UIMissing                 ID = "ui.missing"
	UIReadLang                ID = "ui.read-lang"
	UIMissingIn               ID = "ui.missing-in"
	UIMissingLent             ID = "ui.missing-lent"
	UIUnknown                 ID = "ui.unknown"
	UIUnknownAs               ID = "ui.unknown-as"
	UIString                  ID = "ui.string"
	UIMarkOverride            ID = "ui.mark-override"
	UIMarkOverrideAs          ID = "ui.mark-override-as"
	UIKindMore                ID = "ui.kind-more"
	UIKindMoreAs              ID = "ui.kind-more-as"
	TemplateNotPage           ID = "template.not-page"
	TemplateNotPageAs         ID = "template.not-page-as"
	TemplateUnread            ID = "template.unread"
	AssetPartFolder           ID = "asset.part-folder"
	AssetPartExt              ID = "asset.part-ext"
)

// LinkMailRecipients is a body's mailto: link to more than one address;
// LinkMailHash one with a # (a mailto: URI has no fragment).
const (
	LinkMailRecipients ID = "link.mail-recipients"
	LinkMailHash       ID = "link.mail-hash"
)

var siteTexts = map[ID]Text{
	AgreementMissing: {En: `agreement %q does not exist (no content/agreements/%s.md or record with that slug); check the spelling`,
		Sv: `agreement: avtalet %q finns inte (ingen content/agreements/%s.md eller post med det namnet i slug) – kontrollera stavningen`},
	AliasUsed: {En: `alias %s is already used by %s; remove the alias`,
		Sv: `aliases: adressen %s används redan av %s – ta bort den här`},
	AliasInside: {En: `alias %s would be a page in %s, which is already used by %s; remove the alias`,
		Sv: `aliases: adressen %s skulle bli en sida i %s, som redan används av %s – ta bort den här`},
	URLUsed: {En: `URL %s is already used by %s; choose another slug`,
		Sv: `adressen %s används redan av %s – välj en annan slug, t.ex. slug = "nytt-namn"`},
	AttachmentURLUsed: {En: `attachment %q would be published at %s, which is already used by %s; rename the attachment`,
		Sv: `attachment: %q skulle publiceras på %s, som redan används av %s – byt namn på bilagan`},
	ImageURLUsed: {En: `%s would be published at %s, which is already used by %s; rename the image`,
		Sv: `%s skulle publiceras på %s, som redan används av %s – byt namn på bilden`},
	ImageWhat: {En: `image %q`,
		Sv: `bilden %q`},
	VariantWhat: {En: `the %dw variant of %s`,
		Sv: `den %d bildpunkter breda versionen av %s`},
	// What already uses an output, when it is not a source file: the last
	// argument of the messages "... is already used by %s".
	ClaimHome:      {En: `the home page`, Sv: `startsidan`},
	ClaimList:      {En: `the list of %s`, Sv: `listan över %s`},
	ClaimArchive:   {En: `the archive of %s`, Sv: `arkivet med %s`},
	ClaimLevels:    {En: `the lists of theses by level`, Sv: `listorna över exjobb per nivå`},
	ClaimDue:       {En: `the page of agreements due for review`, Sv: `sidan med avtal att förnya`},
	ClaimIndex:     {En: `an index page`, Sv: `en översiktssida`},
	Claim404:       {En: `the 404 page`, Sv: `404-sidan`},
	ClaimRedirects: {En: `the nginx redirects`, Sv: `nginx-omdirigeringarna`},
	ClaimFeed:      {En: `the Atom feed of %s`, Sv: `Atom-flödet för %s`},
	ClaimCalendar:  {En: `the calendar of %s`, Sv: `kalendern med %s`},
	ClaimDueCalendar: {En: `the calendar of the agreements' last days to give notice`,
		Sv: `kalendern med avtalens sista dagar att säga upp`},
	ClaimEvent:      {En: `the calendar file of %s`, Sv: `kalenderfilen för %s`},
	ClaimSearch:     {En: `the search index`, Sv: `sökindexet`},
	ClaimSitemap:    {En: `the sitemap`, Sv: `webbplatskartan`},
	ClaimRobots:     {En: `robots.txt`, Sv: `robots.txt`},
	ClaimAsset:      {En: `the asset %s`, Sv: `resursfilen %s`},
	ClaimAssets:     {En: `the stylesheets, scripts and images of the templates`, Sv: `mallarnas stilmallar, skript och bilder`},
	ClaimAttachment: {En: `the attachment of %s`, Sv: `bilagan till %s`},
	ClaimImage:      {En: `the image %s of %s`, Sv: `bilden %s i %s`},
	ClaimVariant:    {En: `the %dw variant of the image %s of %s`, Sv: `den %d bildpunkter breda versionen av bilden %s i %s`},
	// The records of the portal's kinds in running text: in English the
	// kind's folder, in Swedish the editors' word for them.
	KindRecordsTheses:         {En: `theses`, Sv: `exjobb`},
	KindRecordsInternships:    {En: `internships`, Sv: `praktikplatser`},
	KindRecordsLectures:       {En: `lectures`, Sv: `gästföreläsningar`},
	KindRecordsCollaborations: {En: `collaborations`, Sv: `samarbeten`},
	KindRecordsAgreements:     {En: `agreements`, Sv: `avtal`},
	KindRecordsExchanges:      {En: `exchanges`, Sv: `personutbyten`},
	KindRecordsFollowups:      {En: `followups`, Sv: `årliga uppföljningar`},
	LinkNoPage: {En: `link to %s: no such page on the site; check the address`,
		Sv: `länken till %s: sidan finns inte på webbplatsen – kontrollera adressen`},
	LinkNoPageAs: {En: `link to %s: no such page on the site; did you mean %s?`,
		Sv: `länken till %s: sidan finns inte på webbplatsen – menade du %s?`},
	LinkLeaves: {En: `link to %s leaves content/; link to a record, like ../theses/name.md`,
		Sv: `länken till %s pekar utanför content/ – länka till en post, t.ex. ../theses/namn.md`},
	LinkUnpublished: {En: `link to %s: that record is not published (draft, scheduled or expired)`,
		Sv: `länken till %s: den posten är inte publicerad (utkast, schemalagd eller utgången)`},
	LinkMailHeaders: {En: `link to %s: a mailto: link may set only subject and body, not %q, which would send the mail to others too, unseen`,
		Sv: `länken till %s: en mailto:-länk får bara ange subject och body, inte %q, som skickar brevet till fler utan att det syns`},
	LinkMailRecipients: {En: `link to %s: a mailto: link names one address, not %q, which would send the mail to others too, unseen`,
		Sv: `länken till %s: en mailto:-länk anger en enda adress, inte %q, som skickar brevet till fler utan att det syns`},
	LinkMailHash: {En: `link to %s: a mailto: link has nothing after #, not %q, which a mail program may read as headers that send the mail to others too, unseen; remove it`,
		Sv: `länken till %s: en mailto:-länk har inget efter #, inte %q, som ett e-postprogram kan läsa som rubriker som skickar brevet till fler utan att det syns – ta bort det`},
	LinkNoMailto: {En: `link to %s is read as a file of this site, not as an e-mail address; write %s`,
		Sv: `länken till %s läses som en fil på den här webbplatsen, inte som en e-postadress – skriv %s`},
	LinkNoScheme: {En: `link to %s is read as a file of this site, not as another site; write %s`,
		Sv: `länken till %s läses som en fil på den här webbplatsen, inte som en annan webbplats – skriv %s`},
	LinkRelative: {En: `link to %s: the page is not published beside its file, so this link leads nowhere; link a record as ../theses/name.md, a page of the site from its first / (/exjobb/), or another site with https://`,
		Sv: `länken till %s: sidan publiceras inte bredvid sin fil, så länken leder ingenstans – länka till en post som ../theses/namn.md, till en sida på webbplatsen från dess första / (/exjobb/), eller till en annan webbplats med https://`},
	LinkBackslash: {En: `link to %s: a link has / between folders, not \; write %s`,
		Sv: `länken till %s: en länk har / mellan mappar, inte \ – skriv %s`},
	LinkNoRecordAs: {En: `link to %s: no such record; did you mean %s?`,
		Sv: `länken till %s: posten finns inte – menade du %s?`},
	LinkNoRecord: {En: `link to %s: no such record; check the file name`,
		Sv: `länken till %s: posten finns inte – kontrollera filnamnet`},
	WarnAgreementPDF: {En: `agreement has no attachment (the signed PDF); put it beside the record and write attachment = "avtal.pdf"`,
		Sv: `avtalet saknar bilaga (den undertecknade PDF-filen) – lägg den bredvid posten och skriv attachment = "avtal.pdf"`},
	WarnSignatoryParty: {En: `signatory's org "%s" is none of the agreement's parties (%s); add it to parties, or change org to the party the signatory signs for`,
		Sv: `signatories: org "%s" är inte en av avtalets parter (%s) – lägg till den i parties, eller ändra org till den part som undertecknaren skriver under för`},
	WarnFutureDate: {En: `date %s is in the future, but the record is published now all the same (date says when it was published); to publish it then, set publishDate = %s`,
		Sv: `date: %s ligger i framtiden, men posten publiceras redan nu (date anger när den publicerades) – skriv publishDate = %s om den ska publiceras först då`},
	WarnSlugPage: {En: `slug %q is the segment of the list's further pages (%s), which would be inside the record's folder, and its address reads as one of them; choose another slug, e.g. slug = %q`,
		Sv: `slug: %q används redan i adresserna till listans följande sidor (%s), så postens adress ser ut som en av dem – välj en annan slug, t.ex. slug = %q`},
	WarnFileNamePage: {En: `file name %q is the segment of the list's further pages (%s), which would be inside the record's folder, and its address reads as one of them; rename the file, or set slug = %q`,
		Sv: `filnamnet %q används redan i adresserna till listans följande sidor (%s), så postens adress ser ut som en av dem – byt namn på filen eller skriv slug = %q`},
	WarnDeadlineTime: {En: `deadline %s has a time of day, which is not used: the offer is open all day %s and closes after it; write the day alone, deadline = %s, and write the time in the text if it matters`,
		Sv: `deadline: %s har ett klockslag, som inte används – erbjudandet går att söka hela dagen %s och stänger efter den; skriv bara dagen, deadline = %s, och skriv klockslaget i texten om det behövs`},
	WarnDayTime: {En: `%s %s has a time of day, which is not used: %s is a date, and the site counts the whole day %s; write the day alone, %s = %s, and write the time in the text if it matters`,
		Sv: `%s: %s har ett klockslag, som inte används – %s är ett datum, och webbplatsen räknar med hela dagen %s; skriv bara dagen, %s = %s, och skriv klockslaget i texten om det behövs`},
	WarnDeadline: {En: `deadline %s must be after the record's date %s; write the last day to apply`,
		Sv: `deadline: %s ska vara efter postens datum %s – skriv sista dagen att ansöka`},
	WarnStartOnDate: {En: `start %s is on the record's date %s, as portal new writes it; write when it starts, or give the record an earlier date`,
		Sv: `start: %s är samma dag som postens datum %s, som portal new skriver det – skriv när den börjar, eller ge posten ett tidigare datum`},
	WarnTerminated: {En: `terminated %s is after validUntil %s, when the agreement had already ended; check the two dates`,
		Sv: `terminated: %s är efter validUntil %s, då avtalet redan hade upphört – kontrollera de två datumen`},
	WarnTermSigned: {En: `terminated %s is before signed %s, so the agreement was terminated before it was signed; check the two dates`,
		Sv: `terminated: %s är före signed %s, så avtalet sades upp innan det skrevs under – kontrollera de två datumen`},
	WarnUntilSigned: {En: `validUntil %s is before signed %s, so the agreement had ended before it was signed; check the two dates`,
		Sv: `validUntil: %s är före signed %s, så avtalet hade upphört innan det skrevs under – kontrollera de två datumen`},
	WarnNotice: {En: `noticeMonths %d is longer than the %d months from signed %s to validUntil %s, so notice could never be given in time; check noticeMonths`,
		Sv: `noticeMonths: %d är längre än de %d månaderna från signed %s till validUntil %s, så uppsägning kunde aldrig ges i tid – kontrollera noticeMonths`},
	// WarnNotice of a term of one month, and of less than a month: not
	// "the 1 months", "de 0 månaderna".
	WarnNoticeMonth: {En: `noticeMonths %d is longer than the time from signed %s to validUntil %s, which is one month, so notice could never be given in time; check noticeMonths`,
		Sv: `noticeMonths: %d är längre än tiden från signed %s till validUntil %s, som är en månad, så uppsägning kunde aldrig ges i tid – kontrollera noticeMonths`},
	WarnNoticeUnder: {En: `noticeMonths %d is longer than the time from signed %s to validUntil %s, which is less than a month, so notice could never be given in time; check noticeMonths`,
		Sv: `noticeMonths: %d är längre än tiden från signed %s till validUntil %s, som är kortare än en månad, så uppsägning kunde aldrig ges i tid – kontrollera noticeMonths`},
	WarnRawHTML: {En: `%s is HTML, which is not published: write it in Markdown (**bold**, [text](https://…)) or remove it`,
		Sv: `%s är HTML, som inte publiceras – skriv det i Markdown (**fet**, [text](https://…)) eller ta bort det`},
	WarnShortcode: {En: `%s is a Hugo shortcode, which this site does not run: it is published as written; write a link [text](…) or an image ![text](file.png) in Markdown, or remove it`,
		Sv: `%s är en kortkod från Hugo, som webbplatsen inte kör: den publiceras som den står – skriv en länk [text](…) eller en bild ![text](fil.png) i Markdown, eller ta bort den`},
	WarnTranslation: {En: `no %s translation: create %s`,
		Sv: `ingen översättning till språket %q – skapa filen %s`},
	MDParagraph: {En: `a paragraph of %d lines with %d links or bracketed texts; separate it into paragraphs with blank lines`,
		Sv: `ett stycke på %d rader med %d länkar eller texter inom hakparenteser – dela upp det i stycken med tomma rader emellan`},
	MDNesting: {En: `block quotes, lists and footnotes nested more than %d deep; flatten the structure`,
		Sv: `citat, listor och fotnoter ligger mer än %d nivåer inuti varandra – förenkla strukturen`},
	MDBrackets: {En: `more than %d "[" open in one paragraph; write \[ for a bracket`,
		Sv: `mer än %d "[" öppna i ett stycke – skriv \[ för en hakparentes`},
	MDParens: {En: `more than %d "(" open in one line; write \( for a parenthesis`,
		Sv: `mer än %d "(" öppna på en rad – skriv \( för en parentes`},
	MDAngles: {En: `more than %d "<" open in one line; write \< for a less-than sign`,
		Sv: `mer än %d "<" öppna på en rad – skriv \< för ett mindre än-tecken`},
	MDEmphasis: {En: `more than %d emphasis markers (*, _, ~) open in one paragraph; write \%c for a literal %c`,
		Sv: `mer än %d betoningstecken (*, _, ~) öppna i ett stycke – skriv \%c för ett vanligt %c`},
	UIMissing: {En: `missing UI string %q`,
		Sv: `texten %q saknas i gränssnittets texter – lägg till den`},
	UIReadLang: {En: `cannot read the UI strings of language %q: %s`,
		Sv: `gränssnittets texter på språket %q kan inte läsas: %s`},
	UIMissingIn: {En: `UI string %q is missing in %s`,
		Sv: `texten %q saknas i %s – lägg till den där också`},
	UIUnknown: {En: `UI string %q is none of the program's texts: check its spelling; a text of the site's own goes in a table of its own for every language, here and in %s`,
		Sv: `texten %q finns inte bland programmets texter – kontrollera stavningen; en egen text ska stå i en egen tabell för varje språk, här och i %s`},
	UIUnknownAs: {En: `UI string %q is none of the program's texts: did you mean %q? (A text of the site's own goes in a table of its own for every language, here and in %s.)`,
		Sv: `texten %q finns inte bland programmets texter – menade du %q? (En egen text ska stå i en egen tabell för varje språk, här och i %s.)`},
	UIMissingLent: {En: `UI string %q is missing here; %s has it from the program's own table: add it`,
		Sv: `texten %q saknas här – %s har den från programmets egen tabell: lägg till den`},
	UIString: {En: `UI string %q must be a string`,
		Sv: `texten %q ska vara en text inom raka citattecken`},
	UIMarkOverride: {En: `UI string %q is no kind's mark; write one of %s`,
		Sv: `texten %q är ingen typs markering – skriv någon av %s`},
	UIMarkOverrideAs: {En: `UI string %q is no kind's mark: did you mean %q?`,
		Sv: `texten %q är ingen typs markering – menade du %q?`},
	UIKindMore: {En: `UI string %q names no kind; write one of %s`,
		Sv: `texten %q hör inte till någon typ – skriv någon av %s`},
	UIKindMoreAs: {En: `UI string %q names no kind: did you mean %q?`,
		Sv: `texten %q hör inte till någon typ – menade du %q?`},
	TemplateNotPage: {En: `no page uses %q: a page template is named after its page type, in small letters: %s`,
		Sv: `ingen sida använder %q: en sidmall heter som sin sidtyp, med små bokstäver: %s`},
	TemplateNotPageAs: {En: `no page uses %q: a page template is named after its page type, in small letters (did you mean %q?)`,
		Sv: `ingen sida använder %q: en sidmall heter som sin sidtyp, med små bokstäver – menade du %q?`},
	TemplateUnread: {En: `the site does not read this file: it reads layouts/*.html, partials/*.html, pages/<type>.html, i18n/<language>.toml and assets/; move or rename it`,
		Sv: `webbplatsen läser inte den här filen: den läser layouts/*.html, partials/*.html, pages/<sidtyp>.html, i18n/<språk>.toml och assets/ – flytta eller byt namn på filen`},
	AssetPartFolder: {En: `a folder in the asset %s, whose files are joined in the order of their names into one file: put its files beside the others, with names that sort where they belong`,
		Sv: `en mapp i filen %s, vars delar fogas ihop i namnordning till en fil: lägg mappens filer bredvid de andra, med namn som sorteras där de ska stå`},
	AssetPartExt: {En: `not a part of the asset %s, whose files are joined in the order of their names into one file: a part's name ends in %s like the asset's; move the file out of the folder or rename it`,
		Sv: `inte en del av filen %s, vars delar fogas ihop i namnordning till en fil: en dels namn slutar på %s som filens – flytta filen ur mappen eller byt namn på den`},
}
