// Every finding of a whole workbook (year-plain, all rules firing) has the shape the result sheets
// and the summary rely on: a rule id, a message in both languages, and evidence naming a cell.
// Kept out of test/unit (the mutation run's tests): it reads a whole fixture and checks shape,
// not arithmetic, and would cost every mutant three seconds.
import path from "path";
import { audit } from "../src/engine/audit";
import { readXlsx } from "./xlsx";

test("every finding of a whole workbook is a finding: rule, message, and evidence that names a cell", () => {
  const r = audit(readXlsx(path.join(__dirname, "fixtures", "year-plain.xlsx")).tables);
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
