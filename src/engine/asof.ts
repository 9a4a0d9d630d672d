// The as-of view: a run knows nothing after the end of evaluation.asOf. Rows dated after it
// are left out; event times after it read as blank (not yet happened). Deadlines and
// publication dates are kept as written.
import { Context } from "./model";
import { ReadSheet, Rec } from "./read";
import { ColumnKey, RecordOf, SheetKey } from "./sheets";

interface AsOfSpec<K extends SheetKey> {
  /** the row is left out when this column is after asOf */
  rowDate?: ColumnKey<K>;
  /** these columns read as blank when after asOf */
  events: ColumnKey<K>[];
  /** datetime (seconds) or date (days) */
  unit: "seconds" | "days";
}

const SPECS: { [K in SheetKey]?: AsOfSpec<K> } = {
  tickets: {
    rowDate: "received_at",
    events: ["signed_at", "forwarded_at", "feedback_at", "closed_at", "callback_at"],
    unit: "seconds",
  },
  staff: { rowDate: "start_date", events: ["end_date", "pretraining_date"], unit: "days" },
  roster: { rowDate: "start_at", events: [], unit: "seconds" },
  trainings: { rowDate: "date", events: [], unit: "days" },
  qa: { rowDate: "date", events: [], unit: "days" },
  complaints: { rowDate: "date", events: [], unit: "days" },
  incidents: { rowDate: "date", events: [], unit: "days" },
  replacements: { rowDate: "notice_on", events: ["filled_on"], unit: "days" },
  reports: { events: ["submitted_on"], unit: "days" },
  policies: { events: ["established_on"], unit: "days" },
  payments: { events: ["invoice_on", "guarantee_on", "paid_on"], unit: "days" },
};

export function applyAsOf<K extends SheetKey>(
  key: K,
  sheet: ReadSheet<RecordOf<K>>,
  ctx: Context
): Rec<RecordOf<K>>[] {
  const spec = SPECS[key] as AsOfSpec<SheetKey> | undefined;
  if (!spec) return sheet.records;
  const limit = spec.unit === "seconds" ? ctx.asOfEnd : ctx.asOf;
  const out: Rec<RecordOf<K>>[] = [];
  for (const rec of sheet.records) {
    // the spec's columns are dates or datetimes: numbers or null
    const v = rec.v as Record<string, number | null>;
    if (
      spec.rowDate &&
      v[spec.rowDate] !== null &&
      v[spec.rowDate] !== undefined &&
      v[spec.rowDate]! > limit
    )
      continue;
    let copy: Record<string, unknown> | null = null;
    for (const e of spec.events) {
      const x = v[e];
      if (x !== null && x !== undefined && x > limit) {
        copy ??= { ...v };
        copy[e] = null;
      }
    }
    out.push(copy ? { ...rec, v: copy as RecordOf<K> } : rec);
  }
  return out;
}
