// Layout checks of a page as drawn: nothing wider than the viewport, and
// no word of a label, heading, button or navigation link broken across
// two lines (a phone's narrow columns must wrap between words only).

/** The elements whose words must stay whole. */
export const WHOLE_WORDS = 'h1, h2, h3, h4, h5, h6, label, legend, summary, button, th, dt, nav a, .eyebrow, .badge, .brand-title';

/**
 * overflow returns null when nothing on the page is wider than width,
 * else the page's scrollWidth and the widest elements (at most 10), each
 * as tag#id.class (right edge N px).
 */
export function overflow(page, width) {
  return page.evaluate((w) => {
    const sw = document.documentElement.scrollWidth;
    if (sw <= w) return null;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 0.5 && r.width > 0) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge ${Math.round(r.right)} px)`);
      }
    }
    return { sw, wide: wide.slice(0, 10) };
  }, width);
}

/**
 * splitWords returns a line for every word, in the rendered elements that
 * match WHOLE_WORDS, whose letters are drawn on more than one line: the
 * client rectangles of a Range over the word have more than one top. A
 * line may break after a hyphen, a dash or a slash, so those end a word.
 */
export function splitWords(page) {
  return page.evaluate((selector) => {
    const out = [];
    const done = new Set();
    for (const el of document.querySelectorAll(selector)) {
      if (el.getClientRects().length === 0) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (done.has(node)) continue;
        done.add(node);
        for (const m of node.data.matchAll(/[^\s\-‐–—/]+/g)) {
          if (m[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) {
            const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
            out.push(`${el.tagName.toLowerCase()}${cls}: "${m[0]}" is broken across ${tops.size} lines in "${el.textContent.trim().replace(/\s+/g, ' ')}"`);
          }
        }
      }
    }
    return out;
  }, WHOLE_WORDS);
}
