// An error in the pane: the message, what is wrong in detail, and for an unexpected error the
// report to copy (it holds no workbook data, and the user can read it before sending it).
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Copy24Regular } from "@fluentui/react-icons";
import { useStrings } from "../i18n";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // Excel's web view may refuse the clipboard: the report is shown to select
  }
}

export function ErrorBox(props: {
  title?: string;
  message: string;
  details?: string[];
  report?: string;
  testId?: string;
}) {
  const { s } = useStrings();
  const [copied, setCopied] = React.useState<boolean | null>(null);
  return (
    <MessageBar intent="error" data-testid={props.testId} layout="multiline">
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {props.message}
        {props.details?.length ? (
          <ul>
            {props.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
        {props.report ? (
          <div>
            <Button
              size="small"
              icon={<Copy24Regular />}
              onClick={() => void copyText(props.report!).then(setCopied)}
            >
              {s.copyReport}
            </Button>
            {copied === true ? <div role="status">{s.reportCopied}</div> : null}
            {copied === false ? <div role="alert">{s.reportCopyFailed}</div> : null}
            <details open={copied === false}>
              <summary>{s.reportShow}</summary>
              <pre
                data-testid="fault-report"
                style={{ whiteSpace: "pre-wrap", userSelect: "all", fontSize: "11px" }}
              >
                {props.report}
              </pre>
            </details>
          </div>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
