// The Content-Security-Policy in the browser: a script, a style attribute
// and an event handler planted in a built page are blocked, both with the
// header nginx sends and with only the <meta> every page carries (a host
// that sends no headers). Every other browser test fails on any violation
// (lib/browser.js watch).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { recordViolations, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site } = await siteUnderTest('chromium', 'nginx', 'go');

// What an attacker would add if an upload or a template bug let raw HTML
// through: an inline script, a style attribute, an event handler, and a
// script from another host.
const PLANTED =
  '<script>window.planted = "inline";</script>' +
  '<p id="planted-style" style="color: rgb(255, 0, 0)">x</p>' +
  '<img id="planted-handler" src="/no-such-image.png" onerror="window.planted = \'handler\'" alt="">' +
  '<script src="https://attacker.example/x.js"></script>';

/** plant serves the built page at url with PLANTED after <body>, with or without the CSP header. */
async function plant(context, url, keepHeader) {
  await context.route(url, async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    if (!keepHeader) delete headers['content-security-policy'];
    const body = (await res.text()).replace(/<body[^>]*>/, (m) => m + PLANTED);
    delete headers['content-length'];
    await route.fulfill({ status: res.status(), headers, body });
  });
  // Nothing leaves the site, whatever the policy says.
  await context.route('https://attacker.example/**', (route) => route.abort('blockedbyclient'));
}

suite('Content-Security-Policy in the browser', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const [name, keepHeader] of [
    ['header and meta (nginx)', true],
    ['meta only (a host without headers)', false],
  ]) {
    test(`a script planted in a page is blocked: ${name}`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      const violations = [];
      await recordViolations(page, (v) => violations.push(v));
      const url = `${site.base}/en/`;
      await plant(context, url, keepHeader);
      const res = await page.goto(url, { waitUntil: 'load' });
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-security-policy'] !== undefined, keepHeader, 'the header is as planned');
      await page.waitForTimeout(300); // the image error fires after load
      const state = await page.evaluate(() => ({
        planted: window.planted ?? null,
        color: getComputedStyle(document.getElementById('planted-style')).color,
        meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null,
      }));
      await context.close();
      assert.equal(state.planted, null, 'the planted script did not run');
      assert.notEqual(state.color, 'rgb(255, 0, 0)', 'the planted style attribute was not applied');
      const meta = readFileSync(path.join(site.dir, 'en', 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/);
      assert.ok(meta, 'the built page carries the policy');
      assert.doesNotMatch(state.meta, /frame-ancestors/, 'the meta policy leaves out what only a header can carry');
      const want = ['script-src-elem blocked inline', 'style-src-attr blocked inline', 'script-src-attr blocked inline', 'script-src-elem blocked https://attacker.example/x.js'];
      for (const w of want) {
        assert.ok(
          violations.some((v) => v.startsWith(w)),
          `no violation "${w} …"; got:\n  ${violations.join('\n  ')}`,
        );
      }
    });
  }
});
