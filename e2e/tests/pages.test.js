// Every page type in both languages, in Debian's chromium through nginx:
// no console errors, no request to another host, nothing wider than a
// 375 px viewport, zero axe-core violations (WCAG 2.0/2.1 A and AA) at
// 375 px and at 1280 px, and screenshots of both widths in screenshots/.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { axe, describeProblems, fixClock, formatViolations, launch, watch } from '../lib/browser.js';
import { missing, SCREENSHOTS, suite } from '../lib/env.js';
import { served } from '../lib/harness.js';
import { fileName, samplePages } from '../lib/pages.js';

const skip = missing('chromium', 'nginx', 'go');
const site = skip ? null : await served();
const pages = skip ? [] : samplePages(site.dir);

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

suite('every page type', skip, () => {
  let browser;
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  for (const p of pages) {
    test(`${p.name}: ${p.path}`, { timeout: 120_000 }, async () => {
      const url = site.base + p.path;
      const context = await browser.newContext({ viewport: WIDTHS[0] });
      context.setDefaultTimeout(60_000);
      await fixClock(context);
      const page = await context.newPage();
      const problems = await watch(context, page, site.origin, { expect404: p.status === 404 ? url : null });
      const report = [];
      try {
        // networkidle: scripts that fetch data (the search index) are done,
        // so what is checked and photographed is the page as people see it.
        const res = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
        assert.ok(res, `no response for ${url}`);
        assert.equal(res.status(), p.status, `${url}: HTTP status`);
        await page.evaluate(() => document.fonts.ready);

        for (const vp of WIDTHS) {
          await page.setViewportSize(vp);
          const overflow = await page.evaluate((w) => {
            const sw = document.documentElement.scrollWidth;
            if (sw <= w) return null;
            const wide = [];
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.right > w + 0.5 && r.width > 0) {
                const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
                wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge ${Math.round(r.right)} px)`);
              }
            }
            return { sw, wide: wide.slice(0, 10) };
          }, vp.width);
          if (overflow) {
            report.push(`wider than the ${vp.width} px viewport: scrollWidth ${overflow.sw}; widest elements:\n      ${overflow.wide.join('\n      ')}`);
          }
          await page.screenshot({ path: path.join(SCREENSHOTS, fileName(p, vp.width)), fullPage: true });
          const violations = await axe(page);
          if (violations.length > 0) report.push(`axe at ${vp.width} px: ${violations.length} violation(s)\n${formatViolations(violations)}`);
        }
      } finally {
        await context.close();
      }
      report.unshift(...describeProblems(problems));
      assert.equal(report.length, 0, `${p.name} ${url}\n  ${report.join('\n  ')}`);
    });
  }
});
