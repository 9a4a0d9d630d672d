// The pane's file mode decompresses the sheets it will read ahead (the browser's zlib), then reads
// them. What was decompressed ahead and not read — a run that failed at a damaged sheet, a part no
// sheet needed — is let go once the reading is over: a year of tickets is tens of megabytes held
// for nothing until the next file is opened.
import * as browserCodec from "../../src/file/browser-codec";
import { createHandler } from "../../src/taskpane/engine/protocol";
import { pkg, where } from "../file/pkg";

/** A sheet of 64 KB and more (smaller parts are not decompressed ahead). */
const big = (header: string) =>
  `<dimension ref="A1:A4001"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${header}</t></is></c></row>${Array.from(
    { length: 4000 },
    (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}.5</v></c></row>`
  ).join("")}</sheetData>`;

/** The directory's CRC-32 of a part flipped: the part is not taken ahead and the reader refuses it. */
function damaged(bytes: Uint8Array, name: string): Uint8Array {
  const b = bytes.slice();
  b[where(b, name).central + 16] ^= 1;
  return b;
}

// (DecompressionStream("gzip") is a global from Node 18; the project needs 20)
describe("what was decompressed ahead is let go after the reading", () => {
  async function openAndRun(bytes: Uint8Array) {
    let taken = 0;
    const codecs: ReturnType<typeof browserCodec.prefetchingCodec>[] = [];
    const real = browserCodec.prefetchingCodec;
    const spy = jest.spyOn(browserCodec, "prefetchingCodec").mockImplementation(() => {
      const c = real();
      const set = c.ready.set.bind(c.ready);
      c.ready.set = (k, v) => {
        taken++;
        return set(k, v);
      };
      codecs.push(c);
      return c;
    });
    try {
      const handle = createHandler(() => undefined);
      const opened = await handle({ op: "open", bytes: bytes.slice().buffer, name: "x.xlsx" });
      if (!opened.ok) throw new Error(opened.failure.messageEn);
      expect(codecs).toHaveLength(1);
      const ran = await handle({
        op: "runFile",
        options: { lang: "zh", runAt: "2026-12-04 10:00:00", readings: false },
      });
      return { ran, taken, ready: codecs[0].ready.size };
    } finally {
      spy.mockRestore();
    }
  }

  const file = pkg({ 甲: big("甲"), 乙: big("乙") });

  test("a run that fails at a damaged sheet holds none of the sheets after it", async () => {
    const { ran, taken, ready } = await openAndRun(damaged(file, "xl/worksheets/sheet1.xml"));
    expect(ran.ok).toBe(false);
    if (!ran.ok) expect(ran.failure.messageEn).toMatch(/damaged/);
    // 乙 was decompressed ahead, and never read: let go all the same
    expect(taken).toBe(1);
    expect(ready).toBe(0);
  });
});
