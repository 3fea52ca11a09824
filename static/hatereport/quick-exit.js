/*
 * Quick exit, progressively enhanced. Without JavaScript the "Leave this site" link still
 * works: /exit/ clears the session and redirects away. With it:
 *   - selecting the link replaces this page in the browser history (location.replace), so
 *     Back does not return to it;
 *   - pressing Shift three times, or Escape twice, does the same from anywhere on the page;
 *   - the page is hidden at once, before the next site has loaded.
 * Loaded with defer from templates/base.html; no inline script (the CSP forbids it).
 */
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
