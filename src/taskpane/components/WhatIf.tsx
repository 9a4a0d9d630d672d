// What-if while a manager edits the thresholds: the totals the last run's inputs would give with
// the edits, against the current results, per rule. Computed in the engine worker after a short
// pause in typing, never saved: saving stays a separate act.
import * as React from "react";
import { Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { AuditResult } from "../../engine/audit";
import { ruleTotals } from "../../engine/audit";
import { formatSignedYuan, formatYuan } from "../../engine/money";
import type { Params } from "../../engine/params";
import { RULE_TITLES } from "../../engine/rules";
import type { WhatIf } from "../engine/protocol";
import { useStrings } from "../i18n";
import { explainError } from "../explain";

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: "4px",
    padding: "6px 8px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& td": { padding: "1px 4px" },
    "& td:not(:first-child)": { textAlign: "right", whiteSpace: "nowrap" },
  },
});

/** How long typing must pause before the what-if is computed. */
export const WHAT_IF_DELAY_MS = 300;

const signed = (c: number) => (c === 0 ? "—" : formatSignedYuan(c));

export function WhatIfPanel(props: {
  current: AuditResult;
  params: Params | null;
  dirty: boolean;
  whatIf: (p: Params) => Promise<WhatIf>;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const [state, setState] = React.useState<{
    busy: boolean;
    value: WhatIf | null;
    error: string | null;
  }>({ busy: false, value: null, error: null });
  const seq = React.useRef(0);
  const key = props.dirty && props.params ? JSON.stringify(props.params) : "";
  React.useEffect(() => {
    const mine = ++seq.current;
    if (!key) {
      setState({ busy: false, value: null, error: null });
      return;
    }
    setState((st) => ({ ...st, busy: true }));
    const timer = setTimeout(() => {
      props.whatIf(JSON.parse(key) as Params).then(
        (value) => mine === seq.current && setState({ busy: false, value, error: null }),
        (e) =>
          mine === seq.current &&
          setState({
            busy: false,
            value: null,
            error: explainError(e, lang, "pane what-if").message,
          })
      );
    }, WHAT_IF_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the edits are the key
  }, [key]);
  if (!key) return null;
  const now = props.current.settlement.totals;
  const w = state.value;
  const rows: [string, number, number | null][] = [
    [s.whatIfDeductions, now.deductions, w ? w.totals.deductions : null],
    [s.whatIfInstallment3, now.installment3Payable, w ? w.totals.installment3Payable : null],
    [s.whatIfRefund, now.refundDue, w ? w.totals.refundDue : null],
    [s.whatIfSettlement, now.settlement, w ? w.totals.settlement : null],
  ];
  const before = new Map(ruleTotals(props.current).map((r) => [r.ruleId, r.amount]));
  const moved = w ? w.rules.filter((r) => r.amount !== (before.get(r.ruleId) ?? 0)) : [];
  return (
    <section className={c.box} aria-label={s.whatIfTitle} aria-live="polite" data-testid="what-if">
      <Subtitle2>
        {s.whatIfTitle}{" "}
        {state.busy ? <Spinner size="extra-tiny" aria-label={s.whatIfBusy} /> : null}
      </Subtitle2>
      {state.error ? <Caption1>{state.error}</Caption1> : null}
      <table className={c.table}>
        <thead>
          <tr>
            <td />
            <td>{s.whatIfNow}</td>
            <td>{s.whatIfEdited}</td>
            <td>{s.whatIfDifference}</td>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, a, b]) => (
            <tr key={label}>
              <td>{label}</td>
              <td>{formatYuan(a)}</td>
              <td data-testid={`what-if-${label}`}>{b === null ? "…" : formatYuan(b)}</td>
              <td>{b === null ? "" : signed(b - a)}</td>
            </tr>
          ))}
          {moved.map((r) => (
            <tr key={r.ruleId} data-testid={`what-if-rule-${r.ruleId}`}>
              <td>
                {r.ruleId} {RULE_TITLES[r.ruleId]?.[lang] ?? ""}
              </td>
              <td>{formatYuan(before.get(r.ruleId) ?? 0)}</td>
              <td>{formatYuan(r.amount)}</td>
              <td>{signed(r.amount - (before.get(r.ruleId) ?? 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {w && !moved.length && rows.every(([, a, b]) => a === b) ? (
        <Caption1>{s.whatIfSame}</Caption1>
      ) : null}
      <Caption1>{s.whatIfNote}</Caption1>
    </section>
  );
}
