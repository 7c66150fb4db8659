  // search.js, part 3 of 5 (joined in name order by the build): the documents a query word matches, with their scores.

  // termScores resolves to the documents a query word matches, each with
  // a score: 1, and 4 more for the exact spelling (with its diacritics;
  // for a word typed without any, also the whole word with them),
  // 2 more for a match in the title, host, areas or speaker, 1 more for a
  // whole word. The scores are a Uint8Array indexed by document number,
  // 0 for the documents it does not match: typed arrays, not maps, so that
  // a short prefix that matches most documents is scored in a few
  // milliseconds on a phone.
  //
  // The scoring of a word is a job kept per word (scoreTerm): the sets of
  // the bucket's words it matches, added one after another. pace, when
  // given, runs the job in slices (see run); a job left unfinished (the
  // fetch ahead stopped by a keystroke) goes on where it stopped when the
  // word is asked for again, so a keystroke that needs a word still being
  // scored ahead does only the rest of that word. A word that matched no
  // document of the scope is then scored again by its stems, then by its
  // near spellings, in its bucket and then in others (widen, farther).
  // ahead is true for the fetch ahead, which fetches no other bucket.
  function termScores(ix, word, pace, ahead) {
    ix.terms = ix.terms || new Map();
    var job = ix.terms.get(word);
    if (!job) {
      job = scoreTerm(ix, word);
      ix.terms.set(word, job);
    }
    return job.ready.then(function () { return run(job, pace); }).then(function () {
      return widen(job, pace, ahead);
    }).then(function () { return job.scores; });
  }

  // widen, once a word's own matches are scored, takes the next of its
  // wider looks (job.wider: its stems, then its near spellings, see
  // nearSpellings) while none of what was added matches a document of the
  // scope (job.hit): a form that a record of another kind has ("sensors"
  // in a lecture) is still looked for by its stem on the thesis list. A
  // look is taken only once all before it is scored, whoever runs it (a
  // keystroke finishes what the fetch ahead left), so each is taken once.
  // A look that fetches (far, the buckets of farther) returns a promise:
  // whoever comes meanwhile waits for it (job.waiting). The fetch ahead
  // (ahead) stops before such a look: only a query typed fetches for a
  // slip.
  function widen(job, pace, ahead) {
    var again = function () { return widen(job, pace, ahead); };
    if (job.waiting) return job.waiting.then(again);
    if (job.next < job.todo.length) return run(job, pace).then(again);
    if (job.hit || !job.wider.length || ahead && job.wider[0].far) return Promise.resolve();
    var fetching = job.wider.shift()();
    if (fetching) job.waiting = fetching.then(function () { job.waiting = null; });
    return again();
  }

  // run does what is left of job (its list todo from next on, each with
  // job.one): all at once without pace, else in slices. pace resolves
  // when the next slice may run, to a function that is true once the
  // slice has taken its time; it never resolves when the caller has
  // given up (a later keystroke). Each slice does at least one item.
  function run(job, pace) {
    var slice = function (until) {
      while (job.next < job.todo.length) {
        job.one(job.todo[job.next++]);
        if (until && until()) break;
      }
      return job.next < job.todo.length && pace ? pace().then(slice) : undefined;
    };
    return Promise.resolve(pace && job.next < job.todo.length ? pace().then(slice) : slice(null));
  }

  // bucketOf is where the index keeps a word: its folded form f, its
  // length in letters, whether it is shorter than the bucket prefix, and
  // the number n of its bucket (t/<n>.json).
  function bucketOf(ix, word) {
    var m = ix.manifest, f = fold(word), len = Array.from(f).length, short = len < m.prefix;
    return { f: f, len: len, short: short, n: hash(short ? f : prefix(f, m.prefix)) & (m.buckets - 1) };
  }

  // buckets are the paths of the term buckets that the words of q need,
  // from the index's folder and manifest alone: they can be fetched
  // while the scope is still on its way.
  function buckets(dir, manifest, q) {
    var words = queryWords(q);
    return words.concat(numberUnits(words)).map(function (w) { return dir + 't/' + bucketOf({ manifest: manifest }, w).n + '.json'; });
  }

  // wordsOf are the words of bucket n (its content b), each with its
  // folded form: folded once per page, not once per query.
  function wordsOf(ix, n, b) {
    ix.words = ix.words || new Map();
    if (!ix.words.has(n)) ix.words.set(n, Object.keys(b.w).map(function (w) { return { w: w, f: fold(w), size: -1 }; }));
    return ix.words.get(n);
  }

  // scoreTerm is the job that scores word (see termScores): ready once
  // its bucket has come and the list of the sets to add is made.
  function scoreTerm(ix, word) {
    var m = ix.manifest, at = bucketOf(ix, word);
    var f = at.f, n = at.n;
    ix.sets = ix.sets || new Map();
    // sets decodes the two sets of a word of bucket at (n, or the bucket
    // of a near spelling found in another, x[4]) once per page.
    function sets(at, k, pair) {
      var id = at + ' ' + k;
      if (!ix.sets.has(id)) ix.sets.set(id, { all: Int32Array.from(decodeSet(pair[0])), strong: Int32Array.from(decodeSet(pair[1])) });
      return ix.sets.get(id);
    }
    var job = { todo: [], next: 0, scores: null, wider: [] };
    // one raises the score of the documents of a word's set to its base,
    // and of its strong ones (a subset) to base + 2; and notes whether the
    // set has a document of the scope (job.hit, for widen).
    job.one = function (x) {
      var s = sets(x[4] === undefined ? n : x[4], x[0], x[1]), base = x[2], scores = job.scores, i;
      for (i = 0; i < s.all.length; i++) scores[s.all[i]] = Math.max(scores[s.all[i]], base);
      for (i = 0; i < s.strong.length; i++) scores[s.strong[i]] = Math.max(scores[s.strong[i]], base + 2);
      for (i = 0; i < s.all.length && !job.hit; i++) job.hit = ix.listed[s.all[i]] === 1;
      // A near spelling (x[3]) that matches the scope, the nearest first:
      // the word the note "Showing results for" names (spelling).
      for (i = 0; x[3] && !job.spelled && i < s.all.length; i++) if (ix.listed[s.all[i]]) job.spelled = x[0];
    };
    job.ready = ix.get(ix.dir + 't/' + n + '.json').then(function (b) {
      job.scores = new Uint8Array(m.docs);
      var ws = wordsOf(ix, n, b);
      if (at.short) {
        if (b.u[f]) job.todo.push(['|' + f, b.u[f], 1]);
        ws.forEach(function (x) {
          if (x.f === f) job.todo.push([x.w, b.w[x.w], 2 + (x.w === word ? 4 : 0)]);
        });
        return;
      }
      // A word typed with diacritics ranks the words spelled so first; one
      // typed without them ("miljo", on a phone) may stand for a word
      // spelled with them: the whole word "miljö" gets the bonus too, so
      // that it ranks with a longer word that begins with the letters
      // typed ("miljonprogrammet"), not below it.
      var accented = word !== f;
      ws.forEach(function (x) {
        if (x.f.indexOf(f) !== 0) return;
        var spelled = x.w.indexOf(word) === 0 || (!accented && x.f === f);
        job.todo.push([x.w, b.w[x.w], 1 + (spelled ? 4 : 0) + (x.f === f ? 1 : 0)]);
      });
      job.wider.push(function () { stemmed(ix, job, f, ws, b); });
      if (fixable(ix.lang, f, at.len)) {
        var own = [{ head: prefix(f, m.prefix), n: n, ws: ws, b: b }];
        job.wider.push(function () { nearSpellings(ix, job, f, own, 1); });
        if (at.len >= LONG) job.wider.push(function () { nearSpellings(ix, job, f, own, 2); });
        if (at.len >= FAR) job.wider.push(Object.assign(function () { return farther(ix, job, f, at.len); }, { far: true }));
      }
    });
    return job;
  }

