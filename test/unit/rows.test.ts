// Row checks (WORKBOOK.md): ticket times in order, the service window ± 60 days, a forwarded
// ticket's department, roster shifts; and the keyed duplicates of every keyed sheet (the first
// row wins, each later one is an error naming its cell and left out).
import type { IssueCode } from "../../src/engine/issue-codes";
import { RawCell } from "../../src/engine/table";
import { audit } from "../../src/engine/audit";
import { issuesWith, oneTicket, run, sheet } from "./helpers";

type Summary = ReturnType<typeof run>;
const at = (s: Summary, code: IssueCode) =>
  issuesWith(s, code).map((i) => [i.sheet, i.row, i.column, i.cell, i.level]);

const TICKET_HEADERS = [
  "工单编号",
  "派单时间",
  "签收时间",
  "转派时间",
  "反馈时间",
  "办结时间",
  "回访时间",
  "承办部门",
];
const ticket = (id: string, times: Partial<Record<string, string>>, dept: RawCell = "医政科") => [
  id,
  times.received ?? "2023-03-01 09:00",
  times.signed ?? null,
  times.forwarded ?? null,
  times.feedback ?? null,
  times.closed ?? null,
  times.callback ?? null,
  dept,
];

describe("ticket times in order", () => {
  test("each later time before the one it follows is an error on the later cell; equal times are fine", () => {
    const s = run([
      sheet("工单", TICKET_HEADERS, [
        ticket("T1", { signed: "2023-03-01 08:59" }),
        ticket("T2", { signed: "2023-03-01 09:10", forwarded: "2023-03-01 09:09" }),
        ticket("T3", { feedback: "2023-03-01 08:00" }),
        ticket("T4", { closed: "2023-02-28 09:00" }),
        ticket("T5", { closed: "2023-03-02 09:00", callback: "2023-03-02 08:59" }),
        ticket("T6", {
          signed: "2023-03-01 09:00",
          forwarded: "2023-03-01 09:00",
          feedback: "2023-03-01 09:00",
          closed: "2023-03-01 09:00",
          callback: "2023-03-01 09:00",
        }),
      ]),
    ]);
    expect(at(s, "order")).toEqual([
      ["工单", 2, "签收时间", "C2", "error"],
      ["工单", 3, "转派时间", "D3", "error"],
      ["工单", 4, "反馈时间", "E4", "error"],
      ["工单", 5, "办结时间", "F5", "error"],
      ["工单", 6, "回访时间", "G6", "error"],
    ]);
  });

  test("the service window ± 60 days: 2022-11-24 00:00 is inside, a minute earlier is not", () => {
    const s = run([
      sheet("工单", TICKET_HEADERS, [
        ticket("T1", { received: "2022-11-24 00:00" }),
        ticket("T2", { received: "2022-11-23 23:59" }),
        ticket("T3", { received: "2024-03-22 23:59" }),
        ticket("T4", { received: "2024-03-23 00:00" }),
      ]),
    ]);
    expect(at(s, "outside-window")).toEqual([
      ["工单", 3, "派单时间", "B3", "warning"],
      ["工单", 5, "派单时间", "B5", "warning"],
    ]);
  });

  test("forwarded without a 承办部门 is a warning; not forwarded, or no such column, is not", () => {
    const s = run([
      sheet("工单", TICKET_HEADERS, [
        ticket("T1", { signed: "2023-03-01 09:05", forwarded: "2023-03-01 09:10" }, null),
        ticket("T2", { signed: "2023-03-01 09:05" }, null),
        ticket("T3", { signed: "2023-03-01 09:05", forwarded: "2023-03-01 09:10" }),
      ]),
    ]);
    expect(at(s, "no-department")).toEqual([["工单", 2, "承办部门", "H2", "warning"]]);
    const noColumn = run([
      sheet(
        "工单",
        ["工单编号", "派单时间", "签收时间", "转派时间"],
        [["T1", "2023-03-01 09:00", "2023-03-01 09:05", "2023-03-01 09:10"]]
      ),
    ]);
    expect(at(noColumn, "no-department")).toEqual([]);
  });
});

describe("roster shifts", () => {
  test("an unknown 工号, an end not after the start, a shift over 24 hours (exactly 24 is fine)", () => {
    const s = run([
      oneTicket(),
      sheet(
        "人员",
        ["工号", "姓名", "岗位", "入职日期"],
        [["S1", "张三", "项目经理", "2023-01-01"]]
      ),
      sheet(
        "排班",
        ["工号", "开始时间", "结束时间"],
        [
          ["S1", "2023-03-01 08:00", "2023-03-02 08:00"],
          ["S9", "2023-03-02 08:00", "2023-03-02 16:00"],
          ["S1", "2023-03-03 08:00", "2023-03-03 08:00"],
          ["S1", "2023-03-04 08:00", "2023-03-05 08:01"],
        ]
      ),
    ]);
    expect(at(s, "unknown-staff")).toEqual([["排班", 3, "工号", "A3", "error"]]);
    expect(at(s, "order")).toEqual([["排班", 4, "结束时间", "C4", "error"]]);
    expect(at(s, "shift-too-long")).toEqual([["排班", 5, "结束时间", "C5", "error"]]);
  });
});

describe("keyed duplicates: the first row wins, each later one is an error and left out", () => {
  test("人员 by 工号 (ＧＳ1 and GS1 are the same key)", () => {
    const s = run([
      oneTicket(),
      sheet(
        "人员",
        ["工号", "姓名", "岗位", "学历", "入职日期"],
        [
          ["GS1", "张三", "项目经理", "本科", "2023-01-01"],
          ["ＧＳ1", "李四", "接诉专员", "中专", "2023-01-01"],
          ["GS2", "王五", "接诉专员", "本科", "2023-01-01"],
        ]
      ),
    ]);
    expect(at(s, "duplicate")).toEqual([["人员", 3, "工号", "A3", "error"]]);
    // the later row's 中专 is not judged: it was left out
    expect(s.findings.filter((f) => f.ruleId === "C1")).toEqual([]);
  });

  test("报告 by 报告类型 + 所属期间: the same type in another period is no duplicate", () => {
    const s = run([
      oneTicket(),
      sheet(
        "报告",
        ["报告类型", "所属期间", "提交日期"],
        [
          ["月报", "2023-03", "2023-04-03"],
          ["月报", "2023-04", "2023-05-04"],
          ["季报", "2023-03", "2023-04-03"],
          ["月报", "2023-03", "2023-04-20"],
        ]
      ),
    ]);
    expect(at(s, "duplicate")).toEqual([["报告", 5, "报告类型", "A5", "error"]]);
  });

  test("考核排名 by 期间: the second 2023 row does not replace the first", () => {
    const s = run([
      oneTicket(),
      sheet(
        "考核排名",
        ["期间", "区级排名"],
        [
          ["2023", 26],
          ["2023", 40],
        ]
      ),
    ]);
    expect(at(s, "duplicate")).toEqual([["考核排名", 3, "期间", "A3", "error"]]);
    expect(s.kpis.find((k) => k.ruleId === "R10")).toMatchObject({
      status: "pass",
      deduction: "0.00",
    });
  });

  test("付款 by 期次: a second row for installment 1 is not its payment", () => {
    const s = run([
      oneTicket(),
      sheet(
        "付款",
        ["期次", "发票日期", "发票金额", "付款日期", "付款金额"],
        [
          [1, "2023-02-01", 1599998.4, "2023-02-10", 1599998.4],
          [1, "2023-02-01", 1599998.4, "2023-03-30", 1],
        ]
      ),
    ]);
    expect(at(s, "duplicate")).toEqual([["付款", 3, "期次", "A3", "error"]]);
    expect(s.installments[0]).toMatchObject({ paidOn: "2023-02-10", status: "paid" });
    expect(s.findings.filter((f) => f.ruleId === "P2")).toEqual([]);
  });
});

describe("evidence names the exact source cell", () => {
  test("R1's late ticket under a title row, the table from column B: 工单!B5, row 5", () => {
    const t = sheet(
      "工单",
      ["工单编号", "派单时间", "签收时间", "转派时间"],
      [
        ["T1", "2023-03-05 10:00", "2023-03-05 10:05", null],
        ["T2", "2023-03-05 11:00", "2023-03-06 08:00", null],
        ["T3", "2023-03-05 12:00", "2023-03-05 12:05", null],
      ],
      { row: 3, col: 2 }
    );
    const r = audit([t], { asOf: "2023-03-31", runAt: "2026-01-01 09:00:00" });
    const k = r.kpis.find((x) => x.ruleId === "R1" && x.period === "2023-03-05")!;
    expect(k.status).toBe("fail");
    // header on sheet row 3, T1 on 4, T2 on 5; 工单编号 in column B
    expect(k.evidence).toEqual([{ sheet: "工单", row: 5, cell: "B5", label: "T2" }]);
  });

  test("R5's evidence names who was scored and when, at the 得分 cell", () => {
    const r = audit(
      [
        oneTicket(),
        sheet(
          "质检",
          ["日期", "工号", "工单编号", "得分"],
          [
            ["2023-03-02", "GS1", "GD9", 95],
            ["2023-03-05", "GS12", "GD7", 72],
          ]
        ),
      ],
      { asOf: "2023-03-31", runAt: "2026-01-01 09:00:00" }
    );
    const k = r.kpis.find((x) => x.ruleId === "R5" && x.period === "2023-03")!;
    expect(k.status).toBe("fail");
    expect(k.evidence).toEqual([
      { sheet: "质检", row: 3, cell: "D3", label: "2023-03-05 GS12 72分" },
    ]);
  });

  test("C6's complaint points at its 核实结果 cell", () => {
    const r = audit(
      [
        oneTicket(),
        sheet(
          "服务投诉",
          ["日期", "工号", "类型", "核实结果"],
          [
            ["2023-03-01", "S1", "业务", "不属实"],
            ["2023-03-02", "S2", "业务", "属实"],
          ]
        ),
      ],
      { runAt: "2026-01-01 09:00:00" }
    );
    const f = r.findings.find((x) => x.ruleId === "C6")!;
    expect(f.evidence).toEqual([{ sheet: "服务投诉", row: 3, cell: "D3", label: "S2 属实" }]);
  });
});

describe("headers not found: what is expected, and the nearest header found", () => {
  test("受理时间 where 派单时间 is expected is named as the likely one", () => {
    const s = run([
      sheet(
        "工单",
        ["工单编号", "受理时间", "签收时间", "来电号码"],
        [["T1", "2023-03-01 09:00", "2023-03-01 09:05", "x"]]
      ),
    ]);
    const [missing] = issuesWith(s, "missing-column").filter((i) => i.column === "派单时间");
    expect(missing.message).toContain("表头中有未识别的“受理时间”");
    expect(missing.message).toContain("请在“列映射”表中指定（来源 = 受理时间）");
    expect(missing.messageEn).toContain('unknown "受理时间"');
  });

  test("no unknown header like it: no guess", () => {
    const s = run([
      sheet("工单", ["工单编号", "签收时间", "备注"], [["T1", "2023-03-01 09:05", "x"]]),
    ]);
    const [missing] = issuesWith(s, "missing-column").filter((i) => i.column === "派单时间");
    expect(missing.message).not.toContain("未识别");
  });

  test("no header row at all: the expected columns are listed", () => {
    const s = run([oneTicket(), sheet("人员", ["A", "B", "C"], [["1", "2", "3"]])]);
    const [noHeader] = issuesWith(s, "no-header");
    expect(noHeader.message).toContain("应有的列：工号、姓名、岗位、学历、入职日期");
  });
});
