// The headline after a run: the settlement conclusion first (what Party A pays now, what Party B
// refunds, the net if both agree to offset, paid so far, 最终决算价款 — the figures of 结算确认单), the
// totals in cards, then R1–R10 with occurrences and amounts; a rule's hint shows under its row.
import * as React from "react";
import {
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
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
import { Dismiss24Regular, Print20Regular } from "@fluentui/react-icons";
import { AuditResult } from "../../engine/audit";
import { ruleTotals } from "../../engine/summary";
import { formatYuan } from "../../engine/money";
import { DEDUCTION_RULES, RULE_TITLES } from "../../engine/rules";
import { basisOf } from "../../engine/rules/basis";
import { INSTALLMENT_STATUS_EN } from "../../engine/layout";
import { layoutContext } from "../../engine/layout/context";
import { settlementFigures } from "../../engine/layout/settlement";
import { formatDay } from "../../engine/time";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))",
    gap: "8px",
  },
  card: { padding: "8px 12px", gap: "2px" },
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
  conclusion: {
    padding: "8px 12px",
    gap: "4px",
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
  },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "8px" },
  line: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "baseline",
    columnGap: "8px",
  },
  lineLabel: { minWidth: 0, overflowWrap: "anywhere" },
  lineValue: {
    marginLeft: "auto",
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  big: { fontSize: tokens.fontSizeBase400 },
  sub: { color: tokens.colorNeutralForeground3, margin: 0, display: "block" },
  hintCell: { paddingTop: "2px", paddingBottom: "6px" },
  breakable: { overflowWrap: "anywhere" },
  print: { alignSelf: "flex-start", marginTop: "4px", maxWidth: "100%" },
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

/** One line of the conclusion: the label, the amount at the right, what it means below. */
function Line(props: {
  label: string;
  value: string;
  sub?: string;
  tone?: "bad" | "warn";
  big?: boolean;
  testId?: string;
}) {
  const c = useStyles();
  return (
    <div>
      <div className={c.line}>
        <Text className={c.lineLabel}>{props.label}</Text>
        <Text
          className={mergeClasses(c.lineValue, props.big && c.big, props.tone && c[props.tone])}
          data-testid={props.testId}
        >
          {props.value}
        </Text>
      </div>
      {props.sub ? (
        <Caption1 as="p" className={c.sub}>
          {props.sub}
        </Caption1>
      ) : null}
    </div>
  );
}

/**
 * What the settlement comes to: the conclusion box of 结算确认单, in the pane; with `onPrint`, a
 * button that prints 结算确认单 (disabled while the results are older than the parameters).
 */
export function Conclusion(props: {
  result: AuditResult;
  onPrint?: () => void;
  printDisabled?: boolean;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const r = props.result;
  const f = settlementFigures(layoutContext(r, lang));
  const t = r.settlement.totals;
  const i3 = r.settlement.installments.find((i) => i.no === 3);
  const payNowSub = i3
    ? i3.paidOn !== null
      ? s.payNowPaid(formatDay(i3.paidOn))
      : [
          i3.dueOn !== null ? s.dueOn(formatDay(i3.dueOn)) : "",
          lang === "zh" ? i3.statusZh : INSTALLMENT_STATUS_EN[i3.status],
        ]
          .filter(Boolean)
          .join(" · ")
    : undefined;
  return (
    <Card
      className={c.conclusion}
      role="group"
      aria-label={s.conclusionTitle}
      data-testid="conclusion"
    >
      <div className={c.heading}>
        <Subtitle2 as="h2">{s.conclusionTitle}</Subtitle2>
        <Caption1 className={c.sub}>{s.conclusionAsOf(r.asOf)}</Caption1>
      </div>
      <Line label={s.payNow} value={formatYuan(f.payNow)} sub={payNowSub} big testId="pay-now" />
      <Line
        label={s.cards.refund}
        value={formatYuan(f.refund)}
        sub={t.refundDueOn !== null ? s.refundBy(formatDay(t.refundDueOn)) : undefined}
        tone={f.refund > 0 ? "warn" : undefined}
        big
        testId="refund-due"
      />
      {f.payNow > 0 && f.refund > 0 ? (
        <Line
          label={s.netIfOffset}
          value={
            f.net > 0
              ? s.netAPays(formatYuan(f.net))
              : f.net < 0
                ? s.netBPays(formatYuan(-f.net))
                : s.netEven
          }
          testId="net-if-offset"
        />
      ) : null}
      <Line label={s.paidSoFar} value={formatYuan(f.paid)} testId="paid-so-far" />
      <Line label={s.finalSettlement} value={formatYuan(f.settlement)} big testId="settlement" />
      {props.onPrint ? (
        <Button
          className={c.print}
          icon={<Print20Regular />}
          onClick={props.onPrint}
          disabled={props.printDisabled}
          data-testid="print-settlement"
        >
          {s.printSettlement}
        </Button>
      ) : null}
    </Card>
  );
}

/** The totals in cards: deductions, installment 3, claims, validation issues. */
export function SummaryCards(props: { result: AuditResult }) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const t = props.result.settlement.totals;
  const errors = props.result.issues.filter((i) => i.level === "error").length;
  const warnings = props.result.issues.filter((i) => i.level === "warning").length;
  const i3 = props.result.settlement.installments.find((i) => i.no === 3);
  return (
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
  );
}

/** R1–R10 with occurrences and amounts, a click on a rule opens it; then the findings. */
export function RuleTable(props: {
  result: AuditResult;
  /** a rule clicked: open its rows (Excel) */
  onOpenRule?: (ruleId: string) => void;
  /** a rule clicked where no cell can be selected (file mode): what to say beside the rule */
  ruleHint?: (ruleId: string) => string;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const totals = ruleTotals(props.result);
  const findings = new Map<string, number>();
  for (const f of props.result.findings) findings.set(f.ruleId, (findings.get(f.ruleId) ?? 0) + 1);
  // the rule whose hint is shown, under its own row
  const [hintFor, setHintFor] = React.useState<string | null>(null);
  const hintRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => setHintFor(null), [props.result]);
  React.useEffect(() => {
    // the row clicked may be at the foot of the screen: its hint is brought into view
    if (hintFor) hintRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [hintFor]);
  const clickable = props.onOpenRule || props.ruleHint;
  const onRule = (id: string) => {
    if (props.ruleHint) setHintFor(hintFor === id ? null : id);
    else props.onOpenRule?.(id);
  };
  return (
    <>
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
              <React.Fragment key={rule.id}>
                <TableRow
                  className={amount > 0 ? c.failRow : undefined}
                  data-testid={`rule-${rule.id}`}
                >
                  <TableCell>
                    {clickable ? (
                      <Button
                        appearance="transparent"
                        size="small"
                        aria-label={s.openRows(rule.id)}
                        aria-expanded={props.ruleHint ? hintFor === rule.id : undefined}
                        onClick={() => onRule(rule.id)}
                      >
                        {rule.id}
                      </Button>
                    ) : (
                      rule.id
                    )}
                  </TableCell>
                  <TableCell className={c.breakable}>
                    {lang === "zh" ? rule.zh : rule.en}
                    <Caption1 className={c.sub} data-testid={`basis-${rule.id}`}>
                      {basisOf(rule.id, lang)}
                    </Caption1>
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
                {hintFor === rule.id && props.ruleHint ? (
                  <TableRow data-testid={`rule-hint-${rule.id}`}>
                    <TableCell colSpan={4} className={c.hintCell}>
                      <div ref={hintRef}>
                        <MessageBar intent="info" layout="multiline" data-testid="where-to-look">
                          <MessageBarBody className={c.breakable}>
                            {props.ruleHint(rule.id)}
                          </MessageBarBody>
                          <MessageBarActions
                            containerAction={
                              <Button
                                appearance="transparent"
                                size="small"
                                icon={<Dismiss24Regular />}
                                aria-label={s.ruleHintClose}
                                onClick={() => setHintFor(null)}
                              />
                            }
                          />
                        </MessageBar>
                      </div>
                    </TableCell>
                  </TableRow>
                ) : null}
              </React.Fragment>
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
                {id} {RULE_TITLES[id]?.[lang] ?? ""}（{basisOf(id, lang)}） × {n}
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
