package content

import "time"

// field returns a pointer to the field of r that holds key (a key of the
// front matter, see package kinds), or to its value in r.Other, or nil:
// decode fills the fields through it, and the getters below read them
// for the stages that take a kind's declaration as data (list orders,
// facts, closing, facets).
func (r *Record) field(key string) any {
	switch key {
	case "date":
		return &r.Date
	case "areas":
		return &r.Areas
	case "host":
		return &r.Host
	case "level":
		return &r.Level
	case "credits":
		return &r.Credits
	case "deadline":
		return &r.Deadline
	case "schools":
		return &r.Schools
	case "start":
		return &r.Start
	case "language":
		return &r.Language
	case "students":
		return &r.Students
	case "location":
		return &r.Location
	case "apply":
		return &r.Apply
	case "weeks":
		return &r.Weeks
	case "paid":
		return &r.Paid
	case "end":
		return &r.End
	case "place":
		return &r.Place
	case "speaker":
		return &r.Speaker
	case "speakerOrg":
		return &r.SpeakerOrg
	case "course":
		return &r.Course
	case "registration":
		return &r.Registration
	case "status":
		return &r.Status
	case "partners":
		return &r.Partners
	case "periodStart":
		return &r.PeriodStart
	case "periodEnd":
		return &r.PeriodEnd
	case "centre":
		return &r.Centre
	case "funding":
		return &r.Funding
	case "agreement":
		return &r.Agreement
	case "type":
		return &r.Type
	case "parties":
		return &r.Parties
	case "signed":
		return &r.Signed
	case "validFrom":
		return &r.ValidFrom
	case "validUntil":
		return &r.ValidUntil
	case "noticeMonths":
		return &r.NoticeMonths
	case "terminated":
		return &r.Terminated
	case "attachment":
		return &r.Attachment
	case "confidential":
		return &r.Confidential
	case "from":
		return &r.From
	case "to":
		return &r.To
	case "position":
		return &r.Position
	case "year":
		return &r.Year
	case "meeting":
		return &r.Meeting
	}
	return r.Other[key]
}

// get returns the value of key if its field holds a T, else the zero T.
func get[T any](r *Record, key string) T {
	if p, ok := r.field(key).(*T); ok {
		return *p
	}
	var zero T
	return zero
}

// Time returns the date or moment of key, or the zero time.
func (r *Record) Time(key string) time.Time { return get[time.Time](r, key) }

// Int returns the whole number of key, or 0.
func (r *Record) Int(key string) int { return get[int](r, key) }

// String returns the string of key, or "".
func (r *Record) String(key string) string { return get[string](r, key) }

// Strings returns the strings of key, or nil.
func (r *Record) Strings(key string) []string { return get[[]string](r, key) }

// Flag returns the true or false of key: nil when it is not set.
func (r *Record) Flag(key string) *bool {
	var b bool
	switch p := r.field(key).(type) {
	case **bool:
		if *p == nil {
			return nil
		}
		b = **p
	case *bool:
		if !*p {
			return nil
		}
		b = true
	default:
		return nil
	}
	return &b
}

// set stores a decoded value in the field of key; a flag that may be
// unset (a *bool) gets a pointer to it. A key no field holds (a key of a
// kind another site declares) keeps a pointer to its value in r.Other.
func set[T any](r *Record, key string, v T) {
	switch p := r.field(key).(type) {
	case *T:
		*p = v
	case **T:
		*p = &v
	case nil:
		if r.Other == nil {
			r.Other = map[string]any{}
		}
		r.Other[key] = &v
	}
}
