// A deduction's evidence, end to end: a workbook written by another program (exceljs), with a
// title row above the headers and the table starting in column B, through the command line; the
// copy read back by exceljs. Every link of 扣款明细 lands on the exact cell of the ticket that
// caused the deduction, and is written the way Excel reads an internal link (location, no '#').
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { entryBytes, readDirectory } from "../../src/file/zip";

async function input(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("工单");
  ws.getCell("B1").value = "2023年3月工单台账";
  ws.getRow(2).values = [null, "工单编号", "派单时间", "签收时间", "转派时间"];
  // ten tickets of 2023-03-05 signed in minutes, except GD7 (sheet row 9), signed the next day
  for (let i = 1; i <= 10; i++)
    ws.getRow(i + 2).values = [
      null,
      `GD${i}`,
      "2023-03-05 10:00",
      i === 7 ? "2023-03-06 09:00" : "2023-03-05 10:05",
      null,
    ];
  await wb.xlsx.writeFile(file);
}

test("every evidence link of 扣款明细 lands on the cell of the ticket behind the deduction", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "evidence-"));
  const file = path.join(dir, "in.xlsx");
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "s.json");
  await input(file);
  const lines: string[] = [];
  const code = await main([file, "--out", out, "--json", json, "--as-of", "2023-03-31"], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  expect({ code, lines: code ? lines : [] }).toEqual({ code: 0, lines: [] });
  const summary = JSON.parse(readFileSync(json, "utf8"));
  expect(
    summary.deductions.map((d: { ruleId: string; period: string }) => [d.ruleId, d.period])
  ).toEqual([["R1", "2023-03-05"]]);

  // 扣款明细's links as written: each internal link is a location (sheet quoted, no '#': Excel
  // would not follow one with it); exceljs does not surface these, so the part is read here
  const bytes = readFileSync(out);
  const part = XlsxWorkbook.open(bytes)
    .package.sheets()
    .find((x) => x.name === "扣款明细")!.part!;
  const entry = readDirectory(bytes).find((e) => e.name === part)!;
  const xml = new TextDecoder().decode(entryBytes(bytes, entry));
  const links = [...xml.matchAll(/<hyperlink ref="([A-Z]+)(\d+)" location="([^"]*)"/g)].map(
    (m) => ({ col: m[1], row: Number(m[2]), location: m[3].replace(/&apos;/g, "'") })
  );
  expect(links.map((l) => l.location)).toEqual(["'工单'!B9", "'工单'!B9"]);

  // read back by exceljs: the link cells show GD7, the evidence row says 工单 row 9, and the
  // cell the links name holds GD7
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(out);
  const ded = copy.getWorksheet("扣款明细")!;
  for (const l of links) expect(ded.getCell(`${l.col}${l.row}`).value).toBe("GD7");
  const evidenceRow = ded.getRow(links[1].row);
  expect([
    evidenceRow.getCell(1).value,
    evidenceRow.getCell(3).value,
    evidenceRow.getCell(4).value,
  ]).toEqual(["R1", "工单", 9]);
  expect(copy.getWorksheet("工单")!.getCell("B9").value).toBe("GD7");
});
