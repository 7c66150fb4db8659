package render

import (
	"bytes"
	"encoding/json"
	"html/template"

	"portal/generator/internal/site"
)

// Structured data (schema.org as JSON-LD) in <script type="application/ld+json">:
//
//	home page           Organization: the partnership, with KTH and the City as members
//	lecture page        Event
//	internship page     JobPosting
//
// html/template treats the content of an application/ld+json script as
// JavaScript and inserts a template.JS value as it is, so the JSON is made
// here with encoding/json, whose HTML escaping writes <, > and & as \u003c,
// \u003e and \u0026 (and U+2028, U+2029 as escapes): no text in a record can
// close the script element or open a comment, and the JSON stays valid.

// ldContext is the @context of every top-level object.
const ldContext = "https://schema.org"

// ldOrganization is the partnership itself, with its members.
type ldOrganization struct {
	Context string `json:"@context"`
	ldOrg
	Description string  `json:"description,omitempty"`
	Member      []ldOrg `json:"member,omitempty"`
}

// ldOrg is a referenced organisation: a member, an organizer, an employer.
type ldOrg struct {
	Type string `json:"@type"`
	ID   string `json:"@id,omitempty"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type ldPlace struct {
	Type    string `json:"@type"`
	Name    string `json:"name,omitempty"`
	Address any    `json:"address,omitempty"`
}

// ldVirtual is the online meeting of an event whose place is its link.
type ldVirtual struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

type ldPostalAddress struct {
	Type     string `json:"@type"`
	Locality string `json:"addressLocality"`
	Country  string `json:"addressCountry,omitempty"`
}

type ldEvent struct {
	Context        string `json:"@context"`
	Type           string `json:"@type"`
	Name           string `json:"name"`
	Description    string `json:"description,omitempty"`
	StartDate      string `json:"startDate"`
	EndDate        string `json:"endDate,omitempty"`
	EventStatus    string `json:"eventStatus"`
	AttendanceMode string `json:"eventAttendanceMode"`
	Location       any    `json:"location"` // ldPlace, or ldVirtual online
	Organizer      ldOrg  `json:"organizer"`
	URL            string `json:"url"`
	InLanguage     string `json:"inLanguage"`
}

type ldJobPosting struct {
	Context            string   `json:"@context"`
	Type               string   `json:"@type"`
	Title              string   `json:"title"`
	Description        string   `json:"description,omitempty"`
	DatePosted         string   `json:"datePosted"`
	ValidThrough       string   `json:"validThrough"`
	EmploymentType     string   `json:"employmentType"`
	HiringOrganization ldOrg    `json:"hiringOrganization"`
	JobLocation        *ldPlace `json:"jobLocation,omitempty"`
	URL                string   `json:"url"`
}

// StructuredData is the JSON-LD of the page, or "" for pages without any.
func (v *View) StructuredData() (template.JS, error) {
	var x any
	p := v.P
	var ld string // the schema.org type its kind declares
	if p.Type == site.RecordPage && p.Entry != nil {
		ld = v.S.Cfg.Kinds.Get(p.Entry.Kind).JSONLD
	}
	switch {
	case p.Type == site.HomePage:
		x = v.ldSite()
	case ld == "Event":
		x = v.ldEvent(p.Entry)
	case ld == "JobPosting":
		x = v.ldJob(p.Entry)
	default:
		return "", nil
	}
	return JSONLD(x)
}

// JSONLD marshals x as JSON that is safe inside a <script> element.
func JSONLD(x any) (template.JS, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes <, >, & and U+2028/U+2029
	enc.SetEscapeHTML(true)
	if err := enc.Encode(x); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSpace(buf.Bytes())), nil
}

// ldHome is the partnership as an Organization: the portal's name and
// home page.
func (v *View) ldHome() ldOrg {
	home := v.S.Abs(v.Home())
	return ldOrg{Type: "Organization", ID: home + "#organization", Name: v.SiteTitle, URL: home}
}

// ldSite is the partnership with the KTH and City of Stockholm
// organisations of config.toml (types "kth" and "city") as members.
func (v *View) ldSite() ldOrganization {
	o := ldOrganization{Context: ldContext, ldOrg: v.ldHome(), Description: v.t.strings[v.Lang]["site.description"]}
	for _, term := range v.S.Cfg.Organisations.Terms {
		var typ string
		switch term.Type {
		case "kth":
			typ = "CollegeOrUniversity"
		case "city":
			typ = "GovernmentOrganization"
		default:
			continue
		}
		o.Member = append(o.Member, ldOrg{Type: typ, Name: term.Name(v.Lang)})
	}
	return o
}

func (v *View) ldEvent(e *site.Entry) ldEvent {
	ver := v.P.V
	status := "https://schema.org/EventScheduled"
	if e.Status == "cancelled" {
		status = "https://schema.org/EventCancelled"
	}
	// A place that is, or ends with, the link to the meeting (webLink) is
	// online: schema.org wants a VirtualLocation with its url there, not
	// a Place whose address is a web address.
	mode, loc := "https://schema.org/OfflineEventAttendanceMode", any(ldPlace{Type: "Place", Name: e.Place, Address: e.Place})
	if _, u, _, ok := webLink(e.Place); ok {
		mode, loc = "https://schema.org/OnlineEventAttendanceMode", ldVirtual{Type: "VirtualLocation", URL: u}
	}
	return ldEvent{
		Context: ldContext, Type: "Event", Name: ver.Title, Description: v.S.Body(ver).Excerpt,
		StartDate: v.t.isoDateTime(e.Start), EndDate: v.t.isoDateTime(e.End),
		EventStatus: status, AttendanceMode: mode,
		Location:  loc,
		Organizer: v.ldHome(),
		URL:       v.S.Abs(v.P.URL), InLanguage: ver.Lang,
	}
}

func (v *View) ldJob(e *site.Entry) ldJobPosting {
	ver := v.P.V
	host := ldOrg{Type: "Organization", Name: termName(v.S.Cfg.Organisations.Get(e.Host), v.Lang, e.Host)}
	if u := v.S.TermURL("organisations", e.Host, v.Lang); v.S.HasPath(u) {
		host.URL = v.S.Abs(u)
	}
	j := ldJobPosting{
		Context: ldContext, Type: "JobPosting", Title: ver.Title, Description: v.S.Body(ver).Excerpt,
		DatePosted: v.t.isoDate(e.Published()), ValidThrough: v.t.dayEnd(e.Deadline),
		EmploymentType: "INTERN", HiringOrganization: host, URL: v.S.Abs(v.P.URL),
	}
	if e.Location != "" {
		j.JobLocation = &ldPlace{Type: "Place", Address: ldPostalAddress{Type: "PostalAddress", Locality: e.Location, Country: "SE"}}
	}
	return j
}
