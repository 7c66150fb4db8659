// Instant search and filters on kind lists and area pages. The index of
// the page's language is many small files in /search/ (/en/search/),
// written by the generator (generator/internal/search): a query fetches
// only what it needs. On the first touch of the form: the manifest
// (index.json) and the page's scope (s/<scope>.json, the facets of the
// records this page lists). For each word typed: one term bucket
// (t/<n>.json), chosen by the word's first two letters without
// diacritics. For the results shown, a page of 20 at a time: the result
// chunks (r/<n>.json) that hold them. Once a query is drawn, while the
// browser is idle, the buckets of the likeliest next keystrokes and the
// chunks of their first results are fetched ahead (prefetch), so that a
// keystroke that goes on with the word is drawn from what is at hand.
// A word that matches nothing on the list is looked for without its
// inflected ending, then by the words of its bucket a slip away
// ("sensro": "sensor"), with no request more; one of five letters or more
// still matching nothing, by the words a slip away in the (at most three)
// buckets that a slip in its first two letters took it from ("ksyfall":
// "skyfall"), fetched for the query typed, never ahead. No framework, no
// server, no worker.
//
// Progressive enhancement: the form is in the page, hidden by search.css
// where scripting is off (templates/partials/search.html); the page part
// (search-page.js, loaded after this file, which hands it this part as
// window.portalSearch) hides it if the index cannot be loaded, and
// while a filter is set it shows the matches in .search-results and hides
// the paged list and the pager; "Show more" draws the next page of
// matches. Clearing the filter restores the page. The filter lives in the
// URL query (?q=energi&area=energi-och-klimat&level=master) so that a
// filtered view can be shared (written once typing pauses); the number of
// matches is announced through the form's polite live region once typing
// pauses. Open offers rank above
// closed ones, and an offer whose deadline has passed since the build is
// marked closed (a lecture that is over, past).
//
// The pure part (fold, openIndex, search, details, readQuery, ...) is
// exported for Node when loaded with require(), so the generator's tests
// can run it against a real built index.
//
// The script is kept in five parts, this folder's files, which the build
// joins in the order of their names (templates/README.md): this one opens
// the function that holds the rest, the last one closes it. This part:
// the words, folded, of a query and of the index.
(function (factory) {
  'use strict';
  var api = factory();
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else if (typeof window !== 'undefined') {
    window.portalSearch = api;
  }
})(function () {
  'use strict';

  // FACETS are the filters besides the text, in the order of the URL query.
  var FACETS = ['kind', 'area', 'host', 'school', 'level', 'language'];
  var OFFERS = ['theses', 'internships'];
  // PAGE is how many matches are drawn at a time.
  var PAGE = 20;
  // PREFETCH is how many likely next queries get their term buckets
  // fetched ahead, CHUNKS how many of them their first page of results.
  var PREFETCH = 3, CHUNKS = 2;

  // The letters fold drops the diacritics of: the same two strings as
  // foldFrom and foldTo in generator/internal/search/fold.go.
  var FOLD_FROM = 'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž';
  var FOLD_TO = 'aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz';
  var FOLDS = {};
  Array.from(FOLD_FROM).forEach(function (c, i) { FOLDS[c] = FOLD_TO[i]; });

  // fold lowercases and drops diacritics, so "malardalen" finds
  // "Mälardalen" (as the generator folded the words of the index).
  function fold(s) {
    var out = '';
    for (var c of String(s).toLowerCase()) out += FOLDS[c] || c;
    return out;
  }

  // tokens are the words of s, lowercased: letters and digits.
  function tokens(s) {
    return String(s == null ? '' : s).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // WORDS is how many words of a query are looked for: a text pasted into
  // the field (a whole offer) would otherwise fetch a term bucket for
  // each of its words, most of the index, to find nothing.
  var WORDS = 12;

  // queryWords are the first WORDS words of a query.
  function queryWords(q) {
    return tokens(q).slice(0, WORDS);
  }

  // STOP are the little words of each language (folded) that a student
  // writes in a query ("thesis on energy", "exjobb inom energi"): they
  // rank what has them higher but need not match, unless the query has
  // no other word.
  var STOP = {
    sv: ['och', 'i', 'om', 'pa', 'for', 'med', 'till', 'av', 'ett', 'inom', 'som', 'att', 'fran', 'hos', 'vid', 'eller', 'inte'],
    en: ['a', 'an', 'the', 'of', 'on', 'in', 'at', 'for', 'with', 'to', 'about', 'and', 'or', 'by', 'from', 'within']
  };

  // optional tells, for each of the words of a query, whether it is a
  // little word of the language lang that need not match.
  function optional(lang, words) {
    var stop = STOP[lang] || [];
    var opt = words.map(function (w) { return stop.indexOf(fold(w)) >= 0; });
    return opt.every(Boolean) ? opt.map(function () { return false; }) : opt;
  }

  // numberUnits are the words that a number typed before a word makes
  // with it ("15 hp" → "15hp"): the word the index holds for a counted
  // fact (SearchFactTexts in generator/internal/render). A match of one
  // ranks higher; it narrows nothing, as the two words may be apart in a
  // text ("15 skolor ... 30 hp").
  function numberUnits(words) {
    var out = [];
    for (var i = 0; i + 1 < words.length; i++) {
      if (/^\p{N}+$/u.test(words[i]) && /^\p{L}/u.test(words[i + 1])) out.push(words[i] + words[i + 1]);
    }
    return out;
  }

  function prefix(s, n) {
    return Array.from(s).slice(0, n).join('');
  }

  // hash is FNV-1a (32 bits) of the UTF-8 bytes of s.
  function hash(s) {
    var h = 0x811c9dc5;
    var bytes = new TextEncoder().encode(s);
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // decodeSet reads a set of document numbers: "d" and base-36 gaps, or
  // "b" and a base64 bitmap; "" is the empty set.
  function decodeSet(s) {
    var out = [];
    if (!s) return out;
    if (s[0] === 'd') {
      var prev = -1;
      s.slice(1).split(',').forEach(function (g) {
        prev += parseInt(g, 36) + 1;
        out.push(prev);
      });
      return out;
    }
    var bin = atob(s.slice(1));
    for (var i = 0; i < bin.length; i++) {
      // Each set bit, lowest first.
      for (var b = bin.charCodeAt(i); b; b &= b - 1) out.push(i * 8 + 31 - Math.clz32(b & -b));
    }
    return out;
  }

