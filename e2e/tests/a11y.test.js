// What an accessibility review by hand found that axe-core cannot see, in
// Debian's chromium through nginx:
//
// - Language of parts (WCAG 3.1.2): a search result marks the language
//   of its parts as the item the build wrote does: the item of a record
//   in the other language, its marks and facts in the page's, and a fact
//   in the record's own language (the place and speaker of a lecture,
//   not translated, on the English list) marked so, that a screen reader
//   reads "Trafikplanerare" with Swedish rules.
// - Text spacing (WCAG 1.4.12): with the reader's own line height 1.5,
//   paragraph spacing 2, letter spacing 0.12 and word spacing 0.16 (em),
//   no label of the search form runs out of its field, under the next
//   one: "Värdorganisation" in Swedish did, by 29 px at 1280 px.
// - Names (WCAG 2.4.4, 4.1.2): the arrow after a "more" link and the
//   separator between breadcrumbs are drawn, not read: the link is
//   "Alla exjobb", not "Alla exjobb right arrow", and no "›" is read
//   between the links (Chromium's accessibility tree, over the
//   DevTools protocol).
// - Focus not obscured (WCAG 2.4.11): every control Tab reaches on a
//   phone and a desktop, its menu and filters open, is drawn on top
//   where it is in the window: no sticky header, footer or banner
//   covers it (elementFromPoint at the middle of its visible part).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

/**
 * langs gives, for each item of the list ul (by the address of its
 * title's link), the link's hreflang and the lang attributes of the
 * item, its marks, its facts and each fact's value, as one line.
 */
function langs(page, ul) {
  return page.$$eval(`${ul} > li`, (items) =>
    items.map((li) => {
      const at = (el) => (el ? el.getAttribute('lang') ?? '-' : 'none');
      const dds = Array.from(li.querySelectorAll('.meta dd'), at).join(',');
      const link = li.querySelector('.item-title a');
      return `${link.getAttribute('href')} hreflang=${link.getAttribute('hreflang') ?? '-'} li=${at(li)} marks=${at(li.querySelector('.marks'))} meta=${at(li.querySelector('.meta'))} dd=${dds}`;
    }),
  );
}

/**
 * tabCovered presses Tab through the page until the focus comes round
 * and lists the controls that, once scrolled into view, are not on top
 * at the middle of their part inside the window.
 */
async function tabCovered(page) {
  const bad = [];
  let first = null;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(async () => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const frame = () => new Promise((r) => { requestAnimationFrame(r); setTimeout(r, 25); });
      let last = '';
      for (let j = 0, still = 0; j < 120 && still < 3; j++) {
        await frame();
        const q = el.getBoundingClientRect();
        // Smooth scrolling may start a few frames after the focus moves.
        const seen = q.bottom > 0 && q.top < innerHeight;
        still = seen && `${q.top},${q.left}` === last ? still + 1 : 0;
        last = `${q.top},${q.left}`;
      }
      const r = el.getBoundingClientRect();
      const top = Math.max(r.top, 0);
      const bottom = Math.min(r.bottom, innerHeight);
      const left = Math.max(r.left, 0);
      const right = Math.min(r.right, innerWidth);
      const path = [];
      for (let n = el; n && n !== document.body; n = n.parentElement) path.unshift(n.tagName + [...n.parentElement.children].indexOf(n));
      const desc = `<${el.tagName.toLowerCase()}> "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
      if (bottom <= top || right <= left) return { key: path.join('/'), problem: `${desc} is out of the window (${Math.round(r.top)} px)` };
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      const onTop = hit && (hit === el || el.contains(hit) || hit.contains(el));
      return { key: path.join('/'), problem: onTop ? null : `${desc} is covered by <${hit?.tagName.toLowerCase()} class="${hit?.className}">` };
    });
    if (!f) continue;
    if (f.key === first) break;
    first ??= f.key;
    if (f.problem) bad.push(f.problem);
  }
  return bad;
}

/** SPACING: the text spacing that WCAG 1.4.12 asks a page to bear. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/**
 * spilled lists the labels of the search form whose text runs past the
 * right edge of their field (the client rectangles of a Range over it).
 */
function spilled(page) {
  return page.$$eval('.search-field label', (labels) =>
    labels.flatMap((l) => {
      const range = document.createRange();
      range.selectNodeContents(l);
      const text = range.getBoundingClientRect().right;
      const field = l.parentElement.getBoundingClientRect().right;
      return text > field + 0.5 ? [`"${l.textContent}" ends at ${Math.round(text)} px, its field at ${Math.round(field)} px`] : [];
    }),
  );
}

suite('accessibility a review by hand found', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const [lang, list] of [
    ['en', `/en/${secs.lectures?.en}/`],
    ['sv', `/${secs.lectures?.sv}/`],
    ['en', `/en/${secs.theses?.en}/`],
    ['sv', `/${secs.theses?.sv}/`],
  ]) {
    test(`${list}: a search result marks the language of its parts as the built item does (3.1.2)`, async () => {
      const { context, page, problems } = await newPage(browserOf(), site.origin);
      try {
        await page.goto(site.base + list, { waitUntil: 'networkidle' });
        const built = new Map((await langs(page, 'ul.items:not(.search-results)')).map((l) => [l.split(' ')[0], l]));
        const areas = await page.$$eval('#search-area option', (os) => os.map((o) => o.value).filter(Boolean));
        const seen = new Set();
        let foreign = 0;
        for (const area of areas) {
          await page.selectOption('#search-area', area);
          await page.waitForFunction((a) => document.querySelector('.search-results')?.dataset.query?.includes(`area=${a}`), area);
          for (const got of await langs(page, 'ul.search-results')) {
            const href = got.split(' ')[0];
            if (!built.has(href)) continue; // closed since the build: not in the built list
            assert.equal(got, built.get(href), `${lang} ${list}?area=${area}`);
            seen.add(href);
            if (/dd=.*\b(sv|en)\b/.test(got)) foreign++;
          }
        }
        assert.equal(seen.size, built.size, `${list}: results compared`);
        if (list.includes(secs.lectures.en)) assert.ok(foreign > 0, `${list}: no fact marked in another language`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }

  test('the arrows after links and between breadcrumbs are not read (2.4.4)', async () => {
    const { context, page, problems } = await newPage(browserOf(), site.origin);
    try {
      const cdp = await context.newCDPSession(page);
      for (const [path, link] of [['/', 'Alla exjobb'], ['/en/', null], [`/${secs.theses.sv}/`, null]]) {
        await page.goto(site.base + path, { waitUntil: 'networkidle' });
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const names = nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
        assert.deepEqual(names.filter((n) => /[›→]/.test(n)), [], `${path}: names that read an arrow`);
        if (link) assert.ok(names.includes(`link: ${link}`), `${path}: no link named "${link}" in ${names.filter((n) => n.startsWith('link')).join(', ')}`);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(describeProblems(problems), []);
  });

  for (const width of [375, 1280]) {
    test(`at ${width} px with the text spacing of WCAG 1.4.12 every label of the search form stays in its field`, async () => {
      // The spacing is a style sheet the test adds, as a reader's
      // bookmarklet or extension does; the page's policy would block it.
      const { context, page, problems } = await newPage(browserOf(), site.origin, { viewport: { width, height: 900 }, bypassCSP: true });
      try {
        for (const list of [`/${secs.theses.sv}/`, `/en/${secs.theses.en}/`, '/omraden/energi-och-klimat/', '/en/areas/energi-och-klimat/']) {
          await page.goto(site.base + list, { waitUntil: 'networkidle' });
          assert.deepEqual(await spilled(page), [], `${list} without the spacing`);
          await page.addStyleTag({ content: SPACING });
          if (await page.isVisible('.search-facets-toggle')) await page.click('.search-facets-toggle');
          assert.equal(await page.isVisible('#search-host'), true, `${list}: the filters are shown`);
          assert.deepEqual(await spilled(page), [], list);
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }

  for (const [width, height] of [[375, 667], [1280, 800]]) {
    test(`at ${width} px no control that Tab reaches is covered (2.4.11)`, { timeout: 300_000 }, async () => {
      // Reduced motion: the page scrolls to the focus at once (no smooth
      // scrolling), so that where the control is drawn is read at once.
      const { context, page, problems } = await newPage(browserOf(), site.origin, { viewport: { width, height }, reducedMotion: 'reduce' });
      try {
        for (const path of ['/', `/${secs.theses.sv}/`, `/en/${secs.agreements.en}/mou-2014/`, '/omraden/energi-och-klimat/']) {
          await page.goto(site.base + path, { waitUntil: 'networkidle' });
          if (await page.isVisible('.menu > summary')) await page.click('.menu > summary');
          if (await page.isVisible('.search-facets-toggle')) await page.click('.search-facets-toggle');
          await page.evaluate(() => { document.activeElement?.blur(); scrollTo(0, 0); });
          assert.deepEqual(await tabCovered(page), [], path);
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }
});
