package site

import "sync"

// Memo keeps bytes that a renderer makes once and reuses, such as the
// HTML of a record's list item, which every list showing the record
// repeats. A Site and each Entry have one; it lives as long as the model.
// RenderBody, which the preview server calls when it changes a version in
// place, forgets what the entry's and the site's memos hold. The zero
// Memo is empty and ready; it is safe for concurrent use.
type Memo struct {
	mu sync.Mutex
	m  map[string][]byte
}

// Get returns the bytes kept under key, made by make the first time.
// Two goroutines asking at once may both make them; one result is kept.
func (m *Memo) Get(key string, make func() ([]byte, error)) ([]byte, error) {
	m.mu.Lock()
	b, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := make()
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	if m.m == nil {
		m.m = map[string][]byte{}
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
