// Issue 25 in the browser: a workbook whose zip does not hold what its directory declares is
// refused by the pane in Chromium (the browser's own DecompressionStream, not Node's zlib) with
// the one "damaged" message, and no figure is shown — one entry inflating past its declared size,
// one stored part with a flipped byte (its CRC-32 no longer matches: 95 → 15 would move money),
// and two entries of one name (the first a decoy).
import { readFileSync } from "fs";
import path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { Pane, ROOT, startPane } from "./harness";
import { XlsxPackage } from "../../src/file/package";
import { readDirectory } from "../../src/file/zip";

const SMALL = path.join(ROOT, "test", "fixtures", "small-2months.xlsx");
const YEAR = path.join(ROOT, "test", "fixtures", "year-plain.xlsx");
const DAMAGED = /工作簿已损坏或不完整/;

let pane: Pane;
beforeAll(async () => {
  pane = await startPane({ width: 420, height: 900 });
}, 60000);
afterAll(async () => {
  await pane?.close();
});
afterEach(() => {
  expect(pane.pageErrors).toEqual([]);
});

const partOf = (bytes: Uint8Array, sheet: string) =>
  new XlsxPackage(bytes).sheets().find((s) => s.name === sheet)!.part!;

/** Offset of an entry's central directory record. */
function central(b: Uint8Array, name: string): number {
  const enc = strToU8(name);
  for (let p = b.length - 46; p >= 0; p--)
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 1 && b[p + 3] === 2) {
      const n = b[p + 28] | (b[p + 29] << 8);
      if (n === enc.length && enc.every((x, i) => b[p + 46 + i] === x)) return p;
    }
  throw new Error(`no central record for ${name}`);
}

function understated(): Uint8Array {
  const b = new Uint8Array(readFileSync(SMALL));
  const part = partOf(b, "质检");
  const c = central(b, part);
  const size = b[c + 24] | (b[c + 25] << 8) | (b[c + 26] << 16);
  b[c + 24] = (size - 10) & 0xff;
  b[c + 25] = ((size - 10) >> 8) & 0xff;
  b[c + 26] = ((size - 10) >> 16) & 0xff;
  return b;
}

function flipped(): Uint8Array {
  const src = new Uint8Array(readFileSync(SMALL));
  const part = partOf(src, "质检");
  const files = unzipSync(src);
  // every part stored, so the byte changed is the byte read
  const stored = zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])) as never
  );
  const entry = readDirectory(stored).find((e) => e.name === part)!;
  const at = Buffer.from(stored).indexOf("<v>9", entry.localOffset, "latin1");
  expect(at).toBeGreaterThan(entry.localOffset);
  stored[at + 3] = "1".charCodeAt(0);
  return stored;
}

/**
 * The ticket sheet of a year (345 KB: decompressed ahead of the run by the browser's
 * DecompressionStream, whose gzip trailer carries the directory's CRC-32) with one bit of that
 * CRC-32 flipped in the directory.
 */
function wrongCrcAhead(): Uint8Array {
  const b = new Uint8Array(readFileSync(YEAR));
  const part = readDirectory(b).reduce((a, e) => (e.size > a.size ? e : a)).name;
  expect(part).toMatch(/^xl\/worksheets\//);
  b[central(b, part) + 16] ^= 1;
  return b;
}

function duplicated(): Uint8Array {
  const src = new Uint8Array(readFileSync(SMALL));
  const part = partOf(src, "质检");
  const files = unzipSync(src);
  // a decoy of the same name (names compare without case) before the real part
  const decoy = part.toUpperCase().replace(".XML", ".xml");
  return zipSync({ [decoy]: strToU8("<worksheet/>"), ...files });
}

test.each([
  ["an entry that inflates past its declared size", understated],
  ["a stored part with a flipped byte", flipped],
  ["two entries of one name", duplicated],
  ["a large part decompressed ahead whose CRC-32 is not the directory's", wrongCrcAhead],
])(
  "%s: the damaged message, no figure",
  async (_, make) => {
    const { page, base } = pane;
    await page.goto(`${base}/taskpane.html`);
    await page.getByTestId("open-workbook").setInputFiles({
      name: "考核.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(make()),
    });
    const damaged = page.getByText(DAMAGED);
    const run = page.getByTestId("run");
    // refused when opened, or when the sheet is read at the run
    await Promise.race([
      damaged.first().waitFor({ timeout: 60000 }),
      run.waitFor({ timeout: 60000 }),
    ]);
    if (!(await damaged.count()) && (await run.isEnabled())) await run.click();
    await damaged.first().waitFor({ timeout: 60000 });
    await expect(page.getByTestId("total-deductions").count()).resolves.toBe(0);
    await expect(page.getByText(/内部错误/).count()).resolves.toBe(0);
  },
  120000
);

test("the same workbook intact runs to its figures (the cases above fail for their damage alone)", async () => {
  const { page, base } = pane;
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId("open-workbook").setInputFiles({
    name: "考核.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: readFileSync(SMALL),
  });
  await page.getByTestId("run").click();
  await page.getByTestId("total-deductions").waitFor({ timeout: 60000 });
  await expect(page.getByText(DAMAGED).count()).resolves.toBe(0);
}, 120000);
