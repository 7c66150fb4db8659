// Package site turns the loaded records into the model of the published
// site, with no I/O: which records are published at "now" (drafts,
// publishDate, expiryDate), which are open or closed and how lists are
// ordered (as each kind declares, see package kinds), every page's URL in
// every language, the lists per kind, the indexes per area, organisation
// and school, pagination, the agreements due for review and the records
// that name each agreement, the check that links between records, to
// site paths and to the files beside a record resolve (links.go) and that
// no two outputs claim one URL, and the warnings check reports (Warnings).
//
// The model is a value: New builds a fresh *Site from its inputs, so tests
// build many sites in one process; the records it is made of are never
// changed by it. The rendered bodies are kept in a store (Bodies) owned by
// the site, keyed by version (source path, language, file hash), which the
// pipeline's incremental layer hands from one model to the next, so that
// only the bodies of changed files (or of changed link targets) are
// rendered again. For an edit of text alone the preview server puts the
// record loaded again in its entry's place (ReplaceText: the pages and
// items that showed the old versions show the new ones, and no loaded
// version is written into) and renders its bodies (RenderBody) instead of
// building a new model. For any other edit it makes a new model from the
// last one (Options.Prev, reuse.go): what the edit did not touch (entries,
// lists, their pages, the pages of other records) is taken over and
// shared by the two models; the last one is not used again once the new
// one is made (ReplaceText writes into the pages of the model served).
package site

import (
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/markdown"
)

// Entry is a published record with the facts derived from it at "now".
type Entry struct {
	*content.Record
	URL map[string]string // language → URL of the record's page in that language's lists
	Facts
}

// Facts are what the time and its kind's rules make of a record, besides
// what it says itself: the model decides them (publishAll), and a model
// made from the last one takes over an entry whose record and facts are
// the same (reuseEntry).
type Facts struct {
	Archived bool // closed offer, past lecture, completed collaboration, ...
	// Expired is an agreement in force by its status whose validUntil has
	// passed: its status reads "expired", not "in force". NoticePassed is
	// one whose last day to give notice (NoticeDay) has passed: the day
	// is marked so. Ending is a record in its kind's ArchiveStatus that is
	// not archived yet (kinds.Kind.ArchiveAfterMark): a terminated
	// agreement whose terminated day has not passed, in force until then.
	// Pending is an agreement in force by its status whose validFrom is
	// still to come: its status reads "not yet in force". Future is a
	// record whose date is after Now: it is published all the same (the
	// contract holds a record back by publishDate alone), with a warning
	// (Site.EntryWarnings), which goes when the date comes.
	Expired, NoticePassed, Ending, Pending, Future bool
}

// Bits are the facts as one number, a bit each, for a signature of the
// entry (TestFactsBits checks that each fact has a bit of its own).
func (f Facts) Bits() uint8 {
	var b uint8
	for i, set := range [...]bool{f.Archived, f.Expired, f.NoticePassed, f.Ending, f.Pending, f.Future} {
		if set {
			b |= 1 << i
		}
	}
	return b
}

// VersionFor returns the version a reader of lang sees: the translation in
// lang, or else the record's own version.
func (e *Entry) VersionFor(lang string) *content.Version {
	if v := e.In(lang); v != nil {
		return v
	}
	return e.Own()
}

// Published is when the record was published on the site: its date, or
// its publishDate when that is later, since a record scheduled to appear
// on that day is new then. Feeds (the time and order of their entries),
// the sitemap and the page's "published" fact give it.
func (e *Entry) Published() time.Time {
	if e.PublishDate.After(e.Date) {
		return e.PublishDate
	}
	return e.Date
}

// Open reports whether an offer is still open or a lecture still to come.
func (e *Entry) Open() bool { return !e.Archived }

// Link is a labelled URL (breadcrumbs, alternates, pager).
type Link struct {
	Lang  string
	Key   string // i18n key of the label, when the label is a UI string
	Title string // the label itself, when it is content (a record's title)
	URL   string
}

// Item is one record as shown in a list of a given language.
type Item struct {
	*Entry
	V       *content.Version // the version shown
	URL     string
	Foreign bool // shown in another language than the list's
}

// Group is the items of one kind on an index page.
type Group struct {
	Kind  string
	Items []Item
	Total int // items of this kind on all pages of the index
}

// Pager describes one page of a paginated list.
type Pager struct {
	Page, Pages int
	Prev, Next  string
	First, Last string
	Links       []Link // the pages around this one, the first and the last; a Link without URL is a gap
}

// PageType names the template a page is rendered with.
type PageType string

// The page types.
const (
	HomePage    PageType = "home"
	ListPage    PageType = "list"
	ArchivePage PageType = "archive"
	FacetPage   PageType = "facet" // a kind's current records of one value of a facet (the master's theses)
	RecordPage  PageType = "record"
	AreasPage   PageType = "areas"
	AreaPage    PageType = "area"
	OrgsPage    PageType = "organisations"
	OrgPage     PageType = "organisation"
	SchoolPage  PageType = "school"
	DuePage     PageType = "due" // agreements due for review
	FreePage    PageType = "page"
	NotFound    PageType = "404"
)

// Page is one HTML output and everything its template shows.
type Page struct {
	Type       PageType
	Lang       string
	URL        string // site path, "/" or "/en/theses/"; 404 pages end in .html
	Title      string
	Alternates []Link // the same page in every language that has it, this one included
	Switch     []Link // for each other language: this page in it, else the list that shows its record there (Key: the list's heading), else that language's home
	Crumbs     []Link // from home to the parent of this page

	Kind     string           // list, archive and record pages
	Entry    *Entry           // record pages
	V        *content.Version // record and free pages
	Term     *config.Term     // area, organisation and school pages
	Groups   []Group          // list, archive and index pages: this page's items
	Pager    *Pager           // paginated pages
	Feed     string           // URL of the page's Atom feed, if any
	Archive  string           // URL of the kind's archive (list and facet pages)
	Calendar string           // list pages of a kind in the calendar (kinds.Kind's Calendar): URL of its calendar
	Due      string           // list pages of the agreements: URL of the page of those due for review
	Facet    string           // facet pages: the key ("level")
	Value    string           // facet pages: its value ("master")
	Facets   []FacetLinks     // list pages: a row of links to the page of each value of each of the kind's facets
	Home     *Home            // home page
	Terms    []TermCount      // areas list, organisations list
	Deps     []*Entry         // records whose content the page shows
	Index    string           // index pages: "areas", "organisations" or "schools"
}

// Home is what the front page shows.
type Home struct {
	Offers         []Item
	Lectures       []Item
	Collaborations []Item
	Agreements     []Item
	Areas          []TermCount
	Kinds          []KindCount
}

// Lists returns the home page's lists of records, sharing h's items.
func (h *Home) Lists() [][]Item {
	return [][]Item{h.Offers, h.Lectures, h.Collaborations, h.Agreements}
}

// TermCount is a vocabulary term with the number of published records.
type TermCount struct {
	Term  *config.Term
	URL   string
	Count int
}

// KindCount is a kind with its section URL and number of current records.
type KindCount struct {
	Kind  string
	URL   string
	Count int
}

// Stats counts what the build read and decided.
type Stats struct {
	Published                            map[string]int // kind → published records
	Drafts, Scheduled, Expired, Archived int
}

// Site is the whole model of one build.
type Site struct {
	Cfg     *config.Config
	Now     time.Time
	Drafts  bool
	Entries []*Entry            // published records, by kind order then slug
	Free    []*Entry            // published free-standing pages
	ByKind  map[string][]*Entry // published, per kind
	Pages   []*Page
	Stats   Stats
	// Redirects are the old addresses records name (aliases), by From.
	Redirects []Redirect

	base        string                         // Cfg.BaseURL, escaped (BaseURL)
	bySource    map[string]*Entry              // source path (any version) → entry
	sources     func() []string                // bySource's keys, sorted, made once when first asked (nearRecord)
	paths       map[string]claimant            // every output path → what claimed it, for collisions and links
	members     map[string]map[string][]*Entry // index → term → its entries (membersOf)
	splits      map[string][2][]*Entry         // kind → current, archived (splitOf)
	agreements  map[string]*Entry              // published agreements by slug
	due         []*Entry                       // agreements due for review, soonest first
	turn        time.Time                      // NextTurn
	namedBy     map[*Entry][]*Entry            // agreement → the records that name it
	unpublished map[string]bool                // source paths of records that are not published
	refused     map[string]bool                // source paths of records refused for their problems (content.Set.Refused)
	md          *markdown.Renderer
	readBody    func(*content.Version) ([]byte, error)
	bodies      *Bodies // rendered bodies, by version
	words       func(string) string
	useErr      error                                     // of the function Bodies called
	prev        *Site                                     // Options.Prev while New runs (reuse.go); nil after
	keep        map[string]kept                           // by language: what the next site reuses (Options.Reuse)
	order       pageOrder                                 // how Pages were sorted (Options.Reuse)
	fresh       []*Entry                                  // the entries not taken over from prev, in record order (publishAll)
	fromPrev    bool                                      // made with Options.Prev: fresh holds the entries made anew
	bodyGen     uint64                                    // the store's count of bodies rendered when New began
	puts        *bodyPuts                                 // the bodies this site rendered into the store (putBody)
	asBefore    *bodyPuts                                 // when linksAsBefore held: the puts of the site made from (BodiesAsIn)
	parts       map[string]map[string]map[string][]*Entry // index → kind → term → its entries of the kind (membersOf; KindPage)
}

// Fresh returns the published entries made anew rather than taken over
// from Options.Prev (an entry taken over is the same value, with the same
// files); every entry, free pages included, when there was no previous
// site.
func (s *Site) Fresh() []*Entry {
	if !s.fromPrev {
		return s.all()
	}
	return s.fresh
}

// Lookup returns the published entry whose source file (of any version) is path.
func (s *Site) Lookup(path string) *Entry { return s.bySource[path] }
