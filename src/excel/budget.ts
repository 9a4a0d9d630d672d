// Request budgets for Office.js batches. Excel on the web rejects a request or a response over
// 5 MB (the payload is JSON) and large operations over about 5 million cells, so every batch this
// adapter sends is planned to stay under 4 MB and 4 million cells: 1 MB of headroom for the JSON
// envelope of each command and for the estimate being off.

export interface Budget {
  /** estimated UTF-8 bytes of the values/formats in one request or response */
  bytes: number;
  /** cells read or written in one request (values and number formats counted apart) */
  cells: number;
}

export const DEFAULT_BUDGET: Budget = { bytes: 4 * 1024 * 1024, cells: 4_000_000 };

/** Estimated bytes of one queued command besides its data (object path, property, ids). */
export const COMMAND_BYTES = 300;

/**
 * Office.js splits a values or number-format set of more than BULK_CELLS cells into row chunks of
 * about that many cells, each addressed by its own object paths (getRow, getRow, getBoundingRect)
 * and set by its own action: measured at 800–1,230 bytes a chunk besides the data
 * (test/excel/budget.test.ts).
 */
export const BULK_CELLS = 1500;
export const BULK_CHUNK_BYTES = 1300;

/** Request bytes Office.js adds to a grid of `cells` values set on one range. */
export function bulkOverhead(cells: number): number {
  return cells > BULK_CELLS ? Math.ceil(cells / BULK_CELLS) * BULK_CHUNK_BYTES : 0;
}

/** Before anything of a sheet has been read: a generous guess per cell of JSON (Chinese text is 3 bytes a character). */
export const FIRST_GUESS_BYTES_PER_CELL = 48;

/** Measured sizes are multiplied by this before planning the next chunk (rows differ). */
export const SAFETY = 1.25;

/** UTF-8 length of a string without allocating (surrogate pairs: 2 + 2 = 4 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON (what travels between the add-in and Excel). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

function codeAndMessage(e: unknown): { code: string; message: string } {
  const err = e as { code?: unknown; message?: unknown } | null;
  return {
    code: typeof err?.code === "string" ? err.code : "",
    message: typeof err?.message === "string" ? err.message : "",
  };
}

/**
 * A sync failed because the request or the response was too large: Office's documented codes,
 * or — for a request that was large, `largeRequest` — the generic answer Excel on the web
 * sometimes gives instead (GeneralException "An internal error has occurred.").
 */
export function isPayloadTooLarge(e: unknown, largeRequest = false): boolean {
  const { code, message } = codeAndMessage(e);
  if (
    /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(
      code
    ) ||
    /payload size/i.test(message)
  )
    return true;
  return largeRequest && code === "GeneralException" && /internal error/i.test(message);
}

/** A request is "large" (a GeneralException then most likely means its size) above this. */
export const LARGE_REQUEST_BYTES = 1024 * 1024;
