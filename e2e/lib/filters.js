// The filters of the search form as a visitor reads them: whether the
// name of every option, once chosen, is shown whole in its select.

/**
 * measureFilters returns, for each select of the search form's filters
 * (.search-facets select) on page, { name, width, field, cut }: its drawn
 * width and the search field's (rounded px), and the text of every option
 * that, chosen, is cut short: wider or taller than the room the select
 * shows it in (the box less its padding and, when the browser draws the
 * select, the arrow at its end), laid out in that room in the select's
 * font and wrapping as the select wraps it, between words only (a word
 * broken inside counts as cut). The chosen value is restored.
 */
export function measureFilters(page) {
  return page.$$eval('.search-facets select', (all) => {
    const field = document.querySelector('#search-q').getBoundingClientRect().width;
    return all.map((s) => {
      const st = getComputedStyle(s);
      const arrow = st.appearance === 'none' ? 0 : 16;
      const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - arrow;
      const probe = document.createElement('div');
      for (const p of ['font', 'letterSpacing', 'wordSpacing', 'whiteSpace', 'lineHeight']) {
        probe.style[p] = st[p];
      }
      // A word broken inside ("Biotechnolo/gy") is cut too: the probe
      // wraps between words only, and a longer word is wider than it.
      probe.style.overflowWrap = 'normal';
      probe.style.position = 'absolute';
      probe.style.width = `${room}px`;
      document.body.append(probe);
      const chosen = s.value;
      const cut = [];
      for (const o of s.options) {
        s.value = o.value;
        probe.textContent = o.text;
        const inner = s.clientHeight - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom);
        if (probe.scrollWidth > room + 1 || probe.getBoundingClientRect().height > inner + 1) {
          cut.push(o.text);
        }
      }
      s.value = chosen;
      probe.remove();
      return { name: s.name, width: Math.round(s.getBoundingClientRect().width), field: Math.round(field), cut };
    });
  });
}

/**
 * columnFaults returns what keeps the fields of the search form (its
 * .search-field boxes drawn, filters and buttons) from lining up in
 * columns, as lines ("a field at 417-588 px is off the columns ..."):
 * empty when every field starts at the start of a column and ends at the
 * end of one, the columns all as wide as the narrowest field and as far
 * apart as the narrowest space between two fields side by side. In rows
 * that wrapped, each field took its share of its own row, and the edges
 * of one row were not those of the next.
 */
export function columnFaults(page) {
  return page.$$eval('.search-form .search-field', (all) => {
    const boxes = all
      .map((f) => ({ name: f.className.replace('search-field', '').trim(), r: f.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0)
      .map((b) => ({ name: b.name, left: b.r.left, right: b.r.right, top: b.r.top, bottom: b.r.bottom }));
    // Two fields are in one row when they are side by side (their boxes
    // overlap from top to bottom: a field without a label is shorter).
    const beside = (a, b) => a.top < b.bottom && b.top < a.bottom;
    if (boxes.every((a) => boxes.every((b) => beside(a, b)))) return [];
    const column = Math.min(...boxes.map((b) => b.right - b.left));
    const gaps = [];
    for (const a of boxes) {
      for (const b of boxes) {
        if (beside(a, b) && b.left > a.right) gaps.push(b.left - a.right);
      }
    }
    const gap = gaps.length > 0 ? Math.min(...gaps) : 0;
    const start = Math.min(...boxes.map((b) => b.left));
    const step = column + gap;
    const onGrid = (x) => Math.abs(x / step - Math.round(x / step)) * step <= 1;
    const px = (x) => Math.round(x);
    return boxes
      .filter((b) => !onGrid(b.left - start) || !onGrid(b.right - start + gap))
      .map((b) => `the field "${b.name}" at ${px(b.left)}-${px(b.right)} px is off the columns (${px(column)} px wide, ${px(gap)} px apart, from ${px(start)} px)`);
  });
}
