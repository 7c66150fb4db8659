package content

import (
	"encoding/json"

	"portal/generator/internal/config"
)

// JSON Schemas of the front matter of each kind, for editors' TOML tools
// (completion of keys and values, checks as you type). They are made from
// the declaration the checker uses (specs, enums, vocabs), so they cannot
// drift from it; what they cannot say (a date in the past, an agreement
// that exists, a translation that agrees) is still check's to report.

// datePattern is a TOML date, or date and time, as a TOML tool shows it to
// a JSON Schema: 2026-03-01 or 2026-03-01T13:15:00 with an optional offset.
const (
	datePattern     = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$`
	dateTimePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?$`
)

// JSONSchema returns the JSON Schema (draft-07) of the front matter of a
// kind's records (or of the free-standing pages). With cfg, the values of
// vocabulary keys (areas, organisations, schools) are listed too. describe
// gives the description of a key, or "".
func JSONSchema(kind string, cfg *config.Config, describe func(kind, key string) string) ([]byte, error) {
	props := map[string]any{}
	var required []string
	for _, s := range specs(kind) {
		p := keySchema(kind, s, cfg)
		if d := describe(kind, s.name); d != "" {
			p["description"] = d
		}
		props[s.name] = p
		if s.required {
			required = append(required, s.name)
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

// keySchema is the schema of one key's value.
func keySchema(kind string, s keySpec, cfg *config.Config) map[string]any {
	values := enums[kind+"."+s.name]
	if t := vocabs[s.name]; t != "" && cfg != nil {
		values = vocabKeys(cfg, t)
	}
	one := map[string]any{"type": "string"}
	if len(values) > 0 {
		one["enum"] = values
	}
	switch s.typ {
	case tText:
		one["pattern"] = `\S` // not empty, nor only spaces
	case tDate:
		return map[string]any{"type": "string", "pattern": datePattern}
	case tDateTime:
		return map[string]any{"type": "string", "pattern": dateTimePattern}
	case tInt:
		return map[string]any{"type": "integer"}
	case tBool:
		return map[string]any{"type": "boolean"}
	case tStrings:
		return map[string]any{"type": "array", "items": one, "maxItems": maxValues, "uniqueItems": true}
	case tContacts:
		return objects(maxValues, []string{"role", "email"}, "role", "email", "name")
	case tSignatories:
		return objects(maxValues, []string{"name", "title", "org"}, "name", "title", "org")
	}
	return one
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

func vocabKeys(cfg *config.Config, table string) []string {
	v := map[string]*config.Vocab{"areas": &cfg.Areas, "organisations": &cfg.Organisations, "schools": &cfg.Schools}[table]
	keys := make([]string, 0, len(v.Terms))
	for _, t := range v.Terms {
		keys = append(keys, t.Key)
	}
	return keys
}
