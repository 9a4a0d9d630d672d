// The .xlsx adapter: the user's package, read for the engine and extended with result sheets.
// The audited copy is the original package with parts added; every part the product does not
// have to change (input sheets, charts, drawings, images, pivot tables, comments, macros,
// custom XML, printer settings, parts it has never heard of) is copied byte for byte, even as
// compressed. A re-run removes only the previous run's result sheets and what only they used.
import type { SheetSpec, TemplateSheetSpec } from "../engine/layout/spec";
import { isResultSheetName, sheetsToRead } from "../engine/read";
import { isMappingSheetName } from "../engine/mapping";
import { normalizeName } from "../engine/sheets";
import { type RawTable, sheetReference } from "../engine/table";
import {
  Cancelled,
  ReadProgress,
  SheetInfo,
  WorkbookAdapter,
  WriteProgress,
  checkResultSpecs,
  ownSheetTarget,
} from "../workbook";
import { FileUnreadable } from "./errors";
import {
  CONTENT_TYPE,
  REL_TYPE,
  XlsxPackage,
  insertBefore,
  relsPathOf,
  sliceElement,
  NS_REL,
  utf16Of,
} from "./package";
import {
  SheetRead,
  declaredSize,
  readSharedStrings,
  readSheetPart,
  sheetTable,
  tableOf,
  trimmedSize,
} from "./sheet-reader";
import { WrittenSheet, commentsXml, notesVml, sheetXml, templateXml } from "./sheet-writer";
import { StyleBook } from "./styles";
import { Codec, concat } from "./zip";
import { attr, escapeAttr, prefixesOf, rootPrefix, startTags } from "./xml";

const encoder = new TextEncoder();

/** Out of memory while reading or writing: the user's words, not V8's. */
function tooLarge(e: unknown): never {
  if (
    e instanceof RangeError ||
    (e instanceof Error && /allocation|out of memory/i.test(e.message))
  )
    throw new FileUnreadable("too-large", (e as Error).message);
  throw e;
}

/** Anything but our own error while parsing the package means the file is damaged. */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FileUnreadable || e instanceof Cancelled) throw e;
    if (e instanceof RangeError) tooLarge(e);
    throw new FileUnreadable("damaged", e instanceof Error ? e.message : String(e));
  }
}

/** How much of a sheet part is read to find its <sheetView>: it precedes the data. */
const SHEET_HEAD_BYTES = 1 << 16;

/** Bytes as text one character a byte: positions in the text are positions in the bytes. */
const latin1 = (b: Uint8Array): string => new TextDecoder("latin1").decode(b);

/**
 * Where `tabSelected="1"` (with the space before it) stands in a sheet's first <sheetView> tag,
 * as [start, end) in `head`; null when the sheet is not selected.
 */
export function tabSelectedAt(head: string): [number, number] | null {
  const tag = /<([\w.-]+:)?sheetView(?=[\s/>])[^>]*>/.exec(head);
  if (!tag) return null;
  const a = /\stabSelected\s*=\s*(["'])(1|true)\1/.exec(tag[0]);
  return a ? [tag.index + a.index, tag.index + a.index + a[0].length] : null;
}

export class XlsxWorkbook implements WorkbookAdapter {
  private pkg: XlsxPackage;
  private strings: string[] | null = null;
  /**
   * Sheets the engine reads that listSheets read whole to count their rows (they declare no
   * size), by part, as read: the next read of the sheet makes its table of that (merged cells
   * blanked, as any read) rather than reading it again. Dropped on any change.
   */
  private counted = new Map<string, SheetRead>();

  private constructor(pkg: XlsxPackage) {
    this.pkg = pkg;
  }

  /** Opens a workbook's bytes; throws FileUnreadable with the reason in the user's words. */
  static open(bytes: Uint8Array, codec: Codec = {}): XlsxWorkbook {
    return guard(() => new XlsxWorkbook(new XlsxPackage(bytes, codec)));
  }

  /** "xlsx" or "xlsm" (macros kept), "xltx"/"xltm" for templates: the copy keeps the type. */
  get kind(): XlsxPackage["kind"] {
    return this.pkg.kind;
  }

  get date1904(): boolean {
    return this.pkg.date1904();
  }

  /** The package (for tests and the bench). */
  get package(): XlsxPackage {
    return this.pkg;
  }

  /** Whether the shared strings have been read (they are held from then on). */
  get sharedStringsRead(): boolean {
    return this.strings !== null;
  }

  private sharedStrings = (): string[] => {
    this.strings ??= guard(() =>
      readSharedStrings(this.pkg, this.pkg.workbookRelated(REL_TYPE.sharedStrings))
    );
    return this.strings;
  };

  private worksheets() {
    return this.pkg.sheets().filter((s) => s.part !== null);
  }

  /** Worksheets in tab order with their declared size (a few bytes of each are read). */
  async listSheets(): Promise<SheetInfo[]> {
    let keep: Set<string> | undefined;
    return guard(() =>
      this.worksheets().map((s) => {
        const size = declaredSize(this.pkg, s.part!);
        if (size && !(size.rows === 1 && size.columns === 1)) return { name: s.name, ...size };
        // no dimension (or a bare A1, which some writers put on every sheet, and every platform
        // export here): count the rows of the sheet as read (as before, merged cells not
        // blanked), and keep it for the run when the engine reads it
        const read =
          this.counted.get(s.part!) ??
          readSheetPart(this.pkg, s.part!, this.sharedStrings, this.pkg.date1904());
        keep ??= new Set(this.sheetsForEngine());
        if (keep.has(s.name)) this.counted.set(s.part!, read);
        return { name: s.name, ...trimmedSize(read.values) };
      })
    );
  }

  /** The sheets that declare no size of their own: listing them reads each whole (to count its rows). */
  sheetsWithoutSize(): string[] {
    return guard(() =>
      this.worksheets()
        .filter((s) => {
          const size = declaredSize(this.pkg, s.part!);
          return !size || (size.rows === 1 && size.columns === 1);
        })
        .map((s) => s.name)
    );
  }

  /** Whether a sheet's table is held already (read by listSheets): reading it costs nothing. */
  holdsTable(name: string): boolean {
    const s = this.worksheets().find((x) => x.name === name);
    return !!s && this.counted.has(s.part!);
  }

  /** Every worksheet's name, in tab order. */
  sheetNames(): string[] {
    return this.worksheets().map((s) => s.name);
  }

  /**
   * The names of the sheets the engine reads: input sheets, 规则参数, 列映射 and the sheets it
   * lists as sources (a monthly export), and the result sheets (运行记录, for verify).
   */
  sheetsForEngine(): string[] {
    const names = this.worksheets().map((s) => s.name);
    const map = names.find(isMappingSheetName);
    const read = sheetsToRead(names, map ? this.readTablesSync([map])[0] : null);
    return names.filter((n) => read.includes(n) || isResultSheetName(n));
  }

  async readTables(
    names: string[],
    onProgress?: (p: ReadProgress) => void,
    signal?: AbortSignal
  ): Promise<RawTable[]> {
    return this.readTablesSync(names, onProgress, signal);
  }

  /** The values of these sheets, in the order asked; an unknown name is an error. */
  readTablesSync(
    names: string[],
    onProgress?: (p: ReadProgress) => void,
    signal?: AbortSignal
  ): RawTable[] {
    const sheets = this.worksheets();
    const date1904 = this.pkg.date1904();
    return names.map((name) => {
      if (signal?.aborted) throw new Cancelled();
      const s =
        sheets.find((x) => x.name === name) ??
        sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new Error(`no sheet named "${name}"`);
      const counted = this.counted.get(s.part!);
      this.counted.delete(s.part!);
      const t = guard(() =>
        counted
          ? tableOf(s.name, counted, date1904)
          : sheetTable(this.pkg, s.name, s.part!, this.sharedStrings, date1904)
      );
      onProgress?.({ sheet: s.name, rowsRead: t.values.length, rowsTotal: t.values.length });
      return t;
    });
  }

  // ---- writing ----

  /** Runs a change on the package; when it fails, the package is as it was before. */
  /**
   * Cells of the last write given a plainer style than the layout asked for: the workbook's cell
   * formats were near Excel's limit (MAX_CELL_XFS). 0 when none.
   */
  stylesFellBack = 0;

  private change<T>(f: (styles: StyleBook) => T): T {
    this.counted.clear();
    const before = this.pkg.snapshot();
    try {
      const styles = new StyleBook(this.pkg);
      const out = f(styles);
      styles.commit();
      this.stylesFellBack = styles.fellBack;
      return out;
    } catch (e) {
      this.pkg.restore(before);
      if (e instanceof RangeError) tooLarge(e);
      throw e;
    }
  }

  async writeResultSheets(
    specs: SheetSpec[],
    onProgress?: (p: WriteProgress) => void,
    signal?: AbortSignal
  ): Promise<void> {
    this.writeResultSheetsSync(specs, onProgress, signal);
  }

  writeResultSheetsSync(
    specs: SheetSpec[],
    onProgress?: (p: WriteProgress) => void,
    signal?: AbortSignal
  ): void {
    checkResultSpecs(specs);
    this.change((styles) => {
      this.removeSheets((name) => isResultSheetName(name));
      const date1904 = this.pkg.date1904();
      const codeName = this.codeNamer();
      specs.forEach((spec, i) => {
        if (signal?.aborted) throw new Cancelled();
        // the first result sheet (结算确认单) is the selected one
        this.addSheet(spec.name, sheetXml(spec, styles, date1904, i === 0, codeName()), null);
        onProgress?.({ sheet: spec.name, fraction: (i + 1) / specs.length });
      });
      // the copy opens on 结算确认单 (WORKBOOK.md): no other sheet stays selected with it
      if (specs.length) {
        this.unselectSheets(specs[0].name);
        this.activate(specs[0].name);
      }
    });
  }

  async writeOwnSheet(spec: SheetSpec): Promise<void> {
    const replaces = ownSheetTarget(spec);
    this.change((styles) => {
      const at = this.pkg.sheets().findIndex((s) => replaces(s.name));
      this.removeSheets(replaces);
      this.addSheet(
        spec.name,
        sheetXml(spec, styles, this.pkg.date1904()),
        at >= 0 ? at : this.firstResultIndex()
      );
    });
  }

  async insertTemplates(specs: TemplateSheetSpec[]): Promise<string[]> {
    return this.change((styles) => {
      const added: string[] = [];
      const existing = new Set(this.pkg.sheets().map((s) => normalizeName(s.name)));
      for (const spec of specs) {
        if (existing.has(normalizeName(spec.name))) continue;
        const t = templateXml(spec, styles, this.pkg.date1904());
        this.addTemplate(spec.name, t.xml, t.notes);
        existing.add(normalizeName(spec.name));
        added.push(spec.name);
      }
      return added;
    });
  }

  /** Nothing to select in a file: the pane shows where to look instead. */
  async selectCell(): Promise<void> {}

  /** The audited package as zip pieces (write them in order, or concatenate). */
  toZipPieces(): Uint8Array[] {
    try {
      return this.pkg.toZip();
    } catch (e) {
      return tooLarge(e);
    }
  }

  bytes(): Uint8Array {
    return concat(this.toZipPieces());
  }

  // ---- the workbook part's sheet list ----

  /**
   * Clears the one view flag the product changes in a sheet it did not write (WORKBOOK.md):
   * `tabSelected` on every sheet but `keep`, so the copy does not open with two sheets grouped.
   * Only the attribute goes; every other byte of the part stays, and a part without the flag is
   * never decompressed beyond its first bytes.
   */
  private unselectSheets(keep: string): void {
    for (const s of this.pkg.sheets()) {
      if (!s.part || s.name === keep) continue;
      const { head, unit } = this.sheetHead(s.part);
      const at = tabSelectedAt(head);
      if (!at) continue;
      // positions in the head are characters: one byte each, or two in a UTF-16 part
      const all = this.pkg.bytesOf(s.part);
      this.pkg.set(s.part, [all.subarray(0, at[0] * unit), all.subarray(at[1] * unit)]);
    }
  }

  /**
   * The first bytes of a sheet part, one character a byte: its <sheetPr> and <sheetViews> come
   * before the data, so a look at them never decompresses the whole part.
   */
  private sheetHead(part: string): { head: string; unit: 1 | 2 } {
    let head: Uint8Array = new Uint8Array(0);
    this.pkg.streamRaw(
      part,
      (chunk) => {
        head = concat([head, chunk]);
        return head.length < SHEET_HEAD_BYTES;
      },
      true
    );
    head = head.subarray(0, SHEET_HEAD_BYTES & ~1);
    const form = utf16Of(head);
    // a UTF-16 part's characters are two bytes each (its mark kept, so index × 2 is the offset)
    if (form) return { head: new TextDecoder(form, { ignoreBOM: true }).decode(head), unit: 2 };
    return { head: latin1(head), unit: 1 };
  }

  /**
   * In a macro workbook, each new sheet's code name (Sheet1, Sheet2 … not yet taken by a sheet
   * or the workbook, as Excel names them); elsewhere none.
   */
  private codeNamer(): () => string | undefined {
    if (this.pkg.kind !== "xlsm" && this.pkg.kind !== "xltm") return () => undefined;
    const taken = new Set<string>();
    const grab = (xml: string, tag: string) => {
      const m = new RegExp(
        `<([\\w.-]+:)?${tag}(?=[\\s/>])[^>]*\\scodeName\\s*=\\s*["']([^"']*)["']`
      ).exec(xml);
      if (m) taken.add(m[2].toLowerCase());
    };
    grab(this.pkg.workbookXml(), "workbookPr");
    for (const s of this.pkg.sheets()) if (s.part) grab(this.sheetHead(s.part).head, "sheetPr");
    let n = 0;
    return () => {
      while (taken.has(`sheet${++n}`));
      taken.add(`sheet${n}`);
      return `Sheet${n}`;
    };
  }

  /** Makes a sheet the active one. */
  private activate(name: string | undefined): void {
    if (!name) return;
    const i = this.pkg.sheets().findIndex((s) => s.name === name);
    if (i < 0) return;
    this.setActiveTab(i);
  }

  private setActiveTab(i: number): void {
    const xml = this.pkg.workbookXml();
    const p = rootPrefix(xml);
    const view = new RegExp(`<${p}workbookView(?=[\\s/>])[^>]*>`);
    // a workbook without a view (written by some tools) gets one, before its sheet list
    const out = view.test(xml)
      ? xml.replace(view, (tag) =>
          /\sactiveTab\s*=/.test(tag)
            ? tag.replace(/\sactiveTab\s*=\s*["'][^"']*["']/, ` activeTab="${i}"`)
            : tag.replace(/^<[\w.:-]+/, `$& activeTab="${i}"`)
        )
      : xml.replace(
          new RegExp(`<${p}sheets(?=[\\s>])`),
          `<${p}bookViews><${p}workbookView activeTab="${i}"/></${p}bookViews>$&`
        );
    if (out !== xml) this.pkg.set(this.pkg.workbookPart, out);
  }

  private firstResultIndex(): number | null {
    const i = this.pkg.sheets().findIndex((s) => isResultSheetName(s.name));
    return i < 0 ? null : i;
  }

  /** Removes sheets, their relationships, and every part only they used. */
  private removeSheets(which: (name: string) => boolean): void {
    const pkg = this.pkg;
    const sheets = pkg.sheets();
    const gone = sheets.map((s, i) => ({ s, i })).filter(({ s }) => which(s.name));
    if (!gone.length) return;
    const goneIdx = new Set(gone.map((g) => g.i));
    const goneRids = new Set(gone.map((g) => g.s.rid));
    const wbPart = pkg.workbookPart;
    let xml = pkg.workbookXml();
    const p = rootPrefix(xml);
    xml = pkg.workbookXml();
    // a sheet's relationship id under any prefix declared for it (see XlsxPackage.sheets)
    const rps = prefixesOf(xml, NS_REL);
    const sheetRid = (tag: string) =>
      rps.map((rp) => attr(tag, `${rp}id`)).find((v) => v !== null && v !== undefined) ?? "";
    // the <sheet> entries
    const sheetsBlock = sliceElement(xml, `${p}sheets`);
    const newBlock = sheetsBlock.replace(
      new RegExp(`<${p}sheet(?=[\\s/>])[^>]*?(?:/>|>\\s*</${p}sheet>)`, "g"),
      (tag) => (goneRids.has(sheetRid(tag)) ? "" : tag)
    );
    xml = xml.replace(sheetsBlock, newBlock);
    xml = this.shiftSheetIndices(xml, (i) =>
      goneIdx.has(i) ? null : i - gone.filter((g) => g.i < i).length
    );
    pkg.set(wbPart, xml);
    // the parts
    const removed = new Set<string>();
    const relsOfWorkbook = pkg.rels(wbPart);
    pkg.removeRels(wbPart, goneRids);
    const queue = gone
      .map((g) => g.s.part ?? relsOfWorkbook.find((r) => r.id === g.s.rid)?.target)
      .filter((x): x is string => !!x && pkg.has(x));
    while (queue.length) {
      const part = queue.shift()!;
      if (removed.has(part) || !pkg.has(part)) continue;
      const targets = pkg
        .rels(part)
        .filter((r) => !r.external)
        .map((r) => r.target);
      pkg.remove(part);
      pkg.remove(relsPathOf(part));
      removed.add(part);
      // its relationships part too: an Override naming a part that is gone is a broken package
      removed.add(relsPathOf(part));
      for (const t of targets) if (pkg.has(t) && !this.isReferenced(t)) queue.push(pkg.partName(t));
    }
    // the calculation chain lists formula cells by sheet id: when it names a removed sheet it
    // goes (Excel rebuilds it when absent); the product's result sheets hold no formula, so a
    // re-audit keeps the user's chain as it was
    const calc = pkg.workbookRelated(REL_TYPE.calcChain);
    const goneIds = new Set(gone.map((g) => String(g.s.sheetId)));
    const namesGone = (chain: string) =>
      startTags(chain, `${rootPrefix(chain)}c`).some((tag) => goneIds.has(attr(tag, "i") ?? ""));
    if (calc && namesGone(pkg.text(calc))) {
      const rel = pkg.rels(wbPart).find((r) => r.type === REL_TYPE.calcChain);
      pkg.remove(calc);
      removed.add(calc);
      if (rel) pkg.removeRels(wbPart, new Set([rel.id]));
    }
    pkg.removeContentTypes(removed);
  }

  /** Whether any part's relationships still point at this part. */
  private isReferenced(part: string): boolean {
    const key = part.toLowerCase();
    for (const name of this.pkg.parts()) {
      if (!name.endsWith(".rels")) continue;
      const dir = name.slice(0, name.lastIndexOf("_rels/"));
      const source = dir + name.slice(name.lastIndexOf("/") + 1, -".rels".length);
      if (
        this.pkg
          .rels(name === "_rels/.rels" ? "" : source)
          .some((r) => !r.external && r.target.toLowerCase() === key)
      )
        return true;
    }
    return false;
  }

  /**
   * Renumbers what refers to sheets by position: defined names' localSheetId, the active and
   * first visible tab. `map` gives the new index, or null for a removed sheet.
   */
  private shiftSheetIndices(xml: string, map: (i: number) => number | null): string {
    const p = rootPrefix(xml);
    let out = xml.replace(
      new RegExp(
        `<${p}definedName(?=[\\s>])[^>]*>[\\s\\S]*?</${p}definedName>|<${p}definedName(?=[\\s/])[^>]*/>`,
        "g"
      ),
      (el) => {
        const id = attr(el, "localSheetId");
        if (id === null) return el;
        const to = map(Number(id));
        if (to === null) return "";
        return el.replace(/\slocalSheetId\s*=\s*["'][^"']*["']/, ` localSheetId="${to}"`);
      }
    );
    // a <definedNames> left empty is not allowed
    out = out.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), "");
    out = out.replace(new RegExp(`<${p}workbookView(?=[\\s/>])[^>]*>`, "g"), (tag) =>
      tag.replace(
        /\s(activeTab|firstSheet)\s*=\s*["']([^"']*)["']/g,
        (_, name: string, v: string) => {
          let to = map(Number(v));
          if (to === null) {
            // the sheet is gone: the nearest one before it
            let i = Number(v);
            while (i > 0 && to === null) to = map(--i);
            to ??= 0;
          }
          return ` ${name}="${to}"`;
        }
      )
    );
    return out;
  }

  /** Adds a worksheet part and its <sheet> entry at a position (null: at the end). */
  private addSheetPart(
    name: string,
    content: string | Uint8Array[],
    at: number | null
  ): { part: string; index: number } {
    const pkg = this.pkg;
    const part = pkg.freeName("xl/worksheets/sheet", ".xml");
    pkg.set(part, typeof content === "string" ? content : content);
    pkg.addContentType(part, CONTENT_TYPE.worksheet);
    const rid = pkg.addRel(pkg.workbookPart, REL_TYPE.worksheet, part);
    const rp = pkg.relPrefix();
    let xml = pkg.workbookXml();
    const p = rootPrefix(xml);
    const sheets = pkg.sheets();
    const sheetId = sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
    const tag = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${rp}id="${rid}"/>`;
    const index = at === null || at >= sheets.length ? sheets.length : at;
    if (index < sheets.length) {
      xml = this.shiftSheetIndices(xml, (i) => (i >= index ? i + 1 : i));
      const block = sliceElement(xml, `${p}sheets`);
      const tags = startTags(block, `${p}sheet`);
      const target = tags[index];
      const newBlock = block.replace(target, tag + target);
      xml = xml.replace(block, newBlock);
    } else xml = insertBefore(xml, `</${p}sheets>`, tag, `<${p}sheets`);
    pkg.set(pkg.workbookPart, xml);
    return { part, index };
  }

  private addSheet(name: string, w: WrittenSheet, at: number | null): void {
    const pkg = this.pkg;
    // table names and ids are unique in the workbook
    const { ids, names } = this.tableNames();
    let pieces = w.pieces;
    const tableParts = w.tables.map((t) => {
      let id = 1;
      while (ids.has(id)) id++;
      ids.add(id);
      let tableName = t.wantedName;
      for (let n = 2; names.has(tableName.toLowerCase()); n++) tableName = `${t.wantedName}_${n}`;
      names.add(tableName.toLowerCase());
      const part = pkg.freeName("xl/tables/table", ".xml");
      pkg.set(part, t.xml(id, tableName));
      pkg.addContentType(part, CONTENT_TYPE.table);
      return part;
    });
    const encoded = pieces.map((s) => encoder.encode(s));
    pieces = [];
    const { part, index } = this.addSheetPart(name, encoded, at);
    // the sheet's relationships: tables, in the order of <tableParts> (rIdT1 …)
    if (tableParts.length) {
      const ridOf = tableParts.map((t) => pkg.addRel(part, REL_TYPE.table, t));
      const last = encoded.length - 1;
      let tail = new TextDecoder().decode(encoded[last]);
      ridOf.forEach((rid, i) => (tail = tail.replace(`r:id="rIdT${i + 1}"`, `r:id="${rid}"`)));
      encoded[last] = encoder.encode(tail);
      pkg.set(part, encoded);
    }
    if (w.printTitles.length) {
      this.addDefinedName(
        "_xlnm.Print_Titles",
        index,
        w.printTitles.map((t) => sheetReference(name, t)).join(",")
      );
    }
  }

  private addTemplate(name: string, xml: string, notes: { ref: string; text: string }[]): void {
    const pkg = this.pkg;
    const { part } = this.addSheetPart(name, [encoder.encode("")], this.firstResultIndex());
    const comments = pkg.freeName("xl/comments", ".xml");
    pkg.set(comments, commentsXml(notes));
    pkg.addContentType(comments, CONTENT_TYPE.comments);
    const vml = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    pkg.set(vml, notesVml(notes, this.freeVmlBlock()));
    pkg.addContentType(vml, CONTENT_TYPE.vml, true);
    const vmlRid = pkg.addRel(part, REL_TYPE.vmlDrawing, vml);
    pkg.addRel(part, REL_TYPE.comments, comments);
    pkg.set(part, xml.replace('r:id="rIdV1"', `r:id="${vmlRid}"`));
  }

  /** A shape-id block (o:idmap) no VML drawing of the workbook uses. */
  private freeVmlBlock(): number {
    let max = 0;
    for (const name of this.pkg.parts()) {
      if (!name.toLowerCase().endsWith(".vml")) continue;
      const m = /<o:idmap[^>]*data\s*=\s*["']([^"']*)["']/.exec(this.pkg.text(name));
      for (const x of (m?.[1] ?? "").split(",")) max = Math.max(max, Number(x) || 0);
    }
    return max + 1;
  }

  private tableNames(): { ids: Set<number>; names: Set<string> } {
    const ids = new Set<number>();
    const names = new Set<string>();
    for (const name of this.pkg.parts()) {
      if (this.pkg.contentType(name) !== CONTENT_TYPE.table) continue;
      const xml = this.pkg.text(name);
      const tag = startTags(xml, `${rootPrefix(xml)}table`)[0] ?? "";
      const id = Number(attr(tag, "id"));
      if (Number.isFinite(id)) ids.add(id);
      for (const a of ["name", "displayName"]) {
        const n = attr(tag, a);
        if (n) names.add(n.toLowerCase());
      }
    }
    const wb = this.pkg.workbookXml();
    for (const tag of startTags(wb, `${rootPrefix(wb)}definedName`)) {
      const n = attr(tag, "name");
      if (n) names.add(n.toLowerCase());
    }
    return { ids, names };
  }

  private addDefinedName(name: string, localSheetId: number, value: string): void {
    const pkg = this.pkg;
    let xml = pkg.workbookXml();
    const p = rootPrefix(xml);
    const el = `<${p}definedName name="${name}" localSheetId="${localSheetId}">${escapeAttr(value)}</${p}definedName>`;
    if (new RegExp(`<${p}definedNames(?=[\\s>/])`).test(xml))
      xml = insertBefore(xml, `</${p}definedNames>`, el, `<${p}definedNames`);
    else {
      // after <sheets> (and functionGroups, externalReferences when present), in schema order
      let at = xml.indexOf(`</${p}sheets>`) + `</${p}sheets>`.length;
      for (const before of ["functionGroups", "externalReferences"]) {
        const block = sliceElement(xml, `${p}${before}`);
        if (block) at = Math.max(at, xml.indexOf(block) + block.length);
      }
      xml = xml.slice(0, at) + `<${p}definedNames>${el}</${p}definedNames>` + xml.slice(at);
    }
    pkg.set(pkg.workbookPart, xml);
  }
}
