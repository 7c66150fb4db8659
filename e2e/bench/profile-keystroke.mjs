// Profiles keystrokes in the search field (development tool, not a test):
// serves a built site (argument 1) with deploy/nginx.conf, opens a page
// (argument 2, /exjobb/ by default) at 375 px on the throttled phone
// profile, types a query (argument 3, "energi") and records a Chrome trace
// of the keystrokes after the first; prints each main-thread task over
// 16 ms with what it spent its time on (script, style, layout, paint, ...).
//
//   node bench/profile-keystroke.mjs /tmp/portal-corpus-10000-x/public /exjobb/ energi

import { writeFileSync } from 'node:fs';

import { launch } from '../lib/browser.js';
import { PHONE } from '../lib/measure.js';
import { startNginx } from '../lib/nginx.js';

const [site, url = '/exjobb/', query = 'energi', out] = process.argv.slice(2);
const srv = await startNginx(site);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.down, uploadThroughput: PHONE.up });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  await page.goto(srv.base + url, { waitUntil: 'networkidle', timeout: 120_000 });
  await page.focus('#search-q');
  await page.keyboard.type(query[0]);
  await page.waitForSelector('.search-results li', { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const finished = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] }, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (const ch of query.slice(1)) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(700);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await finished;
  if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
  report(events);
  hot(profile);
  await context.close();
} finally {
  await browser.close();
  await srv.stop();
}

// report prints the renderer main thread's long tasks and, for each, the
// time of its direct kinds of work.
function report(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 16000).sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0]?.ts ?? 0;
  for (const t of tasks) {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const by = new Map();
    for (const e of inside) {
      // Only outermost events of their name count.
      if (inside.some((o) => o !== e && o.name === e.name && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur)) continue;
      by.set(e.name, (by.get(e.name) ?? 0) + e.dur);
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ');
    const fn = inside.filter((e) => e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'EventDispatch' || e.name === 'FireIdleCallback').map((e) => e.name + (e.args?.data?.type ? ':' + e.args.data.type : '') + (e.args?.data?.url ? '@' + e.args.data.url.split('/').pop() + ':' + e.args.data.lineNumber : '')).slice(0, 4);
    console.log(`+${((t.ts - t0) / 1000).toFixed(0)} ms: task ${(t.dur / 1000).toFixed(1)} ms: ${top} | ${fn.join(' ')}`);
  }
}

// hot prints the functions of the CPU profile that took the most time
// themselves (the sampled time, not counting what they called).
function hot(profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  const top = [...self].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [k, us] of top) console.log(`${(us / 1000).toFixed(1)} ms ${k}`);
}
