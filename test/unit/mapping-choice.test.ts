// The pane's 列映射 step as data: the suggestions taken as offered give the 列映射 a user would
// confirm, and a run with it gives the same totals as export-monthly's own 列映射; a field found by
// its own header writes no row; a value target joins the field's 值映射; the table's own rows keep
// their numbers when suggestions are added below them.
import { readFileSync } from "fs";
import path from "path";
import { audit } from "../../src/engine/audit";
import {
  choiceRows,
  choiceValues,
  initialChoice,
  CONFIRMED_NOTE,
} from "../../src/engine/mapping-choice";
import { isMappingSheetName, withMappingRows } from "../../src/engine/mapping";
import { suggestMapping } from "../../src/engine/suggest";
import type { RawTable } from "../../src/engine/table";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";
import { FIXTURES } from "../fixture-checks";
import { sheet } from "./helpers";
import { ownSheetTarget } from "../../src/workbook";
import { mappingSheetSpec } from "../../src/engine/layout/own";

function tablesOf(name: string): RawTable[] {
  const wb = XlsxWorkbook.open(readFileSync(path.join(FIXTURES, name)), nodeCodec);
  return wb.readTablesSync(wb.package.sheets().map((s) => s.name));
}

const monthly = tablesOf("export-monthly.xlsx");
const bare = monthly.filter((t) => !isMappingSheetName(t.name));

test("the suggestions taken as offered give a 列映射 whose run equals the fixture's own", () => {
  const plan = suggestMapping(bare);
  expect(plan.needed).toBe(true);
  const rows = choiceRows(plan, initialChoice(plan));
  // nothing is left marked 待核对: the user confirmed it
  expect(rows.every((r) => r[4].startsWith(CONFIRMED_NOTE))).toBe(true);
  const tickets = rows.find((r) => r[0] === "工单" && r[1] === "（工作表）")!;
  expect(tickets[2].split("；")).toHaveLength(13);
  expect(rows).toContainEqual([
    "工单",
    "派单准确",
    "退回次数",
    "0=是；其他=否",
    expect.stringContaining("退回即派单不准确"),
  ]);
  expect(rows).toContainEqual(["人员", "（工作表）", "人员名单", "", CONFIRMED_NOTE]);
  // a field found by its own or an export header, with nothing to map, writes no row
  expect(rows.some((r) => r[1] === "工单编号")).toBe(false);

  const opts = { asOf: "2024-01-31", runAt: "2026-01-01 09:00:00", readings: false };
  const ours = audit([...bare, withMappingRows(null, rows)], opts);
  const theirs = audit(monthly, opts);
  expect(ours.settlement.totals).toEqual(theirs.settlement.totals);
  expect(ours.kpis.length).toBe(theirs.kpis.length);
  // and with that 列映射 in force the step is not needed again
  expect(suggestMapping(bare, rows).needed).toBe(false);
});

test("the fixture's own 列映射 needs no step; a 待核对 row does", () => {
  expect(suggestMapping(monthly).needed).toBe(false);
  const plan = suggestMapping(bare);
  const marked = choiceRows(plan, initialChoice(plan)).map((r) => [
    ...r.slice(0, 4),
    "待核对：建议",
  ]);
  const again = suggestMapping(bare, marked);
  expect(again.unconfirmed).toBe(marked.length);
  expect(again.needed).toBe(true);
});

test("a changed header and a target for an unread value are what the rows say", () => {
  const t = sheet(
    "工单",
    ["工单编号", "派单时间", "签收时间", "转派时间", "受理时间", "满意度"],
    [
      [
        "GD1",
        "2023-03-01 09:00",
        "2023-03-01 09:10",
        "2023-03-01 09:20",
        "2023-03-01 08:00",
        "非常满意",
      ],
      [
        "GD2",
        "2023-03-02 09:00",
        "2023-03-02 09:10",
        "2023-03-02 09:20",
        "2023-03-02 08:00",
        "满意",
      ],
    ]
  );
  const plan = suggestMapping([t]);
  const input = plan.inputs.find((i) => i.key === "tickets")!;
  expect(input.headers).toEqual([
    "工单编号",
    "派单时间",
    "签收时间",
    "转派时间",
    "受理时间",
    "满意度",
  ]);
  const sat = input.fields.find((f) => f.key === "satisfaction")!;
  expect(sat.unreadable).toEqual([{ value: "非常满意", count: 1, target: "满意" }]);
  expect(sat.targets).toEqual(["满意", "基本满意", "不满意", "空"]);
  const choice = initialChoice(plan);
  const c = choice.find((i) => i.key === "tickets")!;
  const f = c.fields.find((x) => x.key === "satisfaction")!;
  expect(choiceValues(f)).toBe("非常满意=满意");
  // found by name: no (工作表) row; 派单时间 found by its own header: no row
  let rows = choiceRows(plan, choice);
  expect(rows).toEqual([["工单", "满意度", "满意度", "非常满意=满意", CONFIRMED_NOTE]]);
  // the user takes 受理时间 for 派单时间 after all, and leaves 非常满意 unread
  c.fields.find((x) => x.key === "received_at")!.header = "受理时间";
  f.targets["非常满意"] = "";
  rows = choiceRows(plan, choice);
  expect(rows).toEqual([["工单", "派单时间", "受理时间", "", CONFIRMED_NOTE]]);
  // a found column turned down: a blank 来源, and the next plan neither takes nor suggests it
  c.fields.find((x) => x.key === "signed_at")!.header = "";
  rows = choiceRows(plan, choice);
  expect(rows[1]).toEqual(["工单", "签收时间", "", "", `${CONFIRMED_NOTE}：数据中无此列`]);
  const next = suggestMapping([t], rows).inputs[0].fields.find((x) => x.key === "signed_at")!;
  expect([next.header, next.suggestion]).toEqual([null, null]);
});

test("suggestions go below the workbook's own 列映射 rows, which keep their numbers", () => {
  const own: RawTable = {
    name: "列映射",
    firstRow: 1,
    firstCol: 1,
    values: [["列映射 · 标题"], ["说明"], ["字段", "表", "来源"], ["派单时间", "工单", "下派时间"]],
  };
  const t = withMappingRows(own, [["人员", "（工作表）", "人员名单", "", ""]]);
  expect(t.values.slice(0, 4)).toEqual(own.values);
  expect(t.values[4]).toEqual(["（工作表）", "人员", "人员名单"]);
});

test("a confirmed 列映射 replaces the sheet under either of its names, and nothing else", () => {
  const replaces = ownSheetTarget(mappingSheetSpec([["工单", "派单时间", "下派时间", "", ""]]));
  expect(["列映射", "ColumnMap", "columnmap", "工单", "规则参数", "列映射2"].map(replaces)).toEqual(
    [true, true, true, false, false, false]
  );
});
