// Every page type in the dark colour scheme, in
// Debian's chromium through nginx: the page is drawn dark (the scheme
// took effect) and has zero axe-core violations (WCAG 2.0/2.1/2.2 A and
// AA, colour contrast among them) at 375 px and at 1280 px, and with the
// main navigation's menu and the search filters opened at 375 px.
// The Swedish pages alone: the colours do not depend on the language,
// and the English pages' layout is checked in the light scheme with the
// same rules, so the English half would add minutes to CI, not cases.
// pages.test.js checks every page in the light scheme; the colour
// pairs themselves are checked by generator/internal/render/contrast_test.go,
// which cannot see a colour a rule sets outside the custom properties.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { axe, describeProblems, formatViolations, newPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';
import { samplePages } from '../lib/pages.js';

const { skip, site } = await siteUnderTest('chromium', 'nginx', 'go');
const pages = skip ? [] : samplePages(site.dir).filter((p) => !p.path.startsWith('/en/'));

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

/**
 * darkness is the relative luminance (WCAG 2) of the page's background,
 * or null when the scheme does not match: a dark page is well below 0.2.
 */
function darkness(page) {
  return page.evaluate(() => {
    if (!matchMedia('(prefers-color-scheme: dark)').matches) return null;
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

/** opened checks the page with its menu and its filters opened, where it has them. */
async function opened(page) {
  const report = [];
  for (const toggle of ['nav.primary details.menu > summary', '.search-facets-toggle']) {
    const t = page.locator(toggle);
    if (!(await t.isVisible())) continue;
    await t.click();
    const violations = await axe(page);
    if (violations.length > 0) report.push(`axe with ${toggle} opened: ${violations.length} violation(s)\n${formatViolations(violations)}`);
    await t.click();
  }
  return report;
}

suite('every page type in the dark colour scheme', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const p of pages) {
    test(`dark ${p.name}: ${p.path}`, { timeout: 120_000 }, async () => {
      const url = site.base + p.path;
      const { context, page, problems } = await newPage(browserOf(), site.origin, {
        viewport: WIDTHS[0], colorScheme: 'dark', timeout: 60_000, expect404: p.status === 404 ? url : null,
      });
      const report = [];
      try {
        const res = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
        assert.ok(res, `no response for ${url}`);
        assert.equal(res.status(), p.status, `${url}: HTTP status`);
        const dark = await darkness(page);
        assert.ok(dark !== null && dark < 0.2, `${url}: the page is not drawn dark (background luminance ${dark})`);
        for (const vp of WIDTHS) {
          await page.setViewportSize(vp);
          const violations = await axe(page);
          if (violations.length > 0) report.push(`axe at ${vp.width} px: ${violations.length} violation(s)\n${formatViolations(violations)}`);
          if (vp.width === WIDTHS[0].width) report.push(...(await opened(page)));
        }
      } finally {
        await context.close();
      }
      report.unshift(...describeProblems(problems));
      assert.equal(report.length, 0, `${p.name} ${url}\n  ${report.join('\n  ')}`);
    });
  }
});
