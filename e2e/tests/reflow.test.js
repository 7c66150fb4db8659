// Reflow (WCAG 1.4.10) with long words: a site with a record whose title
// has a long Swedish compound and a host organisation with one in its
// name, at 320 px (a phone, or 1280 px at 400 % zoom). No page the record
// or the organisation appears on may be wider than the viewport: every
// long word wraps in the breadcrumbs, headings, facts and lists. The
// sample site's words are short enough for 375 px (tests/pages.test.js).
//
// Text resized to 200 % (WCAG 1.4.4; the browser's default font size at
// 32 px, as a reader who set large text has it) on a 375 px phone: no
// text of the header and the breadcrumbs is drawn over another (the site
// title under the language switch, the lines of the breadcrumbs), and
// nothing is wider than the phone.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { missing, suite } from '../lib/env.js';
import { serveBuilt } from '../lib/harness.js';
import { overflow } from '../lib/layout.js';
import { buildVariant } from '../lib/variant.js';

const skip = missing('chromium', 'nginx', 'go');
const WIDTH = 320;

const ORG = `
[organisations.markanvisning]
sv = "Exploateringskontorets Markanvisningsförhandlingsavdelning"
en = "Development Administration, Land Allocation Negotiations"
type = "city-administration"
`;

const record = (title, summary) => `+++
title = "${title}"
summary = "${summary}"
date = 2026-10-01
areas = ["energi-och-klimat"]
host = "markanvisning"
level = "master"
credits = 30
deadline = 2027-01-31
schools = ["itm"]
language = ["sv", "en"]
apply = "https://example.se/ansokan/exjobb/varmeatervinningspotentialbedomning-i-avloppsvattennatet?kalla=portalen"
+++

Läs mer på https://example.se/stadsbyggnad/varmeatervinningspotentialbedomning/avloppsvattennatet/rapport-2026.pdf innan du söker.
`;

const FILES = {
  'content/theses/varmeatervinning.md': record('Värmeåtervinningspotentialbedömning i avloppsvattennätet', 'Fjärrvärmeanslutningsdimensioneringen i Norra Djurgårdsstaden.'),
  'content/theses/varmeatervinning.en.md': record('Heat recovery in sewers (Värmeåtervinningspotentialbedömning)', 'Sizing district-heating connections (Fjärrvärmeanslutningsdimensioneringen).'),
};

/** LARGE: pages checked with the reader's text at 200 %. */
const LARGE = ['/exjobb/', '/en/theses/', '/exjobb/varmeatervinning/', '/en/', '/organisationer/markanvisning/'];

/**
 * overlaps returns the pairs of texts in the header and the breadcrumbs
 * whose drawn boxes (the client rectangles of a Range over each text)
 * intersect, as "a" / "b".
 */
function overlaps(page) {
  return page.evaluate(() => {
    const boxes = [];
    for (const root of document.querySelectorAll('.site-header, .crumbs')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.data.trim() || !n.parentElement.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) boxes.push({ text: n.data.trim(), r });
      }
    }
    const out = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        // 1 px of the font's ascent and descent may touch.
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          out.push(`"${boxes[i].text}" / "${boxes[j].text}"`);
        }
      }
    }
    return out;
  });
}

const PAGES = [
  '/exjobb/varmeatervinning/',
  '/en/theses/varmeatervinning/',
  '/exjobb/',
  '/exjobb/?q=v%C3%A4rme%C3%A5tervinningspotentialbed%C3%B6mning',
  '/en/theses/?host=markanvisning',
  '/organisationer/markanvisning/',
  '/en/organisations/markanvisning/',
  '/organisationer/',
  '/omraden/energi-och-klimat/',
  '/',
  '/en/',
];

suite(`reflow at ${WIDTH} px with long words`, skip, () => {
  let srv;
  before(async () => {
    srv = await serveBuilt(await buildVariant({ config: (text) => text + ORG, files: FILES }));
  });
  const browserOf = useBrowser(() => srv?.stop());

  for (const p of PAGES) {
    test(`${p}: nothing wider than ${WIDTH} px`, async () => {
      const { context, page, problems } = await newPage(browserOf(), srv.origin, { viewport: { width: WIDTH, height: 640 } });
      try {
        await page.goto(srv.base + p, { waitUntil: 'networkidle' });
        if (p.includes('?')) await page.waitForSelector('.search-results:not([hidden]) li');
        const wide = await overflow(page, WIDTH);
        assert.equal(wide, null, `${p} is wider than ${WIDTH} px: ${JSON.stringify(wide)}`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }

  for (const p of LARGE) {
    test(`${p}: text at 200 % at 375 px: the header and breadcrumbs drawn apart, nothing wider`, async () => {
      const { context, page, problems } = await newPage(browserOf(), srv.origin, { viewport: { width: 375, height: 667 } });
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
        await page.goto(srv.base + p, { waitUntil: 'networkidle' });
        assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
        assert.deepEqual(await overlaps(page), [], `${p}: texts drawn over each other`);
        const wide = await overflow(page, 375);
        assert.equal(wide, null, `${p} is wider than 375 px: ${JSON.stringify(wide)}`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }
});
