// Formula injection (issue 11): text from input cells that begins with =, +, -, @, a tab or a
// carriage return reaches the result sheets (as evidence, in messages) and is written as text,
// never as a formula, by the .xlsx writer and by the Excel pane's writer alike.
import { RESULT_SHEET_NAMES } from "../src/engine/sheets";
import { audit } from "../src/engine/audit";
import { layoutResults } from "../src/engine/layout";
import { isResultSheetName } from "../src/engine/read";
import { XlsxWorkbook } from "../src/file/workbook-file";
import { nodeCodec } from "../src/cli/node";
import { unzipSync } from "fflate";
import { adapterOn } from "./excel/client";
import { readXlsx } from "./xlsx";
import { Book, toFake, toXlsx } from "./corpus/book";
import { sheetModel } from "./corpus/generate";

const HOSTILE = ["=1+1", '+HYPERLINK("http://x","点")', "-2+3", "@SUM(A1)", "\t=2+2", "\r=3+3"];
// text cells are trimmed (WORKBOOK.md): the tab and the carriage return go, the formula-like
// rest stays text (the writers' own tests write a leading tab and CR as they are)
const SHOWN = HOSTILE.map((h) => h.trim());

/** Tickets whose ids are hostile, each signed the next day (an R1 deduction lists it as evidence). */
function book(): Book {
  return {
    sheets: [
      sheetModel("工单", [
        ["工单编号", "派单时间", "签收时间", "转派时间"],
        ...HOSTILE.map((id, i) => [id, `2023-03-0${i + 1} 09:00`, `2023-03-0${i + 2} 09:10`, null]),
        // and a hostile value where a date belongs: quoted in 校验问题
        ["GD-X", "=NOW()", "2023-03-01 09:10", null],
      ]),
    ],
  };
}

/** Every text of the result sheets, as the layout gives them. */
function expectedTexts(): string[] {
  const r = audit(XlsxWorkbook.open(toXlsx(book()), nodeCodec).readTablesSync(["工单"]), {
    asOf: "2023-03-31",
  });
  const texts: string[] = [];
  for (const spec of layoutResults(r))
    for (const b of spec.blocks)
      for (const row of b.rows)
        for (const c of row) {
          const v = (c as { v?: unknown } | undefined)?.v;
          if (v && typeof v === "object" && "text" in v) texts.push((v as { text: string }).text);
        }
  return texts;
}

test("the hostile ids reach the results: as evidence of R1 and in 扣款明细", () => {
  const texts = expectedTexts();
  for (const h of SHOWN)
    expect({ h, shown: texts.some((t) => t.includes(h)) }).toEqual({ h, shown: true });
  expect(texts.some((t) => t.includes("=NOW()"))).toBe(true);
});

test(".xlsx writer: no formula in what is added, and the cells read back as the exact text", () => {
  const wb = XlsxWorkbook.open(toXlsx(book()), nodeCodec);
  const r = audit(wb.readTablesSync(["工单"]), { asOf: "2023-03-31" });
  wb.writeResultSheetsSync(layoutResults(r));
  const bytes = wb.bytes();
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts))
    if (name.startsWith("xl/worksheets/"))
      expect(Buffer.from(data).toString("utf8")).not.toMatch(/<f[\s>]/);
  const back = readXlsx(bytes).tables.filter((t) => isResultSheetName(t.name));
  const cells = back
    .flatMap((t) => t.values.flat())
    .filter((v): v is string => typeof v === "string");
  for (const h of SHOWN) expect(cells).toContain(h);
});

test("Excel writer (through Office.js's own client): no formula anywhere, the values are the exact text", async () => {
  const fake = toFake(book());
  const adapter = adapterOn(fake);
  const r = audit(await adapter.readTables(["工单"]), { asOf: "2023-03-31" });
  await adapter.writeResultSheets(layoutResults(r));
  const results = fake.sheets.filter((s) => isResultSheetName(s.name));
  expect(results).toHaveLength(RESULT_SHEET_NAMES.length);
  for (const s of results)
    expect([...s.meta.values()].filter((m) => m.formula !== undefined)).toEqual([]);
  const cells = results
    .flatMap((s) => s.values.flat())
    .filter((v): v is string => typeof v === "string");
  for (const h of SHOWN) expect(cells).toContain(h);
});
