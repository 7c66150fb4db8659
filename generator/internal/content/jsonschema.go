package content

import (
	"encoding/json"
	"slices"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// JSON Schemas of the front matter of each kind, for editors' TOML tools
// (completion of keys and values, checks as you type). They are made from
// the declaration the checker uses (the registry of kinds), so they cannot
// drift from it; what they cannot say (a date in the past, an agreement
// that exists, a translation that agrees) is still check's to report.

// datePattern is a TOML date, or date and time, as a TOML tool shows it to
// a JSON Schema: 2026-03-01 or 2026-03-01T13:15:00 with an optional offset.
// dayPattern is a date alone, for the keys that hold a day (Day: a time
// written for one is warned of); dateTimePattern a date and time.
const (
	dayPattern      = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	datePattern     = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$`
	dateTimePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?$`
)

// JSONSchema returns the JSON Schema (draft-07) of the front matter of a
// kind's records (or of the free-standing pages). With cfg, the values of
// vocabulary keys (areas, organisations, schools) are listed too. describe
// gives the description of a key, or "".
func JSONSchema(reg *kinds.Registry, kind string, cfg *config.Config, describe func(kind, key string) string) ([]byte, error) {
	props := map[string]any{}
	var required []string
	for _, s := range specs(reg, kind) {
		p := keySchema(s, cfg)
		if s.Name == "slug" && cfg != nil {
			if taken := reservedSlugs(cfg, kind); len(taken) > 0 {
				p["not"] = map[string]any{"enum": taken}
			}
		}
		if d := describe(kind, s.Name); d != "" {
			p["description"] = d
		}
		props[s.Name] = p
		if s.Required {
			required = append(required, s.Name)
		}
	}
	schema := map[string]any{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"title":                "Front matter of content/" + kind + "/*.md",
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": false,
	}
	b, err := json.MarshalIndent(schema, "", "  ")
	return append(b, '\n'), err
}

// reservedSlugs are the slugs check refuses for a record of kind: the
// fixed segments of its section (the archive's, the due page's of
// agreements) in every language of cfg, that the record's page would take
// (SegmentProblem's errors). The list pages' segment, only a warning of
// check's, is not among them.
func reservedSlugs(cfg *config.Config, kind string) []string {
	var out []string
	for _, seg := range cfg.SectionSegments(kind) {
		c, ok := SegmentProblem(cfg, kind, seg.Segment, "", true)
		if ok && c.Refused() && !slices.Contains(out, seg.Segment) {
			out = append(out, seg.Segment)
		}
	}
	return out
}

// keySchema is the schema of one key's value.
func keySchema(s kinds.Key, cfg *config.Config) map[string]any {
	values := s.Enum
	if t := s.Vocab; t != "" && cfg != nil {
		values = cfg.Vocab(t).Keys()
	}
	one := map[string]any{"type": "string"}
	if len(values) > 0 {
		one["enum"] = values
	}
	switch s.Type {
	case kinds.Text:
		one["pattern"] = `\S` // not empty, nor only spaces
		if s.Pattern != nil {
			one["pattern"] = s.Pattern.String() // RE2's syntax, which ECMA-262 reads the same for these keys
		}
	case kinds.Date:
		if s.Day {
			// A TOML tool shows a date as a string, 2026-03-01 (Taplo):
			// "date" is the format of that string, and the type of the
			// value to those that know TOML's dates (a local date).
			return map[string]any{"type": "string", "format": "date", "pattern": dayPattern}
		}
		return map[string]any{"type": "string", "pattern": datePattern}
	case kinds.DateTime:
		return map[string]any{"type": "string", "pattern": dateTimePattern}
	case kinds.Int:
		return intSchema(s)
	case kinds.Bool:
		return map[string]any{"type": "boolean"}
	case kinds.Strings:
		return map[string]any{"type": "array", "items": one, "maxItems": maxValues, "uniqueItems": true}
	case kinds.Contacts:
		return objects(maxValues, []string{"role", "email"}, "role", "email", "name")
	case kinds.Signatories:
		return objects(maxValues, []string{"name", "title", "org"}, "name", "title", "org")
	}
	return one
}

// intSchema is the schema of a whole number, with the values or the
// range check allows.
func intSchema(s kinds.Key) map[string]any {
	m := map[string]any{"type": "integer"}
	switch {
	case len(s.Ints) > 0:
		m["enum"] = s.Ints
	case s.Max > s.Min:
		m["minimum"], m["maximum"] = s.Min, s.Max
	case s.NotNeg:
		m["minimum"] = 0
	}
	return m
}

// objects is an array of inline tables with string keys.
func objects(most int, required []string, keys ...string) map[string]any {
	props := map[string]any{}
	for _, k := range keys {
		props[k] = map[string]any{"type": "string", "minLength": 1}
	}
	return map[string]any{"type": "array", "maxItems": most, "items": map[string]any{
		"type": "object", "properties": props, "required": required, "additionalProperties": false,
	}}
}
