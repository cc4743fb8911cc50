/* saylav-archive: small fixes to Datasette's pages that need the page to have run first.
   CodeMirror (the SQL editor) types into a textarea of its own, made after the page loads: it gets
   the label of the SQL box it replaces, so screen readers (and axe) know what it is. */
(function () {
  function label() {
    document.querySelectorAll(".CodeMirror textarea:not([aria-label])").forEach(function (t) {
      var source = document.getElementById("sql-editor");
      t.setAttribute("aria-label", (source && source.getAttribute("aria-label")) || "SQL query");
    });
  }
  function start() {
    label();
    if (window.MutationObserver) {
      new MutationObserver(label).observe(document.body, {childList: true, subtree: true});
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
