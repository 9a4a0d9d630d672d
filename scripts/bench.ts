// Benchmark: time and memory of the .xlsx path and the engine at 10k, 110k and 1,048,000 tickets.
// Usage: npm run bench [-- --tickets 110000] [--form excel|inline|libreoffice|wps|monthly[,…]]
//        [--skip-cli] [--unique-text]
//
// Builds each workbook once (cached in bench/, not committed) from the bundled sample: every
// sheet of a full service year, its 工单 sheet repeated up to N tickets with new ids, written in
// each form a writer uses (scripts/bench-forms.ts says what each writes and on what evidence):
// `excel` as Excel writes it (shared strings, deflate), `inline` as openpyxl and pandas write it
// (every text an inline string, every non-ASCII character a numeric character reference:
// &#24037;), `libreoffice` as LibreOffice Calc writes it (every cell typed and styled, numbers to
// 15 digits, shared strings with xml:space and script runs), `wps` as WPS Office writes it (a
// 状态 column of one shared formula, cached text results t="str"), `monthly` split into one sheet
// a month with a title row and a 列映射 (a platform export). Every form without --form. The
// sample's texts repeat every 9,222 tickets; with --unique-text every ticket's 诉求内容 is its own,
// as in a real year, and as long (bench/tickets-N-FORM-unique.xlsx). Then, for
// each size and form:
//   - decompress only: every part inflated in this process (Node's zlib, and fflate), nothing
//     parsed;
//   - the command line end to end in a fresh process (start-up included), wall time and peak
//     memory from /usr/bin/time, beside the floor of the goals: `unzip -p FILE`, a process of its
//     own (median of three);
//   - in-process stages: open + read the engine's sheets, audit, layout, write the copy.
// Figures go to the terminal; docs/PERFORMANCE.md records them with what dominated.
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { inflateRawSync } from "zlib";
import { audit } from "../src/engine/audit";
import { nodeCodec, useNodeHash } from "../src/cli/node";
import { layoutResults } from "../src/engine/layout";
import { XlsxWorkbook } from "../src/file/workbook-file";
import { concat, entryBytes, rawData, readDirectory } from "../src/file/zip";
import { FORMS, Form, benchFile, buildForm } from "./bench-forms";

// the project folder (this file also runs bundled, from dist/run/)
const ROOT = (() => {
  let d = __dirname;
  while (!existsSync(path.join(d, "package.json"))) d = path.dirname(d);
  return d;
})();
const SAMPLE = path.join(ROOT, "assets", "sample", "接诉即办-2023-示例.xlsx");
const DIR = path.join(ROOT, "bench");
const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = argValue("tickets") ? [Number(argValue("tickets"))] : [10000, 110000, 1048000];
// --form excel,wps: those forms; all of them when not given
const FORMS_RUN: Form[] = (argValue("form") ?? FORMS.join(",")).split(",").map((f) => {
  if (!(FORMS as readonly string[]).includes(f))
    throw new Error(`--form ${f}: one of ${FORMS.join(", ")} (or several, with commas)`);
  return f as Form;
});

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const UNIQUE = process.argv.includes("--unique-text");
const fileOf = (n: number, form: Form) => benchFile(DIR, n, form, UNIQUE);

/** The sample with its 工单 sheet grown to n tickets, written in a writer's form (scripts/bench-forms.ts). */
function buildWorkbook(n: number, form: Form): string {
  const file = fileOf(n, form);
  if (existsSync(file)) return file;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(file, concat(buildForm(readFileSync(SAMPLE), n, form, 6, UNIQUE)));
  return file;
}

/** Inflates every part, parses nothing: what merely opening the zip costs. */
function decompressOnly(bytes: Uint8Array): { zlib: number; fflate: number } {
  const dir = readDirectory(bytes);
  let t0 = performance.now();
  for (const e of dir) if (e.method === 8) inflateRawSync(rawData(bytes, e));
  const zlib = performance.now() - t0;
  t0 = performance.now();
  for (const e of dir) entryBytes(bytes, e);
  return { zlib, fflate: performance.now() - t0 };
}

/**
 * The floor of the goals (docs/PERFORMANCE.md): the whole file inflated by `unzip -p` in a process
 * of its own, its output thrown away; the median of three, or null where unzip is missing.
 */
function unzipFloor(file: string): number | null {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync("unzip", ["-p", file], { stdio: "ignore" });
    if (r.error || r.status !== 0) return null;
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[1];
}

function cli(file: string): { wall: number; peak: number; out: string } | null {
  const out = path.join(DIR, "out.xlsx");
  const r = spawnSync(
    "/usr/bin/time",
    ["-v", process.execPath, path.join(ROOT, "scripts/cli.cjs"), file, "--out", out],
    { encoding: "utf8", maxBuffer: 1 << 26 }
  );
  const wall =
    /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(
      r.stderr
    );
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !wall || !peak) {
    console.log(
      `  command line failed (exit ${r.status}): ${r.stderr.split("\n").slice(0, 3).join(" / ")}`
    );
    return null;
  }
  return {
    wall: (Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3]),
    peak: Number(peak[1]) * 1024,
    out: r.stdout,
  };
}

useNodeHash();

async function main() {
  const rows: string[] = [];
  for (const n of SIZES) for (const form of FORMS_RUN) await measure(n, form, rows);
  console.log(
    "\n| tickets | form | file | decompress in-process (zlib) ms | open + read ms | audit, no readings ms | audit ms | layout + write ms | CLI end to end ms | CLI peak | floor: unzip -p ms | CLI × floor |"
  );
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(r);
}

async function measure(n: number, form: Form, rows: string[]) {
  {
    const t0 = performance.now();
    const file = buildWorkbook(n, form);
    const built = performance.now() - t0;
    const bytes = new Uint8Array(readFileSync(file));
    console.log(
      `\n工单 ${n.toLocaleString()} tickets · ${path.relative(ROOT, file)} ${mb(statSync(file).size)}${built > 1000 ? ` (built in ${(built / 1000).toFixed(1)} s)` : ""}`
    );
    // warm the page cache and the JIT the same way for every figure
    decompressOnly(bytes);
    const dec = decompressOnly(bytes);
    console.log(
      `  decompress only       zlib ${dec.zlib.toFixed(0)} ms · fflate ${dec.fflate.toFixed(0)} ms`
    );
    const stage = <T>(name: string, f: () => T): [T, number] => {
      global.gc?.();
      const s = performance.now();
      const v = f();
      const ms = performance.now() - s;
      console.log(
        `  ${name.padEnd(22)}${ms.toFixed(0).padStart(6)} ms   heap ${mb(process.memoryUsage().heapUsed)}`
      );
      return [v, ms];
    };
    const [wb, tOpen] = stage("open + read sheets", () => {
      const w = XlsxWorkbook.open(bytes, nodeCodec);
      return { w, tables: w.readTablesSync(w.sheetsForEngine()) };
    });
    const [, tQuick] = stage("audit, no readings", () =>
      audit(wb.tables, { runAt: "bench", readings: false })
    );
    const [result, tAudit] = stage("audit (engine)", () => audit(wb.tables, { runAt: "bench" }));
    console.log(
      `  readings (8, RULES.md §5) cost ${(tAudit - tQuick).toFixed(0)} ms: ${(tAudit / tQuick).toFixed(2)} × a run without them`
    );
    const ticketsCounted = result.sheets.find((s) => s.key === "tickets")?.rows ?? 0;
    const [specs, tLayout] = stage("layout", () => layoutResults(result));
    const [outBytes, tWrite] = stage("write copy", () => {
      wb.w.writeResultSheetsSync(specs);
      return wb.w.toZipPieces().reduce((a, p) => a + p.length, 0);
    });
    console.log(
      `  tickets counted ${ticketsCounted.toLocaleString()} · copy ${mb(outBytes)} · peak RSS so far ${mb(process.memoryUsage().rss)}`
    );
    let line = `| ${n.toLocaleString()} | ${form} | ${mb(bytes.length)} | ${dec.zlib.toFixed(0)} | ${tOpen.toFixed(0)} | ${tQuick.toFixed(0)} | ${tAudit.toFixed(0)} | ${(tLayout + tWrite).toFixed(0)} |`;
    if (!process.argv.includes("--skip-cli")) {
      const c = cli(file);
      const floor = unzipFloor(file);
      if (c) {
        const times = floor ? `${((c.wall * 1000) / floor).toFixed(1)} ×` : "—";
        console.log(
          `  command line          ${(c.wall * 1000).toFixed(0).padStart(6)} ms   peak ${mb(c.peak)}   = ${times} the floor (unzip -p, ${floor ? `${floor.toFixed(0)} ms` : "missing"})`
        );
        line += ` ${(c.wall * 1000).toFixed(0)} | ${mb(c.peak)} | ${floor ? floor.toFixed(0) : "—"} | ${times} |`;
      }
    }
    rows.push(line);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
