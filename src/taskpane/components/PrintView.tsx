// A result sheet on paper from the browser (file mode has no Excel to print with): the sheet's
// SheetSpec — the same data the .xlsx writer writes — as HTML, laid out as the sheet prints: its
// columns in their widths, key/value rows with stretched cells and room to sign, tables with
// their headers, amounts right-aligned as ¥ #,##0.00 with a gap before the text right of them,
// highlights, and the sheet's footer. It is rendered into the pane's own document (the CSP allows
// no new window with a script of its own) and shown only when printing: @media print hides the
// pane and shows this, on the paper the sheet's print set-up asks for.
import * as React from "react";
import { createPortal } from "react-dom";
import { formatYuan } from "../../engine/money";
import { columnPx, PRINT_MARGINS } from "../../engine/layout/print";
import {
  Block,
  Format,
  KeyValueBlock,
  SheetSpec,
  SpecCell,
  TableBlock,
  alignsRight,
  cellFormat,
  indentsAfter,
  isLink,
  lastCellColumn,
} from "../../engine/layout/spec";
import { HIGHLIGHT } from "../../engine/layout/styles";
import { formatDateTimeSpace, formatDay } from "../../engine/time";

/** The class of the print view's root: the only thing on paper while it is mounted. */
export const PRINT_ROOT_CLASS = "hcc-print-view";

/** A cell's value as the sheet shows it in its number format (money is in yuan, as written). */
export function cellText(c: SpecCell | undefined, columnFormat?: Format): string {
  const v = c?.v ?? null;
  if (v === null) return "";
  const format = c?.format ?? columnFormat ?? "text";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    switch (format) {
      case "money":
        return formatYuan(Math.round(v * 100));
      case "percent":
        return `${(v * 100).toFixed(2)}%`;
      case "int":
        return String(Math.round(v));
      case "number":
      case "score":
        return v.toFixed(2);
      default:
        return String(v);
    }
  }
  if ("day" in v) return formatDay(v.day);
  if ("seconds" in v) return formatDateTimeSpace(v.seconds);
  return v.text;
}

/** Whether Excel would align the cell right: numbers and dates. */
function isRight(c: SpecCell | undefined): boolean {
  const v = c?.v ?? null;
  return typeof v === "number" || (typeof v === "object" && v !== null && !("text" in v));
}

/** One part of a footer: text, or a page counter (`&P` this page, `&N` the pages). */
export type FooterPiece = string | { counter: "page" | "pages" };

/**
 * A part of an Excel header/footer (`&A · &F`, `第 &P 页 共 &N 页`) in pieces: &A the sheet, &F the
 * file, &D today, && an ampersand, &P and &N as page counters; font, size and picture codes go.
 */
export function footerPieces(code: string, names: { sheet: string; file: string }): FooterPiece[] {
  const out: FooterPiece[] = [];
  const text = (s: string) => {
    if (!s) return;
    if (typeof out[out.length - 1] === "string") out[out.length - 1] += s;
    else out.push(s);
  };
  const re = /&(&|"[^"]*"|\d+|[A-Za-z])/g;
  let at = 0;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    text(code.slice(at, m.index));
    at = re.lastIndex;
    const k = m[1];
    if (k === "&") text("&");
    else if (k === "A") text(names.sheet);
    else if (k === "F") text(names.file);
    else if (k === "D") text(new Date().toISOString().slice(0, 10));
    else if (k === "P") out.push({ counter: "page" });
    else if (k === "N") out.push({ counter: "pages" });
    // &"font", &12 size, &B &I &U … styles, &G picture, &Z path: nothing on paper
  }
  text(code.slice(at));
  return out;
}

/** A footer part without its page counters (where the browser cannot number pages). */
export const footerPlain = (pieces: FooterPiece[]): string =>
  pieces.some((p) => typeof p !== "string") ? "" : pieces.join("").trim();

const cssString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\A ")}"`;

/** A footer part as the CSS `content` of a page-margin box. */
export const footerCss = (pieces: FooterPiece[]): string =>
  pieces.length
    ? pieces.map((p) => (typeof p === "string" ? cssString(p) : `counter(${p.counter})`)).join(" ")
    : '""';

/** Whether the browser draws @page margin boxes (Chromium 131+): the footer then numbers pages. */
export const hasMarginBoxes = (): boolean =>
  typeof (globalThis as { CSSMarginRule?: unknown }).CSSMarginRule === "function";

const inch = (x: number) => `${x}in`;
const argb = (c: string) => `#${c.slice(2)}`;
/** Height of a line of body text, in em: a row of `lines` lines is at least this many tall. */
const LINE_EM = 1.3;

/** The print view's style: A4 as the sheet's set-up says, text ≥ 9 pt, the pane hidden on paper. */
function printCss(spec: SheetSpec, footer: FooterPiece[][] | null): string {
  const p = spec.print;
  const m = PRINT_MARGINS;
  const size = `A4 ${p?.orientation ?? (spec.portrait || spec.onePage ? "portrait" : "landscape")}`;
  const boxes = footer
    ? ["bottom-left", "bottom-center", "bottom-right"]
        .map(
          (box, i) =>
            `@${box} { content: ${footerCss(footer[i] ?? [])}; font: 9pt ${FONTS}; color: #404040; }`
        )
        .join("\n")
    : "";
  const r = `.${PRINT_ROOT_CLASS}`;
  return `
@media screen { ${r} { display: none !important; } }
@page { size: ${size}; margin: ${inch(m.top)} ${inch(m.right)} ${inch(m.bottom)} ${inch(m.left)};
${boxes}
}
@media print {
  html, body { height: auto !important; background: #fff !important; }
  body > :not(${r}) { display: none !important; }
  ${r} { display: block; color: #000; background: #fff; font: 9.5pt/${LINE_EM} ${FONTS};
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
${r} h1 { font-size: 14pt; font-weight: bold; color: #1f4e79; margin: 0 0 2pt; line-height: 1.3; }
${r} .sub { font-size: 9pt; color: #595959; margin: 0 0 3pt; }
${r} table { width: 100%; table-layout: fixed; border-collapse: collapse; }
${r} td, ${r} th { padding: 1pt 4pt; vertical-align: top; text-align: left; font-weight: normal;
  overflow-wrap: anywhere; white-space: pre-wrap; }
${r} tr { break-inside: avoid; }
${r} .cap { font-size: 10.5pt; font-weight: bold; padding-top: 3pt; }
${r} thead th, ${r} .head th { border-bottom: 0.75pt solid #8ea9db; background: #ddebf7; }
${r} .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
${r} .gap { padding-left: 10pt; }
${r} .label { color: #404040; }
${r} .b { font-weight: bold; }
${r} .foot { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: 12pt;
  justify-content: space-between; font-size: 9pt; color: #404040; }
`;
}

const FONTS =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimSun", sans-serif';

/** Colours of a highlighted cell, as the sheet fills it. */
function tone(
  c: SpecCell | undefined,
  row?: SpecCell["highlight"] | null
): React.CSSProperties | undefined {
  const hl = c?.highlight ?? row ?? undefined;
  return hl ? { background: argb(HIGHLIGHT[hl].fill), color: argb(HIGHLIGHT[hl].font) } : undefined;
}

function Cell(props: {
  c: SpecCell | undefined;
  format?: Format;
  /** set in from the left: a right-aligned figure is to its left */
  gap?: boolean;
  span?: number;
  rowTone?: SpecCell["highlight"] | null;
  height?: string;
}) {
  const { c } = props;
  const cls = [isRight(c) ? "num" : "", props.gap ? "gap" : "", c?.bold ? "b" : ""]
    .filter(Boolean)
    .join(" ");
  const style = { ...tone(c, props.rowTone), ...(props.height ? { height: props.height } : {}) };
  return (
    <td
      className={cls || undefined}
      colSpan={props.span && props.span > 1 ? props.span : undefined}
      style={Object.keys(style).length ? style : undefined}
    >
      {isLink(c?.v) ? c.v.text : cellText(c, props.format)}
    </td>
  );
}

function Cols(props: { widths: number[] }) {
  const total = props.widths.reduce((a, w) => a + columnPx(w), 0) || 1;
  return (
    <colgroup>
      {props.widths.map((w, i) => (
        <col key={i} style={{ width: `${((columnPx(w) / total) * 100).toFixed(3)}%` }} />
      ))}
    </colgroup>
  );
}

function Caption(props: { text?: string; span: number }) {
  return props.text ? (
    <tr>
      <th colSpan={props.span} className="cap">
        {props.text}
      </th>
    </tr>
  ) : null;
}

function TableView(props: { b: TableBlock; widths: number[]; repeatHeader: boolean }) {
  const { b, widths } = props;
  const n = widths.length;
  const head = (
    <tr className="head">
      {b.columns.map((c, j) => (
        <th key={j} className={alignsRight(c.format) ? "num" : undefined}>
          {c.header}
        </th>
      ))}
      {n > b.columns.length ? <th colSpan={n - b.columns.length} /> : null}
    </tr>
  );
  return (
    <table>
      <Cols widths={widths} />
      {b.caption ? (
        <tbody>
          <Caption text={b.caption} span={n} />
        </tbody>
      ) : null}
      {/* a header in <thead> is repeated on every page the table runs over */}
      {props.repeatHeader ? <thead>{head}</thead> : null}
      <tbody>
        {props.repeatHeader ? null : head}
        {b.rows.map((r, i) => (
          <tr key={i}>
            {b.columns.map((col, j) => (
              <Cell
                key={j}
                c={r[j]}
                format={col.format}
                gap={indentsAfter(b.columns[j - 1]?.format, col.format) && !isRight(r[j])}
                rowTone={b.rowHighlight?.[i]}
              />
            ))}
            {n > b.columns.length ? <td colSpan={n - b.columns.length} /> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KeyValueView(props: { b: KeyValueBlock; widths: number[] }) {
  const { b, widths } = props;
  const n = Math.max(widths.length, 2);
  const height = b.lines && b.lines > 1 ? `${(b.lines * LINE_EM).toFixed(2)}em` : undefined;
  return (
    <table>
      <Cols widths={widths} />
      <tbody>
        <Caption text={b.caption} span={n} />
        {b.rows.map(([label, value, extra], i) => {
          const last = lastCellColumn([label, value, extra]);
          // stretched: the last cell spans to the sheet's last column; else each in its column
          const spanOf = (col: number) => (b.stretch && col === last ? n - col : 1);
          const used = 1 + spanOf(1) + (extra ? spanOf(2) : 0);
          return (
            <tr key={i}>
              <td className="label" style={height ? { height } : undefined}>
                {label}
              </td>
              <Cell c={value} span={spanOf(1)} />
              {extra ? (
                <Cell
                  c={extra}
                  span={spanOf(2)}
                  gap={indentsAfter(cellFormat(value), cellFormat(extra)) && !isRight(extra)}
                />
              ) : null}
              {used < n ? <td colSpan={n - used} /> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The first and last sheet row a block takes (its caption above it included). */
const rowsOf = (b: Block): [number, number] => [
  b.row - (b.caption ? 1 : 0),
  b.kind === "table" ? b.row + b.rows.length : b.row + b.rows.length - 1,
];

/** The sheet as it prints, for the browser's print; `fileName`: the workbook's, for the footer. */
export function SheetPrintView(props: { spec: SheetSpec; fileName: string }) {
  const { spec } = props;
  const first = spec.blocks.find((b): b is TableBlock => b.kind === "table");
  const widths = spec.widths ?? first?.columns.map((c) => c.width) ?? [];
  const parts = (spec.print?.footer ?? ["&A · &F", "", ""]).map((f) =>
    footerPieces(f, { sheet: spec.name, file: props.fileName })
  );
  const boxes = hasMarginBoxes();
  let previous = 2; // the subtitle's row
  return (
    <div
      className={PRINT_ROOT_CLASS}
      data-testid="print-view"
      data-sheet={spec.name}
      lang={/[\u4e00-\u9fff]/.test(spec.title) ? "zh-CN" : undefined}
    >
      <style>{printCss(spec, boxes ? parts : null)}</style>
      <h1>{spec.title}</h1>
      <p className="sub">{spec.subtitle}</p>
      {spec.blocks.map((b, i) => {
        const [from, to] = rowsOf(b);
        // the sheet's blank rows between blocks, as a little space
        const blank = Math.max(0, from - previous - 1);
        previous = to;
        return (
          <div key={i} style={blank ? { marginTop: `${(blank * 0.5).toFixed(1)}em` } : undefined}>
            {b.kind === "table" ? (
              <TableView b={b} widths={widths} repeatHeader={spec.print?.repeatRow === b.row} />
            ) : (
              <KeyValueView b={b} widths={widths} />
            )}
          </div>
        );
      })}
      {/* without page-margin boxes: the footer's parts that need no page number, at each page's foot */}
      {boxes ? null : (
        <div className="foot" data-testid="print-footer">
          {parts.map((p, i) => (
            <span key={i}>{footerPlain(p)}</span>
          ))}
        </div>
      )}
    </div>
  );
}

/** The print view in the page's body, beside the pane (which printing hides). */
export function PrintPortal(props: { spec: SheetSpec; fileName: string }) {
  return createPortal(<SheetPrintView {...props} />, document.body);
}
