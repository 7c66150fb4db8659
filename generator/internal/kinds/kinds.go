// Package kinds is the one registry of record kinds: each kind is declared
// once, as data, and the stages read it instead of switching on kind
// names. A kind's declaration holds its schema (the keys of its front
// matter, their types and checks), when its records close and what they
// are then marked, the order of its lists and archive, the facts its
// record pages and list items show, its membership of the calendar and
// its JSON-LD type, and the body a new file of it starts with.
//
// The registry is a value: [Default] returns the portal's kinds, a test
// or another site may add its own with [Registry.With]. config.Config
// carries the registry of a build, so that content (decoding and the
// JSON Schemas), site (archives, lists), render (record pages, list
// items, search data), pipeline (feeds, calendar) and scaffold (new
// files) all read the same one.
//
// Adding a kind: declare it in table.go (or pass it to With), give it a
// [sections] entry in config.toml and its UI strings in the i18n files
// (its key in the tables kind, kindone, archivetitle, current, intro,
// archiveintro and empty, a table count.<name>, and notice.more if its
// records close at a time the pages' scripts watch, CloseAttr;
// calendarlink, the text of the link to its calendar, if it is in the
// calendar, Calendar; and for each of its Facets the strings Facet names; TestToyKind and
// TestToyKindFacet add a kind so); the page templates are shared by every
// kind. Its messages (Key.Want,
// Key.Need, When.Missing and When.Unexpected) and the word for its
// records in them (Records) are diag.Message values: the
// portal's kinds name catalog entries, another kind may carry its own
// words in both languages, diag.T(english, swedish), so that it needs
// no entry in the catalog.
package kinds

import (
	"maps"
	"regexp"
	"slices"

	"portal/generator/internal/diag"
)

// Agreements names the kind of the agreements, which some features are
// about: the records of other kinds name their agreement (key agreement),
// an agreement's page lists them, and the page of the agreements due for
// review follows their notice days.
const Agreements = "agreements"

// Collaborations names the kind of the joint projects, whose active ones
// the home page shows.
const Collaborations = "collaborations"

// Type is the TOML shape a key must have.
type Type int

// The key types.
const (
	String      Type = iota
	Text             // a string that must not be empty
	Date             // a date or a date and time
	DateTime         // a date and time
	Int              // a whole number
	Bool             // true or false
	Strings          // an array of strings
	Contacts         // an array of { role, email, name } tables
	Signatories      // an array of { name, title, org } tables
)

// Key is one key of a kind's front matter and the checks its value gets.
type Key struct {
	Name     string
	Type     Type
	Required bool
	Enum     []string       // the values a string (or each of an array) may take
	Default  string         // the value of an absent string key
	Vocab    string         // the config.toml table ("organisations", ...) whose keys the values must be
	Link     Link           // a URL readers follow
	Pattern  *regexp.Regexp // a non-empty string must match it
	Ints     []int          // the whole numbers allowed
	Min, Max int            // the range of a whole number, when Max > Min
	NotNeg   bool           // a whole number must not be negative
	Want     diag.Message   // what the value must be, in messages ("a year like 2025"); derived when it has no ID
	MinItems int            // the least number of values of an array that is present
	Need     diag.Message   // the message's words for MinItems ("at least one area")
	After    string         // a moment that must be after this key's
	NotAfter string         // a date this one must not be before (the start of a period)
	// When, for a date, makes it required exactly when another key has a value.
	When *When
	// Day, for a date, says that the key holds a day, never a moment (an
	// offer's deadline, open through the whole of it; an agreement's
	// validUntil, in force through it; every date CONTENT-MODEL.md lists
	// as a date, not as a date or datetime): a time written with it is
	// not used, the key holds the start of the day the time is on in the
	// site's time zone, so that no rule counts from the time the page
	// does not show, and check warns of it (content.Record.Timed).
	Day bool
}

// When ties a key to the value of another: the key must be set exactly
// when key Key has value Is.
type When struct {
	Key, Is    string
	Missing    diag.Message // the message at Key's value when this key is missing
	Unexpected diag.Message // the message at this key when it is set otherwise
}

// Link is the kind of URL a key holds.
type Link int

// The links.
const (
	NoLink Link = iota
	HTTP        // an http(s) URL
	Mailto      // an http(s) or mailto: URL
)

// Kind is the declaration of one kind of record.
type Kind struct {
	Name string
	Keys []Key // its own keys, after the common ones

	// Closing and marks. A record is archived at a moment (CloseKey's
	// time, the day after it when CloseDay) or when its status is
	// ArchiveStatus (from the day after MarkDate's day when
	// ArchiveAfterMark: an agreement terminated from a day still to come
	// is in force until then); an archived record shows the mark Mark,
	// dated by MarkDate. Marks maps a status to a mark shown whatever the
	// time.
	CloseKey         string
	CloseDay         bool
	ArchiveStatus    string
	ArchiveAfterMark bool
	Mark             string
	MarkDate         string
	Marks            map[string]string
	// CloseAttr is the data-* attribute the scripts read to close a
	// record in the browser (with CloseKey's moment); the record page
	// then carries the notice of Mark, hidden until then, and the status
	// it will read (data-when-passed). A kind that closes without it (an
	// exchange, a collaboration at its periodEnd) stays as built until
	// the next build.
	CloseAttr string

	Order   []Sort // the current list
	Archive []Sort // the archive
	// NoEmptyArchive leaves out the archive page while it has no records.
	NoEmptyArchive bool

	// Facets are the keys whose every value has a list of the kind's
	// current records with it, paginated, with its feed: the theses of
	// one level. Its pages are at <section>/<segment>/<value>/, the
	// values those of the key's Enum, and the kind's list links to them.
	Facets []Facet

	Facts     []Fact // the facts of the record page, in order
	ListFacts []Fact // the facts of list items and search results, in order

	Calendar bool   // its records are events: a calendar.ics beside its list, of them, and one .ics each
	JSONLD   string // the schema.org type of its record pages ("Event", "JobPosting"), or ""
	Offer    bool   // an offer to apply for: the home page's offers, the search's offer filter
	Body     string // the Swedish body of a new file of the kind (after the TODO mark)
	// Records names the kind's records in the running text of messages,
	// in both languages ("theses", "exjobb"): a catalog entry, or
	// a diag.Declared message for a kind of another site. A kind without it (no ID) is
	// named by its Name (Registry.RecordsWord).
	Records diag.Message
}

// Facet is a key of a kind with a list per value (Kind.Facets).
//
// Its UI strings, in each language: the word of each value, <key>.<value>
// (level.master, the link to its list, as a fact's AsTerm with Arg
// "<key>." shows it), the label of the row of those links on the kind's
// list, facets.<kind>.<key>, the heading, lead and text of the empty list
// of each value, facet.<kind>.<key>.<value>, facetintro.<kind>.<key>.<value>
// and facetempty.<kind>.<key>.<value>, and once a kind the link from
// them to its whole list, facetall.<kind>. A string missing is an error of
// the build, as any UI string a page asks for.
type Facet struct {
	Key string // a key of the kind with an Enum: its values, in order, are the lists
	// Segment names the URL segment of its lists in the section: a
	// name config.Segment has the words of ("level": niva, level), or
	// else the segment itself, in every language ("format"). A slug
	// equal to it in any language is refused, as the archive's is.
	Segment string
	// Lists names its lists in messages ("the lists of theses by
	// level"), as the claim of their URLs and the reason a slug is
	// refused.
	Lists diag.Message
}

// Values returns the values of facet f of k, each with a list: the Enum
// of its key (nil for a key k does not have).
func (k *Kind) Values(f Facet) []string {
	if key := k.Key(f.Key); key != nil {
		return slices.Clip(key.Enum)
	}
	return nil
}

// Sort is one key of a list's order.
type Sort struct {
	Key  string
	Desc bool
	Or   string // the key used when Key's value is zero
	// Earlier is a key whose moment is used instead when it comes before
	// Key's (or Or's): an agreement that had run out at its validUntil
	// before the termination it records ended on that earlier day.
	Earlier string
	Rank    []string // string values in this order first (others rank with the first)
}

// Format is how a fact shows its value.
type Format string

// The formats of facts. Every fact is left out when its value is zero.
const (
	AsText      Format = "text"     // the value as it is
	AsNumber    Format = "number"   // a whole number as digits
	AsDate      Format = "date"     // a date
	AsSpan      Format = "span"     // the moment Key to the moment And.Key
	AsPeriod    Format = "period"   // the days Key to And.Key
	AsTerm      Format = "term"     // the UI string Arg+value
	AsTerms     Format = "terms"    // each value as the UI string Arg+value, joined
	AsCount     Format = "count"    // the plural UI string Arg of the number
	AsYesNo     Format = "yesno"    // "yes" or "no"
	AsStatus    Format = "status"   // the UI string status.<kind>.<value>
	AsOrgs      Format = "orgs"     // organisations: links on record pages, names in lists
	AsSchools   Format = "schools"  // schools, linked
	AsApply     Format = "apply"    // a link with the UI string Arg as text, while the record is open and unmarked
	AsOpen      Format = "open"     // a date (the earlier of Key and And.Key), or the UI string Arg when there is none
	AsNoticeDay Format = "notice"   // the last day to give notice, while open
	AsStarts    Format = "starts"   // the date Key, while the record is not yet in force (an agreement whose validFrom is to come)
	AsSigners   Format = "signers"  // the signatories
	AsDocument  Format = "document" // the attached text, or a note when confidential
	AsFile      Format = "file"     // the attachment
	AsCalendar  Format = "calendar" // the link to the record's .ics, while it is to come
	// AsNoticeCalendar is the link to the .ics of an agreement's last day
	// to give notice, while it is to come.
	AsNoticeCalendar Format = "noticecalendar"
)

// Fact is one fact a page shows: the i18n key of its label, the key whose
// value it shows and how. And joins a second key's value after Sep (the
// end of a span or a period, the credits after a level); for AsOpen it is
// a date that ends the first one sooner (an agreement's termination).
// One is the i18n key of the label when the value is one of an array
// ("KTH school" for one, Label's "KTH schools" for more); a table without
// it keeps Label. Past is the i18n key of the label once the record's
// time is over (archived or expired: an agreement no longer in force,
// "Gällde till" for Label's "Gäller till"), where Label is a verb in the
// present tense; a table without it keeps Label.
type Fact struct {
	Label  string
	One    string
	Past   string
	Key    string
	As     Format
	Arg    string
	Strong map[string]string // value → class of the <strong> it is shown in
	And    *Fact
	Sep    string
}

// Registry is the set of kinds of a site, in the order the site shows them.
type Registry struct {
	kinds []*Kind
	names []string         // of kinds, in order
	keys  map[string][]Key // of each kind: the common keys, then its own
}

// New returns a registry of ks, in that order.
func New(ks ...*Kind) *Registry {
	r := &Registry{kinds: ks, keys: make(map[string][]Key, len(ks))}
	for _, k := range ks {
		r.names = append(r.names, k.Name)
		if _, dup := r.keys[k.Name]; !dup { // Get finds the first
			r.keys[k.Name] = slices.Clip(append(Common(), k.Keys...))
		}
	}
	return r
}

// Keys returns the keys a record of the kind named name accepts: the
// common keys, then the kind's own; the common keys alone for a kind r
// does not have. Every record of a site is checked against them, so they
// are made once, in New: the slice is shared and must not be changed.
func (r *Registry) Keys(name string) []Key {
	if keys, ok := r.keys[name]; ok {
		return keys
	}
	return Common()
}

// With returns a registry with the kinds of r and then ks.
func (r *Registry) With(ks ...*Kind) *Registry {
	return New(append(slices.Clip(r.kinds), ks...)...)
}

// Get returns the kind named name, or nil.
func (r *Registry) Get(name string) *Kind {
	if i := slices.IndexFunc(r.kinds, func(k *Kind) bool { return k.Name == name }); i >= 0 {
		return r.kinds[i]
	}
	return nil
}

// All returns the kinds in order.
func (r *Registry) All() []*Kind { return slices.Clip(r.kinds) }

// RecordsWord is how a message names the records of the kind name in
// running text: its Records, or name itself (its folder) for a kind that
// has none or is not in r.
func (r *Registry) RecordsWord(name string) any {
	if k := r.Get(name); k != nil && k.Records.ID != "" {
		return k.Records
	}
	return name
}

// Names returns the names of the kinds in order: the registry's own
// list, which the caller must not change (the model's pages ask for it
// once per term and kind).
func (r *Registry) Names() []string { return slices.Clip(r.names) }

// Key returns the declaration of the kind's key name, or nil (also for a
// nil kind).
func (k *Kind) Key(name string) *Key {
	if k == nil {
		return nil
	}
	if i := slices.IndexFunc(k.Keys, func(key Key) bool { return key.Name == name }); i >= 0 {
		return &k.Keys[i]
	}
	return nil
}

// AllMarks returns every mark a record of the kind can show, each once:
// Mark, then the values of Marks, sorted.
func (k *Kind) AllMarks() []string {
	var out []string
	if k.Mark != "" {
		out = append(out, k.Mark)
	}
	for _, m := range slices.Sorted(maps.Values(k.Marks)) {
		if m != "" && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}
