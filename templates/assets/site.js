// Does in the browser what the next build will do when a page built some
// days ago is read after a deadline: an offer that has closed leaves the
// list of open offers (and its count; with none left, the list says it is
// empty) and loses its link to apply, which the closed notice replaces; a
// lecture that is over is marked past, and its page says it was held.
// A table in a text that fits its width is no tab stop.
// Everything works without this script.
(function () {
  "use strict";
  var now = Date.now();
  function passed(el, attr) {
    var v = el.getAttribute(attr);
    if (!v) return false;
    var t = Date.parse(v);
    return !isNaN(t) && now >= t;
  }
  function mark(li, label, cls) {
    li.classList.add("is-marked");
    var marks = li.querySelector(".marks");
    if (!marks) {
      marks = document.createElement("p");
      marks.className = "marks";
      var meta = li.querySelector(".meta");
      li.insertBefore(marks, meta);
      if (li.hasAttribute("lang")) marks.lang = document.documentElement.lang;
    }
    var span = document.createElement("span");
    span.className = "mark " + cls;
    span.textContent = label;
    marks.insertBefore(span, marks.firstChild);
  }
  // An item the build listed as open (not marked) whose deadline has
  // passed: it leaves a list of open offers; in a group of an area's,
  // organisation's or school's page, which lists the closed ones too, it
  // is marked closed, as the next build shows it. The search results
  // draw their own.
  var gone = 0;
  var lists = document.querySelectorAll("ul.items:not(.search-results)");
  Array.prototype.forEach.call(lists, function (ul) {
    var all = ul.closest("section.group");
    Array.prototype.forEach.call(ul.children, function (li) {
      if (li.classList.contains("is-marked")) return;
      // The item's own data-mark-label is its kind's word for the mark
      // where it differs from the list's (ett exjobb is "Stängt").
      var own = li.getAttribute("data-mark-label");
      if (passed(li, "data-deadline")) {
        if (all && (own || ul.getAttribute("data-closed-label"))) {
          mark(li, own || ul.getAttribute("data-closed-label"), "mark-closed");
        } else {
          li.hidden = true;
          gone++;
        }
      } else if (passed(li, "data-end") && (own || ul.getAttribute("data-past-label"))) {
        mark(li, own || ul.getAttribute("data-past-label"), "mark-past");
      }
    });
  });
  // The home page's offers: with every one gone, the build's text in
  // their place (hidden), which points to the kinds' lists, where later
  // offers may still be open.
  Array.prototype.forEach.call(document.querySelectorAll(".home-section ul.items"), function (ul) {
    var empty = ul.nextElementSibling;
    if (!empty || !empty.hasAttribute("data-when-empty")) return;
    if (!ul.querySelector(":scope > li:not([hidden])")) empty.hidden = false;
  });
  // The count of a kind's list: one fewer for each offer that left it,
  // grouped as the build writes it in the page's language ("1 234",
  // "1,234"), with the separator the build gives in data-group. Not with
  // toLocaleString, whose first call readies the browser's locale data:
  // 30-120 ms of a phone's main thread while the page loads.
  var count = document.querySelector(".list-head .count[data-count]");
  if (count && gone > 0) {
    var n = Math.max(0, Number(count.getAttribute("data-count")) - gone);
    var text = count.getAttribute(n === 1 ? "data-count-one" : "data-count-other");
    var sep = count.getAttribute("data-group");
    var digits = sep === null ? n.toLocaleString(document.documentElement.lang || undefined)
      : n < 1000 ? String(n) : String(n).replace(/\B(?=(\d{3})+$)/g, sep);
    if (text) count.textContent = text.replace("{n}", digits);
    // Every offer has left: the build's text of an empty list, hidden.
    var empty = document.querySelector("[data-when-empty]");
    if (n === 0 && empty) empty.hidden = false;
  }
  var rec = document.querySelector("article.record");
  if (rec && (passed(rec, "data-deadline") || passed(rec, "data-end"))) {
    var notice = rec.querySelector("[data-when-closed]");
    if (notice) notice.hidden = false;
    Array.prototype.forEach.call(rec.querySelectorAll(".fact-apply"), function (row) {
      row.hidden = true;
    });
    // A status the next build changes (a lecture that was planned is
    // held): the value it will show.
    Array.prototype.forEach.call(rec.querySelectorAll("[data-when-passed]"), function (dd) {
      var el = dd.firstElementChild || dd;
      el.textContent = dd.getAttribute("data-when-passed");
    });
  }
  // A table in a text scrolls inside its wrapper, a named region that is
  // a tab stop (the build writes tabindex="0"), so that a keyboard can
  // scroll it where it is wider than the screen, without a script. One
  // that fits is a stop that does nothing: it loses it, and gets it back
  // once it scrolls (a phone turned, a window made narrower, text
  // zoomed). Kept while it has focus, which would be lost. The wrapper
  // stays a region with its name either way: the landmarks a screen
  // reader lists do not change as the window does, and a name without
  // the role would be one on a plain div, which ARIA does not allow.
  var wrappers = document.querySelectorAll(".prose .table-scroll[tabindex]");
  function stop(wrapper) {
    if (wrapper.scrollWidth - wrapper.clientWidth > 1) wrapper.setAttribute("tabindex", "0");
    else if (document.activeElement !== wrapper) wrapper.removeAttribute("tabindex");
  }
  function stops() {
    Array.prototype.forEach.call(wrappers, stop);
  }
  // Once now, before the page is in a keyboard's hands: an observer's
  // first word comes a frame later, when a Tab may already have stopped
  // on a wrapper that fits.
  stops();
  if (wrappers.length && typeof ResizeObserver === "function") {
    // Told of each wrapper and its table as the width of either changes:
    // the window's, or the table's alone (text zoomed).
    var sizes = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        var el = entry.target;
        stop(el.classList.contains("table-scroll") ? el : el.parentNode);
      });
    });
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      sizes.observe(wrapper);
      if (wrapper.firstElementChild) sizes.observe(wrapper.firstElementChild);
    });
  } else if (wrappers.length) {
    var soon = 0;
    window.addEventListener("resize", function () {
      clearTimeout(soon);
      soon = setTimeout(stops, 150);
    });
  }
})();
