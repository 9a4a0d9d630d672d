// Working days and roll-over (RULES.md §1 Calendar), against the State Council 2023 schedule:
// 国庆/中秋 2023-09-29 … 2023-10-06 off, 2023-10-07 (Sat) and 2023-10-08 (Sun) are 调休 working days.
import { addNaturalDays, addWorkdays, isWorkday, rollOver } from "../../src/engine/calendar";
import { dayNum, isoOf, run, sheet, tickets } from "./helpers";

const d = (iso: string) => {
  const [y, m, dd] = iso.split("-").map(Number);
  return dayNum(y, m, dd);
};
const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe("natural days with roll-over", () => {
  test("2023-01-20 + 30 natural days = 2023-02-19, a Sunday", () => {
    expect(isoOf(addNaturalDays(d("2023-01-20"), 30, false))).toBe("2023-02-19");
    expect(weekdayOf("2023-02-19")).toBe(0);
  });
  test("rolled over to Monday 2023-02-20", () => {
    expect(isoOf(addNaturalDays(d("2023-01-20"), 30, true))).toBe("2023-02-20");
  });
  test("a due date on a working day does not move", () => {
    expect(isoOf(rollOver(d("2023-02-20")))).toBe("2023-02-20");
    expect(isoOf(addNaturalDays(d("2023-01-21"), 30, true))).toBe("2023-02-20");
  });
  test("a due date inside the National Day holiday rolls to the 调休 Saturday 2023-10-07", () => {
    expect(isoOf(rollOver(d("2023-10-01")))).toBe("2023-10-07");
    expect(isoOf(rollOver(d("2023-09-29")))).toBe("2023-10-07");
    expect(weekdayOf("2023-10-07")).toBe(6);
  });
});

describe("the 2023 National Day schedule", () => {
  test("holiday weekdays are rest days, make-up weekend days are working days", () => {
    for (const day of [
      "2023-09-29",
      "2023-10-02",
      "2023-10-03",
      "2023-10-04",
      "2023-10-05",
      "2023-10-06",
    ])
      expect([day, isWorkday(d(day))]).toEqual([day, false]);
    for (const day of ["2023-10-07", "2023-10-08", "2023-09-28", "2023-10-09"])
      expect([day, isWorkday(d(day))]).toEqual([day, true]);
  });
  test("an ordinary weekend is a rest day", () => {
    expect(isWorkday(d("2023-10-14"))).toBe(false);
    expect(isWorkday(d("2023-10-15"))).toBe(false);
  });
});

describe("working days", () => {
  test("10 working days after 2023-09-28 = 2023-10-18", () => {
    // 10-07 (1), 10-08 (2), 10-09 … 10-13 (3–7), 10-16 (8), 10-17 (9), 10-18 (10)
    expect(isoOf(addWorkdays(d("2023-09-28"), 10))).toBe("2023-10-18");
  });
  test("2 working days after 2023-09-28 is the 调休 Sunday 2023-10-08", () => {
    expect(isoOf(addWorkdays(d("2023-09-28"), 2))).toBe("2023-10-08");
  });
  test("2023-11-28 + 10 working days = 2023-12-12", () => {
    // 11-29, 11-30, 12-01, 12-04 … 12-08, 12-11, 12-12
    expect(isoOf(addWorkdays(d("2023-11-28"), 10))).toBe("2023-12-12");
  });
  test("the day itself does not count", () => {
    expect(isoOf(addWorkdays(d("2023-11-28"), 1))).toBe("2023-11-29");
  });
});

describe("due dates in a run", () => {
  const minimal = () => tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  test("installment 1 is due 2023-02-20 (signed 2023-01-20 + 30, rolled over); installment 2 on its fixed date", () => {
    const s = run([minimal()], { asOf: "2023-03-31" });
    expect(s.installments[0].dueOn).toBe("2023-02-20");
    expect(s.installments[1].dueOn).toBe("2023-07-22"); // a Saturday: fixed dates never move
  });
  test("installment 3: 10th working day after the later of the guarantee and the first acceptance", () => {
    // guarantee 2023-11-28 is later than acceptance 2023-11-25 → 2023-12-12
    const late = run([minimal(), sheet("付款", ["期次", "保函日期"], [[3, "2023-11-28"]])]);
    expect(late.installments[2].dueOn).toBe("2023-12-12");
    // guarantee 2023-09-28 is earlier → from acceptance Saturday 2023-11-25: 11-27 … 12-01, 12-04 … 12-08
    const early = run([minimal(), sheet("付款", ["期次", "保函日期"], [[3, "2023-09-28"]])]);
    expect(early.installments[2].dueOn).toBe("2023-12-08");
  });
  test("installment 3 has no due date without a guarantee", () => {
    const s = run([minimal()]);
    expect(s.installments[2].dueOn).toBeNull();
  });
  test("with rollOverRestDays off, installment 1 stays on Sunday 2023-02-19", () => {
    const s = run([minimal()], {
      asOf: "2023-03-31",
      params: { "deadlines.rollOverRestDays": false },
    });
    expect(s.installments[0].dueOn).toBe("2023-02-19");
  });
});
