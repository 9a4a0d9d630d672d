// The 列映射 step (WORKBOOK.md revision 3): shown before a run when a required column is missing,
// a suggestion exists or a yes/no or choice column holds values the product cannot read. Per input:
// its source sheet(s) (several for a monthly export), each field with the header it is read from
// and how it was found, a drop-down of the sheet's headers with the suggestion first and its
// reason, and each unread value with its count and a target. Confirming writes 列映射.
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle24Regular, Play24Regular } from "@fluentui/react-icons";
import {
  FieldChoice,
  InputChoice,
  MappingChoice,
  choiceRows,
  initialChoice,
} from "../../engine/mapping-choice";
import type { FieldPlan, InputPlan, MappingPlan } from "../../engine/suggest";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "10px" },
  input: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    paddingTop: "6px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  field: { display: "flex", flexDirection: "column", gap: "2px" },
  line: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  values: { display: "flex", flexDirection: "column", gap: "2px", paddingLeft: "12px" },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
  sheets: { display: "flex", flexDirection: "column", paddingLeft: "4px" },
});

/** A field the user should look at: missing and required, suggested, or with values to map. */
function needsLook(f: FieldPlan): boolean {
  return (
    f.suggestion !== null ||
    f.unreadable.length > 0 ||
    f.valuesSuggestion !== null ||
    (f.required && f.header === null)
  );
}

function FieldRow(props: {
  input: InputPlan;
  plan: FieldPlan;
  choice: FieldChoice;
  onChange: (f: FieldChoice) => void;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const { plan: f, choice } = props;
  const id = `${props.input.key}.${f.key}`;
  // the suggestion first, then what was found, then the sheet's other headers
  const options: string[] = [];
  for (const h of [f.suggestion?.header, f.header, ...props.input.headers])
    if (h && !options.includes(h)) options.push(h);
  if (choice.header && !options.includes(choice.header)) options.unshift(choice.header);
  const reason = f.suggestion
    ? lang === "zh"
      ? f.suggestion.reason
      : f.suggestion.reasonEn
    : null;
  const how = f.header && f.how ? s.mappingHow[f.how] : null;
  return (
    <div className={c.field} data-testid={`map-field-${id}`}>
      <Field
        label={
          <span className={c.line}>
            {f.zh}
            {f.required ? (
              <Badge size="small" appearance="tint" color="danger">
                {s.mappingRequired}
              </Badge>
            ) : null}
            {how ? (
              <Caption1>（{how}）</Caption1>
            ) : f.suggestion ? null : (
              <Caption1>（{s.mappingMissing}）</Caption1>
            )}
          </span>
        }
        hint={reason ? `${s.mappingSuggested}：${reason}` : undefined}
      >
        <Select
          value={choice.header}
          onChange={(_, d) => props.onChange({ ...choice, header: d.value })}
          data-testid={`map-header-${id}`}
        >
          <option value="">{s.mappingNone}</option>
          {options.map((h) => (
            <option key={h} value={h}>
              {h === f.suggestion?.header ? `${h}（${s.mappingSuggested}）` : h}
            </option>
          ))}
        </Select>
      </Field>
      {f.targets && (choice.values || f.valuesSuggestion) ? (
        <Field label={s.mappingValues} size="small">
          <Input
            size="small"
            value={choice.values}
            onChange={(_, d) => props.onChange({ ...choice, values: d.value })}
            data-testid={`map-values-${id}`}
          />
        </Field>
      ) : null}
      {f.unreadable.length && f.targets ? (
        <div className={c.values} aria-label={s.mappingUnread}>
          <Caption1>{s.mappingUnread}</Caption1>
          {f.unreadable.map((u) => (
            <div key={u.value} className={c.line}>
              <Caption1>{s.mappingValueCount(u.value, u.count)} →</Caption1>
              <Select
                size="small"
                aria-label={`${f.zh} ${u.value}`}
                value={choice.targets[u.value] ?? ""}
                onChange={(_, d) =>
                  props.onChange({ ...choice, targets: { ...choice.targets, [u.value]: d.value } })
                }
                data-testid={`map-target-${id}-${u.value}`}
              >
                <option value="">{s.mappingLeave}</option>
                {f.targets!.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function InputSection(props: {
  input: InputPlan;
  choice: InputChoice;
  candidates: string[];
  onChange: (c: InputChoice) => void;
  onSheets: (sheets: string[]) => void;
}) {
  const { s } = useStrings();
  const c = useStyles();
  const { input, choice } = props;
  const look = input.fields.filter(needsLook);
  const rest = input.fields.filter((f) => !needsLook(f));
  const setField = (f: FieldChoice) =>
    props.onChange({ ...choice, fields: choice.fields.map((x) => (x.key === f.key ? f : x)) });
  const row = (f: FieldPlan) => (
    <FieldRow
      key={f.key}
      input={input}
      plan={f}
      choice={choice.fields.find((x) => x.key === f.key)!}
      onChange={setField}
    />
  );
  const sheetText =
    choice.sheets.length > 3
      ? `${choice.sheets.slice(0, 2).join("；")}… ${s.mappingSheetsCount(choice.sheets.length)}`
      : choice.sheets.join("；");
  return (
    <section className={c.input} aria-label={input.zh} data-testid={`map-input-${input.key}`}>
      <Subtitle2>
        {input.zh} {input.en}
      </Subtitle2>
      <details>
        <summary>
          <Caption1>
            {s.mappingSheets}：{sheetText || "—"}（{s.mappingSheetHow[input.sheetsHow]}）
          </Caption1>
        </summary>
        <div className={c.sheets}>
          {props.candidates.map((n) => (
            <Checkbox
              key={n}
              label={n}
              checked={choice.sheets.includes(n)}
              onChange={(_, d) =>
                props.onSheets(
                  d.checked
                    ? props.candidates.filter((x) => x === n || choice.sheets.includes(x))
                    : choice.sheets.filter((x) => x !== n)
                )
              }
              data-testid={`map-sheet-${input.key}-${n}`}
            />
          ))}
        </div>
      </details>
      {look.map(row)}
      {rest.length ? (
        <details>
          <summary>
            <Caption1>{s.mappingFound(rest.length)}</Caption1>
          </summary>
          <div className={c.col}>{rest.map(row)}</div>
        </details>
      ) : null}
    </section>
  );
}

export function MappingStep(props: {
  plan: MappingPlan;
  /** the plan with these rows standing for 列映射 (a changed sheet pick) */
  onReplan: (rows: string[][]) => Promise<MappingPlan>;
  onConfirm: (rows: string[][]) => void;
  onSkip: () => void;
  busy?: boolean;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const [plan, setPlan] = React.useState(props.plan);
  const [choice, setChoice] = React.useState<MappingChoice>(() => initialChoice(props.plan));
  React.useEffect(() => {
    setPlan(props.plan);
    setChoice(initialChoice(props.plan));
  }, [props.plan]);
  const update = (i: InputChoice) => setChoice(choice.map((x) => (x.key === i.key ? i : x)));
  const onSheets = (key: string, sheets: string[]) => {
    const next = choice.map((x) => (x.key === key ? { ...x, sheets } : x));
    props
      .onReplan(choiceRows(plan, next))
      .then((p) => {
        setPlan(p);
        setChoice(initialChoice(p));
      })
      .catch(() => setChoice(next));
  };
  // an input is shown when it is not simply found by name with every column by its header
  const shown = plan.inputs.filter(
    (i) =>
      i.key === "tickets" ||
      (i.sheetsHow !== "missing" && (i.sheetsHow !== "name" || i.fields.some(needsLook)))
  );
  const missing = plan.inputs.filter((i) => i.sheetsHow === "missing" && i.key !== "tickets");
  const taken = new Set(plan.inputs.flatMap((i) => i.sheets));
  return (
    <div className={c.col} data-testid="mapping-step">
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{s.mappingTitle}</MessageBarTitle>
          {s.mappingIntro}
        </MessageBarBody>
      </MessageBar>
      {plan.errors.length ? (
        <MessageBar intent="error" data-testid="mapping-errors">
          <MessageBarBody>
            <MessageBarTitle>{s.mappingErrors}</MessageBarTitle>
            {plan.errors.map((e) => (lang === "zh" ? e.message : e.messageEn)).join("；")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan.unconfirmed ? <Caption1>{s.mappingUnconfirmed(plan.unconfirmed)}</Caption1> : null}
      {shown.map((i) => (
        <InputSection
          key={i.key}
          input={i}
          choice={choice.find((x) => x.key === i.key)!}
          candidates={[...i.sheets, ...plan.otherSheets.filter((n) => !taken.has(n))]}
          onChange={update}
          onSheets={(sheets) => onSheets(i.key, sheets)}
        />
      ))}
      {missing.length ? (
        <Caption1>
          {s.mappingInputsMissing(missing.map((i) => i.zh).join(lang === "zh" ? "、" : ", "))}
        </Caption1>
      ) : null}
      <div className={c.buttons}>
        <Button
          appearance="primary"
          icon={<CheckmarkCircle24Regular />}
          disabled={props.busy}
          onClick={() => props.onConfirm(choiceRows(plan, choice))}
          data-testid="mapping-confirm"
        >
          {s.mappingConfirm}
        </Button>
        <Button
          icon={<Play24Regular />}
          disabled={props.busy}
          onClick={props.onSkip}
          data-testid="mapping-skip"
        >
          {s.mappingSkip}
        </Button>
      </div>
    </div>
  );
}
