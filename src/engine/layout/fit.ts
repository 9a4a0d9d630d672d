// Column widths that fit what the sheet holds: a label of a key/value block in a column laid out
// for a table's narrow 期次 was cut to "第一次验", an amount showed ###. Each column is as wide as
// the layout asked, or as its widest content (header, cells, labels, values) when that is wider,
// up to a cap beyond which text is left to overflow or be read in the cell.
import { formatYuan } from "../money";
import { Format, SheetSpec, SpecCell } from "./spec";

/**
 * Widest a column is made for its content (characters of the Normal font). A sentence longer
 * than this does not widen its column at all: it overflows into the empty cells beside it, or
 * is read in the cell, and the column stays as the layout made it.
 */
export const MAX_FIT_WIDTH = 40;
/** Rows of a table measured: widths are for reading, and the first rows show the shape. */
const MEASURED_ROWS = 5000;

/** Width in characters of the Normal font: a CJK or full-width glyph takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x1f300
        ? 2
        : 1;
  }
  return w;
}

/** How wide a cell's value shows in its format. */
export function cellWidth(c: SpecCell | undefined, column: Format): number {
  const v = c?.v ?? null;
  if (v === null) return 0;
  const format = c?.format ?? column;
  if (typeof v === "boolean") return 2;
  if (typeof v === "number") {
    if (format === "money") return formatYuan(Math.round(v * 100)).length;
    if (format === "percent") return 8;
    if (format === "int") return Math.round(v).toLocaleString("en-US").length;
    return String(v).length;
  }
  if ("day" in v) return 10;
  if ("seconds" in v) return 16;
  return displayWidth(v.text);
}

/** The sheet's column widths: the layout's, widened to fit every block's content. */
export function fitWidths(spec: SheetSpec): number[] {
  const first = spec.blocks.find((b) => b.kind === "table");
  const widths = [
    ...(spec.widths ?? (first?.kind === "table" ? first.columns.map((c) => c.width) : [])),
  ];
  // a column whose text wraps keeps the layout's width: its content wraps, never widens it
  const wraps = new Set(spec.wrap ?? []);
  const need = (j: number, w: number) => {
    if (wraps.has(j) && widths[j] !== undefined) return;
    widths[j] = Math.max(widths[j] ?? 8.43, Math.ceil(w) + 2);
  };
  const fits = (w: number) => (w <= MAX_FIT_WIDTH ? w : 0);
  for (const b of spec.blocks) {
    if (b.kind === "table") {
      b.columns.forEach((c, j) => {
        // the header with its filter button
        let w = fits(displayWidth(c.header) + 2);
        for (let i = 0; i < Math.min(b.rows.length, MEASURED_ROWS) && w < MAX_FIT_WIDTH; i++)
          w = Math.max(w, fits(cellWidth(b.rows[i][j], c.format)));
        need(j, w);
      });
    } else {
      let label = 0;
      let value = 0;
      let extra = 0;
      for (const [l, v, x] of b.rows) {
        label = Math.max(label, fits(displayWidth(l)));
        // a stretched block's last cell spans to the sheet's edge: it never widens its column
        if (!(b.stretch && !x)) value = Math.max(value, fits(cellWidth(v, "text")));
        if (!b.stretch) extra = Math.max(extra, fits(cellWidth(x, "text")));
      }
      need(0, label);
      need(1, value);
      if (extra) need(2, extra);
    }
  }
  return widths.map((w) => Math.round(w * 100) / 100);
}
