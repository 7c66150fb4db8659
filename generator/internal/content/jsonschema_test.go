package content

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// validate checks v against the subset of JSON Schema that JSONSchema
// writes, as an editor's TOML tool would, and returns the first problem.
func validate(schema map[string]any, v any, at string) string {
	if typ, ok := schema["type"].(string); ok {
		okType := map[string]bool{
			"object": isA[map[string]any](v), "array": isA[[]any](v), "string": isA[string](v),
			"integer": isA[float64](v), "boolean": isA[bool](v),
		}[typ]
		if !okType {
			return fmt.Sprintf("%s: not a %s", at, typ)
		}
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Sprintf("%s: %v not in the enum", at, v)
	}
	if not, ok := schema["not"].(map[string]any); ok && validate(not, v, at) == "" {
		return fmt.Sprintf("%s: %v is refused", at, v)
	}
	if n, ok := schema["minimum"].(float64); ok && v.(float64) < n {
		return fmt.Sprintf("%s: %v below %v", at, v, n)
	}
	if n, ok := schema["maximum"].(float64); ok && v.(float64) > n {
		return fmt.Sprintf("%s: %v above %v", at, v, n)
	}
	if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(v.(string)) {
		return fmt.Sprintf("%s: %q does not match %s", at, v, p)
	}
	if n, ok := schema["minLength"].(float64); ok && len(v.(string)) < int(n) {
		return fmt.Sprintf("%s: too short", at)
	}
	switch v := v.(type) {
	case []any:
		if n, ok := schema["maxItems"].(float64); ok && len(v) > int(n) {
			return fmt.Sprintf("%s: too many items", at)
		}
		for i, x := range v {
			if schema["uniqueItems"] == true && slices.Contains(v[:i], x) {
				return fmt.Sprintf("%s: %v twice", at, x)
			}
			if msg := validate(schema["items"].(map[string]any), x, fmt.Sprintf("%s[%d]", at, i)); msg != "" {
				return msg
			}
		}
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, r := range schema["required"].([]any) {
			if _, has := v[r.(string)]; !has {
				return fmt.Sprintf("%s: missing %s", at, r)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			p, ok := props[k].(map[string]any)
			if !ok {
				return fmt.Sprintf("%s: unknown key %s", at, k)
			}
			if msg := validate(p, v[k], at+"."+k); msg != "" {
				return msg
			}
		}
	}
	return ""
}

func isA[T any](v any) bool { _, ok := v.(T); return ok }

// asJSON turns decoded TOML into what a TOML tool hands a JSON Schema
// validator: dates and times as their TOML text.
func asJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			out[k] = asJSON(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = asJSON(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = asJSON(x)
		}
		return out
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return v.Format(time.DateOnly)
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05")
		}
		return v.Format(time.RFC3339)
	case int64:
		return float64(v)
	}
	return v
}

func schemas(t *testing.T, cfg *config.Config) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, kind := range Folders(cfg.Kinds) {
		b, err := JSONSchema(cfg.Kinds, kind, cfg, func(kind, key string) string { return kind + "." + key })
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		out[kind] = m
	}
	return out
}

// TestJSONSchemaShippedContent checks that every record shipped, which
// check accepts, is valid by the schema of its kind (translations aside:
// they set only a few keys and the rest comes from their record).
func TestJSONSchemaShippedContent(t *testing.T) {
	src, err := os.ReadFile("../../../config.toml")
	if err != nil {
		t.Skip("no shipped site")
	}
	cfg, err := config.ParseWith(src, kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	all := schemas(t, cfg)
	root := os.DirFS("../../../content")
	n := 0
	err = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Count(path.Base(p), ".") > 1 {
			return err
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		front, _, _, err := Split(p, b)
		if err != nil {
			return err
		}
		var raw map[string]any
		if err := decodeFront(front, &raw); err != nil {
			return err
		}
		if msg := validate(all[path.Dir(p)], asJSON(raw), p); msg != "" {
			t.Error(msg)
		}
		n++
		return nil
	})
	if err != nil || n < 40 {
		t.Fatalf("%d records validated: %v", n, err)
	}
}

// TestJSONSchemaRejects checks that the schemas catch what check reports
// about keys: unknown and missing keys, values outside a list, wrong types.
func TestJSONSchemaRejects(t *testing.T) {
	cfg := testConfig(t)
	all := schemas(t, cfg)
	good := map[string]any{"title": "T", "date": "2026-01-15", "areas": []any{"energi"}, "host": "kth",
		"level": "master", "credits": float64(30), "deadline": "2026-04-30"}
	if msg := validate(all["theses"], good, "x"); msg != "" {
		t.Fatalf("a valid thesis: %s", msg)
	}
	for _, c := range []struct {
		key  string
		val  any // nil: remove the key
		want string
	}{
		{"deadine", "2026-04-30", "x: unknown key deadine"},
		{"deadline", nil, "x: missing deadline"},
		{"level", "phd", "x.level: phd not in the enum"},
		{"areas", []any{"energy"}, "x.areas[0]: energy not in the enum"},
		{"areas", []any{"energi", "energi"}, "x.areas: energi twice"},
		{"host", "nobody", "x.host: nobody not in the enum"},
		{"credits", "30", "x.credits: not a integer"},
		{"deadline", "30 april", `x.deadline: "30 april" does not match ` + dayPattern},
		{"title", " ", `x.title: " " does not match \S`},
		{"contacts", []any{map[string]any{"email": "a@b.se"}}, "x.contacts[0]: missing role"},
		{"aliases", "/x/", "x.aliases: not a array"},
	} {
		v := map[string]any{}
		for k, x := range good {
			v[k] = x
		}
		if c.val == nil {
			delete(v, c.key)
		} else {
			v[c.key] = c.val
		}
		if got := validate(all["theses"], v, "x"); got != c.want {
			t.Errorf("%s = %v: %q, want %q", c.key, c.val, got, c.want)
		}
	}
	start := map[string]any{"title": "L", "date": "2026-01-10", "areas": []any{"bygg"}, "start": "2026-03-12", "end": "2026-03-12T17:00:00",
		"place": "P", "speaker": "S"}
	if got := validate(all["lectures"], start, "l"); got != `l.start: "2026-03-12" does not match `+dateTimePattern {
		t.Errorf("a lecture starting on a date: %q", got)
	}
	if d := all["theses"]["properties"].(map[string]any)["host"].(map[string]any)["description"]; d != "theses.host" {
		t.Errorf("description %v", d)
	}
}

// TestJSONSchemaValues checks that a value check rejects is rejected by
// the schema too, where JSON Schema can say it: the pattern of a course
// code, the whole numbers allowed and their ranges.
func TestJSONSchemaValues(t *testing.T) {
	all := schemas(t, testConfig(t))
	for _, c := range []struct {
		kind, key string
		val       any
		want      string // "" when valid
	}{
		{"lectures", "course", "SF1624", ""},
		{"lectures", "course", "sf1624", `k: "sf1624" does not match ^[A-Z]{2}[0-9]{3}[0-9A-Z]$`},
		{"theses", "credits", float64(30), ""},
		{"theses", "credits", float64(45), "k: 45 not in the enum"},
		{"internships", "weeks", float64(104), ""},
		{"internships", "weeks", float64(0), "k: 0 below 1"},
		{"internships", "weeks", float64(105), "k: 105 above 104"},
		{"agreements", "noticeMonths", float64(0), ""},
		{"agreements", "noticeMonths", float64(-1), "k: -1 below 0"},
		{"agreements", "noticeMonths", float64(120), ""},
		{"agreements", "noticeMonths", float64(121), "k: 121 above 120"},
		{"followups", "year", float64(1999), "k: 1999 below 2000"},
		{"theses", "deadline", "2026-04-30", ""},
		{"theses", "deadline", "2026-04-30T12:00:00", `k: "2026-04-30T12:00:00" does not match ` + dayPattern},
		{"agreements", "validUntil", "2026-06-30T12:00:00+02:00", `k: "2026-06-30T12:00:00+02:00" does not match ` + dayPattern},
		{"theses", "publishDate", "2026-04-30T12:00:00", ""},
		{"theses", "date", "2026-04-30", ""},
		{"lectures", "start", "2026-04-30T13:15:00", ""},
		{"lectures", "start", "2026-04-30", `k: "2026-04-30" does not match ` + dateTimePattern},
	} {
		prop, ok := all[c.kind]["properties"].(map[string]any)[c.key].(map[string]any)
		if !ok {
			t.Fatalf("%s has no key %s", c.kind, c.key)
		}
		if got := validate(prop, c.val, "k"); got != c.want {
			t.Errorf("%s.%s = %v: %q, want %q", c.kind, c.key, c.val, got, c.want)
		}
	}
}

// TestJSONSchemaReservedSlugs checks that each kind's schema refuses the
// slugs check refuses: the segments of its section's archive, and of
// agreements' due page, in both languages (from the config: a section
// named otherwise changes nothing, the segments are the site's), and no
// other; the list pages' segment, a warning of check's, is allowed, and
// the free-standing pages have no section.
func TestJSONSchemaReservedSlugs(t *testing.T) {
	all := schemas(t, testConfig(t))
	for _, c := range []struct {
		kind string
		not  []any // nil: no "not"
	}{
		{"theses", []any{"arkiv", "niva", "archive", "level"}},
		{"followups", []any{"arkiv", "archive"}},
		{"agreements", []any{"arkiv", "att-fornya", "archive", "due-for-review"}},
		{"pages", nil},
	} {
		slug := all[c.kind]["properties"].(map[string]any)["slug"].(map[string]any)
		not, _ := slug["not"].(map[string]any)
		if got, _ := not["enum"].([]any); !slices.Equal(got, c.not) {
			t.Errorf("%s: slug not %v, want %v", c.kind, got, c.not)
		}
	}
	for _, c := range []struct{ kind, slug, want string }{
		{"theses", "arkiv", "k: arkiv is refused"},
		{"theses", "archive", "k: archive is refused"},
		{"theses", "niva", "k: niva is refused"},
		{"theses", "level", "k: level is refused"},
		{"theses", "att-fornya", ""},
		{"theses", "sida", ""},
		{"theses", "arkiv-exjobb", ""},
		{"agreements", "due-for-review", "k: due-for-review is refused"},
		{"pages", "arkiv", ""},
	} {
		slug := all[c.kind]["properties"].(map[string]any)["slug"].(map[string]any)
		if got := validate(slug, c.slug, "k"); got != c.want {
			t.Errorf("%s slug %q: %q, want %q", c.kind, c.slug, got, c.want)
		}
	}
}
