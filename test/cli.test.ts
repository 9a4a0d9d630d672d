// The command line's promises: exit codes, messages that name what and where, no stack traces,
// --params and --as-of, text from input cells written as text.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { spawnSync } from "child_process";
import { defaultOutPath, explainWriteError, main } from "../src/cli/main";
import type { SummaryJson } from "../src/engine/summary";

const dir = mkdtempSync(path.join(tmpdir(), "audit-cli-"));
const SMALL = path.join(__dirname, "fixtures", "small-2months.xlsx");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const all = [...out, ...err].join("\n");
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function workbook(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

const ticketHeader = ["工单编号", "派单时间", "签收时间", "转派时间", "承办部门", "派单准确"];

describe("usage errors exit 2", () => {
  test("no arguments", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("缺少输入工作簿");
    expect(r.err).toContain("用法");
  });
  test("an unknown option", async () => {
    const r = await run([SMALL, "--frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--frobnicate");
  });
  test("a malformed --as-of", async () => {
    const r = await run([SMALL, "--as-of", "2023-02-30"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("YYYY-MM-DD");
  });
  test("a missing file", async () => {
    const r = await run([path.join(dir, "nope.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("nope.xlsx");
  });
  test("a file that is not a workbook", async () => {
    const p = path.join(dir, "fake.xlsx");
    writeFileSync(p, "this is not a zip");
    const r = await run([p, "--out", path.join(dir, "fake-out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法读取工作簿");
    expect(r.err).toContain("这是文本文件");
    expect(existsSync(path.join(dir, "fake-out.xlsx"))).toBe(false);
  });
  test.each([
    [
      "an old .xls",
      "old.xls",
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      "另存为“Excel 工作簿（*.xlsx）”",
    ],
    [
      "a damaged workbook",
      "cut.xlsx",
      [...readFileSync(SMALL).subarray(0, 2000)],
      "已损坏或不完整",
    ],
  ])(
    "%s: said in her words, with what to do, never a library's message",
    async (_, name, bytes, words) => {
      const p = path.join(dir, name);
      writeFileSync(p, Buffer.concat([Buffer.from(bytes), Buffer.alloc(600)]));
      const r = await run([p]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(words);
      expect(r.err).not.toMatch(/central directory|zip|Error:/i);
    }
  );
  test("the output may not overwrite the input", async () => {
    const r = await run([SMALL, "--out", SMALL]);
    expect(r.code).toBe(2);
  });
  test("--help prints the usage and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--as-of");
  });
});

describe("workbooks that cannot be audited exit 1", () => {
  test("no 工单 sheet", async () => {
    const p = await workbook("no-tickets.xlsx", { 人员: [["工号", "姓名"]] });
    const r = await run([p, "--out", path.join(dir, "no-tickets-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("工单");
    expect(r.err).toContain("人员");
    expect(existsSync(path.join(dir, "no-tickets-out.xlsx"))).toBe(false);
  });
  test("an invalid value in the 规则参数 sheet names the key and the cell", async () => {
    const p = await workbook("bad-param.xlsx", {
      工单: [ticketHeader, ["T1", "2023-03-01 09:00", "2023-03-01 09:10", null, null, null]],
      规则参数: [
        ["参数", "值"],
        ["r1.unit", 300],
        ["r2.threshold", "很高"],
      ],
    });
    const r = await run([p, "--out", path.join(dir, "bad-param-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("r2.threshold");
    expect(r.err).toContain("规则参数!B3");
  });
  test("an unknown key in --params names the key", async () => {
    const params = path.join(dir, "unknown.json");
    writeFileSync(params, JSON.stringify({ "r2.treshold": 0.8 }));
    const r = await run([SMALL, "--out", path.join(dir, "u.xlsx"), "--params", params]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("r2.treshold");
  });
  test("a --params file that is not JSON is a usage error", async () => {
    const params = path.join(dir, "broken.json");
    writeFileSync(params, "{ r2: ");
    expect((await run([SMALL, "--params", params])).code).toBe(2);
  });
});

describe("overrides", () => {
  test("--params overrides the defaults and is recorded", async () => {
    const params = path.join(dir, "p.json");
    writeFileSync(params, JSON.stringify({ "r2.threshold": "80%", "r1.unit": 300 }));
    const json = path.join(dir, "p-summary.json");
    const r = await run([
      SMALL,
      "--out",
      path.join(dir, "p.xlsx"),
      "--json",
      json,
      "--as-of",
      "2023-02-28",
      "--params",
      params,
    ]);
    expect(r.code).toBe(0);
    const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
    // 201/243 = 82.7% passes an 80% threshold; the R1 failing day now costs 300
    expect(s.kpis.find((k) => k.ruleId === "R2" && k.period === "2023-02")!.status).toBe("pass");
    expect(s.kpis.find((k) => k.ruleId === "R1" && k.period === "2023-02-20")!.deduction).toBe(
      "300.00"
    );
    expect(s.changedParams.sort()).toEqual(["evaluation.asOf", "r1.unit", "r2.threshold"]);
  });
  test("--as-of overrides evaluation.asOf from the 规则参数 sheet", async () => {
    const p = await workbook("asof.xlsx", {
      工单: [ticketHeader, ["T1", "2023-03-01 09:00", "2023-03-01 09:10", null, null, null]],
      规则参数: [
        ["参数", "值"],
        ["evaluation.asOf", "2023-12-31"],
      ],
    });
    const json = path.join(dir, "asof.json");
    expect(
      (
        await run([
          p,
          "--out",
          path.join(dir, "asof-out.xlsx"),
          "--json",
          json,
          "--as-of",
          "2023-03-02",
        ])
      ).code
    ).toBe(0);
    const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
    expect(s.asOf).toBe("2023-03-02");
    expect(
      s.kpis
        .filter((k) => k.ruleId === "R1")
        .map((k) => k.period)
        .pop()
    ).toBe("2023-03-02");
  });
});

test("text from input cells that looks like a formula is written as text in the result sheets", async () => {
  const evil = '=HYPERLINK("http://example.com","x")';
  const p = await workbook("formula.xlsx", {
    工单: [ticketHeader, [evil, "2023-03-01 09:00", "2023-03-02 09:10", null, null, null]],
  });
  const out = path.join(dir, "formula-out.xlsx");
  expect((await run([p, "--out", out, "--as-of", "2023-03-31"])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const cells: ExcelJS.Cell[] = [];
  for (const name of ["KPI明细", "扣款明细"])
    wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => cells.push(c)));
  const hits = cells.filter((c) => JSON.stringify(c.value).includes("HYPERLINK"));
  expect(hits.length).toBeGreaterThan(0);
  for (const c of hits) {
    expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(c.formula).toBeUndefined();
  }
});

describe("--verify: have the inputs changed since the results were written?", () => {
  test("unchanged after a run, changed after an edit, and never-audited workbooks say so", async () => {
    const audited = path.join(dir, "verify-audited.xlsx");
    expect((await run([SMALL, "--out", audited, "--as-of", "2023-02-28"])).code).toBe(0);
    const same = await run([audited, "--verify"]);
    expect(same.code).toBe(0);
    expect(same.out).toContain("结果写入后输入未改动");

    // an auditor's colleague changes one 签收时间 and adds a 规则参数 sheet
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(audited);
    wb.getWorksheet("工单")!.getCell("C5").value = "2023-01-24 09:00:00";
    wb.addWorksheet("规则参数").addRows([
      ["参数", "值"],
      ["r1.unit", 300],
    ]);
    const edited = path.join(dir, "verify-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const changed = await run([edited, "--verify"]);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/工单\s+已改动 changed/);
    expect(changed.out).toMatch(/人员\s+未改动 same/);
    expect(changed.out).toMatch(/规则参数\s+新增/);
    expect(changed.out).toContain("请重新核查");

    const never = await run([SMALL, "--verify"]);
    expect(never.code).toBe(1);
    expect(never.out).toContain("尚未核查过");
  });
});

test("--lang en writes the result sheets in English (same sheet names, same numbers)", async () => {
  const out = path.join(dir, "en.xlsx");
  const json = path.join(dir, "en.json");
  expect(
    (await run([SMALL, "--out", out, "--json", json, "--as-of", "2023-02-28", "--lang", "en"])).code
  ).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const kpi = wb.getWorksheet("KPI明细")!;
  expect(kpi.getCell("A1").value).toBe("KPIs: every rule × period");
  expect(kpi.getRow(3).values).toEqual(
    expect.arrayContaining(["rule", "indicator", "period", "status", "deduction"])
  );
  const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
  expect(s.totals.deductions).toBe("2200.00");
});

describe("what a Chinese office types and where it types it (issue 10, command line)", () => {
  test("relative paths are read from the folder the command was started in", async () => {
    const here = mkdtempSync(path.join(tmpdir(), "audit-cwd-"));
    writeFileSync(path.join(here, "in.xlsx"), readFileSync(SMALL));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["in.xlsx", "--json", "s.json", "--as-of", "2023-02-28"], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      cwd: here,
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(path.join(here, "in-2023年度核查.xlsx"))).toBe(true);
    expect(existsSync(path.join(here, "s.json"))).toBe(true);
  });
  test("an output into a missing folder is refused before any work, naming the path", async () => {
    const r = await run([SMALL, "--out", path.join(dir, "nope", "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件夹不存在");
    expect(r.err).toContain(path.join(dir, "nope", "out.xlsx"));
    expect(r.err).not.toMatch(/内部错误|ENOENT/);
    const j = await run([SMALL, "--json", path.join(dir, "nope", "s.json")]);
    expect(j.code).toBe(2);
    expect(j.err).toContain("文件夹不存在");
  });
  test("a locked file is explained as one open in Excel", () => {
    expect(explainWriteError("EBUSY", "x.xlsx")).toContain(
      "文件可能正在 Excel 中打开，请关闭后重试"
    );
    expect(explainWriteError("EPERM", "x.xlsx")).toContain("请关闭后重试");
  });
  test("a params file with a byte-order mark and a full-width ％ is accepted", async () => {
    const p = path.join(dir, "bom.json");
    writeFileSync(p, "\uFEFF" + JSON.stringify({ "r2.threshold": "８５％" }));
    const r = await run([
      SMALL,
      "--params",
      p,
      "--out",
      path.join(dir, "bom.xlsx"),
      "--json",
      path.join(dir, "bom-s.json"),
      "--as-of",
      "2023-02-28",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s: SummaryJson = JSON.parse(readFileSync(path.join(dir, "bom-s.json"), "utf8"));
    expect(s.params["r2.threshold"]).toBe(0.85);
  });
  test("the copy's name carries the contract year; audited again it is -核查2, not -核查-核查", async () => {
    expect(defaultOutPath("/a/考核.xlsx", "xlsx", 2026)).toBe("/a/考核-2026年度核查.xlsx");
    expect(defaultOutPath("/a/考核-2026年度核查.xlsx", "xlsx", 2026)).toBe(
      "/a/考核-2026年度核查2.xlsx"
    );
    expect(defaultOutPath("/a/考核-2026年度核查2.xlsm", "xlsm", 2026)).toBe(
      "/a/考核-2026年度核查3.xlsm"
    );
    // another year's copy checked for a new year: that year's name, counted afresh
    expect(defaultOutPath("/a/考核-2025年度核查3.xlsx", "xlsx", 2026)).toBe(
      "/a/考核-2026年度核查.xlsx"
    );
    // a name that already says the year does not say it twice
    expect(defaultOutPath("/a/接诉即办-2026-示例.xlsx", "xlsx", 2026)).toBe(
      "/a/接诉即办-2026-示例-核查.xlsx"
    );
    expect(defaultOutPath("/a/接诉即办-2026-示例-核查.xlsx", "xlsx", 2026)).toBe(
      "/a/接诉即办-2026-示例-核查2.xlsx"
    );
    // 12026 is not 2026
    expect(defaultOutPath("/a/批次12026.xlsx", "xlsx", 2026)).toBe(
      "/a/批次12026-2026年度核查.xlsx"
    );
    expect(defaultOutPath("/a/考核-核查.xlsx")).toBe("/a/考核-核查2.xlsx");
    expect((await run(["--help"])).out.split("\n")[0]).toContain("--verify");
  });
  test("--as-of before the service start warns", async () => {
    const r = await run([
      SMALL,
      "--as-of",
      "2022-12-31",
      "--out",
      path.join(dir, "early.xlsx"),
      "--json",
      path.join(dir, "early.json"),
    ]);
    expect(r.code).toBe(0);
    const s: SummaryJson = JSON.parse(readFileSync(path.join(dir, "early.json"), "utf8"));
    expect(s.issues.some((i) => i.code === "as-of-before-service")).toBe(true);
  });
});

test("npm run audit's launcher (an esbuild bundle of src/) starts and prints the usage", () => {
  const r = spawnSync(
    process.execPath,
    [path.join(__dirname, "..", "scripts", "cli.cjs"), "--help"],
    { encoding: "utf8" }
  );
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("用法 usage");
});

test("two workbooks given (npm took --out for itself): the message shows the command with --", async () => {
  const r = await run([SMALL, path.join(dir, "y.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("用 npm run 时，选项前须加 --");
  expect(r.err).toContain(`npm run --silent audit -- ${SMALL} --out ${path.join(dir, "y.xlsx")}`);
});

test("an earlier copy of the same name is replaced, and the run says so", async () => {
  const out = path.join(dir, "again.xlsx");
  const first = await run([SMALL, "--out", out, "--as-of", "2023-02-28", "--no-readings"]);
  expect(first.code).toBe(0);
  expect(first.out).not.toContain("替换了同名的旧文件");
  const second = await run([SMALL, "--out", out, "--as-of", "2023-02-28", "--no-readings"]);
  expect(second.out).toContain("替换了同名的旧文件");
});

test("--kpi-open-only writes KPI明细 filtered to its failing and pending rows; without it, none hidden", async () => {
  const hiddenIn = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("KPI明细")!;
    let hidden = 0;
    let shown = 0;
    ws.eachRow((row, n) => {
      if (n <= 3) return;
      if (row.hidden) hidden++;
      else shown++;
    });
    return { hidden, shown, subtitle: String(ws.getCell("A2").value) };
  };
  const open = path.join(dir, "open.xlsx");
  const all = path.join(dir, "all.xlsx");
  const flags = ["--as-of", "2023-02-28", "--no-readings"];
  expect((await run([SMALL, "--out", open, "--kpi-open-only", ...flags])).code).toBe(0);
  expect((await run([SMALL, "--out", all, ...flags])).code).toBe(0);
  const a = await hiddenIn(open);
  const b = await hiddenIn(all);
  expect(b.hidden).toBe(0);
  expect(a.hidden).toBeGreaterThan(0);
  expect(a.hidden + a.shown).toBe(b.shown);
  expect(a.subtitle).toContain(`只显示未达标与待定的 ${a.shown} 行（共 ${b.shown} 行）`);
});
