// Starts the pane whether or not Office.js is there.
//
// taskpane.html loads office.js from Microsoft's CDN in <head>, before the pane's (deferred)
// bundle; when that script fails (no network) its onerror sets window.__officeLoadFailed. The pane
// calls whenOfficeReady() before rendering:
//
//   { host: "excel" }  Office.onReady reported Excel: use the open workbook (src/excel/)
//   { host: null }     anything else: Office.onReady reported no host (a plain browser) or another
//                      host, office.js failed to load, Office.onReady threw or rejected, or nothing
//                      happened within timeoutMs. The pane then works on .xlsx files (src/file/).
//
// Inside Office (the address has `_host_Info`, see insideOffice) it waits up to two minutes and
// the pane then says Excel is not ready instead of offering file mode.
//
// It never rejects and never hangs. No DOM or Office.js types are needed: it reads the globals
// through globalThis, so it runs in a browser, a worker, jsdom and Node alike.

export type OfficeHost = "excel" | null;

export interface OfficeReady {
  host: OfficeHost;
}

/** The part of Office.onReady's result read here (Office.HostType.Excel is "Excel"). */
interface OfficeInfo {
  host?: unknown;
}

interface OfficeLike {
  onReady?: (callback?: (info: OfficeInfo) => void) => unknown;
}

type LoaderGlobal = typeof globalThis & {
  Office?: OfficeLike;
  __officeLoadFailed?: boolean;
};

export const DEFAULT_OFFICE_TIMEOUT_MS = 4000;

/**
 * Inside Office the wait is this long: Office can take far longer than 4 s to start an add-in
 * (office-js#3330, #6946, #6040), and a pane inside Excel must never fall back to file mode.
 */
export const INSIDE_OFFICE_TIMEOUT_MS = 120_000;

/**
 * Whether the pane was opened by Office: Office adds `_host_Info` to the address of an add-in's
 * page (e.g. `?_host_Info=Excel$Win32$16.01$zh-CN$…`). A plain browser never has it.
 */
export function insideOffice(search: string): boolean {
  return /[?&]_host_Info=/i.test(search);
}

/** How often to look again while neither Office nor the failure flag is there yet. */
const POLL_MS = 25;

function hostOf(info: unknown): OfficeHost {
  if (info && typeof info === "object") {
    const host = (info as OfficeInfo).host;
    if (typeof host === "string" && host.toLowerCase() === "excel") return "excel";
  }
  return null;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * Resolves { host: "excel" } once Office.onReady reports Excel, otherwise { host: null } (see the
 * top of this file) — at the latest after timeoutMs (a negative or non-finite value means the
 * default, 4000 ms).
 */
export function whenOfficeReady(
  timeoutMs: number = DEFAULT_OFFICE_TIMEOUT_MS,
  inside = false
): Promise<OfficeReady> {
  const given =
    Number.isFinite(timeoutMs) && timeoutMs >= 0 ? timeoutMs : DEFAULT_OFFICE_TIMEOUT_MS;
  // inside Office: wait as long as Office may take, never less
  const limit = inside ? Math.max(given, INSIDE_OFFICE_TIMEOUT_MS) : given;
  return new Promise<OfficeReady>((resolve) => {
    let settled = false;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setTimeout> | undefined;

    const finish = (host: OfficeHost) => {
      if (settled) return;
      settled = true;
      if (deadline !== undefined) clearTimeout(deadline);
      if (poll !== undefined) clearTimeout(poll);
      resolve({ host });
    };

    const attach = () => {
      poll = undefined;
      if (settled) return;
      try {
        const scope = globalThis as LoaderGlobal;
        const office = scope.Office;
        if (office && typeof office.onReady === "function") {
          // office.js takes a callback and also returns a promise; either may come first
          const result = office.onReady((info) => finish(hostOf(info)));
          if (isThenable(result)) {
            result.then(
              (info) => finish(hostOf(info)),
              () => finish(null)
            );
          }
          return;
        }
        if (scope.__officeLoadFailed === true) {
          finish(null);
          return;
        }
      } catch {
        finish(null);
        return;
      }
      // office.js not (yet) evaluated and not failed: look again until the deadline
      poll = setTimeout(attach, POLL_MS);
    };

    try {
      deadline = setTimeout(() => finish(null), limit);
      attach();
    } catch {
      finish(null);
    }
  });
}
