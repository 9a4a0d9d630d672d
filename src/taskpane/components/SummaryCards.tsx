// The headline after a run: totals in cards, then R1–R10 with occurrences and amounts.
import * as React from "react";
import {
  Button,
  Caption1,
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { AuditResult, ruleTotals } from "../../engine/audit";
import { formatYuan } from "../../engine/money";
import { DEDUCTION_RULES, RULE_TITLES } from "../../engine/rules";
import { INSTALLMENT_STATUS_EN } from "../../engine/layout";
import { formatDay } from "../../engine/time";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))",
    gap: "8px",
  },
  card: { padding: "10px 12px", gap: "2px" },
  value: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  // an amount of millions in a card of a 360 px pane: one size down, never clipped
  long: { fontSize: tokens.fontSizeBase400 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  money: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  failRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

function Figure(props: {
  label: string;
  value: string;
  sub?: string;
  tone?: "bad" | "warn";
  testId?: string;
}) {
  const c = useStyles();
  return (
    <Card className={c.card} role="group" aria-label={props.label}>
      <Caption1>{props.label}</Caption1>
      <Text
        className={mergeClasses(
          c.value,
          props.value.startsWith("¥") && props.value.length > 12 && c.long,
          props.tone && c[props.tone]
        )}
        data-testid={props.testId}
      >
        {props.value}
      </Text>
      {props.sub ? <Caption1>{props.sub}</Caption1> : null}
    </Card>
  );
}

export function SummaryCards(props: {
  result: AuditResult;
  onOpenRule?: (ruleId: string) => void;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const t = props.result.settlement.totals;
  const totals = ruleTotals(props.result);
  const errors = props.result.issues.filter((i) => i.level === "error").length;
  const warnings = props.result.issues.filter((i) => i.level === "warning").length;
  const i3 = props.result.settlement.installments.find((i) => i.no === 3);
  const findings = new Map<string, number>();
  for (const f of props.result.findings) findings.set(f.ruleId, (findings.get(f.ruleId) ?? 0) + 1);
  return (
    <>
      <div className={c.grid}>
        <Figure
          label={s.cards.totalDeductions}
          value={formatYuan(t.deductions)}
          sub={s.firstFinal(formatYuan(t.firstWindow), formatYuan(t.finalWindow))}
          tone={t.deductions > 0 ? "bad" : undefined}
          testId="total-deductions"
        />
        <Figure
          label={s.cards.installment3}
          value={formatYuan(t.installment3Payable)}
          sub={
            i3
              ? [
                  i3.dueOn !== null ? s.dueOn(formatDay(i3.dueOn)) : "",
                  lang === "zh" ? i3.statusZh : INSTALLMENT_STATUS_EN[i3.status],
                ]
                  .filter(Boolean)
                  .join(" · ")
              : undefined
          }
          testId="installment3-payable"
        />
        <Figure
          label={s.cards.refund}
          value={formatYuan(t.refundDue)}
          tone={t.refundDue > 0 ? "warn" : undefined}
          testId="refund-due"
        />
        <Figure label={s.cards.settlement} value={formatYuan(t.settlement)} testId="settlement" />
        <Figure
          label={s.cards.claims}
          value={formatYuan(t.claims)}
          tone={t.claims > 0 ? "warn" : undefined}
          testId="claims"
        />
        <Figure
          label={s.cards.issues}
          value={s.errorsWarnings(errors, warnings)}
          tone={errors ? "bad" : warnings ? "warn" : undefined}
          testId="issue-counts"
        />
      </div>
      <Table size="small" aria-label={s.perRule}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: "52px" }}>{s.rule}</TableHeaderCell>
            <TableHeaderCell>{s.indicator}</TableHeaderCell>
            <TableHeaderCell className={c.money} style={{ width: "48px" }}>
              {s.occurrences}
            </TableHeaderCell>
            <TableHeaderCell className={c.money} style={{ width: "104px" }}>
              {s.amount}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {DEDUCTION_RULES.map((rule, i) => {
            const { amount, occurrences: occ, byStatus } = totals[i];
            return (
              <TableRow
                key={rule.id}
                className={amount > 0 ? c.failRow : undefined}
                data-testid={`rule-${rule.id}`}
              >
                <TableCell>
                  {props.onOpenRule ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      aria-label={s.openRows(rule.id)}
                      onClick={() => props.onOpenRule!(rule.id)}
                    >
                      {rule.id}
                    </Button>
                  ) : (
                    rule.id
                  )}
                </TableCell>
                <TableCell>
                  {lang === "zh" ? rule.zh : rule.en}
                  {byStatus.pending ? (
                    <Caption1 data-testid={`pending-${rule.id}`}>
                      {" "}
                      · {s.pendingCount(byStatus.pending)}
                    </Caption1>
                  ) : null}
                </TableCell>
                <TableCell className={c.money}>{occ}</TableCell>
                <TableCell className={c.money}>{formatYuan(amount)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <section aria-label={s.findingsTitle} data-testid="findings">
        <Subtitle2>{s.findingsTitle}</Subtitle2>
        {findings.size ? (
          <ul>
            {[...findings].map(([id, n]) => (
              <li key={id}>
                {id} {RULE_TITLES[id]?.[lang] ?? ""} × {n}
              </li>
            ))}
          </ul>
        ) : (
          <Caption1>{s.findingsNone}</Caption1>
        )}
      </section>
    </>
  );
}
