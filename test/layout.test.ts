// The result sheets as a finance officer reads them: 付款计划, 扣款明细, 合规检查 and 核查汇总 in her
// words, every value fitting its column, 核查汇总 on one page wide. 运行记录: runlog.test.ts.
import { audit } from "../src/engine/audit";
import { layoutResults } from "../src/engine/layout";
import { SheetSpec, SpecCell, lastCellColumn } from "../src/engine/layout/spec";
import path from "path";
import { MAX_FIT_WIDTH, cellWidth, displayWidth } from "../src/engine/layout/fit";
import { linesIn, spanWidth } from "../src/engine/layout/print";
import { readXlsx } from "./xlsx";
import { oneTicket, sheet, tickets } from "./unit/helpers";
import { texts } from "./spec-texts";

describe("付款计划, 扣款明细 and 合规检查 in her words", () => {
  const sheetOf = (
    tables: Parameters<typeof audit>[0],
    name: string,
    lang: "zh" | "en" = "zh",
    asOf?: string
  ) =>
    layoutResults(audit(tables, { asOf, runAt: "2026-01-01 09:00:00" }), { lang }).find(
      (s) => s.name === name
    )!;

  test("an installment's status in English is words, not its code", () => {
    const cells = texts(sheetOf([oneTicket()], "付款计划", "en"));
    expect(cells).toContain("not evaluated");
    expect(
      cells.filter((c) => /^(not-evaluated|not-yet-due|paid-late|awaiting-invoice)$/.test(c))
    ).toEqual([]);
  });

  test("a refund owed while 尾款 is unpaid: one line says why they are not netted", () => {
    const rank = sheet("考核排名", ["期间", "区级排名"], [["2023", 28]]);
    const cells = texts(sheetOf([oneTicket(), rank], "付款计划"));
    expect(cells.some((c) => c.startsWith("分别结算、不自动相抵"))).toBe(true);
    // no refund: no such line
    expect(texts(sheetOf([oneTicket()], "付款计划")).some((c) => c.startsWith("分别结算"))).toBe(
      false
    );
  });

  test("a C7 gap's start reads yyyy-mm-dd hh:mm, not ISO", () => {
    const people = sheet(
      "人员",
      ["工号", "姓名", "岗位", "入职日期"],
      [["S1", "张三", "项目经理", "2023-01-01"]]
    );
    const roster = sheet(
      "排班",
      ["工号", "开始时间", "结束时间"],
      [
        ["S1", "2023-01-23 00:00", "2023-01-23 12:00"],
        ["S1", "2023-01-23 13:00", "2023-01-25 00:00"],
      ]
    );
    const cells = texts(sheetOf([oneTicket(), people, roster], "合规检查", "zh", "2023-01-24"));
    expect(cells).toContain("2023-01-23 12:00");
    expect(cells.filter((c) => /\dT\d/.test(c))).toEqual([]);
  });

  test("扣款明细: the total with ¥ and separators; at most five ids in a row's evidence", () => {
    // fourteen late tickets on one day
    const t = tickets(
      Array.from({ length: 14 }, (_, i) => [
        `T${i + 1}`,
        "2023-03-05 10:00",
        "2023-03-06 09:00",
      ]) as [string, string, string][]
    );
    const spec = sheetOf([t], "扣款明细", "zh", "2023-03-31");
    expect(spec.subtitle).toMatch(/合计 ¥\d{1,3}(,\d{3})*\.\d\d$/);
    const cells = texts(spec);
    const row = cells.find((c) => c.startsWith("T1、"))!;
    expect(row).toBe("T1、T2、T3、T4、T5 等共 14 条（见下方扣款证据）");
  });
});

describe("every value fits its column (the sheet-layout check)", () => {
  test.each(["small-2months", "year-plain", "year-messy", "year-edge"])(
    "%s: each label, amount, date and short text fits its column, or wraps in a row tall enough",
    (name) => {
      const { tables } = readXlsx(path.join(__dirname, "fixtures", `${name}.xlsx`));
      const specs = layoutResults(audit(tables, { runAt: "2026-01-01 09:00:00" }));
      const cut: string[] = [];
      for (const spec of specs) {
        const widths = spec.widths!;
        const wrap = new Set(spec.wrap ?? []);
        const tall = new Map(spec.print!.tallRows);
        // a stretched key/value cell wraps over the columns from its own to the last
        const check = (row: number | null, j: number, w: number, what: string, span = false) => {
          const width = span ? spanWidth(widths, j) : widths[j];
          if (row !== null && (wrap.has(j) || span)) {
            // wrapped: the row is given the lines the text needs (up to the cap)
            const need = linesIn(w, width);
            if (need > (tall.get(row) ?? 1))
              cut.push(`${spec.name} row ${row} col ${j + 1}: ${what} (${need} lines)`);
          } else if (w <= MAX_FIT_WIDTH && w > width)
            cut.push(`${spec.name} col ${j + 1}: ${what} (${w} > ${width})`);
        };
        for (const b of spec.blocks)
          if (b.kind === "table")
            b.columns.forEach((c, j) => {
              // a header does not wrap
              if (!wrap.has(j)) check(null, j, displayWidth(c.header), c.header);
              b.rows
                .slice(0, 5000)
                .forEach((r, i) =>
                  check(b.row + 1 + i, j, cellWidth(r[j], c.format), JSON.stringify(r[j]?.v))
                );
            });
          else
            b.rows.forEach(([label, value, extra], i) => {
              const last = b.stretch ? lastCellColumn([label, value, extra]) : -1;
              check(b.row + i, 0, displayWidth(label), label);
              check(b.row + i, 1, cellWidth(value, "text"), JSON.stringify(value.v), last === 1);
              if (extra)
                check(b.row + i, 2, cellWidth(extra, "text"), JSON.stringify(extra.v), last === 2);
            });
      }
      expect(cut).toEqual([]);
    }
  );

  test("the measure: CJK and full-width take two, amounts as shown", () => {
    expect(displayWidth("第一次验收")).toBe(10);
    expect(displayWidth("R1 ＧＳ")).toBe(7);
    expect(cellWidth({ v: 3999996, format: "money" }, "text")).toBe("¥3,999,996.00".length);
    expect(cellWidth({ v: { day: 19000 } }, "date")).toBe(10);
  });
});

test("核查汇总 prints one page wide, a signature line each", () => {
  const summary = layoutResults(audit([oneTicket()], { runAt: "2026-01-01 09:00:00" })).find(
    (s) => s.name === "核查汇总"
  )!;
  // one page wide at ≥ 9 pt (结算确认单 is now the upright page that is filed)
  expect(["width", "page"]).toContain(summary.print!.fit);
  const cells = texts(summary);
  expect(cells).toContain("甲方（签字、盖章）");
  expect(cells).toContain("乙方（签字、盖章）");
  expect(cells.filter((c) => c === "日期：__________")).toHaveLength(2);
  // the headline amounts in figures and in 大写
  expect(cells).toContain("叁佰玖拾玖万玖仟玖佰玖拾陆元整");
});

describe("her words: where each rule comes from, and which parameters changed", () => {
  const { tables } = readXlsx(path.join(__dirname, "fixtures", "small-2months.xlsx"));
  const tableOf = (spec: SheetSpec, name: string) => {
    const b = spec.blocks.find((x) => x.kind === "table" && x.name === name);
    if (!b || b.kind !== "table") throw new Error(`no table ${name}`);
    return b;
  };
  const text = (c: SpecCell) => (c.v as { text: string }).text;

  test("核查汇总, 扣款明细 and 合规检查 name the annex item or the contract clause beside the rule", () => {
    const specs = layoutResults(audit(tables, { asOf: "2023-02-28" }));
    const summary = specs.find((s) => s.name === "核查汇总")!;
    const rules = tableOf(summary, "RuleTotals").rows;
    const row = (rows: SpecCell[][], id: string) => rows.find((r) => text(r[0]) === id)!;
    expect(text(row(rules, "R1")[1])).toBe("诉求处置时效·案件不过夜（考核细则第1项）");
    expect(text(row(rules, "R10")[1])).toContain("（考核细则第9项）");
    const checks = tableOf(summary, "ComplianceTotals").rows;
    expect(text(row(checks, "C8")[1])).toContain("（合同六.2、六.3）");
    expect(text(row(checks, "P1")[1])).toContain("（合同三.3）");
    // every rule of both tables has its basis
    for (const r of [...rules, ...checks])
      expect(text(r[1])).toMatch(/（(考核细则第\d项|合同.+)）$/);
    const deductions = tableOf(
      specs.find((s) => s.name === "扣款明细")!,
      "Deductions"
    ).rows;
    expect(deductions.length).toBeGreaterThan(0);
    for (const r of deductions) expect(text(r[1])).toMatch(/（考核细则第\d项）$/);
    // on paper, no instruction to click
    expect(JSON.stringify(summary.blocks.map((b) => b.caption))).not.toContain("点击");
  });

  test("the subtitle names a changed parameter with both values, not only how many changed", () => {
    const r = audit(tables, { asOf: "2023-02-28", params: { "r2.threshold": 0.85 } });
    const kpis = layoutResults(r).find((s) => s.name === "KPI明细")!;
    expect(kpis.subtitle).toContain(
      "与合同不同的参数：R2 派单准确率目标值 90% → 85%（见运行记录）"
    );
    const en = layoutResults(r, { lang: "en" }).find((s) => s.name === "KPI明细")!;
    expect(en.subtitle).toContain("90% → 85%");
  });
});
