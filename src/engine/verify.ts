// Have the inputs changed since the results were written? The 运行记录 sheet keeps the SHA-256
// of every input sheet's values; this recomputes them from the workbook as it is now.
import { FINGERPRINT_FORMAT, hashTable } from "./fingerprint";
import { isMappingSheetName } from "./mapping";
import { sheetsToRead } from "./read";
import { normalizeName } from "./sheets";
import { RawTable, isBlank } from "./table";

export type VerifyStatus = "same" | "changed" | "removed" | "added";

export interface VerifyItem {
  /** the sheet name as written in the run log (or found now, for an added sheet) */
  sheet: string;
  status: VerifyStatus;
  stored: string | null;
  current: string | null;
}

export interface VerifyResult {
  /** false when the workbook has no 运行记录 sheet (never audited) */
  audited: boolean;
  items: VerifyItem[];
  /** true when every input is as it was when the results were written */
  unchanged: boolean;
}

export const RUN_LOG_SHEET = "运行记录";
const NOT_FOUND = new Set(["（未找到）", "(not found)"]);

/** The run log's fingerprint column: "SHA-256/2" (format 2); the first releases wrote "SHA-256". */
export const FINGERPRINT_HEADER = `SHA-256/${FINGERPRINT_FORMAT}`;

const isHashHeader = (c: unknown) =>
  c === "SHA-256" || (typeof c === "string" && /^SHA-256\/\d+$/.test(c));

/** The fingerprint format of a run log (1 for logs written before formats were numbered). */
export function storedFormat(log: RawTable): number {
  const cell = log.values.flat().find(isHashHeader);
  return typeof cell === "string" && cell.includes("/") ? Number(cell.split("/")[1]) : 1;
}

/** The stored hashes: sheet name → SHA-256 (null when the sheet was absent at the run). */
export function storedHashes(log: RawTable): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const rows = log.values;
  const h = rows.findIndex((r) => r.some(isHashHeader));
  if (h < 0) return out;
  const hashCol = rows[h].findIndex(isHashHeader);
  const nameCol = rows[h].findIndex(
    (c) => typeof c === "string" && ["工作表名称", "sheetname"].includes(normalizeName(c))
  );
  if (nameCol < 0) return out;
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    if (r.every(isBlank)) break;
    const name = r[nameCol];
    if (typeof name !== "string" || name.trim() === "") continue;
    const hash = r[hashCol];
    out.set(name, NOT_FOUND.has(name) ? null : typeof hash === "string" && hash ? hash : null);
  }
  return out;
}

export function verifyInputs(tables: RawTable[]): VerifyResult {
  const log = tables.find((t) => normalizeName(t.name) === normalizeName(RUN_LOG_SHEET));
  if (!log) return { audited: false, items: [], unchanged: false };
  const stored = storedHashes(log);
  const format = storedFormat(log);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const items: VerifyItem[] = [];
  for (const [sheet, hash] of stored) {
    if (hash === null) continue;
    const t = byName.get(sheet);
    const current = t ? hashTable(t, format) : null;
    items.push({
      sheet,
      stored: hash,
      current,
      status: current === null ? "removed" : current === hash ? "same" : "changed",
    });
  }
  // an input sheet (or 规则参数, 列映射, a source 列映射 lists) here now that the run did not read
  const mapping = tables.find((t) => isMappingSheetName(t.name)) ?? null;
  const read = new Set(
    sheetsToRead(
      tables.map((t) => t.name),
      mapping
    )
  );
  for (const t of tables)
    if (read.has(t.name) && !stored.has(t.name))
      items.push({ sheet: t.name, stored: null, current: hashTable(t, format), status: "added" });
  return { audited: true, items, unchanged: items.every((i) => i.status === "same") };
}
