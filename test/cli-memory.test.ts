// Issue 25, memory bounded: the command line in a child process with a small heap
// (--max-old-space-size=384) on files built to exhaust memory ends with the product's own message
// and exit 2 — never V8's fatal heap error or a native trace — and the input is left as it was.
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { pkg } from "./file/pkg";

const dir = mkdtempSync(path.join(tmpdir(), "audit-memory-"));
const CLI = path.join(__dirname, "..", "scripts", "cli.cjs");
const HEAP_MB = 384;

function runBounded(bytes: Uint8Array, name: string) {
  const file = path.join(dir, name);
  const out = path.join(dir, `${name}-out.xlsx`);
  writeFileSync(file, bytes);
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, CLI, file, "--out", out],
    {
      encoding: "utf8",
      timeout: 120000,
    }
  );
  // the user's file as it was; nothing written
  expect(Buffer.from(readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
  expect(existsSync(out)).toBe(false);
  return r;
}

const NEVER = /FATAL ERROR|heap out of memory|invalid size error|Native stack|内部错误/;

test(`a sheet that expands to 200 MB from a few hundred KB: refused in her words within ${HEAP_MB} MB`, () => {
  const row = `<row><c t="inlineStr"><is><t>x</t></is></c></row>`;
  const rows = row.repeat(Math.ceil((200 * 1024 * 1024) / row.length));
  const bytes = pkg({ 工单: `<sheetData>${rows}</sheetData>` });
  expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
  const r = runBounded(bytes, "bomb.xlsx");
  expect(r.stderr).not.toMatch(NEVER);
  expect(r.stderr).toContain("文件异常（解压后过大）");
  expect(r.status).toBe(2);
}, 180000);

test(`a row numbered 4294967296: refused naming the row within ${HEAP_MB} MB (it took 5.8 GB)`, () => {
  const bytes = pkg({
    工单: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>工单编号</t></is></c></row><row r="4294967296"><c r="A4294967296"><v>1</v></c></row></sheetData>`,
  });
  const r = runBounded(bytes, "far-row.xlsx");
  expect(r.stderr).not.toMatch(NEVER);
  expect(r.stderr).toContain("4294967296");
  expect(r.status).toBe(2);
}, 180000);

test(`a cell in column AAAAAAAAAA: refused naming the cell within ${HEAP_MB} MB`, () => {
  const bytes = pkg({
    工单: `<sheetData><row r="2"><c r="AAAAAAAAAA2"><v>1</v></c></row></sheetData>`,
  });
  const r = runBounded(bytes, "far-column.xlsx");
  expect(r.stderr).not.toMatch(NEVER);
  expect(r.stderr).toContain("AAAAAAAAAA2");
  expect(r.status).toBe(2);
}, 180000);
