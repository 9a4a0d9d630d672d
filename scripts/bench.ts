// Benchmark: how long and how much memory the audit takes on a large workbook.
// Usage: npm run bench [-- --tickets 110000]
// Builds a workbook from the bundled sample with its 工单 sheet repeated up to N tickets (new ids),
// then times each stage: .xlsx read (exceljs), audit (engine), layout, .xlsx write.
import path from "path";
import { performance } from "perf_hooks";
import { audit } from "../src/engine/audit";
import { layoutResults } from "../src/engine/layout";
import { RawTable } from "../src/engine/table";
import { readWorkbookBuffer, readWorkbookFile, auditedWorkbookBuffer } from "../src/file/xlsx";
import ExcelJS from "exceljs";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const target = arg("tickets", 110000);
  const sample = path.join(__dirname, "..", "assets", "sample", "接诉即办-2023-示例.xlsx");
  const base = await readWorkbookFile(sample);
  const tickets = base.tables.find((t) => t.name === "工单")!;
  const header = tickets.values[0];
  const rows = tickets.values.slice(1);
  const big: RawTable = { ...tickets, values: [header] };
  for (let i = 0; big.values.length - 1 < target; i++) {
    const r = [...rows[i % rows.length]];
    r[0] = `BM${String(i).padStart(7, "0")}`;
    big.values.push(r);
  }
  const tables = base.tables.map((t) => (t.name === "工单" ? big : t));
  const cells = tables.reduce((a, t) => a + t.values.reduce((b, r) => b + r.length, 0), 0);

  // an .xlsx holding the big 工单 sheet, to time the file adapter too
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    for (const r of t.values) ws.addRow(r.map((v) => (v && typeof v === "object" ? null : v)));
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  const timings: [string, number, string][] = [];
  const step = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    global.gc?.();
    const h0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const out = await f();
    const ms = performance.now() - t0;
    timings.push([name, ms, mb(process.memoryUsage().heapUsed - h0)]);
    return out;
  };
  const open = await step("read .xlsx (exceljs)", () => readWorkbookBuffer(bytes));
  const result = await step("audit (engine)", () => audit(open.tables, { runAt: "bench" }));
  const specs = await step("layout", () => layoutResults(result));
  const out = await step("write .xlsx (exceljs)", () => auditedWorkbookBuffer(open, specs));

  console.log(
    `工单 ${target.toLocaleString()} rows · ${cells.toLocaleString()} cells · input ${mb(bytes.length)} · output ${mb(out.length)}`
  );
  console.log(
    `KPI rows ${result.kpis.length} · issues ${result.issues.length} · deductions ${result.settlement.deductions.length}`
  );
  for (const [name, ms, heap] of timings)
    console.log(`${name.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms   heap Δ ${heap}`);
  console.log(`peak RSS ${mb(process.memoryUsage().rss)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
