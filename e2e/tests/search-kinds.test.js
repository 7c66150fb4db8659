// A word of the search that names another kind (templates/assets/search.js,
// elsewhere) in Debian's chromium through nginx: "praktik" on the Swedish
// thesis list, "thesis" on the English internship list, "lecture" on the
// English thesis list offer, below the count, a link to that kind's list
// in the page's language, whether or not the list has matches; the live
// region says the count only; a word that names nothing, or clearing the
// search, takes the link away; without JavaScript nothing of it shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { axe, describeProblems, formatViolations, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

suite('a search word that names another kind', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  // open opens list on a phone.
  async function open(list, js = true) {
    const { context, page, problems } = await newPage(browserOf(), site.origin, { ...PHONE, javaScriptEnabled: js });
    await page.goto(site.base + list, { waitUntil: 'load' });
    return { context, page, problems };
  }

  // typed types q and waits for its results and count.
  async function typed(page, q) {
    await page.fill('#search-q', q);
    await page.waitForFunction((v) => document.querySelector('.search-results').dataset.query === '?q=' + v, encodeURIComponent(q).replace(/%20/g, '+'));
    await page.waitForFunction(() => /\S/.test(document.querySelector('.search-status').textContent));
  }

  test('the list of the kind named is offered, in the page\'s language', async () => {
    for (const [list, q, text, name, href, count] of [
      [`/${secs.theses.sv}/`, 'praktik', 'Letar du efter praktik? Lediga praktikplatser', 'Lediga praktikplatser', `/${secs.internships.sv}/`, /^(\d+ träffa?r?|Inga träffar)$/],
      [`/en/${secs.internships.en}/`, 'thesis', 'Looking for degree projects? Open degree projects', 'Open degree projects', `/en/${secs.theses.en}/`, /^(\d+ match(es)?|No matches)$/],
      [`/en/${secs.theses.en}/`, 'lecture', 'Looking for guest lectures? Upcoming guest lectures', 'Upcoming guest lectures', `/en/${secs.lectures.en}/`, /^(\d+ match(es)?|No matches)$/],
    ]) {
      const { context, page, problems } = await open(list);
      try {
        await typed(page, q);
        await page.waitForSelector('.search-elsewhere:not([hidden])');
        assert.equal((await page.textContent('.search-elsewhere')).trim(), text, `${list}?q=${q}`);
        const link = page.getByRole('link', { name });
        assert.equal(await link.getAttribute('href'), href, `${list}?q=${q}`);
        assert.equal(await link.isVisible(), true, `${list}?q=${q}: the link is in view`);
        // The live region says the count, nothing of the offer.
        await page.waitForTimeout(700);
        assert.match(await page.textContent('.search-status'), count, `${list}?q=${q}: the live region`);
        // Below the count, above the results.
        assert.equal(await page.$eval('.search-elsewhere', (e) => !!(document.querySelector('.search-status').compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
        const violations = await axe(page);
        assert.equal(violations.length, 0, formatViolations(violations));
        // A word that names nothing takes it away; so does clearing.
        await typed(page, 'energi');
        await page.waitForSelector('.search-elsewhere', { state: 'hidden' });
        await typed(page, q);
        await page.waitForSelector('.search-elsewhere:not([hidden])');
        await page.fill('#search-q', '');
        await page.waitForSelector('.search-results', { state: 'hidden' });
        assert.equal(await page.isVisible('.search-elsewhere'), false, `${list}: hidden once the search is cleared`);
        await typed(page, q);
        await link.click();
        await page.waitForURL(site.base + href);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
  });

  test('with matches, the offer is made below the count, and the other words go along', async () => {
    const { context, page, problems } = await open(`/${secs.theses.sv}/`);
    try {
      await typed(page, 'praktik energi');
      await page.waitForSelector('.search-elsewhere:not([hidden])');
      assert.equal(await page.getAttribute('.search-elsewhere a', 'href'), `/${secs.internships.sv}/?q=energi`);
      await typed(page, 'data');
      await page.waitForSelector('.search-results:not([hidden]) li');
      await typed(page, 'data praktik');
      await page.waitForSelector('.search-elsewhere:not([hidden])');
      assert.equal(await page.getAttribute('.search-elsewhere a', 'href'), `/${secs.internships.sv}/?q=data`);
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  test('without JavaScript nothing is offered', async () => {
    const { context, page } = await open(`/${secs.theses.sv}/?q=praktik`, false);
    try {
      assert.equal(await page.isVisible('.search-elsewhere'), false);
      assert.equal(await page.isVisible('.search'), false);
    } finally {
      await context.close();
    }
  });
});
