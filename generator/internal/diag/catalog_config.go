package diag

// The messages of config.toml (package config).
const (
	ConfigLink         ID = "config.link"
	ConfigMissing      ID = "config.missing"
	BaseURL            ID = "config.base-url"
	BaseURLNoHost      ID = "config.base-url-host"
	BaseURLExtra       ID = "config.base-url-extra"
	BaseURLHostASCII   ID = "config.base-url-host-ascii"
	BaseURLPort        ID = "config.base-url-port"
	BaseURLPath        ID = "config.base-url-path"
	DefaultLangCode    ID = "config.default-lang"
	LangCodes          ID = "config.lang-codes"
	LangTwice          ID = "config.lang-twice"
	LangNone           ID = "config.lang-none"
	ZoneLocal          ID = "config.zone-local"
	ZoneUnknown        ID = "config.zone-unknown"
	PageSize           ID = "config.page-size"
	DefaultLangMissing ID = "config.default-lang-missing"
	TitleLang          ID = "config.title-lang"
	SectionMissing     ID = "config.section-missing"
	SectionSlug        ID = "config.section-slug"
	SectionNoLang      ID = "config.section-no-lang"
	NamesUnknownLang   ID = "config.names-lang"
	NamesTable         ID = "config.names-table"
	NamesString        ID = "config.names-string"
	TranslationsTable  ID = "config.translations-table"
	TranslationsKey    ID = "config.translations-key"
	TranslationsList   ID = "config.translations-list"
	TranslationsKind   ID = "config.translations-kind"
	SectionsTable      ID = "config.sections-table"
	SectionsKind       ID = "config.sections-kind"
	VocabTables        ID = "config.vocab-tables"
	VocabSlug          ID = "config.vocab-slug"
	VocabTable         ID = "config.vocab-table"
	OrgType            ID = "config.org-type"
	VocabString        ID = "config.vocab-string"
	VocabUnknownKey    ID = "config.vocab-key"
	VocabNeedsType     ID = "config.vocab-type"
	CSPTable           ID = "config.csp-table"
	CSPUnknown         ID = "config.csp-unknown"
	CSPList            ID = "config.csp-list"
	CSPSource          ID = "config.csp-source"
	CSPUpgrade         ID = "config.csp-upgrade"
	CSPNone            ID = "config.csp-none"
	CSPString          ID = "config.csp-string"
	CSPUnsafe          ID = "config.csp-unsafe"
	CSPChars           ID = "config.csp-chars"
	CSPQuotes          ID = "config.csp-quotes"
	SegmentUsed        ID = "config.segment-used"
	UsedIndex          ID = "config.used-index"
	UsedSearch         ID = "config.used-search"
	UsedAssets         ID = "config.used-assets"
	UsedLang           ID = "config.used-lang"
	UsedSection        ID = "config.used-section"
)

var configTexts = map[ID]Text{
	ConfigMissing: {En: `there is no config.toml here, so this is not the folder of a site: run portal in the folder that holds config.toml and content/, or give that folder with -root`,
		Sv: `config.toml finns inte här, så det här är inte mappen för en webbplats – kör portal i den mapp där config.toml och content/ ligger, eller ange den mappen med -root`},
	ConfigLink: {En: `config.toml is a symbolic link; put the file itself at the site root`,
		Sv: `config.toml är en symbolisk länk – lägg själva filen i webbplatsens rotmapp`},
	BaseURL: {En: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/"`,
		Sv: `baseURL: skriv webbplatsens fullständiga adress, t.ex. "https://samverkan.example.se/"`},
	BaseURLNoHost: {En: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": it has no host`,
		Sv: `baseURL: adressen saknar värdnamn – skriv t.ex. "https://samverkan.example.se/"`},
	BaseURLExtra: {En: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": no user, query or fragment`,
		Sv: `baseURL: adressen får inte ha användarnamn, ? eller # – skriv t.ex. "https://samverkan.example.se/"`},
	BaseURLHostASCII: {En: `baseURL: write the host %q in its ASCII form (punycode, xn--…), as the domain's registrar gives it: feed readers and crawlers do not resolve it as written, percent-encoded in feeds, the sitemap and canonical links`,
		Sv: `baseURL: skriv värdnamnet %q i ASCII-form (punycode, xn--…), så som domänens registrar anger det – annars skrivs det procentkodat i flöden, webbplatskartan och kanoniska länkar, och då hittar flödesläsare och sökmotorer inte dit`},
	BaseURLPort: {En: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": a colon after the host needs a port number, or remove it`,
		Sv: `baseURL: ett kolon efter värdnamnet ska följas av ett portnummer – skriv numret eller ta bort kolonet`},
	BaseURLPath: {En: `baseURL must be the root of its host, like "https://samverkan.example.se/", without the path %s: the site's pages link from the root (/exjobb/), so its feeds, sitemap and canonical links would lead elsewhere; publish the site at the root of a host of its own`,
		Sv: `baseURL: adressen ska vara roten på en värd, t.ex. "https://samverkan.example.se/", utan sökvägen %s – sidorna länkar från roten (/exjobb/), så med en sökväg leder flöden, webbplatskartan och kanoniska länkar fel. Publicera webbplatsen i roten på en egen värd`},
	DefaultLangCode: {En: `defaultLanguage must be a two-letter language code like "sv"`,
		Sv: `defaultLanguage: skriv en språkkod med två bokstäver, t.ex. "sv"`},
	LangCodes: {En: `languages must list two-letter language codes like "sv"`,
		Sv: `languages: skriv språkkoder med två bokstäver, t.ex. ["sv", "en"]`},
	LangTwice: {En: `language %q is listed twice in languages; remove one`,
		Sv: `språket %q står två gånger i languages – ta bort det ena`},
	LangNone: {En: `languages must list at least one language, like ["sv", "en"]`,
		Sv: `languages: ange minst ett språk, t.ex. ["sv", "en"]`},
	ZoneLocal: {En: `time zone "Local" depends on the computer; name a zone like "Europe/Stockholm"`,
		Sv: `tidszonen "Local" beror på datorn – skriv en tidszon som "Europe/Stockholm"`},
	ZoneUnknown: {En: `unknown time zone %q; write a zone like "Europe/Stockholm"`,
		Sv: `okänd tidszon %q – skriv t.ex. "Europe/Stockholm"`},
	PageSize: {En: `pageSize must be a whole number from 1 to 1000, like 20, without quotes`,
		Sv: `pageSize: skriv ett heltal från 1 till 1000 utan citattecken, t.ex. 20`},
	DefaultLangMissing: {En: `defaultLanguage %q is not in languages; add it there`,
		Sv: `defaultLanguage: %q finns inte bland languages – lägg till det där`},
	TitleLang: {En: `title has no %q text; add it, like %[1]s = "…"`,
		Sv: `title saknar text för språket %q – lägg till den, t.ex. %[1]s = "…"`},
	SectionMissing: {En: `missing [sections.%s]; add the table with a segment per language`,
		Sv: `avsnittet [sections.%s] saknas – lägg till det med en adressdel per språk`},
	SectionSlug: {En: `section segment %q is not a slug: use lowercase letters a–z, digits and hyphens`,
		Sv: `adressdelen %q går inte – använd små bokstäver a–z, siffror och bindestreck`},
	SectionNoLang: {En: `[sections.%s] has no %q segment; add a line %[2]s = "…" to it`,
		Sv: `[sections.%s] saknar adressdel för språket %q – lägg till raden %[2]s = "…" där`},
	NamesUnknownLang: {En: `unknown key %q in %s: languages are %s`,
		Sv: `okänd nyckel %q i %s – språken är %s`},
	NamesTable: {En: `%s must be a table of language = text`,
		Sv: `%s: skriv en rad per språk, t.ex. sv = "…" och en = "…"`},
	NamesString: {En: `%s.%s must be text in straight quotes, like "…"`,
		Sv: `%s.%s: ska vara en text inom raka citattecken`},
	TranslationsTable: {En: `translations must be a table: write [translations] with expected = ["pages"] on the line below`,
		Sv: `translations: skriv ett avsnitt [translations] med expected = ["pages"]`},
	TranslationsKey: {En: `unknown key %q in [translations] (it has expected = [kinds])`,
		Sv: `okänd nyckel %q i [translations] – där finns bara expected = [sorter]`},
	TranslationsList: {En: `expected must be a list of kinds`,
		Sv: `expected: skriv en lista med sorter, t.ex. ["pages", "theses"]`},
	TranslationsKind: {En: `unknown kind %q in [translations] expected (kinds: %s)`,
		Sv: `%q är ingen sort (i [translations] expected) – sorterna är: %s`},
	SectionsTable: {En: `sections must be a table: write a [sections.<kind>] table per kind`,
		Sv: `sections: skriv ett avsnitt [sections.<sort>] per sort`},
	SectionsKind: {En: `unknown kind %q in [sections]; check the spelling`,
		Sv: `%q är ingen sort (i [sections]) – kontrollera stavningen`},
	VocabTables: {En: `%s must be a table per term: write [%[1]s.<key>] on a line of its own`,
		Sv: `%s: skriv ett avsnitt [%[1]s.<namn>] per term`},
	VocabSlug: {En: `key %q is not a slug (lowercase letters, digits and hyphens)`,
		Sv: `namnet %q går inte – använd små bokstäver a–z, siffror och bindestreck`},
	VocabTable: {En: `[%s.%s] must be a table: write [%[1]s.%[2]s] on a line of its own, then its names, like sv = "…"`,
		Sv: `[%s.%s] ska vara ett eget avsnitt med namn per språk`},
	OrgType: {En: `type must be one of %s`,
		Sv: `type: skriv en av %s`},
	VocabString: {En: `%s.%s.%s must be text in straight quotes, like "…"`,
		Sv: `%s.%s.%s: ska vara en text inom raka citattecken`},
	VocabUnknownKey: {En: `unknown key %q in [%s.%s]; remove it (a term has a name per language, and an organisation a type)`,
		Sv: `okänd nyckel %q i [%s.%s] – ta bort den (en term har ett namn per språk, och en organisation en type)`},
	VocabNeedsType: {En: `[%s.%s] needs a type, like type = "kth"`,
		Sv: `[%s.%s] behöver en type, t.ex. type = "kth"`},
	CSPTable: {En: `csp must be a table of directive = [sources]`,
		Sv: `csp: skriv en rad per regel, t.ex. img-src = ["'self'"]`},
	CSPUnknown: {En: `unknown directive %q in [csp]; check the spelling`,
		Sv: `okänd regel %q i [csp] – kontrollera stavningen`},
	CSPList: {En: `%s must be a list of sources, like ["'self'"]`,
		Sv: `%s: skriv en lista med källor, t.ex. ["'self'"]`},
	CSPSource: {En: `%s: %s`,
		Sv: `%s: %s`},
	CSPUpgrade: {En: `upgrade-insecure-requests takes no sources: write upgrade-insecure-requests = []`,
		Sv: `upgrade-insecure-requests har inga källor – skriv upgrade-insecure-requests = []`},
	CSPNone: {En: `%s needs at least one source, like ["'none'"]`,
		Sv: `%s: ange minst en källa, t.ex. ["'none'"]`},
	CSPString: {En: `a source must be a string, not %v`,
		Sv: `en källa ska vara en text inom citattecken, inte %v`},
	CSPUnsafe: {En: `%s would let injected code run: move scripts and styles into files under templates/assets/`,
		Sv: `%s skulle låta inskjuten kod köras – flytta skript och stilar till filer under templates/assets/`},
	CSPChars: {En: `%q is not a source: no spaces, quotes, commas or semicolons`,
		Sv: `%q är ingen källa – inga mellanslag, citattecken, kommatecken eller semikolon`},
	CSPQuotes: {En: `%q is not a source: keywords are quoted on both sides, like 'self'`,
		Sv: `%q är ingen källa – nyckelord har citattecken på båda sidor, som 'self'`},
	SegmentUsed: {En: `section segment %q is already the URL of %s`,
		Sv: `adressdelen %q är redan adressen till %s – välj en annan`},
	UsedIndex: {En: `the %s index (%s)`,
		Sv: `registret %s (%s)`},
	UsedSearch: {En: `the search index (%s)`,
		Sv: `sökindexet (%s)`},
	UsedAssets: {En: `the assets (/%s/)`,
		Sv: `webbplatsens filer (/%s/)`},
	UsedLang: {En: `the %q pages (/%s/)`,
		Sv: `sidorna på %q (/%s/)`},
	UsedSection: {En: `[sections.%s] (%s)`,
		Sv: `avsnittet [sections.%s] (%s)`},
}
