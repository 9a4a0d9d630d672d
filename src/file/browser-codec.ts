// In a browser (the pane's worker), parts are decompressed by the browser's own
// DecompressionStream("deflate-raw"), several times faster than fflate, ahead of the
// synchronous read; where a browser lacks it, fflate does the work as before.
import { inflateSync } from "fflate";
import type { XlsxWorkbook } from "./workbook-file";
import { Codec, checkEntry, jsCrc32, rawData } from "./zip";

interface Inflated {
  bytes: Uint8Array;
  /** the CRC-32 of bytes, taken piece by piece as they were decompressed */
  crc: number;
}

/**
 * A codec whose inflate takes what was decompressed ahead of time (by offset in the file), and
 * whose CRC-32 of such a part is the one taken during that decompression (the same function over
 * the same bytes, taken piece by piece as they came, not over the whole part again at its read).
 */
export function prefetchingCodec(): Codec & { ready: Map<number, Inflated> } {
  const ready = new Map<number, Inflated>();
  const crcs = new WeakMap<Uint8Array, number>();
  return {
    ready,
    inflateRaw(raw, size) {
      const hit = ready.get(raw.byteOffset);
      if (hit && hit.bytes.length === size) {
        ready.delete(raw.byteOffset);
        crcs.set(hit.bytes, hit.crc);
        return hit.bytes;
      }
      return inflateSync(raw, { out: new Uint8Array(size) });
    },
    crc32(data, seed) {
      const known = seed === 0 ? crcs.get(data) : undefined;
      if (known === undefined) return jsCrc32(data, seed);
      crcs.delete(data);
      return known;
    },
  };
}

type DecompressionCtor = new (format: string) => TransformStream<Uint8Array, Uint8Array>;

/** Decompresses the parts behind these sheets (and the shared strings) before they are read. */
export async function prefetch(
  wb: XlsxWorkbook,
  codec: ReturnType<typeof prefetchingCodec>,
  sheetNames: string[]
): Promise<void> {
  const DS = (globalThis as { DecompressionStream?: DecompressionCtor }).DecompressionStream;
  if (!DS) return;
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
        // the compressed bytes written straight in (no Blob and its stream in between)
        const ds = new DS("deflate-raw");
        const writer = ds.writable.getWriter();
        writer.write(raw).catch(() => undefined);
        writer.close().catch(() => undefined);
        const stream = ds.readable;
        // into the declared size, and no further: a part that expands beyond it is left to the
        // reader, which refuses it in the user's words
        const bytes = new Uint8Array(e.size);
        let n = 0;
        let crc = 0;
        const reader = stream.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (n + value.length > e.size) {
            await reader.cancel();
            return;
          }
          bytes.set(value, n);
          n += value.length;
          crc = jsCrc32(value, crc);
        }
        if (n === e.size) codec.ready.set(raw.byteOffset, { bytes, crc });
      } catch {
        // left to the reader, which reports a damaged part in the user's words
      }
    })
  );
}
