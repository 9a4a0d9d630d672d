// Parts in UTF-16 (the package format allows them: ECMA-376 Part 2, a byte-order mark or "<?" in
// two bytes): read as an XML parser reads them, so a UTF-16 培训 sheet is not read as empty and a
// UTF-16 workbook.xml is a workbook. The copy keeps a UTF-16 sheet byte for byte; the workbook part
// the product rewrites becomes UTF-8 and says so.
import { readFileSync } from "fs";
import path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { audit } from "../../src/engine/audit";
import { toSummaryJson } from "../../src/engine/summary";
import { layoutResults } from "../../src/engine/layout";
import { XlsxPackage, utf16Of } from "../../src/file/package";
import { entryBytes, readDirectory } from "../../src/file/zip";
import { readXlsx } from "../xlsx";
import { utf16 } from "./pkg";

const SMALL = path.join(__dirname, "..", "fixtures", "small-2months.xlsx");
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** small-2months with its workbook part and these sheets (by part) in UTF-16. */
function withUtf16(parts: string[], form: "le" | "be", bom: boolean): Uint8Array {
  const files = unzipSync(readFileSync(SMALL));
  for (const p of ["xl/workbook.xml", ...parts]) files[p] = utf16(text(files[p]), form, bom);
  return zipSync(files);
}

const partOf = (name: string) => {
  const pkg = new XlsxPackage(new Uint8Array(readFileSync(SMALL)));
  return pkg.sheets().find((s) => s.name === name)!.part!;
};

test("the forms are told apart by their first bytes", () => {
  expect(utf16Of(new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBe("utf-16le");
  expect(utf16Of(new Uint8Array([0xfe, 0xff, 0, 0x3c]))).toBe("utf-16be");
  expect(utf16Of(new Uint8Array([0x3c, 0, 0x3f, 0]))).toBe("utf-16le");
  expect(utf16Of(new Uint8Array([0, 0x3c, 0, 0x3f]))).toBe("utf-16be");
  expect(utf16Of(strToU8("<?xml"))).toBeNull();
  expect(utf16Of(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBeNull();
});

test.each([
  ["le", true],
  ["be", true],
  ["le", false],
] as const)(
  "UTF-16%s (mark %s): the same tables and the same audit as the UTF-8 file",
  (form, bom) => {
    const training = partOf("培训");
    const tickets = partOf("工单");
    const bytes = withUtf16([training, tickets], form, bom);
    const plain = readXlsx(SMALL).tables;
    const read = readXlsx(bytes).tables;
    expect(read.map((t) => t.name)).toEqual(plain.map((t) => t.name));
    const trainings = read.find((t) => t.name === "培训")!;
    expect(trainings.values.length).toBeGreaterThan(1);
    expect(read).toEqual(plain);
    const asOf = "2023-02-28";
    const runAt = "2026-01-01 09:00:00";
    const a = toSummaryJson(audit(plain, { asOf, runAt }));
    const b = toSummaryJson(audit(read, { asOf, runAt }));
    expect(b.totals).toEqual(a.totals);
    expect(b.kpis).toEqual(a.kpis);
  }
);

test("the copy: the UTF-16 sheets kept byte for byte; the rewritten workbook part is UTF-8 and says so", () => {
  const training = partOf("培训");
  const bytes = withUtf16([training], "le", true);
  const { workbook, tables } = readXlsx(bytes);
  workbook.writeResultSheetsSync(layoutResults(audit(tables, { asOf: "2023-02-28" })));
  const out = workbook.bytes();
  const get = (b: Uint8Array, name: string) =>
    entryBytes(
      b,
      readDirectory(b).find((e) => e.name === name)!
    );
  expect(Buffer.from(get(out, training)).equals(Buffer.from(get(bytes, training)))).toBe(true);
  const book = text(get(out, "xl/workbook.xml"));
  expect(book).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
  expect(book).toContain('name="结算确认单"');
  // and the copy reads again, with its results
  expect(readXlsx(out).names).toContain("结算确认单");
});

test("a selected UTF-16 sheet loses its tabSelected as two bytes a character, nothing else", () => {
  const training = partOf("培训");
  const files = unzipSync(readFileSync(SMALL));
  const xml = text(files[training]).replace("<sheetView ", '<sheetView tabSelected="1" ');
  expect(xml).toContain('tabSelected="1"');
  files[training] = utf16(xml, "le", true);
  const bytes = zipSync(files);
  const { workbook, tables } = readXlsx(bytes);
  workbook.writeResultSheetsSync(layoutResults(audit(tables, { asOf: "2023-02-28" })));
  const out = workbook.bytes();
  const got = entryBytes(
    out,
    readDirectory(out).find((e) => e.name === training)!
  );
  expect(
    Buffer.from(got).equals(Buffer.from(utf16(xml.replace(' tabSelected="1"', ""), "le", true)))
  ).toBe(true);
});
