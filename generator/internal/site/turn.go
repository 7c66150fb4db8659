package site

import "time"

// NextTurn is the first moment after Now at which a fact of the model
// turns: a record is published or expires, a lecture ends, an agreement
// comes into force, or the day changes (the next midnight in the site's
// time zone, which every fact kept by the day waits for: an offer that
// closes after its deadline day, a notice day passed, the agreements
// due). A model made before that moment from the same sources is this
// one; the preview makes a new one once it has come.
func (s *Site) NextTurn() time.Time { return s.turn }

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

// reached reports whether the moment t has come at Now. One still to
// come lowers the model's turn to it: each check of a record against a
// moment of the day is made with reached, while the entries are made,
// so that NextTurn is the first moment at which one of them would answer
// otherwise. A check that waits for a midnight (passed) needs not: the
// day's end is the turn already, or an earlier moment.
func (s *Site) reached(t time.Time) bool {
	if !t.After(s.Now) {
		return true
	}
	if t.Before(s.turn) {
		s.turn = t
	}
	return false
}
