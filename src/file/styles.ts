// The styles the result sheets need, appended to the workbook's styles.xml: existing number
// formats, fonts, fills and cell formats keep their positions and their XML, new ones go after
// them (a cell of the user's keeps pointing at the same style). New fonts take the workbook's
// own default font (font 0: 等线 in a Chinese Excel, Calibri elsewhere), changed only where a
// result needs bold, a size, a colour or an underline.
import { CONTENT_TYPE, REL_TYPE, XlsxPackage, insertBefore, sliceElement } from "./package";
import { attr, escapeAttr, rootPrefix, startTags } from "./xml";

export interface CellStyle {
  /** an Excel number format code; undefined = General */
  numFmt?: string;
  bold?: boolean;
  size?: number;
  /** ARGB */
  color?: string;
  underline?: boolean;
  /** ARGB solid fill */
  fill?: string;
  wrap?: boolean;
  /** aligned to the top of its row (beside wrapped text in a taller row) */
  top?: boolean;
  /** horizontal alignment (headers over numbers) */
  align?: "right";
  /** set in from the left by one indent (text after a number, which would otherwise touch it) */
  indent?: boolean;
}

// number formats Excel knows by id (ECMA-376 §18.8.30), so none is added for them
const BUILTIN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

// the order of styleSheet's children (CT_Stylesheet)
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const MINIMAL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Counts the direct children of a collection element (`<fonts>` → its `<font>` items). */
function countItems(block: string, item: string): number {
  if (!block || (block.endsWith("/>") && !block.includes(`<${item}`))) return 0;
  let n = 0;
  let depth = 0;
  const re = new RegExp(`<(/?)${item.replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*?(/?)>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(block))) {
    if (m[1]) depth--;
    else {
      if (depth === 0) n++;
      if (!m[2]) depth++;
    }
  }
  return n;
}

/** The top-level items of a collection (`<fonts>`'s `<font>`s), each as written, in order. */
function itemsOf(block: string, item: string): string[] {
  const out: string[] = [];
  if (!block) return out;
  let depth = 0;
  let start = -1;
  const re = new RegExp(`<(/?)${item.replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*?(/?)>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(block))) {
    if (m[1]) {
      depth--;
      if (depth === 0 && start >= 0) out.push(block.slice(start, re.lastIndex));
    } else {
      if (depth === 0) start = m.index;
      if (m[2]) {
        if (depth === 0) out.push(block.slice(start, re.lastIndex));
      } else depth++;
    }
  }
  return out;
}

/**
 * Most cell formats a workbook may hold: Excel's limit is about 64,000 (it refuses or repairs a
 * workbook with more). The result sheets never take the styles past it.
 */
export const MAX_CELL_XFS = 64000;

export class StyleBook {
  /** cells written with a plainer style than asked, the workbook's formats being near the limit */
  fellBack = 0;
  private xml: string;
  private readonly p: string;
  private readonly part: string;
  private readonly added = {
    numFmts: [] as string[],
    fonts: [] as string[],
    fills: [] as string[],
    cellXfs: [] as string[],
  };
  private readonly base: { numFmts: number; fonts: number; fills: number; cellXfs: number };
  private readonly fmtIds = new Map<string, number>();
  private nextFmtId: number;
  private readonly fontIds = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();
  private readonly defaultFont: {
    name: string;
    size: number;
    family: string | null;
    charset: string | null;
    scheme: string | null;
  };
  private readonly hasStyleXf: boolean;

  constructor(private readonly pkg: XlsxPackage) {
    const existing = pkg.workbookRelated(REL_TYPE.styles);
    if (existing) this.part = existing;
    else {
      this.part = "xl/styles.xml";
      pkg.set(this.part, MINIMAL);
      pkg.addContentType(this.part, CONTENT_TYPE.styles);
      pkg.addRel(pkg.workbookPart, REL_TYPE.styles, this.part);
    }
    this.xml = pkg.text(this.part);
    this.p = rootPrefix(this.xml);
    const p = this.p;
    // a styles part without a collection the cells need gets an empty one, in schema order
    for (const name of ["fonts", "fills", "borders", "cellXfs"])
      if (!sliceElement(this.xml, `${p}${name}`)) this.ensure(name);
    if (countItems(sliceElement(this.xml, `${p}borders`), `${p}border`) === 0)
      this.appendTo("borders", "border", [
        "<border><left/><right/><top/><bottom/><diagonal/></border>",
      ]);
    if (countItems(sliceElement(this.xml, `${p}fills`), `${p}fill`) === 0)
      this.appendTo("fills", "fill", [
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
      ]);
    if (countItems(sliceElement(this.xml, `${p}fonts`), `${p}font`) === 0)
      this.appendTo("fonts", "font", [
        '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
      ]);
    if (countItems(sliceElement(this.xml, `${p}cellXfs`), `${p}xf`) === 0)
      this.appendTo("cellXfs", "xf", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']);
    this.base = {
      numFmts: countItems(sliceElement(this.xml, `${p}numFmts`), `${p}numFmt`),
      fonts: countItems(sliceElement(this.xml, `${p}fonts`), `${p}font`),
      fills: countItems(sliceElement(this.xml, `${p}fills`), `${p}fill`),
      cellXfs: countItems(sliceElement(this.xml, `${p}cellXfs`), `${p}xf`),
    };
    let maxId = 163;
    for (const tag of startTags(sliceElement(this.xml, `${p}numFmts`), `${p}numFmt`)) {
      const id = Number(attr(tag, "numFmtId"));
      const code = attr(tag, "formatCode");
      if (Number.isFinite(id)) maxId = Math.max(maxId, id);
      if (code !== null && !this.fmtIds.has(code)) this.fmtIds.set(code, id);
    }
    this.nextFmtId = maxId + 1;
    const font0 =
      /<(?:[\w.-]+:)?font(?=[\s>])[\s\S]*?<\/(?:[\w.-]+:)?font>/.exec(
        sliceElement(this.xml, `${p}fonts`)
      )?.[0] ?? "";
    const val = (el: string) => {
      const m = new RegExp(`<(?:[\\w.-]+:)?${el}\\s[^>]*?val\\s*=\\s*["']([^"']*)["']`).exec(font0);
      return m ? m[1] : null;
    };
    this.defaultFont = {
      name: val("name") ?? "Calibri",
      size: Number(val("sz") ?? 11) || 11,
      family: val("family"),
      charset: val("charset"),
      scheme: val("scheme"),
    };
    this.hasStyleXf = countItems(sliceElement(this.xml, `${p}cellStyleXfs`), `${p}xf`) > 0;
    // the product's own entries of an earlier run (or identical ones of the user's) are reused:
    // a workbook audited again and again does not grow a new set of styles each time
    const unprefix = (x: string) => (p ? x.split(`<${p}`).join("<").split(`</${p}`).join("</") : x);
    const index = (name: string, item: string, into: Map<string, number>) =>
      itemsOf(sliceElement(this.xml, `${p}${name}`), `${p}${item}`).forEach((x, i) => {
        const k = unprefix(x);
        if (!into.has(k)) into.set(k, i);
      });
    index("fonts", "font", this.fontIds);
    index("fills", "fill", this.existingFills);
    index("cellXfs", "xf", this.existingXfs);
  }

  /** existing fills and cell formats by their XML, as this book writes them */
  private readonly existingFills = new Map<string, number>();
  private readonly existingXfs = new Map<string, number>();

  /** The workbook's default font (for column widths). */
  get font(): { name: string; size: number } {
    return { name: this.defaultFont.name, size: this.defaultFont.size };
  }

  private ensure(name: string): void {
    const p = this.p;
    const at = ORDER.indexOf(name);
    // before the first later sibling that exists, else before </styleSheet>
    for (const later of ORDER.slice(at + 1)) {
      const m = new RegExp(`<${p}${later}(?=[\\s/>])`).exec(this.xml);
      if (m) {
        this.xml =
          this.xml.slice(0, m.index) +
          `<${p}${name} count="0"></${p}${name}>` +
          this.xml.slice(m.index);
        return;
      }
    }
    this.xml = insertBefore(
      this.xml,
      `</${p}styleSheet>`,
      `<${p}${name} count="0"></${p}${name}>`,
      `<${p}styleSheet`
    );
  }

  private appendTo(name: string, item: string, items: string[]): void {
    const p = this.p;
    if (!sliceElement(this.xml, `${p}${name}`)) this.ensure(name);
    const block = sliceElement(this.xml, `${p}${name}`);
    const start = this.xml.indexOf(block);
    const count = countItems(block, `${p}${item}`) + items.length;
    const prefixed = p ? items.map((x) => x.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`)) : items;
    let out = insertBefore(block, `</${p}${name}>`, prefixed.join(""), `<${p}${name}`);
    out = /\scount\s*=\s*["'][^"']*["']/.test(out.slice(0, out.indexOf(">")))
      ? out.replace(/\scount\s*=\s*["'][^"']*["']/, ` count="${count}"`)
      : out.replace(new RegExp(`^<${p}${name}`), `$& count="${count}"`);
    this.xml = this.xml.slice(0, start) + out + this.xml.slice(start + block.length);
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILTIN) return BUILTIN[code];
    let id = this.fmtIds.get(code);
    if (id === undefined) {
      id = this.nextFmtId++;
      this.fmtIds.set(code, id);
      this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private fontId(s: CellStyle): number {
    if (!s.bold && !s.size && !s.color && !s.underline) return 0;
    const f = this.defaultFont;
    const xml =
      `<font>${s.bold ? "<b/>" : ""}${s.underline ? "<u/>" : ""}<sz val="${s.size ?? f.size}"/>` +
      `${s.color ? `<color rgb="${s.color}"/>` : ""}<name val="${escapeAttr(f.name)}"/>` +
      `${f.family ? `<family val="${f.family}"/>` : ""}${f.charset ? `<charset val="${f.charset}"/>` : ""}` +
      `${f.scheme ? `<scheme val="${f.scheme}"/>` : ""}</font>`;
    let id = this.fontIds.get(xml);
    if (id === undefined) {
      id = this.base.fonts + this.added.fonts.length;
      this.added.fonts.push(xml);
      this.fontIds.set(xml, id);
    }
    return id;
  }

  private fillId(argb: string | undefined): number {
    if (!argb) return 0;
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      const xml = `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
      id = this.existingFills.get(xml);
      if (id === undefined) {
        id = this.base.fills + this.added.fills.length;
        this.added.fills.push(xml);
      }
      this.fillIds.set(argb, id);
    }
    return id;
  }

  /**
   * The index of a cell format with this style (appended the first time it is asked for). Near
   * Excel's limit of cell formats, a new style falls back to its number format alone, then to the
   * workbook's default format; `fellBack` counts the cells so written.
   */
  xf(s: CellStyle): number {
    const key = this.xfKey(s);
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    if (this.base.cellXfs + this.added.cellXfs.length < MAX_CELL_XFS) return this.addXf(s, key);
    this.fellBack++;
    const plain: CellStyle = { numFmt: s.numFmt };
    const plainId = this.xfIds.get(this.xfKey(plain));
    if (plainId !== undefined) return plainId;
    const existing = this.existingXfs.get(this.xfXml(plain));
    return existing ?? 0;
  }

  private xfKey(s: CellStyle): string {
    return JSON.stringify([
      s.numFmt,
      s.bold,
      s.size,
      s.color,
      s.underline,
      s.fill,
      s.wrap,
      s.align,
      s.top,
      s.indent,
    ]);
  }

  private addXf(s: CellStyle, key: string): number {
    const xml = this.xfXml(s);
    let id = this.existingXfs.get(xml);
    if (id === undefined) {
      id = this.base.cellXfs + this.added.cellXfs.length;
      this.added.cellXfs.push(xml);
    }
    this.xfIds.set(key, id);
    return id;
  }

  /** A cell format's XML (its number format, font and fill added as needed). */
  private xfXml(s: CellStyle): string {
    const numFmtId = this.numFmtId(s.numFmt);
    const fontId = this.fontId(s);
    const fillId = this.fillId(s.fill);
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0"${this.hasStyleXf ? ' xfId="0"' : ""}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
      (s.wrap || s.align || s.top || s.indent
        ? ` applyAlignment="1"><alignment${s.align ? ` horizontal="${s.align}"` : s.indent ? ' horizontal="left"' : ""}${s.wrap || s.top ? ' vertical="top"' : ""}${s.wrap ? ' wrapText="1"' : ""}${s.indent && !s.align ? ' indent="1"' : ""}/></xf>`
        : "/>");
    return xml;
  }

  /** Writes styles.xml with the new entries after the existing ones (untouched when none). */
  commit(): void {
    const a = this.added;
    if (a.numFmts.length) this.appendTo("numFmts", "numFmt", a.numFmts);
    if (a.fonts.length) this.appendTo("fonts", "font", a.fonts);
    if (a.fills.length) this.appendTo("fills", "fill", a.fills);
    if (a.cellXfs.length) this.appendTo("cellXfs", "xf", a.cellXfs);
    if (this.xml !== this.pkg.text(this.part)) this.pkg.set(this.part, this.xml);
  }
}
