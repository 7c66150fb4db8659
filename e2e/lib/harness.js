// One served site per test process.
//
// `npm test` (run.js) builds the site and starts nginx once, then passes
// E2E_SITE_DIR and E2E_BASE_URL to every test file. A test file run on its
// own (node --test tests/server.test.js) builds and serves its own copy.
// E2E_SITE_DIR alone (an existing public/) skips the build.
//
// A test file starts with siteUnderTest (the served site, or the reason
// its suite skips), and a suite that needs a site of its own (a variant
// or a corpus) serves it with serveBuilt.

import { rmSync } from 'node:fs';

import { missing } from './env.js';
import { buildSite, sections } from './site.js';
import { startNginx } from './nginx.js';

let pending = null;

/**
 * served returns { dir, base, origin, redirect, built, stop } for the site
 * under test; redirect is the address of the plain-HTTP server block.
 */
export function served() {
  pending ??= open();
  return pending;
}

/**
 * siteUnderTest returns { skip, site, secs } for a test file that needs
 * the tools named (see missing): skip is missing's message, null when
 * every tool is there; site is served() and secs the URL segment of every
 * kind (sections()), or null and {} when skip is set.
 */
export async function siteUnderTest(...tools) {
  const skip = missing(...tools);
  if (skip) return { skip, site: null, secs: {} };
  return { skip, site: await served(), secs: sections() };
}

/**
 * serveBuilt serves built.out, a site built into the temporary folder
 * built.tmp (what buildVariant and buildCorpus return), with nginx. It
 * returns { base, origin, stop }: stop stops nginx and removes built.tmp.
 */
export async function serveBuilt(built) {
  const remove = () => rmSync(built.tmp, { recursive: true, force: true });
  let srv;
  try {
    srv = await startNginx(built.out);
  } catch (err) {
    remove();
    throw err;
  }
  return {
    base: srv.base,
    origin: new URL(srv.base).origin,
    stop: async () => {
      await srv.stop();
      remove();
    },
  };
}

async function open() {
  const given = process.env.E2E_SITE_DIR;
  if (given && process.env.E2E_BASE_URL) {
    const base = process.env.E2E_BASE_URL.replace(/\/$/, '');
    const redirect = process.env.E2E_REDIRECT_URL;
    return { dir: given, base, origin: new URL(base).origin, redirect, built: process.env.E2E_BUILT === '1', stop: async () => {} };
  }
  const dir = given || (await buildSite());
  let srv;
  try {
    srv = await startNginx(dir);
  } catch (err) {
    if (!given) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    base: srv.base,
    origin: new URL(srv.base).origin,
    redirect: srv.redirect,
    built: !given,
    stop: async () => {
      await srv.stop();
      if (!given) rmSync(dir, { recursive: true, force: true });
    },
  };
}
