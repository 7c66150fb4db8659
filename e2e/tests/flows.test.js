// What people do on the site, in Debian's chromium through nginx:
// a student finds and filters thesis offers and reads one in English,
// a staff member reads the 2014 MoU, a lecture goes into a calendar,
// the main navigation shows the current section in forced colours, and
// everything works from the keyboard with a visible focus.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { back, describeProblems, newPage, useBrowser, watch } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

const AREA = 'energi-och-klimat';
const LEVEL = 'master';

suite('flows', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  /** open gives a fresh context and page, watched for errors and foreign requests. */
  async function open(t, { viewport = { width: 1280, height: 900 }, expect404 = null, javaScriptEnabled = true } = {}) {
    const { context, page, problems } = await newPage(browserOf(), site.origin, {
      viewport,
      acceptDownloads: true,
      javaScriptEnabled,
      timeout: 60_000,
      expect404: expect404 && site.base + expect404,
    });
    t.after(async () => {
      await context.close();
    });
    return { context, page, problems };
  }

  function clean(problems) {
    const lines = describeProblems(problems);
    assert.equal(lines.length, 0, lines.join('\n'));
  }

  const path = (page) => new URL(page.url()).pathname;

  // The filter (templates/partials/search.html, assets/search.js): on the
  // thesis list, form controls named "Område" and "Nivå" (Area, Level);
  // choosing values shows only the matching offers; the query string keeps
  // the filter (?area=energi-och-klimat&level=master), so a reload or a
  // shared link shows the same selection. The test holds to that behaviour,
  // not to the markup: selects or groups of inputs, results shown in place
  // or in a list of their own.
  test('student: home → thesis offers → filter by area and level → offer → English', async (t) => {
    const { page, problems } = await open(t);
    await page.goto(`${site.base}/`);
    await page.locator(`nav a[href="/${secs.theses.sv}/"]`).first().click();
    assert.equal(path(page), `/${secs.theses.sv}/`);
    await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());

    const offers = await listedOffers(page);
    const total = offers.size;
    assert.ok(total > 1, 'the thesis list has offers');

    await choose(page, /område|area/i, AREA);
    await choose(page, /nivå|level/i, LEVEL);
    await submitIfNeeded(page);
    await page.waitForURL((u) => u.searchParams.get('area') === AREA && u.searchParams.get('level') === LEVEL, { timeout: 15_000 });

    const expected = [...offers].filter(([, o]) => o.areas.split(' ').includes(AREA) && o.level === LEVEL).map(([h]) => h);
    // The URL may change before the results are drawn (the script may still
    // be loading its index): wait for the list to settle on the matches.
    await settle(page, expected);
    const shown = await visibleItems(page);
    assert.ok(shown.length > 0, 'some offers match energy + master');
    assert.ok(shown.length < total, 'the filter hides offers that do not match');
    for (const it of shown) {
      const o = offers.get(it.href);
      assert.ok(o, `${it.href} shown but not an open offer of this list`);
      assert.ok(o.areas.split(' ').includes(AREA), `${it.href} shown but not in ${AREA}`);
      assert.equal(o.level, LEVEL, `${it.href} shown but not ${LEVEL}`);
    }
    assert.deepEqual(shown.map((s) => s.href).sort(), expected.sort(), 'every matching offer is shown');

    // The URL keeps the filter: a reload shows the same selection.
    await page.reload();
    await control(page, /område|area/i);
    await settle(page, expected);
    assert.equal(await valueOf(page, /område|area/i), AREA);
    assert.equal(await valueOf(page, /nivå|level/i), LEVEL);
    assert.deepEqual(await visibleItems(page), shown);

    // Open an offer that has an English translation, then switch language.
    const slugOf = (href) => href.split('/').filter(Boolean).pop();
    const target = shown.find((s) => existsSync(join(site.dir, 'en', secs.theses.en, slugOf(s.href), 'index.html')));
    assert.ok(target, `one of the shown offers has an English translation: ${shown.map((s) => s.href).join(', ')}`);
    await page.locator(`ul.items a[href="${target.href}"]:visible`).first().click();
    assert.equal(path(page), target.href);
    const slug = slugOf(target.href);
    await page.locator('.lang-switch a[hreflang="en"]').click();
    assert.equal(path(page), `/en/${secs.theses.en}/${slug}/`, 'the English switch lands on the translation');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    clean(problems);
  });

  // With the filter applied, a result followed and the back button
  // pressed, the list shows the same filter and matches again.
  test('student: the back button from an offer returns to the filtered list', async (t) => {
    const { page, problems } = await open(t, { viewport: { width: 375, height: 800 } });
    await page.goto(`${site.base}/${secs.theses.sv}/?area=${AREA}&level=${LEVEL}`);
    await control(page, /område|area/i);
    const offers = await listedOffers(page);
    const expected = [...offers].filter(([, o]) => o.areas.split(' ').includes(AREA) && o.level === LEVEL).map(([h]) => h);
    await settle(page, expected);
    const shown = await visibleItems(page);
    assert.ok(shown.length > 0, 'some offers match');
    await page.locator(`ul.items a[href="${shown[0].href}"]:visible`).first().click();
    assert.equal(path(page), shown[0].href);
    await back(page);
    assert.equal(new URL(page.url()).searchParams.get('area'), AREA, 'the URL still has the filter');
    await control(page, /område|area/i);
    await settle(page, expected);
    assert.equal(await valueOf(page, /område|area/i), AREA);
    assert.deepEqual(await visibleItems(page), shown);
    clean(problems);
  });

  // Without JavaScript the filter form is not shown (it could do nothing);
  // the list links instead to the page of each area and host organisation,
  // at its section of degree projects (pages/list.html, in <noscript>).
  test('student without JavaScript: thesis list → by area → that area\'s degree projects', async (t) => {
    const { page, problems } = await open(t, { viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    await page.goto(`${site.base}/en/${secs.theses.en}/`);
    assert.equal(await page.locator('.search-form').isVisible(), false, 'no filter form that cannot work');
    const browse = page.getByRole('navigation', { name: /narrow down/i });
    await browse.getByText('By area', { exact: true }).click();
    const link = browse.locator(`a[href="/en/areas/${AREA}/#kind-theses"]`);
    assert.ok(await link.isVisible(), `the area ${AREA} is offered once "By area" is opened`);
    await link.click();
    assert.equal(path(page), `/en/areas/${AREA}/`);
    assert.equal(new URL(page.url()).hash, '#kind-theses');
    const section = page.locator('#kind-theses');
    assert.ok(await section.isVisible(), "the area page has the degree projects' section");
    assert.ok((await section.locator('li.item').count()) > 0, 'with offers in it');
    await back(page);
    await browse.getByText('By host organisation', { exact: true }).click();
    const host = browse.locator('a[href^="/en/organisations/"]').first();
    const href = await host.getAttribute('href');
    assert.match(href, /#kind-theses$/);
    await host.click();
    assert.equal(path(page), href.replace(/#.*/, ''));
    assert.ok(await page.locator('#kind-theses li.item').first().isVisible(), "the organisation's degree projects are shown");
    clean(problems);
  });

  test('staff: home → agreements → the 2014 MoU with parties, signatories, dates, notice and attachment', async (t) => {
    const { page, problems } = await open(t);
    await page.goto(`${site.base}/`);
    await page.locator(`nav a[href="/${secs.agreements.sv}/"]`).first().click();
    assert.equal(path(page), `/${secs.agreements.sv}/`);
    await page.locator(`main a[href="/${secs.agreements.sv}/mou-2014/"]`).first().click();
    assert.equal(path(page), `/${secs.agreements.sv}/mou-2014/`);

    const main = page.locator('main');
    await assert.doesNotReject(main.getByRole('heading', { level: 1, name: /Avsiktsförklaring \(MoU\).*2014/ }).waitFor());
    const facts = await main.innerText();
    for (const [what, re] of [
      ['party KTH', /\bKTH\b/],
      ['party Stockholms stad', /Stockholms stad/],
      ['signatory Peter Gudmundson, Rektor', /Peter Gudmundson.*Rektor/],
      ['signatory Sten Nordin, Finansborgarråd', /Sten Nordin.*Finansborgarråd/],
      ['signed date', /Undertecknat\s*\n?\s*1 maj 2014/],
      ['valid from', /Gäller från\s*\n?\s*1 maj 2014/],
      ['valid until terminated', /Tills vidare/i],
      ['notice period', /Uppsägningstid\s*\n?\s*3\u00a0månader/],
    ]) {
      assert.match(facts, re, `the MoU page shows the ${what}`);
    }
    assert.ok(await main.locator('time[datetime="2014-05-01"]').count(), 'dates are machine-readable <time> elements');
    for (const org of ['kth', 'stockholms-stad']) {
      assert.ok(await main.locator(`a[href="/organisationer/${org}/"]`).count(), `party ${org} links to its organisation page`);
    }

    const link = main.locator('a[href$=".pdf"]').first();
    const href = await link.getAttribute('href');
    assert.equal(href, `/${secs.agreements.sv}/mou-2014/mou-2014.pdf`);
    const res = await page.request.get(site.base + href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    const body = await res.body();
    assert.equal(body.subarray(0, 5).toString(), '%PDF-');
    const size = (await link.innerText()).match(/\(PDF, (\d+)\s?kB\)/);
    assert.ok(size, 'the link to the signed agreement names its file type and size');
    assert.equal(+size[1], Math.max(1, Math.round(body.length / 1000)), 'the link gives the size of the file it opens');
    clean(problems);
  });

  test('lecture: "add to calendar" downloads an .ics file for that lecture', async (t) => {
    const { page, problems } = await open(t);
    await page.goto(`${site.base}/${secs.lectures.sv}/`);
    const first = page.locator('ul.items > li a[href]').first();
    const href = await first.getAttribute('href');
    await first.click();
    assert.equal(path(page), href);
    const title = (await page.locator('main h1').innerText()).trim();

    const add = page.locator('main a[href$=".ics"]').first();
    assert.ok(await add.count(), `${href}: an "add to calendar" link (href ending in .ics) in <main>`);
    const ics = await add.getAttribute('href');
    assert.notEqual(ics, `/${secs.lectures.sv}/calendar.ics`, 'the link is for this lecture, not the whole calendar');

    const res = await page.request.get(new URL(ics, page.url()).href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'text/calendar; charset=utf-8');
    const body = await res.text();
    assert.match(body, /^BEGIN:VCALENDAR\r\n/);
    assert.equal(body.match(/^BEGIN:VEVENT\r?$/gm)?.length, 1, 'one event: this lecture');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), add.click()]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const file = await download.path();
    const got = readFileSync(file, 'utf8');
    assert.match(got, /^BEGIN:VCALENDAR/);
    const summary = /^SUMMARY(?:;[^:\r\n]*)?:(.*(?:\r?\n[ \t].*)*)/m.exec(got)?.[1].replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1');
    assert.ok(summary && title.includes(summary.replace(/^Inställd: /, '').slice(0, 20)), `the event is "${title}" (SUMMARY ${summary})`);
    clean(problems);
  });

  // Windows high contrast (forced colours) paints every border in the
  // system's colours: the main navigation's bar stays on the current
  // section only (the others' borders in the page's background), at both
  // widths, and the menu button keeps its three bars.
  test('forced colours: the main navigation marks the current section only', async (t) => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
      const context = await browserOf().newContext({ viewport, forcedColors: 'active' });
      t.after(() => context.close());
      const page = await context.newPage();
      const problems = await watch(context, page, site.origin);
      await page.goto(`${site.base}/${secs.theses.sv}/`);
      const menu = page.locator('nav.primary details.menu > summary');
      if (await menu.isVisible()) {
        assert.notEqual(await menu.evaluate((s) => getComputedStyle(s.querySelector('.menu-button'), '::before').backgroundImage), 'none', 'the menu button\'s bars');
        await menu.click();
      }
      const got = await page.evaluate(() => {
        const side = innerWidth < 640 ? 'borderLeftColor' : 'borderBottomColor';
        const bg = getComputedStyle(document.querySelector('nav.primary')).backgroundColor;
        return [...document.querySelectorAll('nav.primary a')].map((a) => [a.textContent, a.hasAttribute('aria-current'), getComputedStyle(a)[side] !== bg]);
      });
      const marked = got.filter(([, , bar]) => bar).map(([text]) => text);
      const current = got.filter(([, cur]) => cur).map(([text]) => text);
      assert.deepEqual(marked, current, `at ${viewport.width} px the links drawn with the bar`);
      assert.equal(current.length, 1);
      clean(problems);
    }
  });

  describe('keyboard only', () => {
    test('Tab from the page start focuses a visible skip link; Enter moves focus to <main>', async (t) => {
      const { page, problems } = await open(t);
      for (const p of ['/', `/${secs.theses.sv}/`, '/en/', `/${secs.agreements.sv}/mou-2014/`]) {
        await page.goto(site.base + p);
        await page.keyboard.press('Tab');
        const f = await focused(page);
        assert.ok(f, `${p}: Tab focuses something`);
        assert.equal(f.href, '#main', `${p}: the first Tab stop is the skip link (got ${f.desc})`);
        assert.ok(f.visible && f.inViewport && f.onTop, `${p}: the focused skip link is visible (${JSON.stringify(f.rect)})`);
        assert.ok(f.indicator, `${p}: the skip link shows focus (outline ${f.outline}, box-shadow ${f.boxShadow})`);
        await page.keyboard.press('Enter');
        const m = await page.evaluate(() => {
          const a = document.activeElement;
          return { inMain: !!a && !!a.closest('main'), desc: a ? a.tagName.toLowerCase() + (a.id ? `#${a.id}` : '') : 'none', hash: location.hash };
        });
        assert.ok(m.inMain, `${p}: Enter on the skip link moves focus into <main> (focus is on ${m.desc}, hash ${m.hash})`);
        // The next Tab continues inside main, not back in the header.
        await page.keyboard.press('Tab');
        const next = await focused(page);
        if (next) assert.ok(next.inMain || next.inFooter, `${p}: the Tab after the skip link goes on from <main> (got ${next.desc})`);
      }
      clean(problems);
    });

    for (const [label, p] of [
      ['home', '/'],
      ['thesis list (with filter)', `/${secs.theses.sv}/`],
      ['thesis offer', null],
      ['agreement', `/${secs.agreements.sv}/mou-2014/`],
      ['lecture', null],
      ['areas', '/omraden/'],
      ['English home', '/en/'],
      ['404', '/finns-inte/'],
    ]) {
      test(`every control on the ${label} page is reachable by Tab and shows its focus`, { timeout: 180_000 }, async (t) => {
        const { page, problems } = await open(t, { expect404: label === '404' ? p : null });
        let url = p;
        if (!url) {
          const list = label === 'lecture' ? secs.lectures.sv : secs.theses.sv;
          // networkidle: the list's search index has loaded before we leave.
          await page.goto(`${site.base}/${list}/`, { waitUntil: 'networkidle' });
          url = await page.locator('ul.items > li a[href]').first().getAttribute('href');
        }
        await page.goto(site.base + url);
        const expected = await page.evaluate(() => {
          const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
          return [...document.querySelectorAll(sel)].filter((el) => {
            if (el.disabled || el.closest('[hidden], [inert]')) return false;
            const r = el.getBoundingClientRect();
            const cs = getComputedStyle(el);
            return (r.width > 0 || r.height > 0 || el.classList.contains('skip')) && cs.visibility !== 'hidden';
          }).length;
        });
        const seen = [];
        const bad = [];
        for (let i = 0; i < expected + 20; i++) {
          await page.keyboard.press('Tab');
          const f = await focused(page);
          if (!f || (seen.length > 0 && f.key === seen[0].key)) break;
          seen.push(f);
          if (!f.visible || !f.inViewport) bad.push(`${f.desc}: focused but not visible (${JSON.stringify(f.rect)})`);
          else if (!f.indicator) bad.push(`${f.desc}: no visible focus (outline ${f.outline}; box-shadow ${f.boxShadow})`);
        }
        assert.ok(seen.length >= Math.min(expected, 3), `${url}: Tab reached ${seen.length} of ${expected} controls`);
        assert.ok(seen.length >= expected, `${url}: Tab reached only ${seen.length} of ${expected} focusable controls`);
        assert.equal(bad.length, 0, `${url}:\n  ${bad.join('\n  ')}`);
        clean(problems);
      });
    }

    test('links and the language switch work with Enter; filters with the keyboard', async (t) => {
      const { page, problems } = await open(t);
      await page.goto(`${site.base}/`);
      await tabTo(page, (f) => f.href === `/${secs.theses.sv}/`);
      await Promise.all([page.waitForURL(`**/${secs.theses.sv}/`), page.keyboard.press('Enter')]);
      const offers = await listedOffers(page);

      // Filter by keyboard: Tab to the area control and change it with keys.
      await control(page, /område|area/i); // fails with a clear message when there is no filter
      const area = await tabTo(page, (f) => /område|area/i.test(f.name) && /select|input/.test(f.tag));
      if (area.tag === 'select') {
        for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement.value)) !== AREA; i++) await page.keyboard.press('ArrowDown');
      } else {
        await tabTo(page, (f) => f.value === AREA);
        await page.keyboard.press('Space');
      }
      await submitIfNeeded(page, true);
      await page.waitForURL((u) => u.searchParams.get('area') === AREA, { timeout: 15_000 });
      await settle(page, [...offers].filter(([, o]) => o.areas.split(' ').includes(AREA)).map(([h]) => h));
      const shown = await visibleItems(page);
      assert.ok(shown.length > 0, 'the keyboard filter shows offers');
      for (const it of shown) {
        assert.ok(offers.get(it.href)?.areas.split(' ').includes(AREA), `keyboard filter: ${it.href} shown but not in ${AREA}`);
      }

      await tabTo(page, (f) => f.href === shown[0].href);
      await Promise.all([page.waitForURL(`**${shown[0].href}`), page.keyboard.press('Enter')]);
      await tabTo(page, (f) => f.hreflang === 'en');
      await Promise.all([page.waitForURL('**/en/**'), page.keyboard.press('Enter')]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      clean(problems);
    });
  });
});

/** focused describes document.activeElement, or null when nothing is focused. */
async function focused(page) {
  return page.evaluate(async () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    // Smooth scrolling and transitions: measure once the element is in the
    // viewport and has stopped moving (three frames in a row at the same
    // place and style), waiting at most ~4 s.
    const frame = () => new Promise((r) => { requestAnimationFrame(r); setTimeout(r, 25); });
    let last = '';
    for (let i = 0, still = 0; i < 160 && still < 3; i++) {
      await frame();
      const q = el.getBoundingClientRect();
      const seen = q.bottom > 0 && q.right > 0 && q.top < innerHeight && q.left < innerWidth;
      const now = `${q.top},${q.left},${getComputedStyle(el).boxShadow},${getComputedStyle(el).outlineColor}`;
      still = seen && now === last ? still + 1 : 0;
      last = now;
    }
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(cx, cy);
    const outline = `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`;
    const hasOutline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const hasShadow = cs.boxShadow && cs.boxShadow !== 'none';
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
    const name = (el.getAttribute('aria-label') || labels || el.textContent || '').replace(/\s+/g, ' ').trim();
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const path = [];
    for (let n = el; n && n !== document.body; n = n.parentElement) path.unshift(n.tagName + [...n.parentElement.children].indexOf(n));
    return {
      key: path.join('/'),
      desc: `<${el.tagName.toLowerCase()}${cls}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${name.slice(0, 40)}"`,
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      hreflang: el.getAttribute('hreflang'),
      value: 'value' in el ? el.value : null,
      name,
      rect: { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) },
      visible: r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0,
      inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      onTop: !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
      outline,
      boxShadow: cs.boxShadow,
      indicator: hasOutline || hasShadow,
      inMain: !!el.closest('main'),
      inFooter: !!el.closest('footer'),
    };
  });
}

/** tabTo presses Tab until pred(focused) holds, and returns that element. */
async function tabTo(page, pred, max = 300) {
  let first = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && pred(f)) return f;
    if (f && first === f.key) break; // went round the whole page
    first ??= f?.key ?? null;
  }
  throw new Error(`Tab never reached the wanted control on ${page.url()}`);
}

/**
 * control finds the filter control named by re: a select, or a group of
 * inputs. The filter may appear only once its script is ready, so it is
 * given a few seconds to show up.
 */
async function control(page, re) {
  // On a phone the filters may be behind a button ("Filter"): a person
  // opens them first.
  // (Once the styles are in: before, the button shows at every width.)
  await page.waitForLoadState('load');
  const filters = page.getByRole('button', { name: /^filters?\b/i, expanded: false });
  if (await filters.isVisible().catch(() => false)) await filters.click({ timeout: 5000 }).catch(() => {});
  try {
    await page.getByLabel(re).or(page.getByRole('group', { name: re })).first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    // reported below
  }
  const select = page.getByRole('combobox', { name: re });
  if ((await select.count()) > 0) return { kind: 'select', loc: select.first() };
  for (const role of ['group', 'radiogroup']) {
    const group = page.getByRole(role, { name: re });
    if ((await group.count()) > 0) return { kind: 'inputs', loc: group.first() };
  }
  const labelled = page.getByLabel(re);
  if ((await labelled.count()) > 0) return { kind: 'select', loc: labelled.first() };
  throw new Error(`${page.url()}: no form control with an accessible name matching ${re} (the thesis filter)`);
}

/** choose sets a filter control as a person does: focus it, then pick. */
async function choose(page, re, value) {
  const c = await control(page, re);
  if (c.kind === 'select') {
    await c.loc.focus();
    await c.loc.selectOption(value);
  } else {
    await c.loc.locator(`input[value="${value}"]`).check();
  }
}

async function valueOf(page, re) {
  const c = await control(page, re);
  if (c.kind === 'select') return c.loc.inputValue();
  return c.loc.locator('input:checked').first().getAttribute('value');
}

/**
 * submitIfNeeded: a filter may apply as you choose or with a button; when
 * the URL has no filter yet and the form has a submit button, press it.
 */
async function submitIfNeeded(page, keyboard = false) {
  try {
    await page.waitForURL((u) => u.searchParams.has('area'), { timeout: 1500 });
    return;
  } catch {
    // not applied yet
  }
  const button = page.locator('main form button[type=submit], main form button:not([type]), main form input[type=submit]').first();
  if ((await button.count()) === 0) return;
  if (keyboard) {
    await tabTo(page, (f) => f.tag === 'button' || f.tag === 'input');
    await page.keyboard.press('Enter');
  } else {
    await button.click();
  }
}

/**
 * settle waits (at most 15 s) until the records shown on the page are
 * exactly the hrefs expected; the assertions that follow say what differs.
 */
async function settle(page, expected) {
  await page
    .waitForFunction(
      (want) => {
        const shown = [...document.querySelectorAll('ul.items > li')]
          .filter((li) => li.offsetParent !== null && !li.closest('[hidden]'))
          .map((li) => li.querySelector('a[href]').getAttribute('href'))
          .sort();
        return JSON.stringify(shown) === JSON.stringify(want);
      },
      [...expected].sort(),
      { timeout: 15_000 },
    )
    .catch(() => {});
}

/** visibleItems lists the records shown in lists on the page, in order. */
async function visibleItems(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('ul.items > li')]
      .filter((li) => li.offsetParent !== null && !li.closest('[hidden]'))
      .map((li) => ({ href: li.querySelector('a[href]').getAttribute('href') })),
  );
}

/**
 * listedOffers maps the href of every offer the list page was built with
 * to its data-areas and data-level: the facts a filter result is checked
 * against, whatever markup the results get.
 */
async function listedOffers(page) {
  const list = await page.evaluate(() =>
    [...document.querySelectorAll('ul.items > li[data-areas]')].map((li) => [
      li.querySelector('a[href]').getAttribute('href'),
      { areas: li.dataset.areas ?? '', level: li.dataset.level ?? '' },
    ]),
  );
  return new Map(list);
}
