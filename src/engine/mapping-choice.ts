// What the user decides in the pane's 列映射 step, and the 列映射 rows it gives. The step starts
// from the product's suggestions (initialChoice); the user changes sheets, headers and value
// targets; confirming writes choiceRows as the workbook's 列映射, read by every later run, by an
// auditor and by the command line alike. Pure data: the pane renders it, tests check it.
import { SHEET_FIELD } from "./mapping";
import type { FieldPlan, InputPlan, MappingPlan } from "./suggest";
import type { SheetKey } from "./sheets";

export interface FieldChoice {
  key: string;
  /** the source header, `|` between several; "" = none chosen */
  header: string;
  /** the 值映射 text kept as it is (a map in force, a suggested one) */
  values: string;
  /** a target for each value the column cannot read ("" = leave it unread) */
  targets: Record<string, string>;
}

export interface InputChoice {
  key: SheetKey;
  sheets: string[];
  fields: FieldChoice[];
}

export type MappingChoice = InputChoice[];

/** The note written beside a row the user confirmed in the pane. */
export const CONFIRMED_NOTE = "已在任务窗格核对";

function fieldStart(f: FieldPlan): FieldChoice {
  const targets: Record<string, string> = {};
  for (const u of f.unreadable) targets[u.value] = u.target ?? "";
  if (f.suggestion)
    return { key: f.key, header: f.suggestion.header, values: f.suggestion.values ?? "", targets };
  return {
    key: f.key,
    header: f.header ?? "",
    values: f.values || f.valuesSuggestion || "",
    targets,
  };
}

/** The step's starting point: what was found, and each suggestion taken as offered. */
export function initialChoice(plan: MappingPlan): MappingChoice {
  return plan.inputs.map((i) => ({
    key: i.key,
    sheets: [...i.sheets],
    fields: i.fields.map(fieldStart),
  }));
}

/** The 值映射 text of a field choice: the kept text, then each unread value given a target. */
export function choiceValues(f: FieldChoice): string {
  const given = Object.entries(f.targets)
    .filter(([, t]) => t !== "")
    .map(([v, t]) => `${v === "" ? "空" : v}=${t}`);
  return [f.values, ...given].filter(Boolean).join("；");
}

/** True when the choice needs no row: the field found by its own header, unchanged, no value map. */
function asFound(p: FieldPlan, f: FieldChoice): boolean {
  return p.how !== "map" && p.header === f.header && choiceValues(f) === "";
}

/**
 * The 列映射 rows of a choice: a (工作表) row for an input whose sheets are not found by name, a
 * row for each field not found by its own header or given a value map, and a row with a blank
 * 来源 for a suggestion turned down (so that it is not offered again). Rows of a confirmed choice
 * carry no 待核对 mark; a suggestion taken keeps its reason in 说明 for the auditor.
 */
export function choiceRows(plan: MappingPlan, choice: MappingChoice): string[][] {
  const rows: string[][] = [];
  for (const c of choice) {
    const p: InputPlan | undefined = plan.inputs.find((i) => i.key === c.key);
    if (!p) continue;
    const sameSheets = c.sheets.join("\n") === p.sheets.join("\n");
    if (c.sheets.length && !(p.sheetsHow === "name" && sameSheets))
      rows.push([p.zh, SHEET_FIELD, c.sheets.join("；"), "", CONFIRMED_NOTE]);
    for (const f of c.fields) {
      const fp = p.fields.find((x) => x.key === f.key);
      if (!fp || asFound(fp, f)) continue;
      if (f.header === "") {
        // a suggestion or a found header turned down: the data has no such column
        if (fp.suggestion || fp.header)
          rows.push([p.zh, fp.zh, "", "", `${CONFIRMED_NOTE}：数据中无此列`]);
        continue;
      }
      const why =
        fp.suggestion && fp.suggestion.header === f.header
          ? `：${fp.suggestion.reason}`
          : fp.valuesSuggestion && f.values === fp.valuesSuggestion
            ? "：1 为是、空为否"
            : "";
      rows.push([p.zh, fp.zh, f.header, choiceValues(f), `${CONFIRMED_NOTE}${why}`]);
    }
  }
  return rows;
}
