// The parameters a run uses: the contract defaults, then the workbook's 规则参数 sheet, then the
// overrides (the pane's form, the command line's --params), then --as-of.
import type { AuditOptions } from "./audit";
import { AuditFailure } from "./audit-failure";
import { ParamError, Params, resolve } from "./params";
import { validateParams } from "./param-text";
import { readParamsTable } from "./param-sheet";
import { RawTable } from "./table";

/** Resolves the parameters in force: contract defaults < 规则参数 sheet < overrides < --as-of. */
export function resolveParams(
  paramsTable: RawTable | null,
  options: Pick<AuditOptions, "params" | "asOf">
): Params {
  const errors: ParamError[] = [];
  let values: Record<string, unknown> = {};
  let where = new Map();
  if (paramsTable) {
    const r = readParamsTable(paramsTable);
    errors.push(...r.errors);
    values = r.values;
    where = r.where;
  }
  for (const [k, v] of Object.entries(options.params ?? {})) {
    values[k] = v;
    where.delete(k);
  }
  const asOfBefore = values["evaluation.asOf"];
  if (options.asOf !== undefined) {
    values["evaluation.asOf"] = options.asOf;
    where.delete("evaluation.asOf");
  }
  if (!errors.length) {
    const r = validateParams(values, where);
    if (r.ok) {
      // an as-of date equal to the one in force anyway (service.end by default) changes nothing:
      // the parameters stay as they were, so no change is recorded
      if (options.asOf !== undefined) {
        const before = validateParams({ ...values, "evaluation.asOf": asOfBefore }, where);
        if (before.ok && resolve(before.params).asOf === resolve(r.params).asOf)
          return before.params;
      }
      return r.params;
    }
    errors.push(...r.errors);
  }
  const first = errors[0];
  const at = (e: ParamError) => (e.sheet ? `（${e.sheet}!${e.cell}）` : "");
  // a 规则参数 sheet full of garbage gives one error a row: the message names the first few, the
  // pane and 校验问题-style lists get them all (paramErrors)
  const SHOWN = 5;
  const shown = errors.slice(0, SHOWN);
  const more = errors.length - shown.length;
  throw new AuditFailure(
    "invalid-params",
    `参数无效，未进行计算：${shown.map((e) => `${e.message}${at(e)}`).join("；")}${more ? `；另有 ${more} 项` : ""}`,
    `invalid parameters, nothing computed: ${shown.map((e) => `${e.messageEn}${e.sheet ? ` (${e.sheet}!${e.cell})` : ""}`).join("; ")}${more ? `; ${more} more` : ""}`,
    errors.length ? errors : [first]
  );
}
