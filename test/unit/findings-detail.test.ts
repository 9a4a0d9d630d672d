// What a compliance finding says and where it points (issue 13: the C rules' surviving mutants):
// each message as an auditor reads it, each evidence link at the cell behind the finding, worked
// by hand from the rows below (row 1 is the header row).
import path from "path";
import { audit } from "../../src/engine/audit";
import { readXlsx } from "../xlsx";
import { Finding } from "../../src/engine/model";
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

test("every finding of a whole workbook is a finding: rule, message, and evidence that names a cell", () => {
  const r = audit(readXlsx(path.join(__dirname, "..", "fixtures", "year-plain.xlsx")).tables);
  const rules = new Set(r.findings.map((f) => f.ruleId));
  expect(rules.size).toBeGreaterThanOrEqual(8);
  const wrong = r.findings.filter(
    (f) =>
      typeof f !== "object" ||
      !/^(C\d+|P\d|R10)$/.test(f.ruleId) ||
      !f.message ||
      !f.messageEn ||
      !Array.isArray(f.evidence) ||
      f.evidence.some(
        (e) => typeof e !== "object" || !/^[A-Z]+\d+$/.test(e.cell) || !e.sheet || !e.label
      )
  );
  expect(wrong).toEqual([]);
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
