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
