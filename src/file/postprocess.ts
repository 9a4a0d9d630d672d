// Fixes two things exceljs 4.4 writes in a way Excel does not expect:
// - internal links: exceljs gives them an external relationship and a location starting with
//   '#' (Excel then shows "#'Sheet'!A1##'Sheet'!A1"); a proper in-document link has only
//   location="'Sheet'!A1" (exceljs issue #3027).
// - tables without a totals row: totalsRowShown must be "0".
import JSZip from "jszip";

export function fixSheetXml(xml: string): { xml: string; droppedRels: Set<string> } {
  const droppedRels = new Set<string>();
  const out = xml.replace(/<hyperlink\b([^>]*?)\/>/g, (whole, attrs: string) => {
    const loc = /\blocation="([^"]*)"/.exec(attrs);
    if (!loc) return whole;
    const rid = /\sr:id="([^"]*)"/.exec(attrs);
    if (rid) droppedRels.add(rid[1]);
    const location = loc[1].replace(/^#/, "");
    const rest = attrs
      .replace(/\sr:id="[^"]*"/, "")
      .replace(/\blocation="[^"]*"/, `location="${location}"`);
    return `<hyperlink${rest}/>`;
  });
  return { xml: out, droppedRels };
}

export function fixRelsXml(xml: string, dropped: Set<string>): string {
  return xml.replace(/<Relationship\b[^>]*?\/>/g, (rel) => {
    const id = /\bId="([^"]*)"/.exec(rel)?.[1];
    return id && dropped.has(id) ? "" : rel;
  });
}

export function fixTableXml(xml: string): string {
  return /totalsRowCount="[1-9]/.test(xml)
    ? xml
    : xml.replace(/totalsRowShown="1"/, 'totalsRowShown="0"');
}

export async function fixXlsx(data: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  for (const f of sheets) {
    const xml = await zip.file(f)!.async("string");
    if (!xml.includes("<hyperlink ")) continue;
    const fixed = fixSheetXml(xml);
    zip.file(f, fixed.xml);
    const relsPath = f.replace("worksheets/", "worksheets/_rels/") + ".rels";
    const rels = zip.file(relsPath);
    if (rels && fixed.droppedRels.size)
      zip.file(relsPath, fixRelsXml(await rels.async("string"), fixed.droppedRels));
  }
  for (const f of Object.keys(zip.files).filter((x) => /^xl\/tables\/table\d+\.xml$/.test(x)))
    zip.file(f, fixTableXml(await zip.file(f)!.async("string")));
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}
