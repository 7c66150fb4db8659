package site

import "sync"

// Memo keeps text that a renderer makes once and reuses, such as the
// HTML of a record's list item, which every list showing the record
// repeats. A Site and each Entry have one; it lives as long as the model.
// RenderBody, which the preview server calls when it changes a version in
// place, forgets what the entry's and the site's memos hold. The zero
// Memo is empty and ready; it is safe for concurrent use.
type Memo struct {
	mu sync.Mutex
	m  map[string]string
}

// Get returns the text kept under key, made by make the first time.
// Two goroutines asking at once may both make it; one result is kept.
func (m *Memo) Get(key string, make func() (string, error)) (string, error) {
	m.mu.Lock()
	b, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := make()
	if err != nil {
		return "", err
	}
	m.mu.Lock()
	if m.m == nil {
		m.m = map[string]string{}
	}
	if kept, ok := m.m[key]; ok {
		b = kept
	} else {
		m.m[key] = b
	}
	m.mu.Unlock()
	return b, nil
}

// Forget drops everything kept.
func (m *Memo) Forget() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

// Forget empties the memos of the site and of every entry: the build calls
// it when the pages that share what they hold are written.
func (s *Site) Forget() {
	s.memo.Forget()
	for _, e := range s.Entries {
		e.memo.Forget()
	}
	for _, e := range s.Free {
		e.memo.Forget()
	}
}
