// A task list in a text (the annual follow-ups: "- [x] done", "- [ ] not
// yet") says with its boxes what is done: each box is drawn, in both
// colour schemes, with at least 3:1 contrast against the page (WCAG
// 1.4.11), and a ticked box looks different from an empty one. The
// browser's own disabled checkbox is light grey on white (1.5:1). The
// colours are read from a screenshot of each box.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

/** luminance is the relative luminance of [r, g, b] (0-255). */
function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/**
 * pixels returns the [r, g, b] of every pixel of a PNG, decoded by the
 * browser in page, a blank page (the site's pages refuse data: images).
 */
async function pixels(page, png) {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
    return out;
  }, `data:image/png;base64,${png.toString('base64')}`);
}

suite('task lists', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const scheme of ['light', 'dark']) {
    test(`the boxes of a follow-up's task list are drawn in at least 3:1 (${scheme})`, async () => {
      const { context, page, problems } = await newPage(browserOf(), site.origin, { viewport: { width: 375, height: 812 }, colorScheme: scheme });
      try {
        await page.goto(`${site.base}/${secs.followups.sv}/ledningsdialog-2026/`, { waitUntil: 'load' });
        const bg = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g).slice(0, 3).map(Number);
        const blank = await context.newPage();
        const looks = {};
        for (const state of ['checked', 'not(:checked)']) {
          const box = page.locator(`.prose input[type=checkbox]:${state}`).first();
          await box.scrollIntoViewIfNeeded();
          const px = await pixels(blank, await box.screenshot());
          const best = Math.max(...px.map((p) => contrast(p, bg)));
          assert.ok(best >= 3, `${scheme}: the ${state} box's most visible colour has ${best.toFixed(2)}:1 against the page`);
          looks[state] = px.filter((p) => contrast(p, bg) >= 3).length / px.length;
        }
        assert.notEqual(looks.checked.toFixed(2), looks['not(:checked)'].toFixed(2), `${scheme}: a ticked box and an empty one look alike`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    });
  }
});
