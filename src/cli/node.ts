// What Node lends the engine and the .xlsx reader on the command line: native inflate, UTF-8
// decoding and SHA-256 (the same results as the plain JavaScript the browser uses, faster).
import { createHash } from "crypto";
import { inflateRawSync } from "zlib";
import { useSha256 } from "../engine/audit";
import type { Codec } from "../file/zip";

export const nodeCodec: Codec = {
  inflateRaw: (b, size) => inflateRawSync(b, { chunkSize: Math.max(64, size) }),
  decodeUtf8: (b) => Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8"),
};

export function useNodeHash(): void {
  useSha256(() => {
    const h = createHash("sha256");
    return { update: (b) => void h.update(b), hex: () => h.digest("hex") };
  });
}
