// Small XML helpers for the package's parts: entity and OOXML `_xHHHH_` decoding and escaping,
// attributes of one start tag, the namespace prefix a part uses. The parts are read and edited
// as text (never re-serialised), so everything the product does not touch stays as written.

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
}

/** XML character references and entities → characters. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  // a loop into code units rather than a replace with a callback: an openpyxl workbook writes
  // every Chinese character as &#N; — a call and a match object per character cost seconds on a
  // year of tickets; and the text made is a string of its own, holding no part of the sheet's XML
  const units: number[] = [];
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) break;
    const rep = entityAt(s, amp + 1, semi);
    if (rep === null) amp = s.indexOf("&", amp + 1);
    else {
      for (let k = last; k < amp; k++) units.push(s.charCodeAt(k));
      for (let k = 0; k < rep.length; k++) units.push(rep.charCodeAt(k));
      last = semi + 1;
      amp = s.indexOf("&", last);
    }
  }
  if (last === 0) return s;
  for (let k = last; k < s.length; k++) units.push(s.charCodeAt(k));
  return fromUnits(units);
}

/** A string of these UTF-16 code units, built in pieces small enough for one call each. */
function fromUnits(units: number[]): string {
  const PIECE = 8192;
  if (units.length <= PIECE) return String.fromCharCode.apply(null, units);
  let out = "";
  for (let i = 0; i < units.length; i += PIECE)
    out += String.fromCharCode.apply(null, units.slice(i, i + PIECE));
  return out;
}

/** What the entity between `&` and `;` (s[from, to)) stands for, or null when it is none of XML's. */
function entityAt(s: string, from: number, to: number): string | null {
  if (s.charCodeAt(from) !== 35 /* # */) {
    const name = s.slice(from, to);
    return name === "lt" || name === "gt" || name === "amp" || name === "quot" || name === "apos"
      ? NAMED[name]
      : null;
  }
  const hex = s.charCodeAt(from + 1) === 120; /* x */
  let i = hex ? from + 2 : from + 1;
  if (i >= to) return null;
  let n = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    const d =
      c >= 48 && c <= 57
        ? c - 48
        : hex && c >= 97 && c <= 102
          ? c - 87
          : hex && c >= 65 && c <= 70
            ? c - 55
            : -1;
    if (d < 0) return null;
    // past the last code point: the value no longer matters, only that it is too large
    n = n > 0x10ffff ? n : n * (hex ? 16 : 10) + d;
  }
  return codePoint(n);
}

/**
 * Text as a cell holds it: XML entities, then OOXML's `_xHHHH_` escapes (ST_Xstring: `_x000D_`
 * is a carriage return, `_x005F_` an underscore that protects a following `_x`).
 */
export function decodeText(s: string): string {
  // as an XML parser reads text: a raw CR LF or CR is a line feed (a &#13; stays a CR), and a
  // CDATA section is taken literally, its markup gone
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  const t = s.indexOf("<") >= 0 ? withCdata(s) : s.indexOf("&") < 0 ? s : decodeEntities(s);
  if (t.indexOf("_x") < 0) return t;
  return t.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text with CDATA sections: entities decoded outside them, their content kept as written. */
function withCdata(s: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const a = s.indexOf("<![CDATA[", i);
    if (a < 0) break;
    const b = s.indexOf("]]>", a + 9);
    if (b < 0) break;
    out += decodeEntities(s.slice(i, a)) + s.slice(a + 9, b);
    i = b + 3;
  }
  return out + decodeEntities(s.slice(i));
}

// characters XML 1.0 cannot hold, and CR (an XML reader turns it into LF)
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** Cell text → element content: `_x…_` protected, unrepresentable characters escaped. */
export function escapeText(s: string): string {
  let t = s;
  if (t.indexOf("_x") >= 0) t = t.replace(/_(?=x[0-9a-fA-F]{4}_)/g, "_x005F_");
  t = t.replace(NOT_XML, (c) => (c === "\r" ? "\r" : hex4(c)));
  // a carriage return as a character reference (an XML reader would turn a raw one into LF)
  return t.replace(/[&<>\r]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"
  );
}

/** A value for a double-quoted attribute (no OOXML escapes: names, references, formats). */
export function escapeAttr(s: string): string {
  return s
    .replace(NOT_XML, "")
    .replace(/[&<>"\n\t]/g, (c) =>
      c === "&"
        ? "&amp;"
        : c === "<"
          ? "&lt;"
          : c === ">"
            ? "&gt;"
            : c === '"'
              ? "&quot;"
              : c === "\n"
                ? "&#10;"
                : "&#9;"
    );
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag (`<sheet name="a" r:id="rId1"/>`), values decoded. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  // skip the element name
  const start = tag.search(/[\s/>]/);
  const body = start < 0 ? "" : tag.slice(start);
  while ((m = ATTR.exec(body))) out.set(m[1], decodeEntities(m[2] ?? m[3] ?? ""));
  return out;
}

/** One attribute of a start tag, or null. */
export function attr(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? "") : null;
}

/** The prefix (with its colon, or "") of a part's root element: `<x:worksheet …>` → "x:". */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([\w.-]+:)?[\w.-]+[\s>/]/.exec(xml);
  return m?.[1] ?? "";
}

/** The prefix bound to a namespace URI anywhere in the text, or null ("" for the default one). */
export function prefixOf(xml: string, uri: string): string | null {
  const esc = uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const m = new RegExp(`xmlns(?::([\\w.-]+))?\\s*=\\s*["']${esc}["']`).exec(xml);
  if (!m) return null;
  return m[1] ? `${m[1]}:` : "";
}

/** Every prefix declared anywhere for a namespace (`r:`, `ns:` …; `` for a default one). */
export function prefixesOf(xml: string, uri: string): string[] {
  const esc = uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`xmlns(?::([\\w.-]+))?\\s*=\\s*["']${esc}["']`, "g"))) {
    const p = m[1] ? `${m[1]}:` : "";
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** All start tags of an element (`<p:name …>` or self-closed), as written. */
export function startTags(xml: string, qname: string): string[] {
  const re = new RegExp(`<${qname.replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(re) ?? [];
}
