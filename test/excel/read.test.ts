// The Office.js adapter reading: values as a spreadsheet holds them, few syncs, every request
// under 4 MB, cancellation between syncs.
import { audit } from "../../src/engine/audit";
import { hashTable } from "../../src/engine/fingerprint";
import { toSummaryJson } from "../../src/engine/summary";
import { RawCell, RawTable } from "../../src/engine/table";
import { Cancelled, ReadProgress } from "../../src/workbook";
import { adapterOn } from "./client";
import { FakeExcel } from "../fakes/excel";
import { ERROR_VALUES as ERRORS } from "../corpus/generate";
import { SAMPLE, SMALL, expectWithinLimits, fakeFrom, firstDifference, tablesOf } from "./helpers";

describe("readTables", () => {
  test("values as Excel holds them: serials kept, blanks null, error strings mapped to {error}", async () => {
    const fake = new FakeExcel();
    fake.addSheet("工单", [
      ["工单编号", "派单时间", "重点诉求", "满意度"],
      ["GD1", 44949.06655092593, true, null],
      ["GD2", 44950.5, false, "满意"],
      ...ERRORS.map((e, i) => [`GD${i + 3}`, { error: e }, null, "不满意"]),
      [null, null, null, null],
      ["", null, null, null],
    ]);
    const [t] = await adapterOn(fake).readTables(["工单"]);
    expect(t).toEqual<RawTable>({
      name: "工单",
      firstRow: 1,
      firstCol: 1,
      values: [
        ["工单编号", "派单时间", "重点诉求", "满意度"],
        ["GD1", 44949.06655092593, true],
        ["GD2", 44950.5, false, "满意"],
        ...ERRORS.map((e, i): RawCell[] => [`GD${i + 3}`, { error: e }, null, "不满意"]),
      ],
    });
    // one sync for the used range, one for the values
    expect(fake.syncs).toHaveLength(2);
  });

  test("a used range that does not start at A1 reads as the .xlsx reader gives it (from A1)", async () => {
    const fake = new FakeExcel();
    fake.addSheet(
      "人员",
      [
        ["工号", "姓名"],
        ["HX001", "王丽娜"],
        [null, "张静"],
      ],
      { row: 3, col: 2 }
    );
    fake.addSheet("空表");
    const tables = await adapterOn(fake).readTables(["人员", "空表"]);
    expect(tables).toEqual([
      {
        name: "人员",
        firstRow: 1,
        firstCol: 1,
        values: [[], [], [null, "工号", "姓名"], [null, "HX001", "王丽娜"], [null, null, "张静"]],
      },
      { name: "空表", firstRow: 1, firstCol: 1, values: [] },
    ]);
  });

  test("the bundled sample: every sheet in three syncs, identical to the .xlsx reader (same hashes)", async () => {
    const source = await tablesOf(SAMPLE);
    const fake = fakeFrom(source);
    const progress: ReadProgress[] = [];
    const read = await adapterOn(fake).readTables(
      source.map((t) => t.name),
      (p) => progress.push(p)
    );
    expect(read).toEqual(source);
    expect(read.map(hashTable)).toEqual(source.map(hashTable));
    expect(fake.syncs.length).toBeLessThanOrEqual(3);
    expectWithinLimits(fake.syncs);
    const last = progress.filter((p) => p.sheet === "工单").pop()!;
    expect(last.rowsRead).toBe(last.rowsTotal);
  });

  test("110,000 tickets × 19 columns: ≤ 40 syncs, no request or response over 4 MB or 5 million cells", async () => {
    const sample = (await tablesOf(SAMPLE)).find((t) => t.name === "工单")!;
    const [header, ...rows] = sample.values;
    const values: RawCell[][] = [header];
    for (let i = 0; values.length <= 110_000; i++) {
      const row = [...rows[i % rows.length]];
      row[0] = `GD${String(i + 1).padStart(10, "0")}`;
      values.push(row);
    }
    expect(values[0]).toHaveLength(19);
    const fake = fakeFrom([{ name: "工单", firstRow: 1, firstCol: 1, values }]);
    const progress: ReadProgress[] = [];
    const [t] = await adapterOn(fake).readTables(["工单"], (p) => progress.push(p));
    expect(fake.syncs.length).toBeLessThanOrEqual(40);
    expectWithinLimits(fake.syncs);
    expect(t.values).toHaveLength(110_001);
    expect(firstDifference(t.values, values)).toBe(-1);
    expect(progress[progress.length - 1]).toEqual({
      sheet: "工单",
      rowsRead: 110_001,
      rowsTotal: 110_001,
    });
    // the chunks grow once the real row size is known
    const sizes = fake.syncs.map((s) => s.responseBytes);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * sizes[1]);
  });

  test("cancelled between syncs: stops with Cancelled and syncs no more", async () => {
    const values: RawCell[][] = [["工单编号", "诉求内容"]];
    for (let i = 0; i < 60_000; i++)
      values.push([
        `GD${i}`,
        "来电人反映社区卫生服务站未按公示时间开诊，到站后无人接诊。".repeat(2),
      ]);
    const fake = fakeFrom([{ name: "工单", firstRow: 1, firstCol: 1, values }]);
    const abort = new AbortController();
    const adapter = adapterOn(fake);
    await expect(
      adapter.readTables(["工单"], () => abort.abort(), abort.signal)
    ).rejects.toBeInstanceOf(Cancelled);
    expect(fake.syncs).toHaveLength(2);
    const before = fake.syncs.length;
    await expect(adapter.readTables(["工单"], undefined, abort.signal)).rejects.toBeInstanceOf(
      Cancelled
    );
    expect(fake.syncs).toHaveLength(before);
  });

  test("a response Excel rejects as too large is read again in smaller chunks", async () => {
    const values: RawCell[][] = [["工单编号", "诉求内容"]];
    for (let i = 0; i < 20_000; i++) values.push([`GD${i}`, `来电人反映第${i}号问题。`.repeat(4)]);
    // Excel limited to 1 MB here, the adapter planning for 3 MB
    const fake = fakeFrom([{ name: "工单", firstRow: 1, firstCol: 1, values }], {
      maxPayloadBytes: 1024 * 1024,
    });
    const [t] = await adapterOn(fake, { budget: { bytes: 3 * 1024 * 1024 } }).readTables(["工单"]);
    expect(firstDifference(t.values, values)).toBe(-1);
    expect(fake.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  });

  test("a missing sheet is named in the error", async () => {
    const fake = new FakeExcel();
    fake.addSheet("工单", [["工单编号"]]);
    await expect(adapterOn(fake).readTables(["工单", "人员"])).rejects.toThrow(/人员/);
  });
});

describe("listSheets", () => {
  test("names and used-range sizes (from A1) in two syncs", async () => {
    const fake = new FakeExcel();
    fake.addSheet("说明", [["x"]]);
    fake.addSheet(
      "人员",
      [
        ["工号", "姓名"],
        ["HX001", "王丽娜"],
      ],
      { row: 2, col: 3 }
    );
    fake.addSheet("空表");
    expect(await adapterOn(fake).listSheets()).toEqual([
      { name: "说明", rows: 1, columns: 1 },
      { name: "人员", rows: 3, columns: 4 },
      { name: "空表", rows: 0, columns: 0 },
    ]);
    expect(fake.syncs).toHaveLength(2);
  });
});

describe("the 1904 date system", () => {
  test("is detected (DATE(1904,1,1) = 0) and the audit equals the 1900 workbook's", async () => {
    const tables = await tablesOf(SMALL);
    // the same workbook as a 1904 one holds it: every date serial 1,462 days smaller
    const shifted = tables.map((t) => ({
      ...t,
      values: t.values.map((r) =>
        r.map((v) => (typeof v === "number" && v > 30000 && v < 60000 ? v - 1462 : v))
      ),
    }));
    const names = tables.map((t) => t.name);
    const read1900 = await adapterOn(fakeFrom(tables)).readTables(names);
    const read1904 = await adapterOn(fakeFrom(shifted, { date1904: true })).readTables(names);
    expect(read1900.every((t) => !t.date1904)).toBe(true);
    expect(read1904.every((t) => t.date1904 === true)).toBe(true);
    const a = toSummaryJson(audit(read1900, { asOf: "2023-02-28", runAt: "x" }));
    const b = toSummaryJson(audit(read1904, { asOf: "2023-02-28", runAt: "x" }));
    expect(b.totals).toEqual(a.totals);
    expect(b.kpis).toEqual(a.kpis);
    expect(b.installments).toEqual(a.installments);
  });
});
