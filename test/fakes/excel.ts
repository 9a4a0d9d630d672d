// A purpose-built fake of the part of the Office.js Excel API that src/excel uses. Like Office.js,
// calls on proxies only queue commands; `context.sync()` runs the queue in order against an
// in-memory workbook (a command that fails stops the batch, the ones before it stay applied, as in
// Excel) and only then fills in loaded properties. Every sync is recorded: the request size
// (JSON of every queued command with its arguments, e.g. the values set), the response size (JSON
// of everything loaded), and the cells set and loaded. Requests or responses over 5 MB or over 5
// million cells fail the way Excel on the web does.
//
// Cell entry follows Excel: a string written to a cell that is not Text-formatted ('@') is parsed
// as if typed (`=…`, `+…`, `-abc`, `@…` become formulas, `123` a number, `TRUE` a boolean,
// `2023-01` a date); in a Text cell it stays the string. This is Excel's documented rule for
// entry (Range.values: a string that starts with =, + or - is taken as a formula; Excel's help:
// "format the cells as Text before typing" keeps numbers, dates and formulas as text), and the
// adapter relies on it by setting '@' before the values in the same request. The store keeps
// formulas apart, so a test can assert that nothing became one.
//
// Also modelled as Excel does: merged areas (only the top-left cell has a value), hidden sheets
// (cannot be activated; the last visible sheet cannot be deleted), the Normal font's digit width
// (worksheet.standardWidth and the width of a column nobody resized).
import { columnLetter } from "../../src/engine/table";

export type FakeValue = number | string | boolean | { error: string };

export interface CellMeta {
  formula?: string;
  numberFormat?: string;
  fill?: string;
  font?: { color?: string; bold?: boolean; size?: number; underline?: string };
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
  /** format.horizontalAlignment */
  align?: string;
  /** format.verticalAlignment */
  valign?: string;
  /** format.wrapText */
  wrap?: boolean;
  /** format.indentLevel */
  indent?: number;
}

export interface FakeTable {
  id: number;
  name: string;
  sheetId: number;
  address: string;
  style?: string;
  showBandedRows?: boolean;
  /** column (0-based) → the values its filter shows */
  filters?: Record<number, string[]>;
}

export interface SyncRecord {
  index: number;
  commands: number;
  requestBytes: number;
  responseBytes: number;
  /** cells in values / number formats set */
  requestCells: number;
  /** cells in values / number formats / formulas loaded */
  responseCells: number;
  suspendedCalculation: boolean;
  suspendedScreen: boolean;
  /** the error code when the sync failed */
  failed?: string;
}

export interface FakeOptions {
  /** worksheet.notes (ExcelApi 1.18) */
  notes?: boolean;
  /** workbook.comments (ExcelApi 1.10) */
  comments?: boolean;
  /** application.suspend…UntilNextSync; default true */
  suspend?: boolean;
  /** worksheet.pageLayout; default true */
  pageLayout?: boolean;
  /** the workbook counts dates from 1904 (what DATE(1904,1,1) then returns: 0, not 1462) */
  date1904?: boolean;
  /** Excel on the web: 5 MB */
  maxPayloadBytes?: number;
  maxCells?: number;
  /**
   * The maximum digit width, in pixels, of the Normal style's font: 7 for Calibri 11 (the
   * default), 8 for 等线 11 (zh-CN Excel's default). It sets the sheets' standard width and the
   * width, in points, of a column nobody resized.
   */
  digitWidth?: number;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
  }
}

export class FakeSheet {
  /** 0-based rows of 0-based cells; undefined = blank */
  values: (FakeValue | undefined)[][] = [];
  meta = new Map<string, CellMeta>();
  columnWidths = new Map<number, number>();
  freezeRows = 0;
  tabColor = "";
  validations: { address: string; rule?: unknown; errorAlert?: unknown }[] = [];
  conditionalFormats: { address: string; type: string; dataBar: Record<string, unknown> }[] = [];
  notes = new Map<string, string>();
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    printTitleRows?: string;
    printTitleColumns?: string;
    zoom?: unknown;
    margins?: Record<string, number>;
    footer?: Record<string, string>;
    breaks?: string[];
  } = {};
  /** ranges whose rows were fitted to their content (format.autofitRows) */
  autofitRows: string[] = [];
  /** rows (0-based) given a height in points (format.rowHeight) */
  rowHeights = new Map<number, number>();

  constructor(
    readonly id: number,
    public name: string
  ) {}

  /** worksheet.visibility */
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** merged areas: Excel shows (and Office.js reads) only the top-left cell's value */
  merges: Box[] = [];

  get(r: number, c: number): FakeValue | undefined {
    if (this.merges.length && this.covered(r, c)) return undefined;
    return this.values[r]?.[c];
  }

  /** merges the area at `address` (A1:B2), keeping what its other cells hold, as a file may */
  merge(address: string): void {
    this.merges.push(parseAddress(address));
  }

  /** inside a merged area, but not its top-left cell */
  private covered(r: number, c: number): boolean {
    return this.merges.some(
      (m) =>
        r >= m.r && r < m.r + m.rows && c >= m.c && c < m.c + m.cols && (r !== m.r || c !== m.c)
    );
  }

  set(r: number, c: number, v: FakeValue | undefined): void {
    if (v === undefined) {
      if (this.values[r]) this.values[r][c] = undefined;
      return;
    }
    while (this.values.length <= r) this.values.push([]);
    this.values[r][c] = v;
  }

  cellMeta(r: number, c: number, create: true): CellMeta;
  cellMeta(r: number, c: number, create?: false): CellMeta | undefined;
  cellMeta(r: number, c: number, create = false): CellMeta | undefined {
    const key = `${r},${c}`;
    let m = this.meta.get(key);
    if (!m && create) this.meta.set(key, (m = {}));
    return m;
  }

  /** by A1 address */
  cell(address: string): { value: FakeValue | undefined; meta: CellMeta | undefined } {
    const b = parseAddress(address);
    return { value: this.get(b.r, b.c), meta: this.cellMeta(b.r, b.c) };
  }

  usedBox(valuesOnly: boolean): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const see = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    this.values.forEach((row, r) =>
      row.forEach((_, c) => {
        const v = this.get(r, c);
        if (v !== undefined && v !== "") see(r, c);
      })
    );
    if (!valuesOnly)
      for (const key of this.meta.keys()) {
        const [r, c] = key.split(",").map(Number);
        see(r, c);
      }
    return r1 < 0 ? null : { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

/** Excel's rule for sheet names: 1–31 characters, none of \ / ? * [ ] :, no quote at either end, not History. */
export function validSheetName(name: string): boolean {
  return (
    /^[^\\/?*[\]:]{1,31}$/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** The id Excel gives a worksheet (or, with kind 2, a table): a GUID-like string. */
export function objectKey(kind: 1 | 2, id: number): string {
  return `{00000000-000${kind}-0000-${id.toString(16).toUpperCase().padStart(4, "0")}-000000000000}`;
}

function keyId(kind: 1 | 2, key: string): number | undefined {
  const m = /^\{00000000-000(\d)-0000-([0-9A-F]{4})-000000000000\}$/i.exec(key);
  return m && Number(m[1]) === kind ? parseInt(m[2], 16) : undefined;
}

export interface Box {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

export function parseAddress(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = local.replace(/\$/g, "").split(":");
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const a = one(parts[0]);
  const b = parts[1] ? one(parts[1]) : a;
  return {
    r: Math.min(a.r, b.r),
    c: Math.min(a.c, b.c),
    rows: Math.abs(b.r - a.r) + 1,
    cols: Math.abs(b.c - a.c) + 1,
  };
}

export function boxAddress(b: Box): string {
  const a = `${columnLetter(b.c + 1)}${b.r + 1}`;
  const z = `${columnLetter(b.c + b.cols)}${b.r + b.rows}`;
  return a === z ? a : `${a}:${z}`;
}

const ERROR_STRINGS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
]);

/** What a string becomes when it is entered into a cell with this number format (Excel's rules, simplified). */
export function enterValue(
  input: string,
  numberFormat: string | undefined
): { value: FakeValue; formula?: string } {
  if (numberFormat === "@") return { value: input };
  const num = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(%?)$/i.exec(input.trim());
  if (num) return { value: Number(input.trim().replace("%", "")) / (num[3] ? 100 : 1) };
  if (/^[=+\-@]./.test(input)) return { value: { error: "#NAME?" }, formula: input };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true" };
  if (ERROR_STRINGS.has(input)) return { value: { error: input } };
  const date = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(input);
  if (date) return { value: Date.UTC(+date[1], +date[2] - 1, +(date[3] ?? 1)) / 86400000 + 25569 };
  return { value: input };
}

/** The value as Office.js `range.values` gives it. */
interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}

interface FakeCellProperties {
  hyperlink?: FakeHyperlink;
  format?: {
    fill?: { color?: string };
    font?: { color?: string; bold?: boolean; size?: number; underline?: string };
  };
}

/** A link on one cell; its text is entered as typed text would be (see enterValue). */
function setLink(sheet: FakeSheet, r: number, c: number, v: FakeHyperlink): void {
  const m = sheet.cellMeta(r, c, true);
  m.hyperlink = { ...v };
  if (v.textToDisplay !== undefined) {
    const entered = enterValue(v.textToDisplay, m.numberFormat);
    sheet.set(r, c, entered.value);
    if (entered.formula) m.formula = entered.formula;
  }
}

function officeValue(v: FakeValue | undefined): string | number | boolean {
  if (v === undefined) return "";
  if (typeof v === "object") return v.error;
  return v;
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

interface Command {
  op: string;
  path: string;
  args?: unknown;
  cells: number;
  /** runs the command; a load returns what it loaded, applied to its proxy only after the sync succeeds */
  run(): { data: unknown; cells: number; commit(): void } | void;
}

/** The fake workbook (and Excel.run). */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: string[] = [];
  comments: { sheet: string; address: string; content: string }[] = [];
  activeSheetId = 0;
  selection: { sheet: string; address: string } | null = null;
  syncs: SyncRecord[] = [];
  /** makes a command fail (to test failures in the middle of a write) */
  failWhen?: (cmd: { op: string; path: string }, syncIndex: number) => boolean;
  private nextId = 1;

  constructor(readonly options: FakeOptions = {}) {}

  /** The signature of Excel.run. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(this) as unknown as Excel.RequestContext);

  /**
   * A context for test/excel/responder.ts, which answers the real Office.js client's requests
   * from this model: its syncs leave the size limits to the responder (which measures the real
   * request bodies).
   */
  servedContext(): FakeServedContext {
    return new FakeContext(this, true) as unknown as FakeServedContext;
  }

  get maxPayloadBytes(): number {
    return this.options.maxPayloadBytes ?? 5 * 1024 * 1024;
  }

  get maxCells(): number {
    return this.options.maxCells ?? 5_000_000;
  }

  /** Excel's default column: 8 digits and 5 px of padding, rounded up to a multiple of 8 px. */
  private get defaultColumnPx(): number {
    const mdw = this.options.digitWidth ?? 7;
    return Math.ceil((8 * mdw + 5) / 8) * 8;
  }

  /** worksheet.standardWidth: the default column in characters (8.43 for Calibri 11) */
  get standardWidth(): number {
    const mdw = this.options.digitWidth ?? 7;
    return Math.trunc(((this.defaultColumnPx - 5) / mdw) * 100 + 0.5) / 100;
  }

  /** the width in points of a column nobody resized (48 for Calibri 11) */
  get defaultColumnPoints(): number {
    return this.defaultColumnPx * 0.75;
  }

  addSheet(
    name: string,
    rows: (FakeValue | null | undefined)[][] = [],
    at = { row: 1, col: 1 }
  ): FakeSheet {
    const s = this.createSheet(name);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== "") s.set(at.row - 1 + i, at.col - 1 + j, v);
      })
    );
    return s;
  }

  createSheet(name: string): FakeSheet {
    if (!validSheetName(name))
      throw new FakeOfficeError("InvalidArgument", `bad sheet name ${name}`);
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name}`);
    const s = new FakeSheet(this.nextId++, name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetById(id: number): FakeSheet {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new FakeOfficeError("ItemNotFound", `sheet #${id} was deleted`);
    return s;
  }

  newId(): number {
    return this.nextId++;
  }

  /** Everything about a sheet but its position, as JSON (for "unchanged" checks). */
  snapshot(name: string): string {
    const s = this.sheet(name);
    return JSON.stringify({
      name: s.name,
      values: s.values.map((r) => Array.from(r, (v) => (v === undefined ? null : v))),
      meta: [...s.meta.entries()].sort(([a], [b]) => a.localeCompare(b)),
      widths: [...s.columnWidths.entries()].sort(([a], [b]) => a - b),
      freeze: s.freezeRows,
      tab: s.tabColor,
      validations: s.validations,
      cfs: s.conditionalFormats,
      notes: [...s.notes.entries()],
      layout: s.pageLayout,
      tables: this.tables.filter((t) => t.sheetId === s.id),
    });
  }

  /** The values of a sheet as Office.js would return them for its used range, from A1. */
  officeValues(name: string): (string | number | boolean)[][] {
    const s = this.sheet(name);
    const box = s.usedBox(true);
    if (!box) return [];
    const rows = box.r + box.rows;
    const cols = box.c + box.cols;
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => officeValue(s.get(r, c)))
    );
  }

  tablesOn(name: string): FakeTable[] {
    const s = this.sheet(name);
    return this.tables.filter((t) => t.sheetId === s.id);
  }
}

/** What the responder uses of a context: the root objects, and sync. */
export interface FakeServedContext {
  workbook: object;
  application: object;
  sync(): Promise<void>;
}

class FakeContext {
  queue: Command[] = [];
  calc = false;
  screen = false;
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(
    readonly book: FakeExcel,
    /** answering the real client: the host's requirement sets decide what exists, not options */
    readonly served = false
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  push(cmd: Command): void {
    this.queue.push(cmd);
  }

  async sync(): Promise<void> {
    const cmds = this.queue;
    this.queue = [];
    const book = this.book;
    const rec: SyncRecord = {
      index: book.syncs.length,
      commands: cmds.length,
      requestBytes: 0,
      responseBytes: 0,
      requestCells: 0,
      responseCells: 0,
      suspendedCalculation: this.calc,
      suspendedScreen: this.screen,
    };
    this.calc = false;
    this.screen = false;
    book.syncs.push(rec);
    const fail = (code: string, message: string) => {
      rec.failed = code;
      return new FakeOfficeError(code, message);
    };
    for (const c of cmds) {
      rec.requestBytes += utf8(JSON.stringify({ op: c.op, path: c.path, args: c.args ?? null }));
      rec.requestCells += c.cells;
    }
    if (!this.served && rec.requestBytes > book.maxPayloadBytes)
      throw fail("RequestPayloadSizeLimitExceeded", `request of ${rec.requestBytes} bytes`);
    if (!this.served && rec.requestCells > book.maxCells)
      throw fail("OperationCellsExceedLimit", `${rec.requestCells} cells set`);
    const loads: { data: unknown; cells: number; commit(): void }[] = [];
    for (const c of cmds) {
      if (book.failWhen?.(c, rec.index))
        throw fail("GeneralException", `injected failure at ${c.op} ${c.path}`);
      try {
        const res = c.run();
        if (res) loads.push(res);
      } catch (e) {
        if (e instanceof FakeOfficeError) rec.failed = e.code;
        throw e;
      }
    }
    for (const l of loads) {
      rec.responseBytes += utf8(JSON.stringify(l.data) ?? "");
      rec.responseCells += l.cells;
    }
    if (!this.served && rec.responseBytes > book.maxPayloadBytes)
      throw fail("ResponsePayloadSizeLimitExceeded", `response of ${rec.responseBytes} bytes`);
    if (!this.served && rec.responseCells > book.maxCells)
      throw fail("OperationCellsExceedLimit", `${rec.responseCells} cells loaded`);
    for (const l of loads) l.commit();
  }
}

function propList(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return ["*"];
  const s = Array.isArray(props)
    ? props.join(",")
    : typeof props === "string"
      ? props
      : (props.select ?? "*");
  return s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

abstract class FakeObject {
  protected loaded: Record<string, unknown> = {};
  protected isNull: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string
  ) {}

  protected get book(): FakeExcel {
    return this.ctx.book;
  }

  protected prop<T>(name: string): T {
    if (!(name in this.loaded))
      throw new Error(`PropertyNotLoaded: ${this.path}.${name} — load it and sync before reading`);
    return this.loaded[name] as T;
  }

  protected command(op: string, args: unknown, run: Command["run"], cells = 0): void {
    this.ctx.push({ op, path: this.path, args, cells, run });
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined)
      throw new Error(`PropertyNotLoaded: ${this.path}.isNullObject — sync first`);
    return this.isNull;
  }
}

class FakeApplication {
  suspendApiCalculationUntilNextSync?: () => void;
  suspendScreenUpdatingUntilNextSync?: () => void;

  constructor(ctx: FakeContext) {
    if (ctx.served || ctx.book.options.suspend !== false) {
      this.suspendApiCalculationUntilNextSync = () => {
        ctx.calc = true;
      };
      this.suspendScreenUpdatingUntilNextSync = () => {
        ctx.screen = true;
      };
    }
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly functions: FakeFunctions;
  readonly comments?: { add(cell: FakeRange | string, content: string): void };

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.names = new FakeNamedItemCollection(ctx);
    this.functions = new FakeFunctions(ctx);
    if (ctx.served || ctx.book.options.comments)
      this.comments = {
        add: (cell, content) =>
          ctx.push({
            op: "comments.add",
            path: "workbook.comments",
            args: [typeof cell === "string" ? cell : cell.path, content],
            cells: 0,
            run: () => {
              if (typeof cell === "string") {
                const [sheet, address] = cell.replace(/'/g, "").split("!");
                ctx.book.comments.push({ sheet, address, content });
              } else {
                const { sheet, box } = cell.resolveBox();
                ctx.book.comments.push({ sheet: sheet.name, address: boxAddress(box), content });
              }
            },
          }),
      };
  }
}

/** workbook.functions (ExcelApi 1.2): only DATE, which the adapter asks to learn the date system. */
class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
    return new FakeFunctionResult(this.ctx, days - (this.ctx.book.options.date1904 ? 1462 : 0));
  }
}

class FakeFunctionResult extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly result: number
  ) {
    super(ctx, "workbook.functions.date");
  }
  load(_props?: string): void {
    this.command("functions.date.load", null, () => ({
      data: this.result,
      cells: 0,
      commit: () => (this.loaded.value = this.result),
    }));
  }
  get value(): number {
    return this.prop("value");
  }
}

class FakeNamedItemCollection extends FakeObject {
  constructor(ctx: FakeContext) {
    super(ctx, "workbook.names");
  }

  load(_props?: string): void {
    this.command("names.load", null, () => {
      const data = this.book.names.map((name) => ({ name }));
      return { data, cells: 0, commit: () => (this.loaded.items = data) };
    });
  }

  get items(): { name: string }[] {
    return this.prop("items");
  }
}

class FakeWorksheetCollection extends FakeObject {
  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
  }

  load(props?: string | string[]): void {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ""));
    this.command("worksheets.load", wanted, () => {
      const data = this.book.sheets.map((s, i) => ({ id: s.id, name: s.name, position: i }));
      return {
        data,
        cells: 0,
        commit: () => {
          this.loaded.items = data.map((d) => {
            const ws = new FakeWorksheet(this.ctx, `worksheets[${d.name}]`, { id: d.id });
            ws.setLoaded({ name: d.name, position: d.position });
            return ws;
          });
        },
      };
    });
  }

  get items(): FakeWorksheet[] {
    return this.prop("items");
  }

  /** by name or by id (objectKey), as in Excel */
  getItem(name: string): FakeWorksheet {
    const id = keyId(1, name);
    return new FakeWorksheet(
      this.ctx,
      `worksheets.getItem(${name})`,
      id === undefined ? { name, nullable: false } : { id, name }
    );
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const id = keyId(1, name);
    const ws = new FakeWorksheet(this.ctx, `worksheets.getItemOrNullObject(${name})`, {
      ...(id === undefined ? { name } : { id }),
      nullable: true,
    });
    ws.queueResolve();
    return ws;
  }

  add(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, `worksheets.add(${name})`, {
      name,
      nullable: false,
      created: true,
    });
    this.command("worksheets.add", name, () => {
      ws.bind(this.book.createSheet(name).id);
    });
    return ws;
  }
}

class FakeWorksheet extends FakeObject {
  private id: number | undefined;
  readonly tables: FakeTableCollection;
  readonly freezePanes: { freezeRows(n: number): void };
  readonly notes?: { add(cell: FakeRange | string, content: string): void };
  readonly pageLayout?: {
    orientation: string;
    zoom: unknown;
    setPrintTitleRows(rows: string): void;
    setPrintTitleColumns(cols: string): void;
    headersFooters: { defaultForAllPages: Record<string, string> };
  } & Record<string, unknown>;
  readonly horizontalPageBreaks: { add(range: string): void };

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly by: { id?: number; name?: string; nullable?: boolean; created?: boolean }
  ) {
    super(ctx, path);
    this.id = by.id;
    this.tables = new FakeTableCollection(ctx, this);
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.command("freezePanes.freezeRows", n, () => {
          this.sheet().freezeRows = n;
        }),
    };
    if (ctx.served || ctx.book.options.notes)
      this.notes = {
        add: (cell, content) =>
          this.command("notes.add", [typeof cell === "string" ? cell : cell.path, content], () => {
            const address = typeof cell === "string" ? cell : boxAddress(cell.resolveBox().box);
            this.sheet().notes.set(address, content);
          }),
      };
    if (ctx.served || ctx.book.options.pageLayout !== false) {
      const self = this;
      this.pageLayout = {
        set orientation(v: string) {
          self.command("pageLayout.orientation", v, () => {
            self.sheet().pageLayout.orientation = v;
          });
        },
        get orientation(): string {
          throw new Error("not loaded");
        },
        set zoom(v: unknown) {
          self.command("pageLayout.zoom", v, () => {
            self.sheet().pageLayout.zoom = v;
          });
        },
        get zoom(): unknown {
          throw new Error("not loaded");
        },
        setPrintTitleRows(rows: string) {
          self.command("pageLayout.setPrintTitleRows", rows, () => {
            self.sheet().pageLayout.printTitleRows = rows;
          });
        },
        setPrintTitleColumns(cols: string) {
          self.command("pageLayout.setPrintTitleColumns", cols, () => {
            self.sheet().pageLayout.printTitleColumns = cols;
          });
        },
        headersFooters: { defaultForAllPages: {} as Record<string, string> },
      };
      const layout = this.pageLayout as Record<string, unknown>;
      const setter = (key: string, put: (v: never) => void) =>
        Object.defineProperty(layout, key, {
          set: (v: never) => {
            self.command(`pageLayout.${key}`, v, () => {
              put(v);
            });
          },
          get: () => {
            throw new Error("not loaded");
          },
        });
      setter("paperSize", (v: string) => (self.sheet().pageLayout.paperSize = v));
      for (const m of ["left", "right", "top", "bottom", "header", "footer"])
        setter(`${m}Margin`, (v: number) => {
          const pl = self.sheet().pageLayout;
          pl.margins = { ...pl.margins, [m]: v };
        });
      for (const f of ["leftFooter", "centerFooter", "rightFooter"])
        Object.defineProperty(this.pageLayout!.headersFooters.defaultForAllPages, f, {
          set: (v: string) => {
            self.command(`headersFooters.${f}`, v, () => {
              const pl = self.sheet().pageLayout;
              pl.footer = { ...pl.footer, [f]: v };
            });
          },
          get: () => {
            throw new Error("not loaded");
          },
        });
    }
    this.horizontalPageBreaks = {
      add: (range: string) =>
        this.command("horizontalPageBreaks.add", range, () => {
          const pl = this.sheet().pageLayout;
          pl.breaks = [...(pl.breaks ?? []), range];
        }),
    };
  }

  bind(id: number): void {
    this.id = id;
  }

  /** the sheet's id once it is known (after the sync that found or created it) */
  get sheetId(): number | undefined {
    return this.id;
  }

  setLoaded(values: Record<string, unknown>): void {
    Object.assign(this.loaded, values);
  }

  /** resolves the sheet when the request runs (a missing one fails the request unless nullable) */
  queueResolve(): void {
    this.command("worksheet.resolve", null, () => {
      const s = this.resolve();
      return { data: null, cells: 0, commit: () => (this.isNull = !s) };
    });
  }

  /** the sheet, resolved by name the first time and by identity after that */
  resolve(): FakeSheet | null {
    if (this.id !== undefined) {
      const found = this.book.sheets.find((x) => x.id === this.id);
      if (!found && this.by.nullable) return null;
      return this.book.sheetById(this.id);
    }
    const s = this.book.findSheet(this.by.name ?? "");
    if (!s) {
      if (this.by.nullable) return null;
      throw new FakeOfficeError("ItemNotFound", `worksheet ${this.by.name}`);
    }
    this.id = s.id;
    return s;
  }

  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("InvalidObjectPath", `${this.path} is a null object`);
    return s;
  }

  load(props?: string | string[]): void {
    const wanted = propList(props);
    this.command("worksheet.load", wanted, () => {
      const s = this.resolve();
      const data = s
        ? {
            name: s.name,
            position: this.book.sheets.indexOf(s),
            tabColor: s.tabColor,
            standardWidth: this.book.standardWidth,
            visibility: s.visibility,
          }
        : null;
      return {
        data,
        cells: 0,
        commit: () => {
          this.isNull = !s;
          if (data) Object.assign(this.loaded, data);
        },
      };
    });
  }

  get name(): string {
    return this.prop("name");
  }

  get visibility(): string {
    return this.prop("visibility");
  }

  get standardWidth(): number {
    return this.prop("standardWidth");
  }

  set name(v: string) {
    this.command("worksheet.name", v, () => {
      const s = this.sheet();
      const other = this.book.findSheet(v);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${v}`);
      if (!validSheetName(v)) throw new FakeOfficeError("InvalidArgument", `bad sheet name ${v}`);
      s.name = v;
    });
  }

  get position(): number {
    return this.prop("position");
  }

  set position(p: number) {
    this.command("worksheet.position", p, () => {
      const s = this.sheet();
      const list = this.book.sheets.filter((x) => x !== s);
      list.splice(Math.min(p, list.length), 0, s);
      this.book.sheets = list;
    });
  }

  set tabColor(v: string) {
    this.command("worksheet.tabColor", v, () => {
      this.sheet().tabColor = v;
    });
  }

  delete(): void {
    this.command("worksheet.delete", null, () => {
      const s = this.sheet();
      // a workbook keeps at least one visible sheet
      if (
        s.visibility === "Visible" &&
        !this.book.sheets.some((x) => x !== s && x.visibility === "Visible")
      )
        throw new FakeOfficeError("InvalidOperation", "the last visible sheet");
      this.book.sheets = this.book.sheets.filter((x) => x !== s);
      this.book.tables = this.book.tables.filter((t) => t.sheetId !== s.id);
      if (this.book.activeSheetId === s.id) this.book.activeSheetId = this.book.sheets[0].id;
    });
  }

  activate(): void {
    this.command("worksheet.activate", null, () => {
      if (this.sheet().visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "a hidden sheet cannot be activated");
      this.book.activeSheetId = this.sheet().id;
    });
  }

  getRange(address: string): FakeRange {
    const box = parseAddress(address);
    return new FakeRange(this.ctx, `${this.path}.getRange(${address})`, this, () => box);
  }

  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.range(${r},${c},${rows},${cols})`, this, () => ({
      r,
      c,
      rows,
      cols,
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let box: Box | null = null;
    const range = new FakeRange(this.ctx, `${this.path}.usedRange(${valuesOnly})`, this, () => box);
    // the used range is what it is when the request runs
    this.command("worksheet.getUsedRangeOrNullObject", valuesOnly, () => {
      box = this.sheet().usedBox(valuesOnly);
      return { data: null, cells: 0, commit: () => range.setNull(!box) };
    });
    return range;
  }
}

class FakeRange extends FakeObject {
  readonly format: {
    fill: { color: string };
    font: { color: string; bold: boolean; size: number; underline: string };
    columnWidth: number;
    horizontalAlignment: string;
    verticalAlignment: string;
    wrapText: boolean;
    indentLevel: number;
    rowHeight: number;
    autofitRows(): void;
    load(props?: string | string[]): void;
    loaded: Record<string, unknown>;
  };
  readonly dataValidation: { rule: unknown; errorAlert: unknown };
  /** range.merge(across): the range becomes one merged area */
  merge(across?: boolean): void {
    this.command("range.merge", across ?? false, () => {
      const { sheet, box } = this.resolveBox();
      sheet.merge(boxAddress(box));
    });
  }
  readonly conditionalFormats: {
    add(type: string): { dataBar: Record<string, Record<string, unknown>> };
  };

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ws: FakeWorksheet,
    private readonly box: () => Box | null
  ) {
    super(ctx, path);
    const self = this;
    const style = (op: string, apply: (m: CellMeta) => void) =>
      self.command(op, null, () => {
        const { sheet, box } = self.resolveBox();
        for (let r = box.r; r < box.r + box.rows; r++)
          for (let c = box.c; c < box.c + box.cols; c++) apply(sheet.cellMeta(r, c, true));
      });
    const unreadable = (): never => {
      throw new Error("the fake does not load formats");
    };
    this.format = {
      fill: {
        set color(v: string) {
          style("format.fill.color", (m) => (m.fill = v));
        },
        get color(): string {
          return unreadable();
        },
      },
      font: {
        set color(v: string) {
          style("format.font.color", (m) => (m.font = { ...m.font, color: v }));
        },
        get color(): string {
          return unreadable();
        },
        set bold(v: boolean) {
          style("format.font.bold", (m) => (m.font = { ...m.font, bold: v }));
        },
        get bold(): boolean {
          return unreadable();
        },
        set size(v: number) {
          style("format.font.size", (m) => (m.font = { ...m.font, size: v }));
        },
        get size(): number {
          return unreadable();
        },
        set underline(v: string) {
          style("format.font.underline", (m) => (m.font = { ...m.font, underline: v }));
        },
        get underline(): string {
          return unreadable();
        },
      },
      set horizontalAlignment(v: string) {
        style("format.horizontalAlignment", (m) => (m.align = v));
      },
      set verticalAlignment(v: string) {
        style("format.verticalAlignment", (m) => (m.valign = v));
      },
      get verticalAlignment(): string {
        return unreadable();
      },
      set wrapText(v: boolean) {
        style("format.wrapText", (m) => (m.wrap = v));
      },
      get wrapText(): boolean {
        return unreadable();
      },
      set indentLevel(v: number) {
        style("format.indentLevel", (m) => (m.indent = v));
      },
      get indentLevel(): number {
        return unreadable();
      },
      set rowHeight(v: number) {
        self.command("format.rowHeight", v, () => {
          const { sheet, box } = self.resolveBox();
          for (let r = box.r; r < box.r + box.rows; r++) sheet.rowHeights.set(r, v);
        });
      },
      get rowHeight(): number {
        return unreadable();
      },
      autofitRows() {
        self.command("format.autofitRows", null, () => {
          const { sheet, box } = self.resolveBox();
          sheet.autofitRows.push(boxAddress(box));
        });
      },
      get horizontalAlignment(): string {
        return unreadable();
      },
      set columnWidth(v: number) {
        self.command("format.columnWidth", v, () => {
          const { sheet, box } = self.resolveBox();
          for (let c = box.c; c < box.c + box.cols; c++) sheet.columnWidths.set(c, v);
        });
      },
      get columnWidth(): number {
        if (!("columnWidth" in this.loaded)) return unreadable();
        return this.loaded.columnWidth as number;
      },
      loaded: {} as Record<string, unknown>,
      // only the width of the range's first column is modelled
      load(props?: string | string[]) {
        const wanted = propList(props);
        if (wanted.some((p) => p !== "columnWidth")) unreadable();
        self.command("format.load", wanted, () => {
          const { sheet, box } = self.resolveBox();
          const data = {
            columnWidth: sheet.columnWidths.get(box.c) ?? self.book.defaultColumnPoints,
          };
          return { data, cells: 0, commit: () => Object.assign(self.format.loaded, data) };
        });
      },
    };
    const validation = (key: "rule" | "errorAlert", v: unknown) =>
      self.command(`dataValidation.${key}`, v, () => {
        const { sheet, box } = self.resolveBox();
        const address = boxAddress(box);
        let dv = sheet.validations.find((x) => x.address === address);
        if (!dv) sheet.validations.push((dv = { address }));
        dv[key] = v;
      });
    this.dataValidation = {
      set rule(v: unknown) {
        validation("rule", v);
      },
      get rule(): unknown {
        return unreadable();
      },
      set errorAlert(v: unknown) {
        validation("errorAlert", v);
      },
      get errorAlert(): unknown {
        return unreadable();
      },
    };
    this.conditionalFormats = {
      add: (type: string) => {
        const dataBar: Record<string, Record<string, unknown>> = { positiveFormat: {} };
        self.command("conditionalFormats.add", type, () => {
          const { sheet, box } = self.resolveBox();
          sheet.conditionalFormats.push({ address: boxAddress(box), type, dataBar });
        });
        return { dataBar };
      },
    };
  }

  setNull(v: boolean): void {
    this.isNull = v;
  }

  /** Office.js: stop tracking (a client-side matter; the model has nothing to release) */
  untrack(): FakeRange {
    return this;
  }

  /** Office.js splits a large values/numberFormat set into row chunks with these three */
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRow(${i})`, this.ws, () => {
      const b = this.resolveBox().box;
      if (i < 0 || i >= b.rows)
        throw new FakeOfficeError("InvalidArgument", `row ${i} of ${boxAddress(b)}`);
      return { r: b.r + i, c: b.c, rows: 1, cols: b.cols };
    });
  }

  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getBoundingRect(${other.path})`, this.ws, () => {
      const a = this.resolveBox().box;
      const b = other.resolveBox().box;
      const r = Math.min(a.r, b.r);
      const c = Math.min(a.c, b.c);
      return {
        r,
        c,
        rows: Math.max(a.r + a.rows, b.r + b.rows) - r,
        cols: Math.max(a.c + a.cols, b.c + b.cols) - c,
      };
    });
  }

  _ValidateArraySize(rows: number, cols: number): void {
    this.command("range._ValidateArraySize", [rows, cols], () => {
      const { box } = this.resolveBox();
      if (box.rows !== rows || box.cols !== cols)
        throw new FakeOfficeError(
          "InvalidArgument",
          `an array of ${rows}×${cols} for ${boxAddress(box)} (${box.rows}×${box.cols})`
        );
    });
  }

  resolveBox(): { sheet: FakeSheet; box: Box } {
    const sheet = this.ws.sheet();
    const box = this.box();
    if (!box) throw new FakeOfficeError("InvalidObjectPath", `${this.path} is a null object`);
    return { sheet, box };
  }

  load(props?: string | string[]): void {
    const wanted = propList(props);
    const all = wanted.includes("*");
    this.command("range.load", wanted, () => {
      const sheet = this.ws.sheet();
      const box = this.box();
      if (!box) return { data: null, cells: 0, commit: () => (this.isNull = true) };
      const data: Record<string, unknown> = {};
      let cells = 0;
      const grid = <T>(f: (r: number, c: number) => T): T[][] => {
        cells += box.rows * box.cols;
        const out: T[][] = new Array(box.rows);
        for (let i = 0; i < box.rows; i++) {
          const row: T[] = new Array(box.cols);
          for (let j = 0; j < box.cols; j++) row[j] = f(box.r + i, box.c + j);
          out[i] = row;
        }
        return out;
      };
      for (const p of all
        ? ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values"]
        : wanted) {
        if (p === "values") data.values = grid((r, c) => officeValue(sheet.get(r, c)));
        else if (p === "numberFormat")
          data.numberFormat = grid((r, c) => sheet.cellMeta(r, c)?.numberFormat ?? "General");
        else if (p === "formulas")
          data.formulas = grid(
            (r, c) => sheet.cellMeta(r, c)?.formula ?? officeValue(sheet.get(r, c))
          );
        else if (p === "address") data.address = `${sheet.name}!${boxAddress(box)}`;
        else if (p === "rowIndex") data.rowIndex = box.r;
        else if (p === "columnIndex") data.columnIndex = box.c;
        else if (p === "rowCount") data.rowCount = box.rows;
        else if (p === "columnCount") data.columnCount = box.cols;
        else throw new Error(`the fake cannot load range.${p}`);
      }
      return {
        data,
        cells,
        commit: () => {
          this.isNull = false;
          Object.assign(this.loaded, data);
        },
      };
    });
  }

  get values(): (string | number | boolean)[][] {
    return this.prop("values");
  }

  set values(v: unknown[][]) {
    this.setGrid("values", v, (sheet, r, c, x) => {
      if (x === null || x === undefined) return; // Office.js: null leaves the cell alone
      const m = sheet.cellMeta(r, c);
      if (m) delete m.formula;
      if (x === "") return sheet.set(r, c, undefined);
      if (typeof x !== "string") return sheet.set(r, c, x as FakeValue);
      const entered = enterValue(x, m?.numberFormat);
      sheet.set(r, c, entered.value);
      if (entered.formula) sheet.cellMeta(r, c, true).formula = entered.formula;
    });
  }

  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }

  set numberFormat(v: unknown[][]) {
    this.setGrid("numberFormat", v, (sheet, r, c, x) => {
      if (x === null || x === undefined) return;
      sheet.cellMeta(r, c, true).numberFormat = String(x);
    });
  }

  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get address(): string {
    return this.prop("address");
  }

  set hyperlink(v: FakeHyperlink) {
    this.command("range.hyperlink", v, () => {
      const { sheet, box } = this.resolveBox();
      if (box.rows * box.cols !== 1)
        throw new FakeOfficeError(
          "InvalidArgument",
          `a hyperlink on ${boxAddress(box)}: one cell only`
        );
      setLink(sheet, box.r, box.c, v);
    });
  }

  /** ExcelApi 1.9: per-cell hyperlink and format, a grid the size of the range */
  setCellProperties(data: FakeCellProperties[][]): void {
    this.command("range.setCellProperties", data, () => {
      const { sheet, box } = this.resolveBox();
      if (data.length !== box.rows || data.some((row) => row.length !== box.cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `setCellProperties on ${boxAddress(box)}: the grid is not the range's size`
        );
      data.forEach((row, i) =>
        row.forEach((p, j) => {
          const r = box.r + i;
          const c = box.c + j;
          if (p.hyperlink) setLink(sheet, r, c, p.hyperlink);
          const font = p.format?.font;
          const fill = p.format?.fill?.color;
          if (!font && fill === undefined) return;
          const m = sheet.cellMeta(r, c, true);
          if (fill !== undefined) m.fill = fill;
          if (font) {
            const f = { ...m.font };
            if (font.color !== undefined) f.color = font.color;
            if (font.bold !== undefined) f.bold = font.bold;
            if (font.size !== undefined) f.size = font.size;
            if (font.underline !== undefined) f.underline = font.underline;
            m.font = f;
          }
        })
      );
    });
  }

  select(): void {
    this.command("range.select", null, () => {
      const { sheet, box } = this.resolveBox();
      if (sheet.id !== this.book.activeSheetId)
        throw new FakeOfficeError("InvalidOperation", "select on an inactive sheet");
      this.book.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }

  private setGrid(
    prop: string,
    v: unknown[][],
    apply: (sheet: FakeSheet, r: number, c: number, x: unknown) => void
  ): void {
    const cells = v.reduce((s, row) => s + row.length, 0);
    this.command(
      `range.${prop}`,
      v,
      () => {
        const { sheet, box } = this.resolveBox();
        if (v.length !== box.rows || v.some((row) => row.length !== box.cols))
          throw new FakeOfficeError(
            "InvalidArgument",
            `${prop} of the wrong size for ${boxAddress(box)}`
          );
        for (let i = 0; i < box.rows; i++)
          for (let j = 0; j < box.cols; j++) apply(sheet, box.r + i, box.c + j, v[i][j]);
      },
      cells
    );
  }
}

/**
 * Excel's rule for table names: a letter (any script), `_` or `\` first, then letters, digits,
 * `_` and `.`; at most 255 characters; never something that reads as a cell reference (`A1`,
 * `XFD1048576`, `R1C1`, `R`, `C`).
 */
export function validTableName(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return false;
  return true;
}

class FakeTableCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet | null
  ) {
    super(ctx, ws ? `${ws.path}.tables` : "workbook.tables");
  }

  add(address: string, hasHeaders: boolean): FakeTableProxy {
    const table = new FakeTableProxy(this.ctx, `${this.path}.add(${address})`);
    this.command("tables.add", [address, hasHeaders], () => {
      const sheet = this.ws
        ? this.ws.sheet()
        : this.book.sheet(address.split("!")[0].replace(/'/g, ""));
      const box = parseAddress(address);
      for (const t of this.book.tables.filter((x) => x.sheetId === sheet.id)) {
        const o = parseAddress(t.address);
        const overlap =
          box.r < o.r + o.rows &&
          o.r < box.r + box.rows &&
          box.c < o.c + o.cols &&
          o.c < box.c + box.cols;
        if (overlap)
          throw new FakeOfficeError("InvalidOperation", `table ${t.name} overlaps ${address}`);
      }
      // Excel makes header cells unique text: blanks become Column1…, a repeated header gets 2, 3…
      if (hasHeaders) {
        const seen = new Set<string>();
        for (let c = box.c; c < box.c + box.cols; c++) {
          const v = sheet.get(box.r, c);
          const base =
            v === undefined || v === "" ? `Column${c - box.c + 1}` : String(officeValue(v));
          let text = base;
          for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${base}${k}`;
          seen.add(text.toLowerCase());
          sheet.set(box.r, c, text);
        }
      }
      const id = this.book.newId();
      const t: FakeTable = { id, name: `Table${id}`, sheetId: sheet.id, address: boxAddress(box) };
      this.book.tables.push(t);
      table.bind(t);
    });
    return table;
  }

  /** by name or by id (objectKey) */
  getItem(name: string): FakeTableProxy {
    const proxy = new FakeTableProxy(this.ctx, `${this.path}.getItem(${name})`, name);
    const id = keyId(2, name);
    const t = id === undefined ? undefined : this.book.tables.find((x) => x.id === id);
    if (t) proxy.bind(t);
    return proxy;
  }

  load(props?: string): void {
    const wanted = propList(props);
    this.command("tables.load", wanted, () => {
      const sheetId = this.ws?.sheet().id;
      const list = this.book.tables.filter((t) => sheetId === undefined || t.sheetId === sheetId);
      const data = list.map((t) => ({
        name: t.name,
        worksheet: { name: this.book.sheetById(t.sheetId).name },
      }));
      return {
        data,
        cells: 0,
        commit: () => {
          this.loaded.items = list.map((t, i) => {
            const proxy = new FakeTableProxy(this.ctx, `${this.path}[${t.name}]`);
            proxy.bind(t);
            proxy.setLoaded(data[i]);
            return proxy;
          });
        },
      };
    });
  }

  get items(): FakeTableProxy[] {
    return this.prop("items");
  }
}

class FakeTableProxy extends FakeObject {
  private table: FakeTable | undefined;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly lookup?: string
  ) {
    super(ctx, path);
  }

  bind(t: FakeTable): void {
    this.table = t;
  }

  /** the table's id once it is known */
  get tableId(): number | undefined {
    return this.table?.id;
  }

  setLoaded(data: { name: string; worksheet: { name: string } }): void {
    this.loaded.name = data.name;
    this.loaded.worksheet = { name: data.worksheet.name };
  }

  private resolve(): FakeTable {
    if (!this.table) {
      const n = (this.lookup ?? "").toLowerCase();
      this.table = this.book.tables.find((t) => t.name.toLowerCase() === n);
      if (!this.table) throw new FakeOfficeError("ItemNotFound", `table ${this.lookup}`);
    }
    if (!this.book.tables.includes(this.table))
      throw new FakeOfficeError("ItemNotFound", `table ${this.table.name} was deleted`);
    return this.table;
  }

  get name(): string {
    return this.prop("name");
  }

  set name(v: string) {
    this.command("table.name", v, () => {
      const t = this.resolve();
      const n = v.toLowerCase();
      if (!validTableName(v)) throw new FakeOfficeError("InvalidArgument", `bad table name ${v}`);
      if (
        this.book.tables.some((x) => x !== t && x.name.toLowerCase() === n) ||
        this.book.names.some((x) => x.toLowerCase() === n)
      )
        throw new FakeOfficeError("ItemAlreadyExists", `table name ${v}`);
      t.name = v;
    });
  }

  get worksheet(): { name: string } {
    return this.prop("worksheet");
  }

  set style(v: string) {
    this.command("table.style", v, () => {
      this.resolve().style = v;
    });
  }

  set showBandedRows(v: boolean) {
    this.command("table.showBandedRows", v, () => {
      this.resolve().showBandedRows = v;
    });
  }

  /** table.columns.getItemAt(i).filter.applyValuesFilter(values): the values shown in column i */
  get columns(): {
    getItemAt(i: number): { filter: { applyValuesFilter(values: string[]): void } };
  } {
    return {
      getItemAt: (i: number) => ({
        filter: {
          applyValuesFilter: (values: string[]) =>
            this.command("table.column.filter.applyValuesFilter", [i, values], () => {
              const t = this.resolve();
              t.filters = { ...t.filters, [i]: [...values] };
            }),
        },
      }),
    };
  }
}
