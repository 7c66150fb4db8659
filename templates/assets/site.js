// Marks offers and lectures closed in the browser when a page built some
// days ago is read after a deadline. Everything works without this script;
// it only adds the marks the next build would add.
(function () {
  "use strict";
  var now = Date.now();
  function passed(el, attr) {
    var v = el.getAttribute(attr);
    if (!v) return false;
    var t = Date.parse(v);
    return !isNaN(t) && now >= t;
  }
  var lists = document.querySelectorAll("ul.items");
  Array.prototype.forEach.call(lists, function (ul) {
    Array.prototype.forEach.call(ul.children, function (li) {
      var label = "";
      if (passed(li, "data-deadline")) label = ul.getAttribute("data-closed-label");
      else if (passed(li, "data-end")) label = ul.getAttribute("data-past-label");
      if (!label || li.classList.contains("is-marked")) return;
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
      span.className = "mark mark-closed";
      span.textContent = label;
      marks.insertBefore(span, marks.firstChild);
    });
  });
  var rec = document.querySelector("article.record");
  if (rec && (passed(rec, "data-deadline") || passed(rec, "data-end"))) {
    var n = rec.querySelector("[data-when-closed]");
    if (n) n.hidden = false;
  }
})();
