package site

import (
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/kinds"
)

// NextTurn is the first moment after Now at which a fact of the model
// turns: a record is published or expires, a lecture ends, an agreement
// comes into force, or the day changes (the next midnight in the site's
// time zone, which every fact kept by the day waits for: an offer that
// closes after its deadline day, a notice day passed, the agreements
// due). A model made before that moment from the same sources is this
// one; the preview makes a new one once it has come.
func (s *Site) NextTurn() time.Time { return s.turn }

// turnsOf lowers s.turn to the moments after Now at which r's facts
// turn within a day; those that turn at a midnight are covered by the
// day's end, where publishAll starts s.turn.
func (s *Site) turnsOf(r *content.Record) {
	s.turnAt(r.PublishDate)
	s.turnAt(r.ExpiryDate)
	if r.Kind == kinds.Agreements {
		s.turnAt(r.ValidFrom)
	}
	if k := s.Cfg.Kinds.Get(r.Kind); k != nil && k.CloseKey != "" && !k.CloseDay {
		s.turnAt(r.Time(k.CloseKey))
	}
}

// dayTurn is the first moment after Now at which the day changes in the
// site's time zone: the next midnight (dayAfter). Where the clocks skip
// midnight for summer time (Havana, Santiago), time.Date puts that
// midnight an hour early, in the hour before the change, which has come
// already during that hour: then the day changes with the clocks.
func (s *Site) dayTurn() time.Time {
	if t := s.dayAfter(s.Now); t.After(s.Now) {
		return t
	}
	if _, next := s.Now.In(s.Cfg.TimeZone).ZoneBounds(); next.After(s.Now) {
		return next
	}
	return s.Now.Add(time.Hour) // no change of the clocks ahead: not seen
}

// turnAt lowers s.turn to t when t is after Now.
func (s *Site) turnAt(t time.Time) {
	if t.After(s.Now) && t.Before(s.turn) {
		s.turn = t
	}
}
