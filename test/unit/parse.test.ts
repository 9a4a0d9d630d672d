// Cell parsing (WORKBOOK.md "Cell values"). Expected values are computed with Date.UTC, not the engine.
import {
  parseBool,
  parseDate,
  parseDateTime,
  parseEnum,
  parseMoney,
  parseNumber,
  parseNumberValue,
  parsePeriod,
  parseCell,
  parseText,
  serialFrom1904,
  DAYS_1904,
  Parsed,
} from "../../src/engine/parse";
import { EnumValue, REQUEST_TYPES } from "../../src/engine/sheets";
import { dayNum, secs } from "./helpers";

function value<T>(p: Parsed<T>): T | null {
  if (!p.ok) throw new Error(`expected a readable value, got: ${p.reasonEn}`);
  return p.value;
}

const requestTypes: EnumValue[] = REQUEST_TYPES.kind === "enum" ? REQUEST_TYPES.values : [];

describe("datetime: Excel serials (1900 date system)", () => {
  // Excel day 1 = 1900-01-01; 59 = 1900-02-28; 60 = the non-existent 1900-02-29; 61 = 1900-03-01.
  test("serial 1 is 1900-01-01", () => {
    expect(value(parseDateTime(1))).toBe(secs(1900, 1, 1));
  });
  test("serial 59 is 1900-02-28", () => {
    expect(value(parseDateTime(59))).toBe(secs(1900, 2, 28));
  });
  test("serial 61 is 1900-03-01", () => {
    expect(value(parseDateTime(61))).toBe(secs(1900, 3, 1));
  });
  test("serial 60 (1900-02-29, the leap-year quirk) is invalid, also with a time part", () => {
    expect(parseDateTime(60).ok).toBe(false);
    expect(parseDateTime(60.5).ok).toBe(false);
  });
  test("a modern serial: 44990 = 2023-03-05 (44927 = 2023-01-01, + 31 + 28 + 4)", () => {
    expect(value(parseDateTime(44990))).toBe(secs(2023, 3, 5));
    expect(value(parseDateTime(44990.5))).toBe(secs(2023, 3, 5, 12));
  });
  test("a serial is rounded to the nearest second", () => {
    const at = (seconds: number) => 44990 + seconds / 86400;
    const t = 14 * 3600 + 22 * 60 + 5;
    expect(value(parseDateTime(at(t + 0.4)))).toBe(secs(2023, 3, 5, 14, 22, 5));
    expect(value(parseDateTime(at(t + 0.6)))).toBe(secs(2023, 3, 5, 14, 22, 6));
    expect(value(parseDateTime(at(t - 0.3)))).toBe(secs(2023, 3, 5, 14, 22, 5));
    // 23:59:59.7 rounds into the next day
    expect(value(parseDateTime(at(86399.7)))).toBe(secs(2023, 3, 6, 0, 0, 0));
  });
  test("a date column ignores the time part of a serial", () => {
    expect(value(parseDate(44990.99))).toBe(dayNum(2023, 3, 5));
  });
});

describe("datetime: text forms", () => {
  const expected = secs(2023, 3, 5, 14, 22);
  test.each([
    ["2023-03-05 14:22"],
    ["2023/3/5 14:22"],
    ["2023年3月5日 14时22分"],
    ["2023-03-05T14:22"],
    ["  2023-03-05 14:22  "],
  ])("%s", (text) => {
    expect(value(parseDateTime(text))).toBe(expected);
  });
  test("seconds are kept: 2023-03-05 14:22:05", () => {
    expect(value(parseDateTime("2023-03-05 14:22:05"))).toBe(secs(2023, 3, 5, 14, 22, 5));
  });
  test("full-width digits: ２０２３-０３-０５", () => {
    expect(value(parseDateTime("２０２３-０３-０５"))).toBe(secs(2023, 3, 5));
    expect(value(parseDate("２０２３-０３-０５"))).toBe(dayNum(2023, 3, 5));
  });
  test("a date alone is midnight", () => {
    expect(value(parseDateTime("2023-03-05"))).toBe(secs(2023, 3, 5));
  });
  test.each([
    ["2023-13-45 25:00"],
    ["2023-02-29"],
    ["2023-03-05 24:00"],
    ["2023-03-05 14:60"],
    ["昨天"],
    ["2023-3"],
  ])("invalid: %s", (text) => {
    const p = parseDateTime(text);
    expect(p.ok).toBe(false);
  });
  test("2024-02-29 exists (leap year)", () => {
    expect(value(parseDateTime("2024-02-29"))).toBe(secs(2024, 2, 29));
  });
  test("blank is a blank value, an error cell and a boolean are unreadable", () => {
    expect(value(parseDateTime(null))).toBeNull();
    expect(value(parseDateTime("   "))).toBeNull();
    expect(parseDateTime({ error: "#N/A" }).ok).toBe(false);
    expect(parseDateTime(true).ok).toBe(false);
  });
});

describe("bool", () => {
  test.each([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["N", false],
    ["y", true],
    ["yes", true],
    ["no", false],
    ["√", true],
    ["×", false],
    ["TRUE", true],
    ["FALSE", false],
    ["true", true],
  ] as [string, boolean][])("text %s → %s", (text, expected) => {
    expect(value(parseBool(text))).toBe(expected);
  });
  test("TRUE/FALSE cells (booleans)", () => {
    expect(value(parseBool(true))).toBe(true);
    expect(value(parseBool(false))).toBe(false);
  });
  test("1/0 as numbers and as text", () => {
    expect(value(parseBool(1))).toBe(true);
    expect(value(parseBool(0))).toBe(false);
    expect(value(parseBool("1"))).toBe(true);
    expect(value(parseBool("0"))).toBe(false);
  });
  test("blank is unknown (null)", () => {
    expect(value(parseBool(null))).toBeNull();
    expect(value(parseBool(""))).toBeNull();
  });
  test("也许 is unreadable; so are 2 and an error cell", () => {
    expect(parseBool("也许").ok).toBe(false);
    expect(parseBool(2).ok).toBe(false);
    expect(parseBool({ error: "#VALUE!" }).ok).toBe(false);
  });
});

describe("number", () => {
  test("thousands separators: 1,599,998.40", () => {
    expect(value(parseNumberValue("1,599,998.40"))).toBe(1599998.4);
  });
  test("full-width digits", () => {
    expect(value(parseNumberValue("１２３４"))).toBe(1234);
    expect(value(parseNumberValue("１，２３４．５"))).toBe(1234.5);
  });
  test("plain numbers pass through", () => {
    expect(value(parseNumberValue(92.5))).toBe(92.5);
    expect(value(parseNumberValue("-3"))).toBe(-3);
  });
  test("money: 1,599,998.40 is 159999840 fen", () => {
    expect(value(parseMoney("1,599,998.40"))).toBe(159999840);
    expect(value(parseMoney(799999.2))).toBe(79999920);
  });
  test("not numbers", () => {
    expect(parseNumberValue("abc").ok).toBe(false);
    expect(parseNumberValue("1.2.3").ok).toBe(false);
    expect(parseNumberValue(true).ok).toBe(false);
  });
  test("range and integer constraints (a 0–100 score, a whole rank)", () => {
    expect(value(parseNumber("100", { min: 0, max: 100 }))).toBe(100);
    expect(parseNumber("100.5", { min: 0, max: 100 }).ok).toBe(false);
    expect(parseNumber("-1", { min: 0, max: 100 }).ok).toBe(false);
    expect(parseNumber("26.5", { min: 1, integer: true }).ok).toBe(false);
  });
});

describe("enum", () => {
  test("the Chinese value", () => {
    expect(value(parseEnum("投诉", requestTypes))).toBe("投诉");
    expect(value(parseEnum("举报", requestTypes))).toBe("举报");
  });
  test("the English alias, ignoring case and spaces", () => {
    expect(value(parseEnum("complaint", requestTypes))).toBe("投诉");
    expect(value(parseEnum(" Inquiry ", requestTypes))).toBe("咨询");
  });
  test("anything else is an error naming the allowed values", () => {
    const p = parseEnum("其它", requestTypes);
    expect(p.ok).toBe(false);
    if (!p.ok)
      for (const zh of ["投诉", "求助", "咨询", "建议", "举报", "表扬"])
        expect(p.reason).toContain(zh);
  });
});

describe("period", () => {
  const period = (v: Parameters<typeof parsePeriod>[0]) => {
    const p = value(parsePeriod(v))!;
    return { key: p.key, kind: p.kind, first: p.first, last: p.last };
  };
  test("2023-03", () => {
    expect(period("2023-03")).toEqual({
      key: "2023-03",
      kind: "month",
      first: dayNum(2023, 3, 1),
      last: dayNum(2023, 3, 31),
    });
  });
  test("2023-Q1", () => {
    expect(period("2023-Q1")).toEqual({
      key: "2023-Q1",
      kind: "quarter",
      first: dayNum(2023, 1, 1),
      last: dayNum(2023, 3, 31),
    });
  });
  test("2023-H1", () => {
    expect(period("2023-H1")).toEqual({
      key: "2023-H1",
      kind: "half",
      first: dayNum(2023, 1, 1),
      last: dayNum(2023, 6, 30),
    });
  });
  test("2023 as text", () => {
    expect(period("2023")).toEqual({
      key: "2023",
      kind: "year",
      first: dayNum(2023, 1, 1),
      last: dayNum(2023, 12, 31),
    });
  });
  test("2023-W14 is the ISO week Monday 2023-04-03 to Sunday 2023-04-09", () => {
    // 2023-01-04 is a Wednesday, so ISO week 1 starts Monday 2023-01-02; + 13 weeks = 2023-04-03.
    expect(period("2023-W14")).toEqual({
      key: "2023-W14",
      kind: "week",
      first: dayNum(2023, 4, 3),
      last: dayNum(2023, 4, 9),
    });
  });
  test("a date serial means its month (Excel turned a typed 2023-03 into 2023-03-01)", () => {
    expect(period(44986).key).toBe("2023-03"); // 2023-03-01
    expect(period(44990.5).key).toBe("2023-03"); // 2023-03-05 12:00
  });
  test("the number 2023 means the year", () => {
    expect(period(2023)).toEqual({
      key: "2023",
      kind: "year",
      first: dayNum(2023, 1, 1),
      last: dayNum(2023, 12, 31),
    });
  });
  test("unreadable periods", () => {
    expect(parsePeriod("2023-13").ok).toBe(false);
    expect(parsePeriod("2023-Q5").ok).toBe(false);
    expect(parsePeriod("下半年").ok).toBe(false);
  });
});

describe("datetime: seconds in every text form, fractions rounded (RULES.md rev. 2)", () => {
  test("2023年3月5日 14:22:05 reads like 2023-03-05 14:22:05", () => {
    expect(value(parseDateTime("2023年3月5日 14:22:05"))).toBe(secs(2023, 3, 5, 14, 22, 5));
    expect(value(parseDateTime("2023年3月5日 14时22分05秒"))).toBe(secs(2023, 3, 5, 14, 22, 5));
  });
  test("a fraction of a second is rounded, not cut: 23:59:59.6 is the next day", () => {
    expect(value(parseDateTime("2023-03-05 23:59:59.6"))).toBe(secs(2023, 3, 6, 0, 0, 0));
    expect(value(parseDateTime("2023-03-05 23:59:59.4"))).toBe(secs(2023, 3, 5, 23, 59, 59));
    expect(value(parseDateTime("2023年3月5日 14:22:05.5"))).toBe(secs(2023, 3, 5, 14, 22, 6));
  });
});

describe("edges of every parser (issue 13: parse.ts under mutation)", () => {
  const reason = (p: Parsed<unknown>) => (p.ok ? `ok ${String(p.value)}` : p.reason);

  test("the last valid clock values, and one past each", () => {
    expect(value(parseDateTime("2023-03-05 23:59:59"))).toBe(secs(2023, 3, 5, 23, 59, 59));
    expect(value(parseDateTime("2023-03-05 00:00:00"))).toBe(secs(2023, 3, 5));
    for (const t of ["2023-03-05 24:00:00", "2023-03-05 23:60:00", "2023-03-05 23:59:60"])
      expect(parseDateTime(t).ok).toBe(false);
    // the 年月日 form checks them the same way
    expect(parseDateTime("2023年3月5日 23时60分").ok).toBe(false);
    expect(parseDateTime("2023年2月29日").ok).toBe(false);
  });

  test("one-digit parts, every separator, and the forms of 年月日", () => {
    const at = secs(2023, 3, 5, 9, 5);
    for (const t of [
      "2023-3-5 9:05",
      "2023.3.5 9:5",
      "2023/03/05   09:05",
      "2023-03-05T9:05",
      "2023年3月5日9时5分",
      "2023年3月5日 9点05分",
      "2023年3月5 09:05",
    ])
      expect([t, value(parseDateTime(t))]).toEqual([t, at]);
    expect(value(parseDateTime("2023年3月5日"))).toBe(secs(2023, 3, 5));
    expect(value(parseDateTime("2023.3.5"))).toBe(secs(2023, 3, 5));
    // nothing before or after the date-time
    for (const t of ["约2023-03-05", "2023-03-05 9:05前", "12023-03-05", "2023-03-05 9"])
      expect([t, parseDateTime(t).ok]).toEqual([t, false]);
  });

  test("a fraction of exactly half a second rounds up; a whole-second text has no fraction", () => {
    expect(value(parseDateTime("2023-03-05 10:00:00.5"))).toBe(secs(2023, 3, 5, 10, 0, 1));
    expect(value(parseDateTime("2023-03-05 10:00:00.49"))).toBe(secs(2023, 3, 5, 10));
    expect(value(parseDateTime("2023-03-05 10:00:07"))).toBe(secs(2023, 3, 5, 10, 0, 7));
  });

  test("serials: the last day Excel has (2,958,465 = 9999-12-31), and past it", () => {
    expect(value(parseDate(2958465))).toBe(dayNum(9999, 12, 31));
    expect(value(parseDateTime(2958465.5))).toBe(secs(9999, 12, 31, 12));
    expect(reason(parseDateTime(2958466))).toBe("不是有效的日期序号：2958466");
    expect(reason(parseDateTime(0))).toBe("不是有效的日期序号：0");
    expect(reason(parseDateTime(-5))).toBe("不是有效的日期序号：-5");
    expect(parseDateTime(Number.NaN).ok).toBe(false);
  });

  test("each parser's own words for what it refuses", () => {
    expect(reason(parseDateTime(true))).toBe("不是日期时间：true");
    expect(reason(parseDateTime("下周"))).toBe("无法识别的日期时间：“下周”");
    expect(reason(parseDate({ error: "#VALUE!" }))).toBe("单元格是错误值 #VALUE!");
    expect(reason(parseBool(2))).toBe("不是“是/否”：2");
    expect(reason(parseNumberValue(Number.POSITIVE_INFINITY))).toBe("不是数字：Infinity");
    expect(reason(parseNumberValue(false))).toBe("不是数字：false");
    expect(reason(parseNumberValue("12a"))).toBe("不是数字：“12a”");
    expect(reason(parseNumber("26.5", { integer: true }))).toBe("应为整数：26.5");
    expect(reason(parseNumber("-1", { min: 0 }))).toBe("不能小于 0：-1");
    expect(reason(parseNumber("101", { max: 100 }))).toBe("不能大于 100：101");
    expect(reason(parseEnum({ error: "#N/A" }, requestTypes))).toBe("单元格是错误值 #N/A");
  });

  test("bool: case, full width and blanks", () => {
    for (const t of ["YES", "True", "Ｙ", " 是 ", "√"])
      expect([t, value(parseBool(t))]).toEqual([t, true]);
    for (const t of ["NO", "False", "X", "×", "否"])
      expect([t, value(parseBool(t))]).toEqual([t, false]);
    expect(value(parseBool("   "))).toBeNull();
    expect(value(parseBool(false))).toBe(false);
    expect(value(parseBool(1))).toBe(true);
    expect(value(parseBool(0))).toBe(false);
  });

  test("numbers: currency signs, 元, spaces and signs; the bounds themselves are allowed", () => {
    expect(value(parseNumberValue("¥1,000元"))).toBe(1000);
    expect(value(parseNumberValue("￥ 12.5"))).toBe(12.5);
    expect(value(parseNumberValue("+5"))).toBe(5);
    expect(value(parseNumberValue("-.5"))).toBe(-0.5);
    expect(value(parseNumberValue("5."))).toBe(5);
    expect(value(parseNumberValue(" , "))).toBeNull();
    for (const t of ["1e5", "5-", "--5", "¥", "元5"])
      expect([t, parseNumberValue(t).ok]).toEqual([t, t === "¥"]);
    expect(value(parseNumber("0", { min: 0, max: 100 }))).toBe(0);
    expect(value(parseNumber("26", { min: 1, integer: true }))).toBe(26);
    expect(value(parseNumber(null, { min: 1 }))).toBeNull();
    expect(parseNumber("x", { min: 1 }).ok).toBe(false);
    expect(value(parseMoney(null))).toBeNull();
    expect(value(parseMoney("0.005"))).toBe(1);
    expect(parseMoney("abc").ok).toBe(false);
  });

  test("from the parse.ts mutation run: error cells, signs only in front, long fractions, English lists", () => {
    expect(reason(parseNumberValue({ error: "#DIV/0!" }))).toBe("单元格是错误值 #DIV/0!");
    expect(parseNumberValue("12¥").ok).toBe(false);
    expect(value(parseNumberValue(".55"))).toBe(0.55);
    expect(value(parsePeriod(null))).toBeNull();
    const p = parseEnum("其它", requestTypes);
    expect(p.ok ? "" : p.reasonEn).toContain("投诉 complaint");
  });

  test("enum: a blank after normalising is blank; full-width and spaced Chinese match", () => {
    expect(value(parseEnum(" \u3000 ", requestTypes))).toBeNull();
    expect(value(parseEnum(null, requestTypes))).toBeNull();
    expect(value(parseEnum("投 诉", requestTypes))).toBe("投诉");
    expect(value(parseEnum("COMPLAINT", requestTypes))).toBe("投诉");
  });

  test("period: years 1990 to 2100 are years, other numbers are serials", () => {
    const key = (v: number | string) => value(parsePeriod(v))!.key;
    expect(key(1990)).toBe("1990");
    expect(key(2100)).toBe("2100");
    expect(key(1989)).toBe("1905-06"); // serial 1989 is 1905-06-11
    expect(key(2101)).toBe("1905-10"); // serial 2101 is 1905-10-01
    expect(key(2023.5)).toBe("1905-07"); // not a whole year: serial 2023.5 is 1905-07-15
    expect(key("2023-03-05")).toBe("2023-03");
    expect(key("2023/3/5 10:00")).toBe("2023-03");
    expect(reason(parsePeriod(60))).toBe("无法识别的期间：60");
    expect(reason(parsePeriod(true))).toBe("无法识别的期间：true");
    expect(value(parsePeriod("  "))).toBeNull();
    expect(parsePeriod({ error: "#REF!" }).ok).toBe(false);
  });

  test("text: trimmed, numbers as written, blank when empty", () => {
    expect(value(parseText("  张三  "))).toBe("张三");
    expect(value(parseText(42))).toBe("42");
    expect(value(parseText(true))).toBe("true");
    expect(value(parseText("   "))).toBeNull();
    expect(parseText({ error: "#DIV/0!" }).ok).toBe(false);
  });

  test("1904 workbooks: dates move by 1,462 days; years and other numbers stay", () => {
    expect(serialFrom1904(100, "date")).toBe(1562);
    expect(serialFrom1904(100.25, "datetime")).toBe(1562.25);
    expect(serialFrom1904(2023, "period")).toBe(2023);
    expect(serialFrom1904(1990, "period")).toBe(1990);
    expect(serialFrom1904(2100, "period")).toBe(2100);
    expect(serialFrom1904(1989, "period")).toBe(1989 + DAYS_1904);
    expect(serialFrom1904(2101, "period")).toBe(2101 + DAYS_1904);
    expect(serialFrom1904(2023.5, "period")).toBe(2023.5 + DAYS_1904);
    expect(serialFrom1904(92, "number")).toBe(92);
    expect(serialFrom1904("2023-03-05", "date")).toBe("2023-03-05");
  });

  test("parseCell dispatches on the column's kind", () => {
    expect(value(parseCell(" a ", { kind: "text" }))).toBe("a");
    expect(value(parseCell("2023-03-05 10:00", { kind: "datetime" }))).toBe(secs(2023, 3, 5, 10));
    expect(value(parseCell("2023-03-05 10:00", { kind: "date" }))).toBe(dayNum(2023, 3, 5));
    expect(value(parseCell("是", { kind: "bool" }))).toBe(true);
    expect(parseCell("150", { kind: "number", max: 100 }).ok).toBe(false);
    expect(value(parseCell("1.5", { kind: "money" }))).toBe(150);
    expect(value(parseCell("complaint", { kind: "enum", values: requestTypes }))).toBe("投诉");
    expect(value(parseCell("2023-Q2", { kind: "period" }) as Parsed<{ key: string }>)!.key).toBe(
      "2023-Q2"
    );
  });
});
