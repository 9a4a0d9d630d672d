// What every rule file shares: its shape, "is the data there", KPI rows, exact rate comparison.
import { ParamKey, Params } from "../params";
import { ClippedPeriod } from "../periods";
import { Rec, cellOf } from "../read";
import { ColumnKey, SHEET_BY_KEY, SheetKey } from "../sheets";
import { Context, Evidence, Kpi, RuleOutput, Status } from "../model";
import { Cents, toCents } from "../money";
import { cellAddress } from "../table";

/** Columns of one sheet a rule reads: a column the sheet does not define does not compile. */
export type Need = { [S in SheetKey]: { sheet: S; columns: ColumnKey<S>[] } }[SheetKey];

export interface Rule {
  id: string;
  /** 指标 / check name */
  zh: string;
  en: string;
  /** sheets and columns it cannot do without */
  needs: Need[];
  /** the columns it needs under these parameters, when fewer than `needs` (R3 without recordings) */
  needsUnder?(p: Params): Need[];
  evaluate(ctx: Context): RuleOutput;
}

/** Why a rule cannot be evaluated (a missing sheet or column), or null when it can. */
export function missingReason(ctx: Context, needs: Need[]): { zh: string; en: string } | null {
  for (const n of needs) {
    const def = SHEET_BY_KEY[n.sheet];
    const s = ctx.sheets[n.sheet];
    if (!s) return { zh: `未找到工作表“${def.zh}”`, en: `sheet ${def.zh} (${def.en}) not found` };
    const absent = (n.columns as string[]).filter((c) => !s.columns.has(c));
    if (absent.length) {
      const names = absent.map((c) => def.columns.find((d) => d.key === c)!);
      return {
        zh: `工作表“${s.name}”缺少列 ${names.map((c) => c.zh).join("、")}`,
        en: `sheet "${s.name}" lacks column ${names.map((c) => `${c.zh} (${c.en})`).join(", ")}`,
      };
    }
  }
  return null;
}

export function unitCents(ctx: Context, key: ParamKey): Cents {
  return toCents(ctx.p[key] as number) ?? 0;
}

/** numerator ÷ denominator ≥ threshold, exactly (no floating-point fuzz). */
export function rateAtLeast(numerator: number, denominator: number, threshold: number): boolean {
  const scale = 1_000_000_000;
  const t = Math.round(threshold * scale);
  return BigInt(numerator) * BigInt(scale) >= BigInt(t) * BigInt(denominator);
}

/** numerator ÷ denominator < limit, exactly. */
export function rateBelow(numerator: number, denominator: number, limit: number): boolean {
  return !rateAtLeast(numerator, denominator, limit);
}

export interface KpiInit {
  ruleId: string;
  period: string;
  subject?: string | null;
  evalDay: number;
  status: Status;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  target?: number | null;
  valueKind?: Kpi["valueKind"];
  occurrences?: number;
  unit?: Cents;
  /** a fixed deduction (R10); otherwise occurrences × unit */
  deduction?: Cents;
  leftOut?: number;
  note?: string;
  noteEn?: string;
  evidence?: Evidence[];
}

export function makeKpi(k: KpiInit): Kpi {
  const occurrences = k.status === "fail" ? (k.occurrences ?? 1) : 0;
  const unit = k.unit ?? 0;
  return {
    ruleId: k.ruleId,
    period: k.period,
    subject: k.subject ?? null,
    numerator: k.numerator ?? null,
    denominator: k.denominator ?? null,
    value: k.value ?? null,
    target: k.target ?? null,
    valueKind: k.valueKind ?? "none",
    status: k.status,
    occurrences,
    unit,
    deduction: k.status === "fail" ? (k.deduction ?? occurrences * unit) : 0,
    evalDay: k.evalDay,
    leftOut: k.leftOut ?? 0,
    note: k.note ?? "",
    noteEn: k.noteEn ?? "",
    evidence: k.evidence ?? [],
  };
}

/** One `na` (or `pending`) row per period, with the reason a rule cannot be evaluated. */
export function naRows(
  ruleId: string,
  periods: ClippedPeriod[],
  ctx: Context,
  reason: { zh: string; en: string },
  unit: Cents
): Kpi[] {
  return periods.map((p) =>
    makeKpi({
      ruleId,
      period: p.key,
      evalDay: p.end,
      status: p.end <= ctx.asOf ? "na" : "pending",
      unit,
      note: reason.zh,
      noteEn: reason.en,
    })
  );
}

/**
 * Evidence pointing at a record's cell in column `labelKey` (its row's first cell when the sheet
 * lacks that column), labelled by that cell's value unless `label` says otherwise.
 */
export function evidenceOf<T>(
  ctx: Context,
  sheet: SheetKey,
  rec: Rec<T>,
  labelKey: keyof T & string,
  label?: string
): Evidence {
  const at = cellOf(rec, labelKey);
  const text = label ?? String(rec.v[labelKey] ?? "");
  return {
    sheet: rec.src.name,
    row: rec.row,
    cell: at?.cell ?? cellAddress(rec.row, 1),
    label: text || `第${rec.row}行`,
  };
}

/** Records usable for a rule: none of the needed columns unreadable. */
export function usable<T>(
  recs: Rec<T>[],
  columns: (keyof T & string)[]
): { ok: readonly Rec<T>[]; leftOut: readonly Rec<T>[] } {
  // commonly no row is left out: the records themselves, not a copy of 110,000 of them per rule
  // and per reading
  if (!recs.some((r) => r.bad.size > 0 && columns.some((c) => r.bad.has(c))))
    return { ok: recs, leftOut: [] };
  const ok: Rec<T>[] = [];
  const leftOut: Rec<T>[] = [];
  for (const r of recs) {
    if (r.bad.size && columns.some((c) => r.bad.has(c))) leftOut.push(r);
    else ok.push(r);
  }
  return { ok, leftOut };
}

/** The unreadable cells that left these rows out, for a note: `质检!C59、质检!C60`. */
export function badCells<T>(
  ctx: Context,
  sheet: SheetKey,
  recs: Rec<T>[],
  columns: (keyof T & string)[]
): string {
  const s = ctx.sheets[sheet];
  if (!s) return "";
  const cells: string[] = [];
  for (const r of recs)
    for (const c of columns)
      if (r.bad.has(c)) {
        const at = cellOf(r, c);
        if (at) cells.push(`${at.sheet}!${at.cell}`);
      }
  return cells.slice(0, 5).join("、") + (cells.length > 5 ? ` 等 ${cells.length} 处` : "");
}

export const MAX_EVIDENCE = 200;

export function pct(n: number, d: number): string {
  return d === 0 ? "—" : `${((n / d) * 100).toFixed(2)}%`;
}
