// taskpane.html's notice for clients too old for the pane's ES2017 bundle (Internet Explorer 11
// in Office 2016 and older): written in ES3 so any webview runs it, shown only where async
// functions do not parse, and pointing to the browser (file mode).
import { readFileSync } from "fs";
import path from "path";
import { JSDOM } from "jsdom";

const acorn = require("acorn") as { parse(code: string, options: object): unknown };
const HTML = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const SCRIPT = readFileSync(path.join(__dirname, "../../src/taskpane/old-client.js"), "utf8");
const WATCH = readFileSync(path.join(__dirname, "../../src/taskpane/office-watch.js"), "utf8");

function pane(oldClient: boolean) {
  const dom = new JSDOM(`<body><div id="container"></div></body>`, {
    runScripts: "outside-only",
    url: "https://addins.example.gov.cn/hotline/taskpane.html?_host_Info=Excel$Win32$16.00$zh-CN",
  });
  const w = dom.window as unknown as {
    eval(s: string): void;
    Function: unknown;
    __paneUnsupported?: boolean;
  };
  // Internet Explorer 11 has no <script nomodule>; every webview that runs ES2017 has it
  w.eval(
    oldClient
      ? "delete HTMLScriptElement.prototype.noModule;"
      : "if (!('noModule' in HTMLScriptElement.prototype)) Object.defineProperty(HTMLScriptElement.prototype, 'noModule', { value: false, writable: true });"
  );
  w.eval(SCRIPT);
  return { text: dom.window.document.getElementById("container")!.textContent ?? "", w };
}

test("the notice's script and the office.js watcher are ES3, loaded as files (no inline script)", () => {
  expect(() => acorn.parse(SCRIPT, { ecmaVersion: 3 })).not.toThrow();
  expect(() => acorn.parse(WATCH, { ecmaVersion: 3 })).not.toThrow();
  expect(HTML).toContain('<script src="old-client.js"></script>');
  // every <script> of the page has a src: the policy allows no inline code, nor inline handlers
  const scripts = HTML.replace(/<!--[\s\S]*?-->/g, "").match(/<script\b[^>]*>/g)!;
  expect(scripts.every((t) => /\ssrc=/.test(t))).toBe(true);
  expect(HTML.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/\son[a-z]+\s*=/);
});

test("the office.js watcher marks a failed office.js, and nothing else", () => {
  const dom = new JSDOM(`<body></body>`, { runScripts: "outside-only" });
  const w = dom.window as unknown as { eval(s: string): void; __officeLoadFailed?: boolean };
  w.eval(WATCH);
  const other = dom.window.document.createElement("script");
  other.src = "https://example.org/other.js";
  dom.window.document.body.appendChild(other);
  other.dispatchEvent(new dom.window.Event("error"));
  expect(w.__officeLoadFailed).toBeUndefined();
  const office = dom.window.document.createElement("script");
  office.src = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  dom.window.document.body.appendChild(office);
  office.dispatchEvent(new dom.window.Event("error"));
  expect(w.__officeLoadFailed).toBe(true);
});

test("an old client sees what to do, in Chinese and English, with the address to open", () => {
  const { text, w } = pane(true);
  expect(w.__paneUnsupported).toBe(true);
  expect(text).toContain("此版本的 Office 过旧");
  expect(text).toContain("https://addins.example.gov.cn/hotline/taskpane.html");
  expect(text).not.toContain("_host_Info");
  expect(text).toContain("file mode");
});

test("a current client sees nothing of it", () => {
  const { text, w } = pane(false);
  expect(w.__paneUnsupported).toBeUndefined();
  expect(text).toBe("");
});
