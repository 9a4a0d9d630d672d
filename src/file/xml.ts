// Small XML helpers for the package's parts: entity and OOXML `_xHHHH_` decoding and escaping,
// attributes of one start tag, the namespace prefix a part uses. The parts are read and edited
// as text (never re-serialised), so everything the product does not touch stays as written.

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** XML character references and entities → characters. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  // a loop into code units rather than a replace with a callback: an openpyxl workbook writes
  // every Chinese character as &#N; — a call and a match object per character cost seconds on a
  // year of tickets; and the text made is a string of its own, holding no part of the sheet's XML
  if (s.length > units.length) units = new Uint16Array(Math.max(s.length, units.length * 2));
  const u = units;
  let k = 0;
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) break;
    const n = entityCode(s, amp + 1, semi);
    if (n < 0) amp = s.indexOf("&", amp + 1);
    else {
      for (let j = last; j < amp; j++) u[k++] = s.charCodeAt(j);
      k = putCodePoint(u, k, n);
      last = semi + 1;
      amp = s.indexOf("&", last);
    }
  }
  if (last === 0) return s;
  for (let j = last; j < s.length; j++) u[k++] = s.charCodeAt(j);
  return fromCodeUnits(u, k);
}

/** Code units of the text being decoded (grown as needed, reused: nothing allocated per character). */
let units = new Uint16Array(1 << 12);

/** Writes code point n at u[k] (two units beyond the BMP); the next free index. */
function putCodePoint(u: Uint16Array, k: number, n: number): number {
  if (n <= 0xffff) {
    u[k] = n;
    return k + 1;
  }
  u[k] = 0xd800 + ((n - 0x10000) >> 10);
  u[k + 1] = 0xdc00 + ((n - 0x10000) & 0x3ff);
  return k + 2;
}

/** A string of the first n code units of u. */
function fromCodeUnits(u: Uint16Array, n: number): string {
  const PIECE = 8192;
  if (n <= PIECE) return String.fromCharCode.apply(null, u.subarray(0, n) as unknown as number[]);
  let out = "";
  for (let i = 0; i < n; i += PIECE)
    out += String.fromCharCode.apply(
      null,
      u.subarray(i, Math.min(n, i + PIECE)) as unknown as number[]
    );
  return out;
}

/** The code point the entity between `&` and `;` (s[from, to)) stands for, or -1 when it is none of XML's. */
function entityCode(s: string, from: number, to: number): number {
  if (s.charCodeAt(from) !== 35 /* # */) {
    const name = s.slice(from, to);
    return name === "lt" || name === "gt" || name === "amp" || name === "quot" || name === "apos"
      ? NAMED[name].charCodeAt(0)
      : -1;
  }
  const hex = s.charCodeAt(from + 1) === 120; /* x */
  let i = hex ? from + 2 : from + 1;
  if (i >= to) return -1;
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
    if (d < 0) return -1;
    // past the last code point: the value no longer matters, only that it is too large
    n = n > 0x10ffff ? n : n * (hex ? 16 : 10) + d;
  }
  return n <= 0x10ffff ? n : 0xfffd;
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

/**
 * `decodeText(s.slice(from, to))`, read straight from `s` (a window of a sheet's XML) into a new
 * string of its own: no slice is made first, no string per character, and the result never holds
 * the window alive (a slice of it would). Text with CDATA or a raw CR goes the general way.
 * `wide`, for a window read one byte a character (Latin-1), gives the range's real text when it
 * holds a byte of a multi-byte character.
 */
export function decodeTextAt(
  s: string,
  from: number,
  to: number,
  wide?: (from: number, to: number) => string
): string {
  if (to - from > units.length) units = new Uint16Array(Math.max(to - from, units.length * 2));
  const u = units;
  let k = 0;
  let underscore = false;
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 38 /* & */) {
      // a decimal reference (&#24037;: openpyxl's every Chinese character), read in place
      if (s.charCodeAt(i + 1) === 35 /* # */) {
        let j = i + 2;
        let n = 0;
        for (let d = s.charCodeAt(j) - 48; d >= 0 && d <= 9 && j < to && n <= 0x10ffff;) {
          n = n * 10 + d;
          d = s.charCodeAt(++j) - 48;
        }
        if (j > i + 2 && j < to && s.charCodeAt(j) === 59 /* ; */ && n <= 0x10ffff) {
          k = putCodePoint(u, k, n);
          if (n === 95) underscore = true;
          i = j + 1;
          continue;
        }
      }
      const semi = s.indexOf(";", i + 1);
      const n = semi < 0 || semi >= to ? -1 : entityCode(s, i + 1, semi);
      if (n >= 0) {
        k = putCodePoint(u, k, n);
        if (n === 95) underscore = true;
        i = semi + 1;
        continue;
      }
    } else if (c === 60 /* < */ || c === 13 /* CR */)
      return decodeText(wide ? wide(from, to) : s.slice(from, to));
    else if (c >= 0x80 && wide) return decodeText(wide(from, to));
    else if (c === 95 /* _ */) underscore = true;
    u[k++] = c;
    i++;
  }
  const t = fromCodeUnits(u, k);
  if (!underscore || t.indexOf("_x") < 0) return t;
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
