// Package content reads the records under content/: it splits each file's
// TOML front matter from its Markdown body, decodes the keys of its kind as
// the registry of kinds declares them (package kinds, from config.Kinds),
// validates them against the contract and the vocabularies of config.toml,
// and joins translations (x.en.md) to their records (x.md). The stages
// after it read a record's fields by key too (Record.Time, Record.String).
//
// It checks too what a record brings with it: the images its body shows
// (found by package markdown, read by package images: a file beside the
// record, with a text, of a type and size the site publishes), its
// attachment (a document beside it; SharedAttachments: never a
// confidential agreement's), the placeholders of portal new, invisible
// control characters, its aliases, and (Strays) the files under content/
// that are neither a record nor used by one. JSONSchema writes the JSON
// Schemas of generator schema from the same declarations.
//
// Every problem is collected as a diag.Error pointing at the offending key
// or value in the file, so one run reports all mistakes. Nothing here knows
// about URLs (beyond an alias's shape), the day or pages: that is the site
// package's job.
package content

import (
	"slices"
	"time"

	"portal/generator/internal/diag"
)

// Pages is the folder of free-standing pages (accessibility statement,
// contact), which are published at the site root.
const Pages = "pages"

// Contact is a functional mailbox for a record.
type Contact struct {
	Role  string
	Email string
	Name  string
}

// Signatory is a person who signed an agreement.
type Signatory struct {
	Name  string
	Title string
	Org   string
}

// Version is one language's text of a record.
type Version struct {
	Lang     string
	Path     string // source file, relative to the site root
	Title    string
	Summary  string   // as written; empty means "first paragraph of the body"
	Aliases  []string // old site paths that redirect to this version's page
	Body     []byte   // Markdown source; nil when Load kept none (Options.KeepBodies)
	BodyLine int      // file line on which Body starts
	Pos      *diag.Positions
	Hash     uint64  // of the file's bytes, for change detection
	Images   []Image // the images beside the record that the body shows, each once

	size, bodyAt int    // the file's length and where Body starts in it, for Sources.Take
	dir          string // Options.Dir of the Load that read it, for Sources.Take
}

// Record is one published item: a thesis offer, a lecture, an agreement...
// Keys of all kinds live in one flat struct; each kind uses its own.
type Record struct {
	Kind     string
	Slug     string
	Lang     string     // the record's own language: the default, or that of an only translation
	Versions []*Version // in the order of config languages; Versions[0] is the record's own file

	Date        time.Time
	Areas       []string
	Draft       bool
	PublishDate time.Time
	ExpiryDate  time.Time
	Contacts    []Contact

	// theses, internships
	Host     string
	Level    string
	Credits  int
	Deadline time.Time
	Schools  []string // also collaborations
	Start    time.Time
	Language []string
	Students int
	Location string
	Apply    string
	Weeks    int
	Paid     *bool

	// lectures (Start is shared with offers)
	End          time.Time
	Place        string
	Speaker      string
	SpeakerOrg   string
	Course       string
	Registration string
	Status       string // lectures, collaborations, agreements

	// collaborations
	Partners    []string
	PeriodStart time.Time // also exchanges
	PeriodEnd   time.Time
	Centre      string
	Funding     string
	Agreement   string // also exchanges and followups: the slug of the agreement they fall under

	// agreements
	Type         string
	Parties      []string
	Signed       time.Time
	Signatories  []Signatory
	ValidFrom    time.Time
	ValidUntil   time.Time
	NoticeMonths int
	Terminated   time.Time
	Attachment   string // path relative to the site root
	// AttachmentSize is the attachment's size in bytes, as loaded.
	AttachmentSize int64
	Confidential   bool

	// exchanges
	From     string
	To       string
	Position string

	// followups
	Year    int
	Meeting time.Time

	// Timed holds the keys that hold a day (kinds.Key.Day: deadline,
	// validUntil, periodEnd, ...) but were written with a time, each
	// with its value as written ("2026-06-01T12:00",
	// "2026-06-01T12:00Z"). The time is not used: the key's field holds
	// the start of its day; check warns of it.
	Timed map[string]string

	// Other holds the values of the keys no field above holds: the keys
	// of a kind another site declares (kinds.Registry.With), such as a
	// facet's key of its own. Each is a pointer to the value, as field
	// returns for the fields (*string, *int, *time.Time, ...).
	Other map[string]any
}

// Own returns the record's own version (its primary file).
func (r *Record) Own() *Version { return r.Versions[0] }

// In returns the version in lang, or nil.
func (r *Record) In(lang string) *Version {
	if i := slices.IndexFunc(r.Versions, func(v *Version) bool { return v.Lang == lang }); i >= 0 {
		return r.Versions[i]
	}
	return nil
}

// Path is the record's primary source file.
func (r *Record) Path() string { return r.Own().Path }

// Orgs returns every organisation key the record names, in key order of
// appearance (host, partners, parties, from, to, speakerOrg, signatories).
func (r *Record) Orgs() []string {
	var out []string
	add := func(keys ...string) {
		for _, k := range keys {
			if k != "" && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	add(r.Host, r.SpeakerOrg, r.From, r.To)
	add(r.Partners...)
	add(r.Parties...)
	for _, s := range r.Signatories {
		add(s.Org)
	}
	return out
}
