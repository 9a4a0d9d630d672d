// The user's files are never destroyed (issue 25): every path the command line reads or writes is
// compared as a file (links, hard links, folders through links), temporaries are created
// exclusively under a random name, and what is not a workbook file is refused with what to do.
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import { checkDistinct, fileIdentity, writeAtomically } from "../src/cli/files";

const SMALL = path.join(__dirname, "fixtures", "small-2months.xlsx");
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A fresh folder holding a copy of the small fixture as base.xlsx. */
function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "audit-files-"));
  const input = path.join(dir, "base.xlsx");
  copyFileSync(SMALL, input);
  return { dir, input, before: sha(input) };
}

describe("a file the run reads is never written over", () => {
  test("--json naming the input: refused, exit 2, the input byte-identical", async () => {
    const { input, before } = setup();
    const r = await run([input, "--json", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("指向同一个文件");
    expect(r.err).toContain("--json");
    expect(sha(input)).toBe(before);
  });
  test("--json through a symbolic link to the input: refused", async () => {
    const { dir, input, before } = setup();
    const link = path.join(dir, "summary.json");
    symlinkSync(input, link);
    const r = await run([input, "--json", link]);
    expect(r.code).toBe(2);
    expect(sha(input)).toBe(before);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
  test("--out through a symbolically linked folder naming the input: refused", async () => {
    const { dir, input, before } = setup();
    symlinkSync(dir, path.join(dir, "alias"));
    const r = await run([input, "--out", path.join(dir, "alias", "base.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out");
    expect(sha(input)).toBe(before);
  });
  test("--out a hard link of the input: refused", async () => {
    const { dir, input, before } = setup();
    const hard = path.join(dir, "hard.xlsx");
    linkSync(input, hard);
    const r = await run([input, "--out", hard]);
    expect(r.code).toBe(2);
    expect(sha(input)).toBe(before);
  });
  test("the default -2023年度核查.xlsx that is a link to the input: refused, not overwritten", async () => {
    const { dir, input, before } = setup();
    symlinkSync(input, path.join(dir, "base-2023年度核查.xlsx"));
    const r = await run([input]);
    expect(r.code).toBe(2);
    expect(sha(input)).toBe(before);
  });
  test("--json equal to --out: refused before anything is written", async () => {
    const { dir, input, before } = setup();
    const out = path.join(dir, "result.xlsx");
    const r = await run([input, "--out", out, "--json", out]);
    expect(r.code).toBe(2);
    expect(r.out).not.toContain("已写入");
    expect(existsSync(out)).toBe(false);
    expect(sha(input)).toBe(before);
  });
  test("--json equal to --out in another letter case: refused (one file on Windows and macOS)", async () => {
    const { dir, input } = setup();
    const r = await run([
      input,
      "--out",
      path.join(dir, "Result.xlsx"),
      "--json",
      path.join(dir, "result.XLSX"),
    ]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(["base.xlsx"]);
  });
  test("--json naming the --params file: refused, the parameters kept", async () => {
    const { dir, input } = setup();
    const params = path.join(dir, "p.json");
    writeFileSync(params, JSON.stringify({ "r2.threshold": "80%" }));
    const r = await run([input, "--params", params, "--json", params]);
    expect(r.code).toBe(2);
    expect(JSON.parse(readFileSync(params, "utf8"))).toEqual({ "r2.threshold": "80%" });
  });
  test("distinct files pass: input, --out, --json and --params all different", async () => {
    const { dir, input, before } = setup();
    const params = path.join(dir, "p.json");
    writeFileSync(params, "{}");
    const r = await run([
      input,
      "--out",
      path.join(dir, "o.xlsx"),
      "--json",
      path.join(dir, "o.json"),
      "--params",
      params,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "o.json"), "utf8")).totals).toBeDefined();
    expect(sha(input)).toBe(before);
    // no temporary left behind
    expect(readdirSync(dir).sort()).toEqual(["base.xlsx", "o.json", "o.xlsx", "p.json"]);
  });
});

describe("temporary files and links", () => {
  test("a link planted at the old predictable temporary name is not followed", async () => {
    const { dir, input } = setup();
    const victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "keep me");
    const out = path.join(dir, "o.xlsx");
    symlinkSync(victim, `${out}.tmp-${process.pid}`);
    const r = await run([input, "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
  });
  test("writeAtomically writes through a link to its target and keeps the link", () => {
    const { dir } = setup();
    const real = path.join(dir, "real.json");
    writeFileSync(real, "old");
    const link = path.join(dir, "link.json");
    symlinkSync(real, link);
    writeAtomically(link, ["new ", new Uint8Array([0x6f, 0x6b])]);
    expect(readFileSync(real, "utf8")).toBe("new ok");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
  test("a failed write leaves no temporary and names the file", () => {
    const { dir } = setup();
    const target = path.join(dir, "missing-folder", "x.json");
    expect(() => writeAtomically(target, ["x"])).toThrow(/文件夹不存在/);
    expect(readdirSync(dir)).toEqual(["base.xlsx"]);
  });
  test("fileIdentity: a link, a hard link and a folder alias are the file; a new name in the same folder is not", () => {
    const { dir, input } = setup();
    symlinkSync(input, path.join(dir, "s.xlsx"));
    linkSync(input, path.join(dir, "h.xlsx"));
    symlinkSync(dir, path.join(dir, "alias"));
    const id = fileIdentity(input);
    expect(fileIdentity(path.join(dir, "s.xlsx"))).toBe(id);
    expect(fileIdentity(path.join(dir, "h.xlsx"))).toBe(id);
    expect(fileIdentity(path.join(dir, "alias", "base.xlsx"))).toBe(id);
    expect(fileIdentity(path.join(dir, "other.xlsx"))).not.toBe(id);
    expect(fileIdentity(path.join(dir, "alias", "new.json"))).toBe(
      fileIdentity(path.join(dir, "NEW.json"))
    );
    // two inputs read twice is no conflict; only writes are
    expect(() =>
      checkDistinct([
        { flag: "a", given: input, resolved: input, write: false },
        { flag: "b", given: input, resolved: input, write: false },
      ])
    ).not.toThrow();
  });
});

describe("what is not a workbook file is the user's situation, exit 2 with what to do", () => {
  test("a folder as input", async () => {
    const { dir } = setup();
    const r = await run([dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("是文件夹");
    expect(r.err).not.toContain("内部错误");
  });
  test("a FIFO as input is refused at once, never read", async () => {
    const { dir } = setup();
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await run([fifo, "--out", path.join(dir, "o.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是普通文件");
  });
  test("--out a folder: said so before any work", async () => {
    const { dir, input } = setup();
    mkdirSync(path.join(dir, "sub"));
    const r = await run([input, "--out", path.join(dir, "sub")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("这是一个文件夹");
    expect(readdirSync(path.join(dir, "sub"))).toEqual([]);
  });
});
