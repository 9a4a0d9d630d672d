// The .xlsx reader on hand-written packages: every way a cell can be stored, namespaces,
// missing references, merged cells, pieces that end anywhere, the 1904 system, and files that
// are not workbooks at all.
import { zipSync, strToU8 } from "fflate";
import { pkg } from "./pkg";
import { hashTable, FINGERPRINT_FORMAT } from "../../src/engine/fingerprint";
import { RawTable } from "../../src/engine/table";
import { verifyInputs } from "../../src/engine/verify";
import { FileUnreadable } from "../../src/file/errors";
import { numberAt } from "../../src/file/sheet-reader";
import { parseDateTime } from "../../src/engine/parse";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";
import { createHash } from "crypto";
import { mimeType, resultFileName } from "../../src/taskpane/session";

const read = (bytes: Uint8Array, codec = {}) => {
  const wb = XlsxWorkbook.open(bytes, codec);
  return wb.readTablesSync(wb.package.sheets().map((s) => s.name));
};

test("every way a cell is stored reads as Office.js reports it", () => {
  const bytes = pkg(
    {
      S: `<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 内联 &amp; text </t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c><c r="C2" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#N/A</v></c></row>
<row r="3"><c r="A3"><v>44949.101388888885</v></c><c r="B3"><v>-1.5E-3</v></c><c r="C3"><f>SUM(1,2)</f></c><c r="D3" s="4"/><c r="E3"><v>1e400</v></c><c r="F3" t="d"><v>2023-03-05T14:22:05</v></c><c r="G3" t="s"><v>4</v></c><c r="H3" t="s"><v>5</v></c></row>
<row r="5"><c r="C5"><v>7</v></c></row>
<row r="6"/>
</sheetData>`,
    },
    {
      sst: [
        "<si><t>工单编号</t></si>",
        '<si><r><t>派单</t></r><r><t>时间</t></r><rPh sb="0" eb="2"><t>ハケン</t></rPh></si>',
        "<si><t>line_x000D_break</t></si>",
        "<si><t>&quot;q&quot; &#x4E00;&#20108;</t></si>",
        "<si><t></t></si>",
        "<si><t>#DIV/0!</t></si>",
      ],
    }
  );
  const [t] = read(bytes);
  expect(t.values).toEqual([
    ["工单编号", "派单时间", "line\rbreak", '"q" 一二'],
    [" 内联 & text ", "富文本", "a<b", true, false, { error: "#N/A" }],
    [
      44949.101388888885,
      -0.0015,
      null,
      null,
      { error: "#NUM!" },
      (Date.UTC(2023, 2, 5, 14, 22, 5) - Date.UTC(1899, 11, 30)) / 86400000,
      null,
      { error: "#DIV/0!" },
    ],
    [],
    [null, null, 7],
  ]);
});

test("a formula's cached value in each writer's form; the formula itself is never a value", () => {
  const cells = [
    // LibreOffice: aca, a boolean as a formula
    `<c r="A1" s="3" t="b"><f aca="false">TRUE()</f><v>1</v></c>`,
    `<c r="B1" t="str"><f aca="false">B2&amp;"办结"</f><v>按时&lt;办结</v></c>`,
    // WPS: one shared formula, later cells pointing at it
    `<c r="C1" t="str"><f t="shared" ref="C1:C3" si="0">IF(A1,"是","否")</f><v>是</v></c>`,
    `<c r="D1" t="str"><f t="shared" si="0"/><v>是</v></c>`,
    `<c r="E1"><f>1/3</f><v>0.33333333333333331</v></c>`,
    // no cached value: blank, as Office.js gives a formula not yet calculated
    `<c r="F1"><f>NOW()</f></c>`,
    `<c r="G1" t="str"><f/><v>x</v></c>`,
    `<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
    // an element that only begins with f is not a formula
    `<c r="I1"><fx/><v>5</v></c>`,
  ];
  const [t] = read(pkg({ S: `<sheetData><row r="1">${cells.join("")}</row></sheetData>` }));
  expect(t.values).toEqual([
    [true, "按时<办结", "是", "是", 0.3333333333333333, null, "x", { error: "#DIV/0!" }, 5],
  ]);
  // the same text down a column (the first decoded, the rest from the reader's cache)
  const rows = Array.from(
    { length: 3 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="str"><f t="shared" si="0"/><v>按时办结</v></c></row>`
  );
  const [u] = read(pkg({ S: `<sheetData>${rows.join("")}</sheetData>` }));
  expect(u.values.map((r) => r[0])).toEqual(["按时办结", "按时办结", "按时办结"]);
});

test.each([
  ["plain (TextDecoder)", {}],
  ["Node (Buffer)", nodeCodec],
])("raw UTF-8 text in a window read a byte a character: %s", (_name, codec) => {
  // U+FEFF first in a value, the euro sign (its bytes are printable windows-1252), a supplementary
  // character, a CR LF, an entity and an OOXML escape beside raw Chinese
  const texts = ["\uFEFFGD0001", "€ 20", "𠀀工单", "甲\r\n乙", "&amp;投诉_x000D_", "a_x0041_"];
  const want = ["\uFEFFGD0001", "€ 20", "𠀀工单", "甲\n乙", "&投诉\r", "aA"];
  const inline = texts.map(
    (t, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${t}</t></is></c>`
  );
  const str = texts.map(
    (t, i) => `<c r="${String.fromCharCode(65 + i)}2" t="str"><f>X</f><v>${t}</v></c>`
  );
  const rich = `<c r="A3" t="inlineStr"><is><r><t>富</t></r><r><t>文本€</t></r></is></c>`;
  const [t] = read(
    pkg({
      S: `<sheetData><row r="1">${inline.join("")}</row><row r="2">${str.join("")}</row><row r="3">${rich}</row></sheetData>`,
    }),
    codec
  );
  expect(t.values).toEqual([want, want, ["富文本€"]]);
});

test("a prefixed namespace, rows and cells without references, a BOM", () => {
  const bytes = pkg(
    {
      S: `<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData>`,
    },
    { prefix: "x:" }
  );
  expect(read(bytes)[0].values).toEqual([
    ["a", 2],
    [null, null, 3, 4],
  ]);
});

test("merged cells: only the top-left cell holds the value (as Excel reports them)", () => {
  const bytes = pkg({
    S: `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="C2"><v>6</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`,
  });
  expect(read(bytes)[0].values).toEqual([
    [1, null, 3],
    [null, null, 6],
  ]);
});

test("pieces that end anywhere (fflate's stream) read as the whole part does (Node's inflate)", () => {
  const rows: string[] = [];
  for (let r = 1; r <= 30000; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>编号${r}·诉求内容😀</t></is></c><c r="B${r}"><v>${44949 + r / 7}</v></c><c r="C${r}" t="b"><v>${r % 2}</v></c></row>`
    );
  const bytes = pkg({ S: `<sheetData>${rows.join("")}</sheetData>` });
  const a = read(bytes);
  const b = read(bytes, nodeCodec);
  expect(a[0].values.length).toBe(30000);
  expect(a[0].values[29999]).toEqual(["编号30000·诉求内容😀", 44949 + 30000 / 7, false]);
  expect(hashTable(a[0])).toBe(hashTable(b[0]));
});

test("the 1904 date system is reported with the tables; the sheet list knows sizes cheaply", async () => {
  const bytes = pkg(
    {
      S: `<dimension ref="A1:C40"/><sheetData><row r="1"><c r="A1"><v>43494</v></c></row></sheetData>`,
    },
    { date1904: true }
  );
  const wb = XlsxWorkbook.open(bytes);
  expect(wb.date1904).toBe(true);
  expect(wb.readTablesSync(["S"])[0].date1904).toBe(true);
  expect(await wb.listSheets()).toEqual([{ name: "S", rows: 40, columns: 3 }]);
});

test("numbers parse exactly as Number() does", () => {
  const samples = [
    "0",
    "-0",
    "1",
    "44949.101388888885",
    "0.1",
    "123456789012345",
    "1234567890123456789",
    "1e-7",
    "-2.5E+10",
    "0.30000000000000004",
    ".5",
    "5.",
    "00012",
    "9007199254740993",
    "9007199254740992",
    "900719925474099.2",
    "0.9007199254740993",
    "4494906655092593",
    "-44949.06655092593",
    "0000000000000000044949.06655092593",
  ];
  let seed = 7;
  for (let i = 0; i < 3000; i++) {
    seed = (seed * 48271) % 2147483647;
    const x = (seed / 2147483647) * 10 ** ((seed % 12) - 4);
    samples.push(String(x), x.toFixed(seed % 16), String(Math.round(x)));
    // date-times as Excel writes them: 15 to 17 significant digits, m above and below 2^53
    samples.push(String(40000 + (seed % 20000) + x / 10 ** ((seed % 12) - 4)));
  }
  for (const s of samples)
    expect([s, numberAt(`<v>${s}</v>`, 3, 3 + s.length)]).toEqual([s, Number(s)]);
});

describe("files that are not workbooks are named for what they are", () => {
  const kindOf = (b: Uint8Array) => {
    try {
      XlsxWorkbook.open(b);
      return "opened";
    } catch (e) {
      expect(e).toBeInstanceOf(FileUnreadable);
      expect((e as FileUnreadable).messageZh).toMatch(/[\u4e00-\u9fff]/);
      return (e as FileUnreadable).kind;
    }
  };
  const cfb = (extra: string) => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = new Uint8Array([...extra].flatMap((c) => [c.charCodeAt(0), 0]));
    b.set(name, 1024);
    return b;
  };
  test.each([
    ["an old .xls", cfb("Workbook"), "old-xls"],
    ["a password-protected workbook", cfb("EncryptedPackage"), "encrypted"],
    ["a .csv", strToU8("工单编号,派单时间\nGD1,2023-01-01\n"), "csv"],
    [
      "random bytes",
      new Uint8Array(Array.from({ length: 500 }, (_, i) => (i * 131 + 7) % 256)),
      "not-workbook",
    ],
    [
      "a Word document",
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") }),
      "other-document",
    ],
    [
      "an .ods",
      zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") }),
      "ods",
    ],
    ["a truncated workbook", pkg({ S: "<sheetData/>" }).slice(0, 300), "damaged"],
  ])("%s", (_, bytes, kind) => expect(kindOf(bytes)).toBe(kind));

  test("a damaged sheet inside an intact zip", () => {
    const good = pkg({ S: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' });
    const wb = XlsxWorkbook.open(good);
    // corrupt the compressed bytes of the sheet
    const e = wb.package.entry("xl/worksheets/sheet1.xml")!;
    const bad = good.slice();
    for (let i = 0; i < 20; i++) bad[e.localOffset + 30 + e.name.length + 2 + i] ^= 0xff;
    expect(() => XlsxWorkbook.open(bad).readTablesSync(["S"])).toThrow(FileUnreadable);
  });
});

describe("fingerprints", () => {
  const table: RawTable = {
    name: "T",
    firstRow: 1,
    firstCol: 1,
    values: [
      ["工单编号", "😀", "a\u0000b", "\ud800"],
      [1.5, true, false, null, { error: "#N/A" }],
      [],
    ],
  };

  test("format 2 is the same for the same values, and changes with any value", () => {
    const h = hashTable(table);
    expect(FINGERPRINT_FORMAT).toBe(2);
    expect(hashTable({ ...table, values: table.values.map((r) => [...r]) })).toBe(h);
    const head = ["工单编号", "😀", "a\u0000b", "\ud800"];
    const variant = (values: RawTable["values"]) => hashTable({ ...table, values });
    // a number changed in its millionths, a trailing empty row gone, a blank turned into ""
    expect(variant([head, [1.500001, true, false, null, { error: "#N/A" }], []])).not.toBe(h);
    expect(variant([head, [1.5, true, false, null, { error: "#N/A" }]])).not.toBe(h);
    expect(variant([head, [1.5, true, false, "", { error: "#N/A" }], []])).not.toBe(h);
  });

  test("format 1 is the JSON text of the first releases, and their run logs still verify", () => {
    const canon = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e6) : v);
    const text = ["1,1", ...table.values.map((r) => JSON.stringify(r.map(canon)))].join("\n");
    const v1 = createHash("sha256").update(text).digest("hex");
    expect(hashTable(table, 1)).toBe(v1);
    const log: RawTable = {
      name: "运行记录",
      firstRow: 1,
      firstCol: 1,
      values: [
        ["输入表", "工作表名称", "SHA-256"],
        ["工单 tickets", "工单", hashTable({ ...table, name: "工单" }, 1)],
      ],
    };
    const result = verifyInputs([{ ...table, name: "工单" }, log]);
    expect(result.items).toEqual([expect.objectContaining({ sheet: "工单", status: "same" })]);
  });
});

test("a workbook too large for this computer's memory is said so, not as V8's words", () => {
  const bytes = pkg({ S: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' });
  let caught: unknown;
  try {
    const wb = XlsxWorkbook.open(bytes, {
      inflateRaw: () => {
        throw new RangeError("Array buffer allocation failed");
      },
    });
    wb.readTablesSync(["S"]);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(FileUnreadable);
  expect((caught as FileUnreadable).kind).toBe("too-large");
  expect((caught as FileUnreadable).messageZh).toContain("内存不足");
});

test("the download keeps the workbook's type", () => {
  expect(resultFileName("考核.xlsm", "xlsm", 2025)).toBe("考核-2025年度核查.xlsm");
  expect(resultFileName("考核.xlsx", "xlsx", 2025)).toBe("考核-2025年度核查.xlsx");
  expect(mimeType("xlsm")).toBe("application/vnd.ms-excel.sheet.macroEnabled.12");
});

test("a time is rounded once, from the serial the file holds: 23:59:59.4996 is on time, styled or not", () => {
  const serial = 44986 + 86399.4996 / 86400;
  const bytes = pkg({
    S: `<sheetData><row r="1"><c r="A1" s="1"><v>${serial}</v></c><c r="B1"><v>${serial}</v></c></row></sheetData>`,
  });
  const [t] = read(bytes);
  expect(t.values[0]).toEqual([serial, serial]);
  const p = parseDateTime(t.values[0][0]);
  expect(p.ok && p.value).toBe((44986 - 25569) * 86400 + 86399);
});
