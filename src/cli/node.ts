// What Node lends the engine and the .xlsx reader on the command line: native inflate, UTF-8
// decoding and SHA-256 (the same results as the plain JavaScript the browser uses, faster).
import { createHash } from "crypto";
import * as buffer from "buffer";
import * as zlib from "zlib";
import { useSha256 } from "../engine/fingerprint";
import { Codec, jsCrc32 } from "../file/zip";
import { inflateRawPieces } from "./inflate-pieces";

// buffer.isAscii (Node 18.15 and later)
const isAscii = (buffer as { isAscii?: (b: Uint8Array) => boolean }).isAscii;

// zlib.crc32 (Node 20.15 and later), else the plain JavaScript one
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export const nodeCodec: Codec = {
  // bounded by the declared size: a part that expands beyond it stops there (ERR_BUFFER_TOO_LARGE)
  inflateRaw: (b, size) =>
    zlib.inflateRawSync(b, { chunkSize: Math.max(64, size), maxOutputLength: Math.max(1, size) }),
  // a large part in pieces from a worker thread: memory follows a piece, not the part
  inflateRawPieces,
  decodeUtf8: (b) => Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8"),
  // an ASCII window as before (the same string, kept on the heap); others a byte a character
  decodeLatin1: (b) => {
    const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
    return isAscii?.(buf) ? buf.toString("utf8") : buf.toString("latin1");
  },
  crc32: nativeCrc ? (b, seed) => nativeCrc(b, seed) >>> 0 : jsCrc32,
};

export function useNodeHash(): void {
  useSha256(() => {
    const h = createHash("sha256");
    return { update: (b) => void h.update(b), hex: () => h.digest("hex") };
  });
}
