// The pane's entry: wait for Office (never longer than a few seconds), then render the pane over
// the open workbook in Excel, or in file mode when there is no Office host (a plain browser,
// WPS or LibreOffice users, a locked-down laptop, office.js unreachable).
import * as React from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { ExcelAdapter, officeRun } from "../excel";
import { App } from "./components/App";
import { langFor } from "./i18n";
import { insideOffice, whenOfficeReady } from "./office-loader";
import { ExcelSession, FileSession } from "./session";
import { EngineClient } from "./engine/client";

/** Office's theme (bodyBackgroundColor) or the browser's preference. */
function isDark(host: string | null): boolean {
  if (host) {
    const bg = (globalThis as { Office?: typeof Office }).Office?.context?.officeTheme
      ?.bodyBackgroundColor;
    const m = bg ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg) : null;
    if (m)
      return (
        (0.2126 * parseInt(m[1], 16) + 0.7152 * parseInt(m[2], 16) + 0.0722 * parseInt(m[3], 16)) /
          255 <
        0.5
      );
  }
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

async function start(): Promise<void> {
  // the old-client notice of taskpane.html is showing: nothing to start
  if ((window as { __paneUnsupported?: boolean }).__paneUnsupported) return;
  const inside = insideOffice(location.search);
  const { host } = await whenOfficeReady(undefined, inside);
  if (!host && inside) {
    // inside Office but Office.js never reported Excel: file mode would be wrong here
    document.getElementById("container")!.textContent =
      "Excel 未能启动本加载项：请关闭任务窗格后重新打开；仍不行请重启 Excel。 / Excel did not start the add-in: close the task pane and open it again; if that fails, restart Excel.";
    return;
  }
  const displayLanguage = host === "excel" ? Office.context.displayLanguage : navigator.language;
  const lang = langFor(displayLanguage);
  if (lang === "zh") z.config(z.locales.zhCN());
  const root = createRoot(document.getElementById("container")!);
  if (host === "excel") {
    const adapter = new ExcelAdapter(officeRun(Excel));
    root.render(
      <App mode="excel" session={new ExcelSession(adapter)} lang={lang} dark={isDark(host)} />
    );
  } else {
    // the engine's worker started, and its .xlsx code loaded, while the user chooses a file
    // (about a tenth of a second less between choosing it and the Run button); each later file
    // gets a fresh worker, as every file did
    let warm: EngineClient | null = new EngineClient();
    warm.request({ op: "warm" }).catch(() => undefined);
    const firstOrFresh = () => {
      const engine = warm ?? new EngineClient();
      warm = null;
      return engine;
    };
    root.render(
      <App
        mode="file"
        openFile={(bytes, name) => FileSession.open(bytes, name, firstOrFresh())}
        lang={lang}
        dark={isDark(null)}
      />
    );
  }
}

void start();
