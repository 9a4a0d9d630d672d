// Issue 24: on the command line a large part is decompressed in pieces by zlib in a worker thread
// (src/cli/inflate-pieces.ts), so that memory follows a piece, not the part. The pieces are the
// part, in order; a stop, a damaged stream and a part longer than declared end as the whole-part
// reader ends; a sheet read in pieces is the sheet read whole. In the browser, what was
// decompressed ahead comes in the stream's pieces (64 KB): a sheet read from pieces of any size
// is the sheet read whole.
import { deflateRawSync } from "zlib";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { pkg, utf16 } from "./pkg";
import { inflateRawPieces } from "../../src/cli/inflate-pieces";
import { nodeCodec } from "../../src/cli/node";
import { FileUnreadable } from "../../src/file/errors";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { Codec, STREAM_FROM, readDirectory } from "../../src/file/zip";

/** Text that compresses as a sheet does (not a run of one byte). */
function sheetLike(bytes: number): Buffer {
  const rows: string[] = [];
  let n = 0;
  for (let r = 1; n < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100003}</v></c><c r="B${r}" t="inlineStr"><is><t>&#24037;&#21333;${r % 97}</t></is></c></row>`;
    rows.push(row);
    n += row.length;
  }
  return Buffer.from(rows.join(""));
}

test("the pieces are the part, in order, none larger than a slot", () => {
  const part = sheetLike(24 << 20);
  const pieces: Uint8Array[] = [];
  inflateRawPieces(deflateRawSync(part), part.length, (p) => void pieces.push(p));
  expect(pieces.length).toBeGreaterThan(8); // more pieces than the ring has slots
  for (const p of pieces) expect(p.length).toBeLessThanOrEqual(1 << 20);
  expect(Buffer.concat(pieces).equals(part)).toBe(true);
});

test("a reader that wants no more stops the worker; the next part reads whole", () => {
  const part = sheetLike(12 << 20);
  const raw = deflateRawSync(part);
  let seen = 0;
  inflateRawPieces(raw, part.length, () => ++seen < 2);
  expect(seen).toBe(2);
  let total = 0;
  inflateRawPieces(raw, part.length, (p) => void (total += p.length));
  expect(total).toBe(part.length);
});

test("a damaged stream fails with zlib's reason", () => {
  const raw = deflateRawSync(sheetLike(2 << 20));
  const bad = Buffer.from(raw);
  bad[0] = 0xff; // an invalid block type
  expect(() => inflateRawPieces(bad, 2 << 20, () => true)).toThrow(/invalid|incorrect/i);
});

const SMALL_SHEET = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#24037;&#21333;</t></is></c></row><row r="2"><c r="A2"><v>2.5</v></c><c r="B2" t="inlineStr"><is><t>&#25237;&#35785;</t></is></c></row></sheetData>`;

describe("a sheet beyond STREAM_FROM through the package", () => {
  const rows: string[] = [];
  for (let r = 1, n = 0; n < STREAM_FROM + (1 << 20); r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${r}.5</v></c><c r="B${r}" t="inlineStr"><is><t>&#25237;&#35785;${r % 13}</t></is></c></row>`;
    rows.push(row);
    n += row.length;
  }
  const file = pkg({ S: `<sheetData>${rows.join("")}</sheetData>` });
  const read = (bytes: Uint8Array, codec = nodeCodec) =>
    XlsxWorkbook.open(bytes, codec).readTablesSync(["S"])[0].values;

  test("reads the same in pieces as whole", () => {
    const entry = readDirectory(file).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(entry.size).toBeGreaterThanOrEqual(STREAM_FROM);
    const pieces = read(file);
    const whole = read(file, { ...nodeCodec, inflateRawPieces: undefined });
    expect(pieces.length).toBe(rows.length);
    expect(pieces[rows.length - 1]).toEqual([rows.length + 0.5, `投诉${rows.length % 13}`]);
    expect(pieces).toEqual(whole);
  });

  test("a part longer than its directory says is refused, as whole", () => {
    const bad = file.slice();
    const dir = readDirectory(bad);
    const e = dir.find((x) => x.name === "xl/worksheets/sheet1.xml")!;
    // the central record's uncompressed size, 1 MB smaller than the content
    const at = Buffer.from(bad).lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46 + 24;
    const size = e.size - (1 << 20);
    bad[at] = size & 0xff;
    bad[at + 1] = (size >>> 8) & 0xff;
    bad[at + 2] = (size >>> 16) & 0xff;
    bad[at + 3] = (size >>> 24) & 0xff;
    expect(() => read(bad)).toThrow(FileUnreadable);
    try {
      read(bad);
    } catch (err) {
      expect((err as FileUnreadable).detail).toMatch(/more bytes than the directory declares/);
    }
  });
  /** A codec that hands the reader each part as pieces of these sizes, in turn (as decompressed ahead). */
  const inPieces = (sizes: number[]): Codec & { handed: number[] } => {
    const handed: number[] = [];
    return {
      ...nodeCodec,
      handed,
      aheadPieces(raw, size) {
        const whole = nodeCodec.inflateRaw!(raw, size);
        const out: Uint8Array[] = [];
        for (let o = 0, k = 0; o < whole.length; k++) {
          const n = sizes[k % sizes.length];
          out.push(whole.subarray(o, o + n));
          o += n;
        }
        handed.push(out.length);
        return out;
      },
    };
  };

  test.each([
    ["the browser's 64 KB", [1 << 16]],
    ["uneven, a row cut anywhere", [999_983, 1, 7, 65_521, 3 << 20]],
    ["one larger than a window, then small", [9 << 20, 4099]],
  ])("handed in pieces (%s), it reads as whole", (_name, sizes) => {
    const codec = inPieces(sizes);
    const values = read(file, codec);
    expect(Math.max(...codec.handed)).toBeGreaterThan(1);
    expect(values).toEqual(read(file, { ...nodeCodec, inflateRawPieces: undefined }));
  });

  test("a small sheet with a byte-order mark, handed a byte at a time, reads as whole", () => {
    const bom = pkg(
      { S: "" },
      {
        raw: {
          "xl/worksheets/sheet1.xml": `\uFEFF<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${SMALL_SHEET}</worksheet>`,
        },
      }
    );
    const codec = inPieces([1]);
    expect(read(bom, codec)).toEqual(read(bom));
    expect(read(bom)[1]).toEqual([2.5, "投诉"]);
  });

  test.each([
    ["whole", null],
    ["in the browser's 64 KB pieces", [1 << 16]],
  ])('a text holding "/row>" as it is, across a window\'s edge, is one cell (%s)', (_n, sizes) => {
    // '>' needs no escape in a text: a window cut there split the cell, and its row was lost
    const rows: string[] = [];
    let r = 1;
    for (let n = 0; n < 980_000; r++) {
      const row = `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
      rows.push(row);
      n += row.length;
    }
    const text = `${"abc/row>".repeat(5000)}x:sheetData>`;
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`);
    const file = pkg({ S: `<sheetData>${rows.join("")}</sheetData>` });
    const values = read(file, sizes ? inPieces(sizes) : nodeCodec);
    expect(values).toHaveLength(r);
    expect(values[r - 1]).toEqual([text]);
  });

  test.each([
    ["whole", null],
    ["in the browser's 64 KB pieces", [1 << 16]],
  ])("what follows the data, longer than a window, is read to its end (%s)", (_n, sizes) => {
    // 9 MB between the last row and the merged cells, no row end in it: it was left unread (the
    // merge lost, its cells not blanked) once it outgrew a window
    const filler = '<protectedRange name="p" sqref="A1"/>'.repeat(250_000);
    const tail = `<protectedRanges>${filler}</protectedRanges><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>`;
    const merged = pkg({ S: `${SMALL_SHEET}${tail}` });
    const values = read(merged, sizes ? inPieces(sizes) : nodeCodec);
    expect(values[1]).toEqual([2.5]);
    expect(values[0]).toEqual(["工单"]);
  });

  test.each([
    ["a mark, one byte, then 64 KB", [1, 1 << 16], true],
    ["a mark, none, then 64 KB", [0, 1 << 16], true],
    ["no mark (told by `<?`), three bytes, then one", [3, 1], false],
  ])(
    "a UTF-16 sheet whose first piece is too short to tell (%s) reads as whole",
    (_n, sizes, mark) => {
      // the encoding is told by the first four bytes: a piece too short to hold them is not UTF-8
      const files = unzipSync(pkg({ S: SMALL_SHEET }));
      const xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
      files["xl/worksheets/sheet1.xml"] = utf16(xml, "le", mark);
      const u16 = zipSync(files);
      expect(read(u16)[1]).toEqual([2.5, "投诉"]);
      expect(read(u16, inPieces(sizes))).toEqual(read(u16));
    }
  );
});
