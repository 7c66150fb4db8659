// Search pages in Debian's chromium through nginx, days after the build
// and where the script cannot run: offers whose deadline passed and
// lectures that ended after the build are marked so in the browser (their
// lists, counts and links); in a browser the script cannot run in, or
// when the index cannot be loaded, or without JavaScript, the list is as
// built and the form hidden or replaced by the browse links.
// (search.test.js has the search and filters themselves.)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { describeProblems, newPage, openPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

suite('search after the build and without the script', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  const open = (url, options) => openPage(browserOf(), site, url, options);

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
      // An area's page lists closed offers too: there it stays, marked
      // closed, as the next build will show it, and its group's count holds.
      const area = /data-areas="([^" ]+)/.exec(m[0])[1];
      const { context, page, problems } = await open(`/omraden/${area}/`, { clock: later });
      try {
        const item = `section.group ul.items a[href="${href}"]`;
        assert.equal(await page.isVisible(item), true, 'site.js keeps it on the area page');
        const mark = await page.$eval(item, (a) => a.closest('li').querySelector('.mark-closed')?.textContent);
        assert.equal(mark, 'Stängt', 'ett exjobb');
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
        assert.equal(mark, 'Stängt', 'ett exjobb');
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

  test('a lecture that ended after the build is marked past in its list, reads held, and loses its links to register and to add it to a calendar', async () => {
    // The first upcoming lecture of the build with a link to register ends
    // at its data-end: its page then shows what the next build writes, the
    // notice that it was held and no link to register or to add it to a
    // calendar, which the build leaves out of a past lecture's page.
    const list = `/${secs.lectures.sv}/`;
    const html = readFileSync(path.join(site.dir, secs.lectures.sv, 'index.html'), 'utf8');
    const m = /<li class="item item-lectures" data-end="([^"]+)"[^>]*>\s*<h2 class="item-title"><a href="([^"]+)">/.exec(html);
    assert.ok(m, `an upcoming lecture in ${list}`);
    const [, end, href] = m;
    const later = new Date(Date.parse(end) + 60_000).toISOString();
    {
      // In the list it is marked past as the build marks it in the archive
      // (mark-past, grey), not as a closed offer (mark-closed, red).
      const { context, page, problems } = await open(list, { clock: later });
      try {
        const mark = await page.$eval(`ul.items:not(.search-results) a[href="${href}"]`, (a) => {
          const m = a.closest('li').querySelector('.mark');
          return m && `${m.className}: ${m.textContent}`;
        });
        assert.equal(mark, 'mark mark-past: Genomförd');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    const { context, page, problems } = await open(href, { clock: later });
    try {
      assert.equal(await page.isVisible('.notice-past'), true, 'the notice that it was held');
      assert.equal((await page.textContent('article.record dd[data-when-passed]')).trim(), 'Genomförd', 'its status: held, as the next build says');
      assert.equal(await page.locator('a.ics').count(), 1, 'the built page has a link to add it to a calendar');
      assert.equal(await page.isVisible('a.ics'), false, 'site.js hides it');
      assert.equal(await page.locator('.fact-apply a[href^="https:"]').count(), 1, 'the built page has a link to register');
      assert.equal(await page.isVisible('.fact-apply a[href^="https:"]'), false, 'site.js hides it');
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  test('in a browser the script cannot run in, the form is hidden and the list is as built', async () => {
    const { context, page } = await open(`/${secs.theses.sv}/`, { js: true, init: () => { delete window.fetch; } });
    try {
      await page.waitForSelector('.search', { state: 'hidden' });
      assert.equal(await page.isVisible('ul.items:not(.search-results)'), true);
      await page.waitForSelector('nav.browse summary', { state: 'visible' });
    } finally {
      await context.close();
    }
  });

  // A dropped connection: the index does not come, the form goes, and
  // the links that stand in for it without JavaScript come in its place,
  // each to an area's, host's or school's section of theses.
  test('when the index cannot be loaded, the browse links take the form\'s place', async () => {
    const { context, page } = await newPage(browserOf(), site.origin, { viewport: { width: 375, height: 800 } });
    await context.route('**/search/s/*.json', (route) => route.abort('connectionfailed'));
    try {
      await page.goto(`${site.base}/${secs.theses.sv}/`);
      await page.fill('#search-q', 'energi');
      await page.waitForSelector('.search', { state: 'hidden' });
      await page.waitForSelector('nav.browse summary', { state: 'visible' });
      const hrefs = await page.$$eval('nav.browse a', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes('/omraden/energi-och-klimat/#kind-theses'), `an area's link to its theses: ${hrefs.slice(0, 5).join(', ')}`);
      assert.equal(await page.locator('nav.browse').count(), 1);
      assert.equal(await page.isVisible('ul.items:not(.search-results)'), true);
    } finally {
      await context.close();
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
