// What a compliance finding says and where it points (issue 13: the C rules' surviving mutants):
// each message as an auditor reads it, each evidence link at the cell behind the finding, worked
// by hand from the rows below (row 1 is the header row).
import { audit } from "../../src/engine/audit";
import { Finding } from "../../src/engine/model";
import { oneTicket, sheet } from "./helpers";

const STAFF = [
  "工号",
  "姓名",
  "岗位",
  "学历",
  "医学相关",
  "入职日期",
  "离职日期",
  "岗前培训日期",
  "上岗考核",
];
const person = (
  id: string,
  name: string | null,
  role: string,
  education: string,
  medical: string
) => [id, name, role, education, medical, "2023-01-01", null, "2023-01-10", "是"];

function findingsOf(ruleId: string, tables: Parameters<typeof audit>[0]): Finding[] {
  return audit(tables).findings.filter((f) => f.ruleId === ruleId);
}

test("C1 names the person, the degree, and points at the 学历 cell; a blank name is left out", () => {
  const staff = sheet("人员", STAFF, [
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
  const staff = sheet("人员", STAFF, [
    person("PM1", "王经理", "项目经理", "本科", "是"),
    person("S2", "李四", "接诉专员", "本科", "否"),
    person("S3", "张三", "接诉专员", "本科", "否"),
  ]);
  const [f] = findingsOf("C2", [oneTicket(), staff]);
  expect(f.message).toBe("医学相关专业 1/3 = 33.33%，低于 50%");
  expect(f.messageEn).toBe("medical majors 1/3 = 33.33%, below 50%");
  expect(f.subject).toBeNull();
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

test("C9 points at the incident's 事项 cell, named by it", () => {
  const incidents = sheet(
    "安全事故",
    ["日期", "事项"],
    [
      ["2023-06-01", "机房断电"],
      ["2023-07-01", null],
    ]
  );
  const f = findingsOf("C9", [oneTicket(), incidents]);
  expect(f.map((x) => [x.message, x.evidence])).toEqual([
    [
      "2023-06-01 安全事故：机房断电",
      [{ sheet: "安全事故", row: 2, cell: "B2", label: "机房断电" }],
    ],
    ["2023-07-01 安全事故：", [{ sheet: "安全事故", row: 3, cell: "B3", label: "第3行" }]],
  ]);
});
