// What messages may say of a cell: short quotes, invisible characters shown, phone numbers masked
// unless privacy.maskPhones is off (the contract's 第九条 confidentiality clause).
import { maskPhones, quote, QUOTE_MAX } from "../../src/engine/privacy";
import { paramsSheet, run, sheet } from "./helpers";

describe("maskPhones", () => {
  test.each([
    ["13812345678", "138****5678"],
    ["来电 13812345678，请回访", "来电 138****5678，请回访"],
    ["138-1234-5678", "138****5678"],
    ["138 1234 5678", "138****5678"],
    ["+8613812345678", "+86138****5678"],
    ["010-62345678", "010-****5678"],
    ["0755 2345678", "0755-****5678"],
    ["a 19987654321 and 15000000000", "a 199****4321 and 150****0000"],
  ])("%s → %s", (text, masked) => expect(maskPhones(text)).toBe(masked));

  test.each([
    ["GD2023010112345", "a ticket number with letters"],
    ["2023010112345", "13 digits: a ticket number, not a phone"],
    ["12812345678", "12x is not a mobile prefix"],
    ["138****5678", "already masked"],
    ["2023-03-01 09:00", "a date"],
    ["01012345678", "a landline without its separator is not told from a number"],
  ])("%s stays (%s)", (text) => expect(maskPhones(text)).toBe(text));
});

describe("quote", () => {
  test("a long text is cut after QUOTE_MAX characters, counted as the user sees them", () => {
    const emoji = "😀".repeat(QUOTE_MAX + 5);
    expect(Array.from(quote(emoji))).toHaveLength(QUOTE_MAX + 1);
    expect(quote(emoji).endsWith("…")).toBe(true);
    expect(quote("x".repeat(32767)).length).toBe(QUOTE_MAX + 1);
    expect(quote("短")).toBe("短");
    // a number is not cut in two: its head would escape the phone mask
    const cut = quote(`${"字".repeat(QUOTE_MAX - 3)}13812345678`);
    expect(cut).toBe(`${"字".repeat(QUOTE_MAX - 3)}…`);
  });

  test("controls, zero-width and direction characters are shown, not obeyed", () => {
    expect(quote("a\tb\r\nc")).toBe("a\\tb\\r\\nc");
    expect(quote("GD\u200b1")).toBe("GD<U+200B>1");
    expect(quote("\u202egnp.exe")).toBe("<U+202E>gnp.exe");
    expect(quote("\ufeffkey")).toBe("<U+FEFF>key");
  });

  test("error values and numbers are quoted as Excel shows them", () => {
    expect(quote({ error: "#N/A" })).toBe("#N/A");
    expect(quote(42)).toBe("42");
    expect(quote(true)).toBe("true");
  });
});

describe("an audit's messages", () => {
  // a phone number pasted into a date column, and a citizen's text pasted into another
  const story =
    "我家楼下施工噪音扰民已经三个月了，每天晚上十点以后还在施工，物业不管，请尽快处理，谢谢，联系电话13912345678";
  const tickets = () =>
    sheet(
      "工单",
      ["工单编号", "派单时间", "签收时间", "转派时间", "来电人", "诉求内容"],
      [
        ["GD1", "2023-03-01 09:00", "13812345678", "2023-03-01 09:20", "13812345678", story],
        ["GD2", "2023-03-01 09:00", story, "2023-03-01 09:20", "010-62345678", "好"],
      ]
    );

  test("mask phone numbers and quote citizen text only in part", () => {
    const s = run([tickets()]);
    const text = JSON.stringify(s);
    expect(text).not.toMatch(/13812345678|13912345678|62345678/);
    const signed = s.issues.filter((i) => i.column === "签收时间");
    expect(signed.map((i) => i.cell)).toEqual(["C2", "C3"]);
    expect(signed[0].message).toContain("138****5678");
    // the story is cut before its phone number, and its end never reaches a message
    expect(signed[1].message).toContain(`${Array.from(story).slice(0, QUOTE_MAX).join("")}…`);
    expect(signed[1].message).not.toContain("联系电话");
  });

  test("privacy.maskPhones off: the numbers are quoted as written", () => {
    const s = run([tickets(), paramsSheet([["privacy.maskPhones", "否"]])]);
    expect(s.issues.find((i) => i.cell === "C2")!.message).toContain("13812345678");
  });
});
