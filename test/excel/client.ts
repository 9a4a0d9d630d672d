// Office.js's own Excel client (`@microsoft/office-js`, the excel-web-16.00 build) loaded into a
// jsdom window, with only its HTTP layer replaced (OfficeExtension.HttpUtility.setCustomSendRequestFunc)
// by the responder, which plays a workbook of test/fakes/excel.ts. Everything between the adapter
// and the wire is Microsoft's code: request building, object paths, load/sync, tracked objects and
// their release at the end of Excel.run, requirement-set checks, error objects.
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";
import { ExcelAdapter, ExcelAdapterOptions, RunBatch, officeRun } from "../../src/excel/adapter";
import { FakeExcel } from "../fakes/excel";
import { OfficeResponder, ResponderLimits } from "./responder";

const LIBRARY = path.join(
  __dirname,
  "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"
);

/** What the simulated host supports. */
export interface OfficeHost {
  /** the highest ExcelApi requirement set (e.g. "1.7" for Office 2019 volume-licensed) */
  excelApi: string;
  /** Excel.run's delayForCellEdit (the DelayForCellEdit set) */
  delayForCellEdit?: boolean;
}

export const MICROSOFT_365: OfficeHost = { excelApi: "1.20", delayForCellEdit: true };
export const OFFICE_2019: OfficeHost = { excelApi: "1.8" };
export const OFFICE_2019_VOLUME: OfficeHost = { excelApi: "1.7" };

/** "1.10" ≥ "1.9": numeric, part by part */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

interface OfficeWindow {
  Excel: { run: RunBatch; RequestContext: new (url?: string) => Excel.RequestContext };
  OfficeExtension: {
    HttpUtility: { setCustomSendRequestFunc(f: unknown): void };
    ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
    Utility: { _synchronousCleanup?: boolean };
  };
  Office: { context?: unknown };
}

let source: string | undefined;

export interface OfficeClient {
  /** Excel.run of the real client */
  run: RunBatch;
  /** what the host supports (pass to ExcelAdapter) */
  supports: (version: string) => boolean;
  responder: OfficeResponder;
  book: FakeExcel;
  host: OfficeHost;
  window: OfficeWindow;
}

/**
 * A fresh client window over `book`. The library is parsed once per test file (about 0.1 s) and
 * evaluated in a new window each time, so no state leaks between tests.
 */
export function officeClient(
  book: FakeExcel,
  host: OfficeHost = MICROSOFT_365,
  limits?: ResponderLimits
): OfficeClient {
  source ??= fs.readFileSync(LIBRARY, "utf8");
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost:3000/taskpane.html",
  });
  const w = dom.window as unknown as OfficeWindow & { eval(s: string): void };
  w.eval(source);
  const supports = (version: string) => versionAtLeast(host.excelApi, version);
  // what Office.js consults for requirement sets (it refuses APIs the host lacks)
  const context = {
    requirements: {
      isSetSupported(name: string, version?: string) {
        if (name === "ExcelApi") return supports(version ?? "1.1");
        if (name === "DelayForCellEdit") return Boolean(host.delayForCellEdit);
        return true;
      },
    },
  };
  // Office.context is a getter that asks OSF._OfficeAppFactory (set up by a real host)
  const osf = (w as unknown as { OSF: { _OfficeAppFactory?: { getContext?: () => unknown } } }).OSF;
  osf._OfficeAppFactory ??= {};
  osf._OfficeAppFactory.getContext = () => context;
  const responder = new OfficeResponder(book, limits);
  w.OfficeExtension.HttpUtility.setCustomSendRequestFunc(responder.send);
  // the client sends its requests to this address; a string keeps them on the HTTP executor
  w.OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = "https://excel.test/";
  // the release of tracked objects at the end of Excel.run is awaited (as a request resolver does),
  // so a test sees it in responder.requests when run() returns
  w.OfficeExtension.Utility._synchronousCleanup = true;
  // as the pane calls it (src/taskpane/index.tsx)
  const run: RunBatch = officeRun(w.Excel as unknown as { run: typeof Excel.run });
  return { run, supports, responder, book, host, window: w };
}

/**
 * The same client window over another book, for tests that go through many workbooks (the
 * corpus): a window costs about 0.1 s to make, a new responder nothing.
 */
export function rebind(
  client: OfficeClient,
  book: FakeExcel,
  limits?: ResponderLimits
): OfficeClient {
  const responder = new OfficeResponder(book, limits);
  client.window.OfficeExtension.HttpUtility.setCustomSendRequestFunc(responder.send);
  return { ...client, responder, book };
}

/**
 * The host a fake's options describe: notes (ExcelApi 1.18) → Microsoft 365; threaded comments
 * only (1.10); neither → 1.9 (page layout and screen suspension, as Office 2021).
 */
export function hostFor(book: FakeExcel): OfficeHost {
  if (book.options.notes) return MICROSOFT_365;
  if (book.options.comments) return { excelApi: "1.10" };
  return { excelApi: "1.9" };
}

/** The Office.js adapter over `book`, through the real client. */
export function adapterOn(
  book: FakeExcel,
  options: ExcelAdapterOptions & { host?: OfficeHost } = {}
): ExcelAdapter {
  const client = officeClient(book, options.host ?? hostFor(book));
  clients.set(book, client);
  return new ExcelAdapter(client.run, { supports: client.supports, ...options });
}

const clients = new WeakMap<FakeExcel, OfficeClient>();

/** The client adapterOn last made for `book` (its responder has the requests). */
export function clientOf(book: FakeExcel): OfficeClient {
  const c = clients.get(book);
  if (!c) throw new Error("no client for this workbook: use adapterOn first");
  return c;
}
