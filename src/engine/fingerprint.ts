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
  if (format === 1) return hashTableJson(t);
  const known = ahead.get(t);
  if (
    known &&
    known.values === t.values &&
    known.rows === t.values.length &&
    known.firstRow === t.firstRow &&
    known.firstCol === t.firstCol
  )
    return known.hex;
  return hashTableBinary(t);
}

/**
 * Format-2 fingerprints computed ahead (fingerprintAhead), by table, with what they were of: a
 * table given other values, rows or origin since is hashed again (the engine never edits a
 * table's cells in place; the adapters give new tables on every read).
 */
const ahead = new WeakMap<
  RawTable,
  { values: RawTable["values"]; rows: number; firstRow: number; firstCol: number; hex: string }
>();

/** A digest that takes the whole input at once and answers later (WebCrypto's). */
export type DigestAll = (bytes: Uint8Array) => Promise<ArrayBuffer>;

/** The host's native SHA-256 (WebCrypto: browsers, workers), or null where there is none. */
function webDigest(): DigestAll | null {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  return subtle ? (b) => subtle.digest("SHA-256", b as Uint8Array<ArrayBuffer>) : null;
}

/** A table's binary form up to this size is hashed ahead; a larger one the usual way. */
const AHEAD_LIMIT = 256 << 20;

/**
 * Computes these tables' format-2 fingerprints with a native digest that answers asynchronously
 * (in a browser, WebCrypto: about 50 ms for a year of tickets where the pure-JavaScript hash takes
 * half a second), so that the synchronous `hashTable` of the audit then takes them. Where there is
 * no such digest, or a table's binary form is too large to hold at once, or the digest fails, that
 * table is hashed the usual way when asked: the fingerprints are the same either way.
 */
export async function fingerprintAhead(
  tables: RawTable[],
  digest: DigestAll | null = webDigest()
): Promise<void> {
  if (!digest) return;
  for (const t of tables) {
    if (ahead.has(t)) continue;
    // what the digest is of (the table could be given other values while it is computed)
    const { values, firstRow, firstCol } = t;
    // sized for the table at first (about 17 bytes a cell, from a year of tickets): grown by
    // doubling, a large table's form was copied over and over
    let cells = 0;
    for (let i = 0; i < values.length && i < 64; i++) cells += values[i].length + 1;
    const guess = (cells / Math.min(64, values.length || 1)) * values.length * 20;
    // a table too large to hold at once is hashed the usual way, without trying first
    if (guess > AHEAD_LIMIT) continue;
    try {
      let buf = new Uint8Array(Math.max(1 << 16, Math.ceil(guess)));
      let size = 0;
      let tooLarge = false;
      encodeTable(t, (bytes) => {
        if (tooLarge) return;
        if (size + bytes.length > buf.length) {
          if (size + bytes.length > AHEAD_LIMIT) {
            tooLarge = true;
            return;
          }
          const grown = new Uint8Array(
            Math.min(AHEAD_LIMIT, Math.max(buf.length * 2, size + bytes.length))
          );
          grown.set(buf.subarray(0, size));
          buf = grown;
        }
        buf.set(bytes, size);
        size += bytes.length;
      });
      if (tooLarge) continue;
      const hex = bytesToHex(new Uint8Array(await digest(buf.subarray(0, size))));
      ahead.set(t, { values, rows: values.length, firstRow, firstCol, hex });
    } catch {
      // (no room for the form, or the digest failed) hashed the usual way when the audit asks
    }
  }
}

/**
 * Format 2: per row a 0xFF mark, per cell a tag and its value — 0 blank, 1 a number (as an
 * integer count of millionths, float64 little-endian: an Office.js serial and one read from a
 * file agree far below that), 2 text and 5 an error value (uint32 byte length + UTF-8),
 * 3 true, 4 false. Written into a reused buffer: no text is built, nothing is allocated per cell.
 */
function hashTableBinary(t: RawTable): string {
  const h = sha256Impl();
  encodeTable(t, (bytes) => h.update(bytes));
  return h.hex();
}

/**
 * The binary form above, handed to `emit` in pieces: each a view of one reused buffer, which the
 * receiver reads (or copies) before it returns.
 */
function encodeTable(t: RawTable, emit: (bytes: Uint8Array) => void): void {
  const SIZE = 1 << 16;
  const buf = new Uint8Array(SIZE);
  const view = new DataView(buf.buffer);
  let p = 0;
  const flush = () => {
    if (p) emit(buf.subarray(0, p));
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
      emit(bytes);
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
