// Measures a search as a student on a phone meets it: 375 px, the network
// at 1.6 Mbit/s with 150 ms round trips and the CPU slowed 4× (Chrome
// DevTools Protocol), from the first keystroke in the search field.

/** PHONE is the throttled profile of the issue. */
export const PHONE = { latency: 150, down: 1.6e6 / 8, up: 0.75e6 / 8, cpu: 4 };

/**
 * measureSearch opens url, types query into input one key at a time and
 * returns { bytes, ahead, code, first, later, fetched, shown }: bytes is
 * what the tap on the field and the first keystroke transferred until the
 * first result was drawn in results (the requests started before it),
 * ahead what was transferred after it until the network was idle (what
 * the page fetched ahead for the next keystrokes), code the bytes of the
 * search script(s) the page had loaded before (matched by codeRe), first
 * the milliseconds from the tap to that result, later the milliseconds
 * from each further keystroke to the last change of the results it made,
 * fetched for each of them whether it started a request before its
 * results were drawn (a keystroke that leaves the results as they are
 * is drawn when search.js marks them as the new query's: data-query),
 * long the longest task on the main thread after the
 * first result (0 when none took more than 50 ms), and shown the number
 * of results drawn at the end.
 */
export async function measureSearch(browser, url, query, { input = '#search-q', results = '.search-results', item = '.search-results li', codeRe = /\/assets\/search(-page)?\.[0-9a-f]+\.js$/, throttle = PHONE } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: throttle.latency, downloadThroughput: throttle.down, uploadThroughput: throttle.up,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    }
    // Every request of the page and its workers (Pagefind searches in a
    // worker), with the bytes of its response on the wire.
    const reqs = [];
    context.on('requestfinished', (r) => reqs.push(r));
    const wire = async (list) => {
      let n = 0;
      for (const r of list) {
        const z = await r.sizes();
        n += z.responseBodySize + z.responseHeadersSize;
      }
      return n;
    };
    await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
    const before = reqs.length;
    const code = await wire(reqs.filter((r) => codeRe.test(r.url())));
    await page.evaluate((sel) => {
      window.__drawn = [];
      // Tasks that held the main thread for more than 50 ms.
      window.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
      const box = document.querySelector(sel);
      // A change of the results, or of the query they are for (search.js
      // leaves results that stay the same as they are and says so in
      // data-query).
      new MutationObserver(() => window.__drawn.push(performance.now())).observe(box, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-query'] });
    }, results);
    // From the tap on the field (which may fetch what every query needs)
    // through the first keystroke to the first change of the results, on
    // the page's clock; the bytes of every request made meanwhile, once
    // the network is idle again (the results need them all).
    const t0 = await page.evaluate(() => performance.now());
    await page.focus(input);
    await page.keyboard.type(query[0]);
    await page.waitForSelector(item, { timeout: 120_000 });
    const t1 = await page.evaluate(() => window.__drawn[0]);
    const origin = await page.evaluate(() => performance.timeOrigin);
    // started tells whether a request started before the page's time t.
    const started = (r, t) => r.timing().startTime <= origin + t;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const after = reqs.slice(before);
    const bytes = await wire(after.filter((r) => started(r, t1)));
    const ahead = await wire(after.filter((r) => !started(r, t1)));
    const later = [];
    const fetched = [];
    for (const ch of query.slice(1)) {
      const n = await page.evaluate(() => window.__drawn.length);
      const k0 = await page.evaluate(() => performance.now());
      const from = reqs.length;
      await page.keyboard.type(ch);
      await page.waitForFunction((m) => window.__drawn.length > m, n, { timeout: 60_000 });
      // Let the drawing finish: the last change of the results.
      await page.waitForTimeout(300);
      const k1 = await page.evaluate((m) => window.__drawn[window.__drawn.length - 1], n);
      later.push(Math.round(k1 - k0));
      // The favicon, which the browser asks for again when the search
      // writes the query into the address, draws no result.
      fetched.push(reqs.slice(from).some((r) => !/favicon/.test(r.url()) && !started(r, k0) && started(r, k1)));
    }
    const shown = await page.$$eval(item, (l) => l.length);
    // The longest task of the later keystrokes (0: none over 50 ms).
    const long = await page.evaluate((t) => Math.round(Math.max(0, ...window.__long.filter((x) => x[0] > t).map((x) => x[1]))), t1);
    return { bytes, ahead, code, first: Math.round(t1 - t0), later, fetched, long, shown };
  } finally {
    await context.close();
  }
}
