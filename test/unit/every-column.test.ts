// Every column of every input sheet given a wrong value (issue 11): each bad cell becomes an issue
// with its address, and the run goes on. Deterministic, to complement the random corpus.
import { readXlsx } from "../xlsx";
import path from "path";
import { audit } from "../../src/engine/audit";
import { ColumnType, SHEETS } from "../../src/engine/sheets";
import { RawCell, RawTable, cellAddress } from "../../src/engine/table";

const base = readXlsx(path.join(__dirname, "..", "fixtures", "small-2months.xlsx")).tables;

/** A value no column of this type accepts. */
function wrong(t: ColumnType): RawCell {
  switch (t.kind) {
    case "text":
      return { error: "#N/A" };
    case "date":
    case "datetime":
      return "2023-02-30";
    case "bool":
      return "也许";
    case "number":
    case "money":
      return "很多";
    case "enum":
      return "不在列表中的值";
    case "period":
      return "上个月";
  }
}

// 节假日 is the exception: a wrong cell there stops the run (test/unit/holidays.test.ts)
const cases = SHEETS.filter((def) => !def.optional).flatMap((def) =>
  def.columns.map((c) => [def.zh, c.zh, def, c] as const)
);

test.each(cases)("%s.%s: each wrong cell is an issue at its address", (_s, _c, def, col) => {
  const tables: RawTable[] = base.map((t) => ({
    ...t,
    values: t.values.slice(0, 6).map((r) => [...r]),
  }));
  const t = tables.find((x) => x.name === def.zh)!;
  const j = (t.values[0] as RawCell[]).indexOf(col.zh);
  expect(j).toBeGreaterThanOrEqual(0);
  const rows = t.values.length - 1;
  for (let i = 1; i <= rows; i++) t.values[i][j] = wrong(col.type);
  const r = audit(tables, { asOf: "2023-02-28" });
  const at = new Set(r.issues.filter((x) => x.sheet === def.zh).map((x) => x.cell));
  for (let i = 1; i <= rows; i++) {
    const cell = cellAddress(t.firstRow + i, t.firstCol + j);
    expect({ cell, reported: at.has(cell) }).toEqual({ cell, reported: true });
  }
});
