// The shipped deploy/nginx.conf, as nginx really serves the built site:
// clean URLs and slash redirects, language-specific 404 pages, media types,
// cache lifetimes (a year for fingerprinted assets only), the security
// headers on every response, and plain HTTP sent to HTTPS.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';

import { missing, suite } from '../lib/env.js';
import { served } from '../lib/harness.js';
import { sections, walk } from '../lib/site.js';

const skip = missing('nginx', 'go');
const site = skip ? null : await served();
const files = skip ? [] : walk(site.dir);

const IMMUTABLE = 'public, max-age=31536000, immutable';

async function get(p, init = {}) {
  const res = await fetch(site.base + p, { redirect: 'manual', signal: AbortSignal.timeout(10_000), ...init });
  const body = init.method === 'HEAD' ? '' : await res.text();
  return { status: res.status, headers: res.headers, body };
}

function assertNotLongCached(r, what) {
  const cc = r.headers.get('cache-control') ?? '';
  assert.doesNotMatch(cc, /immutable|max-age=(\d{5,})/, `${what}: Cache-Control ${JSON.stringify(cc)} caches for long`);
}

suite('nginx with deploy/nginx.conf', skip, () => {
  after(async () => {
    await site?.stop();
  });

  const secs = skip ? {} : sections();

  test('clean URLs: a folder serves its index.html, as HTML that is revalidated', async () => {
    for (const p of ['/', `/${secs.theses.sv}/`, `/en/${secs.theses.en}/`]) {
      const r = await get(p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8', p);
      assert.equal(r.body, readFileSync(path.join(site.dir, p, 'index.html'), 'utf8'), `${p} is ${p}index.html`);
      assert.equal(r.headers.get('cache-control'), 'no-cache', `${p}: HTML is revalidated`);
    }
  });

  test('a folder without its slash is a 301 to the slash, query kept', async () => {
    for (const p of [`/${secs.theses.sv}`, `/en/${secs.theses.en}`, '/en']) {
      const r = await get(p);
      assert.equal(r.status, 301, p);
      assert.equal(r.headers.get('location'), `${p}/`, p);
    }
    const q = await get(`/${secs.theses.sv}?area=energi-och-klimat&level=master`);
    assert.equal(q.status, 301);
    assert.equal(q.headers.get('location'), `/${secs.theses.sv}/?area=energi-och-klimat&level=master`);
  });

  test('missing pages get the 404 page of their language, with status 404', async () => {
    const sv = readFileSync(path.join(site.dir, '404.html'), 'utf8');
    assert.ok(existsSync(path.join(site.dir, 'en', '404.html')), 'the build writes en/404.html');
    const en = readFileSync(path.join(site.dir, 'en', '404.html'), 'utf8');
    const cases = [
      ['/finns-inte/', sv],
      [`/${secs.theses.sv}/finns-inte/`, sv],
      ['/finns-inte.xml', sv],
      ['/en/no-such-page/', en],
      [`/en/${secs.theses.en}/no-such-thesis/`, en],
      ['/en/no-such-feed/atom.xml', en],
    ];
    for (const [p, body] of cases) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8', p);
      assert.equal(r.body, body, `${p}: the ${body === en ? 'English' : 'Swedish'} 404 page`);
      assertNotLongCached(r, p);
    }
    assert.match(en, /<html[^>]* lang="en"/);
    assert.match(sv, /<html[^>]* lang="sv"/);
  });

  test('feeds, sitemap, calendars and JSON have their media types', async () => {
    const atoms = files.filter((f) => f.endsWith('/atom.xml') || f === 'atom.xml');
    assert.ok(atoms.length > 0, 'the build writes atom.xml feeds');
    for (const f of [atoms[0], atoms.at(-1)]) {
      const r = await get(`/${f}`);
      assert.equal(r.status, 200, f);
      assert.equal(r.headers.get('content-type'), 'application/atom+xml', f);
      assert.match(r.body, /<feed[\s>]/, f);
    }
    const sm = await get('/sitemap.xml');
    assert.equal(sm.status, 200);
    assert.equal(sm.headers.get('content-type'), 'application/xml');
    assert.match(sm.body, /<urlset[\s>]/);

    const cal = await get(`/${secs.lectures.sv}/calendar.ics`);
    assert.equal(cal.status, 200, 'the lectures calendar');
    assert.equal(cal.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(cal.body, /^BEGIN:VCALENDAR\r?\n/);
    const ics = files.filter((f) => f.endsWith('.ics'));
    for (const f of ics) {
      const r = await get(`/${f}`);
      assert.equal(r.status, 200, f);
      assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8', f);
    }

    const robots = await get('/robots.txt');
    assert.equal(robots.status, 200);
    assert.equal(robots.headers.get('content-type'), 'text/plain; charset=utf-8');

    let json = files.find((f) => f.endsWith('.json'));
    let probe = null;
    if (!json && site.built) {
      // The site has no JSON file (yet): check the rule with a probe file in
      // the temporary build that only this run serves.
      json = 'e2e-probe.json';
      probe = path.join(site.dir, json);
      writeFileSync(probe, '{"probe":true}\n');
    }
    if (json) {
      try {
        const r = await get(`/${json}`);
        assert.equal(r.status, 200, json);
        assert.equal(r.headers.get('content-type'), 'application/json', json);
      } finally {
        if (probe) rmSync(probe, { force: true });
      }
    }
  });

  test('fingerprinted CSS and JS are cached for a year, nothing else is', async () => {
    const home = readFileSync(path.join(site.dir, 'index.html'), 'utf8');
    const refs = [...home.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]);
    const css = refs.filter((r) => r.endsWith('.css'));
    const js = refs.filter((r) => r.endsWith('.js'));
    assert.ok(css.length > 0, 'the home page links a stylesheet');
    for (const ref of [...css, ...js]) {
      assert.match(ref, /^\/assets\/(?:[^/]+\/)*[^/]+\.[0-9a-f]{8,}\.(css|js)$/, `${ref} is a fingerprinted /assets/ URL`);
      const r = await get(ref);
      assert.equal(r.status, 200, ref);
      assert.equal(r.headers.get('cache-control'), IMMUTABLE, ref);
      assert.equal(
        r.headers.get('content-type'),
        ref.endsWith('.css') ? 'text/css; charset=utf-8' : 'application/javascript; charset=utf-8',
        ref,
      );
    }
    // A hashed-looking name that does not exist is a 404 and must not be
    // cached for a year.
    const gone = await get('/assets/site.0123456789.css');
    assert.equal(gone.status, 404);
    assertNotLongCached(gone, 'a missing fingerprinted asset');
    // Unhashed files under /assets/ are revalidated.
    for (const f of files.filter((f) => f.startsWith('assets/') && !/\.[0-9a-f]{8,}\.[a-z0-9]+$/.test(f))) {
      const r = await get(`/${f}`, { method: 'HEAD' });
      assertNotLongCached(r, f);
    }
    for (const p of ['/sitemap.xml', '/robots.txt', `/${secs.lectures.sv}/calendar.ics`, '/404.html']) {
      assertNotLongCached(await get(p), p);
    }
  });

  test('attachments are served beside their record', async () => {
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    assert.ok(pdfs.length > 0, 'the build copies agreement attachments');
    const r = await get(`/${pdfs[0]}`, { method: 'HEAD' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
  });

  test('every response carries the security headers, the policy as in the pages', async () => {
    const meta = readFileSync(path.join(site.dir, 'index.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(meta, 'index.html carries the policy');
    const policy = meta[1].replaceAll('&#39;', "'");
    const asset = files.find((f) => /^assets\/site\.[0-9a-f]{8,64}\.css$/.test(f));
    const pdf = files.find((f) => f.endsWith('.pdf'));
    const paths = ['/', `/en/${secs.theses.en}/`, '/finns-inte/', `/${secs.theses.sv}`, `/${asset}`, '/assets/no-such.css', '/atom.xml', '/sitemap.xml', `/${secs.lectures.sv}/calendar.ics`, `/${pdf}`];
    const json = files.find((f) => f.endsWith('.json'));
    if (json) paths.push(`/${json}`);
    for (const p of paths) {
      const r = await get(p, { method: 'HEAD' });
      const h = (n) => r.headers.get(n);
      const csp = h('content-security-policy') ?? '';
      // The header is the meta policy with frame-ancestors added.
      const directives = csp.split('; ');
      assert.deepEqual(directives.filter((d) => !d.startsWith('frame-ancestors')), policy.split('; '), `${p}: Content-Security-Policy ${csp}`);
      assert.ok(directives.includes("frame-ancestors 'none'"), `${p}: no frame-ancestors 'none' in ${csp}`);
      assert.equal(h('cross-origin-opener-policy'), 'same-origin', p);
      assert.match(h('permissions-policy') ?? '', /(^|, )camera=\(\)(, |$)/, `${p}: Permissions-Policy`);
      assert.match(h('permissions-policy') ?? '', /(^|, )geolocation=\(\)(, |$)/, `${p}: Permissions-Policy`);
      assert.equal(h('strict-transport-security'), 'max-age=31536000', p);
      assert.equal(h('x-content-type-options'), 'nosniff', p);
    }
  });

  test('plain HTTP is sent to the same address over HTTPS', { skip: !site?.redirect && 'no redirect block served' }, async () => {
    const r = await new Promise((resolve, reject) => {
      const req = http.get(`${site.redirect}/${secs.theses.sv}/?area=energi-och-klimat`, { headers: { Host: 'samverkan.example.se' } }, resolve);
      req.on('error', reject);
    });
    r.resume();
    assert.equal(r.statusCode, 301);
    assert.equal(r.headers.location, `https://samverkan.example.se/${secs.theses.sv}/?area=energi-och-klimat`);
  });
});
