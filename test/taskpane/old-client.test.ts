// taskpane.html's notice for clients too old for the pane's ES2017 bundle (Internet Explorer 11
// in Office 2016 and older): written in ES3 so any webview runs it, shown only where async
// functions do not parse, and pointing to the browser (file mode).
import { readFileSync } from "fs";
import path from "path";
import { JSDOM } from "jsdom";

const acorn = require("acorn") as { parse(code: string, options: object): unknown };
const HTML = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const SCRIPT = /<script id="old-client">([\s\S]*?)<\/script>/.exec(HTML)![1];

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
  if (oldClient) {
    // what Internet Explorer 11 does with an async function: a syntax error
    w.eval(
      'window.Function = function (body) { if (/async/.test(body)) throw new SyntaxError("Expected \\";\\""); return function () {}; };'
    );
  }
  w.eval(SCRIPT);
  return { text: dom.window.document.getElementById("container")!.textContent ?? "", w };
}

test("the notice's script is ES3", () => {
  expect(() => acorn.parse(SCRIPT, { ecmaVersion: 3 })).not.toThrow();
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
