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

/** The synchronous hash the audit uses, counting its uses. */
function countingSha256(): { count: () => number; restore: () => void } {
  let n = 0;
  useSha256((): Sha256 => {
    n++;
    const h = createHash("sha256");
    return { update: (b) => h.update(b), hex: () => h.digest("hex") };
  });
  return {
    count: () => n,
    restore: () =>
      useSha256(() => {
        const h = createHash("sha256");
        return { update: (b) => h.update(b), hex: () => h.digest("hex") };
      }),
  };
}

const webCrypto: DigestAll = (b) =>
  globalThis.crypto.subtle.digest("SHA-256", b as Uint8Array<ArrayBuffer>);

test.each(["year-edge.xlsx", "export-monthly.xlsx"])(
  "%s: the digests computed ahead are the audit's own, and the audit then hashes nothing",
  async (file) => {
    const expected = tablesOf(file).map((t) => hashTable(t));
    const tables = tablesOf(file);
    await fingerprintAhead(tables, webCrypto);
    const sync = countingSha256();
    try {
      expect(tables.map((t) => hashTable(t))).toEqual(expected);
      expect(sync.count()).toBe(0);
    } finally {
      sync.restore();
    }
  }
);

test("a table whose values were replaced after is hashed again, not given the earlier digest", async () => {
  const [t] = tablesOf("small-2months.xlsx");
  await fingerprintAhead([t], webCrypto);
  const before = hashTable(t);
  t.values = [...t.values.slice(0, -1)];
  const sync = countingSha256();
  try {
    const after = hashTable(t);
    expect(sync.count()).toBe(1);
    expect(after).not.toBe(before);
    expect(after).toBe(hashTable({ ...t }));
  } finally {
    sync.restore();
  }
});

test("a table moved to another origin after is hashed again", async () => {
  const [t] = tablesOf("small-2months.xlsx");
  await fingerprintAhead([t], webCrypto);
  const before = hashTable(t);
  t.firstRow = 3;
  const sync = countingSha256();
  try {
    expect(hashTable(t)).not.toBe(before);
    expect(sync.count()).toBe(1);
  } finally {
    sync.restore();
  }
});

test("a digest that fails, or none at all, leaves the usual hash", async () => {
  const tables = tablesOf("small-2months.xlsx");
  const expected = tablesOf("small-2months.xlsx").map((t) => hashTable(t));
  await fingerprintAhead(tables, () => Promise.reject(new Error("no crypto here")));
  await fingerprintAhead(tables, null);
  const sync = countingSha256();
  try {
    expect(tables.map((t) => hashTable(t))).toEqual(expected);
    expect(sync.count()).toBe(tables.length);
  } finally {
    sync.restore();
  }
});
