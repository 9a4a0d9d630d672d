// Issue 25, "wrong money without a word": every part the reader reads must be what the zip's
// directory declares (its size and CRC-32), in the Node codec and in the browser's; two entries of
// one name are refused; a UTF-8 name written without the UTF-8 flag (a zip made on Linux) is read
// as UTF-8 and kept in the copy.
import { strToU8, zipSync } from "fflate";
import { inflateRawSync } from "zlib";
import { pkg, where } from "./pkg";
import { FileUnreadable } from "../../src/file/errors";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";
import { prefetch, prefetchingCodec } from "../../src/file/browser-codec";
import { concat, jsCrc32, readDirectory } from "../../src/file/zip";
import type { Codec } from "../../src/file/zip";
import { paramsSheetSpec } from "../../src/engine/param-sheet";
import { layoutResults } from "../../src/engine/layout";
import { audit } from "../../src/engine/audit";
import { oneTicket, tickets } from "../unit/helpers";
import { DEFAULT_PARAMS } from "../../src/engine/params";

const SHEET = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>分数</t></is></c></row><row r="2"><c r="A2"><v>95.7</v></c></row></sheetData>`;

const codecs: [string, () => Codec][] = [
  ["Node (zlib)", () => nodeCodec],
  ["browser (fflate)", () => prefetchingCodec()],
  ["plain", () => ({})],
];

const read = (bytes: Uint8Array, codec: Codec) => {
  const wb = XlsxWorkbook.open(bytes, codec);
  return wb.readTablesSync(["S"])[0].values;
};

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FileUnreadable);
    expect((e as FileUnreadable).kind).toBe("damaged");
    return (e as FileUnreadable).detail ?? "";
  }
  throw new Error("expected the file to be refused as damaged");
}

const setU32 = (b: Uint8Array, o: number, v: number) => {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
};

describe.each(codecs)("%s", (_name, codec) => {
  test("an intact package reads", () => {
    expect(read(pkg({ S: SHEET }), codec())[1]).toEqual([95.7]);
  });

  test("one flipped byte in a stored part (95.7 → 15.7) is refused: the CRC does not match", () => {
    const b = zipSync(
      Object.fromEntries(
        Object.entries(readAll(pkg({ S: SHEET }))).map(([k, v]) => [k, [v, { level: 0 }]])
      ) as never
    );
    expect(read(b, codec())[1]).toEqual([95.7]);
    const bad = b.slice();
    const { local } = where(bad, "xl/worksheets/sheet1.xml");
    const at = Buffer.from(bad).indexOf("95.7", local, "latin1");
    expect(at).toBeGreaterThan(local);
    bad[at] = "1".charCodeAt(0);
    expect(reason(() => read(bad, codec()))).toContain("CRC-32 does not match");
  });

  test("a deflated part longer than its declared size is refused, never cut short", () => {
    const b = pkg({ S: SHEET });
    const { central } = where(b, "xl/worksheets/sheet1.xml");
    const size = b[central + 24] | (b[central + 25] << 8);
    setU32(b, central + 24, size - 10);
    expect(reason(() => read(b, codec()))).toMatch(
      /CRC-32 does not match|bytes where the directory declares|more bytes than the directory declares/
    );
  });
});

/** DecompressionStream: in every browser the pane supports, in Node from 18 (as a global). */
const decompressionStream = typeof DecompressionStream === "function";

(decompressionStream ? describe : describe.skip)(
  "a part decompressed ahead (the browser's DecompressionStream), its CRC-32 checked on the way",
  () => {
    // (a sheet of 64 KB and more is decompressed ahead)
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}.5</v></c></row>`
    ).join("");
    const big = pkg({
      S: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>分数</t></is></c></row>${rows}</sheetData>`,
    });

    async function readAhead(bytes: Uint8Array) {
      const codec = prefetchingCodec();
      const wb = XlsxWorkbook.open(bytes, codec);
      await prefetch(wb, codec, ["S"]);
      const ahead = codec.ready.size;
      return { ahead, read: () => wb.readTablesSync(["S"])[0].values };
    }

    test("an intact part is read from what was decompressed ahead", async () => {
      const { ahead, read: values } = await readAhead(big);
      expect(ahead).toBe(1);
      const v = values();
      expect(v.length).toBe(4001);
      expect(v[4000]).toEqual([3999.5]);
    });

    test("a part whose CRC-32 is not the directory's is not taken ahead, and the reader refuses it", async () => {
      const bad = big.slice();
      const { central } = where(bad, "xl/worksheets/sheet1.xml");
      bad[central + 16] ^= 1; // the directory's CRC-32
      const { ahead, read: values } = await readAhead(bad);
      // the stream's own check (the gzip trailer) failed it
      expect(ahead).toBe(0);
      expect(reason(values)).toContain("CRC-32 does not match");
    });

    test("a part longer than its declared size is not taken ahead, and the reader refuses it", async () => {
      const bad = big.slice();
      const { central } = where(bad, "xl/worksheets/sheet1.xml");
      const size = bad[central + 24] | (bad[central + 25] << 8) | (bad[central + 26] << 16);
      setU32(bad, central + 24, size - 10);
      const { ahead, read: values } = await readAhead(bad);
      expect(ahead).toBe(0);
      expect(reason(values)).toMatch(
        /more bytes than the directory declares|CRC-32 does not match/
      );
    });

    test("a browser whose zlib does not check a gzip trailer: nothing is taken ahead, the reader checks", async () => {
      // a stand-in that decompresses and never looks at the trailer: taken at its word, a part
      // with a wrong CRC-32 would be read unchecked
      class Trusting extends TransformStream<Uint8Array, Uint8Array> {
        constructor() {
          const got: Uint8Array[] = [];
          super({
            transform: (chunk) => void got.push(chunk),
            flush: (out) => {
              const member = concat(got);
              if (member.length > 18) out.enqueue(inflateRawSync(member.subarray(10, -8)));
            },
          });
        }
      }
      const real = globalThis.DecompressionStream;
      globalThis.DecompressionStream = Trusting as unknown as typeof DecompressionStream;
      try {
        const intact = await readAhead(big);
        expect(intact.ahead).toBe(0);
        expect(intact.read()[4000]).toEqual([3999.5]);
        const bad = big.slice();
        bad[where(bad, "xl/worksheets/sheet1.xml").central + 16] ^= 1;
        const damaged = await readAhead(bad);
        expect(damaged.ahead).toBe(0);
        expect(reason(damaged.read)).toContain("CRC-32 does not match");
      } finally {
        globalThis.DecompressionStream = real;
      }
    });
  }
);

test("two entries of one name are refused (the first could be a decoy); part names compare without case", () => {
  const zip = zipOf({ "xl/worksheets/sheet1.xml": "<a/>", "XL/worksheets/SHEET1.xml": "<b/>" });
  expect(reason(() => readDirectory(zip))).toContain("two entries named XL/worksheets/SHEET1.xml");
});

test("a UTF-8 name without the UTF-8 flag is read as UTF-8, and the copy keeps it", () => {
  const b = pkg({ S: SHEET }, { raw: { "xl/media/图片1.png": "png" } });
  // clear the UTF-8 flag (bit 11) of that entry, in its local and central headers
  const { local, central } = where(b, "xl/media/图片1.png");
  b[local + 7] &= ~0x08;
  b[central + 9] &= ~0x08;
  const wb = XlsxWorkbook.open(b, nodeCodec);
  expect(wb.package.entry("xl/media/图片1.png")).toBeTruthy();
  wb.writeResultSheetsSync([]);
  const copy = concat(wb.toZipPieces());
  expect(readDirectory(copy).map((e) => e.name)).toContain("xl/media/图片1.png");
});

test("the plain CRC-32 and Node's agree", () => {
  const data = strToU8("接诉即办 ".repeat(1000));
  const native = nodeCodec.crc32!;
  expect(jsCrc32(data, 0)).toBe(native(data, 0));
  expect(jsCrc32(data.subarray(100), jsCrc32(data.subarray(0, 100), 0))).toBe(native(data, 0));
});

/** Every entry of a zip, decompressed (fflate's own unzip: a second reader). */
function readAll(b: Uint8Array): Record<string, Uint8Array> {
  const { unzipSync } = require("fflate") as typeof import("fflate");
  return unzipSync(b);
}

/** A zip of these texts. */
function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

test("the same workbook and results give the same bytes, whatever the clock says", () => {
  const input = pkg({ S: SHEET });
  const at = (iso: string) => {
    jest.useFakeTimers({ now: new Date(iso) });
    try {
      const wb = XlsxWorkbook.open(input, nodeCodec);
      wb.writeResultSheetsSync([]);
      return Buffer.from(concat(wb.toZipPieces()));
    } finally {
      jest.useRealTimers();
    }
  };
  expect(at("2026-12-03T10:00:00Z").equals(at("2031-06-30T23:59:59Z"))).toBe(true);
});

describe("Excel's limits: 1,048,576 rows and 16,384 columns, beyond them an error naming where", () => {
  const refused = (sheet: string) => {
    try {
      read(pkg({ S: sheet }), nodeCodec);
    } catch (e) {
      expect(e).toBeInstanceOf(FileUnreadable);
      return (e as FileUnreadable).messageZh;
    }
    throw new Error("expected a refusal");
  };

  test('<row r="4294967296">: refused at once, naming the row (it used to take 90 s and 5.8 GB)', () => {
    expect(
      refused(`<sheetData><row r="4294967296"><c r="A4294967296"><v>1</v></c></row></sheetData>`)
    ).toContain("第 4294967296 行");
  });

  test('a cell r="AAAAAAAAAA2": refused, naming the cell', () => {
    expect(
      refused(`<sheetData><row r="2"><c r="AAAAAAAAAA2"><v>1</v></c></row></sheetData>`)
    ).toContain("单元格 AAAAAAAAAA2");
  });

  test("the last row and column Excel has are read", () => {
    const values = read(
      pkg({ S: `<sheetData><row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>` }),
      nodeCodec
    );
    expect(values[values.length - 1].slice(-1)).toEqual([7]);
  });
});

describe("zip bombs are refused before they are decompressed", () => {
  /** A package whose sheet is `mb` megabytes of one repeated row (deflate packs it ~1,000×). */
  function bomb(mb: number): Uint8Array {
    const row = `<row><c t="inlineStr"><is><t>x</t></is></c></row>`;
    const rows = row.repeat(Math.ceil((mb * 1024 * 1024) / row.length));
    return pkg({ S: `<sheetData>${rows}</sheetData>` });
  }

  test("a sheet that expands over 100 times past 64 MB is refused in the user's words, whichever codec", () => {
    const b = bomb(80);
    const e = readDirectory(b).find((x) => x.name === "xl/worksheets/sheet1.xml")!;
    expect(e.size / e.compressedSize).toBeGreaterThan(100);
    for (const [, codec] of codecs) {
      try {
        read(b, codec());
        throw new Error("expected a refusal");
      } catch (err) {
        expect(err).toBeInstanceOf(FileUnreadable);
        expect((err as FileUnreadable).kind).toBe("expands-too-much");
        expect((err as FileUnreadable).messageZh).toContain("文件异常（解压后过大）");
      }
    }
  });

  test("twelve entries pointing at one block are refused", () => {
    const b = pkg({ S: SHEET, T: SHEET });
    const a = where(b, "xl/worksheets/sheet1.xml");
    const c = where(b, "xl/worksheets/sheet2.xml");
    // the second sheet's directory record points at the first sheet's data
    setU32(b, c.central + 42, a.local);
    expect(reason(() => readDirectory(b))).toContain("overlaps");
  });
});

test("an empty (0-byte) sheet part is a damaged file, not a sheet without headers", () => {
  const files = readAll(pkg({ S: SHEET }));
  files["xl/worksheets/sheet1.xml"] = new Uint8Array(0);
  const bad = zipSync(files);
  const e = (() => {
    try {
      read(bad, nodeCodec);
    } catch (err) {
      return err as FileUnreadable;
    }
    throw new Error("expected a refusal");
  })();
  expect(e).toBeInstanceOf(FileUnreadable);
  expect(e.kind).toBe("damaged");
});

test("an .xlsb is named for what it is, with what to do", () => {
  const files = readAll(pkg({ S: SHEET }));
  const rels = new TextDecoder()
    .decode(files["_rels/.rels"])
    .replace("xl/workbook.xml", "xl/workbook.bin");
  files["_rels/.rels"] = strToU8(rels);
  files["xl/workbook.bin"] = new Uint8Array([0x83, 0x01, 0x00]);
  try {
    XlsxWorkbook.open(zipSync(files), nodeCodec);
    throw new Error("expected a refusal");
  } catch (err) {
    expect((err as FileUnreadable).kind).toBe("xlsb");
    expect((err as FileUnreadable).messageZh).toContain("另存为“Excel 工作簿（*.xlsx）”");
  }
});

describe("linear work on hostile shapes (each took a minute or more before)", () => {
  test("200,000 unclosed <rPh> in one shared string: read, the runs kept as written", () => {
    const si = `<si><t>派单</t>${'<rPh sb="0" eb="1"><t>ハ</t>'.repeat(200_000)}</si>`;
    const values = read(
      pkg(
        { S: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>` },
        { sst: [si] }
      ),
      nodeCodec
    );
    expect(String(values[0][0]).startsWith("派单ハ")).toBe(true);
  });

  test("closed phonetic runs are left out, <rPhPr> is not a run", () => {
    const si = `<si><r><t>派单</t></r><rPh sb="0" eb="2"><t>ハケン</t></rPh><phoneticPr fontId="1"/><rPhPr/><t>时间</t></si>`;
    const values = read(
      pkg(
        { S: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>` },
        { sst: [si] }
      ),
      nodeCodec
    );
    expect(values[0][0]).toBe("派单时间");
  });

  test("240,000 copies of one merged area are one merge; overlapping areas are a damaged file", () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>`;
    const many = `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(240_000)}</mergeCells>`;
    expect(read(pkg({ S: `<sheetData>${rows}</sheetData>${many}` }), nodeCodec)).toEqual([
      ["标题"],
    ]);
    const overlapping = `<mergeCells>${Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="A1:XFD${1048576 - i}"/>`).join("")}</mergeCells>`;
    expect(
      reason(() => read(pkg({ S: `<sheetData>${rows}</sheetData>${overlapping}` }), nodeCodec))
    ).toContain("overlapping merged cells");
  });

  // (30,000, well below 65,535: fflate writes no zip64 directory, so a zip of more than 65,535 entries is beyond it)
  test("30,000 zip entries: the content types are looked up in an index, not searched per part", async () => {
    const raw: Record<string, string> = {};
    for (let i = 0; i < 30_000; i++) raw[`customXml/item${i}.xml`] = "<a/>";
    const files = readAll(pkg({ S: SHEET }, { raw }));
    // each part declared by an Override of its own, as some writers do
    const types = new TextDecoder().decode(files["[Content_Types].xml"]);
    const overrides = Object.keys(raw)
      .map((n) => `<Override PartName="/${n}" ContentType="application/xml"/>`)
      .join("");
    files["[Content_Types].xml"] = strToU8(types.replace("</Types>", `${overrides}</Types>`));
    const b = zipSync(files);
    const wb = XlsxWorkbook.open(b, nodeCodec);
    // a new sheet with a table: the table names of every part are gathered
    await wb.writeOwnSheet(paramsSheetSpec(DEFAULT_PARAMS));
    expect(wb.sheetNames()).toContain("规则参数");
    expect(readDirectory(concat(wb.toZipPieces())).length).toBeGreaterThan(30_000);
  }, 60_000);
});

test("text read as an XML parser reads it: CDATA literally, a raw CR LF or CR as a line feed", () => {
  const values = read(
    pkg(
      {
        S: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t><![CDATA[a<b & c]]> &amp; d</t></is></c><c r="D1" t="s"><v>2</v></c></row></sheetData>`,
      },
      {
        sst: [
          "<si><t><![CDATA[是]]></t></si>",
          "<si><t>ABC_x000D_\r\nDEF\rG</t></si>",
          "<si><t>&lt;![CDATA[x]]&gt;</t></si>",
        ],
      }
    ),
    nodeCodec
  );
  expect(values[0]).toEqual(["是", "ABC\r\nDEF\nG", "a<b & c & d", "<![CDATA[x]]>"]);
});

test("a workbook audited again and again keeps one set of the product's styles", () => {
  const tables = [oneTicket()];
  const specs = layoutResults(audit(tables, { runAt: "2026-12-03 09:00:00", readings: false }));
  let bytes = pkg({ S: SHEET });
  const counts: number[][] = [];
  for (let run = 0; run < 3; run++) {
    const wb = XlsxWorkbook.open(bytes, nodeCodec);
    wb.writeResultSheetsSync(specs);
    bytes = concat(wb.toZipPieces());
    const styles = XlsxWorkbook.open(bytes, nodeCodec).package.text("xl/styles.xml");
    counts.push(["<xf ", "<font>", "<fill>"].map((t) => styles.split(t).length - 1));
  }
  expect(counts[0][0]).toBeGreaterThan(5);
  expect(counts[1]).toEqual(counts[0]);
  expect(counts[2]).toEqual(counts[0]);
});

test("the user's calculation chain is kept on a re-audit (the result sheets hold no formula)", () => {
  const chain = `<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A2" i="1"/></calcChain>`;
  const files = readAll(
    pkg({ S: `<sheetData><row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row></sheetData>` })
  );
  files["xl/calcChain.xml"] = strToU8(chain);
  const rels = new TextDecoder().decode(files["xl/_rels/workbook.xml.rels"]);
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`
    )
  );
  const tables = [oneTicket()];
  const specs = layoutResults(audit(tables, { readings: false }));
  let bytes: Uint8Array = zipSync(files);
  for (let run = 0; run < 2; run++) {
    const wb = XlsxWorkbook.open(bytes, nodeCodec);
    wb.writeResultSheetsSync(specs);
    bytes = concat(wb.toZipPieces());
  }
  const after = XlsxWorkbook.open(bytes, nodeCodec).package;
  expect(after.text("xl/calcChain.xml")).toBe(chain);
});

test("sheet relationships under another prefix (ns:id on <sheets>) still read after the copy is audited again", () => {
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files = readAll(pkg({ 工单: SHEET }));
  const wbXml = new TextDecoder()
    .decode(files["xl/workbook.xml"])
    .replace(` xmlns:r="${R}"`, "")
    .replace("<sheets>", `<sheets xmlns:ns="${R}">`)
    .replace(/r:id=/g, "ns:id=");
  files["xl/workbook.xml"] = strToU8(wbXml);
  const specs = layoutResults(audit([oneTicket()], { readings: false }));
  let bytes: Uint8Array = zipSync(files);
  for (let run = 0; run < 3; run++) {
    const wb = XlsxWorkbook.open(bytes, nodeCodec);
    const names = wb.sheetNames();
    expect(names[0]).toBe("工单");
    expect(wb.readTablesSync(["工单"])[0].values[1]).toEqual([95.7]);
    wb.writeResultSheetsSync(specs);
    bytes = concat(wb.toZipPieces());
  }
  // each run replaced the results: one set of them
  const names = XlsxWorkbook.open(bytes, nodeCodec).sheetNames();
  expect(names.filter((n) => n === "结算确认单")).toHaveLength(1);
});

test("a package that declares its .rels parts by Override only: every new .rels part gets its own", () => {
  const files = readAll(pkg({ S: SHEET }));
  const types = new TextDecoder()
    .decode(files["[Content_Types].xml"])
    .replace(/<Default Extension="rels"[^>]*\/>/, "")
    .replace(
      "</Types>",
      '<Override PartName="/_rels/.rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/_rels/workbook.xml.rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
    );
  files["[Content_Types].xml"] = strToU8(types);
  const tables = [tickets([["GD1", "2023-03-01 09:00", null]])];
  let bytes: Uint8Array = zipSync(files);
  // twice: the second run removes the first one's sheets and their .rels parts
  for (let run = 0; run < 2; run++) {
    const wb = XlsxWorkbook.open(bytes, nodeCodec);
    wb.writeResultSheetsSync(layoutResults(audit(tables, { readings: false })));
    bytes = concat(wb.toZipPieces());
  }
  const copy = XlsxWorkbook.open(bytes, nodeCodec).package;
  const rels = copy.parts().filter((n) => n.endsWith(".rels"));
  // no Override names a part that is not there
  const overrides = [...copy.text("[Content_Types].xml").matchAll(/PartName="\/([^"]+)"/g)].map(
    (m) => m[1]
  );
  for (const o of overrides) expect([o, copy.has(o)]).toEqual([o, true]);
  expect(rels.length).toBeGreaterThan(2);
  for (const r of rels)
    expect([r, copy.contentType(r)]).toEqual([
      r,
      "application/vnd.openxmlformats-package.relationships+xml",
    ]);
});
