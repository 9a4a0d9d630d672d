// What the golden test (outputs.test.ts) keeps of a run: the summary JSON and each written part,
// normalised only where a run legitimately differs (the program's version, the temp folder), and
// rendered so that a snapshot diff reads line by line. Every rendering carries the SHA-256 of the
// normalised bytes, so a change the rendering would not show (a space, an attribute's order) still
// fails the test.
import { createHash } from "crypto";
import { ENGINE_VERSION } from "../../src/engine/audit";

/** A worksheet part over this many characters is rendered as its cells (keeps the snapshots small). */
export const XML_LIMIT = 4_000;
/** A cell's text longer than this is shortened in the rendering (its bytes are in the SHA-256). */
const TEXT_LIMIT = 300;
/** The same for a value of the summary JSON. */
const JSON_LIMIT = 2000;

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The volatile bits of the outputs: the program's version (in the JSON's `version` and after
 * 程序版本 on 结算确认单, 核查汇总 and 运行记录, the cell beside 程序版本 on 运行记录), and the temp
 * folder the run wrote into (the command line's last line). The run time is not normalised: the
 * test fixes the clock instead (a change to how it is written still shows).
 */
export function normalise(text: string, tempDir?: string): string {
  const v = escapeRegExp(ENGINE_VERSION);
  let t = text
    .replace(new RegExp(`(程序版本 |version )${v}(?![\\d.])`, "g"), "$1[version]")
    .replace(
      new RegExp(`(<t>程序版本</t></is></c><c [^>]*><is><t>)${v}(</t>)`, "g"),
      "$1[version]$2"
    )
    .replace(new RegExp(`("version": *")${v}(")`, "g"), "$1[version]$2");
  if (tempDir) t = t.split(tempDir).join("[tmp]");
  return t;
}

/**
 * A text for a one-line rendering: line breaks and tabs shown as `\\n`, `\\r`, `\\t`, a text
 * over `limit` shortened (the SHA-256 beside it covers every byte).
 */
const short = (s: string, limit = TEXT_LIMIT) =>
  (s.length > limit ? `${s.slice(0, limit)}…(${s.length} chars)` : s).replace(
    /[\n\r\t]/g,
    (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!
  );

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The summary JSON, one line a value: each top-level key; each key of an object and each element
 * of an array on its own line (an array of objects with the same keys as a line of keys and a
 * line of values per element).
 */
export function renderJson(text: string): string {
  const lines = [`sha256 ${sha256(text)} (${text.length} chars)`];
  const obj = JSON.parse(text) as Record<string, unknown>;
  const one = (v: unknown) => short(JSON.stringify(v), JSON_LIMIT);
  for (const [k, v] of Object.entries(obj)) {
    if (isRecord(v)) {
      lines.push(`${k}:`);
      for (const [kk, vv] of Object.entries(v)) lines.push(`  ${kk}: ${one(vv)}`);
    } else if (Array.isArray(v)) {
      const keys = (e: unknown) => (isRecord(e) ? Object.keys(e).join(",") : null);
      const first = v.length ? keys(v[0]) : null;
      const table = first !== null && v.every((e) => keys(e) === first);
      lines.push(`${k} (${v.length})${table ? `: ${first}` : ""}`);
      for (const e of v) lines.push(`  ${one(table ? Object.values(e as object) : e)}`);
    } else lines.push(`${k}: ${one(v)}`);
  }
  return lines.join("\n");
}

/** XML one element a line (a cell's inner elements stay on the cell's line). */
export function xmlLines(xml: string): string {
  return xml.replace(/>(?=<(?!\/?(?:is|t|v|f|r|rPr)[\s/>]|\/c>))/g, ">\n");
}

/**
 * A worksheet part: its XML one element a line when small; when large, what surrounds the cells
 * as XML and the cells a row a line, `12 (ht="30"): A[33] R1 | B[7] 指标 | E 29`: the row's
 * attributes and a cell's style index where they differ from the row above, a type other than a
 * number or an inline string as `t=b:`, an internal link as `→ '工单'!A8` on its cell.
 */
export function renderSheetXml(xml: string): string {
  const head = `sha256 ${sha256(xml)} (${xml.length} chars)`;
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>");
  if (xml.length <= XML_LIMIT || start < 0 || end < 0) return `${head}\n${xmlLines(xml)}`;
  const links = new Map<string, { location: string; display: string }>();
  const tail = xml
    .slice(end)
    .replace(
      /<hyperlink ref="([A-Z]+\d+)" location="([^"]*)" display="([^"]*)"\/>/g,
      (_, ref: string, location: string, display: string) => {
        links.set(ref, { location, display });
        return "";
      }
    );
  const cells = cellLines(xml.slice(start, end), links);
  // a link whose cell is not written stays in the XML
  const left = [...links].map(
    ([ref, l]) => `<hyperlink ref="${ref}" location="${l.location}" display="${l.display}"/>`
  );
  return [
    head,
    "--- before the cells",
    xmlLines(xml.slice(0, start)),
    "--- cells: row (attributes): column[style] value → link; attributes and style where they change",
    ...cells,
    "--- after the cells",
    xmlLines(tail.replace("<hyperlinks>", `<hyperlinks>${left.join("")}`)),
  ].join("\n");
}

function cellLines(
  sheetData: string,
  links: Map<string, { location: string; display: string }>
): string[] {
  const lines: string[] = [];
  const styleAbove = new Map<string, string>();
  let rowAttrsAbove = "";
  let row: { head: string; cells: string[] } | null = null;
  const flush = () => row && lines.push(`${row.head} ${row.cells.join(" | ")}`.trimEnd());
  const token = /<row\b([^>]*?)\/?>|<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = token.exec(sheetData); m; m = token.exec(sheetData)) {
    if (m[1] !== undefined) {
      flush();
      const r = /\br="(\d+)"/.exec(m[1])?.[1] ?? "?";
      const attrs = m[1].replace(/\s*\br="\d+"/, "").trim();
      row = { head: `${r}${attrs !== rowAttrsAbove ? ` (${attrs})` : ""}:`, cells: [] };
      rowAttrsAbove = attrs;
      continue;
    }
    const [, , col, r, attrs, inner] = m;
    const s = / s="(\d+)"/.exec(attrs)?.[1] ?? "-";
    const t = / t="(\w+)"/.exec(attrs)?.[1];
    const style = styleAbove.get(col) !== s ? `[${s}]` : "";
    styleAbove.set(col, s);
    const raw = inner === undefined ? "" : inner.replace(/<[^>]+>/g, "");
    let text = `${t && t !== "inlineStr" ? `t=${t}:` : ""}${short(raw)}`;
    const link = links.get(col + r);
    if (link) {
      links.delete(col + r);
      text += ` → ${link.location}${link.display === raw ? "" : ` "${short(link.display)}"`}`;
    }
    row ??= { head: "(no row):", cells: [] };
    row.cells.push(`${col}${style}${text ? ` ${text}` : ""}`);
  }
  flush();
  return lines;
}
