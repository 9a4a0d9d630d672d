// Writes assets/sample/接诉即办-2023-示例.xlsx, the fictitious sample workbook `npm run demo`
// audits: one service year (2023-01-23 … 2024-01-22) of the Chaoyang District Health
// Commission's 接诉即办 hotline contract, as the finance officer keeps it, with a few planted
// breaches (listed in PLANTED below and printed at the end of a run).
//
// Deterministic: a seeded PRNG (mulberry32) written here, no Math.random, no clock, no time
// zone. Date-times are naive Beijing local values held as seconds since 1970-01-01 00:00:00
// computed with Date.UTC only, and written to exceljs as Date objects whose UTC fields are the
// naive value (`new Date(Date.UTC(y, m - 1, d, h, mi, s))`), which is how exceljs stores naive
// Excel dates. The workbook's own timestamps (core.xml and the zip entries) are fixed, so two
// runs give byte-identical files.
//
// Usage: npm run sample [-- OUTPUT.xlsx] [--year 2025] [--planted PLANTED.json]
// Another year (--year): every date of the sample moves by whole years onto that year's real
// calendar (weekends, State Council holidays); the planted breaches move with it and the
// generator's own check (below, independent of the engine) confirms them on the new calendar.

import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";
import chineseDays from "chinese-days/dist/chinese-days.json";
import { shiftContractYear } from "../src/engine/contract-year";
import { DEFAULT_PARAMS } from "../src/engine/params";

/** The contract year (`--year 2025`): the sample's service year starts on 23 January of it. */
const Y = (() => {
  const i = process.argv.indexOf("--year");
  if (i < 0) return 2023;
  const y = Number(process.argv[i + 1]);
  if (!Number.isInteger(y) || y < 2004 || y > 2026)
    throw new Error(
      `--year must be a year the bundled holiday calendar covers (2004–2026): ${process.argv[i + 1]}`
    );
  return y;
})();
const OUTPUT = resolve(__dirname, "..", "assets", "sample", `接诉即办-${Y}-示例.xlsx`);
const SEED = 20230123;

// ───────────────────────────── PRNG ─────────────────────────────

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a label: one independent stream per sheet, so editing one sheet's generator does not reshuffle the others. */
function stream(label: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mulberry32((h ^ SEED) >>> 0);
}

const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rng, p: number): boolean => r() < p;

function weighted<T>(r: Rng, xs: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of xs) total += w;
  let u = r() * total;
  for (const [x, w] of xs) {
    u -= w;
    if (u < 0) return x;
  }
  return xs[xs.length - 1][0];
}

function shuffled<T>(r: Rng, xs: readonly T[]): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ───────────────────────────── naive dates ─────────────────────────────

/** naive local seconds since 1970-01-01 00:00:00 */
type Secs = number;
/** naive local day number since 1970-01-01 */
type Day = number;

const DAY_S = 86400;
const HOUR = 3600;
const MIN = 60;

const day = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d) / 86400000;
const at = (dn: Day, h = 0, mi = 0, s = 0): Secs => dn * DAY_S + h * HOUR + mi * MIN + s;
const dayOf = (t: Secs): Day => Math.floor(t / DAY_S);
const endOfDay = (dn: Day): Secs => at(dn, 23, 59, 59);

function ymd(dn: Day): { y: number; m: number; d: number } {
  const x = new Date(dn * 86400000);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

const p2 = (n: number): string => String(n).padStart(2, "0");
const fmtDay = (dn: Day): string => {
  const { y, m, d } = ymd(dn);
  return `${y}-${p2(m)}-${p2(d)}`;
};
const fmtTime = (t: Secs): string => {
  const s = ((t % DAY_S) + DAY_S) % DAY_S;
  return `${fmtDay(dayOf(t))} ${p2(Math.floor(s / HOUR))}:${p2(Math.floor((s % HOUR) / MIN))}:${p2(s % MIN)}`;
};
const monthKey = (dn: Day): string => fmtDay(dn).slice(0, 7);
const weekday = (dn: Day): number => (((dn + 4) % 7) + 7) % 7; // 0 = Sunday

/** The value exceljs writes as a naive Excel date-time: UTC fields = the naive value. */
function xl(t: Secs): Date {
  const dn = dayOf(t);
  const { y, m, d } = ymd(dn);
  const s = t - dn * DAY_S;
  return new Date(
    Date.UTC(y, m - 1, d, Math.floor(s / HOUR), Math.floor((s % HOUR) / MIN), s % MIN)
  );
}
const xlDay = (dn: Day): Date => xl(at(dn));

// State Council calendar (法定节假日 and 调休), the same bundled data the engine uses.
const calendar = chineseDays as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const isHoliday = (dn: Day): boolean => fmtDay(dn) in calendar.holidays;
const isMakeUp = (dn: Day): boolean => fmtDay(dn) in calendar.workdays;
const isWorkday = (dn: Day): boolean =>
  isMakeUp(dn) || (!isHoliday(dn) && weekday(dn) !== 0 && weekday(dn) !== 6);
const rollOver = (dn: Day): Day => {
  let d = dn;
  while (!isWorkday(d)) d++;
  return d;
};
const nextWorkday = (dn: Day): Day => rollOver(dn + 1);
const shiftKind = (dn: Day): "日常" | "周末" | "节假日" =>
  isWorkday(dn) ? "日常" : isHoliday(dn) ? "节假日" : "周末";

// ───────────────────────────── the contract year ─────────────────────────────

const SERVICE_START = day(Y, 1, 23);
const SERVICE_END = day(Y + 1, 1, 22);
/** The officer's export: nothing after the end of the service year is recorded yet. */
const DATA_END: Secs = endOfDay(SERVICE_END);
const FIXED_TIMESTAMP = new Date(Date.UTC(Y + 1, 0, 23, 8, 30, 0));

/** The months of the window: 2023-01 … 2024-01, each clipped to the window. */
const MONTHS: { key: string; first: Day; last: Day }[] = [];
for (let y = Y, m = 1; y < Y + 1 || m <= 1; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
  MONTHS.push({
    key: `${y}-${p2(m)}`,
    first: Math.max(day(y, m, 1), SERVICE_START),
    last: Math.min(day(y, m + 1, 1) - 1, SERVICE_END),
  });
}

// The breaches this sample plants — the audit should find exactly these.
const PLANTED = {
  /** R1: one ticket received late in the evening and signed the next morning */
  r1Days: [day(Y, 2, 11), day(Y, 5, 2), day(Y, 8, 19), day(Y, 10, 4), day(Y, 12, 16)],
  /** R2: 派单准确 = 否 on more than 10% of the month's forwarded tickets */
  r2Months: [`${Y}-04`, `${Y}-11`],
  /** R3: forwarded tickets closed that month with no call-back or no recording */
  r3Month: `${Y}-06`,
  r3NoRecording: 6,
  r3NoCallback: 2,
  /** R4: more than 10% of the tickets due that month fed back after 办理时限 */
  r4Month: `${Y}-09`,
  /** R5: the month's QA mean score under 90 */
  r5Month: `${Y}-07`,
  /** R6: the one monthly report submitted after its due date */
  r6LateMonthly: `${Y}-08`,
  /** R8: one counted training only (the month's 宣传活动 does not count) */
  r8Month: `${Y}-10`,
  /** C7: the night shift of 2023-07-31 (the rainstorm) started at 21:00 instead of 20:00 */
  c7GapDay: day(Y, 7, 31),
  c7GapStartsAt: 21,
};

// ───────────────────────────── 人员 ─────────────────────────────

type Role = "项目经理" | "接诉专员" | "质检员" | "数据分析师" | "其他";
type Edu = "博士" | "硕士" | "本科" | "大专" | "中专" | "高中及以下";

interface Person {
  id: string;
  name: string;
  role: Role;
  edu: Edu;
  major: string;
  medical: boolean;
  start: Day;
  end: Day | null;
  pretraining: Day | null;
  passed: boolean;
  /** first and last day a roster shift may start (agents only) */
  rosterFrom?: Day;
  rosterTo?: Day;
}

const JAN9 = day(Y, 1, 9);
const JAN16 = day(Y, 1, 16);
const JAN18 = day(Y, 1, 18);
const FIRST_NIGHT = day(Y, 1, 22); // the night shift 2023-01-22 20:00 covers the window's first hours

function person(
  id: string,
  name: string,
  role: Role,
  edu: Edu,
  major: string,
  medical: boolean,
  start = JAN9,
  pretraining: Day | null = JAN18
): Person {
  return { id, name, role, edu, major, medical, start, end: null, pretraining, passed: true };
}

const STAFF: Person[] = [
  person("HX001", "王丽娜", "项目经理", "本科", "护理学", true, JAN9, JAN16),
  person("HX002", "张静", "质检员", "本科", "护理学", true),
  person("HX003", "刘洋", "质检员", "大专", "临床医学", true),
  person("HX004", "陈晨", "数据分析师", "硕士", "统计学", false),
  person("HX005", "杨帆", "接诉专员", "大专", "护理", true),
  person("HX006", "赵敏", "接诉专员", "本科", "预防医学", true),
  person("HX007", "黄磊", "接诉专员", "大专", "计算机应用技术", false),
  person("HX008", "周婷", "接诉专员", "大专", "药学", true),
  person("HX009", "吴昊", "接诉专员", "本科", "汉语言文学", false),
  person("HX010", "徐倩", "接诉专员", "大专", "医学检验技术", true),
  person("HX011", "孙悦", "接诉专员", "本科", "行政管理", false),
  person("HX012", "马超", "接诉专员", "大专", "市场营销", false),
  person("HX013", "朱琳", "接诉专员", "大专", "康复治疗技术", true),
  person("HX014", "胡军", "接诉专员", "中专", "护理", true),
  person("HX015", "郭佳", "接诉专员", "本科", "卫生信息管理", true),
  person("HX016", "何雪", "接诉专员", "大专", "会计", false),
  person("HX017", "高鹏", "接诉专员", "大专", "中医学", true),
  person("HX018", "林晓", "接诉专员", "本科", "法学", false),
  person("HX019", "罗娟", "接诉专员", "大专", "护理", true),
  // hired during the year
  person("HX020", "郑瑶", "接诉专员", "大专", "临床医学", true, day(Y, 8, 21), day(Y, 8, 28)),
  person("HX021", "梁宇", "接诉专员", "本科", "健康服务与管理", true, day(Y, 4, 17), day(Y, 4, 20)),
  person("HX022", "宋佳琪", "接诉专员", "大专", "护理", true, day(Y, 10, 30), day(Y, 11, 2)),
];
const staff = (id: string): Person => {
  const p = STAFF.find((s) => s.id === id);
  if (!p) throw new Error(`no staff ${id}`);
  return p;
};

// Staggered hiring of the first team (one week before the service starts).
STAFF.slice(1, 19).forEach((p, i) => (p.start = JAN9 + (i % 5)));
for (const p of STAFF)
  if (p.role === "接诉专员") p.rosterFrom = p.start < FIRST_NIGHT ? FIRST_NIGHT : p.start;
// HX012 replaced on Party A's notice of 2023-04-10 by HX021 (in place 2023-04-24: in time).
staff("HX012").end = day(Y, 4, 23);
staff("HX021").rosterFrom = day(Y, 4, 24);
// HX009 resigned (Q3); HX020 hired, and rostered from her second day, before her 岗前培训 (C4).
staff("HX009").end = day(Y, 8, 18);
staff("HX020").rosterFrom = day(Y, 8, 22);
// HX016 replaced on Party A's notice of 2023-10-09 by HX022 (in place 2023-11-06: 28 days, late).
staff("HX016").end = day(Y, 11, 5);
staff("HX022").rosterFrom = day(Y, 11, 6);
for (const p of STAFF)
  if (p.rosterFrom !== undefined) p.rosterTo = p.end === null ? SERVICE_END : p.end - 1;

const REPLACEMENTS = [
  {
    notice: day(Y, 4, 10),
    out: "HX012",
    reason: "不符合要求",
    filled: day(Y, 4, 24),
    in: "HX021",
  },
  {
    notice: day(Y, 10, 9),
    out: "HX016",
    reason: "不符合要求",
    filled: day(Y, 11, 6),
    in: "HX022",
  },
];

// ───────────────────────────── 排班 ─────────────────────────────

interface Shift {
  start: Secs;
  end: Secs;
  kind: "日常" | "周末" | "节假日";
  staff: string[];
}

function makeRoster(): Shift[] {
  const r = stream("排班");
  const agents = STAFF.filter((p) => p.rosterFrom !== undefined);
  const count = new Map(agents.map((a) => [a.id, 0]));
  const shifts: Shift[] = [];
  let previous: string[] = [];
  for (let dn = FIRST_NIGHT; dn <= SERVICE_END; dn++) {
    const slots: [Secs, Secs][] = [];
    if (dn >= SERVICE_START) slots.push([at(dn, 8), at(dn, 20)]);
    const nightStart = dn === PLANTED.c7GapDay ? PLANTED.c7GapStartsAt : 20;
    slots.push([at(dn, nightStart), at(dn + 1, 8)]);
    for (const [start, end] of slots) {
      const free = agents.filter(
        (a) => a.rosterFrom! <= dn && dn <= a.rosterTo! && !previous.includes(a.id)
      );
      const ranked = free
        .map((a) => ({ id: a.id, key: count.get(a.id)! + r() * 2.5 }))
        .sort((x, y) => x.key - y.key);
      const on = ranked
        .slice(0, 2)
        .map((x) => x.id)
        .sort();
      if (on.length < 2) throw new Error(`not enough staff on ${fmtDay(dn)}`);
      for (const id of on) count.set(id, count.get(id)! + 1);
      shifts.push({ start, end, kind: shiftKind(dn), staff: on });
      previous = on;
    }
  }
  return shifts;
}

// ───────────────────────────── 工单 ─────────────────────────────

type RequestType = "投诉" | "求助" | "咨询" | "建议" | "举报" | "表扬";

interface Category {
  name: string;
  industry: string;
  dept: string;
  weight: number;
  /** multiplier by month (1–12) */
  season?: (month: number, year: number) => number;
  types: [RequestType, number][];
  texts: string[];
}

const HOSPITALS = [
  "辖区某三级医院",
  "辖区某二级医院",
  "辖区某民营医院",
  "辖区某专科医院",
  "辖区某中西医结合医院",
  "辖区某社区卫生服务中心",
];
const CLINICS = [
  "内科",
  "外科",
  "儿科",
  "妇科",
  "眼科",
  "口腔科",
  "皮肤科",
  "骨科",
  "耳鼻喉科",
  "急诊科",
  "心内科",
  "消化内科",
];
const STREETS = [
  "三里屯街道",
  "望京街道",
  "双井街道",
  "劲松街道",
  "潘家园街道",
  "亚运村街道",
  "小关街道",
  "麦子店街道",
  "团结湖街道",
  "八里庄街道",
  "呼家楼街道",
  "建外街道",
  "朝外街道",
  "酒仙桥街道",
  "大屯街道",
  "奥运村街道",
  "安贞街道",
  "和平街街道",
  "左家庄街道",
  "香河园街道",
  "六里屯街道",
  "十八里店地区",
  "来广营地区",
  "常营地区",
  "东坝地区",
  "管庄地区",
  "豆各庄地区",
  "南磨房地区",
  "高碑店地区",
  "太阳宫地区",
];
const VACCINES = [
  "乙肝疫苗",
  "百白破疫苗",
  "麻腮风疫苗",
  "流感疫苗",
  "水痘疫苗",
  "23价肺炎疫苗",
  "HPV疫苗",
  "带状疱疹疫苗",
];
const DISEASES = ["诺如病毒感染", "水痘", "手足口病", "流感", "疱疹性咽峡炎"];
const VENUES = ["写字楼", "餐厅", "网吧", "KTV", "酒店大堂", "商场"];

const CATEGORIES: Category[] = [
  // 医政医管科
  {
    name: "医疗服务/预约挂号",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 9,
    types: [
      ["求助", 3],
      ["投诉", 2],
      ["建议", 1],
    ],
    texts: [
      "来电人反映{hosp}{clinic}号源紧张，连续多日在预约平台挂不上号，希望增加号源。",
      "来电人反映通过电话预约{hosp}{clinic}门诊一直占线，希望医院增加预约渠道。",
      "来电人反映{hosp}{clinic}专家号放号后很快约满，怀疑有号贩子倒号，希望核查。",
    ],
  },
  {
    name: "医疗服务/服务态度",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 8,
    types: [["投诉", 1]],
    texts: [
      "来电人反映在{hosp}{clinic}就诊时医生态度冷淡、解释不耐心，要求医院核实处理。",
      "来电人反映{hosp}导诊台工作人员推诿，询问检查地点无人答复，要求改进服务。",
      "来电人反映陪同老人在{hosp}{clinic}就诊，护士语气生硬，希望加强服务管理。",
    ],
  },
  {
    name: "医疗服务/医疗纠纷",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 4,
    types: [
      ["投诉", 3],
      ["咨询", 2],
    ],
    texts: [
      "来电人反映其家属在{hosp}手术后恢复不佳，对诊疗过程有异议，咨询医疗纠纷调解途径。",
      "来电人反映在{hosp}{clinic}治疗后症状加重，怀疑存在误诊，要求医院给出说法。",
    ],
  },
  {
    name: "医疗服务/病历复印",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 3,
    types: [["咨询", 1]],
    texts: [
      "来电人咨询{hosp}病历复印需要携带哪些材料，能否委托家属代办。",
      "来电人反映在{hosp}申请复印住院病历被告知需等待两周，希望尽快办理。",
    ],
  },
  {
    name: "医疗服务/医疗收费",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 4,
    types: [
      ["投诉", 3],
      ["咨询", 1],
    ],
    texts: [
      "来电人反映在{hosp}就诊时收费明细与实际检查项目不符，要求核实并退费。",
      "来电人反映{hosp}{clinic}开具的检查项目过多，怀疑过度医疗，要求核查。",
    ],
  },
  {
    name: "医疗服务/发热门诊",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 2,
    season: (m, y) => (y === Y && m <= 2 ? 6 : m >= 11 ? 2 : 1),
    types: [
      ["投诉", 2],
      ["求助", 2],
      ["建议", 1],
    ],
    texts: [
      "来电人反映{hosp}发热门诊排队时间过长，候诊超过三小时，希望增加诊室和医生。",
      "来电人反映{hosp}发热门诊退烧药缺货，希望协调药品供应。",
    ],
  },
  {
    name: "医疗服务/儿科就诊",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 2,
    season: (m) => (m >= 10 || m === 1 ? 4 : 1),
    types: [
      ["求助", 2],
      ["投诉", 2],
      ["建议", 1],
    ],
    texts: [
      "来电人反映{hosp}儿科夜间急诊候诊人数多，孩子高烧等候时间过长，希望增加儿科医生。",
      "来电人反映孩子咳嗽发烧，{hosp}儿科输液室排队拥挤，希望增加接诊力量。",
    ],
  },
  {
    name: "医疗服务/院前急救",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 1,
    types: [
      ["投诉", 1],
      ["咨询", 1],
    ],
    texts: [
      "来电人反映拨打120后救护车到达时间较长，要求核实派车情况。",
      "来电人咨询非急救转运服务的预约方式及收费标准。",
    ],
  },
  {
    name: "医疗服务/表扬",
    industry: "医疗卫生",
    dept: "医政医管科",
    weight: 1.5,
    types: [["表扬", 1]],
    texts: [
      "来电人表扬{hosp}{clinic}医护人员认真负责，对其家属悉心照顾，希望予以表扬。",
      "来电人表扬{hosp}{clinic}医生耐心细致，及时为其调整治疗方案。",
    ],
  },
  // 基层卫生科
  {
    name: "基层卫生/家庭医生签约",
    industry: "基层卫生",
    dept: "基层卫生科",
    weight: 4,
    types: [
      ["咨询", 3],
      ["求助", 1],
    ],
    texts: [
      "来电人咨询如何与{street}社区卫生服务站签约家庭医生，签约后有哪些服务。",
      "来电人反映签约的家庭医生联系不上，希望{street}社区卫生服务中心安排回访。",
    ],
  },
  {
    name: "基层卫生/社区药品配备",
    industry: "基层卫生",
    dept: "基层卫生科",
    weight: 4,
    types: [
      ["求助", 2],
      ["建议", 2],
    ],
    texts: [
      "来电人反映{street}社区卫生服务中心常用慢病药经常缺货，希望增加药品配备。",
      "来电人建议{street}社区卫生服务站开具长期处方，方便慢病老人取药。",
    ],
  },
  {
    name: "基层卫生/开诊时间",
    industry: "基层卫生",
    dept: "基层卫生科",
    weight: 2,
    types: [["投诉", 1]],
    texts: [
      "来电人反映{street}社区卫生服务站未按公示时间开诊，到站后无人接诊。",
      "来电人反映{street}社区卫生服务中心周末不开诊，就医不便，希望调整。",
    ],
  },
  // 疾病预防控制科
  {
    name: "疾病预防/疫苗接种",
    industry: "公共卫生",
    dept: "疾病预防控制科",
    weight: 7,
    season: (m) => (m >= 9 && m <= 11 ? 1.6 : 1),
    types: [
      ["咨询", 4],
      ["求助", 1],
    ],
    texts: [
      "来电人咨询在{street}社区卫生服务中心接种{vaccine}如何预约、需携带哪些材料。",
      "来电人反映{street}社区卫生服务中心{vaccine}预约不上，希望增加接种名额。",
    ],
  },
  {
    name: "疾病预防/新冠疫苗",
    industry: "公共卫生",
    dept: "疾病预防控制科",
    weight: 2,
    season: (m, y) => (y === Y && m <= 5 ? 2 : 0.2),
    types: [["咨询", 1]],
    texts: [
      "来电人咨询新冠病毒疫苗加强免疫的接种点和开放时间。",
      "来电人咨询感染新冠后多久可以接种第二剂加强针。",
    ],
  },
  {
    name: "疾病预防/犬伤处置",
    industry: "公共卫生",
    dept: "疾病预防控制科",
    weight: 3,
    season: (m) => (m >= 5 && m <= 9 ? 1.5 : 1),
    types: [
      ["咨询", 2],
      ["求助", 1],
    ],
    texts: [
      "来电人被犬只抓伤，咨询辖区狂犬病暴露处置门诊的位置及开诊时间。",
      "来电人反映{street}狂犬疫苗接种门诊夜间不接诊，希望增加夜间服务。",
    ],
  },
  {
    name: "疾病预防/传染病防控",
    industry: "公共卫生",
    dept: "疾病预防控制科",
    weight: 2,
    types: [
      ["求助", 1],
      ["建议", 1],
    ],
    texts: [
      "来电人反映{street}某幼儿园出现多例{disease}病例，担心传播，希望相关部门做好防控。",
      "来电人反映{street}某小区有{disease}病例，希望对公共区域进行消毒。",
    ],
  },
  {
    name: "疾病预防/病媒生物防制",
    industry: "公共卫生",
    dept: "疾病预防控制科",
    weight: 2,
    season: (m) => (m >= 5 && m <= 9 ? 2 : 0.5),
    types: [
      ["求助", 2],
      ["投诉", 1],
    ],
    texts: [
      "来电人反映{street}某小区垃圾站周边蚊蝇、老鼠较多，希望开展病媒生物消杀。",
      "来电人反映{street}某餐饮街后巷鼠患严重，希望组织灭鼠。",
    ],
  },
  // 妇幼健康科
  {
    name: "妇幼保健/出生医学证明",
    industry: "妇幼保健",
    dept: "妇幼健康科",
    weight: 4,
    types: [
      ["咨询", 3],
      ["求助", 1],
    ],
    texts: [
      "来电人咨询孩子出生医学证明信息填写错误如何办理变更。",
      "来电人咨询出生医学证明遗失后补发需要哪些材料、在哪里办理。",
    ],
  },
  {
    name: "妇幼保健/孕产期保健",
    industry: "妇幼保健",
    dept: "妇幼健康科",
    weight: 3,
    types: [
      ["咨询", 2],
      ["求助", 1],
    ],
    texts: [
      "来电人咨询在{hosp}建档需要哪些材料，非京籍孕妇能否建档。",
      "来电人反映{street}社区卫生服务中心孕检建册预约困难，希望协调。",
    ],
  },
  {
    name: "妇幼保健/儿童保健",
    industry: "妇幼保健",
    dept: "妇幼健康科",
    weight: 3,
    types: [
      ["求助", 2],
      ["咨询", 1],
    ],
    texts: [
      "来电人反映{street}社区卫生服务中心儿童体检预约困难，希望增加体检名额。",
      "来电人咨询儿童入托体检的办理地点和所需材料。",
    ],
  },
  {
    name: "妇幼保健/托育服务",
    industry: "妇幼保健",
    dept: "妇幼健康科",
    weight: 1,
    types: [
      ["咨询", 2],
      ["建议", 1],
    ],
    texts: [
      "来电人咨询{street}普惠托育机构名单及收费标准。",
      "来电人建议在{street}增设社区托育点，方便双职工家庭。",
    ],
  },
  // 综合监督所
  {
    name: "卫生监督/非法行医",
    industry: "卫生监督",
    dept: "综合监督所",
    weight: 2.5,
    types: [["举报", 1]],
    texts: [
      "来电人举报{street}某小区内有人无证开设诊所，从事输液等医疗活动。",
      "来电人举报{street}某养生馆以理疗为名开展针灸、放血等医疗行为。",
    ],
  },
  {
    name: "卫生监督/医疗美容",
    industry: "卫生监督",
    dept: "综合监督所",
    weight: 2,
    season: (m) => (m >= 4 && m <= 8 ? 1.5 : 1),
    types: [
      ["举报", 2],
      ["投诉", 1],
    ],
    texts: [
      "来电人反映在{street}某美容机构接受注射美容后出现红肿，怀疑该机构无医疗美容资质。",
      "来电人举报{street}某工作室非医务人员从事光电美容项目。",
    ],
  },
  {
    name: "卫生监督/控烟",
    industry: "卫生监督",
    dept: "综合监督所",
    weight: 3,
    types: [["举报", 1]],
    texts: [
      "来电人反映{street}某{venue}室内有人吸烟，场所经营者未劝阻。",
      "来电人举报{street}某{venue}未张贴禁烟标识，室内烟味严重。",
    ],
  },
  {
    name: "卫生监督/公共场所卫生",
    industry: "卫生监督",
    dept: "综合监督所",
    weight: 2,
    season: (m) => (m >= 6 && m <= 8 ? 2 : 1),
    types: [
      ["举报", 1],
      ["投诉", 1],
    ],
    texts: [
      "来电人反映{street}某游泳馆池水浑浊、有异味，怀疑水质不达标。",
      "来电人反映{street}某酒店床单未及时更换，卫生状况差。",
    ],
  },
  {
    name: "卫生监督/生活饮用水",
    industry: "卫生监督",
    dept: "综合监督所",
    weight: 1.5,
    types: [
      ["求助", 1],
      ["投诉", 1],
    ],
    texts: [
      "来电人反映{street}某小区二次供水水质发黄，希望检测水质。",
      "来电人反映{street}某小区自来水有异味，希望相关部门检测。",
    ],
  },
  // 老龄健康科
  {
    name: "老龄健康/老年人就医",
    industry: "老龄健康",
    dept: "老龄健康科",
    weight: 2.5,
    types: [
      ["建议", 2],
      ["投诉", 1],
    ],
    texts: [
      "来电人反映{hosp}老年人不会使用自助机挂号，希望保留人工窗口。",
      "来电人建议{hosp}为高龄老人设置就医绿色通道。",
    ],
  },
  {
    name: "老龄健康/医养结合",
    industry: "老龄健康",
    dept: "老龄健康科",
    weight: 1.5,
    types: [["咨询", 1]],
    texts: [
      "来电人咨询辖区医养结合机构名单和入住条件。",
      "来电人咨询{street}居家失能老人能否申请上门医疗服务。",
    ],
  },
  {
    name: "老龄健康/老年人健康体检",
    industry: "老龄健康",
    dept: "老龄健康科",
    weight: 2,
    season: (m) => (m >= 4 && m <= 10 ? 1.5 : 0.8),
    types: [["咨询", 1]],
    texts: [
      "来电人咨询65岁以上老年人免费健康体检的时间和地点。",
      "来电人反映{street}社区卫生服务中心老年人体检通知不到位，错过了体检时间。",
    ],
  },
  // 其他科室
  {
    name: "人口家庭/计划生育奖励扶助",
    industry: "人口家庭",
    dept: "人口监测与家庭发展科",
    weight: 2,
    types: [["咨询", 1]],
    texts: [
      "来电人咨询独生子女父母奖励费的申领条件及办理地点。",
      "来电人咨询计划生育特殊家庭扶助金的发放时间。",
    ],
  },
  {
    name: "中医药/中医诊疗",
    industry: "医疗卫生",
    dept: "中医科",
    weight: 1,
    types: [
      ["投诉", 1],
      ["咨询", 1],
    ],
    texts: [
      "来电人反映{street}某中医诊所艾灸理疗收费过高，希望核查。",
      "来电人咨询辖区哪些医疗机构提供中医治未病服务。",
    ],
  },
  {
    name: "职业健康/职业病防治",
    industry: "公共卫生",
    dept: "职业健康科",
    weight: 1,
    types: [
      ["咨询", 2],
      ["投诉", 1],
    ],
    texts: [
      "来电人咨询职业病诊断需要哪些材料，辖区哪家机构可以做职业健康检查。",
      "来电人反映所在单位未组织接触粉尘岗位员工进行职业健康检查。",
    ],
  },
];

function fillText(r: Rng, template: string): string {
  return template
    .replace("{hosp}", pick(r, HOSPITALS))
    .replace("{clinic}", pick(r, CLINICS))
    .replace("{street}", pick(r, STREETS))
    .replace("{vaccine}", pick(r, VACCINES))
    .replace("{disease}", pick(r, DISEASES))
    .replace("{venue}", pick(r, VENUES));
}

const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "156",
  "157",
  "158",
  "159",
  "166",
  "176",
  "177",
  "180",
  "181",
  "182",
  "183",
  "185",
  "186",
  "187",
  "188",
  "189",
  "199",
];

function makeCallers(r: Rng, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const last4 = String(int(r, 0, 9999)).padStart(4, "0");
    const v = chance(r, 0.07) ? `010-****${last4}` : `${pick(r, MOBILE_PREFIXES)}****${last4}`;
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** Weights of the hour a ticket arrives from the city platform. */
const HOUR_WEIGHTS = [
  0.4, 0.25, 0.2, 0.15, 0.15, 0.25, 0.6, 1.5, 3.5, 5, 5.2, 4.8, 3.2, 3.8, 4.8, 4.8, 4.5, 4, 3, 2.6,
  2.2, 1.8, 1.2, 0.7,
].map((w, h) => [h, w] as const);

interface Ticket {
  id: string;
  received: Secs;
  signed: Secs | null;
  forwarded: Secs | null;
  dept: string | null;
  correct: boolean | null;
  type: RequestType;
  category: string;
  industry: string;
  key: boolean;
  due: Secs;
  late: boolean;
  feedback: Secs | null;
  closed: Secs | null;
  callback: Secs | null;
  recording: boolean | null;
  resolved: boolean | null;
  satisfaction: "满意" | "基本满意" | "不满意" | null;
  caller: string;
  content: string;
}

function ticketsPerDay(r: Rng, dn: Day): number {
  const { y, m } = ymd(dn);
  const busy = (y === Y && m <= 2) || m >= 11 ? 3 : 0;
  return isWorkday(dn) ? Math.min(35, int(r, 21, 30) + busy) : int(r, 20, 24) + (busy ? 1 : 0);
}

function makeTickets(): Ticket[] {
  const r = stream("工单");
  const callers = makeCallers(r, 30000);
  const tickets: Ticket[] = [];
  const r1 = new Set(PLANTED.r1Days);
  for (let dn = SERVICE_START; dn <= SERVICE_END; dn++) {
    const { y, m, d } = ymd(dn);
    const n = ticketsPerDay(r, dn);
    const times: Secs[] = [];
    for (let i = 0; i < n; i++) {
      const h = weighted(r, HOUR_WEIGHTS);
      times.push(at(dn, h, int(r, 0, h === 23 ? 54 : 59), int(r, 0, 59)));
    }
    times.sort((a, b) => a - b);
    if (r1.has(dn)) {
      const late = Math.max(times[n - 1], at(dn, 22, 40));
      times[n - 1] = late + int(r, 60, Math.max(60, at(dn, 23, 50) - late));
    }
    const cats = CATEGORIES.map((c) => [c, c.weight * (c.season ? c.season(m, y) : 1)] as const);
    times.forEach((received, i) => {
      const cat = weighted(r, cats);
      const type = weighted(r, cat.types);
      const overnight = r1.has(dn) && i === n - 1;
      // 咨询 answered on the spot by the hotline team are not forwarded to a department.
      const direct = !overnight && type === "咨询" && chance(r, 0.12);
      let sign = weighted(r, [
        [int(r, 2 * MIN, 30 * MIN), 80],
        [int(r, 30 * MIN, 50 * MIN), 16],
        [int(r, 50 * MIN, 150 * MIN), 4],
      ]);
      let fwd = direct ? 0 : int(r, 2 * MIN, 15 * MIN);
      const room = endOfDay(dn) - received - 30;
      if (sign + fwd > room) {
        const f = room / (sign + fwd);
        sign = Math.max(1, Math.floor(sign * f));
        fwd = direct ? 0 : Math.max(1, Math.floor(fwd * f));
      }
      let signed = received + sign;
      let forwarded: Secs | null = direct ? null : signed + fwd;
      if (overnight) {
        signed = at(dn + 1, 8, int(r, 5, 50), int(r, 0, 59));
        forwarded = signed + int(r, 5 * MIN, 20 * MIN);
      }
      // a few frequent callers (一人多反映), most people call once or twice
      const caller = chance(r, 0.12)
        ? callers[Math.floor(300 * Math.pow(r(), 1.5))]
        : callers[300 + Math.floor((callers.length - 300) * r())];
      tickets.push({
        id: `GD${y}${p2(m)}${p2(d)}${String(i + 1).padStart(4, "0")}`,
        received,
        signed,
        forwarded,
        dept: direct ? null : cat.dept,
        correct: null,
        type,
        category: cat.name,
        industry: cat.industry,
        key: chance(r, cat.name === "医疗服务/医疗纠纷" ? 0.2 : 0.025),
        due: endOfDay(dn + 7),
        late: false,
        feedback: null,
        closed: null,
        callback: null,
        recording: null,
        resolved: null,
        satisfaction: null,
        caller,
        content: fillText(r, pick(r, cat.texts)),
      });
    });
  }

  // R4: a few late feedbacks every month, more than 10% in the planted month (by 办理时限 month).
  const rl = stream("工单/反馈");
  for (const month of MONTHS) {
    const pool = tickets.filter(
      (t) => t.forwarded !== null && monthKey(dayOf(t.due)) === month.key
    );
    const rate =
      month.key === PLANTED.r4Month
        ? 0.125 + rl() * 0.02
        : month.key === `${Y + 1}-01`
          ? 0
          : 0.004 + rl() * 0.02;
    const k =
      month.key === PLANTED.r4Month
        ? Math.ceil(pool.length * rate)
        : Math.round(pool.length * rate);
    for (const t of shuffled(rl, pool).slice(0, k)) t.late = true;
  }

  // feedback → closed → call-back, in office hours
  for (const t of tickets) {
    const dn = dayOf(t.received);
    if (t.forwarded === null) {
      t.feedback = t.signed! + int(rl, 10 * MIN, 60 * MIN);
    } else if (t.late) {
      t.feedback = at(dayOf(t.due) + int(rl, 1, 3), int(rl, 9, 17), int(rl, 0, 59), int(rl, 0, 59));
    } else {
      const k = weighted(rl, [
        [1, 15],
        [2, 20],
        [3, 22],
        [4, 18],
        [5, 13],
        [6, 12],
      ] as const);
      t.feedback = at(
        dn + (t.key ? Math.min(k, 3) : k),
        int(rl, 9, 17),
        int(rl, 0, 59),
        int(rl, 0, 59)
      );
      if (t.feedback <= t.forwarded) t.feedback = t.forwarded + int(rl, HOUR, 3 * HOUR);
    }
    t.closed =
      t.feedback +
      weighted(rl, [
        [int(rl, 10 * MIN, 2 * HOUR), 60],
        [int(rl, 2 * HOUR, 8 * HOUR), 30],
        [int(rl, 8 * HOUR, 20 * HOUR), 10],
      ]);
    // call-back the same or the next day between 09:00 and 20:00, at least 30 minutes after closing
    let cb = at(dayOf(t.closed), int(rl, 9, 19), int(rl, 0, 59), int(rl, 0, 59));
    if (cb < t.closed + 30 * MIN)
      cb = at(dayOf(t.closed) + 1, int(rl, 9, 19), int(rl, 0, 59), int(rl, 0, 59));
    t.callback = cb;
    t.recording = true;
    t.resolved = t.type === "表扬" || t.type === "咨询" ? chance(rl, 0.97) : chance(rl, 0.8);
    t.satisfaction =
      t.type === "表扬"
        ? "满意"
        : t.resolved
          ? weighted(rl, [
              ["满意", 75],
              ["基本满意", 22],
              ["不满意", 3],
            ] as const)
          : weighted(rl, [
              ["满意", 15],
              ["基本满意", 40],
              ["不满意", 45],
            ] as const);
  }

  // R3: in the planted month, some call-backs without a recording and a couple never made.
  const r3 = stream("工单/回访");
  const june = shuffled(
    r3,
    tickets.filter((t) => t.forwarded !== null && monthKey(dayOf(t.closed!)) === PLANTED.r3Month)
  );
  june.slice(0, PLANTED.r3NoRecording).forEach((t) => (t.recording = false));
  june.slice(PLANTED.r3NoRecording, PLANTED.r3NoRecording + PLANTED.r3NoCallback).forEach((t) => {
    t.callback = null;
    t.recording = null;
    t.resolved = null;
    t.satisfaction = null;
  });

  // R2: 派单准确 by the month of 转派时间 — 2–6% returned, more than 10% in the planted months.
  const r2 = stream("工单/派单");
  for (const month of MONTHS) {
    const pool = tickets.filter(
      (t) => t.forwarded !== null && monthKey(dayOf(t.forwarded)) === month.key
    );
    const bad = PLANTED.r2Months.includes(month.key);
    const k = bad
      ? Math.ceil(pool.length * (0.11 + r2() * 0.025))
      : Math.round(pool.length * (0.02 + r2() * 0.04));
    const wrong = new Set(shuffled(r2, pool).slice(0, k));
    for (const t of pool) t.correct = !wrong.has(t);
  }

  // The export: nothing after the end of the service year is recorded yet.
  for (const t of tickets) {
    if (t.feedback !== null && t.feedback > DATA_END) t.feedback = null;
    if (t.closed !== null && (t.feedback === null || t.closed > DATA_END)) t.closed = null;
    if (t.callback !== null && (t.closed === null || t.callback > DATA_END)) {
      t.callback = null;
      t.recording = null;
      t.resolved = null;
      t.satisfaction = null;
    }
  }
  return tickets;
}

// ───────────────────────────── 质检 ─────────────────────────────

interface QaSample {
  date: Day;
  staff: string;
  ticket: string;
  score: number;
}

function shiftAt(roster: Shift[], t: Secs): Shift | undefined {
  return roster.find((s) => s.start <= t && t < s.end) ?? roster.find((s) => s.start > t);
}

function makeQa(tickets: Ticket[], roster: Shift[]): QaSample[] {
  const r = stream("质检");
  const out: QaSample[] = [];
  const byDay = new Map<Day, Ticket[]>();
  for (const t of tickets) {
    const dn = dayOf(t.received);
    if (!byDay.has(dn)) byDay.set(dn, []);
    byDay.get(dn)!.push(t);
  }
  for (const month of MONTHS) {
    const workdays: Day[] = [];
    for (let dn = Math.max(month.first, SERVICE_START + 3); dn <= month.last; dn++)
      if (isWorkday(dn)) workdays.push(dn);
    const n = month.key === `${Y}-01` ? 8 : int(r, 8, 18);
    const bad = month.key === PLANTED.r5Month;
    let scores: number[] = [];
    for (;;) {
      scores = Array.from({ length: n }, () =>
        bad
          ? weighted(r, [
              [int(r, 85, 88), 55],
              [int(r, 89, 93), 45],
            ])
          : weighted(r, [
              [int(r, 86, 89), 12],
              [int(r, 90, 95), 58],
              [int(r, 96, 99), 30],
            ])
      );
      const mean = scores.reduce((a, b) => a + b, 0) / n;
      if (bad ? mean < 89.5 : mean >= 91) break;
    }
    const dates = Array.from({ length: n }, () => pick(r, workdays)).sort((a, b) => a - b);
    dates.forEach((date, i) => {
      const from = Math.max(SERVICE_START, date - 7);
      const ticket = pick(r, byDay.get(int(r, from, date - 1))!);
      const shift = shiftAt(roster, ticket.received)!;
      out.push({ date, staff: pick(r, shift.staff), ticket: ticket.id, score: scores[i] });
    });
  }
  return out;
}

// ───────────────────────────── 培训 ─────────────────────────────

type TrainingKind = "培训课" | "复盘会" | "质检总结会" | "全系统业务培训" | "宣传活动" | "其他";
interface Training {
  date: Day;
  topic: string;
  kind: TrainingKind;
  attendees: number;
}

const COURSES = [
  "接诉即办工单签收与派发规范",
  "市民热线诉求分类与派单要点",
  "医疗纠纷类诉求答复口径",
  "疫苗接种政策解读",
  "出生医学证明办理政策解读",
  "控烟条例与卫生监督执法常识",
  "回访话术与录音上传规范",
  "医疗美容监管政策解读",
  "新版政民互动系统操作培训",
  "医养结合政策解读",
  "知识库更新内容学习",
  "情绪疏导与沟通技巧",
  "信息安全与保密培训",
  "支原体肺炎就诊相关政策口径",
  "高温季节公共场所卫生政策",
];

function activeOn(dn: Day): number {
  return STAFF.filter((p) => p.start <= dn && (p.end === null || dn <= p.end)).length;
}

function makeTrainings(): Training[] {
  const r = stream("培训");
  const out: Training[] = [];
  const on = (dn: Day, kind: TrainingKind, topic: string, attendees?: number) =>
    out.push({
      date: rollOver(dn),
      kind,
      topic,
      attendees: attendees ?? activeOn(rollOver(dn)) - int(r, 2, 6),
    });
  let course = 0;
  for (const month of MONTHS) {
    const { y, m } = ymd(month.first);
    const cn = `${m}月`;
    if (month.key === `${Y}-01`) {
      // the last working day up to 30 January (in 2025 the Spring Festival holiday starts on the 28th)
      let first = day(Y, 1, 30);
      while (!isWorkday(first)) first--;
      on(first, "培训课", "接诉即办工作流程及系统操作培训");
      continue;
    }
    if (month.key === `${Y + 1}-01`) {
      on(day(Y + 1, 1, 10), "培训课", pick(r, COURSES));
      on(day(Y + 1, 1, 17), "复盘会", `${Y}年度接诉即办工作复盘会`);
      continue;
    }
    const prev = m === 1 ? 12 : m - 1;
    on(day(y, m, int(r, 16, 21)), "复盘会", `${prev}月考核成绩复盘会`);
    if (month.key === PLANTED.r8Month) {
      on(day(y, m, 26), "宣传活动", "接诉即办进社区宣传活动", 180);
      continue;
    }
    on(day(y, m, int(r, 24, 27)), "质检总结会", `${cn}质检总结会`);
    if (chance(r, 0.5)) on(day(y, m, int(r, 5, 12)), "培训课", COURSES[course++ % COURSES.length]);
  }
  on(day(Y, 5, 18), "全系统业务培训", "全区卫生健康系统接诉即办业务培训（第一期）", 86);
  on(day(Y, 11, 16), "全系统业务培训", "全区卫生健康系统接诉即办业务培训（第二期）", 92);
  return out.sort((a, b) => a.date - b.date);
}

// ───────────────────────────── 报告 ─────────────────────────────

interface Report {
  type: string;
  period: string;
  published: Day | null;
  submitted: Day | null;
}

function makeReports(): { reports: Report[]; due: Map<string, Day> } {
  const r = stream("报告");
  const out: Report[] = [];
  const due = new Map<string, Day>();
  const add = (type: string, period: string, published: Day | null, submitted: Day | null) => {
    out.push({ type, period, published, submitted });
    if (published !== null) due.set(`${type} ${period}`, rollOver(published + 10));
  };
  for (let m = 1; m <= 12; m++) {
    const published = rollOver(day(m === 12 ? Y + 1 : Y, m === 12 ? 1 : m + 1, int(r, 13, 16)));
    const dueOn = rollOver(published + 10);
    const period = `${Y}-${p2(m)}`;
    let submitted = published;
    for (let k = int(r, 2, 6); k > 0; k--) submitted = nextWorkday(submitted);
    if (period === PLANTED.r6LateMonthly) submitted = nextWorkday(nextWorkday(dueOn));
    add("月报", period, published, submitted);
    if (m % 3 === 0) add("季报", `${Y}-Q${m / 3}`, published, nextWorkday(submitted));
    if (m === 6) add("半年报", `${Y}-H1`, published, nextWorkday(nextWorkday(submitted)));
    if (m === 12) add("年报", String(Y), published, day(Y + 1, 1, 22));
  }
  add("半年工作总结", `${Y}-H1`, null, day(Y, 7, 28));
  add("年度工作总结", String(Y), null, day(Y + 1, 1, 19));
  const order = (x: Report) => (x.submitted ?? 1e9) * 10 + (x.published ?? 0) / 1e6;
  return { reports: out.sort((a, b) => order(a) - order(b)), due };
}

// ───────────────────────────── the rest ─────────────────────────────

const COMPLAINTS = [
  {
    date: day(Y, 3, 21),
    staff: "HX011",
    kind: "服务态度",
    verdict: "不属实",
    matter: "诉求人反映回访人员语气生硬。经调取通话录音核实，接线人员用语规范，投诉不属实。",
  },
  {
    date: day(Y, 9, 12),
    staff: "HX017",
    kind: "服务态度",
    verdict: "属实",
    matter:
      "诉求人反映回访人员未听完诉求即挂断电话。经调取录音核实属实，已对当事人批评教育并扣减当月绩效。",
  },
  {
    date: day(Y, 12, 5),
    staff: "HX008",
    kind: "业务",
    verdict: "不属实",
    matter: "诉求人反映工单转派部门错误导致办理延误。经核实工单按职责转派，投诉不属实。",
  },
];

const POLICIES = [
  {
    name: "朝阳区卫生健康委接诉即办热线运营管理制度",
    kind: "热线运营管理制度",
    on: day(Y, 2, 10),
  },
  { name: "接诉即办工单签收、转派及反馈工作流程", kind: "工作流程制度", on: day(Y, 2, 10) },
  { name: "驻场人员岗前培训及上岗考核制度", kind: "培训制度", on: day(Y, 2, 24) },
  { name: "驻场人员安全及保密管理制度", kind: "安全管理制度", on: day(Y, 3, 10) },
  { name: "接诉即办知识库维护管理办法", kind: "其他", on: day(Y, 3, 17) },
];

const RANKINGS: [string, number, number][] = [
  [`${Y}-01`, 24, 2],
  [`${Y}-02`, 27, 3],
  [`${Y}-03`, 22, 2],
  [`${Y}-04`, 31, 4],
  [`${Y}-05`, 25, 3],
  [`${Y}-06`, 29, 3],
  [`${Y}-07`, 26, 2],
  [`${Y}-08`, 30, 4],
  [`${Y}-09`, 27, 3],
  [`${Y}-10`, 24, 2],
  [`${Y}-11`, 33, 5],
  [`${Y}-12`, 28, 3],
  [String(Y), 28, 3],
];

const PAYMENTS = [
  {
    no: 1,
    invoiceOn: day(Y, 2, 1),
    invoice: 1599998.4,
    guaranteeOn: null,
    guarantee: null,
    paidOn: day(Y, 2, 16),
    paid: 1599998.4,
    fiscal: "否",
  },
  {
    no: 2,
    invoiceOn: day(Y, 7, 10),
    invoice: 1599998.4,
    guaranteeOn: null,
    guarantee: null,
    paidOn: day(Y, 7, 21),
    paid: 1599998.4,
    fiscal: "否",
  },
  {
    no: 3,
    invoiceOn: null,
    invoice: null,
    guaranteeOn: day(Y, 11, 28),
    guarantee: 799999.2,
    paidOn: null,
    paid: null,
    fiscal: null,
  },
];

// ───────────────────────────── self-check ─────────────────────────────
// The generator checks that what it planted is what the rules will see (RULES.md, contract
// defaults, asOf = 2024-01-22), so an edit here cannot silently add or lose a breach.

function check(
  tickets: Ticket[],
  roster: Shift[],
  qa: QaSample[],
  trainings: Training[],
  due: Map<string, Day>,
  reports: Report[]
): { lines: string[]; found: Record<string, string[]> } {
  const fail: string[] = [];
  const found: Record<string, string[]> = {};
  const seen = (t: Secs | null): Secs | null => (t !== null && t <= DATA_END ? t : null);
  const expect = (what: string, got: string[], want: string[]) => {
    if (got.join(",") !== want.join(","))
      throw new Error(
        `${what}: planted ${want.join(",") || "—"} but the data fails ${got.join(",") || "—"}`
      );
    fail.push(`${what}: ${got.join(", ")}`);
    found[what] = got;
  };
  // R1
  const r1 = new Set<string>();
  for (const t of tickets) {
    const limit = endOfDay(dayOf(t.received));
    if (
      seen(t.signed) === null ||
      t.signed! > limit ||
      (t.forwarded !== null && t.forwarded > limit)
    )
      r1.add(fmtDay(dayOf(t.received)));
  }
  expect("R1 days", [...r1].sort(), PLANTED.r1Days.map(fmtDay));
  // R2
  const r2: string[] = [];
  const r3: string[] = [];
  const r4: string[] = [];
  for (const month of MONTHS) {
    const inMonth = (t: Secs | null) =>
      t !== null && month.first <= dayOf(t) && dayOf(t) <= month.last;
    const fw = tickets.filter((t) => inMonth(seen(t.forwarded)));
    if (fw.filter((t) => t.correct !== false).length * 10 < fw.length * 9) r2.push(month.key);
    const closed = tickets.filter((t) => t.forwarded !== null && inMonth(seen(t.closed)));
    const called = (t: Ticket) => seen(t.callback) !== null && t.recording === true;
    if (closed.some((t) => !called(t) && t.closed! <= DATA_END - 3 * DAY_S)) r3.push(month.key);
    const dueIn = tickets.filter((t) => inMonth(t.due));
    if (
      dueIn.filter((t) => seen(t.feedback) !== null && t.feedback! <= t.due).length * 10 <
      dueIn.length * 9
    )
      r4.push(month.key);
  }
  expect("R2 months", r2, PLANTED.r2Months);
  expect("R3 months", r3, [PLANTED.r3Month]);
  expect("R4 months", r4, [PLANTED.r4Month]);
  // R5, R8
  const r5: string[] = [];
  const r8: string[] = [];
  for (const month of MONTHS) {
    const s = qa.filter((q) => month.first <= q.date && q.date <= month.last);
    if (!s.length || s.reduce((a, q) => a + q.score, 0) / s.length < 90) r5.push(month.key);
    const { y, m } = ymd(month.first);
    const days = month.last - month.first + 1;
    const required = Math.ceil((2 * days) / new Date(Date.UTC(y, m, 0)).getUTCDate());
    const counted = trainings.filter(
      (t) =>
        t.kind !== "宣传活动" && t.kind !== "其他" && month.first <= t.date && t.date <= month.last
    ).length;
    if (counted < required) r8.push(month.key);
  }
  expect("R5 months", r5, [PLANTED.r5Month]);
  expect("R8 months", r8, [PLANTED.r8Month]);
  // R6
  const r6 = reports.filter(
    (x) =>
      x.published !== null &&
      due.get(`${x.type} ${x.period}`)! <= SERVICE_END &&
      (x.submitted === null || x.submitted > due.get(`${x.type} ${x.period}`)!)
  );
  expect(
    "R6 reports",
    r6.map((x) => `${x.type} ${x.period}`),
    [`月报 ${PLANTED.r6LateMonthly}`]
  );
  // C4
  const c4 = STAFF.filter((p) =>
    roster.some(
      (s) =>
        s.staff.includes(p.id) &&
        (p.pretraining === null || dayOf(s.start) < p.pretraining || !p.passed)
    )
  ).map((p) => p.id);
  expect("C4 staff", c4, ["HX020"]);
  // C7: coverage of the window by at least one person
  const spans = roster.map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0]);
  const gaps: string[] = [];
  let covered = at(SERVICE_START);
  for (const [s, e] of spans) {
    if (s > covered && covered <= DATA_END) gaps.push(`${fmtTime(covered)}–${fmtTime(s)}`);
    covered = Math.max(covered, e);
  }
  if (covered <= DATA_END) gaps.push(`${fmtTime(covered)}–end`);
  expect("C7 gaps", gaps, [
    `${fmtDay(PLANTED.c7GapDay)} 20:00:00–${fmtDay(PLANTED.c7GapDay)} ${PLANTED.c7GapStartsAt}:00:00`,
  ]);
  // C3, C5
  for (let dn = SERVICE_START; dn <= SERVICE_END; dn++) {
    const managers = STAFF.filter(
      (p) => p.role === "项目经理" && p.start <= dn && (p.end === null || dn <= p.end)
    );
    if (managers.length !== 1) throw new Error(`C3: ${managers.length} managers on ${fmtDay(dn)}`);
  }
  for (const q of [
    [day(Y, 1, 23), day(Y, 3, 31)],
    [day(Y, 4, 1), day(Y, 6, 30)],
    [day(Y, 7, 1), day(Y, 9, 30)],
    [day(Y, 10, 1), day(Y, 12, 31)],
  ]) {
    const head = activeOn(q[0]);
    const leavers = STAFF.filter((p) => p.end !== null && q[0] <= p.end && p.end <= q[1]).length;
    if (leavers / head >= 0.15) throw new Error(`C5 fails in the quarter from ${fmtDay(q[0])}`);
  }
  // C2
  if (STAFF.filter((p) => p.medical).length * 2 < STAFF.length)
    throw new Error("C2: not a medical majority");
  return { lines: fail, found };
}

// ───────────────────────────── writing ─────────────────────────────

const DATETIME_FMT = "yyyy-mm-dd hh:mm:ss";
const DATE_FMT = "yyyy-mm-dd";
const MONEY_FMT = "#,##0.00";
const yesNo = (b: boolean | null): string | null => (b === null ? null : b ? "是" : "否");
const opt = <T, U>(v: T | null, f: (x: T) => U): U | null => (v === null ? null : f(v));

interface Col {
  header: string;
  width: number;
  fmt?: string;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  cols: Col[],
  rows: ExcelJS.CellValue[][],
  tab?: string
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    properties: { tabColor: tab ? { argb: tab } : undefined },
  });
  ws.columns = cols.map((c) => ({ width: c.width, style: c.fmt ? { numFmt: c.fmt } : {} }));
  const header = ws.addRow(cols.map((c) => c.header));
  header.height = 20;
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true, color: { argb: "FF1F3864" } },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
      alignment: { vertical: "middle", horizontal: "center" },
      border: { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } },
    };
  });
  for (const row of rows) ws.addRow(row);
  if (rows.length)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return ws;
}

/** JSZip stamps every zip entry with the current time: set them all to one fixed DOS time. */
function fixZipTimes(buf: Buffer, when: Date): Buffer {
  const time =
    (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date =
    ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad zip central directory");
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("bad zip local header");
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

async function main(): Promise<void> {
  // the output: the first argument that is neither a flag nor the year after --year
  const args = process.argv
    .slice(2)
    .filter(
      (a, i, all) => !a.startsWith("--") && all[i - 1] !== "--year" && all[i - 1] !== "--planted"
    );
  const out = args[0] ? resolve(args[0]) : OUTPUT;
  const roster = makeRoster();
  const tickets = makeTickets();
  const qa = makeQa(tickets, roster);
  const trainings = makeTrainings();
  const { reports, due } = makeReports();
  const planted = check(tickets, roster, qa, trainings, due, reports);

  const wb = new ExcelJS.Workbook();
  wb.creator = "接诉即办合同考核 示例数据";
  wb.lastModifiedBy = "接诉即办合同考核 示例数据";
  wb.title = `接诉即办项目服务考核 ${Y}（虚构示例）`;
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  wb.calcProperties = { fullCalcOnLoad: false };

  const cover = wb.addWorksheet("说明", { properties: { tabColor: { argb: "FF808080" } } });
  cover.getColumn(1).width = 110;
  [
    `朝阳区卫生健康委接诉即办项目服务 · 合同考核示例工作簿（${Y}-01-23 至 ${Y + 1}-01-22）`,
    "本工作簿全部为虚构示例数据，仅用于演示“接诉即办合同考核”工具；人员姓名、工号、来电号码、工单及诉求内容均为虚构，与真实人员和案件无关。",
    `工单、人员、排班、培训、报告、质检、服务投诉、制度、考核排名、付款、人员调换、安全事故各表为考核输入，列的含义见 WORKBOOK.md；数据截至 ${Y + 1}-01-22 24:00。`,
    "示例中有意设置了少量不达标情形（如个别案件过夜签收、个别月份派单准确率偏低），用于检验考核结果。",
  ].forEach((line, i) => {
    const c = cover.getCell(i + 1, 1);
    c.value = line;
    c.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  sheet(
    wb,
    "工单",
    [
      { header: "工单编号", width: 17 },
      { header: "派单时间", width: 20, fmt: DATETIME_FMT },
      { header: "签收时间", width: 20, fmt: DATETIME_FMT },
      { header: "转派时间", width: 20, fmt: DATETIME_FMT },
      { header: "承办部门", width: 20 },
      { header: "派单准确", width: 9 },
      { header: "诉求类型", width: 9 },
      { header: "问题分类", width: 24 },
      { header: "行业分类", width: 10 },
      { header: "重点诉求", width: 9 },
      { header: "办理时限", width: 20, fmt: DATETIME_FMT },
      { header: "反馈时间", width: 20, fmt: DATETIME_FMT },
      { header: "办结时间", width: 20, fmt: DATETIME_FMT },
      { header: "回访时间", width: 20, fmt: DATETIME_FMT },
      { header: "回访录音", width: 9 },
      { header: "是否解决", width: 9 },
      { header: "满意度", width: 9 },
      { header: "来电人", width: 14 },
      { header: "诉求内容", width: 72 },
    ],
    tickets.map((t) => [
      t.id,
      xl(t.received),
      opt(t.signed, xl),
      opt(t.forwarded, xl),
      t.dept,
      yesNo(t.correct),
      t.type,
      t.category,
      t.industry,
      yesNo(t.key),
      xl(t.due),
      opt(t.feedback, xl),
      opt(t.closed, xl),
      opt(t.callback, xl),
      yesNo(t.recording),
      yesNo(t.resolved),
      t.satisfaction,
      t.caller,
      t.content,
    ]),
    "FF2F75B5"
  );

  sheet(
    wb,
    "人员",
    [
      { header: "工号", width: 9 },
      { header: "姓名", width: 9 },
      { header: "岗位", width: 12 },
      { header: "学历", width: 8 },
      { header: "专业", width: 18 },
      { header: "医学相关", width: 9 },
      { header: "入职日期", width: 12, fmt: DATE_FMT },
      { header: "离职日期", width: 12, fmt: DATE_FMT },
      { header: "岗前培训日期", width: 14, fmt: DATE_FMT },
      { header: "上岗考核", width: 9 },
    ],
    STAFF.map((p) => [
      p.id,
      p.name,
      p.role,
      p.edu,
      p.major,
      yesNo(p.medical),
      xlDay(p.start),
      opt(p.end, xlDay),
      opt(p.pretraining, xlDay),
      yesNo(p.passed),
    ])
  );

  sheet(
    wb,
    "排班",
    [
      { header: "工号", width: 9 },
      { header: "开始时间", width: 20, fmt: DATETIME_FMT },
      { header: "结束时间", width: 20, fmt: DATETIME_FMT },
      { header: "班次", width: 8 },
    ],
    roster.flatMap((s) => s.staff.map((id) => [id, xl(s.start), xl(s.end), s.kind]))
  );

  sheet(
    wb,
    "培训",
    [
      { header: "日期", width: 12, fmt: DATE_FMT },
      { header: "主题", width: 40 },
      { header: "形式", width: 14 },
      { header: "参训人数", width: 9 },
    ],
    trainings.map((t) => [xlDay(t.date), t.topic, t.kind, t.attendees])
  );

  sheet(
    wb,
    "报告",
    [
      { header: "报告类型", width: 13 },
      { header: "所属期间", width: 10 },
      { header: "成绩公布日期", width: 14, fmt: DATE_FMT },
      { header: "提交日期", width: 12, fmt: DATE_FMT },
    ],
    reports.map((x) => [x.type, x.period, opt(x.published, xlDay), opt(x.submitted, xlDay)])
  );

  sheet(
    wb,
    "质检",
    [
      { header: "日期", width: 12, fmt: DATE_FMT },
      { header: "工号", width: 9 },
      { header: "工单编号", width: 17 },
      { header: "得分", width: 8 },
    ],
    qa.map((q) => [xlDay(q.date), q.staff, q.ticket, q.score])
  );

  sheet(
    wb,
    "服务投诉",
    [
      { header: "日期", width: 12, fmt: DATE_FMT },
      { header: "工号", width: 9 },
      { header: "类型", width: 10 },
      { header: "核实结果", width: 10 },
      { header: "事项", width: 80 },
    ],
    COMPLAINTS.map((c) => [xlDay(c.date), c.staff, c.kind, c.verdict, c.matter])
  );

  sheet(
    wb,
    "制度",
    [
      { header: "制度名称", width: 44 },
      { header: "类别", width: 18 },
      { header: "建立日期", width: 12, fmt: DATE_FMT },
    ],
    POLICIES.map((p) => [p.name, p.kind, xlDay(p.on)])
  );

  sheet(
    wb,
    "考核排名",
    [
      { header: "期间", width: 10 },
      { header: "区级排名", width: 10 },
      { header: "委办局排名", width: 12 },
    ],
    RANKINGS.map(([period, district, peer]) => [period, district, peer])
  );

  sheet(
    wb,
    "付款",
    [
      { header: "期次", width: 6 },
      { header: "发票日期", width: 12, fmt: DATE_FMT },
      { header: "发票金额", width: 15, fmt: MONEY_FMT },
      { header: "保函日期", width: 12, fmt: DATE_FMT },
      { header: "保函金额", width: 15, fmt: MONEY_FMT },
      { header: "付款日期", width: 12, fmt: DATE_FMT },
      { header: "付款金额", width: 15, fmt: MONEY_FMT },
      { header: "财政原因延迟", width: 13 },
    ],
    PAYMENTS.map((p) => [
      p.no,
      opt(p.invoiceOn, xlDay),
      p.invoice,
      opt(p.guaranteeOn, xlDay),
      p.guarantee,
      opt(p.paidOn, xlDay),
      p.paid,
      p.fiscal,
    ])
  );

  sheet(
    wb,
    "人员调换",
    [
      { header: "通知日期", width: 12, fmt: DATE_FMT },
      { header: "被替换工号", width: 11 },
      { header: "原因", width: 12 },
      { header: "到位日期", width: 12, fmt: DATE_FMT },
      { header: "新工号", width: 9 },
    ],
    REPLACEMENTS.map((x) => [xlDay(x.notice), x.out, x.reason, xlDay(x.filled), x.in])
  );

  sheet(
    wb,
    "安全事故",
    [
      { header: "日期", width: 12, fmt: DATE_FMT },
      { header: "事项", width: 60 },
    ],
    []
  );

  // another year: the contract's dates moved to it (the engine's own shift, as a user would make
  // it with --contract-year), so that the workbook audits as that year's contract
  if (Y !== 2023) {
    const shift = shiftContractYear(DEFAULT_PARAMS, Y);
    sheet(
      wb,
      "规则参数",
      [
        { header: "参数", width: 28 },
        { header: "值", width: 14 },
      ],
      shift.moved.map((m) => [m.key, m.to])
    );
  }

  const buf = fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_TIMESTAMP);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buf);

  const counts = wb.worksheets
    .filter((ws) => ws !== cover)
    .map((ws) => `${ws.name} ${ws.rowCount - 1}`)
    .join(", ");
  console.log(`wrote ${out} (${(buf.length / 1024).toFixed(0)} KiB)`);
  console.log(`rows: ${counts}`);
  console.log("planted (checked against the data):");
  for (const line of planted.lines) console.log(`  ${line}`);
  // --planted FILE: what the generator's own check found, for a test to hold the audit against
  const i = process.argv.indexOf("--planted");
  if (i > 0 && process.argv[i + 1]) {
    writeFileSync(
      resolve(process.argv[i + 1]),
      JSON.stringify({ year: Y, ...planted.found }, null, 1)
    );
    console.log(`wrote ${process.argv[i + 1]}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
