/*
 * Starts GOV.UK Frontend's components, and only on pages that have one.
 * GOV.UK's own template does this with an inline script, which our CSP forbids; and most
 * public pages (the start page among them) have no component that needs JavaScript, so the
 * 47 KB module is fetched only where a [data-module] asks for it. Everything works without
 * JavaScript; this adds the enhancements (error summary focus, and so on).
 */
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
