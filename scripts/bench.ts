// Benchmark: time and memory of the .xlsx path and the engine at 10k, 110k and 1,048,000 tickets.
// Usage: npm run bench [-- --tickets 110000] [--form excel|inline] [--skip-cli]
//
// Builds each workbook once (cached in bench/, not committed) from the bundled sample: every
// sheet of a full service year, its 工单 sheet repeated up to N tickets with new ids, written in
// each form a writer uses: `excel` as Excel writes it (shared strings, deflate), `inline` as
// openpyxl and pandas write it (every text an inline string, every non-ASCII character a numeric
// character reference: &#24037;). Then, for each size and form:
//   - decompress only: every part inflated (Node's zlib, and fflate), nothing parsed — the floor;
//   - the command line end to end in a fresh process (start-up included), wall time and peak
//     memory from /usr/bin/time;
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
import { RawCell } from "../src/engine/table";
import { REL_TYPE } from "../src/file/package";
import { XlsxWorkbook } from "../src/file/workbook-file";
import { concat, entryBytes, rawData, readDirectory } from "../src/file/zip";
import { escapeText } from "../src/file/xml";
import { cellAddress } from "../src/engine/table";

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
type Form = "excel" | "inline";
const FORMS: Form[] = argValue("form") ? [argValue("form") as Form] : ["excel", "inline"];

/** Text as openpyxl writes it: XML-escaped, every character past ASCII as &#N;. */
const charRefs = (s: string) =>
  escapeText(s).replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** The sample with its 工单 sheet grown to n tickets, written in a writer's form. */
function buildWorkbook(n: number, form: Form): string {
  const file = path.join(DIR, form === "excel" ? `tickets-${n}.xlsx` : `tickets-${n}-${form}.xlsx`);
  if (existsSync(file)) return file;
  mkdirSync(DIR, { recursive: true });
  const wb = XlsxWorkbook.open(readFileSync(SAMPLE));
  const pkg = wb.package;
  const ticketsSheet = pkg.sheets().find((s) => s.name === "工单")!;
  const [tickets] = wb.readTablesSync(["工单"]);
  const header = tickets.values[0];
  const body = tickets.values.slice(1);
  const sstPart = pkg.workbookRelated(REL_TYPE.sharedStrings)!;
  // the other sheets refer to the sample's strings by index: those stay first, as written
  const sampleStrings = [...pkg.text(sstPart).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const si = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = sampleStrings.length + strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let chunk = "";
  const flush = (force = false) => {
    if (chunk.length > 1 << 20 || force) {
      pieces.push(encoder.encode(chunk));
      chunk = "";
    }
  };
  const cell = (r: number, c: number, v: RawCell) => {
    if (v === null || typeof v === "object") return "";
    const ref = cellAddress(r, c);
    if (typeof v === "number") return `<c r="${ref}" s="1"><v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    if (form === "inline") return `<c r="${ref}" t="inlineStr"><is><t>${charRefs(v)}</t></is></c>`;
    return `<c r="${ref}" t="s"><v>${si(v)}</v></c>`;
  };
  chunk =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:S${n + 1}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`;
  const row = (r: number, values: RawCell[]) => {
    chunk += `<row r="${r}" spans="1:${values.length}">${values.map((v, j) => cell(r, j + 1, v)).join("")}</row>`;
    flush();
  };
  row(1, header);
  for (let i = 0; i < n; i++) {
    const src = [...body[i % body.length]];
    src[0] = `GD${String(i + 1).padStart(10, "0")}`;
    row(i + 2, src);
  }
  chunk +=
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  flush(true);
  pkg.set(ticketsSheet.part!, pieces);
  const total = sampleStrings.length + strings.length;
  const sst = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${total}" uniqueCount="${total}">`,
    ...sampleStrings.map((x) => `<si>${x}</si>`),
    ...strings.map((x) => `<si><t>${escapeText(x)}</t></si>`),
    "</sst>",
  ];
  pkg.set(sstPart, [encoder.encode(sst.join(""))]);
  writeFileSync(file, concat(pkg.toZip(6)));
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
  for (const n of SIZES) for (const form of FORMS) await measure(n, form, rows);
  console.log(
    "\n| tickets | form | file | decompress (zlib) ms | open + read ms | audit, no readings ms | audit ms | layout + write ms | CLI end to end ms | CLI peak | CLI × decompress |"
  );
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
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
      if (c) {
        console.log(
          `  command line          ${(c.wall * 1000).toFixed(0).padStart(6)} ms   peak ${mb(c.peak)}   = ${((c.wall * 1000) / dec.zlib).toFixed(1)} × decompress`
        );
        line += ` ${(c.wall * 1000).toFixed(0)} | ${mb(c.peak)} | ${((c.wall * 1000) / dec.zlib).toFixed(1)} |`;
      }
    }
    rows.push(line);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
