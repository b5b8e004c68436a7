// Writes an event's start and end in the reader's own time zone, from the UTC moments the page carries
// (data-start / data-end). The page works without it: it already shows the event's own zone, and a zone
// can be chosen with the ?tz= form.
(function () {
  "use strict";
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll("dd.local-time[data-start]").forEach(function (cell) {
    var start = new Date(cell.getAttribute("data-start"));
    var end = new Date(cell.getAttribute("data-end"));
    if (isNaN(start.getTime()) || isNaN(end.getTime()) || typeof Intl === "undefined") {
      return;
    }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var full = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZoneName: "shortOffset" });
    var time = cell.querySelector("time");
    time.setAttribute("datetime", start.toISOString());
    time.textContent = full.format(start) + " – " + full.format(end) + (zone ? " · " + zone : "");
    cell.hidden = false;
    var label = cell.previousElementSibling;
    if (label && label.classList.contains("local-time-label")) {
      label.hidden = false;
    }
  });
})();
