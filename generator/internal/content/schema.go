package content

import "slices"

// keyType is the TOML shape a key must have.
type keyType int

const (
	tString   keyType = iota
	tText             // a string that must not be empty
	tDate             // a date or a date and time
	tDateTime         // a date and time (lectures)
	tInt
	tBool
	tStrings
	tContacts
	tSignatories
)

type keySpec struct {
	name     string
	typ      keyType
	required bool
}

// common are the keys every kind has.
var common = []keySpec{
	{"title", tText, true},
	{"date", tDate, true},
	{"areas", tStrings, true},
	{"summary", tString, false},
	{"draft", tBool, false},
	{"publishDate", tDate, false},
	{"expiryDate", tDate, false},
	{"slug", tString, false},
	{"contacts", tContacts, false},
	{"aliases", tStrings, false},
}

// pageKeys are the keys of free-standing pages.
var pageKeys = []keySpec{
	{"title", tText, true},
	{"date", tDate, false},
	{"summary", tString, false},
	{"draft", tBool, false},
	{"slug", tString, false},
	{"aliases", tStrings, false},
}

// kindKeys are each kind's own keys, after the common ones.
var kindKeys = map[string][]keySpec{
	"theses": {
		{"host", tText, true}, {"level", tText, true}, {"credits", tInt, true},
		{"deadline", tDate, true}, {"schools", tStrings, false}, {"start", tDate, false},
		{"language", tStrings, false}, {"students", tInt, false}, {"location", tText, false},
		{"apply", tText, false},
	},
	"internships": {
		{"host", tText, true}, {"deadline", tDate, true}, {"start", tDate, false},
		{"weeks", tInt, false}, {"paid", tBool, false}, {"credits", tInt, false},
		{"location", tText, false}, {"apply", tText, false},
	},
	"lectures": {
		{"start", tDateTime, true}, {"end", tDateTime, true}, {"place", tText, true},
		{"speaker", tText, true}, {"speakerOrg", tText, false}, {"course", tText, false},
		{"registration", tText, false}, {"status", tText, false},
	},
	"collaborations": {
		{"status", tText, true}, {"partners", tStrings, true}, {"periodStart", tDate, true},
		{"periodEnd", tDate, false}, {"schools", tStrings, false}, {"centre", tText, false},
		{"funding", tText, false}, {"agreement", tText, false},
	},
	"agreements": {
		{"type", tText, true}, {"parties", tStrings, true}, {"signed", tDate, true},
		{"signatories", tSignatories, false}, {"validFrom", tDate, false},
		{"validUntil", tDate, false}, {"noticeMonths", tInt, false}, {"status", tText, true},
		{"terminated", tDate, false}, {"attachment", tText, false}, {"confidential", tBool, false},
	},
	"exchanges": {
		{"from", tText, true}, {"to", tText, true}, {"position", tText, true},
		{"periodStart", tDate, true}, {"periodEnd", tDate, false}, {"agreement", tText, false},
	},
	"followups": {
		{"year", tInt, true}, {"meeting", tDate, false}, {"attachment", tText, false},
		{"agreement", tText, false},
	},
}

// specs returns the keys a kind accepts.
func specs(kind string) []keySpec {
	if kind == Pages {
		return pageKeys
	}
	return append(slices.Clip(common), kindKeys[kind]...)
}

// KeyNames returns the names of the keys a kind accepts, in schema order,
// and which of them are required.
func KeyNames(kind string) (names []string, required map[string]bool) {
	required = map[string]bool{}
	for _, s := range specs(kind) {
		names = append(names, s.name)
		if s.required {
			required[s.name] = true
		}
	}
	return names, required
}

// IsKind reports whether folder is a kind of record (or the pages folder).
func IsKind(folder string) bool {
	_, ok := kindKeys[folder]
	return ok || folder == Pages
}

// enums are the values a key of a kind may take, by "kind.key": decode
// accepts only these, and the JSON Schemas offer them.
var enums = map[string][]string{
	"theses.level":          {"bachelor", "master"},
	"theses.language":       {"sv", "en"},
	"lectures.status":       {"scheduled", "cancelled"},
	"collaborations.status": {"planned", "active", "completed"},
	"agreements.type":       {"mou", "agreement"},
	"agreements.status":     {"active", "terminated"},
}

// vocabs names the config.toml table whose keys a key's values must be.
var vocabs = map[string]string{
	"areas": "areas", "schools": "schools",
	"host": "organisations", "from": "organisations", "to": "organisations",
	"speakerOrg": "organisations", "partners": "organisations", "parties": "organisations",
}

// translatable are the keys a translation may set on its own: its title,
// summary and the old addresses of its page.
var translatable = []string{"title", "summary", "aliases"}
