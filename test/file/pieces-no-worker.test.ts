// Where no worker thread can start (a host that forbids them), a large part is decompressed whole
// as before: the same table, and a part longer than declared still refused as damaged.
import { pkg } from "./pkg";
import { nodeCodec } from "../../src/cli/node";
import { FileUnreadable } from "../../src/file/errors";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { STREAM_FROM, readDirectory } from "../../src/file/zip";
import { Worker } from "worker_threads";

jest.mock("worker_threads", () => ({
  Worker: jest.fn(() => {
    throw new Error("worker threads are not available here");
  }),
}));

const rows: string[] = [];
for (let r = 1, n = 0; n < STREAM_FROM + (1 << 20); r++) {
  const row = `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>工单${r % 7}</t></is></c></row>`;
  rows.push(row);
  n += Buffer.byteLength(row);
}
const file = pkg({ S: `<sheetData>${rows.join("")}</sheetData>` });
const read = (bytes: Uint8Array) => XlsxWorkbook.open(bytes, nodeCodec).readTablesSync(["S"])[0];

test("the sheet reads whole, the same as in pieces would", () => {
  const t = read(file);
  expect(Worker).toHaveBeenCalled(); // the pieces path was tried, and fell back
  expect(t.values.length).toBe(rows.length);
  expect(t.values[rows.length - 1]).toEqual([rows.length, `工单${rows.length % 7}`]);
});

test("a part far longer than declared is refused as damaged", () => {
  const bad = file.slice();
  const e = readDirectory(bad).find((x) => x.name === "xl/worksheets/sheet1.xml")!;
  const at = Buffer.from(bad).lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46 + 24;
  const size = e.size - (4 << 20);
  for (let k = 0; k < 4; k++) bad[at + k] = (size >>> (8 * k)) & 0xff;
  expect(() => read(bad)).toThrow(FileUnreadable);
});
