// 参数 (Thresholds): a form generated from the engine's zod parameter schema, grouped by rule, each
// with its contract default beside it; changed values highlighted; zod messages inline. Save
// writes the 规则参数 sheet; an invalid value can never be saved. Save sits in a compact sticky foot
// with the what-if's one line; the foot never covers the field being edited (the page scrolls the
// field above it), and the whole what-if table is in the flow below the form.
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset24Regular, Save24Regular } from "@fluentui/react-icons";
import {
  DEFAULT_PARAMS,
  PARAM_KEYS,
  ParamKey,
  Params,
  paramMeta,
  resolve,
} from "../../engine/params";
import { coerceParam, displayParam, formatParam, validateParams } from "../../engine/param-text";
import { shiftContractYear } from "../../engine/contract-year";
import { ErrorBox } from "./ErrorBox";
import { Explained, explainError } from "../explain";
import { WhatIfBar, WhatIfPanel, useWhatIf } from "./WhatIf";
import type { WhatIf } from "../engine/protocol";
import type { AuditResult } from "../../engine/audit";
import { useStrings } from "../i18n";

type Draft = string | boolean | string[];

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "10px" },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    paddingBottom: "8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  changed: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: "2px 4px",
  },
  checks: { display: "flex", flexWrap: "wrap", gap: "0 8px" },
  bar: {
    display: "flex",
    gap: "4px 8px",
    flexWrap: "wrap",
    alignItems: "center",
    position: "sticky",
    bottom: 0,
    paddingTop: "4px",
    paddingBottom: "4px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  status: { minWidth: 0, overflowWrap: "anywhere" },
});

export function toDraft(key: ParamKey, value: unknown): Draft {
  const kind = paramMeta(key).kind;
  if (value === null || value === undefined) return "";
  if (kind === "bool") return Boolean(value);
  if (kind === "list") return [...(value as string[])];
  if (kind === "rate") return String(+(Number(value) * 100).toFixed(6));
  if (kind === "tiers") return formatParam(key, value);
  return String(value);
}

/** The form's values through the same coercion and schema as the 规则参数 sheet. */
export function evaluateDraft(draft: Record<string, Draft>): {
  params: Params | null;
  errors: Map<string, string>;
  values: Record<string, unknown>;
} {
  const values: Record<string, unknown> = {};
  const errors = new Map<string, string>();
  for (const key of PARAM_KEYS) {
    const d = draft[key];
    const kind = paramMeta(key).kind;
    const raw =
      kind === "rate" && typeof d === "string" && d.trim() !== "" && !d.includes("%") ? `${d}%` : d;
    const c = coerceParam(key, raw);
    if (!c.ok) errors.set(key, c.message);
    else if (c.value !== undefined) values[key] = c.value;
  }
  if (errors.size) return { params: null, errors, values };
  const v = validateParams(values);
  if (!v.ok) {
    for (const e of v.errors) errors.set(e.key, e.message);
    return { params: null, errors, values };
  }
  return { params: v.params, errors, values };
}

/**
 * 新合同年度: the same contract a year (or several) later. Shows every date before and after; "apply"
 * puts them into the form, where Save writes them to 规则参数 like any change.
 */
function NewContractYear(props: { base: Params | null; onApply: (p: Params) => void }) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const from = props.base ? resolve(props.base).contractYear : null;
  const [year, setYear] = React.useState(from !== null ? String(from + 1) : "");
  const [rank, setRank] = React.useState("");
  React.useEffect(() => {
    if (from !== null) setYear(String(from + 1));
  }, [from]);
  if (!props.base || from === null) return null;
  const y = /^\d{4}$/.test(year) ? Number(year) : null;
  const r = /^\d+$/.test(rank) && Number(rank) >= 1 ? Number(rank) : undefined;
  const shift = y !== null && y !== from ? shiftContractYear(props.base, y, r) : null;
  const valid = shift ? validateParams(shift.params) : null;
  const label = (k: ParamKey) => (lang === "zh" ? paramMeta(k).zh : paramMeta(k).en);
  return (
    <section className={c.group} aria-label={s.newYearTitle} data-testid="new-year">
      <Subtitle2 as="h3">{s.newYearTitle}</Subtitle2>
      <Caption1>{s.newYearHint(from)}</Caption1>
      <div className={c.checks}>
        <Field label={s.newYearYear}>
          <Input
            value={year}
            inputMode="numeric"
            onChange={(_, x) => setYear(x.value)}
            data-testid="new-year-year"
          />
        </Field>
        <Field
          label={s.newYearRank}
          hint={y ? s.newYearRankHint(props.base["r10.baselineRank"], y) : undefined}
        >
          <Input
            value={rank}
            inputMode="numeric"
            placeholder={String(props.base["r10.baselineRank"])}
            onChange={(_, x) => setRank(x.value)}
            data-testid="new-year-rank"
          />
        </Field>
      </div>
      {shift ? (
        <ul data-testid="new-year-dates">
          {shift.moved.map((m) => (
            <li key={m.key}>
              <Caption1>
                {label(m.key)}：{m.from} → {m.to}
              </Caption1>
            </li>
          ))}
          <li>
            <Caption1>
              {label("r10.baselineRank")}：{shift.baselineRank.from} → {shift.baselineRank.to}
              {shift.baselineRank.kept ? `（${s.newYearRankKept}）` : ""}
            </Caption1>
          </li>
        </ul>
      ) : null}
      {valid && !valid.ok ? (
        <Caption1 role="alert">{valid.errors.map((e) => e.message).join("；")}</Caption1>
      ) : null}
      <div>
        <Button
          disabled={!shift || !valid?.ok}
          onClick={() => valid?.ok && props.onApply(valid.params)}
          data-testid="new-year-apply"
        >
          {s.newYearApply}
        </Button>
      </div>
    </section>
  );
}

/** The form's sections in order: every parameter's group is one of them (a test checks). */
export const groupOrder = [
  "contract",
  "acceptance",
  "R1",
  "R2",
  "R3",
  "R4",
  "R5",
  "R6",
  "R7",
  "R8",
  "R9",
  "R10",
  "C",
  "payments",
  "privacy",
];

export function ParamsTab(props: {
  saved: Params | null;
  onSave: (p: Params) => Promise<void>;
  sheetErrors?: string[];
  /** the results shown, and the what-if of the edits against them */
  current?: AuditResult | null;
  whatIf?: (p: Params) => Promise<WhatIf>;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const initial = React.useMemo(() => {
    const base = props.saved ?? DEFAULT_PARAMS;
    return Object.fromEntries(PARAM_KEYS.map((k) => [k, toDraft(k, base[k])])) as Record<
      string,
      Draft
    >;
  }, [props.saved]);
  const [draft, setDraft] = React.useState(initial);
  const [status, setStatus] = React.useState<"" | "saving" | "saved">("");
  const [failure, setFailure] = React.useState<Explained | null>(null);
  React.useEffect(() => setDraft(initial), [initial]);
  const evaluated = React.useMemo(() => evaluateDraft(draft), [draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const set = (k: string, v: Draft) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setStatus("");
  };
  const save = async () => {
    if (!evaluated.params) return;
    setStatus("saving");
    setFailure(null);
    try {
      await props.onSave(evaluated.params);
      setStatus("saved");
    } catch (e) {
      setStatus("");
      setFailure(explainError(e, lang, "pane save params"));
    }
  };
  const reset = () =>
    setDraft(Object.fromEntries(PARAM_KEYS.map((k) => [k, toDraft(k, DEFAULT_PARAMS[k])])));
  const what = useWhatIf(evaluated.params, dirty, props.current ? props.whatIf : undefined);

  // the sticky foot never covers the field being edited: a field under it is scrolled above it
  // (on focus, on every keystroke, and when the foot grows as the what-if line appears)
  const root = React.useRef<HTMLDivElement>(null);
  const foot = React.useRef<HTMLDivElement>(null);
  const details = React.useRef<HTMLDivElement>(null);
  const keepClear = React.useCallback(() => {
    const el = document.activeElement as HTMLElement | null;
    const bar = foot.current;
    if (!el || !bar || !root.current?.contains(el) || bar.contains(el)) return;
    const box = bar.getBoundingClientRect();
    if (!box.height) return; // not laid out (no window to scroll)
    const top = box.top;
    // the field with its hint and message, unless that is a tall group (a list of checkboxes)
    const field = el.closest<HTMLElement>('[data-testid^="param-"]');
    const fr = field?.getBoundingClientRect();
    const r = fr && fr.height <= window.innerHeight / 3 ? fr : el.getBoundingClientRect();
    if (r.bottom > top - 4) window.scrollBy(0, r.bottom - top + 12);
  }, []);
  React.useEffect(() => {
    const bar = foot.current;
    if (!bar || typeof ResizeObserver === "undefined") return;
    const watch = new ResizeObserver(() => keepClear());
    watch.observe(bar);
    return () => watch.disconnect();
  }, [keepClear]);
  const clearSoon = () => {
    keepClear();
    // focus by the keyboard scrolls the field into view after the event: look again then
    requestAnimationFrame(keepClear);
  };

  const field = (key: ParamKey) => {
    const meta = paramMeta(key);
    const d = draft[key];
    const def = DEFAULT_PARAMS[key];
    const current = evaluated.values[key];
    const changed = current !== undefined && JSON.stringify(current) !== JSON.stringify(def);
    // the default in her words: a choice by its label, an amount in yuan, a date that follows
    // another by that one's name (the key only after it, for the record)
    const defText = displayParam(key, def, lang) || "—";
    const label = (
      <>
        {lang === "zh" ? meta.zh : meta.en}{" "}
        {changed ? (
          <Badge size="small" appearance="tint" color="warning">
            {s.changed}
          </Badge>
        ) : null}
      </>
    );
    const error = evaluated.errors.get(key);
    const common = {
      label,
      hint: `${s.contractDefault}：${defText}（${key}）`,
      validationMessage: error,
      validationState: error ? ("error" as const) : ("none" as const),
    };
    let control: React.ReactElement;
    switch (meta.kind) {
      case "bool":
        control = <Switch checked={Boolean(d)} onChange={(_, x) => set(key, x.checked)} />;
        break;
      case "enum":
        control = (
          <Select value={String(d)} onChange={(_, x) => set(key, x.value)}>
            {meta.options!.map((o) => (
              <option key={o.value} value={o.value}>
                {o[lang]}
              </option>
            ))}
          </Select>
        );
        break;
      case "list":
        control = (
          <div className={c.checks}>
            {meta.options!.map((o) => (
              <Checkbox
                key={o.value}
                label={lang === "zh" ? o.zh : `${o.zh} (${o.en})`}
                checked={(d as string[]).includes(o.value)}
                onChange={(_, x) =>
                  set(
                    key,
                    x.checked
                      ? [...(d as string[]), o.value]
                      : (d as string[]).filter((v) => v !== o.value)
                  )
                }
              />
            ))}
          </div>
        );
        break;
      case "date":
        control = <Input type="date" value={String(d)} onChange={(_, x) => set(key, x.value)} />;
        break;
      case "rate":
        control = (
          <Input
            value={String(d)}
            inputMode="decimal"
            contentAfter="%"
            onChange={(_, x) => set(key, x.value)}
          />
        );
        break;
      case "money":
        control = (
          <Input
            value={String(d)}
            inputMode="decimal"
            contentBefore="¥"
            onChange={(_, x) => set(key, x.value)}
          />
        );
        break;
      default:
        control = (
          <Input
            value={String(d)}
            inputMode={meta.kind === "tiers" || meta.kind === "text" ? "text" : "decimal"}
            onChange={(_, x) => set(key, x.value)}
          />
        );
    }
    const name = lang === "zh" ? meta.zh : meta.en;
    return (
      <div key={key} className={changed ? c.changed : undefined} data-testid={`param-${key}`}>
        {meta.kind === "list" ? (
          // a group of checkboxes is not one Field control: each checkbox keeps its own label
          <div role="group" aria-label={name}>
            <Label>{label}</Label>
            {control}
            <Caption1>{common.hint}</Caption1>
            {error ? <Caption1 role="alert">{error}</Caption1> : null}
          </div>
        ) : (
          <Field {...common}>{control}</Field>
        )}
      </div>
    );
  };

  return (
    <div className={c.col} ref={root} onFocus={clearSoon} onInput={clearSoon}>
      <Subtitle2>{s.paramsTitle}</Subtitle2>
      <Caption1>{s.paramsHint}</Caption1>
      {props.sheetErrors?.length ? (
        <MessageBar intent="error">
          <MessageBarBody>
            {s.sheetParamErrors} {props.sheetErrors.join("；")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <NewContractYear
        base={evaluated.params}
        onApply={(p) => {
          setDraft(
            Object.fromEntries(PARAM_KEYS.map((k) => [k, toDraft(k, p[k])])) as Record<
              string,
              Draft
            >
          );
          setStatus("");
        }}
      />
      {groupOrder.map((g) => {
        const keys = PARAM_KEYS.filter((k) => paramMeta(k).group === g);
        return keys.length ? (
          <section key={g} className={c.group} aria-label={s.groups[g] ?? g}>
            <Subtitle2 as="h3">{s.groups[g] ?? g}</Subtitle2>
            {keys.map(field)}
          </section>
        ) : null;
      })}
      {props.current && what.active ? (
        <div ref={details}>
          <WhatIfPanel current={props.current} state={what} />
        </div>
      ) : null}
      {dirty && evaluated.params && status !== "saving" ? <Caption1>{s.unsaved}</Caption1> : null}
      <div>
        <Button icon={<ArrowReset24Regular />} onClick={reset} data-testid="reset-params">
          {s.resetDefaults}
        </Button>
      </div>
      <div className={c.bar} ref={foot} data-testid="params-foot">
        {props.current ? (
          <WhatIfBar
            current={props.current}
            state={what}
            onDetails={() => details.current?.scrollIntoView?.({ block: "nearest" })}
          />
        ) : null}
        <Button
          appearance="primary"
          size="small"
          icon={<Save24Regular />}
          disabled={!evaluated.params || status === "saving"}
          onClick={save}
          data-testid="save-params"
        >
          {s.save}
        </Button>
        <Caption1 aria-live="polite" className={c.status}>
          {!evaluated.params
            ? s.invalidCannotSave
            : status === "saved"
              ? s.saved
              : dirty && status !== "saving"
                ? s.unsavedShort
                : ""}
        </Caption1>
      </div>
      {failure ? (
        <ErrorBox testId="save-error" message={failure.message} report={failure.report} />
      ) : null}
    </div>
  );
}
