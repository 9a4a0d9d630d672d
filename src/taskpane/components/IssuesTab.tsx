// 问题 (Issues): every validation issue, filterable by level, sheet and code; clicking one selects
// its cell in the workbook.
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { ISSUE_CODE_LIST, issueTitle } from "../../engine/issue-codes";
import type { Issue } from "../../engine/issues";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: "6px" },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
  col: { display: "flex", flexDirection: "column", gap: "8px" },
  msg: { whiteSpace: "normal", wordBreak: "break-word" },
});

const MAX_SHOWN = 500;

export function IssuesTab(props: {
  issues: Issue[] | null;
  canSelect: boolean;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const [level, setLevel] = React.useState("");
  const [sheet, setSheet] = React.useState("");
  const [code, setCode] = React.useState("");
  if (!props.issues) return <Caption1>{s.runFirst}</Caption1>;
  const all = props.issues;
  if (all.length === 0) return <Caption1>{s.noIssues}</Caption1>;
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const rank = { error: 0, warning: 1, info: 2 };
  const shown = [...all]
    .sort((a, b) => rank[a.level] - rank[b.level])
    .filter(
      (i) =>
        (!level || i.level === level) && (!sheet || i.sheet === sheet) && (!code || i.code === code)
    );
  return (
    <div className={c.col}>
      <div className={c.filters}>
        <Field label={s.level} className={c.field}>
          <Select
            className={c.select}
            value={level}
            onChange={(_, d) => setLevel(d.value)}
            data-testid="filter-level"
          >
            <option value="">{s.all}</option>
            {["error", "warning", "info"].map((l) => (
              <option key={l} value={l}>
                {s.levels[l]} ({all.filter((i) => i.level === l).length})
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.sheet} className={c.field}>
          <Select
            className={c.select}
            value={sheet}
            onChange={(_, d) => setSheet(d.value)}
            data-testid="filter-sheet"
          >
            <option value="">{s.all}</option>
            {uniq(all.map((i) => i.sheet)).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.code} className={c.field}>
          <Select
            className={c.select}
            value={code}
            onChange={(_, d) => setCode(d.value)}
            data-testid="filter-code"
          >
            <option value="">{s.all}</option>
            {ISSUE_CODE_LIST.filter((x) => all.some((i) => i.code === x)).map((x) => (
              <option key={x} value={x}>
                {issueTitle(x, lang)} ({all.filter((i) => i.code === x).length})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1 aria-live="polite">
        {s.showing(Math.min(shown.length, MAX_SHOWN), shown.length)}
      </Caption1>
      {!props.canSelect ? <Caption1>{s.cellHint}</Caption1> : null}
      <Table size="extra-small" aria-label={s.issuesTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: "64px" }}>{s.level}</TableHeaderCell>
            <TableHeaderCell style={{ width: "96px" }}>{s.sheet}</TableHeaderCell>
            <TableHeaderCell>{lang === "zh" ? "说明" : "Message"}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.slice(0, MAX_SHOWN).map((i, k) => (
            <TableRow key={`${i.sheet}|${i.cell}|${i.code}|${k}`} data-testid="issue-row">
              <TableCell>
                <Badge
                  appearance="tint"
                  size="small"
                  color={
                    i.level === "error"
                      ? "danger"
                      : i.level === "warning"
                        ? "warning"
                        : "informative"
                  }
                >
                  {s.levels[i.level]}
                </Badge>
              </TableCell>
              <TableCell>
                {i.cell && props.canSelect ? (
                  <Button
                    size="small"
                    appearance="transparent"
                    aria-label={`${s.goToCell(`${i.sheet}!${i.cell}`)}`}
                    onClick={() => props.onSelect(i.sheet, i.cell!)}
                  >
                    {i.sheet}!{i.cell}
                  </Button>
                ) : (
                  `${i.sheet}${i.cell ? `!${i.cell}` : ""}`
                )}
              </TableCell>
              <TableCell className={c.msg}>{lang === "zh" ? i.message : i.messageEn}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
