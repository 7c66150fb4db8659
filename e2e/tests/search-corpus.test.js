// The student flow of the search on a large synthetic site (mkcorpus.py,
// E2E_CORPUS records, 10,000 by default) at 375 px through nginx with
// deploy/nginx.conf: a page of 20 results with "show more", the count in
// the live region, "show more" as large as the form's controls, a filter,
// diacritics forgiven, and what the first
// keystroke transfers on the throttled phone profile within the budget
// (150 KB at 10,000 records). Times are measured by e2e/bench/search.js,
// never asserted here.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { describeProblems, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { buildCorpus, mkcorpus } from '../lib/corpus.js';
import { missing, suite } from '../lib/env.js';
import { serveBuilt } from '../lib/harness.js';
import { measureSearch } from '../lib/measure.js';

const N = Number(process.env.E2E_CORPUS || 10_000);
const skip = missing('chromium', 'nginx', 'go') || (mkcorpus() ? null : 'mkcorpus.py not found (set E2E_MKCORPUS)');
// BUDGET is the most the first keystroke may transfer, search code included.
const BUDGET = N > 10_000 ? 250_000 : 150_000;

suite(`search on a site of ${N} records`, skip, () => {
  let srv;
  before(async () => {
    srv = await serveBuilt(await buildCorpus(N));
  });
  const browserOf = useBrowser(() => srv?.stop());

  test('a student searches the theses on a phone: 20 at a time, the count announced, a filter, diacritics forgiven', async () => {
    const { context, page, problems } = await newPage(browserOf(), srv.origin, PHONE);
    try {
      await page.goto(`${srv.base}/exjobb/`, { waitUntil: 'load' });
      await page.fill('#search-q', 'matning');
      await page.waitForSelector('.search-results:not([hidden]) li');
      // A count of 1000 or more is grouped with a no-break space: "1 234 träffar".
      await page.waitForFunction(() => /^\d{1,3}(\u00a0\d{3})* träffar$/.test(document.querySelector('.search-status').textContent));
      const status = await page.textContent('.search-status');
      const total = Number(status.split(' ')[0].replaceAll('\u00a0', ''));
      assert.ok(total > 20, `status ${status}`);
      assert.equal(await page.$$eval('.search-results li', (l) => l.length), 20);
      // The same records as the spelling with diacritics.
      await page.fill('#search-q', 'mätning');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'mätning');
      await page.waitForFunction((s) => document.querySelector('.search-status').textContent === s, status);
      // Show more: a button as large as the form's controls (a touch
      // target on a phone, not the browser's 21 px button), then the next
      // 20, and the focus on the first of them.
      const sizes = await page.evaluate(() => [
        document.querySelector('.search-more button').getBoundingClientRect().height,
        document.querySelector('#search-q').getBoundingClientRect().height,
        getComputedStyle(document.querySelector('.search-more button')).fontSize,
        getComputedStyle(document.body).fontSize,
      ]);
      assert.ok(sizes[0] >= sizes[1], `"show more" is ${sizes[0]} px tall, the search field ${sizes[1]} px`);
      assert.equal(sizes[2], sizes[3], '"show more" is in the text size of the page');
      await page.click('.search-more button');
      await page.waitForFunction(() => document.querySelectorAll('.search-results li').length === 40);
      assert.equal(await page.evaluate(() => document.activeElement.closest('li') === document.querySelectorAll('.search-results li')[20]), true);
      // A filter narrows the matches: every result is at that level. On
      // a phone the filters are behind the button "Filter", which then
      // says one is set.
      await page.tap('.search-facets-toggle');
      await page.selectOption('#search-level', 'master');
      await page.waitForFunction(() => document.querySelector('.search-facets-toggle').textContent === 'Filter\u00a0(1)');
      await page.waitForFunction(() => location.search.includes('level=master'));
      await page.waitForFunction((s) => document.querySelector('.search-status').textContent !== s, status);
      const levels = await page.$$eval('.search-results li dl', (dls) => dls.map((dl) => dl.textContent));
      assert.ok(levels.length > 0 && levels.every((t) => /Master/.test(t)), levels.slice(0, 3).join(' | '));
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  test(`the first keystroke transfers at most ${BUDGET / 1000} KB, search code included`, async () => {
    for (const [url, q] of [['/exjobb/', 'energi'], ['/en/theses/', 'energy']]) {
      const m = await measureSearch(browserOf(), srv.base + url, q);
      assert.ok(m.bytes + m.code <= BUDGET, `${url}: ${m.bytes} + ${m.code} bytes`);
      assert.ok(m.shown > 0 && m.shown <= 20, `${url}: ${m.shown} results drawn`);
    }
  });
});
