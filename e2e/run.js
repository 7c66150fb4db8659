// npm test: build the site once (fixed NOW), serve it through nginx with
// deploy/nginx.conf, and run every test file against that one server with
// node's built-in test runner. The runner's summary lines are the last
// thing printed. Exit status: the test runner's.
//
//   npm test                       all of it
//   npm test -- tests/server.test.js   one file (arguments go to node --test)
//   E2E_SITE_DIR=public npm --prefix e2e test   test an existing build instead
//
// Without chromium, nginx or java the tests that need them skip with a
// message; with CI=true they fail instead.

import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { E2E_DIR, missing } from './lib/env.js';
import { buildSite } from './lib/site.js';
import { startNginx } from './lib/nginx.js';

const args = process.argv.slice(2);
const files = args.length > 0 ? args : readdirSync(path.join(E2E_DIR, 'tests')).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join('tests', f));

const env = { ...process.env };
// A relative E2E_SITE_DIR is taken from where npm was started.
let dir = process.env.E2E_SITE_DIR ? path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.E2E_SITE_DIR) : undefined;
let built = false;
let server = null;

async function cleanup() {
  await server?.stop();
  server = null;
  if (built && dir) rmSync(dir, { recursive: true, force: true });
  built = false;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

try {
  if (!dir) {
    process.stderr.write('e2e: building the site (go run ./generator build) …\n');
    dir = await buildSite();
    built = true;
  }
  env.E2E_SITE_DIR = dir;
  env.E2E_BUILT = built ? '1' : '0';
  if (!missing('nginx')) {
    server = await startNginx(dir);
    env.E2E_BASE_URL = server.base;
    env.E2E_REDIRECT_URL = server.redirect;
    process.stderr.write(`e2e: serving ${dir} at ${server.base} with deploy/nginx.conf\n`);
  }
} catch (err) {
  process.stderr.write(`e2e: ${err.message}\n`);
  await cleanup();
  process.exit(1);
}

const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: E2E_DIR,
  env,
  stdio: 'inherit',
});
const code = await new Promise((resolve) => {
  child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0)));
});
await cleanup();
process.exit(code);
