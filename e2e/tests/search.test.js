// Search and filters (templates/assets/search.js) in Debian's chromium
// through nginx: a shared filtered link shows exactly the matching records
// of the list, the pager and paged list are hidden, the count is in
// the aria-live region, the URL follows the filter, clearing restores the
// page, no axe-core violations with a filter set, a search that finds
// nothing links to the archive. (search-after-build.test.js has the
// marks of offers closed after the build and the list without the
// script.)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { axe, describeProblems, formatViolations, newPage, openPage, PHONE, useBrowser, watch } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

// expected reads the built index and returns the URLs a kind list shows
// for a filter, from the list's scope file and the result chunks
// (independent of search.js).
function expected(lang, kind, filter) {
  const dir = lang === 'sv' ? path.join(site.dir, 'search') : path.join(site.dir, lang, 'search');
  const read = (p) => JSON.parse(readFileSync(path.join(dir, p), 'utf8'));
  const { chunk } = read('index.json');
  const { t, d } = read(`s/k-${kind}.json`);
  let prev = -1;
  const all = (tab, ns) => ns.map((i) => tab[i]);
  return d
    .map((r) => {
      prev += r[0] + 1;
      return {
        id: prev, kind: [t.kind[r[1]]], area: all(t.area, r[2]), host: [t.host[r[3]]], school: all(t.school, r[4]),
        level: [t.level[r[5]]], language: all(t.language, r[6]),
      };
    })
    .filter((it) => Object.entries(filter).every(([k, v]) => !v || it[k].includes(v)))
    .map((it) => read(`r/${Math.floor(it.id / chunk)}.json`)[it.id % chunk][0]);
}

suite('search and filters in the browser', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  const open = (url, options) => openPage(browserOf(), site, url, options);

  test('a shared filtered link shows the matching records of the list', async () => {
    const list = `/${secs.theses.sv}/`;
    const want = expected('sv', 'theses', { area: 'energi-och-klimat', level: 'master' });
    assert.ok(want.length > 0, 'the shipped site has master theses in energi-och-klimat');
    const { context, page, problems } = await open(`${list}?area=energi-och-klimat&level=master`);
    try {
      await page.waitForSelector('.search-results:not([hidden]) li');
      const got = await page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(got, want);
      assert.equal(await page.inputValue('#search-area'), 'energi-och-klimat');
      assert.equal(await page.inputValue('#search-level'), 'master');
      const status = await page.textContent('[aria-live="polite"]');
      assert.match(status, new RegExp(`^${want.length} `), `live region says ${JSON.stringify(status)}`);
      assert.equal(await page.isVisible('ul.items:not(.search-results)'), false, 'the paged list is hidden');
      assert.equal(await page.isVisible('nav.pager'), false, 'the pager is hidden');
      const violations = await axe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // The language switch keeps the filter: the list in the other language
  // reads the same keys, so a shared link opened by a reader of the other
  // language, or a switch mid-search, does not lose it.
  test('the language switch carries the filter to the list in the other language', async () => {
    const filter = { area: 'energi-och-klimat', level: 'master' };
    const want = expected('en', 'theses', filter);
    assert.ok(want.length > 0, 'the shipped site has English master theses in energi-och-klimat');
    const { context, page, problems } = await open(`/${secs.theses.sv}/?area=energi-och-klimat&level=master`);
    try {
      await page.waitForSelector('.search-results:not([hidden]) li');
      assert.equal(await page.getAttribute('.lang-switch a[hreflang="en"]', 'href'), `/en/${secs.theses.en}/?area=energi-och-klimat&level=master`);
      await Promise.all([page.waitForURL(`**/en/${secs.theses.en}/?area=energi-och-klimat&level=master`), page.click('.lang-switch a[hreflang="en"]')]);
      await page.waitForSelector('.search-results:not([hidden]) li');
      const got = await page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(got, want);
      // A word typed, then cleared: the switch back follows the URL.
      await page.fill('#search-q', 'data');
      await page.locator('#search-q').blur();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'data');
      assert.equal(await page.getAttribute('.lang-switch a[hreflang="sv"]', 'href'), `/${secs.theses.sv}/?q=data&area=energi-och-klimat&level=master`);
      await page.click('.search-clear');
      await page.waitForFunction(() => location.search === '');
      assert.equal(await page.getAttribute('.lang-switch a[hreflang="sv"]', 'href'), `/${secs.theses.sv}/`);
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // A slow computer draws the form before the script runs: a filter
  // chosen then is applied once the script is in, not lost (it was, until
  // the visitor touched the form again). (On a phone the filters are
  // behind a button that needs the script; what is typed is kept the same
  // way.)
  test('a filter chosen before the script ran is applied', async () => {
    const list = `/${secs.theses.sv}/`;
    const want = expected('sv', 'theses', { area: 'energi-och-klimat' });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const { context, page, problems } = await newPage(browserOf(), site.origin, { viewport: { width: 1280, height: 800 } });
    // After watch's route, so that this one is asked first.
    await context.route('**/assets/search-page.*.js', async (route) => { await held; await route.fallback(); });
    try {
      await page.goto(site.base + list, { waitUntil: 'commit' });
      await page.waitForSelector('#search-area');
      await page.selectOption('#search-area', 'energi-och-klimat');
      assert.equal(new URL(page.url()).search, '', 'the script has not run yet');
      release();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('area') === 'energi-och-klimat');
      await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('.search-results .item-title a')].map((x) => x.getAttribute('href'))) === JSON.stringify(want), want);
    } finally {
      release();
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // A filter chosen is announced even when the count stays the same
  // (another area with as many offers): the live region is written anew,
  // or a screen reader says nothing and the choice seems to do nothing.
  test('a choice that keeps the count is announced again', async () => {
    const list = `/${secs.theses.sv}/`;
    const { context, page, problems } = await open(list);
    try {
      await page.waitForSelector('.search:not([hidden])');
      const values = await page.$$eval('#search-area option', (os) => os.map((o) => o.value).filter(Boolean));
      const byCount = new Map();
      let pair = null;
      for (const v of values) {
        const n = expected('sv', 'theses', { area: v }).length;
        if (n > 0 && byCount.has(n)) pair ??= [byCount.get(n), v, n];
        byCount.set(n, v);
      }
      assert.ok(pair, 'the shipped site has two areas with as many theses');
      const [a, b, n] = pair;
      await page.selectOption('#search-area', a);
      await page.waitForFunction((n) => document.querySelector('.search-status').textContent.trim() === `${n} träffar`, n);
      await page.evaluate(() => {
        window.writes = 0;
        new MutationObserver((ms) => { window.writes += ms.length; })
          .observe(document.querySelector('.search-status'), { childList: true, characterData: true, subtree: true });
      });
      await page.selectOption('#search-area', b);
      await page.waitForFunction((b) => new URLSearchParams(location.search).get('area') === b, b);
      const want = expected('sv', 'theses', { area: b });
      await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('.search-results .item-title a')].map((x) => x.getAttribute('href'))) === JSON.stringify(want), want);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => document.querySelector('.search-status').textContent.trim()), `${n} träffar`);
      assert.ok(await page.evaluate(() => window.writes > 0), `the live region is written again for ${b}, as many as ${a}`);
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // Every filter of the list in both languages, set one after the other
  // on the same page (search.js keeps the nodes of results that stay):
  // each value (the first three of a long list) shows exactly the
  // records of the list that have it, and the count.
  test('every filter in both languages shows the matching records', async () => {
    for (const lang of ['sv', 'en']) {
      const { context, page, problems } = await open(lang === 'sv' ? `/${secs.theses.sv}/` : `/en/${secs.theses.en}/`);
      try {
        await page.waitForSelector('.search:not([hidden])');
        const facets = await page.$$eval('.search-form select', (ss) => ss.map((s) => [s.name, [...s.options].map((o) => o.value).filter(Boolean)]));
        assert.ok(facets.length >= 4, `${lang}: facets ${facets.map((f) => f[0])}`);
        for (const [name, values] of facets) {
          for (const value of values.slice(0, 3)) {
            const want = expected(lang, 'theses', { [name]: value });
            await page.selectOption(`#search-${name}`, value);
            const q = `?${name}=${encodeURIComponent(value)}`;
            await page.waitForFunction((q) => location.search === q && document.querySelector('.search-results').dataset.query === q, q);
            const got = await page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href')));
            const what = `${lang} ${name}=${value}`;
            assert.equal(got.length, Math.min(want.length, 20), what);
            // The first page, open offers first: the records themselves
            // when they fit on it, else records of the list.
            if (want.length <= 20) assert.deepEqual([...got].sort(), [...want].sort(), what);
            else assert.deepEqual(got.filter((u) => !want.includes(u)), [], what);
            assert.match(await page.textContent('[aria-live="polite"]'), new RegExp(`^${want.length} `), what);
            await page.selectOption(`#search-${name}`, '');
            await page.waitForFunction(() => location.search === '' && !document.querySelector('.search-results').hasAttribute('data-query'));
          }
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
  });

  // A keystroke whose results are the ones shown (a space after the word)
  // changes nothing in the list: no node is replaced, none laid out again.
  test('a keystroke that keeps the results keeps their nodes', async () => {
    const { context, page, problems } = await open(`/en/${secs.theses.en}/`);
    try {
      await page.waitForSelector('.search:not([hidden])');
      await page.fill('#search-q', 'data');
      await page.waitForFunction(() => document.querySelector('.search-results').dataset.query === '?q=data');
      const n = await page.evaluate(() => {
        const ul = document.querySelector('.search-results');
        ul.querySelectorAll('li').forEach((li) => { li.kept = true; });
        window.changes = 0;
        new MutationObserver((l) => { window.changes += l.length; }).observe(ul, { childList: true, subtree: true });
        return ul.children.length;
      });
      assert.ok(n > 0, 'results for "data"');
      await page.type('#search-q', ' ');
      // search.js scores and draws in tasks of user-visible priority:
      // after three background tasks they are done.
      const got = await page.evaluate(async () => {
        for (let i = 0; i < 3; i++) await scheduler.postTask(() => {}, { priority: 'background' });
        return { changes: window.changes, kept: [...document.querySelectorAll('.search-results li')].filter((li) => li.kept).length };
      });
      assert.deepEqual(got, { changes: 0, kept: n });
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // A keystroke that reorders the results moves only the ones out of
  // order: the longest run already in the new order stays (a node put
  // back is styled and laid out anew). On the English thesis list "e"
  // and "en" find the same 11 theses, 4 of them (the 2nd, 3rd, 8th and
  // 9th of "e") moved below 6 others; replacing the list moved all 11.
  test('a keystroke that reorders the results moves the fewest nodes', async () => {
    const { context, page, problems } = await open(`/en/${secs.theses.en}/`);
    try {
      const hrefs = () => page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      await page.waitForSelector('.search:not([hidden])');
      await page.fill('#search-q', 'e');
      await page.waitForFunction(() => document.querySelector('.search-results').dataset.query === '?q=e');
      const before = await hrefs();
      await page.evaluate(() => {
        const ul = document.querySelector('.search-results');
        ul.querySelectorAll('li').forEach((li) => { li.kept = true; });
        window.moved = new Set();
        new MutationObserver((l) => l.forEach((r) => r.removedNodes.forEach((n) => { if (n.kept) window.moved.add(n); })))
          .observe(ul, { childList: true });
      });
      await page.type('#search-q', 'n');
      await page.waitForFunction(() => document.querySelector('.search-results').dataset.query === '?q=en');
      const after = await hrefs();
      const got = await page.evaluate(() => ({
        kept: [...document.querySelectorAll('.search-results li')].filter((li) => li.kept).length,
        moved: window.moved.size,
      }));
      assert.deepEqual(
        { before: before.length, after: [...after].sort(), got },
        { before: 11, after: [...before].sort(), got: { kept: 11, moved: 4 } },
      );
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // The URL follows the text typed once typing has paused for two
  // seconds (history.replaceState is a long task on a slow phone), not
  // between keystrokes.
  test('the URL is written once typing pauses', async () => {
    const context = await browserOf().newContext({ viewport: { width: 1280, height: 900 } });
    await context.clock.install({ time: new Date('2026-11-27T12:00:00+01:00') });
    const page = await context.newPage();
    const problems = await watch(context, page, site.origin);
    try {
      await page.goto(`${site.base}/${secs.theses.sv}/`);
      await page.waitForSelector('.search:not([hidden])');
      const shows = (q) => page.waitForFunction((v) => document.querySelector('.search-results').dataset.query === v, q);
      // The first letter writes the URL at once when it is the one that
      // loads the index, else once typing pauses: which, depends on
      // whether the index came before the keystroke.
      await page.type('#search-q', 'e');
      await shows('?q=e');
      await page.type('#search-q', 'nergi');
      await shows('?q=energi');
      const at = [];
      for (const ms of [1500, 600]) {
        await page.clock.runFor(ms);
        at.push(await page.evaluate(() => location.search));
      }
      assert.ok(['', '?q=e'].includes(at[0]), `written before typing paused: ${at[0]}`);
      assert.equal(at[1], '?q=energi');
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // hold keeps the responses of the requests whose URL matches re back
  // until the function it resolves to is called.
  async function hold(page, re) {
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(re, async (route) => { await held; await route.continue(); });
    return release;
  }

  // The first word's term bucket is asked for as soon as the manifest
  // says which it is, not after the list's scope (the larger file) has
  // arrived: one round trip less before the first result.
  test('the bucket of the first word is fetched while the scope is on its way', async () => {
    const { context, page, problems } = await open(`/${secs.theses.sv}/`);
    const release = await hold(page, /\/search\/s\/k-theses\.json$/);
    try {
      await page.waitForSelector('.search:not([hidden])');
      const bucket = page.waitForRequest(/\/search\/t\/\d+\.json$/, { timeout: 10_000 });
      await page.fill('#search-q', 'energi');
      await bucket;
      release();
      await page.waitForFunction(() => document.querySelector('.search-results').dataset.query === '?q=energi');
    } finally {
      release();
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // Results whose chunk is still on its way do not hold back the ones at
  // hand: those are drawn first (the first results, in their order), the
  // rest appended when it arrives; data-query waits for the whole page.
  test('results are drawn as their chunks arrive', async () => {
    const { context, page, problems } = await open(`/${secs.theses.sv}/`);
    const release = await hold(page, /\/search\/r\/1\.json$/);
    try {
      await page.waitForSelector('.search:not([hidden])');
      const want = expected('sv', 'theses', { level: 'master' });
      const { chunk } = JSON.parse(readFileSync(path.join(site.dir, 'search', 'index.json'), 'utf8'));
      const first = JSON.parse(readFileSync(path.join(site.dir, 'search', 'r', '0.json'), 'utf8')).map((r) => r[0]);
      const atHand = want.filter((u) => first.includes(u)).length;
      assert.ok(atHand > 0 && atHand < want.length && want.slice(0, atHand).every((u) => first.includes(u)), `chunk 0 of ${chunk} holds the first results`);
      await page.selectOption('#search-level', 'master');
      const hrefs = () => page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      await page.waitForFunction((n) => document.querySelectorAll('.search-results li').length === n, atHand);
      assert.deepEqual({ shown: await hrefs(), query: await page.getAttribute('.search-results', 'data-query') }, { shown: want.slice(0, atHand), query: null });
      release();
      await page.waitForFunction(() => document.querySelector('.search-results').dataset.query === '?level=master');
      assert.deepEqual(await hrefs(), want);
    } finally {
      release();
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  test('typing and choosing update the results and the URL; clearing restores the page', async () => {
    const list = `/en/${secs.theses.en}/`;
    const { context, page, problems } = await open(list);
    try {
      await page.waitForSelector('.search:not([hidden])');
      const before = await page.$$eval('ul.items:not(.search-results) .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      await page.fill('#search-q', 'data');
      await page.waitForFunction(() => location.search === '?q=data');
      await page.waitForSelector('.search-results:not([hidden]) li');
      await page.selectOption('#search-level', 'master');
      await page.waitForFunction(() => location.search === '?q=data&level=master');
      const got = await page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(got.length > 0 && got.every((u) => u.startsWith('/')), `results ${got}`);
      await page.waitForFunction(() => /match/.test(document.querySelector('[aria-live="polite"]').textContent));
      // Keyboard: the clear button is reachable with Tab from the last control and clears.
      await page.evaluate(() => [...document.querySelectorAll('.search-form select')].pop().focus());
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'search-clear');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.search === '');
      assert.equal(await page.isVisible('.search-results'), false);
      assert.equal(await page.inputValue('#search-q'), '');
      const after = await page.$$eval('ul.items:not(.search-results) .item-title a', (as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(after, before);
      assert.equal(await page.isVisible('ul.items:not(.search-results)'), true);
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // On a phone with the filters open the results are below them, and the
  // keyboard covers the rest of the screen: the keyboard's search key
  // (Enter, which sends the form) moves the focus to the count of the
  // results, closing the keyboard, and brings the count and the first
  // result into view; on a wide screen, where they are in view, the focus
  // stays in the field.
  test('on a phone, Enter in the search field shows the results: the focus on their count', async () => {
    for (const [lang, list, word] of [['sv', `/${secs.theses.sv}/`, 'energi'], ['en', `/en/${secs.theses.en}/`, 'energy']]) {
      const { context, page, problems } = await newPage(browserOf(), site.origin, { ...PHONE, viewport: { width: 375, height: 667 } });
      try {
        await page.goto(site.base + list, { waitUntil: 'load' });
        await page.tap('.search-facets-toggle');
        await page.tap('#search-q');
        await page.keyboard.type(word);
        await page.keyboard.press('Enter');
        const moved = await page
          .waitForFunction(() => document.activeElement === document.querySelector('.search-status'), null, { timeout: 10_000 })
          .then(() => true, () => false);
        assert.ok(moved, `${lang}: Enter moves the focus to the count (it is on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))})`);
        // The page scrolls smoothly (html's scroll-behavior): let it stop.
        await page.waitForFunction(() => new Promise((done) => {
          const y = scrollY;
          setTimeout(() => done(scrollY === y), 200);
        }));
        const got = await page.evaluate(() => {
          const first = document.querySelector('.search-results li');
          const status = document.querySelector('.search-status');
          return {
            count: status.textContent,
            statusTop: Math.round(status.getBoundingClientRect().top),
            firstTop: Math.round(first.getBoundingClientRect().top),
            height: innerHeight,
          };
        });
        assert.match(got.count, lang === 'sv' ? /^[1-9]\d* träff(ar)?$/ : /^[1-9]\d* match(es)?$/, `${lang}: ${got.count}`);
        assert.ok(got.statusTop >= 0 && got.firstTop < got.height - 100, `${lang}: the count (${got.statusTop} px) and the first result (${got.firstTop} px) are in the ${got.height} px window`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    // On a wide screen the results are in view: the focus stays in the field.
    const { context, page, problems } = await open(`/${secs.theses.sv}/`);
    try {
      await page.click('#search-q');
      await page.keyboard.type('energi');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /träff/.test(document.querySelector('.search-status').textContent));
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // On a phone the filters are behind the button "Filter", closed at
  // first, so that what the search field finds is in view above the
  // keyboard: the count and the first result follow the field (they were
  // below the four rows of filters, under the keyboard). The button opens
  // and closes the filters and says how many are set; on a wide screen
  // the filters are always shown and the button is not.
  test('on a phone the filters are behind a button, and the results follow the search field', async () => {
    const { context, page, problems } = await newPage(browserOf(), site.origin, { ...PHONE, viewport: { width: 375, height: 667 } });
    try {
      await page.goto(`${site.base}/${secs.theses.sv}/`, { waitUntil: 'load' });
      const toggle = page.locator('.search-facets-toggle');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.isVisible('#search-area'), false, 'the filters are closed at first');
      await page.tap('#search-q');
      await page.keyboard.type('energi');
      await page.waitForSelector('.search-results:not([hidden]) li');
      const gap = await page.evaluate(() => Math.round(document.querySelector('.search-results li').getBoundingClientRect().top -
        document.querySelector('#search-q').getBoundingClientRect().bottom));
      assert.ok(gap <= 160, `the first result is ${gap} px below the search field`);
      await toggle.tap();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.isVisible('#search-area'), true, 'the button opens the filters');
      await page.selectOption('#search-area', 'energi-och-klimat');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('area') === 'energi-och-klimat');
      await toggle.tap();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.isVisible('#search-area'), false, 'and closes them');
      assert.equal(await toggle.textContent(), 'Filter\u00a0(1)', 'the button says a filter is set');
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.equal(await page.isVisible('#search-area'), true, 'on a wide screen the filters are shown');
      assert.equal(await toggle.isVisible(), false, 'and the button is not');
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  // A kind list searches its current records only: when nothing matches,
  // "no matches" comes with the link to the kind's archive, in the
  // page's language; a search that matches hides it again.
  test('a search that finds nothing links to the archive', async () => {
    for (const [lang, list, archive, none] of [
      ['sv', `/${secs.theses.sv}/`, `/${secs.theses.sv}/arkiv/`, 'Inga träffar'],
      ['en', `/en/${secs.theses.en}/`, `/en/${secs.theses.en}/archive/`, 'No matches'],
    ]) {
      const { context, page, problems } = await open(`${list}?q=zzxqvw`);
      try {
        await page.waitForFunction((none) => document.querySelector('[aria-live="polite"]').textContent === none, none);
        assert.equal(await page.isVisible('.search-archive'), true, `${lang}: the archive link is shown`);
        assert.equal(await page.getAttribute('.search-archive a', 'href'), archive, lang);
        assert.equal(await page.isVisible('.search-results'), false, lang);
        const violations = await axe(page);
        assert.equal(violations.length, 0, formatViolations(violations));
        await page.fill('#search-q', 'data');
        await page.waitForSelector('.search-results:not([hidden]) li');
        assert.equal(await page.isVisible('.search-archive'), false, `${lang}: hidden once something matches`);
        await page.fill('#search-q', 'zzxqvw');
        await page.waitForSelector('.search-archive:not([hidden])');
        await page.click('.search-clear');
        await page.waitForFunction(() => location.search === '');
        assert.equal(await page.isVisible('.search-archive'), false, `${lang}: hidden once the search is cleared`);
        await page.fill('#search-q', 'zzxqvw');
        await page.click('.search-archive a');
        await page.waitForURL(site.base + archive);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
  });

  test('area pages filter by kind', async () => {
    const { context, page, problems } = await open('/omraden/energi-och-klimat/?kind=lectures');
    try {
      await page.waitForSelector('.search-results:not([hidden]) li');
      const kinds = await page.$$eval('.search-results li', (lis) => lis.map((li) => li.className));
      assert.ok(kinds.every((c) => c.includes('item-lectures')), kinds.join(', '));
      assert.equal(await page.isVisible('section.group'), false);
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });
});
