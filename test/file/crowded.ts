// A workbook near Excel's limit of cell formats, as one copied into many times collects: the
// given package with `many` cell formats of its own added (each a distinct alignment).
import { strToU8, unzipSync, zipSync } from "fflate";

export function crowdedStyles(xlsx: Uint8Array, many = 63990): Uint8Array<ArrayBuffer> {
  const files = unzipSync(xlsx);
  const styles = new TextDecoder().decode(files["xl/styles.xml"]);
  const xfs = Array.from(
    { length: many },
    (_, i) =>
      `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment indent="${(i % 250) + 1}" textRotation="${Math.floor(i / 250) % 180}"/></xf>`
  ).join("");
  files["xl/styles.xml"] = strToU8(
    styles.replace(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/s, (_, count, inner) => {
      return `<cellXfs count="${Number(count) + many}">${inner}${xfs}</cellXfs>`;
    })
  );
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}
