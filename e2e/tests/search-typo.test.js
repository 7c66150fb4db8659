// A slip in a word of the search (templates/assets/search.js,
// nearSpellings) in Debian's chromium through nginx: "skyfallsmodelering"
// on the Swedish thesis list and "sensro" on the English one find the
// offer the student meant, the results say how the query was looked for
// ("Visar träffar för skyfallsmodellering"), the live region says it
// after the count (for screen readers only: it shows the count), and the slip fetches no file more than the word
// spelled right. A slip in the first two letters ("ksyfallsmodellering",
// "snesor") fetches at most three term buckets more, each once.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblems, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

suite('a slip in a search word', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  // search types q into the list's search field on a fresh page and
  // returns the results' links, the note, the live region and the index
  // files fetched.
  async function search(list, q) {
    const { context, page, problems } = await newPage(browserOf(), site.origin, PHONE);
    const files = [];
    page.on('request', (r) => { if (/\/search\/.*\.json$/.test(r.url())) files.push(new URL(r.url()).pathname.replace(/^.*\/search\//, '')); });
    try {
      await page.goto(site.base + list, { waitUntil: 'load' });
      await page.fill('#search-q', q);
      await page.waitForFunction((v) => document.querySelector('.search-results').dataset.query === '?q=' + v, encodeURIComponent(q).replace(/%20/g, '+'));
      await page.waitForFunction(() => /\S/.test(document.querySelector('.search-status').textContent));
      const got = {
        links: await page.$$eval('.search-results .item-title a', (as) => as.map((a) => a.getAttribute('href'))),
        note: await page.$eval('.search-corrected', (p) => (p.hidden ? '' : p.textContent)),
        bold: await page.$eval('.search-corrected', (p) => p.querySelector('strong')?.textContent || ''),
        status: await page.textContent('.search-status'),
        // What of it is not shown: the note, which the page shows below.
        unseen: await page.$eval('.search-status', (p) => p.querySelector('.visually-hidden')?.textContent || ''),
      };
      // The result chunks, which the fetch ahead also asks for, apart.
      got.files = files.filter((f) => !/^r\//.test(f)).sort();
      return got;
    } finally {
      await context.close();
      assert.deepEqual(describeProblems(problems), []);
    }
  }

  test('a slip finds the offer meant, says so, and fetches nothing more', async () => {
    for (const [list, typo, right, note, status] of [
      [`/${secs.theses.sv}/`, 'skyfallsmodelering', 'skyfallsmodellering', 'Visar träffar för skyfallsmodellering', /^1 träff\. Visar träffar för skyfallsmodellering$/],
      [`/en/${secs.theses.en}/`, 'sensro', 'sensor', 'Showing results for sensor', /^\d+ match(es)?\. Showing results for sensor$/],
    ]) {
      const slip = await search(list, typo);
      const spelled = await search(list, right);
      assert.ok(slip.links.length > 0, `${list}?q=${typo} finds nothing`);
      assert.deepEqual(slip.links, spelled.links, `${list}?q=${typo}`);
      assert.equal(slip.note, note);
      assert.equal(slip.bold, right);
      assert.match(slip.status, status);
      assert.equal(slip.unseen, '. ' + note, 'the live region shows the count, not the note twice');
      assert.equal(spelled.note, '', `${list}?q=${right} is not corrected`);
      // The manifest, the scope and the one bucket of both words.
      const uniq = (fs) => [...new Set(fs)];
      assert.equal(uniq(slip.files).length, 3, `${list}?q=${typo} fetched ${slip.files}`);
      assert.deepEqual(uniq(slip.files), uniq(spelled.files), `${list}: the files of ${typo} and ${right}`);
    }
  });

  // A slip in the first two letters (search.js, farther): the word is
  // looked for in the buckets of the beginnings it most likely had, at
  // most three more, each fetched once; the word spelled right fetches
  // its own bucket only.
  test('a slip in the first two letters finds the offer meant, says so, and fetches at most three buckets more', async () => {
    for (const [list, typo, right, note] of [
      [`/${secs.theses.sv}/`, 'ksyfallsmodellering', 'skyfallsmodellering', 'Visar träffar för skyfallsmodellering'],
      [`/en/${secs.theses.en}/`, 'snesor', 'sensor', 'Showing results for sensor'],
    ]) {
      const slip = await search(list, typo);
      const spelled = await search(list, right);
      assert.ok(slip.links.length > 0, `${list}?q=${typo} finds nothing`);
      assert.deepEqual(slip.links, spelled.links, `${list}?q=${typo}`);
      assert.equal(slip.note, note);
      assert.equal(slip.bold, right);
      assert.equal(slip.unseen, '. ' + note);
      assert.equal(spelled.note, '', `${list}?q=${right} is not corrected`);
      const buckets = (fs) => fs.filter((f) => /^t\//.test(f));
      assert.equal(buckets(spelled.files).length, 1, `${list}?q=${right} fetched ${spelled.files}`);
      assert.equal(new Set(slip.files).size, slip.files.length, `${list}?q=${typo} fetched a file twice: ${slip.files}`);
      const more = buckets(slip.files).length - 1;
      assert.ok(more >= 1 && more <= 3, `${list}?q=${typo} fetched ${slip.files}`);
      assert.ok(buckets(spelled.files).every((f) => slip.files.includes(f)), `${list}: ${typo} fetched ${slip.files}, not the bucket of ${right}`);
    }
  });
});
