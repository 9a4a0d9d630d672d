// What a missing input costs: the rules that need each sheet (the pane's sheet list, the
// "未找到工作表…：R8、C10 不予评价" issue, the summary's `costs`), and one warning per column a
// rule needs that a present sheet lacks.
import { Context } from "../model";
import { ReadSheet } from "../read";
import { PAYMENT_CHECKS } from "../settle";
import { SHEETS, SheetKey } from "../sheets";
import { RULES } from "./index";

const COSTS: Record<SheetKey, string[]> = Object.fromEntries(
  SHEETS.map((s) => [s.key, [] as string[]])
) as unknown as Record<SheetKey, string[]>;
for (const r of RULES)
  for (const n of r.needs) if (!COSTS[n.sheet].includes(r.id)) COSTS[n.sheet].push(r.id);
COSTS.payments.push("付款");

/** The rules that need a sheet (for "培训 not found: R8 and C10 will not be evaluated"). */
export function rulesNeeding(sheet: SheetKey): string[] {
  return COSTS[sheet];
}

/** One warning per column a rule needs that a present sheet lacks (required ones are already errors). */
export function warnMissingColumns(ctx: Context): void {
  const byColumn = new Map<string, { sheet: ReadSheet; key: string; rules: string[] }>();
  const checks = [
    ...RULES.map((r) => ({
      id: r.id,
      needs: r.needsUnder?.(ctx.p) ?? r.needs,
    })),
    ...Object.entries(PAYMENT_CHECKS).map(([id, columns]) => ({
      id: id === "lateFee" ? "逾期违约金" : id,
      needs: [{ sheet: "payments" as const, columns: [...columns] }],
    })),
  ];
  for (const rule of checks)
    for (const need of rule.needs) {
      const sheet = ctx.sheets[need.sheet];
      if (!sheet) continue;
      for (const key of need.columns) {
        if (sheet.columns.has(key)) continue;
        const id = `${need.sheet}|${key}`;
        const entry = byColumn.get(id) ?? { sheet, key, rules: [] as string[] };
        if (!entry.rules.includes(rule.id)) entry.rules.push(rule.id);
        byColumn.set(id, entry);
      }
    }
  for (const { sheet, key, rules } of byColumn.values()) {
    const def = sheet.def.columns.find((c) => c.key === key)!;
    if (def.required) continue;
    ctx.issues.add({
      sheet: sheet.name,
      row: sheet.headerRow,
      column: def.zh,
      cell: null,
      code: "missing-optional-column",
      message: `工作表“${sheet.name}”缺少列“${def.zh}”（${def.en}）：${rules.join("、")} 不予评价`,
      messageEn: `sheet "${sheet.name}" has no column ${def.zh} (${def.en}): ${rules.join(", ")} will not be evaluated`,
    });
  }
}
