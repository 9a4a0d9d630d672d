// Issue 25, "wrong money without a word": every part the reader reads must be what the zip's
// directory declares (its size and CRC-32), in the Node codec and in the browser's; two entries of
// one name are refused; a UTF-8 name written without the UTF-8 flag (a zip made on Linux) is read
// as UTF-8 and kept in the copy.
import { strToU8, zipSync } from "fflate";
import { pkg } from "./pkg";
import { FileUnreadable } from "../../src/file/errors";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";
import { prefetchingCodec } from "../../src/file/browser-codec";
import { concat, jsCrc32, readDirectory } from "../../src/file/zip";
import type { Codec } from "../../src/file/zip";

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

/** Offsets of an entry's local header and central directory record. */
function where(b: Uint8Array, name: string): { local: number; central: number } {
  const dir = readDirectory(b);
  const e = dir.find((x) => x.name === name)!;
  const enc = strToU8(name);
  for (let p = b.length - 46; p >= 0; p--)
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 1 && b[p + 3] === 2) {
      const n = b[p + 28] | (b[p + 29] << 8);
      if (n === enc.length && enc.every((x, i) => b[p + 46 + i] === x))
        return { local: e.localOffset, central: p };
    }
  throw new Error(`no central record for ${name}`);
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
      /CRC-32 does not match|bytes where the directory declares/
    );
  });
});

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
