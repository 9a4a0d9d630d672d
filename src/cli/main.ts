// The command line: npm run --silent audit -- IN.xlsx [--out OUT.xlsx] [--json FILE]
//                   [--as-of YYYY-MM-DD] [--params FILE.json] [--lang zh|en]
// Exit codes: 0 the audit ran (findings are not failures); 1 the workbook cannot be audited;
// 2 usage errors or an unreadable file. No stack trace ever reaches the user.
import { existsSync, readFileSync } from "fs";
import path from "path";
import { AuditFailure, AuditResult, ENGINE_VERSION, audit } from "../engine/audit";
import { shiftContractYear } from "../engine/contract-year";
import { faultLine, faultReport, scrubMessage } from "../fault";
import { nodeCodec, useNodeHash } from "./node";
import { layoutResults, Lang } from "../engine/layout";
import { formatYuan } from "../engine/money";
import { PARAM_KEYS, ParamKey, resolve } from "../engine/params";
import { coerceParam, validateParams } from "../engine/param-text";
import { DEDUCTION_RULES, RULE_TITLES } from "../engine/rules";
import { resolveParams } from "../engine/resolve-params";
import { ruleTotals, toSummaryJson } from "../engine/summary";
import { MappingPlan, planRows, suggestMapping } from "../engine/suggest";
import { mappingSheetSpec } from "../engine/layout/own";
import { paramsSheetSpec } from "../engine/param-sheet";
import { isParamsSheetName, isResultSheetName } from "../engine/read";
import { readingLines } from "../engine/layout/readings";
import { VerifyResult, verifyInputs } from "../engine/verify";
import { beijingText, parseIsoDay } from "../engine/time";
import { FileUnreadable } from "../file/errors";
import {
  FileProblem,
  FileRole,
  checkDistinct,
  checkWritable,
  readInputFile,
  writeAtomically,
} from "./files";

export { explainWriteError } from "./files";
import { XlsxWorkbook } from "../file/workbook-file";
import { MAX_CELL_XFS } from "../file/styles";
import { auditedBaseName } from "../file/output-name";

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** the folder relative paths are read from (default: where npm was started, INIT_CWD, else cwd) */
  cwd?: string;
}

const USAGE = `用法 usage: npm run --silent audit -- 输入.xlsx [--out 输出.xlsx] [--json 摘要.json] [--as-of YYYY-MM-DD] [--params 参数.json] [--lang zh|en] [--verify] [--no-readings] [--kpi-open-only] [--debug]
  --out     写出带九张结果表的副本（默认：<输入>-2026年度核查.xlsx，按所核合同年度）/ audited copy
            (default <input>-2026年度核查.xlsx, the contract year checked)
  --json    写出机器可读摘要 / write the summary JSON
  --as-of   评价截止日，覆盖 evaluation.asOf / evaluate up to this date
  --params  参数 JSON 文件，覆盖工作簿“规则参数”表 / parameter overrides, e.g. {"r2.threshold": "85%"}
  --lang    结果表语言（默认 zh）/ result sheet language
  --verify  只核对：输入表自上次核查（“运行记录”中的指纹）后是否改动，不写文件 / only check whether the
            inputs changed since the results were written (退出码 0 未改动 unchanged · 1 已改动或未核查过 changed or never audited)
  --no-readings  不计算口径对比（快速核查）/ skip the readings (RULES.md §5) for a quick run
  --kpi-open-only  “KPI明细”筛选为只显示（和打印）未达标与待定行，在 Excel 中清除筛选即见全部 / KPI明细
            filtered to its failing and pending rows (shown and printed so); clear the filter in Excel to see all
  --suggest-mapping  只列出各输入表与列的识别结果和“列映射”建议，不核查（配合 --json 写出 JSON）/ only print
            what each input and column is matched to and what a 列映射 would add; no audit
  --write-mapping    写出带预填“列映射”表的副本（默认 <输入>-列映射.xlsx），在 Excel 中核对后再核查 / write a copy
            with a pre-filled 列映射 sheet marked 待核对, to check in Excel before the audit
  --contract-year YYYY  换到另一个合同年度：所有日期参数按整年移动（2 月 29 日→28 日），写入副本的“规则参数”表后核查 /
            move every date parameter to the contract year YYYY (saved in the copy's 规则参数), then audit
  --baseline-rank N    与 --contract-year 一起：新年度的 R10 基准排名（前三年平均名次）/ with --contract-year:
            the new year's R10 baseline rank (the previous three years' average)
            参数文件中写 {"newContractYear": 2026, "r10.baselineRank": 24} 效果相同 / the same from a params file
  --debug   出错时另外打印供开发人员排查的报告（不含工作簿数据）/ on an error, also print a report for the developers (no workbook data)
退出码 exit codes: 0 已核查 audited · 1 无法核查 cannot audit · 2 用法或文件错误 usage or unreadable file`;

interface Args {
  input: string;
  out?: string;
  json?: string;
  asOf?: string;
  params?: string;
  lang: Lang;
  verify: boolean;
  debug: boolean;
  readings: boolean;
  /** KPI明细 filtered to its failing and pending rows */
  kpiOpenOnly: boolean;
  suggestMapping: boolean;
  writeMapping: boolean;
  contractYear?: number;
  baselineRank?: number;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args | "help" {
  const args: Partial<Args> = {
    lang: "zh",
    verify: false,
    debug: false,
    readings: true,
    kpiOpenOnly: false,
    suggestMapping: false,
    writeMapping: false,
  };
  const take = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--"))
      throw new UsageError(`${flag} 后缺少值 / ${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = () => (inline !== undefined ? inline : take(i++, flag));
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--verify":
        args.verify = true;
        break;
      case "--debug":
        args.debug = true;
        break;
      case "--no-readings":
        args.readings = false;
        break;
      case "--kpi-open-only":
        args.kpiOpenOnly = true;
        break;
      case "--suggest-mapping":
        args.suggestMapping = true;
        break;
      case "--write-mapping":
        args.writeMapping = true;
        break;
      case "--out":
        args.out = value();
        break;
      case "--json":
        args.json = value();
        break;
      case "--as-of":
        args.asOf = value();
        break;
      case "--params":
        args.params = value();
        break;
      case "--contract-year": {
        const y = value();
        if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
          throw new UsageError(
            `--contract-year 应为 2000–2100 之间的年份 / --contract-year must be a year 2000–2100: ${y}`
          );
        args.contractYear = Number(y);
        break;
      }
      case "--baseline-rank": {
        const r = value();
        if (!/^\d+$/.test(r) || Number(r) < 1)
          throw new UsageError(
            `--baseline-rank 应为正整数（名次）/ --baseline-rank must be a whole rank: ${r}`
          );
        args.baselineRank = Number(r);
        break;
      }
      case "--lang": {
        const l = value();
        if (l !== "zh" && l !== "en")
          throw new UsageError(`--lang 只能是 zh 或 en / --lang must be zh or en: ${l}`);
        args.lang = l;
        break;
      }
      default:
        if (a.startsWith("-")) throw new UsageError(`未知选项 / unknown option: ${a}`);
        if (args.input)
          throw new UsageError(
            `只能核查一个工作簿：${a}。用 npm run 时，选项前须加 --，否则 npm 会吞掉 --out 等选项：npm run --silent audit -- ${args.input} --out ${a}\n` +
              `one workbook at a time: ${a}. With npm run, put -- before the options, or npm takes --out and the like for itself: npm run --silent audit -- ${args.input} --out ${a}`
          );
        args.input = a;
    }
  }
  if (!args.input) throw new UsageError("缺少输入工作簿 / no input workbook given");
  if ([args.verify, args.suggestMapping, args.writeMapping].filter(Boolean).length > 1)
    throw new UsageError(
      "--verify、--suggest-mapping、--write-mapping 只能选一个 / choose one of --verify, --suggest-mapping, --write-mapping"
    );
  if (args.baselineRank !== undefined && args.contractYear === undefined)
    throw new UsageError(
      "--baseline-rank 须与 --contract-year 一起使用 / --baseline-rank goes with --contract-year"
    );
  if (args.contractYear !== undefined && (args.verify || args.suggestMapping || args.writeMapping))
    throw new UsageError(
      "--contract-year 用于核查，不能与 --verify、--suggest-mapping、--write-mapping 同用 / --contract-year is for an audit"
    );
  if (args.asOf !== undefined && parseIsoDay(args.asOf) === null)
    throw new UsageError(
      `--as-of 应为 YYYY-MM-DD 格式的日期 / --as-of must be a date YYYY-MM-DD: ${args.asOf}`
    );
  return args as Args;
}

/** Now, as naive Beijing local time text (for the run log only; results never depend on it). */
export function beijingNow(): string {
  return beijingText(Date.now());
}

/** `<input>-2026年度核查.xlsx` beside the input (the year of the run: `auditedBaseName`). */
export function defaultOutPath(
  input: string,
  kind: XlsxWorkbook["kind"] = "xlsx",
  year?: number
): string {
  const ext = path.extname(input);
  const name = auditedBaseName(path.basename(input, ext), year);
  return path.join(path.dirname(input), `${name}${ext || `.${kind}`}`);
}

/** Excel refuses a macro workbook named .xlsx and the other way round: the copy keeps its type. */
function checkOutExtension(out: string, kind: XlsxWorkbook["kind"]): void {
  const ext = path.extname(out).toLowerCase().slice(1);
  if (ext === kind) return;
  throw new UsageError(
    `输出文件应为 .${kind}（与输入工作簿类型相同${kind === "xlsm" || kind === "xltm" ? "，宏得以保留" : ""}）/ the output must be a .${kind} file, like the input: ${out}`
  );
}

/** A parameters file: overrides by key, and the new contract year it asks for ("newContractYear"). */
interface ParamsFile {
  overrides: Record<string, unknown>;
  newContractYear?: number;
}

/** The key of a params file that moves every date to another contract year, as --contract-year does. */
const NEW_YEAR_KEYS = ["newContractYear", "新合同年度"];

function readParamsFile(file: string): ParamsFile {
  let text: string;
  try {
    // a byte-order mark (Windows Notepad) is not part of the JSON
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    throw new UsageError(`无法读取参数文件 / cannot read the parameters file: ${file}`);
  }
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `参数文件不是有效的 JSON / the parameters file is not valid JSON: ${file} (${(e as Error).message})`
    );
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj))
    throw new UsageError(
      `参数文件应为 {"参数": 值} 对象 / the parameters file must be an object {"key": value}: ${file}`
    );
  const out: Record<string, unknown> = {};
  const errors: string[] = [];
  let newContractYear: number | undefined;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (NEW_YEAR_KEYS.includes(k)) {
      const y = typeof v === "string" ? Number(v.trim()) : v;
      if (typeof y === "number" && Number.isInteger(y) && y >= 2000 && y <= 2100)
        newContractYear = y;
      else
        errors.push(
          `${k}: 应为 2000–2100 之间的年份 / must be a year 2000–2100 (${JSON.stringify(v)})`
        );
      continue;
    }
    if (!PARAM_KEYS.includes(k as ParamKey)) {
      out[k] = v; // the schema reports unknown keys by name
      continue;
    }
    const c = coerceParam(k as ParamKey, v);
    if (c.ok) {
      if (c.value !== undefined) out[k] = c.value;
    } else errors.push(`${k}: ${c.message} / ${c.messageEn}`);
  }
  if (errors.length)
    throw new AuditFailure(
      "invalid-params",
      `参数文件 ${file} 中的值无效：${errors.join("；")}`,
      `invalid values in ${file}`
    );
  return { overrides: out, newContractYear };
}

/** Pads to a terminal width, counting CJK characters as two columns. */
export function padVisual(text: string, width: number): string {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
  return text + " ".repeat(Math.max(0, width - w));
}

export function printSummary(r: AuditResult, io: Io): void {
  const s = r.settlement;
  const t = s.totals;
  io.out(`接诉即办合同考核 · 核查完成（评价截止 ${r.asOf}）`);
  io.out("扣款（考核细则）：");
  for (const [i, rule] of DEDUCTION_RULES.entries()) {
    const { amount, occurrences: occ, byStatus } = ruleTotals(r)[i];
    const { pending, na } = byStatus;
    const extra = [pending ? `待定 ${pending}` : "", na ? `不适用 ${na}` : ""]
      .filter(Boolean)
      .join("，");
    io.out(
      `  ${rule.id.padEnd(4)}${padVisual(rule.zh, 32)} ${String(occ).padStart(3)} 次 ${formatYuan(amount).padStart(14)}${extra ? `（${extra}）` : ""}`
    );
  }
  io.out(
    `扣款合计 ${formatYuan(t.deductions)}（第一次验收 ${formatYuan(t.firstWindow)}，最终验收 ${formatYuan(t.finalWindow)}）`
  );
  io.out(`尾款（第3期）应付 ${formatYuan(t.installment3Payable)}`);
  io.out(`乙方应退款 ${formatYuan(t.refundDue)}`);
  io.out(`最终决算价款 ${formatYuan(t.settlement)}`);
  const claimRules = [...new Set(r.claims.map((c) => c.ruleId))].map(
    (id) => `${id} × ${r.claims.filter((c) => c.ruleId === id).length}`
  );
  io.out(
    `违约金主张（须双方书面确认，未计入最终决算价款）${formatYuan(t.claims)}${claimRules.length ? `：${claimRules.join("，")}` : ""}`
  );
  if (t.lateFees > 0) io.out(`甲方逾期付款违约金 ${formatYuan(t.lateFees)}`);
  const byRule = new Map<string, number>();
  for (const f of r.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  io.out(
    `合规发现：${byRule.size ? [...byRule].map(([id, c]) => `${id} ${RULE_TITLES[id]?.zh ?? ""} ${c}`).join("；") : "无"}`
  );
  printReadings(r, io);
  const errors = r.issues.filter((i) => i.level === "error").length;
  const warnings = r.issues.filter((i) => i.level === "warning").length;
  io.out(
    `校验问题：错误 ${errors}，警告 ${warnings}，提示 ${r.issues.length - errors - warnings}${r.issues.length ? "（详见“校验问题”工作表）" : ""}`
  );
  const firstErrors = r.issues.filter((i) => i.level === "error").slice(0, 5);
  for (const i of firstErrors) io.out(`  ${i.sheet}!${i.cell ?? ""} ${i.message}`);
  if (errors > firstErrors.length) io.out(`  …… 另有 ${errors - firstErrors.length} 个错误`);
}

/** The readings that move money, one line each: "若 R1 只考核签收：扣款 −¥1,800.00，决算价款 +¥1,800.00". */
function printReadings(r: AuditResult, io: Io): void {
  if (!r.readings) {
    io.out("口径对比：未计算（--no-readings）");
    return;
  }
  const lines = readingLines(r, "zh");
  io.out(`口径对比：${lines.length ? "" : "各种理解的金额均相同（详见“口径对比”工作表）"}`);
  for (const l of lines) io.out(`  ${l}`);
}

const VERIFY_ZH = {
  same: "未改动",
  changed: "已改动",
  removed: "已删除",
  added: "新增（上次核查时没有）",
};

/** Prints the comparison with the run log; 0 when every input is unchanged, 1 otherwise. */
export function printVerify(v: VerifyResult, io: Io): number {
  if (!v.audited) {
    io.out("此工作簿没有“运行记录”表：尚未核查过，无从比较。/ No 运行记录 sheet: never audited.");
    return 1;
  }
  io.out("核对输入（与“运行记录”中的 SHA-256 指纹比较）/ inputs compared with the run log:");
  for (const i of v.items) io.out(`  ${padVisual(i.sheet, 14)} ${VERIFY_ZH[i.status]} ${i.status}`);
  const changed = v.items.filter((i) => i.status !== "same");
  io.out(
    v.unchanged
      ? "结论：结果写入后输入未改动。/ Unchanged since the results were written."
      : `结论：结果写入后输入已改动（${changed.map((i) => i.sheet).join("、")}），请重新核查。/ Changed since the results were written: run the audit again.`
  );
  return v.unchanged ? 0 : 1;
}

/** The sheets the engine needs (input sheets, 规则参数, the run log), read from the package. */
function readTables(wb: XlsxWorkbook, name: string) {
  try {
    return wb.readTablesSync(wb.sheetsForEngine());
  } catch (e) {
    if (e instanceof FileUnreadable)
      throw new UsageError(`无法读取工作簿 ${name}：${e.messageZh}\n${e.messageEn}`);
    throw e;
  }
}

/** Every sheet but the results (the suggestions look at sheets no input is named after). */
function readAllTables(wb: XlsxWorkbook, name: string) {
  try {
    return wb.readTablesSync(wb.sheetNames().filter((n) => !isResultSheetName(n)));
  } catch (e) {
    if (e instanceof FileUnreadable)
      throw new UsageError(`无法读取工作簿 ${name}：${e.messageZh}\n${e.messageEn}`);
    throw e;
  }
}

/** `<input>-列映射.xlsx`: the copy --write-mapping writes. */
export function mappingOutPath(input: string, kind: XlsxWorkbook["kind"] = "xlsx"): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-列映射${ext || `.${kind}`}`);
}

const HOW_ZH = { header: "表头", alias: "英文", export: "平台导出", map: "映射" } as const;
const SHEETS_HOW_ZH = {
  name: "按表名",
  map: "按列映射",
  suggested: "按表头识别，待核对",
  missing: "未找到",
} as const;

/** The matches and suggestions, in Chinese, one input at a time. */
export function printPlan(plan: MappingPlan, io: Io): void {
  io.out("列映射：各输入表与列的识别结果（未核查，未写入）");
  for (const i of plan.inputs) {
    if (i.sheetsHow === "missing") {
      io.out(`${i.zh}：未找到`);
      continue;
    }
    const list =
      i.sheets.length > 3
        ? `${i.sheets.slice(0, 3).join("；")}… 共 ${i.sheets.length} 张`
        : i.sheets.join("；");
    io.out(`${i.zh}：${list}（${SHEETS_HOW_ZH[i.sheetsHow]}）`);
    for (const f of i.fields) {
      const parts: string[] = [];
      if (f.header) {
        if (f.how !== "header")
          parts.push(`← ${f.header}（${HOW_ZH[f.how!]}${f.values ? `，值映射 ${f.values}` : ""}）`);
      } else if (f.suggestion)
        parts.push(
          `未找到；建议“${f.suggestion.header}”（${f.suggestion.reason}）${f.suggestion.values ? `，值映射 ${f.suggestion.values}` : ""}`
        );
      else if (f.required) parts.push("未找到（必填）");
      if (f.valuesSuggestion) parts.push(`建议值映射 ${f.valuesSuggestion}`);
      if (f.unreadable.length)
        parts.push(
          `无法识别的值：${f.unreadable
            .slice(0, 5)
            .map((u) => `${u.value} ×${u.count}${u.target ? ` → ${u.target}` : ""}`)
            .join("，")}`
        );
      if (parts.length) io.out(`  ${padVisual(f.zh, 12)} ${parts.join("；")}`);
    }
  }
  io.out(
    plan.needed
      ? "结论：需要核对列映射（--write-mapping 写出预填的“列映射”表）/ a 列映射 needs checking"
      : plan.inputs.some((i) => i.sheetsHow === "map" || i.fields.some((f) => f.how === "map"))
        ? "结论：各列均已识别（按工作簿中的列映射）/ every column found (with the workbook's 列映射)"
        : "结论：各列均已识别，无需列映射 / every column found; no 列映射 needed"
  );
}

useNodeHash();

export async function main(argv: string[], io: Io): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    io.out(USAGE);
    return 0;
  }
  // relative paths are the user's: from the folder npm was started in, not the project's
  const base = io.cwd ?? process.env.INIT_CWD ?? process.cwd();
  const at = (p: string) => path.resolve(base, p);
  const input = at(args.input);
  const json = args.json !== undefined ? at(args.json) : undefined;
  const paramsFile = args.params !== undefined ? at(args.params) : undefined;
  try {
    if (!args.verify) {
      if (args.out !== undefined) checkWritable(at(args.out));
      if (json) checkWritable(json);
    }
    const bytes = readInputFile(input, args.input);
    let wb: XlsxWorkbook;
    try {
      wb = XlsxWorkbook.open(bytes, nodeCodec);
    } catch (e) {
      if (e instanceof FileUnreadable)
        throw new UsageError(`无法读取工作簿 ${args.input}：${e.messageZh}\n${e.messageEn}`);
      throw e;
    }
    const file = paramsFile ? readParamsFile(paramsFile) : undefined;
    let params = file?.overrides;
    const newYear = newContractYear(args.contractYear, file?.newContractYear);
    if (
      file?.newContractYear !== undefined &&
      (args.verify || args.suggestMapping || args.writeMapping)
    )
      throw new UsageError(
        "参数文件的 newContractYear 用于核查，不能与 --verify、--suggest-mapping、--write-mapping 同用 / a params file's newContractYear is for an audit"
      );
    const out =
      args.out !== undefined
        ? at(args.out)
        : args.writeMapping
          ? mappingOutPath(input, wb.kind)
          : defaultOutPath(input, wb.kind, runYear(wb, params, newYear));
    if (args.suggestMapping) {
      const plan = suggestMapping(readAllTables(wb, args.input));
      printPlan(plan, io);
      if (json) {
        checkDistinct([
          { flag: "输入 input", given: args.input, resolved: input, write: false },
          { flag: "--json", given: args.json!, resolved: json, write: true },
        ]);
        writeAtomically(json, [JSON.stringify(plan, null, 1)]);
      }
      return 0;
    }
    if (!args.verify) {
      if (args.out === undefined) checkWritable(out);
      // no file the run reads or writes is written over by another (compared as files, not names)
      const roles: FileRole[] = [
        { flag: "输入 input", given: args.input, resolved: input, write: false },
        { flag: "--out", given: args.out ?? out, resolved: out, write: true },
      ];
      if (json) roles.push({ flag: "--json", given: args.json!, resolved: json, write: true });
      if (paramsFile)
        roles.push({ flag: "--params", given: args.params!, resolved: paramsFile, write: false });
      checkDistinct(roles);
      checkOutExtension(out, wb.kind);
    }
    if (args.writeMapping) {
      const plan = suggestMapping(readAllTables(wb, args.input));
      const rows = planRows(plan);
      await wb.writeOwnSheet(mappingSheetSpec(rows));
      writeAtomically(out, wb.toZipPieces());
      printPlan(plan, io);
      io.out(
        `已写入 written: ${path.relative(base, out) || out}（“列映射”表 ${rows.length} 行；标“待核对”的是建议，请在 Excel 中核对后删去“待核对”，再核查该文件）`
      );
      return 0;
    }
    if (newYear !== undefined) {
      // the new year's parameters are written into the copy's 规则参数 first, so that the run,
      // its fingerprints and any later run of the copy read the same (the --params file included);
      // a rank the file gives is the new year's rank
      const { ["r10.baselineRank"]: fileRank, ...others } = params ?? {};
      const rank = args.baselineRank ?? numberOr(fileRank);
      await moveContractYear(wb, newYear, rank, rank === undefined ? params : others, io);
      params = undefined;
    }
    const tables = readTables(wb, args.input);
    if (args.verify) return printVerify(verifyInputs(tables), io);
    const result = audit(tables, {
      params,
      asOf: args.asOf,
      runAt: beijingNow(),
      readings: args.readings,
    });
    wb.writeResultSheetsSync(
      layoutResults(result, { lang: args.lang, kpiOpenOnly: args.kpiOpenOnly })
    );
    // an earlier copy of the same name is replaced: say so (the input never is: checkDistinct)
    const replaced = existsSync(out);
    writeAtomically(out, wb.toZipPieces());
    if (json) writeAtomically(json, [JSON.stringify(toSummaryJson(result), null, 1)]);
    printSummary(result, io);
    if (wb.stylesFellBack)
      io.err(
        `注意：工作簿的单元格格式已近 Excel 上限（${MAX_CELL_XFS.toLocaleString("en-US")} 种），${wb.stylesFellBack.toLocaleString("en-US")} 个结果单元格按较简单的格式写入（数值不变）。在 Excel 中“清除多余格式”后再核查可恢复颜色。\n` +
          `note: the workbook's cell formats are near Excel's limit (${MAX_CELL_XFS.toLocaleString("en-US")}); ${wb.stylesFellBack.toLocaleString("en-US")} result cells were written with a plainer style (the values are the same).`
      );
    io.out(
      `已写入 written: ${path.relative(base, out) || out}${replaced ? "（替换了同名的旧文件 / replaced the earlier file of that name）" : ""}${json ? `；摘要 summary: ${path.relative(base, json) || json}` : ""}`
    );
    return 0;
  } catch (e) {
    if (e instanceof AuditFailure) {
      io.err(`无法核查 cannot audit: ${e.messageZh}\n${e.messageEn}`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof FileProblem) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof FileUnreadable) {
      io.err(`无法读取工作簿 ${args.input}：${e.messageZh}\n${e.messageEn}`);
      if (args.debug && e.detail) io.err(`[debug] ${scrubMessage(e.detail)}`);
      return 2;
    }
    // a bug: one line, and the report only when asked for (a library's message can quote a cell)
    const report = faultReport(e, `cli ${args.verify ? "verify" : "audit"}`, ENGINE_VERSION);
    io.err(faultLine(report.code, "cli"));
    if (args.debug) io.err(report.text);
    return 1;
  }
}

/** --contract-year, or the params file's newContractYear: one year, or a usage error. */
function newContractYear(flag: number | undefined, file: number | undefined): number | undefined {
  if (flag !== undefined && file !== undefined && flag !== file)
    throw new UsageError(
      `--contract-year ${flag} 与参数文件的 newContractYear ${file} 不同 / --contract-year ${flag} differs from the params file's newContractYear ${file}`
    );
  return flag ?? file;
}

const numberOr = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** The contract year a run checks: --contract-year, else 规则参数 with the --params file over it. */
function runYear(
  wb: XlsxWorkbook,
  params: Record<string, unknown> | undefined,
  contractYear: number | undefined
): number | undefined {
  if (contractYear !== undefined) return contractYear;
  try {
    const name = wb.sheetNames().find(isParamsSheetName);
    const table = name ? wb.readTablesSync([name])[0] : null;
    return resolve(resolveParams(table, { params })).contractYear;
  } catch {
    return undefined; // the run itself says what is wrong with the parameters
  }
}

/** --contract-year: every date moved, written to the workbook's 规则参数, and said. */
async function moveContractYear(
  wb: XlsxWorkbook,
  year: number,
  baselineRank: number | undefined,
  overrides: Record<string, unknown> | undefined,
  io: Io
): Promise<void> {
  const name = wb.sheetNames().find(isParamsSheetName);
  const table = name ? wb.readTablesSync([name])[0] : null;
  const shift = shiftContractYear(resolveParams(table, { params: overrides }), year, baselineRank);
  const v = validateParams(shift.params);
  if (!v.ok)
    throw new UsageError(
      `换到 ${year} 年度后参数无效 / the parameters of ${year} are invalid: ${v.errors.map((e) => `${e.key}: ${e.message}`).join("；")}`
    );
  await wb.writeOwnSheet(paramsSheetSpec(v.params));
  io.out(
    `合同年度 contract year ${shift.from} → ${shift.to}（写入副本的“规则参数”表 / saved in the copy's 规则参数）`
  );
  for (const m of shift.moved) io.out(`  ${m.key.padEnd(26)} ${m.from} → ${m.to}`);
  io.out(
    shift.baselineRank.kept
      ? `  r10.baselineRank 仍为 ${shift.baselineRank.from}：请按 ${year - 3}–${year - 1} 年的平均区级排名用 --baseline-rank 给出 / still ${shift.baselineRank.from}: give the ${year - 3}–${year - 1} average with --baseline-rank`
      : `  r10.baselineRank           ${shift.baselineRank.from} → ${shift.baselineRank.to}`
  );
}

/** Runs the command line on this process's arguments and exits with its code. */
export function run(): void {
  main(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  }).then(
    (code) => process.exit(code),
    () => process.exit(1)
  );
}

if (require.main === module) run();
