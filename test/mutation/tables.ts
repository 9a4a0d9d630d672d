// The fixtures' tables, read by the product's .xlsx reader once and kept as JSON in the OS temp
// folder (keyed by the file's hash), so that each mutant's run loads them in milliseconds.
import { createHash } from "crypto";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { RawTable } from "../../src/engine/table";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";
import { FIXTURES } from "../fixture-checks";

export function fixtureTables(name: string): RawTable[] {
  const bytes = readFileSync(path.join(FIXTURES, `${name}.xlsx`));
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const cache = path.join(tmpdir(), `hotline-fixture-${name}-${hash}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8"));
  const wb = XlsxWorkbook.open(bytes, nodeCodec);
  const tables = wb.readTablesSync(wb.sheetsForEngine());
  writeFileSync(cache, JSON.stringify(tables));
  return tables;
}
