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
