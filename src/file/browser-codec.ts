// In a browser (the pane's worker), parts are decompressed by the browser's own
// DecompressionStream, several times faster than fflate, ahead of the synchronous read; where a
// browser lacks it, fflate does the work as before.
import { inflateSync } from "fflate";
import type { XlsxWorkbook } from "./workbook-file";
import { Codec, checkEntry, rawData } from "./zip";

interface Ahead {
  /** the part's content, in the pieces the stream gave (never copied into one array) */
  pieces: Uint8Array[];
  /** the size and CRC-32 the browser's zlib checked them against (the directory's) */
  size: number;
  crc: number;
}

/**
 * A codec that hands the reader what was decompressed ahead of time (by offset in the file), in
 * its pieces, checked as it was decompressed (not by a CRC-32 over the part again at its read).
 */
export function prefetchingCodec(): Codec & { ready: Map<number, Ahead> } {
  const ready = new Map<number, Ahead>();
  return {
    ready,
    inflateRaw: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
    aheadPieces(raw, size, crc) {
      const hit = ready.get(raw.byteOffset);
      if (!hit || hit.size !== size || hit.crc !== crc) return undefined;
      ready.delete(raw.byteOffset);
      return hit.pieces;
    },
  };
}

/** A gzip member's header (RFC 1952): deflate, no flags, no time, unknown system. */
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A gzip member's trailer: the CRC-32 and the size (modulo 2^32) of its content, little-endian. */
function gzipTrailer(crc: number, size: number): Uint8Array {
  const t = new Uint8Array(8);
  const v = new DataView(t.buffer);
  v.setUint32(0, crc >>> 0, true);
  v.setUint32(4, size >>> 0, true);
  return t;
}

type DecompressionCtor = new (format: string) => TransformStream<Uint8Array, Uint8Array>;

/** A gzip member of this raw deflate data and this trailer, being decompressed. */
function gunzip(
  DS: DecompressionCtor,
  raw: Uint8Array,
  crc: number,
  size: number
): ReadableStreamDefaultReader<Uint8Array> {
  const ds = new DS("gzip");
  const writer = ds.writable.getWriter();
  for (const piece of [GZIP_HEADER, raw, gzipTrailer(crc, size)])
    writer.write(piece).catch(() => undefined);
  writer.close().catch(() => undefined);
  return ds.readable.getReader();
}

/** Whether a stream ends without error. */
async function endsWell(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  try {
    while (!(await reader.read()).done);
    return true;
  } catch {
    return false;
  }
}

const trailerChecks = new WeakMap<DecompressionCtor, Promise<boolean>>();

/**
 * Whether this browser's zlib refuses a gzip member whose trailer (CRC-32, size) is wrong, as the
 * format requires and Chromium, Firefox, Safari and Node do: what is decompressed ahead is taken
 * unchecked on the strength of it. Asked once, of an empty member; where the answer is no, nothing
 * is decompressed ahead and the reader decompresses and checks each part itself.
 */
function checksTrailer(DS: DecompressionCtor): Promise<boolean> {
  let check = trailerChecks.get(DS);
  if (!check) {
    const EMPTY = new Uint8Array([3, 0]); // a final fixed-Huffman block holding nothing
    check = (async () =>
      (await endsWell(gunzip(DS, EMPTY, 0, 0))) && !(await endsWell(gunzip(DS, EMPTY, 1, 0))))();
    trailerChecks.set(DS, check);
  }
  return check;
}

/** Decompresses the parts behind these sheets (and the shared strings) before they are read. */
export async function prefetch(
  wb: XlsxWorkbook,
  codec: ReturnType<typeof prefetchingCodec>,
  sheetNames: string[]
): Promise<void> {
  const DS = (globalThis as { DecompressionStream?: DecompressionCtor }).DecompressionStream;
  if (!DS || !(await checksTrailer(DS))) return;
  const pkg = wb.package;
  const parts = pkg
    .sheets()
    .filter((s) => s.part && sheetNames.includes(s.name))
    .map((s) => s.part!);
  const sst = pkg.workbookRelated(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
  );
  // (once read, the shared strings are held: decompressed again, they would only wait here)
  if (sst && !wb.sharedStringsRead && parts.length) parts.push(sst);
  await Promise.all(
    parts.map(async (part) => {
      const e = pkg.entry(part);
      if (!e || e.method !== 8 || e.size < 1 << 16) return;
      try {
        checkEntry(e);
        const raw = rawData(pkg.bytes, e);
        // the compressed bytes written straight in (no Blob and its stream in between), framed as
        // gzip with the directory's CRC-32 and size as its trailer: the browser's zlib checks them
        // as it decompresses (a mismatch fails the stream, and the reader then refuses the part in
        // the user's words), where a CRC-32 in JavaScript took a fifth of a second a year of tickets
        const reader = gunzip(DS, raw, e.crc, e.size);
        // the pieces kept as they come: copied into one array of the part's size, they cost a
        // tenth of a second a year of tickets (the array's pages touched for the first time);
        // up to the declared size, and no further: a part that expands beyond it is left to the
        // reader, which refuses it in the user's words
        const pieces: Uint8Array[] = [];
        let n = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (n + value.length > e.size) {
            await reader.cancel();
            return;
          }
          if (!value.length) continue;
          pieces.push(value);
          n += value.length;
        }
        // (the stream ended without error: its trailer, the directory's CRC-32, matched)
        if (n === e.size) codec.ready.set(raw.byteOffset, { pieces, size: n, crc: e.crc });
      } catch {
        // left to the reader, which reports a damaged part in the user's words
      }
    })
  );
}
