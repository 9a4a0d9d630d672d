// Fingerprints of input sheets: the SHA-256 of a sheet's values that the run log records and
// verify.ts recomputes to tell whether the inputs changed since the results were written.
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex } from "@noble/hashes/utils";
import { RawTable } from "./table";

/** A SHA-256 that takes its input in pieces and gives the digest in hex. */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  hex(): string;
}

let sha256Impl: () => Sha256 = () => {
  const h = sha256.create();
  return { update: (b) => h.update(b), hex: () => bytesToHex(h.digest()) };
};

/**
 * Replaces the SHA-256 implementation (the engine's own is pure JavaScript; the command line
 * hands it Node's native one, several times faster on a year of tickets). Same digests.
 */
export function useSha256(factory: () => Sha256): void {
  sha256Impl = factory;
}

/**
 * The fingerprint format the run log's SHA-256 column holds: 2 (this version) hashes a compact
 * binary form of the values; 1 (the first releases, header "SHA-256") their JSON text.
 */
export const FINGERPRINT_FORMAT = 2;

/** SHA-256 of a sheet's values, in a form both adapters give identically. */
export function hashTable(t: RawTable, format = FINGERPRINT_FORMAT): string {
  return format === 1 ? hashTableJson(t) : hashTableBinary(t);
}

/**
 * Format 2: per row a 0xFF mark, per cell a tag and its value — 0 blank, 1 a number (as an
 * integer count of millionths, float64 little-endian: an Office.js serial and one read from a
 * file agree far below that), 2 text and 5 an error value (uint32 byte length + UTF-8),
 * 3 true, 4 false. Written into a reused buffer: no text is built, nothing is allocated per cell.
 */
function hashTableBinary(t: RawTable): string {
  const h = sha256Impl();
  const SIZE = 1 << 16;
  const buf = new Uint8Array(SIZE);
  const view = new DataView(buf.buffer);
  let p = 0;
  const flush = () => {
    if (p) h.update(buf.slice(0, p));
    p = 0;
  };
  const room = (n: number) => {
    if (p + n > SIZE) flush();
  };
  const text = (tag: number, s: string) => {
    if (s.length * 3 + 5 > SIZE) {
      const bytes = new TextEncoder().encode(s);
      room(5);
      buf[p] = tag;
      view.setUint32(p + 1, bytes.length, true);
      p += 5;
      flush();
      h.update(bytes);
      return;
    }
    room(s.length * 3 + 5);
    buf[p] = tag;
    const start = p + 5;
    let q = start;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) buf[q++] = c;
      else if (c < 0x800) {
        buf[q++] = 0xc0 | (c >> 6);
        buf[q++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = s.charCodeAt(i + 1);
          if (c < 0xdc00 && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[q++] = 0xf0 | (c >> 18);
            buf[q++] = 0x80 | ((c >> 12) & 63);
            buf[q++] = 0x80 | ((c >> 6) & 63);
            buf[q++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd; // a lone surrogate, as TextEncoder writes it
        }
        buf[q++] = 0xe0 | (c >> 12);
        buf[q++] = 0x80 | ((c >> 6) & 63);
        buf[q++] = 0x80 | (c & 63);
      }
    }
    view.setUint32(p + 1, q - start, true);
    p = q;
  };
  room(17);
  buf[p] = 0xfe;
  view.setFloat64(p + 1, t.firstRow, true);
  view.setFloat64(p + 9, t.firstCol, true);
  p += 17;
  for (const row of t.values) {
    room(1);
    buf[p++] = 0xff;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "number") {
        room(9);
        buf[p] = 1;
        view.setFloat64(p + 1, Number.isFinite(v) ? Math.round(v * 1e6) : 0, true);
        p += 9;
      } else if (typeof v === "string") text(2, v);
      else if (v === null || v === undefined) {
        room(1);
        buf[p++] = 0;
      } else if (typeof v === "boolean") {
        room(1);
        buf[p++] = v ? 3 : 4;
      } else text(5, v.error);
    }
  }
  flush();
  return h.hex();
}

/** Format 1: the rows as JSON text (numbers in millionths), for run logs of the first releases. */
function hashTableJson(t: RawTable): string {
  const canon = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e6) : v);
  const h = sha256Impl();
  const enc = new TextEncoder();
  let chunk: string[] = [`${t.firstRow},${t.firstCol}`];
  let size = 0;
  for (const row of t.values) {
    const line = JSON.stringify(row.map(canon));
    chunk.push(line);
    size += line.length;
    if (size > 1 << 18) {
      h.update(enc.encode(chunk.join("\n") + "\n"));
      chunk = [];
      size = 0;
    }
  }
  h.update(enc.encode(chunk.join("\n")));
  return h.hex();
}
