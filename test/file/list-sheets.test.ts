// Sheets that declare no size (<dimension>; platform exports leave it out) are read whole to be
// listed: the pane's open then hands those tables to the run instead of reading them again.
import { readFileSync } from "fs";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { paramsSheetSpec } from "../../src/engine/param-sheet";
import { DEFAULT_PARAMS } from "../../src/engine/params";

const FIXTURE = path.join(__dirname, "..", "fixtures", "export-monthly.xlsx");

/** The fixture with every sheet's <dimension> taken out. */
function withoutDimensions(): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(FIXTURE)));
  for (const name of Object.keys(files))
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      files[name] = strToU8(strFromU8(files[name]).replace(/<dimension [^>]*\/>/, ""));
  return zipSync(files);
}

test("a sheet without a declared size is listed by its rows, and the run reads it once", async () => {
  const bytes = withoutDimensions();
  const wb = XlsxWorkbook.open(bytes);
  const names = wb.sheetNames();
  expect(wb.sheetsWithoutSize()).toEqual(names);
  const fresh = XlsxWorkbook.open(bytes).readTablesSync(names);

  const listed = await wb.listSheets();
  expect(listed.map((s) => s.rows)).toEqual(fresh.map((t) => t.values.length));
  expect(listed.map((s) => s.columns)).toEqual(
    fresh.map((t) => t.values.reduce((m, r) => Math.max(m, r.length), 0))
  );
  // held: the sheets the engine reads, and only those
  const engine = XlsxWorkbook.open(bytes).sheetsForEngine();
  expect(names.filter((n) => wb.holdsTable(n))).toEqual(names.filter((n) => engine.includes(n)));
  expect(engine.length).toBeGreaterThan(0);

  // the run takes the tables listing read, as a fresh read gives them, and only once
  const run = wb.readTablesSync(names);
  expect(run).toEqual(fresh);
  expect(names.some((n) => wb.holdsTable(n))).toBe(false);
  const again = wb.readTablesSync(names);
  expect(again).toEqual(fresh);
  expect(again[0]).not.toBe(run[0]);
});

test("a change to the package drops the tables listing read", async () => {
  const wb = XlsxWorkbook.open(withoutDimensions());
  await wb.listSheets();
  expect(wb.holdsTable(wb.sheetNames()[0])).toBe(true);
  await wb.writeOwnSheet(paramsSheetSpec(DEFAULT_PARAMS));
  expect(wb.sheetNames().some((n) => wb.holdsTable(n))).toBe(false);
});

test("a sheet that declares its size is listed without reading it", async () => {
  const wb = XlsxWorkbook.open(new Uint8Array(readFileSync(FIXTURE)));
  expect(wb.sheetsWithoutSize()).toEqual([]);
  await wb.listSheets();
  expect(wb.sheetNames().some((n) => wb.holdsTable(n))).toBe(false);
});
