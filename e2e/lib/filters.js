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
