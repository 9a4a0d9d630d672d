// A platform export through the command line (WORKBOOK.md revision 3): --suggest-mapping says what
// it matches and suggests, --write-mapping pre-fills a 列映射 a user confirms in Excel, the audit
// of that copy gives the fixture's expected totals, and --verify notices a change in a monthly sheet.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import type { SummaryJson } from "../src/engine/summary";
import type { MappingPlan } from "../src/engine/suggest";
import { FIXTURES, expectedOf } from "./fixture-checks";
import { readXlsx } from "./xlsx";

const dir = mkdtempSync(path.join(tmpdir(), "audit-mapping-"));
const MONTHLY = path.join(FIXTURES, "export-monthly.xlsx");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** export-monthly without its 列映射: the export as the platform gives it. */
async function bareMonthly(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MONTHLY);
  wb.removeWorksheet(wb.getWorksheet("列映射")!.id);
  const p = path.join(dir, "bare.xlsx");
  await wb.xlsx.writeFile(p);
  return p;
}

let bare: string;
beforeAll(async () => {
  bare = await bareMonthly();
}, 60_000);

test("without a 列映射 the monthly export cannot be audited, and the message says what to do", async () => {
  const r = await run([bare, "--out", path.join(dir, "x.xlsx")]);
  expect(r.code).toBe(1);
  expect(r.err).toContain("2023年01月、2023年02月、2023年03月 等 13 张的表头像工单导出");
  expect(r.err).toContain("--write-mapping");
});

test("--suggest-mapping finds the thirteen monthly sheets, 退回次数 and the 1/blank flags, and writes nothing but the JSON", async () => {
  const json = path.join(dir, "plan.json");
  const r = await run([bare, "--suggest-mapping", "--json", json]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("共 13 张（按表头识别，待核对）");
  expect(r.out).toMatch(/派单准确\s+未找到；建议“退回次数”.*值映射 0=是；其他=否/);
  expect(r.out).toMatch(/重点诉求\s+← 是否重点（平台导出）；建议值映射 1=是；空=否/);
  expect(r.out).toContain("人员名单（按表头识别，待核对）");
  expect(r.out).toContain("需要核对列映射");
  const plan: MappingPlan = JSON.parse(readFileSync(json, "utf8"));
  expect(plan.needed).toBe(true);
  expect(plan.inputs.find((i) => i.key === "tickets")!.sheets).toHaveLength(13);
});

test("--write-mapping pre-fills the 列映射 a user would confirm; the audit of that copy gives the expected totals", async () => {
  const mapped = path.join(dir, "mapped.xlsx");
  const w = await run([bare, "--write-mapping", "--out", mapped]);
  expect(w.code).toBe(0);
  const map = readXlsx(mapped).tables.find((t) => t.name === "列映射")!;
  const rows = map.values.filter((r) => r && typeof r[1] === "string" && r[0] !== "表");
  const plain = rows
    .filter((r) => typeof r[0] === "string" && /^(工单|人员)$/.test(r[0] as string))
    .map((r) => [r[0], r[1], r[3] ?? null]);
  expect(plain).toEqual(
    expect.arrayContaining([
      ["工单", "（工作表）", null],
      ["工单", "派单准确", "0=是；其他=否"],
      ["工单", "重点诉求", "1=是；空=否"],
      ["工单", "回访录音", "1=是；空=否"],
      ["人员", "（工作表）", null],
      ["人员", "岗前培训日期", null],
    ])
  );
  const json = path.join(dir, "mapped.json");
  const a = await run([mapped, "--out", path.join(dir, "mapped-核查.xlsx"), "--json", json]);
  expect(a.err).toBe("");
  expect(a.code).toBe(0);
  const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
  expect(s.totals).toEqual(expect.objectContaining(expectedOf("export-monthly").expected.totals));
  // each suggested row is a warning until its 待核对 is deleted
  expect(s.issues.filter((i) => i.code === "mapping-unconfirmed").length).toBe(6);
  expect(s.mapping.find((m) => m.field === "派单准确")).toMatchObject({
    how: "map",
    source: "退回次数",
  });
}, 60_000);

test("--verify covers every monthly sheet a 列映射 lists", async () => {
  const audited = path.join(dir, "monthly-核查.xlsx");
  expect((await run([MONTHLY, "--out", audited, "--no-readings"])).code).toBe(0);
  const same = await run([audited, "--verify"]);
  expect(same.code).toBe(0);
  expect(same.out).toContain("2024年01月");
  expect(same.out).toContain("列映射");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(audited);
  wb.getWorksheet("2023年03月")!.getCell("D5").value = "2023-03-09 10:00";
  const edited = path.join(dir, "edited.xlsx");
  await wb.xlsx.writeFile(edited);
  const changed = await run([edited, "--verify"]);
  expect(changed.code).toBe(1);
  expect(changed.out).toMatch(/2023年03月\s+已改动/);
}, 60_000);
