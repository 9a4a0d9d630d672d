// Validation issues: every one names the sheet (as written in the workbook), the 1-based
// row, the column header as written, the cell address, a level, a stable code and a
// message in Chinese and English. The level is the code's (issue-codes.ts).
import { IssueCode, levelOf } from "./issue-codes";

export type IssueLevel = "error" | "warning" | "info";

export interface Issue {
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  level: IssueLevel;
  code: IssueCode;
  message: string;
  messageEn: string;
}

/** An issue as it is raised: its level follows from its code. */
export type NewIssue = Omit<Issue, "level">;

/** A raised issue with its code's level. */
export const withLevel = (i: NewIssue): Issue => ({ ...i, level: levelOf(i.code) });

export const LEVEL_ZH: Record<IssueLevel, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export class IssueList {
  readonly items: Issue[] = [];

  add(issue: NewIssue): void {
    this.items.push(withLevel(issue));
  }

  sheet(sheet: string, code: IssueCode, message: string, messageEn: string): void {
    this.add({ sheet, row: null, column: null, cell: null, code, message, messageEn });
  }
}

/** Sorts issues for display: by sheet order given, then row, then column. */
export function sortIssues(issues: Issue[], sheetOrder: string[]): Issue[] {
  const rank = new Map(sheetOrder.map((s, i) => [s, i]));
  return [...issues].sort(
    (a, b) =>
      (rank.get(a.sheet) ?? 99) - (rank.get(b.sheet) ?? 99) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.cell ?? "").length - (b.cell ?? "").length ||
      (a.cell ?? "").localeCompare(b.cell ?? "")
  );
}
