// Internal errors: never a stack trace or a library's message before the user; one line, and a
// report without workbook data (on the command line with --debug; in the pane, to copy).
import { mkdtempSync, existsSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import * as layout from "../src/engine/layout";
import { main } from "../src/cli/main";
import { faultReport, scrubMessage } from "../src/fault";

const SMALL = path.join(__dirname, "fixtures", "small-2months.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "audit-fault-"));

/** A bug whose message quotes a cell, as library messages do. */
function bug(): Error {
  return new TypeError(`Cannot read properties of undefined (reading '13812345678 投诉楼下噪音')`);
}

describe("the report of an unexpected error", () => {
  test("keeps the error's kind and where it arose, drops what it quotes", () => {
    const r = faultReport(bug(), "cli audit", "9.9.9");
    expect(r.text).toContain("TypeError");
    expect(r.text).toContain("9.9.9");
    expect(r.text).toContain("cli audit");
    expect(r.text).toMatch(/fault\.test\.ts:\d+:\d+/); // the frame, by file name
    expect(r.text).not.toMatch(/13812345678|噪音|\/work\/|\\Users\\/);
    expect(r.code).toMatch(/^E-[0-9A-F]{6}$/);
  });

  test("the same bug gives the same code; another place another code", () => {
    const at = () => faultReport(bug(), "x", "1").code;
    const a = at();
    expect(at()).toBe(a);
    expect(faultReport(new TypeError("other"), "x", "1").code).not.toBe(a);
  });

  test("scrubMessage takes out quoted text and numbers", () => {
    expect(scrubMessage(`Unexpected token 'x' in JSON at position 1234`)).toBe(
      `Unexpected token '…' in JSON at position #`
    );
    expect(scrubMessage(`值“13812345678”`)).toBe(`值“…”`);
    expect(scrubMessage("x".repeat(500))).toHaveLength(120);
  });
});

describe("the command line on a bug", () => {
  afterEach(() => jest.restoreAllMocks());

  async function runWithBug(args: string[]) {
    jest.spyOn(layout, "layoutResults").mockImplementation(() => {
      throw bug();
    });
    const out: string[] = [];
    const err: string[] = [];
    const outFile = path.join(dir, `o-${args.length}.xlsx`);
    const code = await main([SMALL, "--out", outFile, ...args], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join("\n"), err, outFile };
  }

  test("prints one line, writes nothing, exits 1", async () => {
    const r = await runWithBug([]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^内部错误（编号 E-[0-9A-F]{6}）：.*--debug/);
    expect(r.err[0]).not.toMatch(/13812345678|噪音|Cannot read/);
    expect(existsSync(r.outFile)).toBe(false);
  });

  test("with --debug, the trace too, still without the quoted data", async () => {
    const r = await runWithBug(["--debug"]);
    expect(r.code).toBe(1);
    const all = r.err.join("\n");
    expect(all).toContain("TypeError");
    expect(all).toMatch(/main\.ts:\d+:\d+/);
    expect(all).not.toMatch(/13812345678|噪音/);
  });
});
