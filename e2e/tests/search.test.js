// Search and filters (templates/assets/search.js) in Debian's chromium
// through nginx: a shared filtered link shows exactly the matching records
// of the list, the pager and paged list are hidden, the count is in
// the aria-live region, the URL follows the filter, clearing restores the
// page, no axe-core violations with a filter set, nothing without
// JavaScript; and offers whose deadline passed after the build are marked
// closed in the browser.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { axe, describeProblems, fixClock, formatViolations, launch, watch } from '../lib/browser.js';
import { missing, suite } from '../lib/env.js';
import { served } from '../lib/harness.js';
import { sections } from '../lib/site.js';

const skip = missing('chromium', 'nginx', 'go');
const site = skip ? null : await served();

// expected reads the built index and returns the URLs a kind list shows
// for a filter, from the list's scope file and the result chunks
// (independent of search.js).
function expected(lang, kind, filter) {
  const dir = lang === 'sv' ? path.join(site.dir, 'search') : path.join(site.dir, lang, 'search');
  const read = (p) => JSON.parse(readFileSync(path.join(dir, p), 'utf8'));
  const { chunk } = read('index.json');
  const { t, d } = read(`s/k-${kind}.json`);
  let prev = -1;
  return d
    .map((r) => {
      prev += r[0] + 1;
      return { id: prev, areas: r[2].map((i) => t.area[i]), level: t.level[r[5]] };
    })
    .filter((it) => !filter.area || it.areas.includes(filter.area))
    .filter((it) => !filter.level || it.level === filter.level)
    .map((it) => read(`r/${Math.floor(it.id / chunk)}.json`)[it.id % chunk][0]);
}

suite('search and filters in the browser', skip, () => {
  let browser;
  const secs = skip ? {} : sections();
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(url, { clock = null, js = true } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
    if (clock) await context.clock.setFixedTime(new Date(clock));
    else await fixClock(context);
    const page = await context.newPage();
    const problems = await watch(context, page, site.origin);
    const res = await page.goto(site.base + url, { waitUntil: 'load' });
    assert.equal(res.status(), 200, url);
    return { context, page, problems };
  }

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

  test('an offer whose deadline passed after the build leaves the open list, its count and its apply link', async () => {
    // The first open thesis of the build closes at its data-deadline.
    const list = `/${secs.theses.sv}/`;
    const html = readFileSync(path.join(site.dir, secs.theses.sv, 'index.html'), 'utf8');
    const m = /<li class="item item-theses"[^>]* data-deadline="([^"]+)"[^>]*>\s*<h2 class="item-title"><a href="([^"]+)">([^<]+)</.exec(html);
    assert.ok(m, 'an open thesis with data-deadline');
    const [, deadline, href, title] = m;
    const total = Number(/<span class="count" data-count="(\d+)"/.exec(html)[1]);
    const later = new Date(Date.parse(deadline) + 60_000).toISOString();
    const word = title.split(/\s+/)[0];
    {
      const { context, page, problems } = await open(list, { clock: later });
      try {
        assert.equal(await page.isVisible(`ul.items:not(.search-results) a[href="${href}"]`), false, 'site.js takes it out of the list');
        assert.equal(await page.textContent('.list-head .count'), `${total - 1} erbjudanden`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    {
      const { context, page, problems } = await open(`${list}?q=${encodeURIComponent(word)}`, { clock: later });
      try {
        await page.waitForSelector('.search-results:not([hidden]) li');
        const mark = await page.$eval(`.search-results a[href="${href}"]`, (a) => a.closest('li').querySelector('.mark-closed')?.textContent);
        assert.equal(mark, 'Stängd');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    {
      const { context, page, problems } = await open(href, { clock: later });
      try {
        assert.equal(await page.isVisible('.notice-closed'), true, 'the closed notice');
        assert.equal(await page.locator('.fact-apply').count(), 1, 'the built page has a link to apply');
        assert.equal(await page.isVisible('.fact-apply'), false, 'site.js hides it');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
  });

  test('without JavaScript the form stays hidden and the list is as built', async () => {
    const { context, page } = await open(`/${secs.theses.sv}/?area=energi-och-klimat`, { js: false });
    try {
      assert.equal(await page.isVisible('.search'), false);
      assert.equal(await page.isVisible('ul.items:not(.search-results)'), true);
    } finally {
      await context.close();
    }
  });
});
