// A count that a script writes again keeps the form the build gave it:
// site.js lowers a kind's count when an offer's deadline passes after the
// build, and writes it grouped by thousands in the page's language as the
// browser's Intl.NumberFormat does, the form the build writes its counts
// in (render.Templates.Count, whose Go test asserts the same texts):
// "1 234 erbjudanden" with a no-break space, "1,234 offers". The scripts
// group by hand with the separator the build gives (data-group), never
// with toLocaleString: its first call readies the browser's locale data,
// 30-120 ms of the main thread while the page loads (four times that on
// Lighthouse's phone), which took the filtered thesis list under 95.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser, watch } from '../lib/browser.js';
import { NOW, suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

/** countLocaleCalls, run before the page's scripts, counts in window.localeCalls the calls of toLocaleString. */
function countLocaleCalls() {
  window.localeCalls = 0;
  for (const proto of [Number.prototype, Date.prototype, Array.prototype]) {
    const own = proto.toLocaleString;
    proto.toLocaleString = function (...args) {
      window.localeCalls++;
      return own.apply(this, args);
    };
  }
}

suite('counts written again by a script', skip, () => {
  const browser = useBrowser(() => site?.stop());

  for (const [lang, prefix, want] of [['sv', '', '1\u00a0234 erbjudanden'], ['en', '/en', '1,234 offers']]) {
    test(`${lang}: a list's count that site.js lowers past a deadline is grouped as the build groups a count`, async () => {
      // A minute after the soonest deadline of the thesis list the offers
      // due by then leave it; its data-count, made 1234 more than those,
      // then reads 1234.
      const list = `${prefix}/${secs.theses[lang]}/`;
      const html = readFileSync(path.join(site.dir, ...list.split('/').filter(Boolean), 'index.html'), 'utf8');
      const deadlines = [...html.matchAll(/<li class="item item-theses"[^>]* data-deadline="([^"]+)"/g)].map((m) => Date.parse(m[1]));
      assert.ok(deadlines.length > 0, `open theses in ${list}`);
      const later = Math.min(...deadlines) + 60_000;
      const gone = deadlines.filter((d) => d <= later).length;
      const count = /(<span class="count" data-count=")\d+"/;
      assert.match(html, count);
      const { context, page, problems } = await newPage(browser(), site.origin, { clock: later, init: countLocaleCalls });
      // After watch's route, so that this one runs first.
      await context.route(site.base + list, async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: (await res.text()).replace(count, `$1${1234 + gone}"`) });
      });
      try {
        assert.equal((await page.goto(site.base + list, { waitUntil: 'load' })).status(), 200, list);
        assert.equal(await page.textContent('.list-head .count'), want);
        assert.equal(await page.evaluate(() => window.localeCalls), 0, 'calls of toLocaleString');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }

  for (const [lang, prefix, zero, empty] of [
    ['sv', '', '0 praktikplatser', 'Just nu finns inga lediga praktikplatser. Titta gärna in igen snart – nya platser publiceras löpande.'],
    ['en', '/en', '0 internships', 'There are no open internships at the moment. Please check back soon – new internships are published regularly.'],
  ]) {
    test(`${lang}: a list whose offers have all closed since the build says it is empty, as the next build does`, async () => {
      // A minute after the latest deadline of the internship list every
      // offer has left it: its count reads 0 and the build's text of an
      // empty list, hidden until then, shows.
      const list = `${prefix}/${secs.internships[lang]}/`;
      const html = readFileSync(path.join(site.dir, ...list.split('/').filter(Boolean), 'index.html'), 'utf8');
      const deadlines = [...html.matchAll(/<li class="item item-internships"[^>]* data-deadline="([^"]+)"/g)].map((m) => Date.parse(m[1]));
      assert.ok(deadlines.length > 0, `open internships in ${list}`);
      assert.doesNotMatch(html, /class="pager"/, `${list} has one page`);
      const { context, page, problems } = await newPage(browser(), site.origin, { clock: Math.max(...deadlines) + 60_000 });
      try {
        assert.equal((await page.goto(site.base + list, { waitUntil: 'load' })).status(), 200, list);
        assert.equal(await page.textContent('.list-head .count'), zero);
        assert.equal(await page.locator('ul.items > li:visible').count(), 0, 'items shown');
        assert.deepEqual(await page.locator('p.empty:visible').allTextContents(), [empty]);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });

    test(`${lang}: the internship list read on the day of the build hides the text of an empty list`, async () => {
      const list = `${prefix}/${secs.internships[lang]}/`;
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      await context.clock.setFixedTime(new Date(`${NOW}T12:00:00Z`));
      const page = await context.newPage();
      try {
        assert.equal((await page.goto(site.base + list, { waitUntil: 'load' })).status(), 200, list);
        assert.equal(await page.locator('p.empty:visible').count(), 0, 'empty text shown');
      } finally {
        await context.close();
      }
    });
  }

  for (const [lang, prefix] of [['sv', ''], ['en', '/en']]) {
    test(`${lang}: the thesis list opened with a filter in its URL says its count without toLocaleString`, async () => {
      const list = `${prefix}/${secs.theses[lang]}/?area=energi-och-klimat&level=master`;
      const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
      await context.addInitScript(countLocaleCalls);
      const page = await context.newPage();
      const problems = await watch(context, page, site.origin);
      try {
        assert.equal((await page.goto(site.base + list, { waitUntil: 'load' })).status(), 200, list);
        await page.waitForFunction(() => /\d/.test(document.querySelector('.search-status').textContent));
        assert.equal(await page.evaluate(() => window.localeCalls), 0, 'calls of toLocaleString');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }
});
