// The pane in file mode on an inline engine (jsdom): what the file-mode pane tests render, and the
// workbook files they hand it. Not a test file itself.
import * as React from "react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import { EngineClient } from "../../src/taskpane/engine/client";
import { FileSession } from "../../src/taskpane/session";

/** Renders the pane in file mode; `saved` collects what "下载核查结果" hands over. */
export function renderFilePane(now = "2026-12-03 09:00:00") {
  const saved: { bytes: Uint8Array; name: string }[] = [];
  const openFile = (b: ArrayBuffer, name: string) =>
    FileSession.open(b, name, new EngineClient(false));
  render(
    <App
      mode="file"
      openFile={openFile}
      lang="zh"
      now={() => now}
      save={(b, name) => saved.push({ bytes: b, name })}
    />
  );
  return { saved, user: userEvent.setup() };
}

/** An .xlsx file as a user picks it. */
export const xlsxFile = (bytes: Uint8Array, name: string) =>
  new File([bytes as BlobPart], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
