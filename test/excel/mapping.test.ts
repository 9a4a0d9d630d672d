// The monthly export in Excel (through Office.js's own client on the fake Excel): the session reads
// 列映射 first, then the thirteen monthly sheets it lists, within the request limits; the engine
// gets the same tables as from the file, and the totals are the fixture's.
import path from "path";
import { audit } from "../../src/engine/audit";
import { toSummaryJson } from "../../src/engine/summary";
import { hashTable } from "../../src/engine/fingerprint";
import { EngineClient } from "../../src/taskpane/engine/client";
import { ExcelSession } from "../../src/taskpane/session";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";
import { readFileSync } from "fs";
import { adapterOn } from "./client";
import { expectedOf } from "../fixture-checks";
import { expectWithinLimits, fakeFrom, tablesOf } from "./helpers";

const MONTHLY = path.join(__dirname, "../fixtures/export-monthly.xlsx");

test("Excel mode reads 列映射 and its monthly sheets; same tables as the file path; the expected totals", async () => {
  const tables = await tablesOf(MONTHLY);
  const fake = fakeFrom(tables);
  const session = new ExcelSession(adapterOn(fake), new EngineClient(false));
  // the pane checks the 列映射 first: the workbook's own one needs no step
  const out = await session.run(
    { lang: "zh", runAt: "2026-12-03 10:00:00", readings: false, checkMapping: true },
    () => undefined,
    new AbortController().signal
  );
  if (!("result" in out)) throw new Error("the fixture's own 列映射 needs no step");
  expectWithinLimits(fake.syncs);
  const s = toSummaryJson(out.result);
  expect(s.totals).toEqual(expect.objectContaining(expectedOf("export-monthly").expected.totals));
  const tickets = s.sheets.find((x) => x.key === "tickets")!;
  expect(tickets.sources.map((x) => x.name)).toEqual(
    tables.filter((t) => /^\d{4}年\d{2}月$/.test(t.name)).map((t) => t.name)
  );
  // the file path reads the same sheets, and gives the engine the same values
  const wb = XlsxWorkbook.open(readFileSync(MONTHLY), nodeCodec);
  const fileTables = wb.readTablesSync(wb.sheetsForEngine());
  const fromFile = toSummaryJson(audit(fileTables, { readings: false }));
  expect(fromFile.sheets).toEqual(s.sheets);
  expect(fromFile.mapping).toEqual(s.mapping);
  for (const src of tickets.sources)
    expect(hashTable(fileTables.find((t) => t.name === src.name)!)).toBe(src.sha256);
}, 60_000);
