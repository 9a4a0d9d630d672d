// R10 排名 (district ranking), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { RawCell } from "../../../src/engine/table";
import { kpi, kpisOf, oneTicket, run, sheet, tickets } from "../helpers";

describe("R10 district ranking (baseline 26, fee ¥3,999,996.00)", () => {
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  const ranked = (rank: RawCell, period: RawCell = "2023", peer: RawCell = null) =>
    run([base, sheet("考核排名", ["期间", "区级排名", "委办局排名"], [[period, rank, peer]])]);

  test.each([
    [29, 3, "199999.80", "3799996.20"],
    [30, 4, "399999.60", "3599996.40"],
    [31, 5, "399999.60", "3599996.40"],
    [32, 6, "599999.40", "3399996.60"],
    [27, 1, "199999.80", "3799996.20"],
  ])("rank %i (drop %i) deducts %s", (rank, _drop, amount, settlement) => {
    const s = ranked(rank);
    expect(kpi(s, "R10", "2023")).toMatchObject({ status: "fail", deduction: amount });
    // the only deduction of the run; evaluated on service.end → final window → a refund owed by Party B
    expect(s.totals).toMatchObject({
      deductions: amount,
      firstWindow: "0.00",
      finalWindow: amount,
      refundDue: amount,
      settlement,
      installment3Payable: "799999.20",
    });
  });
  test("rank 26 (no drop) passes", () => {
    expect(kpi(ranked(26), "R10", "2023")).toMatchObject({ status: "pass", deduction: "0.00" });
  });
  test("the number 2023 in 期间 is the year", () => {
    expect(kpi(ranked(30, 2023), "R10", "2023")).toMatchObject({
      status: "fail",
      deduction: "399999.60",
    });
  });
  test("a peer rank outside the top 3 is a finding with no deduction", () => {
    const s = ranked(26, "2023", 4);
    expect(kpi(s, "R10", "2023").deduction).toBe("0.00");
    expect(s.findings.filter((f) => f.ruleId === "R10").length).toBe(1);
  });
  test("pending before 2023-12-31", () => {
    const s = run([base, sheet("考核排名", ["期间", "区级排名"], [["2023", 32]])], {
      asOf: "2023-12-30",
    });
    expect(kpi(s, "R10", "2023")).toMatchObject({ status: "pending", deduction: "0.00" });
  });
  test("no annual row: pending with a warning", () => {
    const s = run([base, sheet("考核排名", ["期间", "区级排名"], [["2023-05", 40]])]);
    expect(kpi(s, "R10", "2023").status).toBe("pending");
    expect(s.issues.some((i) => i.level === "warning" && i.sheet === "考核排名")).toBe(true);
  });
});

describe("revision 2: unreadable data never makes a deduction", () => {
  const t1 = () => oneTicket();
  test("R10: the year's row with an unreadable rank is na, naming the cell", () => {
    const s = run([t1(), sheet("考核排名", ["期间", "区级排名"], [["2023", "第二十名"]])]);
    const k = kpisOf(s, "R10")[0];
    expect(k).toMatchObject({ status: "na", deduction: "0.00" });
    expect(k.note).toContain("考核排名!B2");
  });
});
