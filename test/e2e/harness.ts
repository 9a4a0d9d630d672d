// The built pane served on localhost and opened in Debian's Chromium (playwright-core, no
// downloaded browser), every request off this computer refused. Used by the end-to-end tests and
// by the browser benchmark (scripts/bench-browser.ts).
import { createReadStream, existsSync, statSync } from "fs";
import http from "http";
import { AddressInfo } from "net";
import path from "path";
import { Browser, Page, chromium } from "playwright-core";

// the project folder (this file also runs bundled, from dist/run/)
export const ROOT = (() => {
  let d = __dirname;
  while (!existsSync(path.join(d, "package.json"))) d = path.dirname(d);
  return d;
})();
export const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface Pane {
  base: string;
  browser: Browser;
  page: Page;
  /** requests refused (anything not to localhost) */
  blocked: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startPane(
  viewport = { width: 420, height: 1100 },
  /** the built pane to serve (the benchmark's --vs serves another build beside it) */
  dist = DIST
): Promise<Pane> {
  if (!existsSync(path.join(dist, "taskpane.html")))
    throw new Error(
      "dist/taskpane.html missing: run `npm run build` first (npm run test:e2e does)"
    );
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  // nothing leaves the computer: every request that is not to our localhost server is refused
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (
      u.hostname === "127.0.0.1" ||
      u.hostname === "localhost" ||
      u.protocol === "blob:" ||
      u.protocol === "data:"
    )
      return route.continue();
    blocked.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  return {
    base,
    browser,
    page,
    blocked,
    pageErrors,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
