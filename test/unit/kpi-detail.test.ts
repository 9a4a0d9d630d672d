// What a KPI row says and where it points (issue 13: the R rules' surviving mutants): each note
// as 扣款明细 and KPI明细 show it, in Chinese and English, and each evidence link at the ticket
// behind a failure, worked by hand from the rows below (row 1 is the header row).
import { audit, AuditOptions } from "../../src/engine/audit";
import { Kpi } from "../../src/engine/model";
import { RawCell, RawTable } from "../../src/engine/table";
import { STAFF_HEADERS, dayNum, oneTicket, paramsSheet, sheet } from "./helpers";
import { meanAtLeast } from "../../src/engine/rules/r5";

const kpisOf = (tables: RawTable[], ruleId: string, opts: AuditOptions = {}) =>
  audit(tables, { runAt: "2026-01-01 09:00:00", ...opts }).kpis.filter((k) => k.ruleId === ruleId);
const at = (kpis: Kpi[], period: string) => {
  const k = kpis.find((x) => x.period === period);
  if (!k) throw new Error(`no KPI for ${period}`);
  return k;
};
/** the fields an auditor reads on a KPI row */
const shown = (k: Kpi) => ({
  status: k.status,
  numerator: k.numerator,
  denominator: k.denominator,
  occurrences: k.occurrences,
  deduction: k.deduction,
  leftOut: k.leftOut,
  note: k.note,
  noteEn: k.noteEn,
  evidence: k.evidence.map((e) => `${e.sheet}!${e.cell} ${e.label}`),
});
const ev = (row: number, id: string) => `工单!A${row} ${id}`;
/** the 工单 columns R1 reads, and those R2 reads */
const R1_HEAD = ["工单编号", "派单时间", "签收时间", "转派时间"];
const R2_HEAD = ["工单编号", "派单时间", "签收时间", "转派时间", "承办部门", "派单准确"];

describe("R1 per day", () => {
  const head = R1_HEAD;
  const rows: RawCell[][] = [
    ["T1", "2023-03-05 10:00", "2023-03-06 09:00", null], // signed the next morning: late
    ["T2", "2023-03-05 11:00", "2023-03-05 11:10", "2023-03-05 12:00"],
    ["T3", "2023-03-05 12:00", "2023-03-05 12:10", "2023-03-06 08:00"], // forwarded late
    ["T4", "2023-03-05 13:00", "不知道", null], // unreadable: left out of its day
    ["T5", "2023-03-07 10:00", null, null], // unsigned, but its limit (2 h grace) is after asOf
  ];
  const tables = (params: [string, RawCell][] = []) => [
    sheet("工单", head, rows),
    paramsSheet([["r1.graceHours", 2], ...params]),
  ];
  const asOf = "2023-03-07";

  test("a late day names its late tickets; an empty day and a waiting day say why they are not judged", () => {
    const k = kpisOf(tables(), "R1", { asOf });
    expect(shown(at(k, "2023-03-05"))).toEqual({
      status: "fail",
      numerator: 1,
      denominator: 3,
      occurrences: 1,
      deduction: 20000,
      leftOut: 1,
      note: "2 张工单未在当日24时前签收/转派",
      noteEn: "2 ticket(s) not signed/forwarded by midnight",
      evidence: [ev(2, "T1"), ev(4, "T3")],
    });
    expect(at(k, "2023-03-05").value).toBeCloseTo(1 / 3, 12);
    expect(shown(at(k, "2023-03-06"))).toMatchObject({
      status: "na",
      denominator: 0,
      note: "当日无工单",
      noteEn: "no tickets that day",
      evidence: [],
    });
    expect(at(k, "2023-03-06").value).toBeNull();
    expect(shown(at(k, "2023-03-07"))).toMatchObject({
      status: "pending",
      deduction: 0,
      note: "1 张工单尚在签收期限内",
      noteEn: "1 ticket(s) still within their limit",
    });
    // a day that passes says nothing more
    const ok = kpisOf([sheet("工单", head, [rows[1]])], "R1", { asOf });
    expect(shown(at(ok, "2023-03-05"))).toMatchObject({ status: "pass", note: "", noteEn: "" });
    // the last row is the as-of day: nothing after it
    expect(k[k.length - 1].period).toBe("2023-03-07");
  });

  test("on the as-of day, a ticket signed in time is judged even while another is within its grace", () => {
    const k = kpisOf(
      [
        sheet("工单", head, [rows[4], ["T6", "2023-03-07 11:00", "2023-03-07 11:05", null]]),
        paramsSheet([["r1.graceHours", 2]]),
      ],
      "R1",
      { asOf }
    );
    expect(shown(at(k, "2023-03-07"))).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
  });

  test("without same-day forwarding the note says 签收 only; per ticket, each late one counts", () => {
    const k = kpisOf(tables([["r1.requireSameDayForward", "否"]]), "R1", { asOf });
    expect(shown(at(k, "2023-03-05"))).toMatchObject({
      numerator: 2,
      denominator: 3,
      note: "1 张工单未在当日24时前签收",
      noteEn: "1 ticket(s) not signed by midnight",
      evidence: [ev(2, "T1")],
    });
    const each = kpisOf(tables([["r1.mode", "perTicket"]]), "R1", { asOf });
    expect(shown(at(each, "2023-03-05"))).toMatchObject({ occurrences: 2, deduction: 40000 });
  });
});

describe("the monthly ticket rules (R2–R4)", () => {
  const head = R2_HEAD;
  const t = (id: string, day: string, correct: RawCell, forwarded: RawCell = `${day} 09:20`) => [
    id,
    `${day} 09:00`,
    `${day} 09:10`,
    forwarded,
    "区卫健委",
    correct,
  ];
  const tables = [
    sheet("工单", head, [
      t("M1", "2023-03-01", "是"),
      t("M2", "2023-03-02", "否"),
      t("M3", "2023-03-03", "也许"), // unreadable 派单准确: left out of March
      t("M4", "2023-03-04", "是", "昨天"), // unreadable 转派时间: left out of its received month
      t("M5", "2023-03-05", "也许", null), // not forwarded: not R2's, whatever its 派单准确
      t("A1", "2023-04-01", "是"),
    ]),
  ];

  test("R2: the rate, the wrong ones, the rows left out (only R2's own); a month with nothing says so", () => {
    const k = kpisOf(tables, "R2", { asOf: "2023-04-30" });
    expect(shown(at(k, "2023-03"))).toEqual({
      status: "fail",
      numerator: 1,
      denominator: 2,
      occurrences: 1,
      deduction: 50000,
      leftOut: 2,
      note: "1/2 = 50.00%；1 张派单不准确（退单/改派）；2 行因单元格无法识别未计入",
      noteEn: "1/2 = 50.00%; 1 wrongly dispatched; 2 row(s) left out for unreadable cells",
      evidence: [ev(3, "M2")],
    });
    expect(at(k, "2023-03")).toMatchObject({ value: 0.5, target: 0.9, valueKind: "rate" });
    expect(shown(at(k, "2023-04"))).toMatchObject({
      status: "pass",
      leftOut: 0,
      note: "1/1 = 100.00%",
      noteEn: "1/1 = 100.00%",
      evidence: [],
    });
    expect(shown(at(k, "2023-02"))).toMatchObject({
      status: "na",
      note: "当月无统计对象",
      noteEn: "nothing to measure this month",
    });
    expect(at(k, "2023-05")).toMatchObject({ status: "pending", target: 0.9, valueKind: "rate" });
  });

  test("R3 and R4: a month whose only ticket is not yet due is pending, and says so", () => {
    const head34 = [
      "工单编号",
      "派单时间",
      "签收时间",
      "转派时间",
      "承办部门",
      "办结时间",
      "回访时间",
      "回访录音",
      "办理时限",
      "反馈时间",
    ];
    const rows = [
      // closed 04-29, no call-back yet: its 3 days are not over on 04-30
      [
        "W1",
        "2023-04-20 09:00",
        "2023-04-20 09:10",
        "2023-04-20 09:20",
        "区卫健委",
        "2023-04-29 17:00",
        null,
        null,
        "2023-05-10",
        null,
      ],
    ];
    const r = audit([sheet("工单", head34, rows)], { asOf: "2023-04-30" });
    const r3 = r.kpis.find((k) => k.ruleId === "R3" && k.period === "2023-04")!;
    expect(shown(r3)).toMatchObject({
      status: "pending",
      note: "1 张工单尚未到期，待定",
      noteEn: "1 ticket(s) not yet due: pending",
    });
    // R4 puts it in May, its 办理时限's month, which is after asOf
    const r4 = r.kpis.filter((k) => k.ruleId === "R4");
    expect(at(r4, "2023-04")).toMatchObject({ status: "na", note: "当月无统计对象" });
    expect(at(r4, "2023-05").status).toBe("pending");
  });
});

describe("R6 and R7: each report's row says when it was due, why, and what was found", () => {
  const head = ["报告类型", "所属期间", "成绩公布日期", "提交日期"];
  const reports = sheet("报告", head, [
    ["月报", "2023-02", "2023-03-06", "下周"], // unreadable 提交日期
    ["月报", "2023-03", "2023-04-06", "2023-04-17"], // Sun 04-16 rolled over to Mon: on time
    ["月报", "2023-04", "2023-05-11", "2023-05-23"], // due Mon 05-22: late
    ["季报", "2023-Q1", "不详", "2023-04-20"], // unreadable 成绩公布日期
    ["月报", "2023-05", "2023-06-08", null], // due Sun 06-18 → Mon 06-19, not submitted
    ["月报", "2023-06", null, "2023-07-20"], // no publication date: 06-30 + 25 = Tue 07-25
  ]);
  const asOf = "2023-08-31";
  // computed in each test, so that mutation testing sees which tests reach the code
  let r: ReturnType<typeof audit>;
  let r6: Kpi[];
  beforeEach(() => {
    r = audit([oneTicket(), reports], { asOf });
    r6 = r.kpis.filter((k) => k.ruleId === "R6");
  });

  test("on time, late, not submitted, not found, not yet due", () => {
    expect(shown(at(r6, "2023-03"))).toMatchObject({
      status: "pass",
      note: "2023-04-17 提交，截止 2023-04-17（成绩公布 2023-04-06 后 10 日）",
      noteEn: "submitted 2023-04-17, due 2023-04-17 (10 days after scores published 2023-04-06)",
      evidence: ["报告!D3 月报 2023-03"],
    });
    expect(shown(at(r6, "2023-04"))).toMatchObject({
      status: "fail",
      deduction: 50000,
      note: "2023-05-23 提交，截止 2023-05-22（成绩公布 2023-05-11 后 10 日），逾期",
      noteEn:
        "submitted 2023-05-23, due 2023-05-22 (10 days after scores published 2023-05-11), late",
      evidence: ["报告!D4 月报 2023-04"],
    });
    expect(shown(at(r6, "2023-05"))).toMatchObject({
      status: "fail",
      note: "月报 2023-05 未提交（截止 2023-06-19，成绩公布 2023-06-08 后 10 日）",
      noteEn:
        "月报 2023-05 not submitted (due 2023-06-19, 10 days after scores published 2023-06-08)",
      evidence: ["报告!D6 月报 2023-05"],
    });
    expect(shown(at(r6, "2023-01"))).toMatchObject({
      status: "fail",
      note: "未找到 月报 2023-01（截止 2023-02-27，无成绩公布日期，期末后 25 日）",
      noteEn: "no 月报 2023-01 (due 2023-02-27, no publication date: 25 days after the period end)",
      evidence: [],
    });
    expect(shown(at(r6, "2023-08"))).toMatchObject({
      status: "pending",
      deduction: 0,
      note: "月报 截止 2023-09-25",
      noteEn: "月报 due 2023-09-25",
    });
  });

  test("a blank 成绩公布日期 falls back to the period end, with a warning on its cell", () => {
    expect(shown(at(r6, "2023-06"))).toMatchObject({
      status: "pass",
      note: "2023-07-20 提交，截止 2023-07-25（无成绩公布日期，期末后 25 日）",
    });
    expect(
      r.issues.filter((i) => i.code === "fallback-due").map((i) => [i.cell, i.message])
    ).toEqual([["C7", "月报 2023-06 无成绩公布日期，按期末后 25 日（2023-07-25）为截止日"]]);
  });

  test("an unreadable deciding cell: not evaluated, the cell named", () => {
    expect(shown(at(r6, "2023-02"))).toMatchObject({
      status: "na",
      leftOut: 1,
      deduction: 0,
      note: "月报 2023-02 的提交日期无法识别（报告!D2），不予评价，请更正后重新核查",
      noteEn:
        "月报 2023-02: the submission date cannot be read (报告!D2); not evaluated, correct and run again",
      evidence: ["报告!D2 月报 2023-02"],
    });
    expect(shown(at(r6, "2023-Q1"))).toMatchObject({
      status: "na",
      leftOut: 1,
      note: "季报 2023-Q1 的成绩公布日期无法识别（报告!C5），不予评价，请更正后重新核查",
      noteEn:
        "季报 2023-Q1: the publication date cannot be read (报告!C5); not evaluated, correct and run again",
      evidence: ["报告!C5 季报 2023-Q1"],
    });
    // only the unreadable rows are left out
    expect(r6.filter((k) => k.leftOut).map((k) => k.period)).toEqual(["2023-02", "2023-Q1"]);
  });

  test("R7's fixed dates, and without a 报告 sheet each row says the sheet is missing", () => {
    const summaries = sheet(
      "报告",
      ["报告类型", "所属期间", "提交日期"],
      [["半年工作总结", "2023-H1", "2023-07-31"]]
    );
    const r7 = audit([oneTicket(), summaries], {
      asOf,
    }).kpis.filter((k) => k.ruleId === "R7");
    expect(r7.map(shown)).toMatchObject([
      {
        status: "pass",
        note: "2023-07-31 提交，截止 2023-07-31（合同约定）",
        evidence: ["报告!C2 半年工作总结 2023-H1"],
      },
      { status: "pending", note: "年度工作总结 截止 2024-01-22" },
    ]);
    const none = audit([oneTicket()], {
      asOf,
    }).kpis.filter((k) => k.ruleId === "R7");
    expect(none.map((k) => [k.period, k.status, k.note])).toEqual([
      ["2023-H1", "na", "未找到工作表“报告”"],
      ["2023", "pending", "未找到工作表“报告”"],
    ]);
  });
});

describe("R5, R8, R9 and R10: the notes and the cells behind them", () => {
  test("R5: the mean, the samples below it by date and person, and the months without", () => {
    const qa = sheet(
      "质检",
      ["日期", "工号", "得分"],
      [
        ["2023-05-02", "S1", 95],
        ["2023-05-09", "S2", 84],
        ["2023-05-10", null, 80],
        ["2023-06-05", "S1", "优"], // June's only sample, unreadable
        ["2023-03-05", "S1", 90],
        ["2023-07-03", "S1", 92],
        ["2023-07-04", "S2", "差"],
      ]
    );
    const k = kpisOf([oneTicket(), qa], "R5", { asOf: "2023-07-31" });
    expect(shown(at(k, "2023-05"))).toEqual({
      status: "fail",
      numerator: null,
      denominator: 3,
      occurrences: 1,
      deduction: 50000,
      leftOut: 0,
      note: "3 条质检，平均 86.33 分",
      noteEn: "3 samples, mean 86.33",
      evidence: ["质检!C3 2023-05-09 S2 84分", "质检!C4 2023-05-10 80分"],
    });
    expect(shown(at(k, "2023-04"))).toMatchObject({
      status: "fail",
      denominator: 0,
      note: "当月无质检记录",
      noteEn: "no QA samples this month",
    });
    expect(shown(at(k, "2023-06"))).toMatchObject({
      status: "na",
      leftOut: 1,
      deduction: 0,
      note: "当月质检记录均无法读取（质检!C5），请更正后重新核查",
      noteEn: "every QA sample of the month is unreadable (质检!C5); correct and run again",
    });
    expect(shown(at(k, "2023-03"))).toMatchObject({
      status: "pass",
      note: "1 条质检，平均 90.00 分",
      evidence: [],
    });
    expect(shown(at(k, "2023-07"))).toMatchObject({
      status: "pass",
      leftOut: 1,
      note: "1 条质检，平均 92.00 分",
    });
    expect(at(k, "2023-08")).toMatchObject({ status: "pending", target: 90, valueKind: "score" });
  });

  test("R8: held and required, prorated or not, and the trainings that count", () => {
    const trainings = sheet(
      "培训",
      ["日期", "主题", "形式"],
      [
        ["2023-01-28", "岗前培训", "培训课"],
        ["2023-02-10", "业务复盘", "复盘会"],
        ["2023-02-15", "社区宣传", "宣传活动"], // not a counted kind
        ["2023-02-20", "专题讲座", "讲座"], // not a kind at all: left out, counted as such
      ]
    );
    const tables = [oneTicket(), trainings];
    const k = kpisOf(tables, "R8");
    expect(shown(at(k, "2023-01"))).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      note: "1 场，要求 1 场（服务 9/31 天折算）",
      noteEn: "1 held, 1 required (prorated 9/31 days)",
      evidence: ["培训!B2 岗前培训"],
    });
    expect(shown(at(k, "2023-02"))).toMatchObject({
      status: "fail",
      leftOut: 1,
      note: "1 场，要求 2 场",
      noteEn: "1 held, 2 required",
      evidence: ["培训!B3 业务复盘"],
    });
    expect(shown(at(k, "2024-01"))).toMatchObject({
      status: "fail",
      note: "0 场，要求 2 场（服务 22/31 天折算）",
    });
    const skip = kpisOf([...tables, paramsSheet([["r8.partialMonth", "skip"]])], "R8");
    expect(shown(at(skip, "2023-01"))).toMatchObject({
      status: "na",
      note: "不足整月，不考核",
      noteEn: "partial month not assessed",
    });
    expect(at(skip, "2023-02").status).toBe("fail");
    const full = kpisOf([...tables, paramsSheet([["r8.partialMonth", "full"]])], "R8");
    expect(shown(at(full, "2023-01"))).toMatchObject({
      status: "fail",
      note: "1 场，要求 2 场",
      noteEn: "1 held, 2 required",
    });
    const early = kpisOf(tables, "R8", { asOf: "2023-02-27" });
    expect(at(early, "2023-02")).toMatchObject({ status: "pending", valueKind: "count" });
  });

  test("R9: the earliest row of each kind, a nameless one, an unreadable date, a kind missing", () => {
    const policies = (extra: RawCell[][] = []) =>
      sheet(
        "制度",
        ["制度名称", "类别", "建立日期"],
        [
          ["热线运营管理办法", "热线运营管理制度", "2023-03-01"],
          [null, "工作流程制度", "2023-11-01"],
          ["培训管理办法", "培训制度", "2023-12-01"],
          ["培训规程", "培训制度", "2023-09-01"],
          ["热线补充规定", "热线运营管理制度", "不详"], // unreadable, but its kind passes anyway
          ...extra,
        ]
      );
    const k = kpisOf([oneTicket(), policies([["安全制度", "安全管理制度", "去年"]])], "R9");
    const of = (kind: string) => shown(k.find((x) => x.subject === kind)!);
    expect(of("热线运营管理制度")).toMatchObject({
      status: "pass",
      leftOut: 1,
      note: "热线运营管理办法 建立于 2023-03-01，截止 2023-10-31",
      noteEn: "established 2023-03-01, due 2023-10-31",
      evidence: ["制度!A2 热线运营管理办法"],
    });
    expect(of("工作流程制度")).toMatchObject({
      status: "fail",
      deduction: 200000,
      note: "工作流程制度 建立于 2023-11-01，截止 2023-10-31",
      evidence: ["制度!A3 第3行"],
    });
    expect(of("培训制度")).toMatchObject({
      status: "pass",
      note: "培训规程 建立于 2023-09-01，截止 2023-10-31",
      evidence: ["制度!A5 培训规程"],
    });
    expect(of("安全管理制度")).toMatchObject({
      status: "na",
      leftOut: 1,
      deduction: 0,
      note: "安全管理制度的建立日期无法识别（制度!C7），不予评价，请更正后重新核查",
      noteEn:
        "安全管理制度: the establishment date cannot be read (制度!C7); not evaluated, correct and run again",
      evidence: ["制度!C7 安全管理制度"],
    });
    const missing = kpisOf([oneTicket(), policies()], "R9").find(
      (x) => x.subject === "安全管理制度"
    )!;
    expect(shown(missing)).toMatchObject({
      status: "fail",
      note: "未建立安全管理制度（截止 2023-10-31）",
      noteEn: "no 安全管理制度 established (due 2023-10-31)",
      evidence: [],
    });
    const early = kpisOf([oneTicket(), policies()], "R9", { asOf: "2023-10-30" });
    expect(early.map((x) => [x.status, x.note, x.noteEn])).toEqual(
      Array(4).fill(["pending", "截止 2023-10-31", "due 2023-10-31"])
    );
    // without a 制度名称 column the evidence is the row's first cell, named by its row
    const nameless = kpisOf(
      [oneTicket(), sheet("制度", ["类别", "建立日期"], [["培训制度", "2023-09-01"]])],
      "R9"
    ).find((x) => x.subject === "培训制度")!;
    expect(shown(nameless)).toMatchObject({
      status: "pass",
      note: "培训制度 建立于 2023-09-01，截止 2023-10-31",
      evidence: ["制度!A2 第2行"],
    });
    const none = kpisOf([oneTicket()], "R9");
    expect(none.map((x) => [x.status, x.note])).toEqual(
      Array(4).fill(["na", "未找到工作表“制度”"])
    );
  });

  test("R10: the year's row among others, the drop and its tier, the peer rank", () => {
    const ranks = (rows: RawCell[][]) =>
      sheet("考核排名", ["期间", "区级排名", "委办局排名"], rows);
    const r = audit([
      oneTicket(),
      ranks([
        ["2022", 40, 9],
        ["2023", 29, 4],
      ]),
    ]);
    const k = r.kpis.find((x) => x.ruleId === "R10")!;
    expect(shown(k)).toEqual({
      status: "fail",
      numerator: 29,
      denominator: 26,
      occurrences: 1,
      deduction: 19999980,
      leftOut: 0,
      note: "区级排名第 29 名，较基准 26 名下降 3 名，扣减服务费 5%",
      noteEn: "district rank 29, 3 below the baseline 26: 5% of the fee",
      evidence: ["考核排名!B3 区级排名 29"],
    });
    expect(
      r.findings
        .filter((f) => f.ruleId === "R10")
        .map((f) => [f.subject, f.period, f.message, f.messageEn, f.evidence.map((e) => e.cell)])
    ).toEqual([
      [
        "peer_rank",
        "2023",
        "2023 年委办局排名第 4 名，未进入前 3 名（不扣款）",
        "2023 peer rank 4, outside the top 3 (no deduction)",
        ["C3"],
      ],
    ]);
    const fine = audit([oneTicket(), ranks([["2023", 20, 3]])]);
    expect(shown(fine.kpis.find((x) => x.ruleId === "R10")!)).toMatchObject({
      status: "pass",
      deduction: 0,
      note: "区级排名第 20 名，不低于基准 26 名",
      noteEn: "district rank 20, not below the baseline 26",
    });
    expect(fine.findings.filter((f) => f.ruleId === "R10")).toEqual([]);
    const early = kpisOf([oneTicket(), ranks([["2023", 29, 4]])], "R10", { asOf: "2023-12-30" });
    expect(early.map((x) => [x.status, x.note, x.noteEn])).toEqual([
      ["pending", "2023-12-31 后评价", "evaluated after 2023-12-31"],
    ]);
    const unreadable = kpisOf([oneTicket(), ranks([["2023", "前十", null]])], "R10");
    expect(unreadable.map(shown)).toMatchObject([
      {
        status: "na",
        leftOut: 1,
        note: "2023 年度排名无法识别（考核排名!B2），不予评价，请更正后重新核查",
        evidence: ["考核排名!B2 2023"],
      },
    ]);
    const absent = audit([oneTicket(), ranks([["2022", 20, 1]])]);
    expect(absent.kpis.filter((x) => x.ruleId === "R10").map((x) => [x.status, x.note])).toEqual([
      ["pending", "缺少 2023 年度排名"],
    ]);
    expect(absent.issues.filter((i) => i.code === "no-annual-rank").map((i) => i.message)).toEqual([
      "考核排名表中没有 2023 年度排名，R10 待定",
    ]);
  });
});

describe("the edges of R1–R4 and the helpers they share (from their first mutation run)", () => {
  const head = R1_HEAD;
  const r1 = (rows: RawCell[][], opts: AuditOptions = {}, params: [string, RawCell][] = []) =>
    kpisOf([sheet("工单", head, rows), paramsSheet(params)], "R1", opts);

  test("R1: the first service day, the last second of a day, tickets after the service, unreadable cells", () => {
    const rows: RawCell[][] = [
      ["T0", "2023-01-23 08:00", "2023-01-23 08:10", null],
      ["T1", "2023-01-24 10:00", "2023-01-24 23:59:59", "2023-01-24 23:59:59"],
      ["T2", "2024-01-23 10:00", "2024-01-24 10:00", null], // the day after the service
      ["T3", "2023-01-23 09:00", "不明", null], // unreadable 签收时间
      ["T4", "2023-01-25 09:00", "2023-01-25 09:10", "某时"], // unreadable 转派时间
    ];
    const k = r1(rows, { asOf: "2024-01-31" });
    expect(shown(at(k, "2023-01-23"))).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      leftOut: 1,
    });
    expect(shown(at(k, "2023-01-24"))).toMatchObject({ status: "pass", numerator: 1 });
    expect(shown(at(k, "2023-01-25"))).toMatchObject({ status: "na", denominator: 0, leftOut: 1 });
    // one row per service day, 2023-01-23 to 2024-01-22, nothing after
    expect(k).toHaveLength(365);
    expect([k[0].period, k[k.length - 1].period]).toEqual(["2023-01-23", "2024-01-22"]);
    // without same-day forwarding the 转派时间 is not read, so T4 counts
    const noFwd = r1(rows, { asOf: "2024-01-31" }, [["r1.requireSameDayForward", "否"]]);
    expect(shown(at(noFwd, "2023-01-25"))).toMatchObject({
      status: "pass",
      numerator: 1,
      leftOut: 0,
    });
  });

  test("R1 and R2 name at most 200 tickets as evidence", () => {
    const late = Array.from({ length: 201 }, (_, i) => [
      `L${i}`,
      "2023-03-01 10:00",
      "2023-03-02 10:00",
      null,
    ]);
    const day = at(r1(late, { asOf: "2023-03-31" }), "2023-03-01");
    expect([day.note, day.evidence.length, day.evidence[199].cell]).toEqual([
      "201 张工单未在当日24时前签收/转派",
      200,
      "A201",
    ]);
    const wrong = Array.from({ length: 201 }, (_, i) => [
      `W${i}`,
      "2023-03-01 10:00",
      "2023-03-01 10:05",
      "2023-03-01 10:10",
      "区卫健委",
      "否",
    ]);
    const head2 = R2_HEAD;
    const month = at(
      kpisOf([sheet("工单", head2, wrong)], "R2", { asOf: "2023-03-31" }),
      "2023-03"
    );
    expect([month.status, month.evidence.length]).toEqual(["fail", 200]);
  });

  test("R1 without a 签收时间 column: every day is na and says which column is missing", () => {
    const k = kpisOf(
      [sheet("工单", ["工单编号", "派单时间"], [["T1", "2023-03-01 10:00"]])],
      "R1",
      { asOf: "2023-03-31" }
    );
    expect(k).toHaveLength(68); // 2023-01-23 … 2023-03-31
    expect(new Set(k.map((x) => `${x.status} ${x.note}`))).toEqual(
      new Set(["na 工作表“工单”缺少列 签收时间"])
    );
    expect(k[0].noteEn).toMatch(/^sheet "工单" lacks column 签收时间 \(.+\)$/);
    expect([k[0].period, k[67].period]).toEqual(["2023-01-23", "2023-03-31"]);
  });

  test("the monthly rules put a ticket in a service month or in none; a passing month names nobody", () => {
    const head2 = R2_HEAD;
    const t = (id: string, day: string, correct: RawCell) => [
      id,
      `${day} 09:00`,
      `${day} 09:05`,
      `${day} 09:10`,
      "区卫健委",
      correct,
    ];
    const rows = [
      t("B1", "2023-01-20", "否"), // before the service
      t("B2", "2023-01-21", "也许"), // before the service, unreadable
      t("J1", "2023-01-23", "是"), // the first service day
      t("J2", "2023-01-24", "也许"), // unreadable, in January
      t("Z1", "2024-01-25", "否"), // after the service
      ...Array.from({ length: 10 }, (_, i) => t(`M${i}`, `2023-03-${10 + i}`, i ? "是" : "否")),
    ];
    const k = kpisOf([sheet("工单", head2, rows)], "R2", { asOf: "2024-01-31" });
    expect(shown(at(k, "2023-01"))).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      leftOut: 1,
    });
    expect(at(k, "2023-02").status).toBe("na");
    expect(at(k, "2024-01")).toMatchObject({ status: "na", denominator: 0 });
    // 9 of 10: a pass, with its one wrong ticket named in the note only
    expect(shown(at(k, "2023-03"))).toMatchObject({
      status: "pass",
      note: "9/10 = 90.00%；1 张派单不准确（退单/改派）",
      evidence: [],
    });
  });

  test("R3: the 转派时间 column is needed only for the forwarded population; the call-back clock's edge", () => {
    const head3 = ["工单编号", "派单时间", "签收时间", "办结时间", "回访时间", "回访录音"];
    const closed = [
      ["C1", "2023-03-10 09:00", "2023-03-10 09:05", "2023-03-15 17:00", "2023-03-16 10:00", "是"],
    ];
    const forwarded = kpisOf([sheet("工单", head3, closed)], "R3", { asOf: "2023-03-31" });
    expect(at(forwarded, "2023-03")).toMatchObject({
      status: "na",
      note: "工作表“工单”缺少列 转派时间",
    });
    const all = kpisOf(
      [sheet("工单", head3, closed), paramsSheet([["r3.population", "all"]])],
      "R3",
      {
        asOf: "2023-03-31",
      }
    );
    expect(shown(at(all, "2023-03"))).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
    // asOf 04-30: closed at 04-27 23:59:59, its 3 days are over; closed at 04-28 00:00, not yet
    const edge = [
      ["E1", "2023-04-20 09:00", "2023-04-20 09:05", "2023-04-27 23:59:59", null, null],
      ["E2", "2023-04-20 09:00", "2023-04-20 09:05", "2023-04-28 00:00:00", null, null],
    ];
    const k = kpisOf([sheet("工单", head3, edge), paramsSheet([["r3.population", "all"]])], "R3", {
      asOf: "2023-04-30",
    });
    expect(shown(at(k, "2023-04"))).toMatchObject({
      status: "fail",
      numerator: 0,
      denominator: 1,
      note: "0/1 = 0.00%；1 张未回访或无回访录音",
      noteEn: "0/1 = 0.00%; 1 not called back or without recording",
      evidence: ["工单!A2 E1"],
    });
  });

  test("R4: received + 15 days without a 办理时限 column; an unreadable one left out; the deadline's last second", () => {
    const noDue = kpisOf(
      [
        sheet(
          "工单",
          ["工单编号", "派单时间", "签收时间", "反馈时间"],
          [["T1", "2023-03-10 10:00", "2023-03-10 10:05", "2023-03-25 23:00"]]
        ),
      ],
      "R4",
      { asOf: "2023-03-31" }
    );
    expect(shown(at(noDue, "2023-03"))).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
    const head4 = ["工单编号", "派单时间", "签收时间", "办理时限", "反馈时间"];
    const k = kpisOf(
      [
        sheet("工单", head4, [
          ["T1", "2023-03-01 10:00", "2023-03-01 10:05", "2023-03-20 18:00", "2023-03-20 18:00"],
          ["T2", "2023-03-02 10:00", "2023-03-02 10:05", "下周", "2023-03-20 18:00"],
          // due at the very end of asOf, not fed back: late, not waiting
          ["T3", "2023-03-03 10:00", "2023-03-03 10:05", "2023-03-31", null],
        ]),
      ],
      "R4",
      { asOf: "2023-03-31" }
    );
    expect(shown(at(k, "2023-03"))).toMatchObject({
      status: "fail",
      numerator: 1,
      denominator: 2,
      leftOut: 1,
      evidence: ["工单!A4 T3"],
    });
  });

  test("R4: a 办理时限 with a time is that minute, not the end of its day; 派单时间 is not needed with it", () => {
    const k = kpisOf(
      [
        sheet(
          "工单",
          ["工单编号", "派单时间", "签收时间", "办理时限", "反馈时间"],
          [
            [
              "T1",
              "2023-03-01 10:00",
              "2023-03-01 10:05",
              "2023-03-20 18:00",
              "2023-03-20 18:00:01",
            ],
          ]
        ),
      ],
      "R4",
      { asOf: "2023-03-31" }
    );
    expect(shown(at(k, "2023-03"))).toMatchObject({ status: "fail", numerator: 0, denominator: 1 });
    const noReceived = kpisOf(
      [
        sheet(
          "工单",
          ["工单编号", "办理时限", "反馈时间"],
          [["T1", "2023-03-20", "2023-03-20 18:00"]]
        ),
      ],
      "R4",
      { asOf: "2023-03-31" }
    );
    expect(shown(at(noReceived, "2023-03"))).toMatchObject({ status: "pass", numerator: 1 });
  });

  test("staff: an unreadable or blank 入职日期 (a required cell) leaves the person out of C1 and C3", () => {
    const staffRow = (id: string, role: string, education: string, start: RawCell) => [
      id,
      id,
      role,
      education,
      "是",
      start,
      null,
      "2023-01-10",
      "是",
    ];
    const r = audit([
      oneTicket(),
      sheet("人员", STAFF_HEADERS, [
        staffRow("PM1", "项目经理", "本科", null),
        staffRow("S1", "接诉专员", "中专", "很久以前"),
      ]),
    ]);
    expect(r.findings.filter((f) => f.ruleId === "C1")).toEqual([]);
    const c3 = r.findings.filter((f) => f.ruleId === "C3");
    expect(c3).toHaveLength(365);
    expect(c3[0].message).toBe("2023-01-23 无在岗项目经理");
  });

  test("a note names five unreadable cells at most, then how many there were", () => {
    const qa = sheet(
      "质检",
      ["日期", "工号", "得分"],
      [
        ...Array.from({ length: 5 }, (_, i) => [`2023-05-0${i + 1}`, "S1", "优"]),
        ...Array.from({ length: 6 }, (_, i) => [`2023-06-0${i + 1}`, "S1", "优"]),
      ]
    );
    const k = kpisOf([oneTicket(), qa], "R5", { asOf: "2023-06-30" });
    expect(at(k, "2023-05").note).toBe(
      "当月质检记录均无法读取（质检!C2、质检!C3、质检!C4、质检!C5、质检!C6），请更正后重新核查"
    );
    expect(at(k, "2023-06").note).toBe(
      "当月质检记录均无法读取（质检!C7、质检!C8、质检!C9、质检!C10、质检!C11 等 6 处），请更正后重新核查"
    );
  });
});

describe("the edges of R5–R10 (from their first mutation run)", () => {
  const ranks = (rows: RawCell[][]) => sheet("考核排名", ["期间", "区级排名", "委办局排名"], rows);
  const r10 = (tables: RawTable[], opts: AuditOptions = {}) =>
    kpisOf([oneTicket(), ...tables], "R10", opts).map((k) => [k.status, k.deduction, k.note]);

  test("R10: judged on 12-31 itself; no sheet, a blank rank, other years' unreadable rows; a tier of 0%", () => {
    expect(r10([ranks([["2023", 26, 1]])], { asOf: "2023-12-31" })).toEqual([
      ["pass", 0, "区级排名第 26 名，不低于基准 26 名"],
    ]);
    expect(r10([])).toEqual([["na", 0, "未找到工作表“考核排名”"]]);
    // rows that are not the year's, with unreadable cells: the year's rank is missing
    for (const rows of [[["2022", "前十", 1]], [[null, "前十", 1]]])
      expect(r10([ranks(rows)])).toEqual([["pending", 0, "缺少 2023 年度排名"]]);
    // the year's row with its (required) rank blank: not evaluated, the cell named
    expect(r10([ranks([["2023", null, 1]])])).toEqual([
      ["na", 0, "2023 年度排名无法识别（考核排名!B2），不予评价，请更正后重新核查"],
    ]);
    const zero = audit([oneTicket(), ranks([["2023", 27, 1]])], {
      params: {
        "r10.tiers": [
          { minDrop: 1, rate: 0 },
          { minDrop: 4, rate: 0.1 },
        ],
      },
    }).kpis.find((k) => k.ruleId === "R10")!;
    expect([zero.status, zero.deduction]).toEqual(["pass", 0]);
  });

  test("R5: a month's first and last day, a sample at exactly 90 is no evidence, 200 at most", () => {
    const qa = sheet(
      "质检",
      ["日期", "工号", "得分"],
      [
        ["2023-05-01", "S1", 90],
        ["2023-05-31", "S2", 80],
        ["2023-06-01", "S1", "优"],
        ["2023-06-30", "S1", "良"],
        ...Array.from({ length: 201 }, (_, i) => ["2023-07-10", `S${i}`, 50]),
      ]
    );
    const k = kpisOf([oneTicket(), qa], "R5", { asOf: "2023-07-31" });
    expect(shown(at(k, "2023-05"))).toMatchObject({
      status: "fail",
      denominator: 2,
      note: "2 条质检，平均 85.00 分",
      evidence: ["质检!C3 2023-05-31 S2 80分"],
    });
    expect(shown(at(k, "2023-06"))).toMatchObject({ status: "na", leftOut: 2 });
    expect(at(k, "2023-07").evidence).toHaveLength(200);
  });

  test("R5 compares the mean exactly, whatever the numbers' form", () => {
    expect(meanAtLeast([89.9999999, 90.0000001], 90)).toBe(true);
    expect(meanAtLeast([89.9999999, 90], 90)).toBe(false);
    expect(meanAtLeast([1e-7], 1e-7)).toBe(true);
    expect(meanAtLeast([1e-7, 0], 1e-7)).toBe(false);
    expect(meanAtLeast([0.1, 0.2], 0.15)).toBe(true);
  });

  test("R6 without a 报告 sheet: each report is na once due, pending before", () => {
    const k = kpisOf([oneTicket()], "R6", { asOf: "2023-08-31" });
    expect(k).toHaveLength(18);
    expect([at(k, "2023-01").status, at(k, "2023-01").note]).toEqual(["na", "未找到工作表“报告”"]);
    // a row that names no evidence has none (not a placeholder)
    expect(k.map((x) => x.evidence)).toEqual(Array(18).fill([]));
    expect(at(k, "2023-08").status).toBe("pending");
  });

  test("reports: a row whose 所属期间 cannot be read is left out, not a crash", () => {
    const reports = sheet(
      "报告",
      ["报告类型", "所属期间", "成绩公布日期", "提交日期"],
      [
        ["月报", "上月", "2023-04-06", "2023-04-10"],
        ["月报", "2023-03", "2023-04-06", "2023-04-17"],
      ]
    );
    const k = kpisOf([oneTicket(), reports], "R6", { asOf: "2023-08-31" });
    expect(at(k, "2023-03").status).toBe("pass");
  });

  test("R8: a training on the month's last day counts; unreadable rows count in their own month only", () => {
    const trainings = sheet(
      "培训",
      ["日期", "主题", "形式"],
      [
        ["2023-02-01", "业务复盘", "复盘会"],
        ["2023-02-28", "月末复盘", "复盘会"],
        ["2023-03-01", "讲座一", "讲座"],
        ["2023-03-31", "讲座二", "讲座"],
      ]
    );
    const k = kpisOf([oneTicket(), trainings], "R8", { asOf: "2023-04-30" });
    expect(shown(at(k, "2023-02"))).toMatchObject({ status: "pass", numerator: 2, leftOut: 0 });
    expect(shown(at(k, "2023-03"))).toMatchObject({ status: "fail", numerator: 0, leftOut: 2 });
    expect(shown(at(k, "2023-04"))).toMatchObject({ leftOut: 0 });
    expect(shown(at(k, "2023-01"))).toMatchObject({ leftOut: 0 });
  });

  test("R9: judged on the deadline itself; its date is the KPI's value; five unreadable rows named at most", () => {
    const rows = [
      ["热线运营管理办法", "热线运营管理制度", "2023-03-01"],
      ...Array.from({ length: 6 }, (_, i) => [`安全${i}`, "安全管理制度", "不详"]),
    ];
    const k = kpisOf([oneTicket(), sheet("制度", ["制度名称", "类别", "建立日期"], rows)], "R9", {
      asOf: "2023-10-31",
    });
    const hotline = k.find((x) => x.subject === "热线运营管理制度")!;
    expect([hotline.status, hotline.value]).toEqual(["pass", dayNum(2023, 3, 1)]);
    const safety = k.find((x) => x.subject === "安全管理制度")!;
    expect([safety.status, safety.leftOut, safety.evidence.length]).toEqual(["na", 6, 5]);
  });
});
