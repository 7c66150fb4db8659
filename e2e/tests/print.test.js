// Staff print agreements: with the print style sheet (emulated print
// media), an agreement's page and the agreements list leave out the site's
// chrome (skip link, navigation, language switch, breadcrumbs, search,
// feeds), write out where the signed PDF is, drop the calendar link that
// does nothing on paper, and say the page's own address in its language;
// and Chromium prints the page to a PDF that holds those addresses.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

const ORIGIN = 'https://samverkan.example.se';

suite('print', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  async function printed(t, path) {
    const { context, page, problems } = await newPage(browserOf(), site.origin);
    t.after(() => context.close());
    await page.goto(site.base + path);
    await page.emulateMedia({ media: 'print' });
    return { page, problems };
  }

  const shown = (page, sel) =>
    page.$$eval(sel, (els) => els.some((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'));

  const chrome = ['.skip', '.primary', '.lang-switch', '.crumbs', 'form[role="search"]', '.feed'];

  for (const [lang, path, label] of [
    ['sv', `/${secs.agreements?.sv}/ramavtal-uppdragsutbildning/`, 'Utskrift av'],
    ['en', `/en/${secs.agreements?.en}/ramavtal-uppdragsutbildning/`, 'Printed from'],
  ]) {
    test(`an agreement's page (${lang}) prints without chrome, with the PDF's and its own address`, async (t) => {
      const { page, problems } = await printed(t, path);
      for (const sel of chrome) assert.equal(await shown(page, sel), false, `${sel} is not printed`);
      const source = page.locator('.print-source');
      assert.ok(await source.isVisible(), 'the page says its address on paper');
      assert.equal((await source.innerText()).trim(), `${label} ${ORIGIN}${path}`);
      const pdfURL = await page.$eval('a.file', (a) => getComputedStyle(a, '::after').content);
      assert.match(pdfURL, new RegExp(`${ORIGIN}${path}ramavtal-uppdragsutbildning\\.pdf`), 'the signed PDF\'s address is written out');
      assert.equal(await shown(page, 'a.ics'), false, 'the link to add the notice day to a calendar is not printed');
      assert.ok(await shown(page, '.facts'), 'the facts are printed');
      const lines = describeProblems(problems);
      assert.equal(lines.length, 0, lines.join('\n'));
    });
  }

  test('the agreements list prints without its search form, with its address', async (t) => {
    const path = `/${secs.agreements.sv}/`;
    const { page } = await printed(t, path);
    for (const sel of chrome) assert.equal(await shown(page, sel), false, `${sel} is not printed`);
    assert.equal((await page.locator('.print-source').innerText()).trim(), `Utskrift av ${ORIGIN}${path}`);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.match(pdf, /^%PDF-/, 'Chromium prints the list to a PDF');
  });
});
