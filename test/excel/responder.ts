// The other end of Office.js: answers the requests of the real Excel client library (loaded by
// test/excel/client.ts) from the in-memory workbook of test/fakes/excel.ts.
//
// The client sends one JSON body per `context.sync()`: object paths (the root, properties,
// methods that return objects, indexers, reference ids) and actions on them (instantiate, query,
// method, set property). The responder walks each path on the fake's proxies (`Worksheets` →
// `.worksheets`, `GetRange("A1")` → `.getRange("A1")`), applies every action in order, runs the
// fake's sync once, and answers in the protocol's shape (`Results: [{ActionId, Value}]`, values in
// PascalCase, `_Items` for collections, `Id` for worksheets and tables, `_ReferenceId` for the
// ranges the client keeps a reference to), or with `Error` the way Excel does.
//
// The limits are Excel on the web's, applied to the real bodies: a request or a response over
// 5 MB is refused (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, or — as
// the web sometimes answers — GeneralException "An internal error has occurred."); a range read
// over 5 million cells comes back with null values. Anything the fake does not model is an error
// here, never a silent success: a test then fails where the adapter went beyond the model.
import { FakeExcel, FakeOfficeError, FakeServedContext, objectKey } from "../fakes/excel";

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  D?: boolean;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface RecordedRequest {
  index: number;
  /** UTF-8 bytes of the request body as sent */
  bytes: number;
  responseBytes: number;
  /** request flags (64: delay for cell edit) */
  flags: number;
  actions: number;
  /** method names called (e.g. _RemoveReference) with their counts */
  methods: Record<string, number>;
  /** property names set with their counts */
  sets: Record<string, number>;
  /** `_KeepReference` actions: ranges the client asked Excel to keep */
  keeps: number;
  /** cells read (values, number formats, formulas) */
  cellsRead: number;
  /** the error code when it failed */
  failed?: string;
  body: RequestBody;
}

export interface ResponderLimits {
  bytes: number;
  cells: number;
}

export const EXCEL_WEB_LIMITS: ResponderLimits = { bytes: 5 * 1024 * 1024, cells: 5_000_000 };

/** How an oversized request is answered: the documented error, or the web's generic one. */
export type PayloadAnswer = "documented" | "internal-error";

export interface HttpRequest {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");
const camel = (n: string) => (n.startsWith("_") ? n : n.charAt(0).toLowerCase() + n.slice(1));
const pascal = (n: string) => (n.startsWith("_") ? n : n.charAt(0).toUpperCase() + n.slice(1));

class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

/** The fake's internal null flag (undefined until a sync decided it). */
function isNull(o: unknown): boolean {
  return (o as { isNull?: boolean }).isNull === true;
}

function grids(v: unknown): number {
  return Array.isArray(v) && v.every(Array.isArray)
    ? (v as unknown[][]).reduce((s, r) => s + r.length, 0)
    : 0;
}

export class OfficeResponder {
  readonly requests: RecordedRequest[] = [];
  /** live reference ids → the proxies they stand for */
  readonly refs = new Map<string, object>();
  /** the user is typing in a cell: requests without the delay-for-cell-edit flag fail */
  cellEditing = false;
  payloadAnswer: PayloadAnswer = "documented";
  /** makes one request fail before it runs (injected errors); return an error code or nothing */
  failWhen?: (req: RecordedRequest) => { code: string; message: string } | undefined;
  private ctx: FakeServedContext;
  private refOf = new WeakMap<object, string>();
  private nextRef = 1;

  /** Excel on the web's limits unless the workbook's options set others */
  readonly limits: ResponderLimits;

  constructor(
    readonly book: FakeExcel,
    limits?: ResponderLimits
  ) {
    this.limits = limits ?? { bytes: book.maxPayloadBytes, cells: book.maxCells };
    this.ctx = book.servedContext();
  }

  /** The HttpUtility.setCustomSendRequestFunc hook. */
  send = async (request: HttpRequest): Promise<HttpResponse> => {
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    const body = JSON.parse(text) as RequestBody;
    const flags = Number(/[?&]flags=(\d+)/.exec(request.url)?.[1] ?? 0);
    const rec: RecordedRequest = {
      index: this.requests.length,
      bytes: utf8(text),
      responseBytes: 0,
      flags,
      actions: body.Actions.length,
      methods: {},
      sets: {},
      keeps: 0,
      cellsRead: 0,
      body,
    };
    this.requests.push(rec);
    for (const a of body.Actions) {
      if (a.ActionType === 3) rec.methods[a.Name] = (rec.methods[a.Name] ?? 0) + 1;
      if (a.ActionType === 4) rec.sets[a.Name] = (rec.sets[a.Name] ?? 0) + 1;
      if (a.ActionType === 3 && a.Name === "_KeepReference") rec.keeps++;
    }
    const answer = (statusCode: number, payload: unknown): HttpResponse => {
      const out = JSON.stringify(payload);
      rec.responseBytes = utf8(out);
      return { statusCode, headers: { "content-type": "application/json" }, body: out };
    };
    const error = (code: string, message: string) => {
      rec.failed = code;
      return answer(200, { Error: { Code: code, Message: message, HttpStatusCode: 400 } });
    };
    if (rec.bytes > this.limits.bytes) {
      rec.failed = "RequestPayloadSizeLimitExceeded";
      this.book.syncs.push({
        index: this.book.syncs.length,
        commands: rec.actions,
        requestBytes: rec.bytes,
        responseBytes: 0,
        requestCells: 0,
        responseCells: 0,
        suspendedCalculation: false,
        suspendedScreen: false,
        failed: rec.failed,
      });
      if (this.payloadAnswer === "internal-error")
        return error("GeneralException", "An internal error has occurred.");
      return answer(413, {
        error: {
          code: "RequestPayloadSizeLimitExceeded",
          message: "The request payload size has exceeded the limit.",
        },
      });
    }
    const injected = this.failWhen?.(rec);
    if (injected) return error(injected.code, injected.message);
    if (this.cellEditing && (flags & 64) === 0)
      return error("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    try {
      const results = await this.execute(body, rec);
      const out = answer(200, { Results: results });
      const record = this.book.syncs[this.book.syncs.length - 1];
      record.responseBytes = rec.responseBytes;
      record.responseCells = rec.cellsRead;
      if (rec.responseBytes > this.limits.bytes) {
        record.failed = "ResponsePayloadSizeLimitExceeded";
        if (this.payloadAnswer === "internal-error")
          return error("GeneralException", "An internal error has occurred.");
        return error(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      }
      return out;
    } catch (e) {
      if (e instanceof ProtocolError || e instanceof FakeOfficeError)
        return error(e.code, e.message);
      throw e;
    }
  };

  /** Live reference ids (ranges kept and not yet released). */
  get liveReferences(): number {
    return this.refs.size;
  }

  private execute(
    body: RequestBody,
    rec: RecordedRequest
  ): Promise<{ ActionId: number; Value: unknown }[]> {
    const paths = body.ObjectPaths;
    const memo = new Map<number, unknown>();
    const root = this.root();
    const args = (info: ObjectPathInfo | ActionInfo): unknown[] => {
      const a = info.ArgumentInfo?.Arguments ?? [];
      const refs = info.ArgumentInfo?.ReferencedObjectPathIds ?? [];
      return a.map((v, i) => (refs[i] ? resolve(refs[i]) : v));
    };
    const resolve = (id: number): unknown => {
      if (memo.has(id)) return memo.get(id);
      const p = paths[String(id)];
      if (!p)
        throw new ProtocolError("InvalidObjectPath", `object path ${id} is not in the request`);
      let o: unknown;
      const parent = () => resolve(p.ParentObjectPathId!) as Obj;
      const member = (obj: Obj, name: string) => {
        const m = obj?.[camel(name)];
        if (m === undefined)
          throw new ProtocolError("ApiNotFound", `the model has no ${name} (path ${id})`);
        return m;
      };
      switch (p.ObjectPathType) {
        case 1:
          o = root;
          break;
        case 4:
          o = member(parent(), p.Name);
          break;
        case 3: {
          const obj = parent();
          const f = member(obj, p.Name);
          if (typeof f !== "function")
            throw new ProtocolError("ApiNotFound", `${p.Name} is not a method (path ${id})`);
          // a method the model runs for its effect (comments.add) stands for an object of its own
          o = (f as (...x: unknown[]) => unknown).apply(obj, args(p)) ?? {};
          break;
        }
        case 5: {
          const obj = parent();
          const f = obj?.getItem;
          if (typeof f !== "function")
            throw new ProtocolError("ApiNotFound", `no indexer (path ${id})`);
          o = (f as (...x: unknown[]) => unknown).apply(obj, args(p));
          break;
        }
        case 6:
          o = this.refs.get(p.Name);
          if (!o) throw new ProtocolError("InvalidObjectPath", `reference ${p.Name} was released`);
          break;
        default:
          throw new ProtocolError("ApiNotFound", `object path type ${p.ObjectPathType}`);
      }
      memo.set(id, o);
      return o;
    };

    type Pending = {
      action: ActionInfo;
      kind: "instantiate" | "query" | "method";
      obj: unknown;
      value?: unknown;
    };
    const pending: Pending[] = [];
    const resolved = new Set<unknown>();
    const kept = new Set<unknown>();
    for (const a of body.Actions) {
      if (a.ActionType === 5) continue; // trace
      const obj = (resolve(a.ObjectPathId) ?? {}) as Obj;
      switch (a.ActionType) {
        case 1: {
          // a worksheet by name: found (or not) when the request runs, so a missing one fails here
          if (typeof obj.queueResolve === "function" && !resolved.has(obj)) {
            resolved.add(obj);
            (obj.queueResolve as () => void)();
          }
          pending.push({ action: a, kind: "instantiate", obj });
          break;
        }
        case 2: {
          if (typeof obj.load !== "function")
            throw new ProtocolError("ApiNotFound", `the model cannot load path ${a.ObjectPathId}`);
          (obj.load as (p?: string) => void)(a.QueryInfo?.Select?.join(","));
          pending.push({ action: a, kind: "query", obj });
          break;
        }
        case 3: {
          if (a.Name === "_KeepReference") {
            kept.add(obj);
            break;
          }
          if (a.Name === "_RemoveReference") {
            const [ref] = args(a) as string[];
            const target = this.refs.get(ref);
            if (target) this.refOf.delete(target);
            this.refs.delete(ref);
            break;
          }
          const f = obj[camel(a.Name)];
          if (typeof f !== "function")
            throw new ProtocolError("ApiNotFound", `the model has no method ${a.Name}`);
          const value = (f as (...x: unknown[]) => unknown).apply(obj, args(a));
          pending.push({ action: a, kind: "method", obj, value });
          break;
        }
        case 4: {
          const name = camel(a.Name);
          const d = findSetter(obj, name);
          if (!d)
            throw new ProtocolError(
              "ApiNotFound",
              `the model cannot set ${a.Name} on path ${a.ObjectPathId}`
            );
          (obj as Obj)[name] = args(a)[0];
          break;
        }
        default:
          throw new ProtocolError("ApiNotFound", `action type ${a.ActionType}`);
      }
    }
    const sync = this.ctx.sync();
    // the fake recorded this sync as it started: its record carries the real request size
    this.book.syncs[this.book.syncs.length - 1].requestBytes = rec.bytes;
    return sync.then(() =>
      pending.map((p) => {
        let value: unknown;
        if (p.kind === "instantiate") value = this.identity(p.obj, kept.has(p.obj));
        else if (p.kind === "query")
          value = isNull(p.obj) ? null : this.serialize(p.obj, p.action.QueryInfo?.Select, rec);
        else value = p.value === undefined ? null : p.value;
        return { ActionId: p.action.Id, Value: value };
      })
    );
  }

  /** The root object: the workbook, with the application beside it (as Excel's root has). */
  private root(): Obj {
    const wb = this.ctx.workbook as Obj;
    const app = this.ctx.application;
    return new Proxy(wb, {
      get: (target, key) => (key === "application" ? app : (target as Obj)[key as string]),
    });
  }

  /** What an instantiate action answers: null for a null object, ids for what has them. */
  private identity(obj: unknown, keep: boolean): unknown {
    if (isNull(obj)) return null;
    const out: Obj = {};
    const sheetId = (obj as { sheetId?: number }).sheetId;
    if (typeof sheetId === "number") out.Id = objectKey(1, sheetId);
    const tableId = (obj as { tableId?: number }).tableId;
    if (typeof tableId === "number") out.Id = objectKey(2, tableId);
    if (keep && obj && typeof obj === "object") {
      let ref = this.refOf.get(obj);
      if (!ref) {
        ref = `{${(this.nextRef++).toString(16).toUpperCase().padStart(8, "0")}-5B9C-4F1A-8E2D-7C3B6A1F0E9D}Range`;
        this.refOf.set(obj, ref);
        this.refs.set(ref, obj);
      }
      out._ReferenceId = ref;
    }
    return out;
  }

  /** A loaded fake proxy → the protocol's JSON (PascalCase, `_Items`, nested navigation). */
  private serialize(obj: unknown, select: string[] | undefined, rec: RecordedRequest): unknown {
    const loaded = (obj as { loaded?: Obj }).loaded;
    if (!loaded) {
      if (obj && typeof obj === "object" && !Array.isArray(obj)) return pascalKeys(obj as Obj);
      return obj;
    }
    const all = !select || select.includes("*");
    const heads = new Map<string, string[]>();
    for (const s of all ? Object.keys(loaded) : select) {
      const [head, ...rest] = s.split("/");
      if (!heads.has(head)) heads.set(head, []);
      if (rest.length) heads.get(head)!.push(rest.join("/"));
    }
    const out: Obj = {};
    if ("items" in loaded) {
      const items = loaded.items as unknown[];
      out._Items = items.map((it) => {
        const v = this.serialize(it, select, rec) as Obj;
        const id = this.identity(it, false) as Obj | null;
        return id?.Id ? { Id: id.Id, ...v } : v;
      });
      return out;
    }
    for (const [head, rest] of heads) {
      if (!(head in loaded)) continue;
      let v = loaded[head];
      const cells = grids(v);
      if (cells) {
        rec.cellsRead += cells;
        // Excel on the web: a read over the cell limit comes back empty
        if (cells > this.limits.cells) v = null;
      } else if (v && typeof v === "object" && !Array.isArray(v))
        v = this.serialize(v, rest.length ? rest : undefined, rec);
      out[pascal(head)] = v;
    }
    return out;
  }
}

function pascalKeys(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o))
    out[pascal(k)] = v && typeof v === "object" && !Array.isArray(v) ? pascalKeys(v as Obj) : v;
  return out;
}

/** Whether `name` can be assigned on `obj`: a setter on its prototype chain, or a data field. */
function findSetter(obj: object, name: string): boolean {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return Boolean(d.set) || (d.writable === true && o === obj);
  }
  // a plain object of the fake (a data bar's format): new fields are fine
  return Object.getPrototypeOf(obj) === Object.prototype;
}
