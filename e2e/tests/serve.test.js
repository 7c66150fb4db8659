// The live preview (`generator serve`) under the site's
// Content-Security-Policy: every page type in both languages loads without
// a violation or console error, and the live reload, the error overlay (its
// Close button, its styles), the note of a record's warnings and the draft
// banner still work, all from files, with nothing inline.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { missing, suite } from '../lib/env.js';
import { samplePages } from '../lib/pages.js';
import { startPreview } from '../lib/preview.js';
import { sections } from '../lib/site.js';

const skip = missing('chromium', 'go');
const preview = skip ? null : await startPreview();
const pages = skip ? [] : samplePages(preview.out);

// A published thesis and a draft of the shipped sample content.
const THESIS = 'content/theses/lagtempererad-fjarrvarme.md';
const DRAFT = 'klimatanpassade-skolgardar';

function editSource(rel, from, to) {
  const p = path.join(preview.root, rel);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `${rel} has no ${JSON.stringify(from)}`);
  writeFileSync(p, text.replace(from, to));
}

suite('generator serve under the Content-Security-Policy', skip, () => {
  const browserOf = useBrowser(() => preview?.stop());

  async function open(urlPath, { expect404 = false } = {}) {
    const url = preview.base + urlPath;
    // Playwright's default window: 1280 x 720.
    const { context, page, problems } = await newPage(browserOf(), new URL(preview.base).origin, {
      viewport: { width: 1280, height: 720 },
      timeout: 30_000,
      expect404: expect404 ? url : null,
    });
    // Not networkidle: the live reload's event stream stays open.
    const res = await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.portalLive === true);
    return { context, page, res, problems };
  }

  test('every page type in both languages', { timeout: 300_000 }, async () => {
    const report = [];
    for (const p of pages) {
      const { context, page, res, problems } = await open(p.path, { expect404: p.status === 404 });
      assert.equal(res.status(), p.status, `${p.path}: HTTP status`);
      assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/, `${p.path}: the policy header`);
      await context.close();
      for (const line of describeProblems(problems)) report.push(`${p.name} ${p.path}: ${line}`);
    }
    assert.equal(report.length, 0, report.join('\n'));
  });

  test('live reload, the error overlay, the note of warnings and the draft banner work', { timeout: 120_000 }, async () => {
    const secs = sections();
    const slug = path.basename(THESIS, '.md');
    const { context, page, problems } = await open(`/${secs.theses.sv}/${slug}/`);

    // An error in the sources: the overlay, in the page's language (a
    // Swedish page), styled by the preview's stylesheet, and closed by its
    // button.
    editSource(THESIS, 'level = "master"', 'level = "magister"');
    const overlay = page.locator('#portal-overlay');
    await overlay.waitFor({ state: 'visible' });
    assert.match(await overlay.textContent(), /level: "magister" är inte tillåtet – skriv "bachelor" eller "master"/);
    const style = await overlay.evaluate((el) => ({ position: getComputedStyle(el).position, z: getComputedStyle(el).zIndex }));
    assert.deepEqual(style, { position: 'fixed', z: '2147483647' }, 'the overlay is styled by /_portal/live.css');
    await page.click('#portal-overlay .portal-close');
    await overlay.waitFor({ state: 'detached' });

    // Fixed and edited: the page reloads by itself with the new text.
    editSource(THESIS, 'level = "magister"', 'level = "master"');
    editSource(THESIS, 'Nya energieffektiva byggnader', 'Nya och energieffektiva byggnader');
    await page.waitForFunction(() => document.body.textContent.includes('Nya och energieffektiva byggnader'));
    assert.equal(await overlay.count(), 0);

    // HTML typed into the text: the note of the record's warnings at the
    // top of its page, in Swedish, styled by the same stylesheet; it goes
    // once the HTML is out.
    editSource(THESIS, 'Nya och energieffektiva byggnader', 'Nya och <b>energieffektiva</b> byggnader');
    const note = page.locator('#portal-warnings');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.textContent(), /^1 varning i den här posten: .*varning: <b> är HTML, som inte publiceras/);
    assert.equal(await note.evaluate((el) => getComputedStyle(el).position), 'relative', 'the note is styled by /_portal/live.css');
    editSource(THESIS, 'Nya och <b>energieffektiva</b> byggnader', 'Nya och energieffektiva byggnader');
    await note.waitFor({ state: 'detached' });

    // A draft: the banner, styled by the same stylesheet.
    await page.goto(`${preview.base}/${secs.collaborations.sv}/${DRAFT}/`, { waitUntil: 'load' });
    const banner = page.locator('#portal-draft');
    assert.equal(await banner.evaluate((el) => getComputedStyle(el).position), 'sticky');
    await context.close();
    // The event stream is cut when the page reloads or leaves: not a failure.
    const lines = describeProblems(problems).filter((l) => !/\/_portal\/events: net::ERR_ABORTED$/.test(l));
    assert.deepEqual(lines, []);
  });
});
