// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Shareable URLs: leave unused filters out of the query string ("?actor=3", not
  // "?q=&actor=3&from=&to=&document="). The server ignores empty values either way.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("filters")) return;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !field.value) field.disabled = true;
    });
  });
  // Re-enable them when the page comes back from the history cache.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll(".filters [disabled]").forEach(function (field) {
      field.disabled = false;
    });
  });

  // Print every event's sources and "How this date was resolved", then fold them back.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll(".event details, details.resolution"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
