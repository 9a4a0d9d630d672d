// Fingerprints computed ahead with an asynchronous native digest (WebCrypto in the browser's
// worker) are the fingerprints the audit would compute itself, and a table changed since is
// hashed again rather than given a stale one.
import { readFileSync } from "fs";
import path from "path";
import { createHash } from "crypto";
import {
  DigestAll,
  fingerprintAhead,
  hashTable,
  useSha256,
  Sha256,
} from "../../src/engine/fingerprint";
import { RawTable } from "../../src/engine/table";
import { XlsxWorkbook } from "../../src/file/workbook-file";

const FIXTURES = path.join(__dirname, "..", "fixtures");

function tablesOf(file: string): RawTable[] {
  const wb = XlsxWorkbook.open(new Uint8Array(readFileSync(path.join(FIXTURES, file))));
  return wb.readTablesSync(wb.sheetNames());
}

const nodeSha256 = (): Sha256 => {
  const h = createHash("sha256");
  return { update: (b) => h.update(b), hex: () => h.digest("hex") };
};

/** What `f` gives, and how often it ran the synchronous hash the audit uses. */
function withHashCount<T>(f: () => T): { value: T; hashed: number } {
  let hashed = 0;
  useSha256(() => {
    hashed++;
    return nodeSha256();
  });
  try {
    return { value: f(), hashed };
  } finally {
    useSha256(nodeSha256);
  }
}

const webCrypto: DigestAll = (b) =>
  globalThis.crypto.subtle.digest("SHA-256", b as Uint8Array<ArrayBuffer>);

test.each(["year-edge.xlsx", "export-monthly.xlsx"])(
  "%s: the digests computed ahead are the audit's own, and the audit then hashes nothing",
  async (file) => {
    const expected = tablesOf(file).map((t) => hashTable(t));
    const tables = tablesOf(file);
    await fingerprintAhead(tables, webCrypto);
    const { value, hashed } = withHashCount(() => tables.map((t) => hashTable(t)));
    expect(value).toEqual(expected);
    expect(hashed).toBe(0);
  }
);

test.each<[string, (t: RawTable) => void]>([
  ["whose values were replaced", (t) => (t.values = [...t.values.slice(0, -1)])],
  ["moved to another origin", (t) => (t.firstRow = 3)],
])("a table %s after is hashed again, not given the earlier digest", async (_what, change) => {
  const [t] = tablesOf("small-2months.xlsx");
  await fingerprintAhead([t], webCrypto);
  const before = hashTable(t);
  change(t);
  const { value: after, hashed } = withHashCount(() => hashTable(t));
  expect(hashed).toBe(1);
  expect(after).not.toBe(before);
  expect(after).toBe(hashTable({ ...t }));
});

test("a digest that fails, or none at all, leaves the usual hash", async () => {
  const tables = tablesOf("small-2months.xlsx");
  const expected = tablesOf("small-2months.xlsx").map((t) => hashTable(t));
  await fingerprintAhead(tables, () => Promise.reject(new Error("no crypto here")));
  await fingerprintAhead(tables, null);
  const { value, hashed } = withHashCount(() => tables.map((t) => hashTable(t)));
  expect(value).toEqual(expected);
  expect(hashed).toBe(tables.length);
});

test("a table whose first rows understate its size (its form grown past the guess) gets the audit's digest", async () => {
  const long = "投诉内容".repeat(400);
  const make = (): RawTable => ({
    name: "工单",
    firstRow: 1,
    firstCol: 1,
    // (and one text longer than a piece: written as a piece of its own)
    values: Array.from({ length: 2000 }, (_, i) =>
      i < 64 ? [i] : i === 100 ? ["长".repeat(100_000)] : [i, `${long}${i}`, i / 7]
    ),
  });
  const expected = hashTable(make());
  const t = make();
  const sizes: number[] = [];
  await fingerprintAhead([t], (b) => (sizes.push(b.length), webCrypto(b)));
  // one digest, of the whole form (about 10 MB where the first rows suggested 50 KB)
  expect(sizes.length).toBe(1);
  expect(sizes[0]).toBeGreaterThan(1900 * long.length * 3);
  const { value, hashed } = withHashCount(() => hashTable(t));
  expect(hashed).toBe(0);
  expect(value).toBe(expected);
});
