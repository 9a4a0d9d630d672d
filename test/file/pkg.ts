// A minimal .xlsx package written by hand, for tests of the readers.
import { zipSync, strToU8 } from "fflate";
import { readDirectory } from "../../src/file/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal package: sheets given as their <sheetData> (and what follows it). */
export function pkg(
  sheets: Record<string, string>,
  opts: { sst?: string[]; date1904?: boolean; prefix?: string; raw?: Record<string, string> } = {}
): Uint8Array {
  const p = opts.prefix ?? "";
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}" xmlns:r="${R}">${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ""}<${p}sheets>${names.map((n, i) => `<${p}sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</${p}sheets></${p}workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}${opts.sst ? `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`
    ),
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}" xmlns:r="${R}">${sheets[n]}</${p}worksheet>`
    );
  });
  if (opts.sst)
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0"?><sst xmlns="${MAIN}">${opts.sst.join("")}</sst>`
    );
  for (const [k, v] of Object.entries(opts.raw ?? {})) files[k] = strToU8(v);
  return zipSync(files, { level: 6 });
}

/** Offsets of an entry's local header and central directory record. */
export function where(b: Uint8Array, name: string): { local: number; central: number } {
  const dir = readDirectory(b);
  const e = dir.find((x) => x.name === name)!;
  const enc = strToU8(name);
  for (let p = b.length - 46; p >= 0; p--)
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 1 && b[p + 3] === 2) {
      const n = b[p + 28] | (b[p + 29] << 8);
      if (n === enc.length && enc.every((x, i) => b[p + 46 + i] === x))
        return { local: e.localOffset, central: p };
    }
  throw new Error(`no central record for ${name}`);
}

/** UTF-16 bytes of an XML text, its declaration saying UTF-16; with a byte-order mark or not. */
export function utf16(xml: string, form: "le" | "be", bom: boolean): Uint8Array<ArrayBuffer> {
  const body = (
    xml.startsWith("<?xml") ? xml : `<?xml version="1.0" encoding="UTF-8"?>${xml}`
  ).replace(/encoding="[^"]*"/, 'encoding="UTF-16"');
  const s = (bom ? "\uFEFF" : "") + body;
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (form === "le" ? 0 : 1)] = c & 0xff;
    out[2 * i + (form === "le" ? 1 : 0)] = c >> 8;
  }
  return out;
}
