package site

import (
	"time"

	"portal/generator/internal/diag"
)

// dayTimeWarnings warns, with warn at the key's value, of each key of e
// that holds a day (kinds.Key.Day) but was written with a time
// (content.Record.Timed): the time is not used, the record holds the
// day, and every rule counts the whole of it. An offer's deadline has
// words of its own (the offer is open all that day); the other keys
// share one message that names the key.
func (s *Site) dayTimeWarnings(e *Entry, warn func(key string, id diag.ID, args ...any)) {
	k := s.Cfg.Kinds.Get(e.Kind)
	if k == nil || len(e.Timed) == 0 {
		return
	}
	for _, key := range k.Keys {
		written, ok := e.Timed[key.Name]
		if !ok {
			continue
		}
		day := e.Time(key.Name).In(s.Cfg.TimeZone).Format(time.DateOnly)
		if k.Offer && key.Name == k.CloseKey {
			warn(key.Name, diag.WarnDeadlineTime, written, day, day)
			continue
		}
		warn(key.Name, diag.WarnDayTime, key.Name, written, key.Name, day, key.Name, day)
	}
}
