// Character and entity references decoded as XML defines them (the five named entities, &#N; and
// &#xH;), by a loop fast enough for a workbook that writes every Chinese character as &#N;
// (openpyxl, pandas): the same text as the plain regular-expression reading, on any input.
import fc from "fast-check";
import { decodeEntities, decodeText, decodeTextAt } from "../../src/file/xml";

/** The plain reading: one regular expression, a replacement per match. */
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const reference = (s: string) =>
  s.replace(
    /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g,
    (_, hex: string, dec: string, name: string) => {
      const n = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : -1;
      if (n < 0) return NAMED[name];
      return n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
    }
  );

test("the references a writer uses", () => {
  expect(decodeEntities("&#24037;&#21333;&#32534;&#21495;")).toBe("工单编号");
  expect(decodeEntities("&#x5de5;&#X5de5;&lt;&gt;&amp;&quot;&apos;")).toBe("工&#X5de5;<>&\"'");
  expect(decodeEntities("&#128512; &#x1F600;")).toBe("😀 😀");
  expect(decodeEntities("&#99999999999; &#;&#x; &nbsp; &toString; a & b; &amp")).toBe(
    "\ufffd &#;&#x; &nbsp; &toString; a & b; &amp"
  );
  expect(decodeText("A&#13;&#10;B_x000D_C")).toBe("A\r\nB\rC");
});

test("the same as the plain reading, on any mix of text and references", () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom("&", ";", "#", "x", "&amp;", "&lt;", "&quot;", "&apos;", "&gt;", "&foo;"),
    fc.integer({ min: 0, max: 0x120000 }).map((n) => `&#${n};`),
    fc.integer({ min: 0, max: 0x120000 }).map((n) => `&#x${n.toString(16)};`),
    fc.integer({ min: 0, max: 0xffff }).map((n) => `&#x${n.toString(16).toUpperCase()};`)
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const s = parts.join("");
      expect(decodeEntities(s)).toBe(reference(s));
    }),
    { numRuns: 3000 }
  );
});

test("read straight from a window of XML: the same text as decoding the slice", () => {
  const piece = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.constantFrom("&", ";", "&amp;", "&lt;", "&#95;", "_x000D_", "_x005F_", "_x41_", "_x0041_"),
    fc.constantFrom("\r", "\r\n", "<![CDATA[a&amp;b]]>", "<", "工", "😀", "&#x1F600;"),
    fc.integer({ min: 0, max: 0x120000 }).map((n) => `&#${n};`),
    // a decimal reference cut short, padded, too large, or cut by the range's end
    fc.constantFrom("&#", "&#0", "&#00095;", "&#0000024037;", "&#99999999999;", "&#1114112;"),
    fc.constantFrom("7;", "12", ";", "&#24")
  );
  const around = fc.oneof(fc.string(), fc.constantFrom("", "037;", "5;", ";"));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), around, around, (parts, a, b) => {
      const s = parts.join("");
      const window = a + s + b;
      const got = decodeTextAt(window, a.length, a.length + s.length);
      expect(got).toBe(decodeText(s));
    }),
    { numRuns: 3000 }
  );
  // longer than the reused buffer, and beyond one call's worth of code units
  const long = "&#24037;".repeat(20000) + "x".repeat(10000);
  expect(decodeTextAt(`<t>${long}</t>`, 3, 3 + long.length)).toBe(decodeText(long));
});
