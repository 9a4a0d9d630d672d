/*
 * taskpane.html's notice for clients too old for the pane's ES2017 bundle (Internet Explorer 11 in
 * Office 2016 and older). ES3 (test/taskpane/old-client.test.ts parses it so): where the webview is
 * older than ES2017 it says so, in both languages, and points to the browser, where the same pane
 * works on the .xlsx file (file mode). An external file: the pane's policy allows no inline script.
 */
(function () {
  // a webview that knows <script nomodule> runs ES2017 (async functions): EdgeHTML 16+, every
  // Chromium and WebKit of Office's clients; without eval (the pane's policy forbids it)
  var ok = "noModule" in document.createElement("script");
  if (ok && typeof Promise !== "undefined" && typeof Map !== "undefined") return;
  window.__paneUnsupported = true;
  var url = String(location.href).split("?")[0].split("#")[0];
  var box = document.getElementById("container");
  box.style.padding = "16px";
  box.innerHTML =
    "<p><b>此版本的 Office 过旧，无法运行本任务窗格。</b></p>" +
    "<p>请在浏览器（Edge、Chrome）中打开 <b>" +
    url.replace(/[<>&"]/g, "") +
    "</b>，选择要核查的 .xlsx 文件（文件模式），结果与在 Excel 中相同；或升级到 Office 2019 及以上、Microsoft 365。</p>" +
    "<p><b>This version of Office is too old to run the task pane.</b></p>" +
    "<p>Open that address in a browser (Edge, Chrome) and choose the .xlsx file (file mode): the results are the same as in Excel. Or use Office 2019 or later, or Microsoft 365.</p>";
})();
