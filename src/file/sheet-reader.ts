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
import { RawCell, RawTable, rawCell } from "../engine/table";
import { XlsxPackage } from "./package";
import { decodeText } from "./xml";

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

/** An attribute of a start tag: the fast form ` r="…"` first, any other spelling second. */
function tagAttr(tag: string, name: string): string | null {
  const k = tag.indexOf(` ${name}="`);
  if (k >= 0) {
    const s = k + name.length + 3;
    return tag.slice(s, tag.indexOf('"', s));
  }
  if (tag.indexOf(`${name}=`) < 0 && tag.indexOf(`${name} `) < 0) return null;
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * The text of a string item (`<si>` or `<is>` content): the `<t>` elements in order, phonetic
 * runs (`<rPh>`, the furigana of Japanese text) left out, as Excel shows the cell.
 */
export function itemText(xml: string, p: string): string {
  let s = xml;
  if (s.indexOf(`<${p}rPh`) >= 0)
    s = s.replace(new RegExp(`<${p}rPh[\\s>][\\s\\S]*?</${p}rPh>`, "g"), "");
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = "";
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
    out += s.slice(te + 1, b);
    i = b + close.length;
  }
  return decodeText(out);
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
        const inner = text.slice(a + fastOpen.length, b - (fastClose.length - close.length));
        out.push(inner.indexOf("<") < 0 ? decodeText(inner) : itemText(text.slice(te + 1, b), p));
      } else out.push(itemText(text.slice(te + 1, b), p));
      i = b + close.length;
    }
  });
  return out;
}

const MS_PER_DAY = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

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

/** Reads one worksheet part. `strings` is called once, the first time a shared string is used. */
export function readSheetPart(
  pkg: XlsxPackage,
  part: string,
  strings: () => string[],
  date1904: boolean
): SheetRead {
  const rows: RawCell[][] = [];
  let sst: string[] | null = null;
  let p: string | null = null;
  let rowOpen = "";
  let rowClose = "";
  let cOpen = "";
  let cClose = "";
  let vOpen = "";
  let vClose = "";
  let isOpen = "";
  let isClose = "";
  let dataEnd = "";
  let inData = false;
  let done = false;
  let tail = "";
  let lastRow = 0;

  const cellValue = (t: string | null, content: string): RawCell => {
    if (t === "inlineStr") {
      const a = content.indexOf(isOpen);
      if (a < 0) return null;
      const b = content.indexOf(isClose, a);
      return rawCell(
        itemText(content.slice(content.indexOf(">", a) + 1, b < 0 ? content.length : b), p!)
      );
    }
    const a = content.indexOf(vOpen);
    let v = "";
    if (a >= 0) {
      const te = content.indexOf(">", a);
      if (content.charCodeAt(te - 1) !== 47) {
        const b = content.indexOf(vClose, te);
        v = content.slice(te + 1, b < 0 ? content.length : b);
      }
    } else if (t !== "s") return null; // a formula with no cached result, or a styled blank
    switch (t) {
      case "s": {
        if (a < 0) return null;
        sst ??= strings();
        const s = sst[Number(v)];
        return s === undefined ? null : rawCell(s);
      }
      case "str":
        return rawCell(decodeText(v));
      case "b":
        return v === "1" || v === "true";
      case "e":
        return { error: decodeText(v) };
      case "d":
        return isoToSerial(decodeText(v), date1904);
      default:
        return numberCell(v.trim());
    }
  };

  const scan = (text: string): void => {
    let i = 0;
    if (!inData) {
      const m = new RegExp(`<${p}sheetData(?=[\\s/>])`).exec(text);
      if (!m) return;
      const te = text.indexOf(">", m.index);
      if (text.charCodeAt(te - 1) === 47) {
        done = true; // <sheetData/>
        tail += text.slice(te + 1);
        return;
      }
      inData = true;
      i = te + 1;
    }
    let end = text.indexOf(dataEnd, i);
    if (end >= 0) {
      done = true;
      tail += text.slice(end);
    } else end = text.length;
    while (i < end) {
      const a = text.indexOf(rowOpen, i);
      if (a < 0 || a >= end) break;
      const ch = text.charCodeAt(a + rowOpen.length);
      if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
        i = a + rowOpen.length;
        continue;
      }
      const te = text.indexOf(">", a);
      const rowTag = text.slice(a, te + 1);
      const rAttr = tagAttr(rowTag, "r");
      const r = rAttr ? Number(rAttr) : lastRow + 1;
      lastRow = r;
      if (text.charCodeAt(te - 1) === 47) {
        i = te + 1;
        continue;
      }
      let rowEnd = text.indexOf(rowClose, te);
      if (rowEnd < 0 || rowEnd > end) rowEnd = end;
      const cells: RawCell[] = [];
      let col = 0;
      let j = te + 1;
      while (j < rowEnd) {
        const c = text.indexOf(cOpen, j);
        if (c < 0 || c >= rowEnd) break;
        const cc = text.charCodeAt(c + cOpen.length);
        if (cc !== 32 && cc !== 62 && cc !== 47 && cc !== 9 && cc !== 10 && cc !== 13) {
          j = c + cOpen.length;
          continue;
        }
        const ce = text.indexOf(">", c);
        const tag = text.slice(c, ce + 1);
        const ref = tagAttr(tag, "r");
        col = ref ? columnOf(ref) || col + 1 : col + 1;
        let value: RawCell = null;
        if (text.charCodeAt(ce - 1) === 47) j = ce + 1;
        else {
          let cEnd = text.indexOf(cClose, ce);
          if (cEnd < 0 || cEnd > rowEnd) cEnd = rowEnd;
          value = cellValue(tagAttr(tag, "t"), text.slice(ce + 1, cEnd));
          j = cEnd + cClose.length;
        }
        if (value !== null) {
          while (cells.length < col - 1) cells.push(null);
          cells[col - 1] = value;
        }
      }
      if (cells.length) {
        while (rows.length < r - 1) rows.push([]);
        rows[r - 1] = cells;
      }
      i = rowEnd + rowClose.length;
    }
  };

  streamText(pkg, part, "worksheet", "row", (text, final, prefix) => {
    if (p === null) {
      p = prefix;
      rowOpen = `<${p}row`;
      rowClose = `</${p}row>`;
      cOpen = `<${p}c`;
      cClose = `</${p}c>`;
      vOpen = `<${p}v`;
      vClose = `</${p}v>`;
      isOpen = `<${p}is`;
      isClose = `</${p}is>`;
      dataEnd = `</${p}sheetData>`;
    }
    if (done) tail += text;
    else scan(text);
    // the merged cells follow the data: keep reading the tail (small) to the end
    return !(final && done);
  });

  const merges: string[] = [];
  if (tail) {
    const re = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([^"']+)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(tail))) merges.push(m[1]);
  }
  return { values: rows, merges };
}

/** Blanks every cell of a merged range but its top-left one (as Excel reports merged cells). */
export function applyMerges(values: RawCell[][], merges: string[]): void {
  for (const ref of merges) {
    const [a, b = a] = ref.split(":");
    const r1 = rowOf(a);
    const r2 = rowOf(b);
    const c1 = columnOf(a);
    const c2 = columnOf(b);
    if (!r1 || !r2 || !c1 || !c2) continue;
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
  const read = readSheetPart(pkg, part, strings, date1904);
  if (read.merges.length) applyMerges(read.values, read.merges);
  const values = trimTable(read.values);
  return { name, firstRow: 1, firstCol: 1, values, ...(date1904 ? { date1904: true } : {}) };
}

/** The size a sheet declares (`<dimension ref="A1:K110001"/>`), reading only its first bytes. */
export function declaredSize(
  pkg: XlsxPackage,
  part: string
): { rows: number; columns: number } | null {
  let found: { rows: number; columns: number } | null = null;
  let seen = "";
  const decoder = new TextDecoder("utf-8");
  pkg.stream(part, (chunk) => {
    seen += decoder.decode(chunk, { stream: true });
    const m = /<(?:[\w.-]+:)?dimension\s[^>]*?ref\s*=\s*["']([^"']+)["']/.exec(seen);
    if (m) {
      const [, b = m[1].split(":")[0]] = m[1].split(":");
      found = { rows: rowOf(b), columns: columnOf(b) };
      return false;
    }
    // the dimension, when present, comes before the data
    return !(/<(?:[\w.-]+:)?sheetData[\s/>]/.test(seen) || seen.length > 65536);
  });
  return found;
}
