// The zip container of an .xlsx: its central directory read by us (so that every entry can be
// copied into the audited copy exactly as it was compressed), the compression itself by fflate.
//
// Why our own directory reader: fflate's unzip decompresses what it reads, and no kept library
// hands over an entry's compressed bytes with its CRC so that they can be written again
// untouched. The directory format is small (APPNOTE.txt §4.3); what we need of it is here.
import CRC32 from "crc-32";
import { Deflate, Inflate, Zip, ZipDeflate, ZipInputFile } from "fflate";
import { FileUnreadable } from "./errors";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** general purpose flags (bit 0: encrypted) */
  flags: number;
  /** MS-DOS time and date as stored */
  dosTime: number;
  dosDate: number;
  /** offset of the local header */
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder("utf-8");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const legacyName = (b: Uint8Array) => {
  // names without the UTF-8 flag: ASCII in every real workbook. A zip made on Linux writes UTF-8
  // without saying so (xl/media/图片1.png): bytes that are valid UTF-8 are read as UTF-8, as
  // Info-ZIP and Excel do; anything else is kept byte for byte as Latin-1
  try {
    return strictUtf8.decode(b);
  } catch {
    let s = "";
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
    return s;
  }
};

const damaged = (detail: string) => new FileUnreadable("damaged", detail);

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) if (u32(b, i) === SIG_EOCD) return i;
  return -1;
}

/** The entries of a zip, in the order of its central directory. */
export function readDirectory(b: Uint8Array): ZipEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0) throw damaged("no end of central directory");
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_EOCD64_LOCATOR) throw damaged("zip64 locator missing");
    const e64 = u64(b, loc + 8);
    if (u32(b, e64) !== SIG_EOCD64) throw damaged("zip64 directory missing");
    count = u64(b, e64 + 32);
    size = u64(b, e64 + 40);
    offset = u64(b, e64 + 48);
  }
  if (offset + size > b.length) throw damaged("central directory beyond the end of the file");
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (u32(b, p) !== SIG_CENTRAL) throw damaged("bad central directory entry");
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    const e: ZipEntry = {
      name: flags & 0x800 ? utf8.decode(rawName) : legacyName(rawName),
      method: u16(b, p + 10),
      dosTime: u16(b, p + 12),
      dosDate: u16(b, p + 14),
      crc: u32(b, p + 16) >>> 0,
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      flags,
      localOffset: u32(b, p + 42),
    };
    // zip64 extra field: the 0xffffffff values, in this order
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (e.size === 0xffffffff) ((e.size = u64(b, q)), (q += 8));
        if (e.compressedSize === 0xffffffff) ((e.compressedSize = u64(b, q)), (q += 8));
        if (e.localOffset === 0xffffffff) e.localOffset = u64(b, q);
      }
      x += 4 + len;
    }
    // two entries of one name (part names compare without case): which one is the workbook's is
    // anybody's guess, and a reader taking the first can be handed a decoy
    const key = e.name.toLowerCase();
    if (names.has(key)) throw damaged(`two entries named ${e.name}`);
    names.add(key);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  // each entry's data is its own: twelve sheets pointing at one block is a bomb, not a workbook
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (byOffset[i].localOffset < prev.localOffset + 30 + prev.compressedSize)
      throw damaged(`${byOffset[i].name} overlaps ${prev.name}`);
  }
  return entries;
}

/** The compressed bytes of an entry, as stored. */
export function rawData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== SIG_LOCAL) throw damaged(`bad local header: ${e.name}`);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw damaged(`entry beyond the end of the file: ${e.name}`);
  return b.subarray(start, end);
}

/**
 * What a part may expand to. A real workbook's XML deflates 5 to 12 times (the 110,000-ticket
 * bench: 7×; a sample's sheet: 11×); deflate itself cannot pass about 1,032 times. A large part
 * that claims far more is a zip bomb, refused before any of it is decompressed.
 */
export const INFLATE_LIMITS = {
  /** parts up to this size are never refused for their ratio (styles and strings are tiny) */
  freeBytes: 64 * 1024 * 1024,
  /** above it, at most this many times the compressed size */
  ratio: 100,
  /** and never more than this (V8 cannot hold a longer buffer for the scanner anyway) */
  maxBytes: 0x7fffffff,
};

const expandsTooMuch = (e: ZipEntry, why: string) =>
  new FileUnreadable("expands-too-much", `${e.name}: ${why}`);

/** Whether an entry can be read or copied: unencrypted, stored or deflated. */
function checkMethod(e: ZipEntry): void {
  if (e.flags & 1) throw new FileUnreadable("encrypted", `encrypted zip entry ${e.name}`);
  if (e.method !== 0 && e.method !== 8)
    throw new FileUnreadable("damaged", `unsupported compression ${e.method}: ${e.name}`);
}

/** Whether an entry may be decompressed: readable, and within the limits. */
export function checkEntry(e: ZipEntry): void {
  checkMethod(e);
  if (e.method !== 8) return;
  if (e.size > INFLATE_LIMITS.maxBytes)
    throw expandsTooMuch(e, `declares ${e.size} bytes, beyond ${INFLATE_LIMITS.maxBytes}`);
  if (e.size > INFLATE_LIMITS.freeBytes && e.size > e.compressedSize * INFLATE_LIMITS.ratio)
    throw expandsTooMuch(
      e,
      `declares ${e.size} bytes from ${e.compressedSize} (${Math.round(e.size / Math.max(1, e.compressedSize))}×)`
    );
}

/** Parts from this size (decompressed) are decompressed in pieces when the host can. */
export const STREAM_FROM = 16 << 20;

/** Raw deflate decompression of a whole entry (Node's zlib on the command line). */
export type InflateRaw = (compressed: Uint8Array, size: number) => Uint8Array;

/**
 * Native helpers a host may lend the reader (Node: zlib and Buffer, several times faster than
 * fflate and TextDecoder there). Without them the reader is plain JavaScript: browser, worker.
 */
/**
 * Raw deflate decompression in pieces, as they come (Node: zlib in a worker thread, beside the
 * scan): `onPiece` sees each piece once, in order, and may return false to stop. False when it
 * could not start here (before any piece): the part is then decompressed whole.
 */
export type InflateRawPieces = (
  compressed: Uint8Array,
  size: number,
  onPiece: (piece: Uint8Array) => boolean | void
) => boolean;

export interface Codec {
  inflateRaw?: InflateRaw;
  /**
   * The pieces of a part decompressed ahead of the synchronous read (the browser's
   * DecompressionStream), already checked against this size and CRC-32, or undefined when there
   * are none; each piece is handed on once.
   */
  aheadPieces?: (compressed: Uint8Array, size: number, crc: number) => Uint8Array[] | undefined;
  /** for large parts: memory follows a piece, not the part (used from `STREAM_FROM` bytes) */
  inflateRawPieces?: InflateRawPieces;
  /** UTF-8 bytes (whole characters) → text */
  decodeUtf8?: (bytes: Uint8Array) => string;
  /** bytes → one character a byte (a sheet's markup is ASCII: its indexes are the bytes') */
  decodeLatin1?: (bytes: Uint8Array) => string;
  /** CRC-32 of `data` continuing from `seed` (0 to start), unsigned */
  crc32?: Crc32;
}

export type Crc32 = (data: Uint8Array, seed: number) => number;

/** CRC-32 in plain JavaScript (crc-32, slicing by 16): the browser's, and Node's without zlib.crc32. */
export const jsCrc32: Crc32 = (data, seed) => CRC32.buf(data, seed) >>> 0;

/** An entry's content must be what its directory declares: its size and its CRC-32. */
function checkContent(e: ZipEntry, length: number, crc: number): void {
  if (length !== e.size)
    throw damaged(`${e.name}: ${length} bytes where the directory declares ${e.size}`);
  if (crc >>> 0 !== e.crc)
    throw damaged(`${e.name}: CRC-32 does not match (the part was altered or damaged)`);
}

const EMPTY = new Uint8Array(0);

/**
 * An entry's content in pieces, as it is decompressed: `onChunk` sees each piece once and may
 * return false to stop early (the rest is never decompressed). With `inflateRaw` (native, and
 * several times faster than fflate), the entry is decompressed whole and handed over at once;
 * what the codec decompressed ahead (`aheadPieces`) is handed over in its pieces.
 */
export function streamEntry(
  b: Uint8Array,
  e: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean | void,
  codec: Codec = {},
  /** for a look at the first bytes only: streaming even with a native inflater */
  small = false
): void {
  const { inflateRaw, crc32 = jsCrc32, inflateRawPieces } = codec;
  checkEntry(e);
  const raw = rawData(b, e);
  if (e.method === 0) {
    checkContent(e, raw.length, crc32(raw, 0));
    onChunk(raw, true);
    return;
  }
  const ahead = small ? undefined : codec.aheadPieces?.(raw, e.size, e.crc);
  if (ahead) {
    // (checked as they were decompressed: counted here only)
    let length = 0;
    for (let i = 0; i < ahead.length; i++) {
      const piece = ahead[i];
      ahead[i] = EMPTY; // each piece is garbage once read, not held to the part's end
      length += piece.length;
      if (onChunk(piece, false) === false) return;
    }
    checkContent(e, length, e.crc);
    onChunk(EMPTY, true);
    return;
  }
  if (inflateRawPieces && !small && e.size >= STREAM_FROM) {
    const sum = tally(e, crc32);
    let stopped = false;
    let started: boolean;
    try {
      started = inflateRawPieces(raw, e.size, (piece) => {
        sum.add(piece);
        // the last piece is known only when the stream ends: each goes on as not final, and
        // an empty final piece follows the check of the whole
        if (onChunk(piece, false) === false) stopped = true;
        return !stopped;
      });
    } catch (err) {
      inflateFailed(e, err);
    }
    // (not started: the host cannot decompress in pieces here, and the part goes whole below)
    if (started) {
      if (stopped) return;
      sum.check();
      onChunk(new Uint8Array(0), true);
      return;
    }
  }
  if (inflateRaw && !small) {
    let out: Uint8Array;
    try {
      out = inflateRaw(raw, e.size);
    } catch (err) {
      // more output than the directory declares (an inflater bounded by the declared size)
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw damaged(`${e.name}: more bytes than the directory declares`);
      inflateFailed(e, err);
    }
    // a part longer than declared is cut to the declared size by some inflaters: its CRC tells
    checkContent(e, out.length, crc32(out, 0));
    // a plain view (a Node Buffer's subarray is several times dearer in the scanner)
    onChunk(new Uint8Array(out.buffer, out.byteOffset, out.length), true);
    return;
  }
  let stop = false;
  // every chunk counts toward the CRC, checked before the last one is handed over (a part read
  // only in part, for a look at its first bytes, is not checked)
  const sum = tally(e, crc32);
  const inf = new Inflate((chunk, final) => {
    if (stop) return;
    sum.add(chunk);
    if (final) sum.check();
    if (onChunk(chunk, final) === false) stop = true;
  });
  // a look at the first bytes inflates little; a whole part goes in steps of a megabyte
  let step = small ? 1 << 14 : 1 << 20;
  try {
    for (let i = 0; i < raw.length && !stop; i += step) {
      const end = Math.min(raw.length, i + step);
      inf.push(raw.subarray(i, end), end === raw.length);
      if (step < 1 << 20) step *= 2;
    }
  } catch (err) {
    inflateFailed(e, err);
  }
}

/** An entry's pieces counted toward its declared size and CRC-32 as they pass. */
function tally(e: ZipEntry, crc32: Crc32): { add(piece: Uint8Array): void; check(): void } {
  let length = 0;
  let crc = 0;
  return {
    add(piece) {
      length += piece.length;
      // never more than declared: a lying directory cannot make the reader hold more
      if (length > e.size) throw damaged(`${e.name}: more bytes than the directory declares`);
      crc = crc32(piece, crc);
    },
    check: () => checkContent(e, length, crc),
  };
}

/** A decompression that failed: out of memory and the reader's own refusals as they are. */
function inflateFailed(e: ZipEntry, err: unknown): never {
  if (err instanceof RangeError || err instanceof FileUnreadable) throw err;
  throw damaged(`cannot decompress ${e.name}: ${(err as Error).message}`);
}

/** An entry's whole content (for the small parts: workbook, rels, styles, strings of a sheet). */
export function entryBytes(b: Uint8Array, e: ZipEntry, codec: Codec = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let n = 0;
  streamEntry(
    b,
    e,
    (c) => {
      parts.push(c);
      n += c.length;
    },
    codec
  );
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

/** What goes into the new zip: an entry of the original, copied as compressed, or new content. */
export type OutEntry =
  { name: string; copy: ZipEntry } | { name: string; data: Uint8Array | Uint8Array[] };

function dosDateTime(e: ZipEntry): Date {
  const d = e.dosDate;
  const t = e.dosTime;
  const year = ((d >> 9) & 0x7f) + 1980;
  return new Date(
    year,
    Math.max(0, ((d >> 5) & 0xf) - 1),
    Math.max(1, d & 0x1f),
    (t >> 11) & 0x1f,
    (t >> 5) & 0x3f,
    (t & 0x1f) * 2
  );
}

/** A zip input that hands fflate an entry's stored bytes, CRC and size unchanged. */
function rawInput(src: Uint8Array, e: ZipEntry): ZipInputFile & { start(): void } {
  const f: ZipInputFile & { start(): void } = {
    filename: e.name,
    size: e.size,
    crc: e.crc,
    compression: e.method,
    mtime: dosDateTime(e),
    start() {
      f.ondata!(null, rawData(src, e) as Uint8Array<ArrayBuffer>, true);
    },
  };
  return f;
}

/**
 * Writes a zip: copied entries keep their compressed bytes and CRC, new ones are deflated.
 * Returns the pieces of the file (concatenate, or write them one after the other).
 */
export function writeZip(src: Uint8Array, entries: OutEntry[], level: 1 | 6 = 6): Uint8Array[] {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  for (const e of entries) {
    if ("copy" in e) {
      // copied as compressed, never decompressed: no limit on what it would expand to
      checkMethod(e.copy);
      const f = rawInput(src, e.copy);
      zip.add(f);
      f.start();
    } else {
      // the time Excel stamps on every part (1980-01-01 00:00, the zip format's first day): the
      // same workbook and results give the same bytes, whenever they are written
      const f = new ZipDeflate(e.name, { level });
      f.mtime = new Date(1980, 0, 1);
      zip.add(f);
      const pieces = Array.isArray(e.data) ? e.data : [e.data];
      if (!pieces.length) f.push(new Uint8Array(0), true);
      pieces.forEach((p, i) => f.push(p, i === pieces.length - 1));
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  return out;
}

export function concat(pieces: Uint8Array[]): Uint8Array {
  const n = pieces.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of pieces) (out.set(p, o), (o += p.length));
  return out;
}

/** Deflates bytes on their own (used to measure, and by tests). */
export function deflate(data: Uint8Array, level: 1 | 6 = 6): Uint8Array {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level }, (c) => out.push(c));
  d.push(data, true);
  return concat(out);
}
