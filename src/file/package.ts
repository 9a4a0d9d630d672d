// The .xlsx package (Open Packaging Conventions): parts by name, relationships, content types,
// the workbook part and its sheet list. Parts the product changes are held as new bytes; every
// other part is written back exactly as it was compressed in the original.
import { FileUnreadable, sniff } from "./errors";
import { Codec, OutEntry, ZipEntry, entryBytes, readDirectory, streamEntry, writeZip } from "./zip";
import { attr, attributes, escapeAttr, prefixOf, prefixesOf, rootPrefix, startTags } from "./xml";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const NS_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = `${NS_REL}/`;
export const REL_TYPE = {
  officeDocument: `${REL}officeDocument`,
  worksheet: `${REL}worksheet`,
  sharedStrings: `${REL}sharedStrings`,
  styles: `${REL}styles`,
  table: `${REL}table`,
  calcChain: `${REL}calcChain`,
  comments: `${REL}comments`,
  vmlDrawing: `${REL}vmlDrawing`,
};
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};
const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const TEMPLATE_MAIN =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";
const MACRO_TEMPLATE_MAIN = "application/vnd.ms-excel.template.macroEnabled.main+xml";

export interface Rel {
  id: string;
  type: string;
  /** the target part's name (no leading slash), or the URI as written when external */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** the worksheet part, or null for a chart sheet or a missing target */
  part: string | null;
  state: string;
}

const utf8 = new TextDecoder("utf-8");

/**
 * The UTF-16 form a part is written in, from its first bytes (a byte-order mark, or "<?" as two
 * bytes a character); null for UTF-8. The package format allows UTF-16 parts (ECMA-376 Part 2).
 */
export function utf16Of(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length >= 4 && head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f && head[3] === 0)
    return "utf-16le";
  if (head.length >= 4 && head[0] === 0 && head[1] === 0x3c && head[2] === 0 && head[3] === 0x3f)
    return "utf-16be";
  return null;
}

/** A UTF-16 part as UTF-8 text, its declaration saying so (what the readers and writers expect). */
function fromUtf16(bytes: Uint8Array, form: "utf-16le" | "utf-16be"): string {
  return new TextDecoder(form)
    .decode(bytes)
    .replace(/^(<\?xml[^>]*\sencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
}
const encoder = new TextEncoder();

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against its source part: `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
export function resolveTarget(source: string, target: string): string {
  const t = target.split("#")[0];
  if (t.startsWith("/")) return normalizePath(t.slice(1));
  const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  return normalizePath(base + t);
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(p).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A target for a relationship from `source` to `part`, relative like Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** lower-case name → name as stored (OPC part names compare case-insensitively) */
  private readonly names = new Map<string, string>();
  private readonly order: string[] = [];
  private readonly changed = new Map<string, Uint8Array | Uint8Array[]>();
  private readonly textCache = new Map<string, string>();
  readonly workbookPart: string;
  /** the content type of the workbook part says macros (.xlsm) or a template (.xltx) */
  readonly kind: "xlsx" | "xlsm" | "xltx" | "xltm";

  constructor(
    readonly bytes: Uint8Array,
    readonly codec: Codec = {}
  ) {
    const notZip = sniff(bytes);
    if (notZip) throw notZip;
    let dir: ZipEntry[];
    try {
      dir = readDirectory(bytes);
    } catch (e) {
      if (e instanceof FileUnreadable) throw e;
      throw new FileUnreadable("damaged", String(e));
    }
    for (const e of dir) {
      if (e.name.endsWith("/")) continue;
      const key = e.name.toLowerCase();
      if (this.names.has(key)) continue;
      this.entries.set(e.name, e);
      this.names.set(key, e.name);
      this.order.push(e.name);
    }
    const root = this.has("_rels/.rels") ? this.rels("") : [];
    const office = root.find((r) => r.type === REL_TYPE.officeDocument && !r.external);
    if (!office || !this.has(office.target)) {
      if (root.some((r) => r.type.startsWith(NS_STRICT_REL)))
        throw new FileUnreadable("strict", "strict Open XML package");
      if (this.has("mimetype") && this.text("mimetype").includes("opendocument"))
        throw new FileUnreadable("ods", "OpenDocument package");
      if (this.has("word/document.xml") || this.has("ppt/presentation.xml"))
        throw new FileUnreadable("other-document", "Word or PowerPoint package");
      throw new FileUnreadable("not-workbook", "no workbook part");
    }
    this.workbookPart = this.partName(office.target);
    if (/\.bin$/i.test(this.workbookPart))
      throw new FileUnreadable("xlsb", "binary workbook part (.xlsb)");
    const wb = this.text(this.workbookPart);
    if (wb.includes(NS_STRICT_MAIN)) throw new FileUnreadable("strict", "strict Open XML workbook");
    if (!/<(\w+:)?workbook[\s>]/.test(wb))
      throw new FileUnreadable("not-workbook", "no workbook element");
    const type = this.contentType(this.workbookPart);
    this.kind =
      type === MACRO_MAIN
        ? "xlsm"
        : type === TEMPLATE_MAIN
          ? "xltx"
          : type === MACRO_TEMPLATE_MAIN
            ? "xltm"
            : "xlsx";
  }

  /** The stored name of a part (case-insensitive), or the name given when absent. */
  partName(name: string): string {
    return this.names.get(name.toLowerCase()) ?? name;
  }

  has(name: string): boolean {
    return this.names.has(name.toLowerCase());
  }

  /** The original entry of a part (not for changed or added parts). */
  entry(name: string): ZipEntry | undefined {
    const n = this.partName(name);
    return this.changed.has(n) ? undefined : this.entries.get(n);
  }

  bytesOf(name: string): Uint8Array {
    const n = this.partName(name);
    const c = this.changed.get(n);
    if (c) return Array.isArray(c) ? joinBytes(c) : c;
    const e = this.entries.get(n);
    if (!e) throw new FileUnreadable("damaged", `missing part ${name}`);
    return entryBytes(this.bytes, e, this.codec);
  }

  /**
   * A part's content in pieces as it is decompressed (for sheets: never one string), always as
   * UTF-8: a UTF-16 part (rare; the format allows it) is read whole and handed on as UTF-8.
   */
  stream(
    name: string,
    onChunk: (chunk: Uint8Array, final: boolean) => boolean | void,
    /** only the first bytes are wanted: decompress a piece at a time */
    small = false
  ): void {
    let form: "utf-16le" | "utf-16be" | null | undefined;
    const held: Uint8Array[] = [];
    let heldSize = 0;
    this.streamRaw(
      name,
      (chunk, final) => {
        if (form === undefined) {
          // the encoding is told by the first four bytes, which a piece may not hold alone
          held.push(chunk);
          heldSize += chunk.length;
          if (heldSize < 4 && !final) return;
          const head = held.length === 1 ? chunk : joinBytes(held);
          held.length = 0;
          form = utf16Of(head.subarray(0, 4));
          chunk = head;
        }
        if (!form) return onChunk(chunk, final);
        held.push(chunk);
        if (!final) return;
        const text = fromUtf16(joinBytes(held), form).replace(/^\uFEFF/, "");
        onChunk(new TextEncoder().encode(text), true);
      },
      small
    );
  }

  /** A part's bytes in pieces as stored (decompressed), whatever their encoding. */
  streamRaw(
    name: string,
    onChunk: (chunk: Uint8Array, final: boolean) => boolean | void,
    /** only the first bytes are wanted: decompress a piece at a time */
    small = false
  ): void {
    const n = this.partName(name);
    const c = this.changed.get(n);
    if (c) {
      const pieces = Array.isArray(c) ? c : [c];
      for (let i = 0; i < pieces.length; i++)
        if (onChunk(pieces[i], i === pieces.length - 1) === false) return;
      if (!pieces.length) onChunk(new Uint8Array(0), true);
      return;
    }
    const e = this.entries.get(n);
    if (!e) throw new FileUnreadable("damaged", `missing part ${name}`);
    streamEntry(this.bytes, e, onChunk, this.codec, small);
  }

  text(name: string): string {
    const n = this.partName(name);
    let t = this.textCache.get(n);
    if (t === undefined) {
      const bytes = this.bytesOf(n);
      const form = utf16Of(bytes.subarray(0, 4));
      t = form ? fromUtf16(bytes, form) : utf8.decode(bytes);
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      this.textCache.set(n, t);
    }
    return t;
  }

  /** Replaces or adds a part; a new part goes at the end of the zip. */
  set(name: string, content: string | Uint8Array | Uint8Array[]): void {
    const n = this.partName(name);
    if (!this.has(n)) {
      this.names.set(n.toLowerCase(), n);
      this.order.push(n);
    }
    this.textCache.delete(n);
    if (typeof content === "string") {
      this.changed.set(n, encoder.encode(content));
      this.textCache.set(n, content);
    } else this.changed.set(n, content);
  }

  remove(name: string): void {
    const n = this.partName(name);
    if (!this.has(n)) return;
    this.names.delete(n.toLowerCase());
    this.changed.delete(n);
    this.textCache.delete(n);
    this.entries.delete(n);
    const i = this.order.indexOf(n);
    if (i >= 0) this.order.splice(i, 1);
  }

  /** Every part name, in zip order. */
  parts(): string[] {
    return [...this.order];
  }

  /** Whether a part is exactly as in the original file. */
  isOriginal(name: string): boolean {
    const n = this.partName(name);
    return this.entries.has(n) && !this.changed.has(n);
  }

  /** The relationships of a part ("" for the package's own). */
  rels(source: string): Rel[] {
    const path = source === "" ? "_rels/.rels" : relsPathOf(source);
    if (!this.has(path)) return [];
    return startTags(this.text(path), `${rootPrefix(this.text(path))}Relationship`).map((tag) => {
      const a = attributes(tag);
      const external = a.get("TargetMode") === "External";
      const target = a.get("Target") ?? "";
      return {
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: external ? target : resolveTarget(source, target),
        external,
      };
    });
  }

  /** Adds a relationship from `source` to the part `target`; returns its id. */
  addRel(source: string, type: string, target: string): string {
    const path = relsPathOf(source);
    const xml = this.has(path)
      ? this.text(path)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const p = rootPrefix(xml);
    const ids = new Set(this.has(path) ? this.rels(source).map((r) => r.id) : []);
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeAttr(relativeTarget(source, target))}"/>`;
    const fresh = !this.has(path);
    this.set(path, insertBefore(xml, `</${p}Relationships>`, rel, `<${p}Relationships`));
    // a package that declares .rels parts one by one (Overrides, no Default) gets one for this one
    if (fresh && this.contentType(path) === null) this.addContentType(path, CONTENT_TYPE.rels);
    return id;
  }

  /** Removes relationships of a part by id. */
  removeRels(source: string, ids: Set<string>): void {
    const path = relsPathOf(source);
    if (!this.has(path) || !ids.size) return;
    const xml = this.text(path);
    const p = rootPrefix(xml);
    const out = xml.replace(
      new RegExp(`<${p}Relationship(?=[\\s/>])[^>]*?(?:/>|>\\s*</${p}Relationship>)`, "g"),
      (tag) => (ids.has(attr(tag, "Id") ?? "") ? "" : tag)
    );
    this.set(path, out);
  }

  /** [Content_Types].xml as maps, rebuilt only when its text changes (one lookup per part is then constant) */
  private typeIndex: {
    xml: string;
    overrides: Map<string, string | null>;
    defaults: Map<string, string | null>;
  } | null = null;

  contentType(part: string): string | null {
    const xml = this.has("[Content_Types].xml") ? this.text("[Content_Types].xml") : "";
    if (this.typeIndex?.xml !== xml) {
      const p = rootPrefix(xml);
      const overrides = new Map<string, string | null>();
      const defaults = new Map<string, string | null>();
      // the first declaration of a name or an extension wins, as the loop over the tags did
      for (const tag of startTags(xml, `${p}Override`)) {
        const k = (attr(tag, "PartName") ?? "").toLowerCase();
        if (!overrides.has(k)) overrides.set(k, attr(tag, "ContentType"));
      }
      for (const tag of startTags(xml, `${p}Default`)) {
        const k = (attr(tag, "Extension") ?? "").toLowerCase();
        if (!defaults.has(k)) defaults.set(k, attr(tag, "ContentType"));
      }
      this.typeIndex = { xml, overrides, defaults };
    }
    const name = `/${part}`.toLowerCase();
    const o = this.typeIndex.overrides.get(name);
    if (o !== undefined) return o;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    return this.typeIndex.defaults.get(ext) ?? null;
  }

  /** Declares a new part's content type (an Override, or a Default for an extension). */
  addContentType(part: string, type: string, asDefault = false): void {
    const xml = this.text("[Content_Types].xml");
    const p = rootPrefix(xml);
    if (asDefault) {
      const ext = part.slice(part.lastIndexOf(".") + 1);
      if (this.contentType(part) === type) return;
      const tag = `<${p}Default Extension="${escapeAttr(ext)}" ContentType="${type}"/>`;
      this.set("[Content_Types].xml", insertBefore(xml, `</${p}Types>`, tag, `<${p}Types`));
      return;
    }
    const tag = `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`;
    this.set("[Content_Types].xml", insertBefore(xml, `</${p}Types>`, tag, `<${p}Types`));
  }

  removeContentTypes(parts: Set<string>): void {
    if (!parts.size) return;
    const xml = this.text("[Content_Types].xml");
    const p = rootPrefix(xml);
    const names = new Set([...parts].map((x) => `/${x}`.toLowerCase()));
    const out = xml.replace(
      new RegExp(`<${p}Override(?=[\\s/>])[^>]*?(?:/>|>\\s*</${p}Override>)`, "g"),
      (tag) => (names.has((attr(tag, "PartName") ?? "").toLowerCase()) ? "" : tag)
    );
    this.set("[Content_Types].xml", out);
  }

  /** A part name not yet used: `xl/worksheets/sheet{n}.xml`. */
  freeName(prefix: string, ext: string): string {
    let n = 1;
    while (this.has(`${prefix}${n}${ext}`)) n++;
    return `${prefix}${n}${ext}`;
  }

  /** The state of the parts, to go back to when a change fails half-way. */
  snapshot(): unknown {
    return {
      entries: new Map(this.entries),
      names: new Map(this.names),
      order: [...this.order],
      changed: new Map(this.changed),
    };
  }

  restore(state: unknown): void {
    const s = state as {
      entries: Map<string, ZipEntry>;
      names: Map<string, string>;
      order: string[];
      changed: Map<string, Uint8Array | Uint8Array[]>;
    };
    const reset = <K, V>(m: Map<K, V>, from: Map<K, V>) => {
      m.clear();
      for (const [k, v] of from) m.set(k, v);
    };
    reset(this.entries, s.entries);
    reset(this.names, s.names);
    reset(this.changed, s.changed);
    this.order.splice(0, this.order.length, ...s.order);
    this.textCache.clear();
  }

  // ---- the workbook part ----

  workbookXml(): string {
    return this.text(this.workbookPart);
  }

  /**
   * The prefix of the relationships namespace on workbook.xml's root element (`r:`), declared
   * there when missing: some writers declare it on each <sheet> instead, and a <sheet> we add
   * must not use an unbound prefix.
   */
  relPrefix(): string {
    const xml = this.workbookXml();
    const root = rootPrefix(xml);
    const m = new RegExp(`<${root}workbook(?=[\\s>/])[^>]*>`).exec(xml);
    const tag = m?.[0] ?? "";
    const p = prefixOf(tag, NS_REL);
    if (p) return p;
    let name = "r";
    for (let n = 2; new RegExp(`\\sxmlns:${name}\\s*=`).test(tag); n++) name = `r${n}`;
    this.set(
      this.workbookPart,
      xml.replace(new RegExp(`<${root}workbook(?=[\\s>/])`), `$& xmlns:${name}="${NS_REL}"`)
    );
    return `${name}:`;
  }

  date1904(): boolean {
    const xml = this.workbookXml();
    const tag = startTags(xml, `${rootPrefix(xml)}workbookPr`)[0];
    const v = tag ? attr(tag, "date1904") : null;
    return v === "1" || v === "true";
  }

  /** Every sheet of the workbook (worksheets and others) in tab order. */
  sheets(): SheetEntry[] {
    const xml = this.workbookXml();
    const p = rootPrefix(xml);
    const rels = new Map(this.rels(this.workbookPart).map((r) => [r.id, r]));
    // the relationship id under whichever prefix the writer declared for it, wherever (a
    // workbook may declare ns: on <sheets> and r: on the root after an earlier run)
    const rps = prefixesOf(xml, NS_REL);
    if (!rps.length) rps.push("r:");
    const sheetsBlock = sliceElement(xml, `${p}sheets`);
    return startTags(sheetsBlock, `${p}sheet`).map((tag) => {
      const a = attributes(tag);
      const rid = rps.map((rp) => a.get(`${rp}id`)).find((v) => v !== undefined) ?? "";
      const rel = rels.get(rid);
      return {
        name: a.get("name") ?? "",
        sheetId: Number(a.get("sheetId") ?? 0),
        rid,
        part:
          rel && rel.type === REL_TYPE.worksheet && !rel.external && this.has(rel.target)
            ? this.partName(rel.target)
            : null,
        state: a.get("state") ?? "visible",
      };
    });
  }

  /** The first related part of the workbook of a type (styles, shared strings), or null. */
  workbookRelated(type: string): string | null {
    const r = this.rels(this.workbookPart).find(
      (x) => x.type === type && !x.external && this.has(x.target)
    );
    return r ? this.partName(r.target) : null;
  }

  // ---- output ----

  /** The package as zip pieces: unchanged parts copied as compressed, the rest deflated. */
  toZip(level: 1 | 6 = 6): Uint8Array[] {
    const out: OutEntry[] = this.order.map((name) => {
      const c = this.changed.get(name);
      return c ? { name, data: c } : { name, copy: this.entries.get(name)! };
    });
    return writeZip(this.bytes, out, level);
  }
}

function joinBytes(pieces: Uint8Array[]): Uint8Array {
  const n = pieces.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of pieces) (out.set(p, o), (o += p.length));
  return out;
}

/**
 * Inserts `text` before the closing tag; when the element is self-closed (`<sheets/>`), opens it.
 */
export function insertBefore(xml: string, closing: string, text: string, opening: string): string {
  const i = xml.lastIndexOf(closing);
  if (i >= 0) return xml.slice(0, i) + text + xml.slice(i);
  const m = new RegExp(`${opening.replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*?/>`).exec(xml);
  if (!m) throw new FileUnreadable("damaged", `no ${closing}`);
  const open = m[0].slice(0, -2) + ">";
  return xml.slice(0, m.index) + open + text + closing + xml.slice(m.index + m[0].length);
}

/** The text of one element (first occurrence), start to end tag, or "" when absent. */
export function sliceElement(xml: string, qname: string): string {
  const m = new RegExp(`<${qname}(?=[\\s/>])`).exec(xml);
  if (!m) return "";
  const close = `</${qname}>`;
  const selfEnd = xml.indexOf(">", m.index);
  if (xml[selfEnd - 1] === "/") return xml.slice(m.index, selfEnd + 1);
  const end = xml.indexOf(close, m.index);
  return end < 0 ? "" : xml.slice(m.index, end + close.length);
}
