// The adapter's reads through Office.js's own client: the tables equal the file reader's.
import { ExcelAdapter } from "../../src/excel";
import { SMALL, fakeFrom, tablesOf } from "../excel/helpers";
import { officeClient } from "./client";

test("readTables through the real client gives the .xlsx reader's tables", async () => {
  const tables = await tablesOf(SMALL);
  const client = officeClient(fakeFrom(tables));
  const adapter = new ExcelAdapter(client.run, { supports: client.supports });
  const sheets = await adapter.listSheets();
  expect(sheets.map((s) => s.name)).toEqual(tables.map((t) => t.name));
  const got = await adapter.readTables(tables.map((t) => t.name));
  expect(got).toEqual(tables);
  expect(client.responder.requests.length).toBeGreaterThan(2);
});
