// The preview's live reload, added by `generator serve` to every page it
// sends (never by build). It listens to the server's event stream:
// "reload" names the changed URL paths, and the page reloads when its own
// path is among them (or a stylesheet or script changed); "errors" shows
// the overlay; "ok" removes it. A file, not inline, so that the site's
// Content-Security-Policy (script-src 'self') holds in the preview too.
(function () {
  "use strict";
  if (!window.EventSource || window.portalLive) return;
  window.portalLive = true;
  function norm(p) {
    try { p = decodeURI(p); } catch (e) {}
    return p.replace(/\/index\.html$/, "/");
  }
  var here = norm(location.pathname);
  function overlay(html) {
    var old = document.getElementById("portal-overlay");
    if (old) old.remove();
    if (!html) return;
    var t = document.createElement("template");
    t.innerHTML = html; // made by the server, every value escaped
    document.body.insertBefore(t.content, document.body.firstChild);
  }
  // The overlay's Close button (in the page as served, or added above).
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("#portal-overlay .portal-close");
    if (b) document.getElementById("portal-overlay").remove();
  });
  var es = new EventSource(document.currentScript.getAttribute("data-events"));
  // The overlay in the page's language, as the server shows it on a load.
  var lang = (document.documentElement.lang || "").slice(0, 2);
  es.addEventListener("errors", function (e) {
    var d = JSON.parse(e.data);
    overlay((d.langs && d.langs[lang]) || d.html);
  });
  es.addEventListener("ok", function () { overlay(""); });
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.all || d.paths.some(function (p) { return norm(p) === here || /\.(css|js)$/.test(p); })) {
      location.reload();
    }
  });
})();
