/*
 * The site's one script, loaded with defer from templates/base.html (one request on every
 * page: the page-weight budget is six). No inline script: the CSP forbids it. Everything
 * works without it; it adds two enhancements, each in its own block below:
 *   1. the quick exit's history replacement and keyboard shortcut;
 *   2. starting GOV.UK Frontend's components, only on pages that have one.
 */

/* 1. Quick exit, progressively enhanced. Without JavaScript the "Leave this site" link still
 * works: /exit/ clears the session and redirects away. With it:
 *   - selecting the link replaces this page in the browser history (location.replace), so
 *     Back does not return to it;
 *   - pressing Shift three times, or Escape twice, does the same from anywhere on the page;
 *   - the page is hidden at once, before the next site has loaded. */
(function () {
  "use strict";

  var link = document.querySelector("[data-quick-exit]");
  if (!link || !window.location.replace) {
    return;
  }

  var SHIFT_PRESSES = 3;
  var ESCAPE_PRESSES = 2;
  var WINDOW_MS = 2000;
  var presses = { key: null, count: 0, timer: null };

  function leave() {
    document.documentElement.classList.add("hr-leaving");
    window.location.replace(link.href);
  }

  function reset() {
    window.clearTimeout(presses.timer);
    presses.key = null;
    presses.count = 0;
  }

  link.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.repeat) {
        return;
      }
      var key = event.key;
      if (key !== "Shift" && key !== "Escape") {
        reset();
        return;
      }
      if (presses.key !== key) {
        reset();
        presses.key = key;
      }
      presses.count += 1;
      window.clearTimeout(presses.timer);
      if (presses.count >= (key === "Shift" ? SHIFT_PRESSES : ESCAPE_PRESSES)) {
        reset();
        leave();
        return;
      }
      presses.timer = window.setTimeout(reset, WINDOW_MS);
    },
    true
  );

  // A page restored from the back-forward cache must not stay hidden.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("hr-leaving");
  });

  // Tell people about the shortcut only where it works.
  var hints = document.querySelectorAll("[data-quick-exit-keys]");
  for (var i = 0; i < hints.length; i += 1) {
    hints[i].hidden = false;
  }
})();

/* 2. GOV.UK Frontend's components. GOV.UK's own template starts them with an inline script,
 * which our CSP forbids; and most public pages (the start page among them) have no component
 * that needs JavaScript, so the 47 KB module is fetched only where a [data-module] asks for
 * it (error summary focus, the passphrase's show button, the file chooser in the page's
 * language, and so on). */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("noModule" in HTMLScriptElement.prototype)) {
    return;
  }
  // GOV.UK Frontend only initialises components inside a body with this class.
  document.body.classList.add("govuk-frontend-supported");
  if (!document.querySelector('[data-module^="govuk-"]')) {
    return;
  }
  import(script.getAttribute("data-govuk-frontend"))
    .then(function (govuk) {
      govuk.initAll();
    })
    .catch(function () {
      // Without the module the page still works as plain HTML.
      document.body.classList.remove("govuk-frontend-supported");
    });
})();
