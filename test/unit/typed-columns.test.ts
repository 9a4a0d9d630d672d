// The input sheets' column keys and record types are derived from sheets.ts: a rule that names a
// column its sheet does not define, or an issue code the catalogue does not list, does not compile.
// The `@ts-expect-error` lines below are checked by `tsc -p .` (npm test's first step): if one of
// them stopped being an error, the type check would fail.
import type { IssueCode } from "../../src/engine/issue-codes";
import type { Ticket } from "../../src/engine/model";
import { cellOf, readWorkbook } from "../../src/engine/read";
import type { Need } from "../../src/engine/rules/common";
import { RULES } from "../../src/engine/rules";
import { SHEETS, SHEET_BY_KEY, type ColumnKey, type RecordOf } from "../../src/engine/sheets";
import { RawTable } from "../../src/engine/table";

// ---- compile-time: each line after @ts-expect-error must be a type error ----

const fine: Need = { sheet: "tickets", columns: ["received_at", "signed_at"] };
// @ts-expect-error 签收时间 misspelt
const misspelt: Need = { sheet: "tickets", columns: ["recieved_at"] };
// @ts-expect-error a column of 人员 named under 工单
const wrongSheet: Need = { sheet: "tickets", columns: ["education"] };
// @ts-expect-error not an issue code
const code: IssueCode = "invalid-datetme";
const received: Ticket["received_at"] = null;
// @ts-expect-error a datetime is seconds, not text
const receivedText: RecordOf<"tickets">["received_at"] = "2023-01-01 08:00";
// @ts-expect-error 所属期间 is a period, not a string
const period: RecordOf<"reports">["period"] = "2023-03";

function firstCell(rec: Parameters<typeof cellOf<Ticket>>[0]) {
  // @ts-expect-error cellOf takes only the record's own columns
  return cellOf(rec, "ticket_no");
}

void [fine, misspelt, wrongSheet, code, received, receivedText, period, firstCell];

// ---- run time: the types and the reader agree ----

test("a record has exactly its sheet's columns, each null when blank", () => {
  const header = SHEET_BY_KEY.tickets.columns.map((c) => c.zh);
  const table: RawTable = {
    name: "工单",
    firstRow: 1,
    firstCol: 1,
    values: [header, ["GD1", 45000.5, ...header.slice(2).map(() => null)]],
  };
  const read = readWorkbook([table]);
  const rec = read.sheets.tickets!.records[0];
  const keys: ColumnKey<"tickets">[] = SHEET_BY_KEY.tickets.columns.map(
    (c) => c.key as ColumnKey<"tickets">
  );
  expect(Object.keys(rec.v).sort()).toEqual([...keys].sort());
  expect(rec.v.ticket_id).toBe("GD1");
  expect(typeof rec.v.received_at).toBe("number");
  expect(rec.v.signed_at).toBeNull();
});

test("every column a rule needs is a column of its sheet", () => {
  for (const r of RULES)
    for (const n of r.needs) {
      const keys = SHEETS.find((s) => s.key === n.sheet)!.columns.map((c) => c.key);
      for (const c of n.columns) expect(keys).toContain(c);
    }
});
