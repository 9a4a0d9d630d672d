// What a user sees when something goes wrong that is not the workbook's fault: never a stack trace,
// never a library's message (which can quote a cell), but one line in her words and a short report
// she can hand to the developers. The report names the error's kind, where in the code it arose
// and the program's version; it quotes no cell, so no caller number or citizen text can reach it.

/** An error whose message was written for the user (Chinese / English), shown as it is. */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UserError";
  }
}

export interface FaultReport {
  /** a short code that is the same for the same bug (E-1A2B3C), for the user to quote */
  code: string;
  /** the report to copy: version, where, the error's kind and its stack, without data */
  text: string;
}

/**
 * A library's or the runtime's message with everything that could be data taken out: quoted
 * text, numbers of more than two digits, and anything after the first 120 characters.
 */
export function scrubMessage(message: string): string {
  return message
    .replace(/(["'“‘`«])[^"'”’`»]*(["'”’`»])/g, "$1…$2")
    .replace(/\d{3,}/g, "#")
    .slice(0, 120);
}

/** `at fn (file:///…/src/engine/read.ts:12:5)` → `fn (read.ts:12:5)`: names of code, not of folders. */
function frames(stack: string | undefined): string[] {
  if (!stack) return [];
  const out: string[] = [];
  for (const line of stack.split("\n")) {
    const m = /^\s*at (?:(.+?) \()?(.*?):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!m) continue;
    const file = m[2].split(/[\\/]/).pop() ?? "";
    out.push(`${m[1] ? `${m[1]} ` : ""}(${file}:${m[3]}:${m[4]})`);
    if (out.length === 12) break;
  }
  return out;
}

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, "0").slice(0, 6);
}

/** The report of an unexpected error, for the user to copy and send. */
export function faultReport(e: unknown, where: string, version: string): FaultReport {
  const err = e instanceof Error ? e : null;
  const kind = err ? err.name || "Error" : typeof e;
  const officeCode = (e as { code?: unknown } | null)?.code;
  const at = frames(err?.stack);
  const code = `E-${fnv(`${kind}|${at[0] ?? ""}`)}`;
  const lines = [
    `接诉即办合同考核 · 内部错误报告 / internal error report`,
    `编号 code: ${code}`,
    `版本 version: ${version}`,
    `环节 where: ${where}`,
    `错误 error: ${kind}${typeof officeCode === "string" ? ` [${officeCode}]` : ""}: ${scrubMessage(err?.message ?? String(e))}`,
    ...(at.length ? ["位置 at:", ...at.map((f) => `  ${f}`)] : []),
    `（报告不含工作簿中的任何数据 / the report holds no data from the workbook）`,
  ];
  return { code, text: lines.join("\n") };
}

/** One line for an unexpected error: what happened to her work, and what to do. */
export function faultLine(code: string, how: "cli" | "pane"): string {
  return how === "cli"
    ? `内部错误（编号 ${code}）：核查未完成，未写入任何文件，输入工作簿未改动。请加 --debug 重新运行，把输出的报告发给开发人员。/ internal error (${code}): nothing was written and the input is unchanged. Run again with --debug and send the report it prints to the developers.`
    : `内部错误（编号 ${code}）：操作未完成。请点“复制报告”，把报告发给开发人员。/ internal error (${code}): the operation did not finish. Click "Copy report" and send it to the developers.`;
}
