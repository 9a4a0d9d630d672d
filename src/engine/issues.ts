// Validation issues: every one names the sheet (as written in the workbook), the 1-based
// row, the column header as written, the cell address, a level, a stable code and a
// message in Chinese and English.

export type IssueLevel = "error" | "warning" | "info";

export interface Issue {
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  level: IssueLevel;
  code: string;
  message: string;
  messageEn: string;
}

export const LEVEL_ZH: Record<IssueLevel, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export class IssueList {
  readonly items: Issue[] = [];

  add(issue: Issue): void {
    this.items.push(issue);
  }

  sheet(sheet: string, level: IssueLevel, code: string, message: string, messageEn: string): void {
    this.add({ sheet, row: null, column: null, cell: null, level, code, message, messageEn });
  }

  count(level: IssueLevel): number {
    let n = 0;
    for (const i of this.items) if (i.level === level) n++;
    return n;
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
