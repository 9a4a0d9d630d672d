/*
 * Loaded before office.js (taskpane.html). When Microsoft's office.js cannot load (no network,
 * or the pane opened in a plain browser) this marks it, so that whenOfficeReady()
 * (office-loader.ts) starts the pane without Excel at once instead of waiting. An external file,
 * not an inline onerror: the pane's Content-Security-Policy allows no inline script. ES3, so that
 * any webview runs it.
 */
(function () {
  if (!window.addEventListener) return;
  window.addEventListener(
    "error",
    function (e) {
      var t = e && e.target;
      if (t && t.tagName === "SCRIPT" && /appsforoffice\.microsoft\.com/.test(t.src || ""))
        window.__officeLoadFailed = true;
    },
    true
  );
})();
