// What a compliance finding says and where it points (issue 13: the C rules' surviving mutants):
// each message as an auditor reads it, each evidence link at the cell behind the finding, worked
// by hand from the rows below (row 1 is the header row).
import { audit } from "../../src/engine/audit";
import { Finding } from "../../src/engine/model";
import { RawCell } from "../../src/engine/table";
import { STAFF_HEADERS, oneTicket, paramsSheet, sheet } from "./helpers";

/** A 人员 row: on the project from 2023-01-01, trained 2023-01-10, unless dates say otherwise. */
const person = (
  id: string,
  name: string | null,
  role: string,
  education: string,
  medical: string,
  dates: { start?: string; end?: string; trained?: string } = {}
) => [
  id,
  name,
  role,
  education,
  medical,
  dates.start ?? "2023-01-01",
  dates.end ?? null,
  dates.trained ?? "2023-01-10",
  "是",
];

function findingsOf(ruleId: string, tables: Parameters<typeof audit>[0]): Finding[] {
  return audit(tables).findings.filter((f) => f.ruleId === ruleId);
}

test("C1 names the person, the degree, and points at the 学历 cell; a blank name is left out", () => {
  const staff = sheet("人员", STAFF_HEADERS, [
    person("PM1", "王经理", "项目经理", "本科", "是"),
    person("S2", "李四", "接诉专员", "中专", "是"),
    person("S3", null, "接诉专员", "高中及以下", "是"),
  ]);
  const f = findingsOf("C1", [oneTicket(), staff]);
  expect(f.map((x) => [x.subject, x.message, x.evidence])).toEqual([
    [
      "S2",
      "S2 李四 学历为中专，低于大专",
      [{ sheet: "人员", row: 3, cell: "D3", label: "S2 中专" }],
    ],
    [
      "S3",
      "S3  学历为高中及以下，低于大专",
      [{ sheet: "人员", row: 4, cell: "D4", label: "S3 高中及以下" }],
    ],
  ]);
});

test("C2 gives the count, the share and the threshold", () => {
  const staff = sheet("人员", STAFF_HEADERS, [
    person("PM1", "王经理", "项目经理", "本科", "是"),
    person("S2", "李四", "接诉专员", "本科", "否"),
    person("S3", "张三", "接诉专员", "本科", "否"),
  ]);
  const [f] = findingsOf("C2", [oneTicket(), staff]);
  expect(f.message).toBe("医学相关专业 1/3 = 33.33%，低于 50%");
  expect(f.messageEn).toBe("medical majors 1/3 = 33.33%, below 50%");
  expect(f.subject).toBeNull();
  expect(f.evidence).toEqual([]);
});

test("C2 over the 大专 staff only: their share, not everyone's; nobody to count is no finding", () => {
  const staff = sheet("人员", STAFF_HEADERS, [
    person("PM1", "王经理", "项目经理", "本科", "是"),
    person("S2", "李四", "接诉专员", "本科", "是"),
    person("S3", "张三", "接诉专员", "大专", "否"),
  ]);
  // everyone: 2 of 3 medical, a pass; the 大专 staff: 0 of 1, a finding
  expect(findingsOf("C2", [oneTicket(), staff])).toEqual([]);
  const tables = [oneTicket(), staff, paramsSheet([["c2.population", "associate"]])];
  expect(findingsOf("C2", tables).map((f) => f.message)).toEqual([
    "医学相关专业 0/1 = 0.00%，低于 50%",
  ]);
  // a 人员 sheet with nobody on it
  const empty = sheet("人员", STAFF_HEADERS, []);
  expect(findingsOf("C2", [oneTicket(), empty])).toEqual([]);
});

test("C6 says who, what kind, the verdict and the matter, and points at the 核实结果 cell", () => {
  const complaints = sheet(
    "服务投诉",
    ["日期", "工号", "类型", "核实结果", "事项"],
    [
      ["2023-03-01", "S2", "服务态度", "属实", "接听时语气生硬"],
      ["2023-04-01", null, "业务", "部分属实", null],
      ["2023-05-01", "S3", "业务", "不属实", "派单延误"],
    ]
  );
  const f = findingsOf("C6", [oneTicket(), complaints]);
  expect(f.map((x) => [x.subject, x.message, x.messageEn, x.evidence])).toEqual([
    [
      "S2",
      "2023-03-01 S2 服务态度投诉核实属实：接听时语气生硬",
      "2023-03-01 S2: attitude complaint verified upheld",
      [{ sheet: "服务投诉", row: 2, cell: "D2", label: "S2 属实" }],
    ],
    [
      null,
      "2023-04-01  投诉核实部分属实：",
      "2023-04-01 : complaint verified partly upheld",
      [{ sheet: "服务投诉", row: 3, cell: "D3", label: " 部分属实" }],
    ],
  ]);
});

test("C9 points at the incident's 事项 cell, named by it; after the service, nothing counts", () => {
  const incidents = sheet(
    "安全事故",
    ["日期", "事项"],
    [
      ["2023-06-01", "机房断电"],
      ["2023-07-01", null],
      // the day after the service ends, seen by a run evaluated a month later
      ["2024-01-23", "次日"],
    ]
  );
  const f = audit([oneTicket(), incidents], { asOf: "2024-02-28" }).findings.filter(
    (x) => x.ruleId === "C9"
  );
  expect(f.map((x) => [x.message, x.messageEn, x.evidence])).toEqual([
    [
      "2023-06-01 安全事故：机房断电",
      "2023-06-01 safety incident: 机房断电",
      [{ sheet: "安全事故", row: 2, cell: "B2", label: "机房断电" }],
    ],
    [
      "2023-07-01 安全事故：",
      "2023-07-01 safety incident: ",
      [{ sheet: "安全事故", row: 3, cell: "B3", label: "第3行" }],
    ],
  ]);
});

test("C3 counts only the 项目经理: a day with two says who; a day with none says so", () => {
  const staff = sheet("人员", STAFF_HEADERS, [
    // PM1 until 2023-06-30, PM2 from 2023-06-30 (both on the hand-over day), then nobody after PM2 leaves
    person("PM1", "王经理", "项目经理", "本科", "是", { end: "2023-06-30" }),
    person("PM2", "赵经理", "项目经理", "本科", "是", {
      start: "2023-06-30",
      end: "2024-01-20",
      trained: "2023-06-20",
    }),
    person("S2", "李四", "接诉专员", "本科", "是"),
    person("S3", "张三", "质检员", "本科", "是"),
  ]);
  const f = findingsOf("C3", [oneTicket(), staff]);
  expect(f.map((x) => [x.period, x.message, x.messageEn, x.evidence])).toEqual([
    [
      "2023-06-30",
      "2023-06-30 有 2 名项目经理在岗（PM1、PM2）",
      "2023-06-30: 2 active project managers",
      [],
    ],
    ["2024-01-21", "2024-01-21 无在岗项目经理", "2024-01-21: no active project manager", []],
    ["2024-01-22", "2024-01-22 无在岗项目经理", "2024-01-22: no active project manager", []],
  ]);
});

test("C5 names the quarter's leavers; a quarter nobody began is not judged", () => {
  const staffRows = [
    person("PM1", "王经理", "项目经理", "本科", "是"),
    // five on 2023-01-23 (Q1's first service day), one leaves in Q1: 20%
    person("S1", "S1", "接诉专员", "本科", "是", { end: "2023-03-15" }),
    ...["S2", "S3", "S4"].map((id) => person(id, id, "接诉专员", "本科", "是")),
  ];
  const f = findingsOf("C5", [oneTicket(), sheet("人员", STAFF_HEADERS, staffRows)]);
  expect(f.map((x) => [x.period, x.message, x.messageEn, x.evidence])).toEqual([
    [
      "2023-Q1",
      "2023-Q1 离职 1 人 / 季初在岗 5 人 = 20.00%，不低于 15%（S1）",
      "2023-Q1: 1 leavers / 5 at the start = 20.00%, not below 15%",
      [],
    ],
  ]);
  // nobody on the project on a quarter's first day: someone who joins and leaves within it is
  // not a rate of anything
  const late = sheet("人员", STAFF_HEADERS, [
    person("S9", "临时", "接诉专员", "本科", "是", {
      start: "2023-05-01",
      end: "2023-05-20",
      trained: "2023-04-20",
    }),
  ]);
  expect(findingsOf("C5", [oneTicket(), late])).toEqual([]);
});

test("C10 counts the service period only, and its evidence is the rows it counted", () => {
  const trainings = sheet(
    "培训",
    ["日期", "主题", "形式"],
    [
      ["2023-03-01", "春季全员培训", "全系统业务培训"],
      ["2024-01-23", "次日培训", "全系统业务培训"],
      ["2023-05-01", "社区宣传", "宣传活动"],
    ]
  );
  const f = findingsOf("C10", [oneTicket(), trainings]);
  expect(f.map((x) => [x.subject, x.message, x.messageEn, x.evidence])).toEqual([
    [
      "全系统业务培训",
      "服务期内全系统业务培训 1 次，合同要求 2 次",
      "1 全系统业务培训 in the service period, 2 required",
      [{ sheet: "培训", row: 2, cell: "B2", label: "春季全员培训" }],
    ],
  ]);
});

test("C6: a complaint after the service ends is not the contractor's, even when the run looks later", () => {
  const complaints = sheet(
    "服务投诉",
    ["日期", "工号", "类型", "核实结果", "事项"],
    [
      ["2024-01-22", "S2", "业务", "属实", "最后一天"],
      ["2024-01-23", "S2", "业务", "属实", "服务期后"],
    ]
  );
  const f = audit([oneTicket(), complaints], { asOf: "2024-02-28" }).findings.filter(
    (x) => x.ruleId === "C6"
  );
  expect(f.map((x) => x.message)).toEqual(["2024-01-22 S2 投诉核实属实：最后一天"]);
});

describe("C4, C7 and C8 in detail (from their first mutation run)", () => {
  const roster = (rows: [RawCell, RawCell, RawCell][]) =>
    sheet("排班", ["工号", "开始时间", "结束时间"], rows);
  const staffRow = (id: string, name: string | null, trained: RawCell, passed: RawCell) => [
    id,
    name,
    "接诉专员",
    "本科",
    "是",
    "2023-01-01",
    null,
    trained,
    passed,
  ];

  test("C4: the earliest shift wherever it is listed, both reasons, the claim in full", () => {
    const staff = sheet("人员", STAFF_HEADERS, [
      person("PM1", "王经理", "项目经理", "本科", "是"),
      staffRow("EARLY", "李四", "2023-02-01", "否"),
      staffRow("TIE", null, null, "是"),
      staffRow("NOPASS", "张三", "2023-01-10", null),
    ]);
    const shifts = roster([
      ["EARLY", "2023-02-05 08:00", "2023-02-05 16:00"],
      ["EARLY", "2023-01-31 23:00", "2023-02-01 07:00"],
      // two first shifts at the same minute: the one listed first is the evidence
      ["TIE", "2023-03-01 08:00", "2023-03-01 16:00"],
      ["TIE", "2023-03-01 08:00", "2023-03-01 12:00"],
      ["NOPASS", "2023-03-02 08:00", "2023-03-02 16:00"],
    ]);
    const r = audit([oneTicket(), staff, shifts]);
    const f = r.findings.filter((x) => x.ruleId === "C4");
    expect(f.map((x) => [x.subject, x.message, x.messageEn, x.evidence])).toEqual([
      [
        "EARLY",
        "EARLY 李四：首个班次 2023-01-31 23:00:00 早于岗前培训 2023-02-01；上岗考核未通过",
        "EARLY: first shift 2023-01-31 23:00:00 before training on 2023-02-01; onboarding assessment not passed",
        [
          { sheet: "人员", row: 3, cell: "A3", label: "EARLY" },
          { sheet: "排班", row: 3, cell: "B3", label: "首个班次 2023-01-31 23:00:00" },
        ],
      ],
      [
        "TIE",
        "TIE ：无岗前培训日期",
        "TIE: no pre-job training date",
        [
          { sheet: "人员", row: 4, cell: "A4", label: "TIE" },
          { sheet: "排班", row: 4, cell: "B4", label: "首个班次 2023-03-01 08:00:00" },
        ],
      ],
      [
        "NOPASS",
        "NOPASS 张三：上岗考核未通过",
        "NOPASS: onboarding assessment not passed",
        [
          { sheet: "人员", row: 5, cell: "A5", label: "NOPASS" },
          { sheet: "排班", row: 6, cell: "B6", label: "首个班次 2023-03-02 08:00:00" },
        ],
      ],
    ]);
    // the third person gives the claim: 2% of ¥3,999,996.00, and nothing else claims
    expect(r.claims).toEqual([
      {
        ruleId: "C4",
        subject: null,
        amount: 7999992,
        message:
          "累计 3 人未经培训考核上岗（合同六.3）：甲方可主张服务费 2% 违约金并可解除合同，须双方书面确认",
        messageEn:
          "3 staff worked untrained (contract 6.3): Party A may claim 2% of the fee and terminate; needs written confirmation",
      },
    ]);
  });

  test("C4: an unreadable shift start or training date leaves the row out; no finding, no claim", () => {
    const staff = sheet("人员", STAFF_HEADERS, [
      person("PM1", "王经理", "项目经理", "本科", "是"),
      staffRow("OK", "李四", "2023-02-01", "是"),
      staffRow("BADTRAIN", "张三", "很早以前", "是"),
    ]);
    const shifts = roster([
      ["OK", "下周一", "2023-02-01 16:00"],
      ["OK", "2023-02-01 08:00", "2023-02-01 16:00"],
      ["BADTRAIN", "2023-02-01 08:00", "2023-02-01 16:00"],
    ]);
    const r = audit([oneTicket(), staff, shifts]);
    expect(r.findings.filter((x) => x.ruleId === "C4")).toEqual([]);
    expect(r.claims).toEqual([]);
    // both cells are reported where they are
    expect(r.issues.filter((i) => i.level === "error").map((i) => i.cell)).toEqual(["H4", "B2"]);
  });

  const asOf = "2023-01-24";
  const gaps = (rows: [RawCell, RawCell, RawCell][], min = 1) =>
    audit(
      [
        oneTicket(),
        sheet("人员", STAFF_HEADERS, [person("S1", "S1", "项目经理", "本科", "是")]),
        roster(rows),
        paramsSheet([["c7.minOnDuty", min]]),
      ],
      { asOf }
    )
      .findings.filter((x) => x.ruleId === "C7")
      .map((x) => x.message);
  const WHOLE = "2023-01-23 00:00:00 至 2023-01-25 00:00:00";

  test("C7: one person's rows in any order, overlapping or apart, merge into what they cover", () => {
    // listed out of time order: still the whole window
    expect(
      gaps([
        ["S1", "2023-01-23 12:00", "2023-01-24 00:00"],
        ["S1", "2023-01-23 00:00", "2023-01-23 12:00"],
        ["S1", "2023-01-24 00:00", "2023-01-25 00:00"],
      ])
    ).toEqual([]);
    // the second row reaches past the first: the merge takes its end
    expect(
      gaps([
        ["S1", "2023-01-23 00:00", "2023-01-23 18:00"],
        ["S1", "2023-01-23 06:00", "2023-01-24 12:00"],
        ["S1", "2023-01-24 12:00", "2023-01-25 00:00"],
      ])
    ).toEqual([]);
    // apart: the hour between them, exactly, and nothing after the second row
    expect(
      gaps([
        ["S1", "2023-01-23 00:00", "2023-01-23 12:00"],
        ["S1", "2023-01-23 13:00", "2023-01-24 12:00"],
        ["S1", "2023-01-24 12:00", "2023-01-25 00:00"],
      ])
    ).toEqual(["2023-01-23 12:00:00 至 2023-01-23 13:00:00 在岗人数少于 1 人（60 分钟）"]);
  });

  test("C7: one person twice is one on duty; two rows without a 工号 are two people", () => {
    const twice: [RawCell, RawCell, RawCell][] = [
      ["S1", "2023-01-23 00:00", "2023-01-24 00:00"],
      ["S1", "2023-01-23 00:00", "2023-01-24 00:00"],
      ["S1", "2023-01-24 00:00", "2023-01-25 00:00"],
      ["S1", "2023-01-24 00:00", "2023-01-25 00:00"],
    ];
    expect(gaps(twice, 2)).toEqual([`${WHOLE} 在岗人数少于 2 人（2880 分钟）`]);
    const anonymous: [RawCell, RawCell, RawCell][] = [
      [null, "2023-01-23 00:00", "2023-01-24 00:00"],
      [null, "2023-01-23 00:00", "2023-01-24 00:00"],
      [null, "2023-01-24 00:00", "2023-01-25 00:00"],
      [null, "2023-01-24 00:00", "2023-01-25 00:00"],
    ];
    expect(gaps(anonymous, 2)).toEqual([]);
  });

  test("C7: a row with an unreadable start covers nothing; rows wholly outside the window neither", () => {
    expect(gaps([["S1", "下周一", "2023-01-25 00:00"]])).toEqual([
      `${WHOLE} 在岗人数少于 1 人（2880 分钟）`,
    ]);
    expect(
      gaps([
        ["S1", "2023-01-22 08:00", "2023-01-22 16:00"],
        ["S1", "2023-01-23 00:00", "2023-01-24 00:00"],
        ["S1", "2023-01-24 00:00", "2023-01-25 00:00"],
        ["S1", "2023-01-25 08:00", "2023-01-25 16:00"],
      ])
    ).toEqual([]);
  });

  const replacements = (rows: [RawCell, RawCell, RawCell, RawCell][]) =>
    sheet("人员调换", ["通知日期", "被替换工号", "原因", "到位日期"], rows);

  test("C8: a late replacement and an unfilled one, each with its message, cell and claim", () => {
    // notified Wed 2023-03-01: limit Tue 2023-03-21 (20 natural days)
    const r = audit([
      oneTicket(),
      replacements([
        ["2023-03-01", "X0", "其他", "2023-03-22"],
        ["2023-03-01", "X1", "其他", null],
        // an unreadable 到位日期 is neither filled nor missing: left out
        ["2023-03-01", "X2", "其他", "下周"],
      ]),
    ]);
    const f = r.findings.filter((x) => x.ruleId === "C8");
    const late = "2023-03-01 通知调换 X0，期限 2023-03-21（20 个自然日），2023-03-22 到位，逾期";
    const open = "2023-03-01 通知调换 X1，期限 2023-03-21（20 个自然日），至今未到位";
    const lateEn =
      "replacement of X0 notified 2023-03-01, due 2023-03-21 (20 natural days), filled 2023-03-22, late";
    const openEn =
      "replacement of X1 notified 2023-03-01, due 2023-03-21 (20 natural days), not filled";
    expect(f.map((x) => [x.subject, x.message, x.messageEn, x.evidence])).toEqual([
      ["X0", late, lateEn, [{ sheet: "人员调换", row: 2, cell: "B2", label: "X0" }]],
      ["X1", open, openEn, [{ sheet: "人员调换", row: 3, cell: "B3", label: "X1" }]],
    ]);
    const claim = "：甲方可主张服务费 2% 违约金（合同六.2），须双方书面确认";
    const claimEn = ": Party A may claim 2% of the fee (contract 6.2); needs written confirmation";
    expect(r.claims).toEqual([
      {
        ruleId: "C8",
        subject: "X0",
        amount: 7999992,
        message: late + claim,
        messageEn: lateEn + claimEn,
      },
      {
        ruleId: "C8",
        subject: "X1",
        amount: 7999992,
        message: open + claim,
        messageEn: openEn + claimEn,
      },
    ]);
  });

  test("C8 without a 通知日期 column is not evaluated, and says so", () => {
    const r = audit([
      oneTicket(),
      sheet("人员调换", ["被替换工号", "原因", "到位日期"], [["X0", "其他", null]]),
    ]);
    expect(r.findings.filter((x) => x.ruleId === "C8")).toEqual([]);
    expect(r.claims).toEqual([]);
    expect(r.issues.filter((i) => i.message.includes("通知日期")).map((i) => i.sheet)).toEqual([
      "人员调换",
    ]);
  });
});
