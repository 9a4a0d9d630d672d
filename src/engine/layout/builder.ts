// The pieces every result sheet is laid out with: a builder that stacks tables and key-value
// blocks down a sheet, columns, and amounts in yuan.
import {
  Block,
  ColumnSpec,
  Format,
  Highlight,
  KeyValueBlock,
  SpecCell,
  TableBlock,
  n,
  t,
} from "./spec";

export class Builder {
  row = 4;
  blocks: Block[] = [];

  /** `gap`: blank rows between blocks (one on the page that must fit on one sheet of paper) */
  constructor(
    private readonly none: string,
    private readonly gap = 2
  ) {}

  table(
    name: string,
    columns: ColumnSpec[],
    rows: SpecCell[][],
    opts: { caption?: string; rowHighlight?: (Highlight | null)[]; dataBarColumn?: number } = {}
  ): TableBlock {
    if (opts.caption) this.row += 1; // caption line above the header
    // an Excel table needs at least one data row
    const body = rows.length ? rows : [[t(this.none)]];
    const b: TableBlock = { kind: "table", row: this.row, name, columns, rows: body, ...opts };
    this.blocks.push(b);
    this.row += body.length + 1 + this.gap; // header + rows + the blank rows
    return b;
  }

  keyValue(
    rows: KeyValueBlock["rows"],
    caption?: string,
    opts: { stretch?: boolean; lines?: number; gap?: number } = {}
  ): KeyValueBlock {
    if (caption) this.row += 1;
    const { gap = this.gap, ...shape } = opts;
    const b: KeyValueBlock = { kind: "keyValue", row: this.row, rows, caption, ...shape };
    this.blocks.push(b);
    this.row += rows.length + gap;
    return b;
  }
}

export const col = (header: string, format: Format, width: number): ColumnSpec => ({
  header,
  format,
  width,
});
export const money = (c: number | null | undefined) =>
  n(c === null || c === undefined ? null : c / 100, "money");
