// One served site per test process.
//
// `npm test` (run.js) builds the site and starts nginx once, then passes
// E2E_SITE_DIR and E2E_BASE_URL to every test file. A test file run on its
// own (node --test tests/server.test.js) builds and serves its own copy.
// E2E_SITE_DIR alone (an existing public/) skips the build.

import { rmSync } from 'node:fs';

import { buildSite } from './site.js';
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
