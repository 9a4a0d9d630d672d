// Worksheet XML → the raw table the engine takes, values as stored: shared, inline and rich-text
// strings, numbers, booleans, error values, the cached result of a formula. Date serials stay
// serials (styles are never consulted), so the table is exactly what Office.js's `range.values`
// gives the Excel adapter for the same workbook, merged cells included (only the top-left cell
// of a merge holds a value).
//
// A sheet is scanned as it is decompressed, a piece at a time: the part is never one string
// and never a DOM, so a sheet of Excel's full size (1,048,576 rows) fits in memory. The scanner
// is hand-written with indexOf over decoded text: a general XML parser costs several times more
// here (docs/PERFORMANCE.md) and the grammar of <sheetData> is small.
import { DAYS_1904 } from "../engine/parse";
import { RawCell, RawTable, rawCell } from "../engine/table";
import { XlsxPackage } from "./package";
import { decodeTextAt } from "./xml";
import { FileUnreadable } from "./errors";

/** Excel's limits: 1,048,576 rows and 16,384 columns (XFD). */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

/** A cell or row beyond Excel's limits: a damaged or hostile file, never allocated for. */
function beyondLimits(where: { zh: string; en: string }): never {
  throw new FileUnreadable("beyond-limits", where.en, where);
}

/** Column letters of a cell reference → 1-based column; 0 when there are none. */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
    else break;
  }
  return c;
}

function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i));
}

/**
 * A string item without its phonetic runs (`<rPh …>…</rPh>`), in one pass: an unclosed run is
 * kept as written (as the pattern it replaces left it), and never searched for twice.
 */
function withoutPhonetic(s: string, p: string): string {
  const open = `<${p}rPh`;
  const close = `</${p}rPh>`;
  let out = "";
  let i = 0;
  for (let from = 0; ;) {
    const a = s.indexOf(open, from);
    if (a < 0) break;
    const ch = s.charCodeAt(a + open.length);
    // <rPh> or <rPh …>; not <rPhPr>
    if (ch !== 62 && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) {
      from = a + open.length;
      continue;
    }
    const b = s.indexOf(close, a);
    if (b < 0) break; // unclosed, and so is every later one: the rest stays as it is
    out += s.slice(i, a);
    i = from = b + close.length;
  }
  return out + s.slice(i);
}

const utf8 = new TextEncoder();
// (ignoreBOM: a text may begin with U+FEFF, and keeps it)
const fromUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });
/** A string of its own with the same text (not a slice holding a larger string alive). */
const copyOf = (s: string): string => fromUtf8.decode(utf8.encode(s));

/** Bytes → one character a byte, where the host has such a decoder (windows-1252 is, too). */
function latin1Decoder(): ((x: Uint8Array) => string) | null {
  try {
    const d = new TextDecoder("latin1");
    return (x) => d.decode(x);
  } catch {
    return null; // a Node built without full ICU: the windows are decoded as UTF-8
  }
}

/**
 * Whether b[from, to) is plain ASCII text with no reference in it (a ticket's id, a masked phone
 * number): copied at once for less than a lookup costs, and such values (mostly one of a kind)
 * are kept out of the inline cache, which then keeps its room for the texts that repeat.
 */
function plainText(b: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b.charCodeAt(i);
    if (c >= 0x80 || c === 38 /* & */) return false;
  }
  return true;
}

/** Inline strings up to this long (as written) are remembered, at most this many a sheet. */
const INLINE_CACHE_TEXT = 160;
const INLINE_CACHE_SIZE = 50_000;

/**
 * The text of a string item (`<si>` or `<is>` content): the `<t>` elements in order, phonetic
 * runs (`<rPh>`, the furigana of Japanese text) left out, as Excel shows the cell.
 */
export function itemText(xml: string, p: string): string {
  const s = xml.indexOf(`<${p}rPh`) >= 0 ? withoutPhonetic(xml, p) : xml;
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = "";
  let runs = 0;
  let first = 0;
  let firstEnd = 0;
  let i = 0;
  for (;;) {
    const a = s.indexOf(open, i);
    if (a < 0) break;
    const ch = s.charCodeAt(a + open.length);
    // `<t>`, `<t xml:space=…>`, `<t/>`; not another element that starts with t
    if (ch !== 62 && ch !== 32 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
      i = a + open.length;
      continue;
    }
    const te = s.indexOf(">", a);
    if (s.charCodeAt(te - 1) === 47) {
      i = te + 1;
      continue;
    }
    const b = s.indexOf(close, te);
    if (b < 0) break;
    if (runs++ === 0) {
      first = te + 1;
      firstEnd = b;
    }
    out += s.slice(te + 1, b);
    i = b + close.length;
  }
  // a string of its own either way (a slice would hold the XML it came from alive)
  return runs === 1 ? decodeTextAt(s, first, firstEnd) : decodeTextAt(out, 0, out.length);
}

/**
 * Calls `onText` with the part's decoded text in pieces that end on a boundary: each piece ends
 * just after the last `</{prefix}{element}>` seen so far, the remainder is carried to the next
 * piece. The prefix is the root element's (`<x:worksheet>` → "x:"), found in the first piece.
 */
function streamText(
  pkg: XlsxPackage,
  part: string,
  root: string,
  element: string,
  onText: (text: string, final: boolean, prefix: string) => boolean | void
): void {
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let prefix: string | null = null;
  let boundary = "";
  pkg.stream(part, (chunk, final) => {
    let text = carry + decoder.decode(chunk, { stream: !final });
    if (prefix === null) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const m = new RegExp(`<(?![?!])([\\w.-]+:)?${root}[\\s>]`).exec(text);
      if (!m && !final && text.length < 1 << 16) {
        carry = text;
        return true;
      }
      prefix = m?.[1] ?? "";
      boundary = `</${prefix}${element}>`;
    }
    if (final) {
      carry = "";
      return onText(text, true, prefix);
    }
    const cut = text.lastIndexOf(boundary);
    if (cut < 0) {
      carry = text;
      return true;
    }
    const end = cut + boundary.length;
    carry = text.slice(end);
    return onText(text.slice(0, end), false, prefix);
  });
}

/** The shared strings of a workbook, in order. */
export function readSharedStrings(pkg: XlsxPackage, part: string | null): string[] {
  const out: string[] = [];
  if (!part) return out;
  streamText(pkg, part, "sst", "si", (text, _final, p) => {
    const open = `<${p}si`;
    const close = `</${p}si>`;
    const fastOpen = `<${p}si><${p}t>`;
    const fastClose = `</${p}t></${p}si>`;
    let i = 0;
    for (;;) {
      const a = text.indexOf(open, i);
      if (a < 0) break;
      const te = text.indexOf(">", a);
      if (te < 0) break;
      if (text.charCodeAt(te - 1) === 47) {
        out.push(""); // <si/>
        i = te + 1;
        continue;
      }
      const b = text.indexOf(close, te);
      if (b < 0) break;
      // the common form, <si><t>text</t></si>, without a second scan
      if (
        text.startsWith(fastOpen, a) &&
        text.startsWith(fastClose, b - fastClose.length + close.length)
      ) {
        const from = a + fastOpen.length;
        const to = b - (fastClose.length - close.length);
        const lt = text.indexOf("<", from);
        out.push(
          lt < 0 || lt >= to ? decodeTextAt(text, from, to) : itemText(text.slice(te + 1, b), p)
        );
      } else out.push(itemText(text.slice(te + 1, b), p));
      i = b + close.length;
    }
  });
  return out;
}

const MS_PER_DAY = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = EPOCH_1900 + DAYS_1904 * MS_PER_DAY;

/** A `t="d"` cell (ISO 8601 text) as the serial Excel would hold. */
function isoToSerial(s: string, date1904: boolean): RawCell {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s.trim());
  if (!m) return s;
  const ms =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) +
    Number(m[6] ?? 0) * 1000;
  const serial = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  // the 1900 system counts the non-existent 1900-02-29: dates before March 1900 are one less
  return !date1904 && serial < 61 ? serial - 1 : serial;
}

function numberCell(v: string): RawCell {
  if (v === "") return null;
  const n = Number(v);
  // not a number Excel could hold: an error value rather than NaN or infinity
  return Number.isFinite(n) ? n : { error: "#NUM!" };
}

export interface SheetRead {
  /** rows by 1-based index - 1, each with cells by column - 1; trailing blanks trimmed */
  values: RawCell[][];
  /** the ref of each merged range */
  merges: string[];
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Where a one-letter attribute's value starts inside the tag [from, to), or -1. */
function attr1(b: string, from: number, to: number, letter: number): number {
  for (let j = from + 2; j < to; j++) {
    if (b.charCodeAt(j) !== letter || !isSpace(b.charCodeAt(j - 1))) continue;
    let k = j + 1;
    while (k < to && isSpace(b.charCodeAt(k))) k++;
    if (b.charCodeAt(k) !== 61) continue; // '='
    k++;
    while (k < to && isSpace(b.charCodeAt(k))) k++;
    if (b.charCodeAt(k) === 34 || b.charCodeAt(k) === 39) return k + 1;
  }
  return -1;
}

// where a cell tag's r and t values start (cellAttrs), -1 when it has none
let cellR = -1;
let cellT = -1;

/** The starts of the `r` and `t` values of the cell tag [from, to), in one pass over it. */
function cellAttrs(b: string, from: number, to: number): void {
  cellR = -1;
  cellT = -1;
  for (let j = from + 2; j < to; j++) {
    const ch = b.charCodeAt(j);
    if (ch === 34 || ch === 39) {
      // a value of another attribute: skipped whole
      const close = b.indexOf(ch === 34 ? '"' : "'", j + 1);
      if (close < 0 || close >= to) return;
      j = close;
      continue;
    }
    if ((ch !== 114 && ch !== 116) || !isSpace(b.charCodeAt(j - 1))) continue;
    let k = j + 1;
    while (k < to && isSpace(b.charCodeAt(k))) k++;
    if (b.charCodeAt(k) !== 61) continue; // '='
    k++;
    while (k < to && isSpace(b.charCodeAt(k))) k++;
    const q = b.charCodeAt(k);
    if (q !== 34 && q !== 39) continue;
    if (ch === 114) {
      if (cellR < 0) cellR = k + 1;
    } else if (cellT < 0) cellT = k + 1;
    const close = b.indexOf(q === 34 ? '"' : "'", k + 1);
    if (close < 0 || close >= to) return;
    j = close;
  }
}

/** Bytes [a, b) as a Latin-1 string (numbers, references: ASCII only). */
function ascii(b: string, start: number, end: number): string {
  return b.slice(start, end);
}

// 10^0 … 10^22: exact doubles
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** A non-negative integer written in bytes [a, b), or -1 when it is not one. */
function intAt(b: string, start: number, end: number): number {
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const c = b.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      any = true;
    } else if (!isSpace(c)) return -1;
  }
  return any && n <= Number.MAX_SAFE_INTEGER ? n : -1;
}

/**
 * The number in bytes [a, b). A decimal whose digits m are below 2^53 (every 15-digit one, and
 * most 16-digit date serials: 44949.06655092593) with at most 22 decimals is m / 10^k with both
 * exact, so one division gives the correctly rounded double, as Number() would (Clinger's fast
 * path); anything else goes through Number().
 */
export function numberAt(b: string, start: number, end: number): RawCell {
  let i = start;
  let neg = false;
  if (b.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let m = 0;
  let frac = -1;
  let seen = false;
  for (; i < end; i++) {
    const c = b.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seen = true;
      m = m * 10 + (c - 48);
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else break;
  }
  // (m only grows, and rounding keeps it at 2^53 or above once the digits are: below 2^53 at the
  // end, it was exact all along)
  if (i === end && seen && m < 9007199254740992 && frac <= 22) {
    const v = frac > 0 ? m / POW10[frac] : m;
    return neg ? -v : v;
  }
  return numberCell(ascii(b, start, end).trim());
}

// the cell types of <c t="…">
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_BOOL = 3;
const T_ERROR = 4;
const T_INLINE = 5;
const T_DATE = 6;

function cellType(b: string, v: number): number {
  switch (b.charCodeAt(v)) {
    case 115: // s, str
      return b.charCodeAt(v + 1) === 34 || b.charCodeAt(v + 1) === 39 ? T_SHARED : T_STR;
    case 98:
      return T_BOOL;
    case 101:
      return T_ERROR;
    case 105:
      return T_INLINE;
    case 100:
      return T_DATE;
    default:
      return T_NUMBER;
  }
}

// the elements the scanner acts on, as small codes
const N_OTHER = 0;
const N_ROW = 1;
const N_C = 2;
const N_V = 3;
const N_IS = 4;
const N_SHEETDATA = 5;
const N_MERGECELL = 6;

/** The local name of the element whose name is at [start, end), as a code above. */
function nameCode(b: string, start: number, end: number): number {
  // skip a prefix (x:row)
  let s = start;
  for (let i = start; i < end; i++) if (b.charCodeAt(i) === 58) s = i + 1;
  const n = end - s;
  const c0 = b.charCodeAt(s);
  if (n === 1) return c0 === 99 ? N_C : c0 === 118 ? N_V : N_OTHER;
  if (n === 3)
    return c0 === 114 && b.charCodeAt(s + 1) === 111 && b.charCodeAt(s + 2) === 119
      ? N_ROW
      : N_OTHER;
  if (n === 2) return c0 === 105 && b.charCodeAt(s + 1) === 115 ? N_IS : N_OTHER;
  if (n === 9 && c0 === 115 && b.charCodeAt(s + 5) === 68) return N_SHEETDATA; // sheetData
  if (n === 9 && c0 === 109 && b.charCodeAt(s + 5) === 67) return N_MERGECELL; // mergeCell
  return N_OTHER;
}

/** Whether a character ends an element's name (`<f>`, `<f/>`, `<f t=…>`; not `<foo>`). */
const endsName = (c: number) => c === 62 || c === 47 || isSpace(c);

/** The end of an element name starting at `i`. */
function nameEnd(b: string, i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const c = b.charCodeAt(j);
    if (c === 62 || c === 47 || isSpace(c)) break;
    j++;
  }
  return j;
}

/** The next index of byte `c` from `i` below `end`, or -1 (a loop: shorter than a builtin call here). */
function find(b: string, c: string, i: number, end: number): number {
  const j = b.indexOf(c, i);
  return j < 0 || j >= end ? -1 : j;
}

/** Whether `tag` is written at `i` (a loop: cheaper than startsWith for a few characters here). */
function hasAt(b: string, i: number, tag: string): boolean {
  for (let k = 0; k < tag.length; k++) if (b.charCodeAt(i + k) !== tag.charCodeAt(k)) return false;
  return true;
}

/**
 * With `open` written at `at`, then text, then `close` (the cell's end): where the text ends, or -1
 * when the cell is written otherwise (the scanner then takes it a tag at a time).
 */
function textEnd(b: string, at: number, open: string, close: string, end: number): number {
  if (!hasAt(b, at, open)) return -1;
  const e = b.indexOf("<", at + open.length);
  return e > 0 && e < end && hasAt(b, e, close) ? e : -1;
}

/**
 * textEnd for the commonest cell of all, `<v>…</v></c>` without a prefix, compared a character
 * at a time in place (the general comparison was a tenth of the scan on Excel's form).
 */
function plainValueEnd(b: string, at: number, end: number): number {
  if (b.charCodeAt(at) !== 60 || b.charCodeAt(at + 1) !== 118 || b.charCodeAt(at + 2) !== 62)
    return -1;
  const e = b.indexOf("<", at + 3);
  return e > 0 &&
    e < end &&
    b.charCodeAt(e + 1) === 47 &&
    b.charCodeAt(e + 2) === 118 &&
    b.charCodeAt(e + 3) === 62 &&
    b.charCodeAt(e + 4) === 60 &&
    b.charCodeAt(e + 5) === 47 &&
    b.charCodeAt(e + 6) === 99 &&
    b.charCodeAt(e + 7) === 62
    ? e
    : -1;
}

/** textEnd for `<is><t>…</t></is></c>` without a prefix (openpyxl's every text), compared in place. */
function plainInlineEnd(b: string, at: number, end: number): number {
  // <is><t>
  if (
    b.charCodeAt(at) !== 60 ||
    b.charCodeAt(at + 1) !== 105 ||
    b.charCodeAt(at + 2) !== 115 ||
    b.charCodeAt(at + 3) !== 62 ||
    b.charCodeAt(at + 4) !== 60 ||
    b.charCodeAt(at + 5) !== 116 ||
    b.charCodeAt(at + 6) !== 62
  )
    return -1;
  const e = b.indexOf("<", at + 7);
  // </t></is></c>
  return e > 0 &&
    e < end &&
    b.charCodeAt(e + 1) === 47 &&
    b.charCodeAt(e + 2) === 116 &&
    b.charCodeAt(e + 3) === 62 &&
    b.charCodeAt(e + 4) === 60 &&
    b.charCodeAt(e + 5) === 47 &&
    b.charCodeAt(e + 6) === 105 &&
    b.charCodeAt(e + 7) === 115 &&
    b.charCodeAt(e + 8) === 62 &&
    b.charCodeAt(e + 9) === 60 &&
    b.charCodeAt(e + 10) === 47 &&
    b.charCodeAt(e + 11) === 99 &&
    b.charCodeAt(e + 12) === 62
    ? e
    : -1;
}

const SHEET_DATA = new TextEncoder().encode("sheetData");

/** Whether a name's byte (of a prefix: letters, digits, '_', '-', '.'). */
const nameByte = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 95 ||
  c === 45 ||
  c === 46;

/**
 * Whether the local name after b[at] is a tag's: b[at] is its '<', the '/' of '</', or the ':' of
 * a prefix after one of those (a text may hold "/row>" as it is: '>' needs no escape, '<' does).
 */
function tagName(b: Uint8Array, at: number, start: number): boolean {
  let k = at;
  if (b[k] === 58) {
    k--;
    while (k >= start && nameByte(b[k])) k--;
  }
  if (k >= start && b[k] === 47) k--;
  return k >= start && b[k] === 60;
}

/**
 * Where a window of bytes may end: after the last `</…row>` or `sheetData>` tag, never inside a
 * cell (after the data: the last '>').
 */
function cutPoint(b: Uint8Array, start: number, end: number, anyTag: boolean): number {
  for (let i = end - 1; i >= start + 4; i--) {
    if (b[i] !== 62) continue;
    if (anyTag) return i + 1;
    if (
      b[i - 1] === 119 &&
      b[i - 2] === 111 &&
      b[i - 3] === 114 &&
      (b[i - 4] === 47 || b[i - 4] === 58) &&
      tagName(b, i - 4, start)
    )
      return i + 1;
    // <sheetData>, </sheetData> (any prefix): what follows the data is cut there, not held whole
    if (
      b[i - 1] === 97 &&
      i - 10 >= start &&
      SHEET_DATA.every((x, k) => b[i - 9 + k] === x) &&
      tagName(b, i - 10, start)
    )
      return i + 1;
  }
  return -1;
}

/**
 * Reads one worksheet part. `strings` is called once, the first time a shared string is used.
 * The scanner works on the decompressed bytes: only text values become strings.
 */
export function readSheetPart(
  pkg: XlsxPackage,
  part: string,
  strings: () => string[],
  date1904: boolean
): SheetRead {
  // an empty part is no worksheet (not even <worksheet/>): the file is damaged, not the data
  if (pkg.entry(part)?.size === 0)
    throw new FileUnreadable("damaged", `${part} is empty (0 bytes)`);
  const rows: RawCell[][] = [];
  const merges: string[] = [];
  let sst: RawCell[] | null = null;
  // inline strings as written → their values: a writer without shared strings (openpyxl, pandas)
  // repeats the same text down a column, each Chinese character a reference to decode; once
  // decoded, a repeat costs a lookup and shares one string (memory follows the distinct texts)
  const inline = new Map<string, RawCell>();
  let inData = false;
  let done = false;
  let lastRow = 0;
  let prefix: string | null = null;
  let vTag = "<v>";
  let vcTag = "</v></c>";
  let isTag = "<is><t>";
  let fTag = "<f";
  let fcTag = "</f>";
  let iscTag = "</t></is></c>";
  let plain = true;
  // the row being read
  // its cells, gathered in one reused array and copied at the row's end into an array of exactly
  // their number (grown cell by cell, a row's array was reallocated twice and kept 41 slots for 19)
  const cells: RawCell[] = [];
  let width = 0;
  let rowOpen = false;
  let rowNum = 0;
  let col = 0;
  // the cell being read
  let inCell = false;
  let type = T_NUMBER;
  let vStart = -1;
  let vEnd = -1;
  let isStart = -1;
  let isEnd = -1;
  // the text of the common inline form, <is><t>…</t></is>, read at once
  let tStart = -1;
  let tEnd = -1;

  // the bytes of the window being scanned, and the real text of a range of it (Latin-1 windows)
  let windowBytes: Uint8Array = new Uint8Array(0);
  const wideText = (from: number, to: number): string =>
    fromUtf8.decode(windowBytes.subarray(from, to));
  let wide: ((from: number, to: number) => string) | undefined;
  /** bytes → one character a byte, where the windows are read so */
  let latin1: ((x: Uint8Array) => string) | null = null;
  /**
   * A string of its own equal to b[from, to) (a slice would keep the whole window alive): from the
   * window's bytes where it is read a byte a character (several times cheaper in a browser).
   */
  const keyCopy = (b: string, from: number, to: number): string =>
    latin1 ? latin1(windowBytes.subarray(from, to)) : copyOf(b.slice(from, to));
  /** b[from, to) as text: the bytes decoded as UTF-8 when the window is Latin-1 and they need it. */
  const textOf = (b: string, from: number, to: number): string => {
    if (wide) for (let k = from; k < to; k++) if (b.charCodeAt(k) >= 0x80) return wide(from, to);
    return b.slice(from, to);
  };

  /** The value of an inline string's text b[from, to): decoded once for a short text repeated. */
  const inlineText = (b: string, from: number, to: number): RawCell => {
    if (to - from > INLINE_CACHE_TEXT || plainText(b, from, to))
      return rawCell(decodeTextAt(b, from, to, wide));
    const raw = b.slice(from, to);
    const known = inline.get(raw);
    if (known !== undefined) return known;
    const value = rawCell(decodeTextAt(b, from, to, wide));
    if (inline.size < INLINE_CACHE_SIZE) inline.set(keyCopy(b, from, to), value);
    return value;
  };

  const finishCell = (b: string): void => {
    let value: RawCell = null;
    if (type === T_INLINE) {
      if (tStart >= 0) value = inlineText(b, tStart, tEnd);
      else if (isStart >= 0) {
        const raw = b.slice(isStart, isEnd);
        const known = inline.get(raw);
        if (known !== undefined) value = known;
        else {
          value = rawCell(itemText(textOf(b, isStart, isEnd), prefix ?? ""));
          if (raw.length <= INLINE_CACHE_TEXT && inline.size < INLINE_CACHE_SIZE)
            inline.set(keyCopy(b, isStart, isEnd), value);
        }
      }
    } else if (vStart >= 0) {
      switch (type) {
        case T_SHARED: {
          // each shared string as a cell value once, not once per cell that uses it
          sst ??= strings().map(rawCell);
          const k = intAt(b, vStart, vEnd);
          value = k >= 0 ? (sst[k] ?? null) : null;
          break;
        }
        case T_NUMBER:
          value = numberAt(b, vStart, vEnd);
          break;
        case T_BOOL:
          value = b.charCodeAt(vStart) === 49 || b.charCodeAt(vStart) === 116;
          break;
        case T_STR:
          // a formula's text result (WPS: a status column): repeated down a column like inline text
          value = inlineText(b, vStart, vEnd);
          break;
        default: {
          const text = decodeTextAt(b, vStart, vEnd, wide);
          value = type === T_ERROR ? { error: text } : isoToSerial(text, date1904);
        }
      }
    }
    if (value !== null && rowOpen) {
      while (width < col - 1) cells[width++] = null;
      cells[col - 1] = value;
      if (width < col) width = col;
    }
    inCell = false;
  };

  const scan = (b: string, end: number): void => {
    let i = 0;
    for (;;) {
      const lt = find(b, "<", i, end);
      if (lt < 0) return;
      const closing = b.charCodeAt(lt + 1) === 47;
      const ns = closing ? lt + 2 : lt + 1;
      if (b.charCodeAt(ns) === 63 || b.charCodeAt(ns) === 33) {
        // <?xml …?>, <!-- … -->
        let gt = b.indexOf(">", ns);
        if (b.charCodeAt(ns) === 33 && b.charCodeAt(ns + 1) === 45)
          while (gt >= 0 && !(b.charCodeAt(gt - 1) === 45 && b.charCodeAt(gt - 2) === 45))
            gt = b.indexOf(">", gt + 1);
        i = gt < 0 ? end : gt + 1;
        continue;
      }
      const ne = nameEnd(b, ns, end);
      const gt = find(b, ">", ne, end);
      if (gt < 0) return;
      const self = b.charCodeAt(gt - 1) === 47;
      if (prefix === null) {
        // the root element's prefix, for the inline strings' <t>
        const name = ascii(b, ns, ne);
        prefix = name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
        vTag = `<${prefix}v>`;
        vcTag = `</${prefix}v></${prefix}c>`;
        isTag = `<${prefix}is><${prefix}t>`;
        fTag = `<${prefix}f`;
        fcTag = `</${prefix}f>`;
        iscTag = `</${prefix}t></${prefix}is></${prefix}c>`;
        plain = prefix === "";
      }
      const code = nameCode(b, ns, ne);
      i = gt + 1;
      if (!inData) {
        if (code === N_SHEETDATA && !closing) {
          if (self) done = true;
          inData = !self;
        } else if (code === N_MERGECELL && !closing) {
          const v = attrRef(b, lt, gt);
          if (v) merges.push(v);
        }
        continue;
      }
      if (closing) {
        if (code === N_C && inCell) finishCell(b);
        else if (code === N_ROW) {
          if (inCell) finishCell(b);
          if (rowOpen && width) {
            while (rows.length < rowNum - 1) rows.push([]);
            rows[rowNum - 1] = cells.slice(0, width);
          }
          rowOpen = false;
          width = 0;
        } else if (code === N_IS) isEnd = lt;
        else if (code === N_SHEETDATA) {
          inData = false;
          done = true;
        }
        continue;
      }
      switch (code) {
        case N_ROW: {
          const v = attr1(b, lt, gt, 114);
          const r = v >= 0 ? intAt(b, v, find(b, b[v - 1], v, gt)) : -1;
          rowNum = r > 0 ? r : lastRow + 1;
          // Excel's own limit: a row beyond it is not a workbook's (and would take gigabytes)
          if (rowNum > MAX_ROWS) beyondLimits({ zh: `第 ${rowNum} 行`, en: `row ${rowNum}` });
          lastRow = rowNum;
          col = 0;
          rowOpen = !self;
          width = 0;
          break;
        }
        case N_C: {
          if (inCell) finishCell(b);
          cellAttrs(b, lt, gt);
          const rv = cellR;
          let c = 0;
          if (rv >= 0)
            for (let k = rv; k < gt; k++) {
              const ch = b.charCodeAt(k);
              if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
              else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
              else break;
              if (c > MAX_COLUMNS) {
                const ref = textOf(b, rv, Math.min(gt, rv + 24)).replace(/["'\s/>].*$/, "");
                beyondLimits({ zh: `单元格 ${ref}`, en: `cell ${ref}` });
              }
            }
          col = c || col + 1;
          if (col > MAX_COLUMNS)
            beyondLimits({ zh: `第 ${rowNum} 行第 ${col} 列`, en: `row ${rowNum}, column ${col}` });
          const tv = cellT;
          type = tv >= 0 ? cellType(b, tv) : T_NUMBER;
          vStart = -1;
          isStart = -1;
          tStart = -1;
          inCell = !self;
          // the common inline form, <c … t="inlineStr"><is><t>…</t></is></c>, read at once
          const te =
            !inCell || type !== T_INLINE
              ? -1
              : plain
                ? plainInlineEnd(b, gt + 1, end)
                : textEnd(b, gt + 1, isTag, iscTag, end);
          if (te >= 0) {
            tStart = gt + 1 + isTag.length;
            tEnd = te;
            finishCell(b);
            i = te + iscTag.length;
            break;
          }
          // a formula's cached value (<c …><f …>…</f><v>…</v></c>: LibreOffice, WPS) is all the
          // reader takes: the formula is stepped over to the value
          let at = gt + 1;
          if (
            inCell &&
            !(plain && b.charCodeAt(at + 1) === 118) && // <v>: no formula (and no comparison)
            hasAt(b, at, fTag) &&
            endsName(b.charCodeAt(at + fTag.length))
          ) {
            const fe = find(b, ">", at, end);
            if (fe < 0) break;
            if (b.charCodeAt(fe - 1) === 47) at = fe + 1;
            else {
              const close = find(b, fcTag, fe, end);
              if (close < 0) break;
              at = close + fcTag.length;
            }
          }
          // the common form, <c …><v>…</v></c>, read at once without three more tags
          const ve = !inCell
            ? -1
            : plain
              ? plainValueEnd(b, at, end)
              : textEnd(b, at, vTag, vcTag, end);
          if (ve >= 0) {
            vStart = at + vTag.length;
            vEnd = ve;
            finishCell(b);
            i = ve + vcTag.length;
          }
          break;
        }
        case N_V:
          if (inCell && !self) {
            vStart = gt + 1;
            vEnd = find(b, "<", vStart, end);
            if (vEnd < 0) vEnd = end;
            i = vEnd;
          }
          break;
        case N_IS:
          if (inCell && !self) {
            isStart = gt + 1;
            isEnd = isStart;
          }
          break;
      }
    }
  };

  // decoded a window at a time (a sheet is never one string), each window cut in the bytes
  // just after a row (after the data: a tag), so that it decodes on its own into a fresh flat
  // string (joined strings would make every character access slower)
  //
  // The window is read one byte a character (Latin-1): the markup is ASCII, so the scanner's
  // indexes are the bytes', a window is a one-byte string however much Chinese it holds (decoding
  // it as UTF-8 made a two-byte string of every window with one Chinese text in it, at several
  // times the cost), and only a text value with a multi-byte character is decoded from its bytes.
  latin1 = pkg.codec.decodeLatin1 ?? latin1Decoder();
  wide = latin1 ? wideText : undefined;
  const textDecoder = new TextDecoder("utf-8");
  const decode = latin1 ?? pkg.codec.decodeUtf8 ?? ((x: Uint8Array) => textDecoder.decode(x));
  // a window is at most a little under a megabyte: Node makes a Latin-1 string of more than
  // 1,031,913 bytes (its EXTERN_APEX) an external string, outside V8's heap, and a window with
  // Chinese in it (WPS's status text) is decoded so; with 8 MB windows WPS's year peaked 56 MiB
  // higher on the command line, in the same time (docs/PERFORMANCE.md)
  const WINDOW = 1_000_000;
  const GATHER = 1 << 20;
  let first = true;
  const scanBytes = (bytes: Uint8Array) => {
    let x = bytes;
    if (first) {
      // a byte-order mark
      if (x[0] === 0xef && x[1] === 0xbb && x[2] === 0xbf) x = x.subarray(3);
      first = false;
    }
    if (!x.length) return;
    windowBytes = x;
    scan(decode(x), x.length);
  };
  /** Scans `chunk` a window at a time up to its last cut point; where the rest begins. */
  const scanWindows = (chunk: Uint8Array, final: boolean): number => {
    let o = 0;
    while (o < chunk.length) {
      const end = Math.min(chunk.length, o + WINDOW);
      if (final && end === chunk.length) {
        scanBytes(chunk.subarray(o));
        return chunk.length;
      }
      let cut = cutPoint(chunk, o, end, done);
      if (cut <= o) cut = cutPoint(chunk, o, chunk.length, done);
      if (cut <= o && final) {
        // no row ends in what is left of the part (what follows the data: merged cells, links):
        // a window may end after any tag, or the rest is one window — never left unread
        cut = cutPoint(chunk, o, end, true);
        if (cut <= o) cut = chunk.length;
      }
      if (cut <= o) return o;
      scanBytes(chunk.subarray(o, cut));
      o = cut;
    }
    return o;
  };
  // pieces (the browser's stream gives 64 KB, the command line's worker 1 MB) are gathered in one
  // buffer, reused from window to window, and scanned once it holds a megabyte (larger windows
  // kept more of the sheet's text alive at once on the command line, and gained nothing); a
  // whole part is scanned where it lies (each window is read once: the buffer may be overwritten
  // after its scan)
  let held = new Uint8Array(0);
  let heldLength = 0;
  const hold = (piece: Uint8Array) => {
    if (heldLength + piece.length > held.length) {
      const more = new Uint8Array(
        Math.max(GATHER + (1 << 20), heldLength + piece.length, held.length * 2)
      );
      more.set(held.subarray(0, heldLength));
      held = more;
    }
    held.set(piece, heldLength);
    heldLength += piece.length;
  };
  pkg.stream(part, (incoming, final) => {
    if (!heldLength && (final || incoming.length >= WINDOW)) {
      const rest = scanWindows(incoming, final);
      if (rest < incoming.length) hold(incoming.subarray(rest));
      return;
    }
    hold(incoming);
    if (!final && heldLength < GATHER) return;
    const rest = scanWindows(held.subarray(0, heldLength), final);
    held.copyWithin(0, rest, heldLength);
    heldLength -= rest;
  });
  return { values: rows, merges };
}

/** The `ref` of a <mergeCell> tag. */
function attrRef(b: string, lt: number, gt: number): string | null {
  const m = /\sref\s*=\s*["']([^"']+)["']/.exec(ascii(b, lt, gt + 1));
  return m ? m[1] : null;
}

/** Blanks every cell of a merged range but its top-left one (as Excel reports merged cells). */
export function applyMerges(values: RawCell[][], merges: string[]): void {
  // merged areas never overlap in a workbook Excel opens, so clearing them touches each cell of
  // the sheet at most once; the same area listed many times, or areas that overlap, would make
  // it merges × cells (240,000 merges of B2:XFD1048576 took a minute): a repeat is skipped, and
  // more clearing than the sheet has cells is a damaged file
  const width = values.reduce((m, r) => Math.max(m, r.length), 0);
  let budget = values.length * width + merges.length;
  const seen = new Set<string>();
  for (const ref of merges) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [a, b = a] = ref.split(":");
    const r1 = rowOf(a);
    const r2 = rowOf(b);
    const c1 = columnOf(a);
    const c2 = columnOf(b);
    if (!r1 || !r2 || !c1 || !c2) continue;
    const rows = Math.max(0, Math.min(r2, values.length) - r1 + 1);
    const cols = Math.max(0, Math.min(c2, width) - c1 + 1);
    budget -= rows * cols;
    if (budget < 0) throw new FileUnreadable("damaged", `overlapping merged cells (${ref})`);
    for (let r = r1; r <= Math.min(r2, values.length); r++) {
      const row = values[r - 1];
      if (!row) continue;
      for (let c = r === r1 ? c1 + 1 : c1; c <= Math.min(c2, row.length); c++) row[c - 1] = null;
    }
  }
}

/** Trailing blank cells and rows dropped, as both adapters give a table. */
export function trimTable(values: RawCell[][]): RawCell[][] {
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    if (n !== row.length) row.length = n;
  }
  let end = values.length;
  while (end > 0 && values[end - 1].length === 0) end--;
  values.length = end;
  return values;
}

/** A worksheet as the engine's raw table. */
export function sheetTable(
  pkg: XlsxPackage,
  name: string,
  part: string,
  strings: () => string[],
  date1904: boolean
): RawTable {
  return tableOf(name, readSheetPart(pkg, part, strings, date1904), date1904);
}

/** A sheet as read → the engine's raw table: merged cells blanked, trailing blanks dropped. */
export function tableOf(name: string, read: SheetRead, date1904: boolean): RawTable {
  if (read.merges.length) applyMerges(read.values, read.merges);
  const values = trimTable(read.values);
  return { name, firstRow: 1, firstCol: 1, values, ...(date1904 ? { date1904: true } : {}) };
}

/** The rows and columns trimTable would leave, without changing the rows. */
export function trimmedSize(values: RawCell[][]): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    if (n > 0) rows = i + 1;
    if (n > columns) columns = n;
  }
  return { rows, columns };
}

/** The size a sheet declares (`<dimension ref="A1:K110001"/>`), reading only its first bytes. */
export function declaredSize(
  pkg: XlsxPackage,
  part: string
): { rows: number; columns: number } | null {
  let found: { rows: number; columns: number } | null = null;
  let seen = "";
  const decoder = new TextDecoder("utf-8");
  pkg.stream(
    part,
    (chunk) => {
      seen += decoder.decode(chunk, { stream: true });
      const m = /<(?:[\w.-]+:)?dimension\s[^>]*?ref\s*=\s*["']([^"']+)["']/.exec(seen);
      if (m) {
        const [, b = m[1].split(":")[0]] = m[1].split(":");
        found = { rows: rowOf(b), columns: columnOf(b) };
        return false;
      }
      // the dimension, when present, comes before the data
      return !(/<(?:[\w.-]+:)?sheetData[\s/>]/.test(seen) || seen.length > 65536);
    },
    true
  );
  return found;
}
