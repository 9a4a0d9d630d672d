// In a browser (the pane's worker), parts are decompressed by the browser's own
// DecompressionStream("deflate-raw"), several times faster than fflate, ahead of the
// synchronous read; where a browser lacks it, fflate does the work as before.
import { inflateSync } from "fflate";
import type { XlsxWorkbook } from "./workbook-file";
import { Codec, checkEntry, rawData } from "./zip";

interface Inflated {
  bytes: Uint8Array;
}

/** A codec whose inflate takes what was decompressed ahead of time (by offset in the file). */
export function prefetchingCodec(): Codec & { ready: Map<number, Inflated> } {
  const ready = new Map<number, Inflated>();
  return {
    ready,
    inflateRaw(raw, size) {
      const hit = ready.get(raw.byteOffset);
      if (hit && hit.bytes.length === size) {
        ready.delete(raw.byteOffset);
        return hit.bytes;
      }
      return inflateSync(raw, { out: new Uint8Array(size) });
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
  if (sst) parts.push(sst);
  await Promise.all(
    parts.map(async (part) => {
      const e = pkg.entry(part);
      if (!e || e.method !== 8 || e.size < 1 << 16) return;
      try {
        checkEntry(e);
        const raw = rawData(pkg.bytes, e);
        const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new DS("deflate-raw"));
        // into the declared size, and no further: a part that expands beyond it is left to the
        // reader, which refuses it in the user's words
        const bytes = new Uint8Array(e.size);
        let n = 0;
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
        }
        if (n === e.size) codec.ready.set(raw.byteOffset, { bytes });
      } catch {
        // left to the reader, which reports a damaged part in the user's words
      }
    })
  );
}
