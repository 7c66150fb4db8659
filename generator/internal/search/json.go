package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The term buckets and result chunks are written by hand, by Build and by
// the kept index (Incremental) alike: through encoding/json, as a bucket
// of maps, they were half the CPU of the kept index's buckets after a
// structural edit, which writes half of them again. The bytes are those
// encoding/json writes of the same values (TestBucketJSON, TestChunkFile,
// FuzzJSON).

// bucketTerm is a word or union of a term bucket: its key and its
// postings as the bucket writes them (encodeSet of all and strong).
type bucketTerm interface {
	termKey() string
	sets() [2]string
}

func (t keyedPosted) termKey() string { return t.key }
func (t keyedPosted) sets() [2]string { return t.p.encoded() }
func (t keyed) termKey() string       { return t.key }
func (t keyed) sets() [2]string       { return [2]string{encodeSet(t.p.all), encodeSet(t.p.strong)} }

// bucketFile is term bucket b from the postings kept. Each bucket is one
// job of write, so the postings of its terms are encoded and its lists
// sorted by one goroutine. It is made in room for the bucket's last
// bytes and a little more (write reads them while no file is replaced),
// not grown from 4 kB, which the buckets of 10,000 documents outgrow.
func (in *Incremental) bucketFile(b int) []byte {
	words, unions := in.inBucket[b].sortedTerms(), in.unionsIn[b].sortedTerms()
	size := max(4096, len(in.x.files[bucketPath(b)])*9/8)
	return append(appendBucket(make([]byte, 0, size), words, unions, in.counts.top), '\n')
}

// termList are the words or the unions of a term bucket. They are sorted
// by key when the bucket is written, and again only after one came.
type termList struct {
	terms  []keyedPosted
	sorted bool
}

func (l *termList) add(k string, p *posted) {
	l.terms, l.sorted = append(l.terms, keyedPosted{k, p}), false
}

// remove takes k out, keeping the others in their order.
func (l *termList) remove(k string) {
	if i := slices.IndexFunc(l.terms, func(t keyedPosted) bool { return t.key == k }); i >= 0 {
		l.terms = slices.Delete(l.terms, i, i+1)
	}
}

// sortedTerms returns the terms sorted by key.
func (l *termList) sortedTerms() []keyedPosted {
	if !l.sorted {
		slices.SortFunc(l.terms, func(x, y keyedPosted) int { return strings.Compare(x.key, y.key) })
		l.sorted = true
	}
	return l.terms
}

// appendBucket appends the JSON of the term bucket of the words and
// unions given, each sorted by key, without its newline: an object whose
// "w" and "u" map each word and union to its two encoded sets, and whose
// "n" (left out when empty) maps each union to its next prefixes, which
// top gives: what search.js fetches ahead while the visitor has typed
// only a short prefix (at most Next, the most frequent first).
func appendBucket[T bucketTerm](b []byte, words, unions []T, top func(k string) []string) []byte {
	b = appendPostedMap(append(b, `{"w":`...), words)
	b = appendPostedMap(append(b, `,"u":`...), unions)
	n := 0
	for _, u := range unions {
		key := u.termKey()
		next := top(key)
		if len(next) == 0 {
			continue
		}
		if n++; n == 1 {
			b = append(b, `,"n":{`...)
		} else {
			b = append(b, ',')
		}
		b = appendJSONStrings(append(appendJSONString(b, key), ':'), next)
	}
	if n > 0 {
		b = append(b, '}')
	}
	return append(b, '}')
}

// keyedPosted is a word or union of a bucket with its postings.
type keyedPosted struct {
	key string
	p   *posted
}

// appendPostedMap appends terms, sorted by key (in byte order), as
// marshal writes a map[string][2]string of their encoded postings. An
// encoded set needs no escaping (encodeSet: "d", base-36 digits and
// commas, or "b" and base64).
func appendPostedMap[T bucketTerm](b []byte, terms []T) []byte {
	b = append(b, '{')
	for i, t := range terms {
		if i > 0 {
			b = append(b, ',')
		}
		enc := t.sets()
		b = append(appendJSONString(b, t.termKey()), ':', '[', '"')
		b = append(append(b, enc[0]...), '"', ',', '"')
		b = append(append(b, enc[1]...), '"', ']')
	}
	return append(b, '}')
}

// chunkFile is the result chunk of docs: for each document, its URL,
// title, language, excerpt and facts. After a record is added or deleted,
// the kept index writes every later chunk again.
func chunkFile(docs []Doc) []byte {
	n := 4
	for i := range docs {
		n += 32 + len(docs[i].URL) + len(docs[i].Title) + len(docs[i].Excerpt) + 48*len(docs[i].Facts)
	}
	b := append(make([]byte, 0, n), '[')
	for i := range docs {
		if i > 0 {
			b = append(b, ',')
		}
		d := &docs[i]
		b = appendJSONString(append(b, '['), d.URL)
		b = appendJSONString(append(b, ','), d.Title)
		b = appendJSONString(append(b, ','), d.Lang)
		b = appendJSONString(append(b, ','), d.Excerpt)
		b = append(b, ",["...)
		for j, f := range d.Facts {
			if j > 0 {
				b = append(b, ',')
			}
			if f == nil {
				b = append(b, "null"...)
				continue
			}
			b = appendJSONStrings(b, f)
		}
		b = append(b, "]]"...)
	}
	return append(b, "]\n"...)
}

// appendJSONString appends s as a JSON string, as marshal writes it (no
// HTML escaping): as it is when it has nothing to escape, else through
// marshal.
func appendJSONString(b []byte, s string) []byte {
	if plainJSON(s) {
		return append(append(append(b, '"'), s...), '"')
	}
	q, err := marshal(s)
	if err != nil { // a string always marshals
		panic(err)
	}
	return append(b, q[:len(q)-1]...)
}

// appendJSONStrings appends ss as a JSON array of strings.
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// plainJSON reports whether encoding/json writes s between quotes as it
// is: valid UTF-8 with no control character, quote, backslash, U+2028 or
// U+2029.
func plainJSON(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}
