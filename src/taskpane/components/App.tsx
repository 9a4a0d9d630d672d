// The task pane: four tabs over one audit session (the open Excel workbook, or a file in a plain
// browser). The pane calls the session; it never calls Office or the file code itself.
import * as React from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { AuditResult } from "../../engine/audit";
import { kpiRuleRange } from "../../engine/layout";
import type { Params } from "../../engine/params";
import { resolve, DEFAULT_PARAMS } from "../../engine/params";
import type { TemplateKey } from "../../engine/layout/own";
import { Cancelled, SheetInfo } from "../../workbook";
import { RUN_LOG_SHEET, VerifyResult } from "../../engine/verify";
import { beijingText } from "../../engine/time";
import { EngineFailure } from "../engine/client";
import { LangContext, STRINGS, UiLang } from "../i18n";
import { AuditSession, DownloadFile, mimeType, resultFileName } from "../session";
import { SETTLEMENT_SHEET } from "../engine/protocol";
import type { SheetSpec } from "../../engine/layout/spec";
import { PrintPortal } from "./PrintView";
import { IssuesTab } from "./IssuesTab";
import { MappingStep } from "./MappingStep";
import type { MappingPlan } from "../../engine/suggest";
import { OpenFile } from "./OpenFile";
import { ParamsTab } from "./ParamsTab";
import { RunState, RunTab } from "./RunTab";
import { TemplateTab } from "./TemplateTab";
import { ErrorBox } from "./ErrorBox";
import { Explained, explainError } from "../explain";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    padding: "12px 12px 4px",
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: "8px",
  },
  body: { padding: "8px 12px 16px", display: "flex", flexDirection: "column", gap: "10px" },
  // the title block shrinks and wraps beside the language button (English at 360 px)
  titles: { minWidth: 0, overflowWrap: "anywhere" },
  // four tabs fit a 360 px pane in either language; a longer label wraps, never runs off the pane
  tabs: { flexWrap: "wrap" },
  tab: { paddingLeft: "4px", paddingRight: "4px" },
});

type TabId = "run" | "issues" | "params" | "template";

export interface AppProps {
  mode: "excel" | "file";
  /** the session (Excel mode: given; file mode: made when a file is opened) */
  session?: AuditSession | null;
  /** file mode: opens a session on a file */
  openFile?: (bytes: ArrayBuffer, name: string) => Promise<AuditSession>;
  lang: UiLang;
  dark?: boolean;
  /** run time text for the run log (injected for tests) */
  now?: () => string;
  /** hands the audited workbook to the user (file mode) */
  save?: (bytes: Uint8Array, name: string, type?: string) => void;
}

export function App(props: AppProps) {
  const c = useStyles();
  const [lang, setLang] = React.useState<UiLang>(props.lang);
  const s = STRINGS[lang];
  const [tab, setTab] = React.useState<TabId>("run");
  const [session, setSession] = React.useState<AuditSession | null>(props.session ?? null);
  const [sheets, setSheets] = React.useState<SheetInfo[]>([]);
  const [saved, setSaved] = React.useState<Params | null>(null);
  const [sheetParamErrors, setSheetParamErrors] = React.useState<string[]>([]);
  const [asOf, setAsOf] = React.useState<string>(resolve(DEFAULT_PARAMS).asOf);
  const [run, setRun] = React.useState<RunState>({ status: "idle" });
  const [readings, setReadings] = React.useState(true);
  const [kpiOpenOnly, setKpiOpenOnly] = React.useState(false);
  const [result, setResult] = React.useState<AuditResult | null>(null);
  // 结算确认单 of the run shown (file mode), the print view of it while printing, and what the
  // print button said to do next
  const [settlement, setSettlement] = React.useState<SheetSpec | null>(null);
  const [printing, setPrinting] = React.useState(0);
  const [printNote, setPrintNote] = React.useState<"excel" | "file" | null>(null);
  /** what the last download could not do as asked (cell formats near Excel's limit) */
  const [downloadNote, setDownloadNote] = React.useState<number>(0);
  // the parameters or sheets changed after the run whose results are shown
  const [stale, setStale] = React.useState(false);
  const [opening, setOpening] = React.useState(false);
  const [fault, setFault] = React.useState<Explained | null>(null);
  const failed = (where: string) => (e: unknown) => setFault(explainError(e, lang, where));
  const [verified, setVerified] = React.useState<VerifyResult | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  // the 列映射 step to show before a run, and whether the user has looked at it for this workbook
  const [mapping, setMapping] = React.useState<MappingPlan | null>(null);
  const [mappingReviewed, setMappingReviewed] = React.useState(false);
  React.useEffect(() => {
    setMapping(null);
    setMappingReviewed(false);
  }, [session]);

  const refresh = React.useCallback(async (sess: AuditSession) => {
    setSheets(await sess.listSheets());
    const p = await sess.loadParams();
    setSaved(p.saved);
    setSheetParamErrors(
      p.errors.map((e) => `${e.message}${e.sheet ? `（${e.sheet}!${e.cell}）` : ""}`)
    );
    setAsOf(resolve(p.saved ?? DEFAULT_PARAMS).asOf);
  }, []);

  React.useEffect(() => {
    if (session) refresh(session).catch((e) => setFault(explainError(e, lang, "pane refresh")));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language of a message is not a reason to reload
  }, [session, refresh]);

  const onFile = async (file: File) => {
    if (!props.openFile) return;
    setOpening(true);
    setFault(null);
    setRun({ status: "running", progress: { stage: "opening", detail: file.name } });
    try {
      const sess = await props.openFile(await file.arrayBuffer(), file.name);
      setResult(null);
      setSettlement(null);
      setPrinting(0);
      setPrintNote(null);
      setStale(false);
      setRun({ status: "idle" });
      setSession(sess);
    } catch (e) {
      setRun({ status: "error", title: s.error, ...explainError(e, lang, "pane open") });
    } finally {
      setOpening(false);
    }
  };

  const onRun = async (checkMapping = !mappingReviewed) => {
    if (!session) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setRun({ status: "running", progress: { stage: "reading" } });
    setVerified(null);
    setMapping(null);
    setPrinting(0);
    setPrintNote(null);
    try {
      const out = await session.run(
        {
          asOf: asOf || undefined,
          lang,
          runAt: props.now ? props.now() : beijingText(Date.now()),
          readings,
          kpiOpenOnly,
          checkMapping,
        },
        (progress) => {
          if (!ctrl.signal.aborted) setRun({ status: "running", progress });
        },
        ctrl.signal
      );
      if ("plan" in out) {
        // the 列映射 step first: nothing was computed or written
        setMapping(out.plan);
        setRun({ status: "idle" });
        return;
      }
      const r = out.result;
      setResult(r);
      setSettlement(out.settlement ?? null);
      setStale(false);
      setRun({ status: "done", result: r });
      setSheets(await session.listSheets());
    } catch (e) {
      if (e instanceof Cancelled || ctrl.signal.aborted) setRun({ status: "cancelled" });
      else
        setRun({
          status: "error",
          title: s.error,
          ...explainError(e, lang, "pane run"),
          details:
            e instanceof EngineFailure
              ? e.paramErrors.map(
                  (p) =>
                    `${p.key}: ${lang === "zh" ? p.message : p.messageEn}${p.sheet ? ` (${p.sheet}!${p.cell})` : ""}`
                )
              : undefined,
        });
    } finally {
      abort.current = null;
    }
  };

  // the 列映射 step: confirmed rows are written, then the run goes on (the user has looked)
  const onConfirmMapping = async (rows: string[][]) => {
    if (!session) return;
    try {
      await session.saveMapping(rows);
      setMappingReviewed(true);
      setSheets(await session.listSheets());
      await onRun(false);
    } catch (e) {
      setRun({ status: "error", title: s.error, ...explainError(e, lang, "pane mapping") });
    }
  };
  const onSkipMapping = () => {
    setMappingReviewed(true);
    void onRun(false);
  };

  const onSaveParams = async (p: Params) => {
    if (!session) return;
    await session.saveParams(p);
    if (result) setStale(true);
    // a run's as-of date follows evaluation.asOf only when the saved value changed
    if (resolve(p).asOf !== resolve(saved ?? DEFAULT_PARAMS).asOf) setAsOf(resolve(p).asOf);
    setSaved(p);
    setSheetParamErrors([]);
    setSheets(await session.listSheets());
  };

  // a what-if is of the run shown: its as-of date, unless the edits change evaluation.asOf itself
  const whatIfAsOf = (p: Params) =>
    resolve(p).asOf !== resolve(saved ?? DEFAULT_PARAMS).asOf ? undefined : asOf || undefined;

  const onInsert = async (keys: TemplateKey[]) => {
    if (!session) return [];
    const added = await session.insertTemplates(
      keys,
      resolve(saved ?? DEFAULT_PARAMS).contractYear
    );
    if (added.length && result) setStale(true);
    setSheets(await session.listSheets());
    return added;
  };

  const onDownload =
    session?.kind === "file" && session.download
      ? async () => {
          const { bytes, name, kind, stylesFellBack } = await session.download!();
          setDownloadNote(stylesFellBack ?? 0);
          // the copy is named for the contract year of the run it holds
          const year = result?.resolved.contractYear;
          (props.save ?? saveBytes)(bytes, resultFileName(name, kind, year), mimeType(kind));
        }
      : undefined;

  // 结算确认单 on paper. Excel has no print call for an add-in: the sheet is opened (its page set-up
  // is written with it) and she prints it; a file in a browser prints the same sheet's print view
  const printFile =
    result && session && session.fileName !== null
      ? resultFileName(session.fileName, kindOf(session.fileName), result.resolved.contractYear)
      : "";
  const onPrint = !result
    ? undefined
    : session?.canSelect
      ? () => {
          setFault(null);
          session
            .selectCell(SETTLEMENT_SHEET, "A1")
            .then(() => setPrintNote("excel"))
            .catch(failed("pane print"));
        }
      : settlement
        ? () => {
            setPrintNote("file");
            setPrinting((n) => n + 1);
          }
        : undefined;
  React.useEffect(() => {
    if (!printing) return;
    // the print view is in the page now: the browser prints it (and names a PDF after the title)
    const title = document.title;
    document.title = `${SETTLEMENT_SHEET} · ${printFile}`;
    const done = () => {
      document.title = title;
      setPrinting(0);
    };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
    return () => {
      window.removeEventListener("afterprint", done);
      document.title = title;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once a press of the button
  }, [printing]);

  // going to a cell can fail (a hidden sheet, a sheet deleted since the run): say so
  const select = (sheet: string, cell: string) => {
    setFault(null);
    session?.selectCell(sheet, cell).catch(failed("pane select"));
  };
  // a file in a browser has no cells to select: the click says where to look instead, under the
  // rule clicked (not at the top of the pane, out of sight)
  const onOpenRule =
    result && session?.canSelect
      ? (ruleId: string) => select("KPI明细", kpiRuleRange(result.kpis, ruleId))
      : undefined;
  const ruleHint =
    result && session && !session.canSelect
      ? (ruleId: string) => s.whereToLook(ruleId, kpiRuleRange(result.kpis, ruleId))
      : undefined;

  return (
    <LangContext.Provider value={{ lang, s }}>
      <FluentProvider
        theme={props.dark ? webDarkTheme : webLightTheme}
        className={c.root}
        lang={lang === "zh" ? "zh-CN" : "en"}
      >
        <header className={c.header}>
          <div className={c.titles}>
            <Title3 as="h1">{s.appTitle}</Title3>
            <div>
              <Caption1>
                {s.appSubtitle} · {s.contractYear(resolve(saved ?? DEFAULT_PARAMS).contractYear)} ·{" "}
                {props.mode === "excel" ? s.modeExcel : s.modeFile}
              </Caption1>
            </div>
          </div>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
            aria-label={lang === "zh" ? "Switch to English" : "切换到中文"}
          >
            {s.lang}
          </Button>
        </header>
        <main className={c.body}>
          {props.mode === "file" ? (
            <OpenFile
              onFile={onFile}
              busy={opening || run.status === "running"}
              current={session?.fileName ?? null}
            />
          ) : null}
          {fault ? (
            <ErrorBox testId="pane-fault" message={fault.message} report={fault.report} />
          ) : null}
          {session ? (
            <>
              <TabList
                size="small"
                className={c.tabs}
                selectedValue={tab}
                onTabSelect={(_, d) => setTab(d.value as TabId)}
                aria-label={s.appTitle}
              >
                <Tab value="run" className={c.tab}>
                  {s.tabRun}
                </Tab>
                <Tab value="issues" className={c.tab}>
                  {s.tabIssues}
                  {result ? ` (${result.issues.length})` : ""}
                </Tab>
                <Tab value="params" className={c.tab}>
                  {s.tabParams}
                </Tab>
                <Tab value="template" className={c.tab}>
                  {s.tabTemplate}
                </Tab>
              </TabList>
              <div role="tabpanel" aria-label={tab}>
                {tab === "run" ? (
                  <RunTab
                    sheets={sheets}
                    asOf={asOf}
                    onAsOf={setAsOf}
                    state={run}
                    onRun={() => void onRun()}
                    onCancel={() => abort.current?.abort()}
                    onOpenRule={onOpenRule}
                    ruleHint={ruleHint}
                    onDownload={onDownload}
                    stale={stale}
                    paramErrors={sheetParamErrors}
                    readings={readings}
                    onReadings={setReadings}
                    kpiOpenOnly={kpiOpenOnly}
                    onKpiOpenOnly={setKpiOpenOnly}
                    onVerify={
                      sheets.some((sh) => sh.name === RUN_LOG_SHEET)
                        ? () => {
                            setVerified(null);
                            session.verify().then(setVerified).catch(failed("pane verify"));
                          }
                        : undefined
                    }
                    verify={verified}
                    onPrint={onPrint}
                    downloadNote={downloadNote ? s.stylesFellBack(downloadNote) : null}
                    printNote={
                      stale || !printNote
                        ? null
                        : printNote === "excel"
                          ? s.printExcelHint
                          : s.printFileHint
                    }
                    mappingStep={
                      mapping ? (
                        <MappingStep
                          plan={mapping}
                          onReplan={(rows) => session.planMapping(rows)}
                          onConfirm={(rows) => void onConfirmMapping(rows)}
                          onSkip={onSkipMapping}
                          busy={run.status === "running"}
                        />
                      ) : null
                    }
                  />
                ) : null}
                {tab === "issues" ? (
                  <IssuesTab
                    issues={result?.issues ?? null}
                    canSelect={session.canSelect}
                    onSelect={select}
                  />
                ) : null}
                {tab === "params" ? (
                  <ParamsTab
                    saved={saved}
                    onSave={onSaveParams}
                    sheetErrors={sheetParamErrors}
                    current={result}
                    whatIf={(p) => session.whatIf(p, whatIfAsOf(p))}
                  />
                ) : null}
                {tab === "template" ? <TemplateTab sheets={sheets} onInsert={onInsert} /> : null}
              </div>
            </>
          ) : run.status === "running" || run.status === "error" ? (
            <RunTab
              sheets={null}
              asOf={asOf}
              onAsOf={setAsOf}
              state={run}
              onRun={() => void onRun()}
              onCancel={() => abort.current?.abort()}
            />
          ) : null}
        </main>
        {printing && settlement && !stale ? (
          <PrintPortal spec={settlement} fileName={printFile} />
        ) : null}
      </FluentProvider>
    </LangContext.Provider>
  );
}

/** The type of a workbook by its name (the audited copy keeps it). */
const kindOf = (name: string): DownloadFile["kind"] => {
  const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext as DownloadFile["kind"] | undefined) ?? "xlsx";
};

/** Hands bytes to the browser as a download; nothing leaves the computer. */
export function saveBytes(bytes: Uint8Array, name: string, type = mimeType("xlsx")): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
