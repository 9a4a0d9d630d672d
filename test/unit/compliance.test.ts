// C1–C10 at their edges, each expectation worked by hand from RULES.md §3 and the contract
// (service 2023-01-23 – 2024-01-22, asOf = service.end unless given; 服务费 ¥3,999,996.00, so a 2%
// claim is ¥79,999.92).
import { RawCell } from "../../src/engine/table";
import { STAFF_HEADERS, oneTicket, paramsSheet, run, sheet } from "./helpers";

type Summary = ReturnType<typeof run>;
const findings = (s: Summary, ruleId: string) => s.findings.filter((f) => f.ruleId === ruleId);
const subjects = (s: Summary, ruleId: string) => findings(s, ruleId).map((f) => f.subject);
const periods = (s: Summary, ruleId: string) => findings(s, ruleId).map((f) => f.period);
const claims = (s: Summary, ruleId: string) =>
  s.claims.filter((c) => c.ruleId === ruleId).map((c) => [c.subject, c.amount]);

interface Person {
  id: string;
  role?: string;
  education?: string;
  medical?: RawCell;
  start?: string;
  end?: string | null;
  trained?: string | null;
  passed?: RawCell;
}
const staff = (people: Person[]) =>
  sheet(
    "人员",
    STAFF_HEADERS,
    people.map((p) => [
      p.id,
      `员工${p.id}`,
      p.role ?? "接诉专员",
      p.education ?? "本科",
      p.medical === undefined ? "是" : p.medical,
      p.start ?? "2023-01-01",
      p.end ?? null,
      p.trained === undefined ? "2023-01-10" : p.trained,
      p.passed === undefined ? "是" : p.passed,
    ])
  );
/** one manager for the whole window, so C3 says nothing unless a test wants it to */
const manager: Person = { id: "PM1", role: "项目经理" };

describe("C1 学历: every staff member 大专 or above", () => {
  test("中专 and 高中及以下 are below 大专; 大专 and above pass", () => {
    const s = run([
      oneTicket(),
      staff([
        manager,
        ...["博士", "硕士", "本科", "大专", "中专", "高中及以下"].map((education, i) => ({
          id: `E${i}`,
          education,
        })),
      ]),
    ]);
    expect(subjects(s, "C1")).toEqual(["E4", "E5"]);
  });

  test("someone who left before the service began is not on the project", () => {
    const s = run([
      oneTicket(),
      staff([
        manager,
        { id: "GONE", education: "中专", end: "2023-01-22" },
        { id: "LAST", education: "中专", end: "2023-01-23" },
      ]),
    ]);
    expect(subjects(s, "C1")).toEqual(["LAST"]);
  });
});

describe("C2 专业: medical majors at least half", () => {
  const people = (medical: RawCell[]) =>
    staff(medical.map((m, i) => ({ id: `M${i}`, medical: m, role: i ? "接诉专员" : "项目经理" })));
  test("exactly half passes; one short of half fails, once", () => {
    expect(findings(run([oneTicket(), people(["是", "是", "否", "否"])]), "C2")).toEqual([]);
    const short = run([oneTicket(), people(["是", "否", "否", "否"])]);
    expect(findings(short, "C2")).toHaveLength(1);
    expect(findings(short, "C2")[0].message).toContain("1/4");
  });

  test("a blank 医学相关 counts as not medical", () => {
    expect(findings(run([oneTicket(), people(["是", null, "否", "是"])]), "C2")).toEqual([]);
    expect(findings(run([oneTicket(), people(["是", null, null, "否"])]), "C2")).toHaveLength(1);
  });

  test("population associate: only the 大专 staff count", () => {
    const book = staff([
      { ...manager, education: "本科", medical: "否" },
      { id: "A1", education: "大专", medical: "是" },
      { id: "A2", education: "大专", medical: "是" },
      { id: "B1", education: "本科", medical: "否" },
      { id: "B2", education: "本科", medical: "否" },
    ]);
    // all five: 2 of 5 medical (below half); the 大专 ones: 2 of 2
    expect(findings(run([oneTicket(), book]), "C2")).toHaveLength(1);
    expect(
      findings(run([oneTicket(), book, paramsSheet([["c2.population", "associate"]])]), "C2")
    ).toEqual([]);
  });
});

describe("C3 项目经理: exactly one active manager every day", () => {
  test("one manager throughout: no finding", () => {
    expect(findings(run([oneTicket(), staff([manager])]), "C3")).toEqual([]);
  });

  test("a hand-over day with both managers active is one finding, on that day", () => {
    const s = run([
      oneTicket(),
      staff([
        { id: "PM1", role: "项目经理", end: "2023-06-30" },
        { id: "PM2", role: "项目经理", start: "2023-06-30" },
      ]),
    ]);
    expect(periods(s, "C3")).toEqual(["2023-06-30"]);
    expect(findings(s, "C3")[0].message).toContain("2 名项目经理");
  });

  test("a day between two managers has none", () => {
    const s = run([
      oneTicket(),
      staff([
        { id: "PM1", role: "项目经理", end: "2023-06-29" },
        { id: "PM2", role: "项目经理", start: "2023-07-01" },
      ]),
    ]);
    expect(periods(s, "C3")).toEqual(["2023-06-30"]);
    expect(findings(s, "C3")[0].message).toContain("无在岗项目经理");
  });

  test("a manager from the second service day leaves the first uncovered; days after asOf are not judged", () => {
    const s = run([oneTicket(), staff([{ id: "PM1", role: "项目经理", start: "2023-01-24" }])]);
    expect(periods(s, "C3")).toEqual(["2023-01-23"]);
    const early = run([oneTicket(), staff([{ id: "PM1", role: "项目经理", end: "2023-03-10" }])], {
      asOf: "2023-03-12",
    });
    expect(periods(early, "C3")).toEqual(["2023-03-11", "2023-03-12"]);
  });
});

describe("C4 考核合格上岗", () => {
  const roster = (shifts: [string, string, string][]) =>
    sheet("排班", ["工号", "开始时间", "结束时间"], shifts);
  test("a first shift on the training day is in order; the evening before is not", () => {
    const s = run([
      oneTicket(),
      staff([manager, { id: "OK", trained: "2023-02-01" }, { id: "EARLY", trained: "2023-02-01" }]),
      roster([
        ["OK", "2023-02-01 08:00", "2023-02-01 16:00"],
        ["EARLY", "2023-01-31 23:00", "2023-02-01 07:00"],
        ["EARLY", "2023-02-02 08:00", "2023-02-02 16:00"],
      ]),
    ]);
    expect(subjects(s, "C4")).toEqual(["EARLY"]);
    expect(findings(s, "C4")[0].message).toContain("2023-01-31 23:00");
  });

  test("no training date, or 上岗考核 not 是 (blank included); nobody without a shift", () => {
    const s = run([
      oneTicket(),
      staff([
        manager,
        { id: "NOTRAIN", trained: null },
        { id: "FAILED", passed: "否" },
        { id: "BLANK", passed: null },
        { id: "NOSHIFT", trained: null, passed: null },
      ]),
      roster(
        ["NOTRAIN", "FAILED", "BLANK"].map(
          (id) => [id, "2023-03-01 08:00", "2023-03-01 16:00"] as [string, string, string]
        )
      ),
    ]);
    expect(subjects(s, "C4")).toEqual(["NOTRAIN", "FAILED", "BLANK"]);
  });

  test("the claim comes with the third distinct person, not with the third shift", () => {
    const people = (n: number) =>
      staff([manager, ...Array.from({ length: n }, (_, i) => ({ id: `U${i}`, trained: null }))]);
    const shifts = (ids: string[]) =>
      roster(ids.map((id, i) => [id, `2023-03-0${i + 1} 08:00`, `2023-03-0${i + 1} 16:00`]));
    // two people, three shifts between them: no claim
    expect(claims(run([oneTicket(), people(2), shifts(["U0", "U1", "U0"])]), "C4")).toEqual([]);
    // three people: 2% of 服务费
    expect(claims(run([oneTicket(), people(3), shifts(["U0", "U1", "U2"])]), "C4")).toEqual([
      [null, "79999.92"],
    ]);
  });
});

describe("C5 季度人员流失率 (below 15%)", () => {
  /** 20 staff from before the service; `leave` of them leave on the given days */
  const book = (leaveOn: string[], extra: Person[] = []) =>
    staff([
      manager,
      ...Array.from({ length: 19 }, (_, i) => ({ id: `S${i}`, end: leaveOn[i] ?? null })),
      ...extra,
    ]);
  test("exactly 15% (3 of 20) fails; 2 of 20 passes", () => {
    expect(periods(run([oneTicket(), book(["2023-05-01", "2023-05-02"])]), "C5")).toEqual([]);
    expect(
      periods(run([oneTicket(), book(["2023-05-01", "2023-05-02", "2023-06-30"])]), "C5")
    ).toEqual(["2023-Q2"]);
  });

  test("a leaver on the quarter's last day counts in that quarter, the day after in the next", () => {
    const lastDay = run([oneTicket(), book(["2023-04-01", "2023-05-02", "2023-06-30"])]);
    expect(periods(lastDay, "C5")).toEqual(["2023-Q2"]);
    const nextDay = run([oneTicket(), book(["2023-04-01", "2023-05-02", "2023-07-01"])]);
    expect(periods(nextDay, "C5")).toEqual([]);
  });

  test("headcount on the quarter's first service day: someone starting later does not count", () => {
    // Q1 begins on the first service day, 2023-01-23: 20 there, 3 leave → 15%
    const s = run([oneTicket(), book(["2023-02-01", "2023-02-02", "2023-03-31"])]);
    expect(periods(s, "C5")).toEqual(["2023-Q1"]);
    // a 21st who starts on 2023-01-24 is not in Q1's headcount (3 of 20 still)
    const late = run([
      oneTicket(),
      book(["2023-02-01", "2023-02-02", "2023-03-31"], [{ id: "NEW", start: "2023-01-24" }]),
    ]);
    expect(periods(late, "C5")).toEqual(["2023-Q1"]);
    // one on 2023-01-23 is (3 of 21: 14.3%)
    const onTime = run([
      oneTicket(),
      book(["2023-02-01", "2023-02-02", "2023-03-31"], [{ id: "NEW", start: "2023-01-23" }]),
    ]);
    expect(periods(onTime, "C5")).toEqual([]);
  });

  test("a quarter not over by asOf is not judged", () => {
    const s = run([oneTicket(), book(["2023-05-01", "2023-05-02", "2023-05-03"])], {
      asOf: "2023-06-29",
    });
    expect(periods(s, "C5")).toEqual([]);
  });
});

describe("C6 服务投诉: the window's ends", () => {
  test("the first service day and asOf count; the day after asOf is not yet known", () => {
    const s = run(
      [
        oneTicket(),
        sheet(
          "服务投诉",
          ["日期", "工号", "类型", "核实结果"],
          [
            ["2023-01-23", "S1", "业务", "属实"],
            ["2023-06-30", "S2", "业务", "属实"],
            ["2023-07-01", "S3", "业务", "属实"],
          ]
        ),
      ],
      { asOf: "2023-06-30" }
    );
    expect(subjects(s, "C6")).toEqual(["S1", "S2"]);
  });
});

describe("C6 服务投诉", () => {
  const complaints = (rows: [string, string, string][]) =>
    sheet(
      "服务投诉",
      ["日期", "工号", "类型", "核实结果", "事项"],
      rows.map(([d, kind, verdict]) => [d, "S1", kind, verdict, "x"])
    );
  test("属实 and 部分属实 in the window are findings; 不属实, 核实中 and dates outside are not", () => {
    const s = run([
      oneTicket(),
      complaints([
        ["2023-03-01", "业务", "属实"],
        ["2023-03-02", "服务态度", "部分属实"],
        ["2023-03-03", "业务", "不属实"],
        ["2023-03-04", "业务", "核实中"],
        ["2023-01-22", "业务", "属实"],
      ]),
    ]);
    expect(findings(s, "C6").map((f) => f.message.slice(0, 10))).toEqual([
      "2023-03-01",
      "2023-03-02",
    ]);
    expect(findings(s, "C6")[1].message).toContain("服务态度投诉");
    expect(findings(s, "C6").map((f) => f.subject)).toEqual(["S1", "S1"]);
    expect(findings(s, "C6")[0].message).not.toContain("服务态度");
  });
});

describe("C7 7×24 值守", () => {
  const roster = (shifts: [string, string][]) =>
    sheet(
      "排班",
      ["工号", "开始时间", "结束时间"],
      shifts.map(([a, b]) => ["S1", a, b])
    );
  test("back-to-back shifts cover the window; an hour between two shifts is one gap", () => {
    const asOf = "2023-01-24";
    const people = staff([manager, { id: "S1" }]);
    const full = run(
      [
        oneTicket(),
        people,
        roster([
          ["2023-01-23 00:00", "2023-01-23 12:00"],
          ["2023-01-23 12:00", "2023-01-24 00:00"],
          ["2023-01-24 00:00", "2023-01-25 00:00"],
        ]),
      ],
      { asOf }
    );
    expect(findings(full, "C7")).toEqual([]);
    const gap = run(
      [
        oneTicket(),
        people,
        roster([
          ["2023-01-23 00:00", "2023-01-23 12:00"],
          ["2023-01-23 13:00", "2023-01-25 00:00"],
        ]),
      ],
      { asOf }
    );
    expect(findings(gap, "C7")).toHaveLength(1);
    expect(findings(gap, "C7")[0].message).toContain("12:00");
  });
});

describe("C7: who is on duty, and the window's ends", () => {
  const roster = (shifts: [string, string, string][]) =>
    sheet("排班", ["工号", "开始时间", "结束时间"], shifts);
  const people = staff([manager, { id: "S1" }, { id: "S2" }]);
  const asOf = "2023-01-24";
  test("one person's overlapping rows count once: two on duty needs two people", () => {
    const shifts: [string, string, string][] = [
      ["S1", "2023-01-23 00:00", "2023-01-25 00:00"],
      ["S1", "2023-01-23 06:00", "2023-01-23 18:00"],
      ["S2", "2023-01-23 00:00", "2023-01-24 12:00"],
    ];
    const two = run([oneTicket(), people, roster(shifts), paramsSheet([["c7.minOnDuty", 2]])], {
      asOf,
    });
    // S2 leaves at 12:00 on the 24th: one person (S1, twice) from then to the end of asOf
    expect(findings(two, "C7").map((f) => f.message)).toEqual([
      "2023-01-24 12:00:00 至 2023-01-25 00:00:00 在岗人数少于 2 人（720 分钟）",
    ]);
    expect(findings(run([oneTicket(), people, roster(shifts)], { asOf }), "C7")).toEqual([]);
  });

  test("the first service minute and the last minute of asOf are judged; shifts outside are clipped", () => {
    const s = run(
      [
        oneTicket(),
        people,
        roster([
          ["S1", "2023-01-22 20:00", "2023-01-23 00:01"],
          ["S2", "2023-01-23 00:02", "2023-01-24 23:59"],
        ]),
      ],
      { asOf }
    );
    expect(findings(s, "C7").map((f) => f.message.split(" 在岗")[0])).toEqual([
      "2023-01-23 00:01:00 至 2023-01-23 00:02:00",
      "2023-01-24 23:59:00 至 2023-01-25 00:00:00",
    ]);
  });

  test("no roster rows at all: the whole window is one gap", () => {
    const s = run([oneTicket(), people, roster([])], { asOf });
    expect(findings(s, "C7").map((f) => f.message.split(" 在岗")[0])).toEqual([
      "2023-01-23 00:00:00 至 2023-01-25 00:00:00",
    ]);
  });
});

describe("C8 人员调换时限", () => {
  const rep = (rows: [string, string, string | null][]) =>
    sheet(
      "人员调换",
      ["通知日期", "被替换工号", "原因", "到位日期"],
      rows.map(([notice, reason, filled], i) => [notice, `X${i}`, reason, filled])
    );
  test("20 natural days: filled on the limit day is in time, the day after is late (a 2% claim)", () => {
    // notified Wed 2023-03-01: limit Tue 2023-03-21
    const s = run([
      oneTicket(),
      rep([
        ["2023-03-01", "不符合要求", "2023-03-21"],
        ["2023-03-01", "不符合要求", "2023-03-22"],
      ]),
    ]);
    expect(subjects(s, "C8")).toEqual(["X1"]);
    expect(claims(s, "C8")).toEqual([["X1", "79999.92"]]);
    expect(s.claims.find((c) => c.ruleId === "C8")!.message).toContain("六.2");
  });

  test("a limit on a Saturday rolls over to Monday", () => {
    // notified Sun 2023-03-05: +20 = Sat 2023-03-25 → Mon 2023-03-27
    const s = run([
      oneTicket(),
      rep([
        ["2023-03-05", "其他", "2023-03-27"],
        ["2023-03-05", "其他", "2023-03-28"],
      ]),
    ]);
    expect(subjects(s, "C8")).toEqual(["X1"]);
  });

  test("未培训上岗: 5 working days, clause 六.3", () => {
    // notified Wed 2023-03-01: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8 → limit 2023-03-08
    const s = run([
      oneTicket(),
      rep([
        ["2023-03-01", "未培训上岗", "2023-03-08"],
        ["2023-03-01", "未培训上岗", "2023-03-09"],
      ]),
    ]);
    expect(subjects(s, "C8")).toEqual(["X1"]);
    expect(s.claims.find((c) => c.ruleId === "C8")!.message).toContain("六.3");
  });

  test("working days skip the statutory holidays: notified before 劳动节 2023", () => {
    // notified Thu 2023-04-27. Working: Fri 4-28, Sun 4-23 was a 调休 workday (before), 4-29 to 5-03
    // are holidays, Sat 5-06 is a 调休 workday: 4-28 (1), 5-04 (2), 5-05 (3), 5-06 (4), 5-08 (5)
    const s = run([
      oneTicket(),
      rep([
        ["2023-04-27", "未培训上岗", "2023-05-08"],
        ["2023-04-27", "未培训上岗", "2023-05-09"],
      ]),
    ]);
    expect(subjects(s, "C8")).toEqual(["X1"]);
  });
});

describe("C9 综治安全", () => {
  test("an incident in the window is a finding; one before the service is not", () => {
    const s = run([
      oneTicket(),
      sheet(
        "安全事故",
        ["日期", "事项"],
        [
          ["2023-01-22", "before"],
          ["2023-01-23", "first day"],
          ["2024-01-22", "last day"],
        ]
      ),
    ]);
    expect(findings(s, "C9").map((f) => f.message)).toEqual([
      "2023-01-23 安全事故：first day",
      "2024-01-22 安全事故：last day",
    ]);
  });
});

describe("C10 全系统培训与宣传 (2 and 1 in the service period)", () => {
  const trainings = (kinds: [string, string][]) =>
    sheet(
      "培训",
      ["日期", "主题", "形式"],
      kinds.map(([d, k], i) => [d, `主题${i}`, k])
    );
  test("two trainings and one publicity event pass; one short of each is a finding of that kind", () => {
    const ok = run([
      oneTicket(),
      trainings([
        ["2023-03-01", "全系统业务培训"],
        ["2023-09-01", "全系统业务培训"],
        ["2023-05-01", "宣传活动"],
      ]),
    ]);
    expect(findings(ok, "C10")).toEqual([]);
    const short = run([
      oneTicket(),
      trainings([
        ["2023-03-01", "全系统业务培训"],
        ["2023-01-22", "全系统业务培训"],
        ["2023-05-01", "培训课"],
      ]),
    ]);
    expect(subjects(short, "C10")).toEqual(["全系统业务培训", "宣传活动"]);
  });

  test("the service period's first and last days count; the day after does not", () => {
    const s = run([
      oneTicket(),
      trainings([
        ["2023-01-23", "全系统业务培训"],
        ["2024-01-22", "全系统业务培训"],
        ["2024-01-23", "宣传活动"],
      ]),
    ]);
    expect(subjects(s, "C10")).toEqual(["宣传活动"]);
  });

  test("judged only once the service period is over", () => {
    const s = run([oneTicket(), trainings([["2023-03-01", "全系统业务培训"]])], {
      asOf: "2024-01-21",
    });
    expect(findings(s, "C10")).toEqual([]);
  });
});
