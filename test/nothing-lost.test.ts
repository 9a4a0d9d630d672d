// Nothing is lost (issue 11): the user's sheets whose names resemble the results are never
// touched or read as results, through both adapters and over two runs; a write that fails or is
// cancelled half-way leaves the previous results as they were; a full disk leaves the previous
// output file as it was and no temporary file behind.
import * as fs from "fs";
import { tmpdir } from "os";
import path from "path";
import { unzipSync } from "fflate";
import { audit } from "../src/engine/audit";
import { layoutResults } from "../src/engine/layout";
import { isResultSheetName, isParamsSheetName, matchSheet } from "../src/engine/read";
import { RUN_LOG_SHEET, verifyInputs } from "../src/engine/verify";
import { RESULT_SHEET_NAMES } from "../src/engine/sheets";
import { main } from "../src/cli/main";
import { nodeCodec, useNodeHash } from "../src/cli/node";
import { XlsxWorkbook } from "../src/file/workbook-file";
import { Cancelled } from "../src/workbook";
import { adapterOn } from "./excel/client";
import { readXlsx } from "./xlsx";
import { Book, toFake, toXlsx } from "./corpus/book";
import { baseBook, sheetModel } from "./corpus/generate";

useNodeHash();

// fs.writeSync is not configurable: the module is replaced by one whose writeSync a test can fail
jest.mock("fs", () => {
  const real = jest.requireActual<typeof import("fs")>("fs");
  return { ...real, writeSync: jest.fn(real.writeSync) };
});

const SMALL = path.join(__dirname, "fixtures", "small-2months.xlsx");
const base = readXlsx(SMALL).tables;
const LOOKALIKES = ["核查汇总(2)", "KPI明细 备份", "校验问题 ", "运行记录 (旧)", "kpi明细-手工"];

function book(): Book {
  const b = baseBook(base, 12);
  for (const name of LOOKALIKES)
    b.sheets.push(
      sheetModel(name, [
        ["手工核对", "金额"],
        ["R1 扣款", 200],
        ["备注", "=SUM(B2)"],
      ])
    );
  return b;
}

const inputNames = (names: string[]) =>
  names.filter((n) => !isResultSheetName(n) && (matchSheet(n) !== null || isParamsSheetName(n)));

describe("sheets of the user's whose names resemble the results", () => {
  test("are not result sheets", () => {
    for (const n of LOOKALIKES)
      expect({ n, result: isResultSheetName(n) }).toEqual({ n, result: false });
    // Excel compares sheet names without regard to case: kpi明细 is the same sheet as KPI明细
    expect(isResultSheetName("kpi明细")).toBe(true);
  });

  test("the .xlsx path: two runs leave them byte for byte and add the seven results once", async () => {
    const bytes = toXlsx(book());
    let wb = XlsxWorkbook.open(bytes, nodeCodec);
    const names = (await wb.listSheets()).map((s) => s.name);
    for (let run = 0; run < 2; run++) {
      const tables = wb.readTablesSync(inputNames((await wb.listSheets()).map((s) => s.name)));
      wb.writeResultSheetsSync(layoutResults(audit(tables)));
      wb = XlsxWorkbook.open(wb.bytes(), nodeCodec);
    }
    const after = (await wb.listSheets()).map((s) => s.name);
    expect(after).toEqual([...names, ...RESULT_SHEET_NAMES]);
    const before = unzipSync(bytes);
    const now = unzipSync(wb.bytes());
    LOOKALIKES.forEach((_, i) => {
      const part = `xl/worksheets/sheet${base.length + i + 1}.xml`;
      expect(Buffer.from(now[part]).equals(Buffer.from(before[part]))).toBe(true);
    });
  });

  test("the Excel path: two runs leave their values and add the seven results once", async () => {
    const fake = toFake(book());
    const adapter = adapterOn(fake);
    const snapshot = () =>
      LOOKALIKES.map((n) => ({ n, values: JSON.stringify(fake.findSheet(n)?.values) }));
    const first = snapshot();
    for (let run = 0; run < 2; run++) {
      const names = inputNames((await adapter.listSheets()).map((s) => s.name));
      await adapter.writeResultSheets(layoutResults(audit(await adapter.readTables(names))));
    }
    expect(snapshot()).toEqual(first);
    const sheets = fake.sheets.map((s) => s.name);
    for (const r of RESULT_SHEET_NAMES) expect(sheets.filter((s) => s === r)).toHaveLength(1);
    expect(sheets).toHaveLength(book().sheets.length + RESULT_SHEET_NAMES.length);
  });

  test("a copy of a run log under another name is not read as the run log", () => {
    const wb = XlsxWorkbook.open(toXlsx(baseBook(base, 12)), nodeCodec);
    const tables = wb.readTablesSync(inputNames(wb.sheetsForEngine()));
    wb.writeResultSheetsSync(layoutResults(audit(tables)));
    const audited = XlsxWorkbook.open(wb.bytes(), nodeCodec);
    const all = audited.readTablesSync(audited.sheetsForEngine());
    expect(verifyInputs(all).audited).toBe(true);
    // the same sheet, renamed by the user: "never audited", not "unchanged"
    const renamed = all.map((t) =>
      t.name === RUN_LOG_SHEET ? { ...t, name: "运行记录 (旧)" } : t
    );
    expect(verifyInputs(renamed).audited).toBe(false);
  });
});

describe("a write that fails half-way (.xlsx path: the CLI and the browser)", () => {
  function audited(): {
    wb: XlsxWorkbook;
    before: Uint8Array;
    specs: ReturnType<typeof layoutResults>;
  } {
    const wb = XlsxWorkbook.open(toXlsx(baseBook(base, 12)), nodeCodec);
    const tables = wb.readTablesSync(inputNames(wb.sheetsForEngine()));
    wb.writeResultSheetsSync(layoutResults(audit(tables)));
    // the next run's results differ (another as-of date)
    const specs = layoutResults(audit(tables, { asOf: "2023-02-10" }));
    return { wb, before: wb.bytes(), specs };
  }

  test("an error after three of seven sheets: the previous results, byte for byte", () => {
    const { wb, before, specs } = audited();
    let written = 0;
    expect(() =>
      wb.writeResultSheetsSync(specs, () => {
        if (++written === 3) throw new Error("disk went away");
      })
    ).toThrow("disk went away");
    expect(Buffer.from(wb.bytes()).equals(Buffer.from(before))).toBe(true);
  });

  test("cancelled after two sheets: the previous results, byte for byte", () => {
    const { wb, before, specs } = audited();
    const ctrl = new AbortController();
    let written = 0;
    expect(() =>
      wb.writeResultSheetsSync(
        specs,
        () => {
          if (++written === 2) ctrl.abort();
        },
        ctrl.signal
      )
    ).toThrow(Cancelled);
    expect(Buffer.from(wb.bytes()).equals(Buffer.from(before))).toBe(true);
  });
});

describe("the command line on a full disk", () => {
  afterEach(() =>
    (fs.writeSync as unknown as jest.Mock).mockImplementation(jest.requireActual("fs").writeSync)
  );

  test("the earlier output stays as it was, no temporary file is left, the message says why", async () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), "full-disk-"));
    const out = path.join(dir, "审计结果.xlsx");
    fs.writeFileSync(out, "the previous results");
    const realWrite = jest.requireActual<typeof import("fs")>("fs").writeSync;
    let calls = 0;
    (fs.writeSync as unknown as jest.Mock).mockImplementation((...args: unknown[]) => {
      // the first piece is written, then the disk is full
      if (++calls > 1)
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      return (realWrite as (...a: unknown[]) => number)(...args);
    });
    const lines: string[] = [];
    const code = await main([SMALL, "--out", out], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code).toBe(2);
    expect(lines.join("\n")).toContain("磁盘已满");
    expect(fs.readFileSync(out, "utf8")).toBe("the previous results");
    expect(fs.readdirSync(dir)).toEqual(["审计结果.xlsx"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
