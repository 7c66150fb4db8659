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
 * match WHOLE_WORDS, whose letters are drawn on more than one line, and
 * not at a hyphenation point: the client rectangles of its letters have
 * more than one top. A line may break after a hyphen, a dash or a slash,
 * so those end a word. A word hyphenated by the browser (headings have
 * `hyphens: auto`; a soft hyphen) is split too, with a hyphen drawn at the
 * end of the line, and is not broken: the word is laid out again with
 * every other way to break inside it turned off (`overflow-wrap`,
 * `word-break` and `line-break` of its element normal), and when it
 * breaks at the same letters it broke at a hyphenation point. A word
 * broken by `overflow-wrap` where no hyphen is drawn ("Skyfallsmodel" /
 * "lering") breaks elsewhere or not at all then, and is reported.
 */
export function splitWords(page) {
  return page.evaluate((selector) => {
    // drawnOnLines tells whether the letters of node from start to end
    // are drawn on more than one line (the boxes of a Range over them).
    const drawnOnLines = (node, start, end) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
    };
    // breaks returns the offsets in node between start and end where a
    // letter is drawn on a new line (a letter without a box, such as a
    // soft hyphen not taken, is skipped).
    const breaks = (node, start, end) => {
      const at = [];
      let last = null;
      const range = document.createRange();
      for (let i = start; i < end; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = [...range.getClientRects()].find((r) => r.width > 0);
        if (!box) continue;
        const top = Math.round(box.top);
        if (last !== null && top !== last) at.push(i);
        last = top;
      }
      return at;
    };
    // hyphenated tells whether the word of node from start to end breaks
    // at the same letters, split, with no way to break but hyphenation.
    const hyphenated = (node, start, end, split) => {
      const style = node.parentElement.style;
      const saved = ['overflow-wrap', 'word-break', 'line-break'].map((p) => [p, style.getPropertyValue(p), style.getPropertyPriority(p)]);
      for (const [p] of saved) style.setProperty(p, p === 'line-break' ? 'auto' : 'normal', 'important');
      const again = breaks(node, start, end);
      for (const [p, value, priority] of saved) {
        if (value) style.setProperty(p, value, priority);
        else style.removeProperty(p);
      }
      return again.length > 0 && again.join() === split.join();
    };
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
          const end = m.index + m[0].length;
          if (!drawnOnLines(node, m.index, end)) continue;
          const split = breaks(node, m.index, end);
          if (hyphenated(node, m.index, end, split)) continue;
          const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          const plain = (t) => t.replace(/\u00ad/g, '');
          out.push(`${el.tagName.toLowerCase()}${cls}: "${plain(m[0])}" is broken across ${split.length + 1} lines in "${plain(el.textContent).trim().replace(/\s+/g, ' ')}"`);
        }
      }
    }
    return out;
  }, WHOLE_WORDS);
}
