// How formats and highlights look in a workbook: Excel number formats and fill/font colours.
// Both adapters apply exactly these.
import type { Format, Highlight } from "./spec";

export const NUM_FMT: Record<Format, string | undefined> = {
  money: '"¥"#,##0.00;-"¥"#,##0.00',
  percent: "0.00%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm:ss",
  int: "0",
  number: "0.00",
  score: "0.00",
  text: "@",
};

export const HIGHLIGHT: Record<Highlight, { fill: string; font: string }> = {
  fail: { fill: "FFFFC7CE", font: "FF9C0006" },
  warn: { fill: "FFFFEB9C", font: "FF9C5700" },
  ok: { fill: "FFC6EFCE", font: "FF006100" },
  muted: { fill: "FFF2F2F2", font: "FF595959" },
  changed: { fill: "FFFFF2CC", font: "FF7F6000" },
};

/**
 * The data bars of 核查汇总's monthly deductions: a light red, so the amount printed over the bar
 * stays readable (a dark red under dark text was not), in both writers.
 */
export const DATA_BAR_COLOR = "FFF4A6A6";

/** Colours (ARGB) and sizes of the sheets' own text, the same in both writers. */
export const TEXT = {
  /** row 1: the sheet's title */
  title: { bold: true, size: 15, color: "FF1F4E79" },
  /** row 2: the subtitle */
  subtitle: { color: "FF595959" },
  /** the row above a block */
  caption: { bold: true, size: 12 },
  /** a key/value block's labels */
  label: { color: "FF404040" },
  /** a link to a cell (underlined) */
  link: "FF0563C1",
  /** a template sheet's header row: bold on light blue, required columns in dark red */
  templateHeader: { fill: "FFDDEBF7", required: "FF9C0006", optional: "FF1F4E79" },
} as const;

/** The built-in style of every result table. */
export const TABLE_STYLE = "TableStyleLight9";
