package diag

// The messages of config.toml (package config).
const (
	BaseURL            ID = "config.base-url"
	BaseURLNoHost      ID = "config.base-url-host"
	BaseURLExtra       ID = "config.base-url-extra"
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

var configTexts = map[ID]texts{
	BaseURL: {en: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/"`,
		sv: `baseURL: skriv webbplatsens fullständiga adress, t.ex. "https://samverkan.example.se/"`},
	BaseURLNoHost: {en: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": it has no host`,
		sv: `baseURL: adressen saknar värdnamn – skriv t.ex. "https://samverkan.example.se/"`},
	BaseURLExtra: {en: `baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": no user, query or fragment`,
		sv: `baseURL: adressen får inte ha användarnamn, ? eller # – skriv t.ex. "https://samverkan.example.se/"`},
	DefaultLangCode: {en: `defaultLanguage must be a two-letter language code like "sv"`,
		sv: `defaultLanguage: skriv en språkkod med två bokstäver, t.ex. "sv"`},
	LangCodes: {en: `languages must list two-letter language codes like "sv"`,
		sv: `languages: skriv språkkoder med två bokstäver, t.ex. ["sv", "en"]`},
	LangTwice: {en: `language %q is listed twice`,
		sv: `språket %q står två gånger i languages – ta bort det ena`},
	LangNone: {en: `languages must list at least one language, like ["sv", "en"]`,
		sv: `languages: ange minst ett språk, t.ex. ["sv", "en"]`},
	ZoneLocal: {en: `time zone "Local" depends on the computer; name a zone like "Europe/Stockholm"`,
		sv: `tidszonen "Local" beror på datorn – skriv en tidszon som "Europe/Stockholm"`},
	ZoneUnknown: {en: `unknown time zone %q`,
		sv: `okänd tidszon %q – skriv t.ex. "Europe/Stockholm"`},
	PageSize: {en: `pageSize must be an integer from 1 to 1000`,
		sv: `pageSize: skriv ett heltal från 1 till 1000, t.ex. 20`},
	DefaultLangMissing: {en: `defaultLanguage %q is not in languages`,
		sv: `defaultLanguage: %q finns inte bland languages – lägg till det där`},
	TitleLang: {en: `title has no %q text`,
		sv: `title saknar text för språket %q – lägg till den, t.ex. %[1]s = "…"`},
	SectionMissing: {en: `missing [sections.%s]`,
		sv: `avsnittet [sections.%s] saknas – lägg till det med en adressdel per språk`},
	SectionSlug: {en: `section segment %q is not a slug`,
		sv: `adressdelen %q går inte – använd små bokstäver a–z, siffror och bindestreck`},
	SectionNoLang: {en: `[sections.%s] has no %q segment`,
		sv: `[sections.%s] saknar adressdel för språket %q`},
	NamesUnknownLang: {en: `unknown key %q in %s: languages are %s`,
		sv: `okänd nyckel %q i %s – språken är %s`},
	NamesTable: {en: `%s must be a table of language = text`,
		sv: `%s: skriv en rad per språk, t.ex. sv = "…" och en = "…"`},
	NamesString: {en: `%s.%s must be a string`,
		sv: `%s.%s: ska vara en text inom raka citattecken`},
	TranslationsTable: {en: `translations must be a table`,
		sv: `translations: skriv ett avsnitt [translations] med expected = ["pages"]`},
	TranslationsKey: {en: `unknown key %q in [translations] (it has expected = [kinds])`,
		sv: `okänd nyckel %q i [translations] – där finns bara expected = [sorter]`},
	TranslationsList: {en: `expected must be a list of kinds`,
		sv: `expected: skriv en lista med sorter, t.ex. ["pages", "theses"]`},
	TranslationsKind: {en: `unknown kind %q in [translations] expected (kinds: %s)`,
		sv: `%q är ingen sort (i [translations] expected) – sorterna är: %s`},
	SectionsTable: {en: `sections must be a table`,
		sv: `sections: skriv ett avsnitt [sections.<sort>] per sort`},
	SectionsKind: {en: `unknown kind %q in [sections]`,
		sv: `%q är ingen sort (i [sections]) – kontrollera stavningen`},
	VocabTables: {en: `%s must be a table of tables`,
		sv: `%s: skriv ett avsnitt [%[1]s.<namn>] per term`},
	VocabSlug: {en: `key %q is not a slug (lowercase letters, digits and hyphens)`,
		sv: `namnet %q går inte – använd små bokstäver a–z, siffror och bindestreck`},
	VocabTable: {en: `[%s.%s] must be a table`,
		sv: `[%s.%s] ska vara ett eget avsnitt med namn per språk`},
	OrgType: {en: `type must be one of %s`,
		sv: `type: skriv en av %s`},
	VocabString: {en: `%s.%s.%s must be a string`,
		sv: `%s.%s.%s: ska vara en text inom raka citattecken`},
	VocabUnknownKey: {en: `unknown key %q in [%s.%s]`,
		sv: `okänd nyckel %q i [%s.%s]`},
	VocabNeedsType: {en: `[%s.%s] needs a type`,
		sv: `[%s.%s] behöver en type, t.ex. type = "kth"`},
	CSPTable: {en: `csp must be a table of directive = [sources]`,
		sv: `csp: skriv en rad per regel, t.ex. img-src = ["'self'"]`},
	CSPUnknown: {en: `unknown directive %q in [csp]`,
		sv: `okänd regel %q i [csp]`},
	CSPList: {en: `%s must be a list of sources, like ["'self'"]`,
		sv: `%s: skriv en lista med källor, t.ex. ["'self'"]`},
	CSPSource: {en: `%s: %s`,
		sv: `%s: %s`},
	CSPUpgrade: {en: `upgrade-insecure-requests takes no sources: write upgrade-insecure-requests = []`,
		sv: `upgrade-insecure-requests har inga källor – skriv upgrade-insecure-requests = []`},
	CSPNone: {en: `%s needs at least one source, like ["'none'"]`,
		sv: `%s: ange minst en källa, t.ex. ["'none'"]`},
	CSPString: {en: `a source must be a string, not %v`,
		sv: `en källa ska vara en text inom citattecken, inte %v`},
	CSPUnsafe: {en: `%s would let injected code run: move scripts and styles into files under templates/assets/`,
		sv: `%s skulle låta inskjuten kod köras – flytta skript och stilar till filer under templates/assets/`},
	CSPChars: {en: `%q is not a source: no spaces, quotes, commas or semicolons`,
		sv: `%q är ingen källa – inga mellanslag, citattecken, kommatecken eller semikolon`},
	CSPQuotes: {en: `%q is not a source: keywords are quoted on both sides, like 'self'`,
		sv: `%q är ingen källa – nyckelord har citattecken på båda sidor, som 'self'`},
	SegmentUsed: {en: `section segment %q is already the URL of %s`,
		sv: `adressdelen %q är redan adressen till %s – välj en annan`},
	UsedIndex: {en: `the %s index (%s)`,
		sv: `registret %s (%s)`},
	UsedSearch: {en: `the search index (%s)`,
		sv: `sökindexet (%s)`},
	UsedAssets: {en: `the assets (/%s/)`,
		sv: `webbplatsens filer (/%s/)`},
	UsedLang: {en: `the %q pages (/%s/)`,
		sv: `sidorna på %q (/%s/)`},
	UsedSection: {en: `[sections.%s] (%s)`,
		sv: `avsnittet [sections.%s] (%s)`},
}
