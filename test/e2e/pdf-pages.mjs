// The text of a PDF's pages as pdf.js reads it, for the end-to-end tests (which run as CommonJS
// and cannot import pdf.js's ES module): `node pdf-pages.mjs FILE` prints JSON, one entry a page,
// each text item with its position and size in points.
import { readFileSync } from "fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const doc = await getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  verbosity: 0,
}).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const { width, height } = page.getViewport({ scale: 1 });
  const items = (await page.getTextContent()).items
    .filter((t) => "str" in t && t.str.trim())
    .map((t) => ({
      str: t.str,
      x: t.transform[4],
      y: t.transform[5],
      width: t.width,
      size: Math.hypot(t.transform[2], t.transform[3]),
    }));
  pages.push({ width, height, items });
}
process.stdout.write(JSON.stringify(pages));
