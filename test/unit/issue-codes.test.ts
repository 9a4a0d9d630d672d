// The issue-code catalogue: every issue a run raises has a listed code and that code's level, and
// what a finance officer reads (校验问题, the pane's filter) is the code's title, not the code.
import path from "path";
import { audit } from "../../src/engine/audit";
import { ISSUE_CODES, ISSUE_CODE_LIST, issueTitle } from "../../src/engine/issue-codes";
import { layoutResults } from "../../src/engine/layout";
import { readXlsx } from "../xlsx";

const FIXTURE = path.join(__dirname, "..", "fixtures", "year-messy.xlsx");

test("each code has a title of its own in both languages", () => {
  for (const lang of ["zh", "en"] as const) {
    const titles = ISSUE_CODE_LIST.map((c) => issueTitle(c, lang));
    expect(new Set(titles).size).toBe(titles.length);
    for (const x of titles) expect(x).not.toMatch(/^[a-z0-9-]+$/);
  }
  // the Chinese title is Chinese
  for (const c of ISSUE_CODE_LIST) expect(ISSUE_CODES[c].zh).toMatch(/[\u4e00-\u9fff]/);
  // a code an older summary carries and the catalogue no longer knows is shown as itself
  expect(issueTitle("no-such-code", "zh")).toBe("no-such-code");
});

describe("a messy year's issues", () => {
  const result = audit(readXlsx(FIXTURE).tables, {});
  const issues = result.issues;

  test("every issue has a catalogue code and that code's level", () => {
    expect(issues.length).toBeGreaterThan(10);
    for (const i of issues) {
      expect(ISSUE_CODE_LIST).toContain(i.code);
      expect(i.level).toBe(ISSUE_CODES[i.code].level);
    }
  });

  test.each(["zh", "en"] as const)(
    "校验问题 (%s) names each issue's kind in words, code last",
    (lang) => {
      const sheet = layoutResults(result, { lang }).find((s) => s.name === "校验问题")!;
      const table = sheet.blocks.find((b) => b.kind === "table")!;
      if (table.kind !== "table") throw new Error("no table");
      const headers = table.columns.map((c) => c.header);
      const kind = headers.indexOf(lang === "zh" ? "问题" : "issue");
      expect(kind).toBeGreaterThan(-1);
      expect(headers[headers.length - 1]).toBe(lang === "zh" ? "代码" : "code");
      const text = (c: unknown) => String((c as { v: { text: string } }).v.text);
      table.rows.forEach((row, k) => {
        expect(text(row[kind])).toBe(issueTitle(issues[k].code, lang));
        expect(text(row[row.length - 1])).toBe(issues[k].code);
      });
    }
  );
});
