// Debian's chromium, driven by playwright-core. Nothing is downloaded:
// executablePath is the system browser. Playwright gives every launch a
// fresh, empty --user-data-dir of its own (a new temporary profile), which
// it removes on close.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, NOW } from './env.js';

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * useBrowser launches the browser before the tests of the enclosing suite
 * and closes it, then calls cleanup (stopping the site), after them. The
 * returned function gives the browser.
 */
export function useBrowser(cleanup) {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await cleanup?.();
  });
  return () => browser;
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
}

/**
 * fixClock makes the page's Date the build's NOW (noon in Stockholm), so
 * the script that marks passed deadlines sees what the build saw and every
 * run looks the same, whatever the day. Timers keep running.
 */
export async function fixClock(context) {
  await context.clock.setFixedTime(new Date(`${NOW}T12:00:00+01:00`));
}

/** A desktop window, the size most tests see the site at. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** A phone held upright: a narrow, touch-driven window. */
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/**
 * newPage opens a new context of browser with options (those of
 * browser.newContext; a DESKTOP window unless a viewport is given) and a
 * page in it, watched (watch) for problems against origin, expect404
 * passed on. The context's clock is fixed at clock when given, else at
 * the build's NOW (fixClock); timeout, when given, is its default timeout
 * (ms); init, when given, runs first in every document. It returns
 * { context, page, problems }; the caller closes context.
 */
export async function newPage(browser, origin, { clock = null, init = null, expect404 = null, timeout = null, ...options } = {}) {
  const context = await browser.newContext({ ...DESKTOP, ...options });
  if (timeout) context.setDefaultTimeout(timeout);
  if (clock) await context.clock.setFixedTime(new Date(clock));
  else await fixClock(context);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = await watch(context, page, origin, { expect404 });
  return { context, page, problems };
}

/**
 * openPage opens url (a path of the site) in a new page of browser
 * (newPage, a DESKTOP window): its clock fixed at clock when given, else
 * at the build's NOW; with JavaScript unless js is false; init run first
 * in every document when given. It asserts the status 200 and returns
 * { context, page, problems }; the caller closes context.
 */
export async function openPage(browser, site, url, { clock = null, js = true, init = null } = {}) {
  const { context, page, problems } = await newPage(browser, site.origin, { clock, init, javaScriptEnabled: js });
  const res = await page.goto(site.base + url, { waitUntil: 'load' });
  if (res.status() !== 200) throw new Error(`${url}: status ${res.status()}, want 200`);
  return { context, page, problems };
}

/**
 * back presses the browser's back button and waits for the page it leads
 * to. Just after a navigation Chromium may still be swapping the previous
 * document out, and then refuses the history that page.goBack asks for
 * first with "Not attached to an active page" (seen once in some 200 runs
 * of flows.test.js). Nothing has moved yet at that point, so the history
 * is asked for again, a few times, before the error is let through.
 */
export async function back(page, tries = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.goBack({ waitUntil: 'load' });
    } catch (err) {
      if (attempt >= tries || !/Not attached to an active page/.test(err.message)) throw err;
      await page.waitForTimeout(250 * attempt);
    }
  }
}

const require = createRequire(import.meta.url);
let axeSource = null;

/** axe injects axe-core into the page and returns its violations. */
export async function axe(page) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not added as an inline
  // <script>: the site's Content-Security-Policy blocks inline script.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  });
}

/** formatViolations prints axe violations so a person can fix them. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `      at ${n.target}\n         ${n.html.slice(0, 200).replace(/\s+/g, ' ')}\n         ${(n.summary ?? '').replace(/\n\s*/g, '\n         ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n      ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * recordViolations calls onViolation with a line for every
 * Content-Security-Policy violation in page (and every page it navigates
 * to): the securitypolicyviolation event, reported to the test through a
 * binding, which no policy can block. Chromium also prints each violation
 * as a console error, which watch records too.
 */
export async function recordViolations(page, onViolation) {
  await page.exposeBinding('__portalCSPViolation', (_source, v) => onViolation(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
      // eslint-disable-next-line no-undef
      window.__portalCSPViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} on ${e.documentURI}${where}`);
    });
  });
}

/**
 * watch records what goes wrong while a page loads: console errors,
 * uncaught exceptions, failed requests, Content-Security-Policy
 * violations, and any request to a host other than the site's own (those
 * are aborted). expect404 names a URL whose 404
 * is intended (the not-found page itself).
 */
export async function watch(context, page, origin, { expect404 = null } = {}) {
  const problems = { console: [], errors: [], foreign: [], failed: [], csp: [], downloads: new Set() };
  await recordViolations(page, (v) => problems.csp.push(v));
  // A link to a file the browser downloads (an .ics) ends its navigation
  // with net::ERR_ABORTED; that is the download, not a failure.
  page.on('download', (d) => problems.downloads.add(d.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let o;
    try {
      o = new URL(url).origin;
    } catch {
      o = null;
    }
    if (o !== origin) {
      problems.foreign.push(`${route.request().resourceType()} ${url}`);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const loc = m.location()?.url ?? '';
    if (expect404 && loc === expect404 && /status of 404/.test(m.text())) return;
    problems.console.push(`${m.text()}${loc ? ` (${loc})` : ''}`);
  });
  page.on('pageerror', (e) => problems.errors.push(String(e?.stack ?? e)));
  // A request that a navigation of the page cut short (Chrome aborts the
  // icon and images still loading when a link is followed) ends with
  // net::ERR_ABORTED; that is the navigation, not a failure. The abort
  // comes before the navigation commits, so each request notes how many
  // navigations had happened when it started, and describeProblems
  // compares that with the count at the end.
  problems.navigations = 0;
  const started = new WeakMap();
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) problems.navigations++;
  });
  page.on('request', (r) => started.set(r, problems.navigations));
  page.on('requestfailed', (r) => {
    let o = null;
    try {
      o = new URL(r.url()).origin;
    } catch {
      // ignore
    }
    if (o === origin) {
      problems.failed.push({
        url: r.url(),
        text: `${r.url()}: ${r.failure()?.errorText}`,
        aborted: r.failure()?.errorText === 'net::ERR_ABORTED',
        navigation: started.get(r) ?? problems.navigations,
      });
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(expect404 && r.url() === expect404)) problems.failed.push({ url: r.url(), text: `${r.url()}: HTTP ${r.status()}` });
  });
  return problems;
}

/** describeProblems turns watch() results into lines; empty when clean. */
export function describeProblems(p) {
  const lines = [];
  for (const v of p.csp) lines.push(`Content-Security-Policy violation: ${v}`);
  for (const c of p.console) lines.push(`console error: ${c}`);
  for (const e of p.errors) lines.push(`uncaught exception: ${e}`);
  for (const f of p.foreign) lines.push(`request to another host (blocked): ${f}`);
  for (const f of p.failed) {
    const cutShort = f.aborted && (p.downloads.has(f.url) || (f.navigation !== undefined && f.navigation < p.navigations));
    if (!cutShort) lines.push(`failed request: ${f.text}`);
  }
  return lines;
}
