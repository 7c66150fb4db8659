// Package feedtest holds strict, test-only readers of the machine-readable
// outputs, like testing/fstest: Atom feeds (RFC 4287) and sitemaps with
// encoding/xml in strict mode and namespace-qualified names, and iCalendar
// (RFC 5545) with its physical layout (CRLF, folding at 75 octets, UTF-8),
// property rules and VTIMEZONE expanded to resolve local times.
//
// The feeds package's tests read what its writers produce with it, and the
// build package's tests read the files of a whole built site with it. It
// does not import feeds (whose internal tests import it), so it has its own
// small types. Readers return errors, never fail a test themselves.
package feedtest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// xmlDecl is the declaration every XML output starts with.
const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>`

// decodeStrict decodes the root element of data into v in strict mode and
// rejects anything but white space after it.
func decodeStrict(data []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode: %v", err)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("after the root element: %v", err)
		}
		if cd, ok := tok.(xml.CharData); !ok || len(bytes.TrimSpace(cd)) != 0 {
			return fmt.Errorf("content after the root element: %#v", tok)
		}
	}
}

// problems collects the failed checks of one document.
type problems []error

func (p *problems) add(format string, args ...any) {
	*p = append(*p, fmt.Errorf(format, args...))
}

func (p problems) err() error { return errors.Join(p...) }
