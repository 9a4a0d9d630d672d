// The bench's workbooks in other writers' forms (scripts/bench-forms.ts: LibreOffice, WPS, inline
// strings, a monthly export) read as the Excel-shaped one does: the same tickets, cell for cell,
// and the same audit (tickets counted, deductions and every settlement total). Built small with the
// same builders `npm run bench` times, so that a form is held to the reader and not only timed.
import { readFileSync } from "fs";
import path from "path";
import { audit } from "../../src/engine/audit";
import type { RawCell, RawTable } from "../../src/engine/table";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { concat } from "../../src/file/zip";
import {
  FORMS,
  Form,
  WPS_STATUS_HEADER,
  buildForm,
  grownTickets,
  loNumber,
  scriptRuns,
  wpsStatus,
} from "../../scripts/bench-forms";

const SAMPLE = readFileSync(path.join(__dirname, "../../assets/sample/接诉即办-2023-示例.xlsx"));
// more than the sample's 9,222 tickets: the year and a second pass with new ids (13 months)
const N = 10_000;

interface Read {
  bytes: Uint8Array;
  tables: RawTable[];
  tickets: number;
  sources: string[];
  totals: unknown;
}

const cache = new Map<Form, Read>();
function read(form: Form): Read {
  let r = cache.get(form);
  if (!r) {
    const bytes = concat(buildForm(SAMPLE, N, form, 1));
    const wb = XlsxWorkbook.open(bytes);
    const tables = wb.readTablesSync(wb.sheetsForEngine());
    const result = audit(tables, { runAt: "test", readings: false });
    const t = result.sheets.find((s) => s.key === "tickets")!;
    const sources = t.sources.map((x) => x.name);
    r = { bytes, tables, tickets: t.rows, sources, totals: result.settlement.totals };
    cache.set(form, r);
  }
  return r;
}

const ticketsOf = (r: Read) => r.tables.find((t) => t.name === "工单")!.values;

test("the Excel-shaped workbook has the tickets asked for and a deduction", () => {
  const excel = read("excel");
  expect(excel.tickets).toBe(N);
  expect(ticketsOf(excel)).toHaveLength(N + 1);
  expect((excel.totals as { deductions: number }).deductions).toBeGreaterThan(0);
});

test.each(FORMS.filter((f) => f !== "excel"))(
  "%s: the same tickets counted and the same settlement totals as Excel's form",
  (form) => {
    const excel = read("excel");
    const other = read(form);
    expect(other.tickets).toBe(excel.tickets);
    expect(other.totals).toEqual(excel.totals);
  }
);

test("inline: every cell of 工单 as in Excel's form", () => {
  expect(ticketsOf(read("inline"))).toEqual(ticketsOf(read("excel")));
});

test("--unique-text: every 诉求内容 its own and as long, every other cell and the totals as before", () => {
  const bytes = concat(buildForm(SAMPLE, N, "inline", 1, true));
  const wb = XlsxWorkbook.open(bytes);
  const tables = wb.readTablesSync(wb.sheetsForEngine());
  const unique = tables.find((t) => t.name === "工单")!.values;
  const excel = ticketsOf(read("excel"));
  const col = excel[0].indexOf("诉求内容");
  expect(col).toBeGreaterThan(0);
  expect(unique).toHaveLength(excel.length);
  expect(new Set(unique.slice(1).map((r) => r[col])).size).toBe(N);
  unique.slice(1).forEach((row, i) => {
    const [now, before] = [row[col], excel[i + 1][col]].map((v) => [...String(v ?? "")]);
    expect(now.length).toBe(Math.max(4, before.length));
    expect(now.slice(0, -4)).toEqual(before.slice(0, -4));
    expect(row.filter((_, c) => c !== col)).toEqual(excel[i + 1].filter((_, c) => c !== col));
  });
  expect(audit(tables, { runAt: "test", readings: false }).settlement.totals).toEqual(
    read("excel").totals
  );
  // the same text for the same ticket on every build, whatever the size
  expect(grownTickets(XlsxWorkbook.open(SAMPLE), 50, true).values).toEqual(unique.slice(0, 51));
});

test("libreoffice: every text as in Excel's form, every number to LibreOffice's 15 digits", () => {
  const excel = ticketsOf(read("excel"));
  const lo = ticketsOf(read("libreoffice"));
  expect(lo).toHaveLength(excel.length);
  const rounded = excel.map((row) =>
    row.map((v) => (typeof v === "number" ? Number(loNumber(v)) : v))
  );
  expect(lo).toEqual(rounded);
  // the form is what it says: typed cells, rows without spans, script runs in the strings
  const wb = XlsxWorkbook.open(read("libreoffice").bytes);
  const part = wb.package.sheets().find((s) => s.name === "工单")!.part!;
  const head = new TextDecoder().decode(wb.package.bytesOf(part).subarray(0, 1 << 16));
  expect(head).toContain(
    '<row r="2" customFormat="false" ht="15" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" s="0" t="s"><v>'
  );
  expect(head).toMatch(/<c r="B2" s="3" t="n"><v>44949\.0665509259<\/v><\/c>/);
  const sst = wb.package.text("xl/sharedStrings.xml");
  expect(sst).toContain('<t xml:space="preserve">基层卫生</t></r><r><rPr>');
});

test("libreoffice: a text is split into runs where its script changes, as LibreOffice does", () => {
  const runs = (s: string) => scriptRuns(s).map((r) => r.text);
  expect(runs("基层卫生/开诊时间")).toEqual(["基层卫生", "/", "开诊时间"]);
  expect(runs("来电人咨询65岁以上老年人")).toEqual(["来电人咨询", "65", "岁以上老年人"]);
  expect(runs("服务 · 合同（2023-01-23 至 2024）")).toEqual([
    "服务 ",
    "· ",
    "合同（",
    "2023-01-23 ",
    "至 ",
    "2024",
    "）",
  ]);
  // quotation marks take the script around them
  expect(runs("演示“接诉即办”工具")).toEqual(["演示“接诉即办”工具"]);
  expect(runs("150****9256")).toEqual(["150****9256"]);
});

test("libreoffice: numbers rounded as LibreOffice 7.4 wrote them (the shortest decimal, half up)", () => {
  expect(loNumber(44949.06655092593)).toBe("44949.0665509259");
  // the double is 44949.392835648148…: rounding it (toPrecision) would give …481
  expect(loNumber(44949.39283564815)).toBe("44949.3928356482");
  expect(loNumber(44956.99998842593)).toBe("44956.9999884259");
  expect(loNumber(1.5)).toBe("1.5");
  expect(loNumber(-0.1234567890123456)).toBe("-0.123456789012346");
  expect(loNumber(99999.99999999999)).toBe("100000");
});

test("wps: the 状态 column's shared formula reads as its cached text, the other cells as Excel's", () => {
  const excel = ticketsOf(read("excel"));
  const wps = ticketsOf(read("wps"));
  const header = excel[0];
  expect(wps[0]).toEqual([...header, WPS_STATUS_HEADER]);
  const expected: RawCell[][] = excel
    .slice(1)
    .map((row) => [
      ...row,
      ...Array<RawCell>(header.length - row.length).fill(null),
      wpsStatus(header, row),
    ]);
  expect(wps.slice(1)).toEqual(expected);
  expect(new Set(wps.slice(1).map((r) => r[header.length]))).toEqual(
    new Set(["按时办结", "超期办结", "未办结"])
  );
  const wb = XlsxWorkbook.open(read("wps").bytes);
  const part = wb.package.sheets().find((s) => s.name === "工单")!.part!;
  const head = new TextDecoder().decode(wb.package.bytesOf(part).subarray(0, 1 << 16));
  expect(head).toContain(
    `<c r="T2" t="str"><f t="shared" ref="T2:T${N + 1}" si="0">IF(M2="","未办结",IF(M2&lt;=K2,"按时办结","超期办结"))</f><v>`
  );
  expect(head).toMatch(/<c r="T3" t="str"><f t="shared" si="0"\/><v>[^<]+<\/v><\/c>/);
});

test("monthly: thirteen monthly sheets under a title row and a 列映射; every ticket once", () => {
  const excel = ticketsOf(read("excel"));
  const monthly = read("monthly");
  expect(monthly.sources).toHaveLength(13);
  const months = monthly.tables.filter((t) => /^\d{4}年\d{2}月$/.test(t.name));
  expect(months.map((t) => t.name)).toEqual(monthly.sources);
  for (const t of months) {
    expect(t.values[0]).toEqual([`${t.name} 工单明细`]);
    expect(t.values[1]).toEqual(excel[0]);
  }
  const byId = (rows: RawCell[][]) =>
    [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  expect(byId(months.flatMap((t) => t.values.slice(2)))).toEqual(byId(excel.slice(1)));
  expect(monthly.tables.some((t) => t.name === "工单")).toBe(false);
});
