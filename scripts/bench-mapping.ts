// The cost of reading a platform export as it is: the 110,000-ticket bench workbook's tickets as
// one 工单 sheet, or split by month of 派单时间 into thirteen sheets with a 列映射 listing them
// (issue 20: at most 10% more). Engine only (read + audit, no readings), in one process; time each
// form with farm-bench:
//   farm-bench 'node scripts/run-ts.cjs scripts/bench-mapping.ts one' --vs 'node scripts/run-ts.cjs scripts/bench-mapping.ts monthly'
// `write` writes both forms as files through one writer (exceljs's streaming writer, shared
// strings): bench/tickets-110000-exceljs.xlsx and bench/tickets-110000-monthly.xlsx, for the
// command line end to end:
//   farm-bench 'node scripts/cli.cjs bench/tickets-110000-exceljs.xlsx --out /tmp/a.xlsx' \
//     --vs 'node scripts/cli.cjs bench/tickets-110000-monthly.xlsx --out /tmp/b.xlsx'
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { audit } from "../src/engine/audit";
import { nodeCodec, useNodeHash } from "../src/cli/node";
import { XlsxWorkbook } from "../src/file/workbook-file";
import type { RawTable } from "../src/engine/table";
import { splitByMonth } from "./bench-forms";

// the bundle runs from dist/run/: the project is the folder above dist
const ROOT = process.cwd();
const FILE = path.join(ROOT, "bench", "tickets-110000.xlsx");
const mode = process.argv[2] === "one" ? "one" : "monthly";
const write = process.argv[2] === "write";

useNodeHash();
const wb = XlsxWorkbook.open(readFileSync(FILE), nodeCodec);
const tables = wb.readTablesSync(wb.sheetsForEngine());
let input: RawTable[] = tables;
if (mode === "monthly") {
  // the split the bench's `monthly` form writes (scripts/bench-forms.ts)
  const { months, mapping } = splitByMonth(tables.find((t) => t.name === "工单")!);
  input = [...tables.filter((t) => t.name !== "工单"), ...months, mapping];
}
if (write) {
  // both forms through the same writer, so that the difference is the split and the 列映射 only
  const forms: [string, RawTable[]][] = [
    [
      "tickets-110000-exceljs.xlsx",
      tables.filter(
        (t) =>
          !/^(核查汇总|KPI明细|扣款明细|合规检查|付款计划|口径对比|校验问题|运行记录)$/.test(t.name)
      ),
    ],
    ["tickets-110000-monthly.xlsx", input],
  ];
  void (async () => {
    for (const [name, ts] of forms) {
      const out = path.join(ROOT, "bench", name);
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: out,
        useSharedStrings: true,
      });
      for (const t of ts) {
        const ws = book.addWorksheet(t.name);
        for (const row of t.values)
          ws.addRow((row ?? []).map((v) => (v === undefined ? null : v))).commit();
        ws.commit();
      }
      await book.commit();
      console.log(`written: ${path.relative(ROOT, out)}`);
    }
  })();
} else {
  timeAudit();
}

function timeAudit(): void {
  const t0 = performance.now();
  const r = audit(input, { runAt: "bench", readings: false });
  const ms = performance.now() - t0;
  const t = r.sheets.find((s) => s.key === "tickets")!;
  console.log(
    `${mode}: ${t.sources.length} sheet(s), ${t.rows} tickets, deductions ${r.settlement.totals.deductions} cents, audit ${ms.toFixed(0)} ms`
  );
}
