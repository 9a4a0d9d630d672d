// What-if while a manager edits the thresholds: the totals the last run's inputs would give with
// the edits, against the current results, per rule. Computed in the engine worker after a short
// pause in typing, never saved: saving stays a separate act.
//
// Two views of one computation (issue 22, a 360 px pane): a one-line bar that rides in the sticky
// foot of the form beside Save (the deductions with the edits and the difference), and the whole
// table in the flow of the page below the form, which the bar's 明细 button scrolls to. The bar is
// one line so that the foot never covers the field being typed (ParamsTab keeps it clear).
import * as React from "react";
import {
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableSearch20Regular } from "@fluentui/react-icons";
import type { AuditResult } from "../../engine/audit";
import { ruleTotals } from "../../engine/summary";
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
    "& td": { padding: "1px 4px", textAlign: "right", whiteSpace: "nowrap" },
    // a line's label on a row of its own above its three amounts: the four columns of a wide
    // pane do not fit 360 px
    "& th": { padding: "4px 4px 0", textAlign: "start", fontWeight: "inherit" },
  },
  // the what-if table of four columns is wider than a 360 px pane's text: it scrolls inside its box
  scroll: { overflowX: "auto", maxWidth: "100%" },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    minWidth: 0,
    flexBasis: "100%",
    flexWrap: "nowrap",
    padding: "2px 8px",
    borderRadius: "4px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  barText: { minWidth: 0, flexGrow: 1, overflowWrap: "anywhere" },
  amount: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
});

/** How long typing must pause before the what-if is computed. */
export const WHAT_IF_DELAY_MS = 300;

const signed = (c: number) => (c === 0 ? "—" : formatSignedYuan(c));

export interface WhatIfState {
  /** the edits are valid and differ from the saved values: there is a what-if to show */
  active: boolean;
  busy: boolean;
  value: WhatIf | null;
  error: string | null;
}

/** The what-if of the edits (valid and unsaved), computed after a pause in typing. */
export function useWhatIf(
  params: Params | null,
  dirty: boolean,
  whatIf: ((p: Params) => Promise<WhatIf>) | undefined
): WhatIfState {
  const { lang } = useStrings();
  const [state, setState] = React.useState<{
    busy: boolean;
    value: WhatIf | null;
    error: string | null;
  }>({ busy: false, value: null, error: null });
  const seq = React.useRef(0);
  const key = dirty && params && whatIf ? JSON.stringify(params) : "";
  React.useEffect(() => {
    const mine = ++seq.current;
    if (!key || !whatIf) {
      setState({ busy: false, value: null, error: null });
      return;
    }
    setState((st) => ({ ...st, busy: true }));
    const timer = setTimeout(() => {
      whatIf(JSON.parse(key) as Params).then(
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
  return { active: key !== "", ...state };
}

/** The one line in the form's sticky foot: the deductions with the edits, and the difference. */
export function WhatIfBar(props: {
  current: AuditResult;
  state: WhatIfState;
  onDetails: () => void;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  if (!props.state.active) return null;
  const now = props.current.settlement.totals.deductions;
  const w = props.state.value?.totals.deductions ?? null;
  return (
    <div className={c.bar} data-testid="what-if-bar">
      <Text size={200} className={c.barText}>
        {s.whatIfBar} · {s.whatIfDeductions}{" "}
        {props.state.error ? (
          props.state.error
        ) : (
          <>
            <span className={c.amount} data-testid="what-if-bar-deductions">
              {w === null ? "…" : formatYuan(w)}
            </span>
            {w === null ? "" : lang === "zh" ? `（${signed(w - now)}）` : ` (${signed(w - now)})`}
          </>
        )}
      </Text>
      {props.state.busy ? <Spinner size="extra-tiny" aria-label={s.whatIfBusy} /> : null}
      <Button
        size="small"
        appearance="transparent"
        icon={<TableSearch20Regular />}
        onClick={props.onDetails}
        aria-label={s.whatIfDetailsLabel}
        title={s.whatIfDetails}
        data-testid="what-if-details"
      />
    </div>
  );
}

/** The whole what-if: the four totals now, with the edits and the difference; the rules it moves. */
export function WhatIfPanel(props: { current: AuditResult; state: WhatIfState }) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const state = props.state;
  if (!state.active) return null;
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
      <div className={c.scroll}>
        <table className={c.table}>
          <thead>
            <tr>
              <td>{s.whatIfNow}</td>
              <td>{s.whatIfEdited}</td>
              <td>{s.whatIfDifference}</td>
            </tr>
          </thead>
          {rows.map(([label, a, b]) => (
            <tbody key={label}>
              <tr>
                <th colSpan={3} scope="colgroup">
                  {label}
                </th>
              </tr>
              <tr>
                <td>{formatYuan(a)}</td>
                <td data-testid={`what-if-${label}`}>{b === null ? "…" : formatYuan(b)}</td>
                <td>{b === null ? "" : signed(b - a)}</td>
              </tr>
            </tbody>
          ))}
          {moved.map((r) => (
            <tbody key={r.ruleId} data-testid={`what-if-rule-${r.ruleId}`}>
              <tr>
                <th colSpan={3} scope="colgroup">
                  {r.ruleId} {RULE_TITLES[r.ruleId]?.[lang] ?? ""}
                </th>
              </tr>
              <tr>
                <td>{formatYuan(before.get(r.ruleId) ?? 0)}</td>
                <td>{formatYuan(r.amount)}</td>
                <td>{signed(r.amount - (before.get(r.ruleId) ?? 0))}</td>
              </tr>
            </tbody>
          ))}
        </table>
      </div>
      {w && !moved.length && rows.every(([, a, b]) => a === b) ? (
        <Caption1>{s.whatIfSame}</Caption1>
      ) : null}
      <Caption1>{s.whatIfNote}</Caption1>
    </section>
  );
}
