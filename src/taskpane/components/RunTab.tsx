// 核查 (Run): the input sheets found and missing (with what that costs), the as-of date, Run and
// Cancel with named stages. After a run the result comes first (issue 22, a 360 px pane): the
// settlement conclusion and the totals, then the run's controls with the sheet list folded to one
// line, then the per-rule table, the findings and the readings.
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Switch,
  makeStyles,
} from "@fluentui/react-components";
import {
  ArrowDownload24Regular,
  ChevronDown20Regular,
  ChevronRight20Regular,
  Dismiss24Regular,
  Play24Regular,
  ShieldCheckmark24Regular,
} from "@fluentui/react-icons";
import type { VerifyResult } from "../../engine/verify";
import type { AuditResult } from "../../engine/audit";
import { rulesNeeding } from "../../engine/rules/costs";
import { readingLines } from "../../engine/layout/readings";
import { matchSheet } from "../../engine/read";
import { SHEETS } from "../../engine/sheets";
import type { SheetInfo } from "../../workbook";
import { useStrings } from "../i18n";
import type { RunProgress } from "../session";
import { Conclusion, RuleTable, SummaryCards } from "./SummaryCards";
import { ErrorBox } from "./ErrorBox";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  list: {
    margin: 0,
    paddingLeft: "0",
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: { display: "flex", gap: "6px", alignItems: "center" },
  breakable: { minWidth: 0, overflowWrap: "anywhere" },
  fold: { alignSelf: "flex-start", maxWidth: "100%", textAlign: "start", minWidth: 0 },
});

export type RunState =
  | { status: "idle" }
  | { status: "running"; progress: RunProgress }
  | { status: "done"; result: AuditResult }
  | { status: "cancelled" }
  | { status: "error"; title: string; message: string; details?: string[]; report?: string };

export function progressLabel(s: ReturnType<typeof useStrings>["s"], p: RunProgress): string {
  if (p.stage === "reading" && p.sheet && p.rowsTotal)
    return s.readingRows(p.sheet, p.rowsRead ?? 0, p.rowsTotal);
  const base = s.stage[p.stage] ?? p.stage;
  return p.stage === "computing" && p.detail
    ? `${base} ${p.detail}…`
    : p.stage === "reading"
      ? `${base}…`
      : base;
}

/** Stages in order, for the overall progress value. */
const ORDER = ["opening", "reading", "checking", "computing", "settling", "writing", "done"];

export function SheetList(props: { sheets: SheetInfo[] }) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const found = new Map<string, SheetInfo>();
  for (const sh of props.sheets) {
    const def = matchSheet(sh.name);
    if (def && !found.has(def.key)) found.set(def.key, sh);
  }
  return (
    <ul className={c.list} aria-label={s.inputSheets}>
      {SHEETS.filter((def) => !def.optional || found.has(def.key)).map((def) => {
        const sh = found.get(def.key);
        const costs = rulesNeeding(def.key).join(lang === "zh" ? "、" : ", ");
        return (
          <li key={def.key} className={c.item}>
            <Badge
              appearance="tint"
              color={sh ? "success" : def.key === "tickets" ? "danger" : "warning"}
              size="small"
            >
              {sh ? "✓" : "!"}
            </Badge>
            <Caption1 className={c.breakable}>
              {sh ? s.sheetFound(sh.name, Math.max(0, sh.rows - 1)) : s.sheetMissing(def.zh, costs)}
            </Caption1>
          </li>
        );
      })}
    </ul>
  );
}

/** The input sheets under a one-line summary that opens them (folded once a run has results). */
function FoldedSheets(props: { sheets: SheetInfo[]; open: boolean; onOpen: (o: boolean) => void }) {
  const { s } = useStrings();
  const c = useStyles();
  const id = React.useId();
  const keys = new Set(props.sheets.map((sh) => matchSheet(sh.name)?.key).filter(Boolean));
  const wanted = SHEETS.filter((def) => !def.optional || keys.has(def.key));
  const found = wanted.filter((def) => keys.has(def.key)).length;
  const missing = wanted.length - found;
  return (
    <div className={c.col}>
      <Button
        appearance="subtle"
        className={c.fold}
        icon={props.open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
        aria-expanded={props.open}
        aria-controls={id}
        onClick={() => props.onOpen(!props.open)}
        data-testid="sheets-toggle"
      >
        <span className={c.breakable}>{s.sheetsSummary(found, missing)}</span>
        {missing ? (
          <Badge appearance="tint" color="warning" size="small" style={{ marginLeft: "6px" }}>
            !
          </Badge>
        ) : null}
      </Button>
      <div id={id} hidden={!props.open}>
        {props.open ? <SheetList sheets={props.sheets} /> : null}
      </div>
    </div>
  );
}

/** The readings that move money, one line each (the whole table is the 口径对比 sheet). */
function ReadingsList(props: { result: AuditResult }) {
  const { s, lang } = useStrings();
  const lines = props.result.readings ? readingLines(props.result, lang) : null;
  return (
    <section aria-label={s.readingsTitle} data-testid="readings">
      <Subtitle2>{s.readingsTitle}</Subtitle2>
      {lines === null ? (
        <Caption1>{s.readingsOff}</Caption1>
      ) : lines.length ? (
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : (
        <Caption1>{s.readingsSame}</Caption1>
      )}
    </section>
  );
}

export function RunTab(props: {
  /** null while a file is being opened: only the progress (or the failure) is shown */
  sheets: SheetInfo[] | null;
  asOf: string;
  onAsOf: (v: string) => void;
  state: RunState;
  onRun: () => void;
  onCancel: () => void;
  onOpenRule?: (ruleId: string) => void;
  /** file mode: a rule clicked says where to look, under the rule */
  ruleHint?: (ruleId: string) => string;
  onDownload?: () => void;
  /** the parameters or sheets changed since the results shown were computed */
  stale?: boolean;
  paramErrors?: string[];
  onVerify?: () => void;
  verify?: VerifyResult | null;
  /** compute 口径对比 in the next run */
  readings?: boolean;
  onReadings?: (on: boolean) => void;
  /** write KPI明细 filtered to its failing and pending rows in the next run */
  kpiOpenOnly?: boolean;
  onKpiOpenOnly?: (on: boolean) => void;
  /** the 列映射 step, shown before the run when the inputs need a look */
  mappingStep?: React.ReactNode;
  /** prints 结算确认单 (Excel: opens the sheet; file mode: the browser's print) */
  onPrint?: () => void;
  /** what to do next after the print button, under the conclusion */
  printNote?: string | null;
  /** what the last download wrote differently from what was asked */
  downloadNote?: string | null;
}) {
  const { s } = useStrings();
  const c = useStyles();
  const opening = props.sheets === null;
  const hasTickets = (props.sheets ?? []).some((sh) => matchSheet(sh.name)?.key === "tickets");
  const running = props.state.status === "running";
  const progress = props.state.status === "running" ? props.state.progress : null;
  const overall = progress
    ? (ORDER.indexOf(progress.stage) + (progress.fraction ?? 0.5)) / ORDER.length
    : 0;
  const result = props.state.status === "done" ? props.state.result : null;
  // the sheet list is open until a run has results, then folds to one line (set as the status
  // changes, in the same render as the results)
  const [sheetsOpen, setSheetsOpen] = React.useState(result === null);
  const [seen, setSeen] = React.useState(props.state.status);
  if (seen !== props.state.status) {
    setSeen(props.state.status);
    if (props.state.status === "idle") setSheetsOpen(true);
    if (props.state.status === "done") setSheetsOpen(false);
  }
  const head = React.useRef<HTMLDivElement>(null);
  const last = React.useRef(props.state.status);
  React.useEffect(() => {
    const was = last.current;
    last.current = props.state.status;
    if (props.state.status !== "done" || was === "done") return;
    // a run just finished: the conclusion is where the user looks, in view wherever she was
    const el = head.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.top > window.innerHeight / 2) el.scrollIntoView?.({ block: "start" });
  }, [props.state.status]);
  return (
    <div className={c.col}>
      {result ? (
        <div ref={head} className={c.col} data-testid="result-head">
          {props.stale ? (
            <MessageBar intent="warning" data-testid="stale-results">
              <MessageBarBody>{s.staleResults}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Conclusion result={result} onPrint={props.onPrint} printDisabled={props.stale} />
          {props.downloadNote ? (
            <MessageBar intent="warning" layout="multiline" data-testid="download-note">
              <MessageBarBody className={c.breakable}>{props.downloadNote}</MessageBarBody>
            </MessageBar>
          ) : null}
          {props.printNote ? (
            <MessageBar intent="info" layout="multiline" data-testid="print-hint">
              <MessageBarBody className={c.breakable}>{props.printNote}</MessageBarBody>
            </MessageBar>
          ) : null}
          <SummaryCards result={result} />
        </div>
      ) : null}
      {props.sheets ? (
        <FoldedSheets sheets={props.sheets} open={sheetsOpen} onOpen={setSheetsOpen} />
      ) : null}
      {!hasTickets && !opening ? (
        <MessageBar intent={(props.sheets ?? []).length ? "warning" : "error"}>
          <MessageBarBody>
            {s.noTickets((props.sheets ?? []).map((sh) => sh.name).join("、"))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {props.paramErrors?.length ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.sheetParamErrors}</MessageBarTitle>
            {props.paramErrors.join("；")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {opening ? null : (
        <>
          <div className={c.row}>
            <Field label={s.asOf} hint={s.asOfHint}>
              <Input
                type="date"
                value={props.asOf}
                onChange={(_, d) => props.onAsOf(d.value)}
                disabled={running}
                data-testid="as-of"
              />
            </Field>
            {props.onReadings ? (
              <Field hint={s.readingsHint}>
                <Switch
                  label={s.readingsSwitch}
                  checked={props.readings ?? true}
                  onChange={(_, d) => props.onReadings!(d.checked)}
                  disabled={running}
                  data-testid="readings-switch"
                />
              </Field>
            ) : null}
            {props.onKpiOpenOnly ? (
              <Field hint={s.kpiOpenHint}>
                <Switch
                  label={s.kpiOpenSwitch}
                  checked={props.kpiOpenOnly ?? false}
                  onChange={(_, d) => props.onKpiOpenOnly!(d.checked)}
                  disabled={running}
                  data-testid="kpi-open-switch"
                />
              </Field>
            ) : null}
          </div>
          <div className={c.row}>
            <Button
              appearance="primary"
              icon={<Play24Regular />}
              onClick={props.onRun}
              disabled={running || !(props.sheets ?? []).length}
              data-testid="run"
            >
              {props.state.status === "done" ? s.rerun : s.run}
            </Button>
            {running ? (
              <Button icon={<Dismiss24Regular />} onClick={props.onCancel} data-testid="cancel">
                {s.cancel}
              </Button>
            ) : null}
            {props.onVerify && !running ? (
              <Button
                icon={<ShieldCheckmark24Regular />}
                onClick={props.onVerify}
                data-testid="verify"
              >
                {s.verify}
              </Button>
            ) : null}
            {props.state.status === "done" && props.onDownload ? (
              // a download is always of results that match the parameters in the file
              <Button
                icon={<ArrowDownload24Regular />}
                onClick={props.onDownload}
                disabled={props.stale}
                data-testid="download-result"
              >
                {s.download}
              </Button>
            ) : null}
          </div>
        </>
      )}
      {props.verify ? (
        <MessageBar
          intent={props.verify.unchanged ? "success" : "warning"}
          data-testid="verify-result"
        >
          <MessageBarBody>
            {!props.verify.audited
              ? s.verifyNever
              : props.verify.unchanged
                ? s.verifySame
                : s.verifyChanged(
                    props.verify.items
                      .filter((i) => i.status !== "same")
                      .map((i) => i.sheet)
                      .join("、")
                  )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {progress ? (
        <Field validationMessage={progressLabel(s, progress)} validationState="none">
          <ProgressBar
            value={overall}
            max={1}
            aria-label={progressLabel(s, progress)}
            data-testid="progress"
          />
        </Field>
      ) : null}
      {props.mappingStep ?? null}
      {props.state.status === "cancelled" ? (
        <MessageBar intent="warning">
          <MessageBarBody>{s.cancelled}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.state.status === "error" ? (
        <ErrorBox
          testId="run-error"
          title={props.state.title}
          message={props.state.message}
          details={props.state.details}
          report={props.state.report}
        />
      ) : null}
      {result ? (
        <>
          {!props.onDownload && !props.stale ? (
            <MessageBar intent="success">
              <MessageBarBody>{s.resultsWritten}</MessageBarBody>
            </MessageBar>
          ) : null}
          <RuleTable result={result} onOpenRule={props.onOpenRule} ruleHint={props.ruleHint} />
          <ReadingsList result={result} />
        </>
      ) : null}
    </div>
  );
}
