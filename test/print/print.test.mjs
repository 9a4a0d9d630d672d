// The result sheets on paper (WORKBOOK.md "On paper"; issue 22): the demo workbook and the four
// template fixtures are audited by the command line, their result sheets printed to PDF by
// LibreOffice (as the README's picture is made), and the PDF measured with PDF.js:
//   - every glyph on every page is at least 9 pt;
//   - every page has the footer: sheet, file, 第 x 页 共 y 页, the as-of date and the fingerprint;
//   - 结算确认单 prints upright on one page;
//   - 扣款明细's evidence pages never carry the first table's header;
//   - no number touches the text right of it.
// Needs `soffice` (libreoffice-calc-nogui), and the Carlito font so a column measures as in Excel
// (Calibri's metrics); .ci/run installs both. Run: npm run test:print
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = mkdtempSync(path.join(tmpdir(), "print-"));
const WORKBOOKS = [
  ["demo", "assets/sample/接诉即办-2023-示例.xlsx", []],
  ["small-2months", "test/fixtures/small-2months.xlsx", ["--as-of", "2023-02-28"]],
  ["year-plain", "test/fixtures/year-plain.xlsx", []],
  ["year-messy", "test/fixtures/year-messy.xlsx", []],
  ["year-edge", "test/fixtures/year-edge.xlsx", []],
];

const sheetNames = (xml) => [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);

/**
 * The audited copy with every sheet of the input hidden, so the PDF holds the result sheets only
 * (whatever the product added); returns their names.
 */
function resultsOnly(input, file, to) {
  const inputs = new Set(sheetNames(strFromU8(unzipSync(readFileSync(input))["xl/workbook.xml"])));
  const files = unzipSync(readFileSync(file));
  let xml = strFromU8(files["xl/workbook.xml"]);
  const results = sheetNames(xml).filter((n) => !inputs.has(n));
  xml = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    const name = /name="([^"]*)"/.exec(tag)[1];
    return inputs.has(name) ? bare.replace("<sheet ", '<sheet state="hidden" ') : bare;
  });
  // a hidden sheet cannot be the active one: the first result sheet is
  const first = sheetNames(xml).indexOf(results[0]);
  xml = xml.replace(/<bookViews>.*?<\/bookViews>/s, "");
  xml = xml.replace(
    /<sheets>/,
    `<bookViews><workbookView activeTab="${first}"/></bookViews><sheets>`
  );
  files["xl/workbook.xml"] = strToU8(xml);
  writeFileSync(to, zipSync(files));
  return results;
}

/** Each page: its text, the smallest glyph (pt), upright or not. */
async function pages(pdf) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
  const list = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const all = (await page.getTextContent()).items;
    const items = all.filter((t) => t.str.trim());
    const sizes = items.map((t) => Math.hypot(t.transform[2], t.transform[3]));
    const vp = page.getViewport({ scale: 1 });
    const k = sizes.indexOf(Math.min(...sizes));
    // an amount or a rate and the text right of it on one line with hardly a gap between
    // ("¥500.00第一次验收"): cells of their own sit about 3 pt apart, 7 pt with the indent
    const touching = [];
    for (const a of items) {
      const figure = (x) => /^[-−]?¥[\d,]+\.\d\d$|^[\d.]+%$/.test(x.str);
      if (!figure(a)) continue;
      // a wrapped line of a sentence that starts with a figure ("10% 扣"): text starts there above
      const above = (b) =>
        b.transform[5] - a.transform[5] > 0.5 && b.transform[5] - a.transform[5] < 20;
      if (
        items.some((b) => above(b) && Math.abs(b.transform[4] - a.transform[4]) < 0.5 && !figure(b))
      )
        continue;
      const end = a.transform[4] + a.width;
      const line = (b) => b !== a && Math.abs(b.transform[5] - a.transform[5]) < 0.5;
      // a run of digits inside a text ("第3期"): the PDF splits a cell's text by font
      if (items.some((b) => line(b) && Math.abs(b.transform[4] + b.width - a.transform[4]) < 4))
        continue;
      for (const b of items)
        if (
          b !== a &&
          // (the Chinese font's baseline sits about 2 pt off the Latin one's)
          Math.abs(b.transform[5] - a.transform[5]) < 3 &&
          /^[\u4e00-\u9fff]/.test(b.str) &&
          b.transform[4] >= end - 0.5 &&
          b.transform[4] - end < 4
        )
          touching.push(`${a.str}|${b.str}`);
    }
    list.push({
      touching,
      text: all
        .map((t) => t.str + (t.hasEOL ? " " : ""))
        .join("")
        .replace(/\s+/g, " "),
      smallest: Math.min(...sizes),
      smallestText: items[k]?.str,
      upright: vp.height > vp.width,
    });
  }
  return list;
}

for (const [name, input, flags] of WORKBOOKS) {
  test(`${name}: every result page ≥ 9 pt, with its footer; 结算确认单 upright on one page`, async () => {
    const audited = path.join(out, `${name}.xlsx`);
    execFileSync(
      "node",
      [path.join(root, "scripts/cli.cjs"), path.join(root, input), "--out", audited, ...flags],
      {
        stdio: "ignore",
      }
    );
    const printed = path.join(out, `${name}-print.xlsx`);
    const results = resultsOnly(path.join(root, input), audited, printed);
    assert.equal(results[0], "结算确认单");
    assert.equal(results.length, 9);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, printed], {
      stdio: "ignore",
    });
    const list = await pages(path.join(out, `${name}-print.pdf`));
    assert.ok(list.length >= results.length, `${list.length} pages`);
    const sheetOf = (p) => /(\S+) ?· ?\S+-print\.xlsx/.exec(p.text)?.[1];
    for (const [i, p] of list.entries()) {
      const sheet = sheetOf(p);
      assert.ok(
        results.includes(sheet),
        `page ${i + 1} names its sheet in the footer: ${p.text.slice(-120)}`
      );
      assert.match(
        p.text,
        new RegExp(`第 ?${i + 1} ?页 ?共 ?${list.length} ?页`),
        `page ${i + 1}: page numbers`
      );
      assert.match(
        p.text,
        /评价截止 ?\d{4}-\d\d-\d\d ?· ?工单指纹 ?[0-9a-f]{8}/,
        `page ${i + 1}: as-of and fingerprint`
      );
      assert.ok(
        p.smallest >= 9,
        `${sheet} page ${i + 1}: "${p.smallestText}" prints at ${p.smallest.toFixed(2)} pt`
      );
    }
    for (const [i, p] of list.entries())
      assert.deepEqual(p.touching, [], `page ${i + 1}: numbers touching the text beside them`);
    const settlement = list.filter((p) => sheetOf(p) === "结算确认单");
    assert.ok(settlement.length === 1, `结算确认单: ${settlement.length} pages`);
    assert.ok(
      settlement.every((p) => p.upright),
      "结算确认单 is upright"
    );
    assert.match(settlement.map((p) => p.text).join(" "), /乙方（签字、盖章）/);
    // 扣款明细: the first table's header (with 单价) never above the evidence pages
    const deductions = list.filter((p) => sheetOf(p) === "扣款明细");
    for (const p of deductions.slice(1))
      assert.doesNotMatch(p.text, /单价/, "扣款明细 continuation header");
  });
}
