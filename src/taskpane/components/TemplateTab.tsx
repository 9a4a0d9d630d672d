// 模板 (Template): creates the missing input sheets with headers, notes, drop-downs and formats.
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
} from "@fluentui/react-components";
import { TableAdd24Regular } from "@fluentui/react-icons";
import { matchSheet } from "../../engine/read";
import { SHEETS } from "../../engine/sheets";
import { isMappingSheetName, MAPPING_SHEET } from "../../engine/mapping";
import type { TemplateKey } from "../../engine/layout/own";
import type { SheetInfo } from "../../workbook";
import { ErrorBox } from "./ErrorBox";
import { explainError } from "../explain";
import { useStrings } from "../i18n";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "8px" } });

export function TemplateTab(props: {
  sheets: SheetInfo[];
  onInsert: (keys: TemplateKey[]) => Promise<string[]>;
}) {
  const { s, lang } = useStrings();
  const c = useStyles();
  const present = new Set(props.sheets.map((sh) => matchSheet(sh.name)?.key).filter(Boolean));
  // the missing input sheets (chosen at first), and 列映射 when there is none (not chosen at first:
  // a workbook of the template's shape needs none)
  const missing: { key: TemplateKey; zh: string; en: string }[] = SHEETS.filter(
    (d) => !present.has(d.key)
  );
  if (!props.sheets.some((sh) => isMappingSheetName(sh.name)))
    missing.push({
      key: "mapping",
      zh: MAPPING_SHEET.zh,
      en: `${MAPPING_SHEET.en} · ${s.mappingTemplateHint}`,
    });
  // chosen at first: the missing inputs the rules need (not 列映射, not the optional 节假日)
  const first = () =>
    new Set(
      missing
        .filter((d) => d.key !== "mapping" && !SHEETS.find((x) => x.key === d.key)?.optional)
        .map((d) => d.key)
    );
  const [chosen, setChosen] = React.useState<Set<TemplateKey>>(first);
  const [message, setMessage] = React.useState<{
    ok: boolean;
    text: string;
    report?: string;
  } | null>(null);
  React.useEffect(() => setChosen(first()), [props.sheets]); // eslint-disable-line react-hooks/exhaustive-deps
  const insert = async () => {
    try {
      const added = await props.onInsert(
        missing.filter((d) => chosen.has(d.key)).map((d) => d.key)
      );
      setMessage({ ok: true, text: s.inserted(added.join("、") || "—") });
    } catch (e) {
      const x = explainError(e, lang, "pane templates");
      setMessage({ ok: false, text: x.message, report: x.report });
    }
  };
  return (
    <div className={c.col}>
      <Subtitle2>{s.templateTitle}</Subtitle2>
      <Caption1>{s.templateHint}</Caption1>
      {missing.every(
        (d) => d.key === "mapping" || SHEETS.find((x) => x.key === d.key)?.optional
      ) ? (
        <Caption1>{s.templateAll}</Caption1>
      ) : null}
      {missing.map((d) => (
        <Checkbox
          key={d.key}
          label={`${d.zh} ${d.en}`}
          checked={chosen.has(d.key)}
          onChange={(_, x) => {
            const next = new Set(chosen);
            if (x.checked) next.add(d.key);
            else next.delete(d.key);
            setChosen(next);
          }}
        />
      ))}
      <div>
        <Button
          appearance="primary"
          icon={<TableAdd24Regular />}
          disabled={chosen.size === 0}
          onClick={insert}
          data-testid="insert-templates"
        >
          {s.insertTemplates}
        </Button>
      </div>
      {message?.ok ? (
        <MessageBar intent="success">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : message ? (
        <ErrorBox message={message.text} report={message.report} />
      ) : null}
    </div>
  );
}
