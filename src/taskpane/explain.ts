// What the pane says of an error: the message written for the user where there is one (the
// engine's, the adapters', Excel's explained codes), otherwise one line and a report to copy.
// A library's or the runtime's message is never shown: it can quote a cell.
import { ENGINE_VERSION } from "../engine/audit";
import { UserError, faultLine, faultReport } from "../fault";
import type { UiLang } from "./i18n";
import { EngineFailure } from "./engine/client";

export interface Explained {
  message: string;
  /** for an unexpected error: the report to copy (no workbook data) */
  report?: string;
}

export function explainError(e: unknown, lang: UiLang, where: string): Explained {
  if (e instanceof EngineFailure)
    return { message: lang === "zh" ? e.messageZh : e.messageEn, report: e.report ?? undefined };
  if (e instanceof UserError) return { message: e.message };
  const r = faultReport(e, where, ENGINE_VERSION);
  return { message: faultLine(r.code, "pane"), report: r.text };
}
