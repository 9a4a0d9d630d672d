// Reading the workbook as it is (WORKBOOK.md revision 3, 列映射): known export headers taken when
// they are the one candidate, never two, never a near-meaning header; the 列映射 sheet (several
// source sheets, `|`, 值映射 with 空 and 其他) and every error of it; evidence, issues and
// fingerprints naming the sheet and row a value came from.
import { AuditFailure, audit } from "../../src/engine/audit";
import { verifyInputs } from "../../src/engine/verify";
import { layoutResults } from "../../src/engine/layout";
import type { RawCell, RawTable } from "../../src/engine/table";
import { applyValueMap, parseMapping } from "../../src/engine/mapping";
import { readWorkbook, sheetsToRead } from "../../src/engine/read";
import { issuesWith, kpi, run, sheet } from "./helpers";

/** A 列映射 sheet: 表 | 字段 | 来源 | 值映射 | 说明 */
const mapSheet = (rows: RawCell[][], name = "列映射"): RawTable =>
  sheet(name, ["表", "字段", "来源", "值映射", "说明"], rows);

/** March tickets forwarded 10 minutes after signing, `n` of them, numbered from `from`. */
function march(n: number, from = 1, day = 1): RawCell[][] {
  const out: RawCell[][] = [];
  for (let i = 0; i < n; i++) {
    const d = String(day).padStart(2, "0");
    out.push([`GD${from + i}`, `2023-03-${d} 09:00`, `2023-03-${d} 09:10`, `2023-03-${d} 09:20`]);
  }
  return out;
}

function failure(f: () => unknown): AuditFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof AuditFailure) return e;
    throw e;
  }
  throw new Error("expected the run to stop");
}

describe("known export headers, without any mapping", () => {
  test("the one candidate of a field is taken, recorded as 平台导出 (export)", () => {
    const s = run([sheet("工单", ["工单号", "下派时间", "接单时间", "转办时间"], march(3))]);
    expect(s.mapping.filter((m) => m.sheet === "工单")).toEqual([
      { sheet: "工单", field: "工单编号", source: "工单号", values: "", how: "export" },
      { sheet: "工单", field: "派单时间", source: "下派时间", values: "", how: "export" },
      { sheet: "工单", field: "签收时间", source: "接单时间", values: "", how: "export" },
      { sheet: "工单", field: "转派时间", source: "转办时间", values: "", how: "export" },
    ]);
    expect(kpi(s, "R1", "2023-03-01").denominator).toBe(3);
  });

  test("two candidates: neither is taken, and a warning names both", () => {
    const rows = march(2).map((r) => [...r, r[3]]);
    const s = run([
      sheet("工单", ["工单编号", "派单时间", "签收时间", "转办时间", "派发时间"], rows),
    ]);
    const [w] = issuesWith(s, "ambiguous-column");
    expect(w.level).toBe("warning");
    expect(w.message).toContain("“转办时间”");
    expect(w.message).toContain("“派发时间”");
    expect(s.mapping.some((m) => m.field === "转派时间")).toBe(false);
  });

  test("the field's own header beats an export header, which is then an unknown column", () => {
    const rows = march(2).map((r) => [...r, "2023-01-01 00:00"]);
    const s = run([
      sheet("工单", ["工单编号", "派单时间", "签收时间", "转派时间", "转办时间"], rows),
    ]);
    expect(s.mapping.find((m) => m.field === "转派时间")).toMatchObject({
      source: "转派时间",
      how: "header",
    });
    expect(issuesWith(s, "unknown-column").map((i) => i.column)).toEqual(["转办时间"]);
  });

  test("a near-meaning header (来电时间 for 派单时间) is never taken: the field is missing, the header suggested", () => {
    const rows = march(2).map((r) => [r[0], r[1], r[2], r[3]]);
    const s = run([sheet("工单", ["工单编号", "来电时间", "签收时间", "转派时间"], rows)]);
    expect(s.mapping.some((m) => m.field === "派单时间")).toBe(false);
    const [missing] = issuesWith(s, "missing-column").filter((i) => i.column === "派单时间");
    expect(missing.level).toBe("error");
    expect(missing.message).toContain("来电时间");
    expect(missing.message).toContain("列映射");
    expect(s.kpis.filter((k) => k.ruleId === "R1").every((k) => k.status === "na")).toBe(true);
  });

  test("the header row is found below title and filter rows, up to row 20", () => {
    const title: RawCell[][] = Array.from({ length: 15 }, (_, i) => [`说明 ${i}`]);
    const t: RawTable = {
      name: "工单",
      firstRow: 1,
      firstCol: 1,
      values: [...title, ["工单号", "下派时间", "接单时间", "转办时间"], ...march(2)],
    };
    const s = run([t]);
    expect(kpi(s, "R1", "2023-03-01").denominator).toBe(2);
  });

  test("values without a mapping: 已解决/解决/未解决, 有/无, 投诉类, 未评价 (a blank)", () => {
    const s = run([
      sheet(
        "工单",
        ["工单编号", "派单时间", "签收时间", "是否解决", "回访录音", "诉求类型", "满意度"],
        [
          ["A", "2023-03-01 09:00", "2023-03-01 09:10", "已解决", "有", "投诉类", "未评价"],
          ["B", "2023-03-01 09:00", "2023-03-01 09:10", "解决", "无", "咨询类", "满意"],
          ["C", "2023-03-01 09:00", "2023-03-01 09:10", "未解决", null, "建议", null],
        ]
      ),
    ]);
    expect(s.issues.filter((i) => i.level === "error")).toEqual([]);
  });
});

describe("the 列映射 sheet", () => {
  test("several monthly sheets read as one 工单, each with its own header row; issues and evidence name the sheet and row", () => {
    const jan = sheet("2023年3月上", ["工单号", "派单时间", "签收时间", "转派时间"], march(3, 1));
    // the second sheet has a title row and its columns in another order; ticket GD2 repeats
    const feb: RawTable = {
      name: "2023年3月下",
      firstRow: 1,
      firstCol: 1,
      values: [
        ["三月下半月 工单明细"],
        ["派单时间", "工单号", "签收时间", "转派时间"],
        ["2023-03-20 09:00", "GD10", "2023-03-21 09:10", null],
        ["2023-03-20 09:00", "GD2", "2023-03-20 09:10", null],
      ],
    };
    const s = run([
      jan,
      feb,
      mapSheet([["工单", "（工作表）", "2023年3月上；2023年3月下", null, null]]),
    ]);
    expect(s.sheets.find((x) => x.key === "tickets")!.sources.map((x) => [x.name, x.rows])).toEqual(
      [
        ["2023年3月上", 3],
        ["2023年3月下", 2],
      ]
    );
    const [dup] = issuesWith(s, "duplicate");
    expect([dup.sheet, dup.row, dup.column, dup.cell]).toEqual(["2023年3月下", 4, "工单号", "B4"]);
    expect(dup.message).toContain("“2023年3月上”第3行");
    // GD10, received 03-20 and signed the next day, is R1's failure: its evidence is in the second sheet
    const r = audit([
      jan,
      feb,
      mapSheet([["工单", "（工作表）", "2023年3月上；2023年3月下", null, null]]),
    ]);
    const day = r.kpis.find((k) => k.ruleId === "R1" && k.period === "2023-03-20")!;
    expect(day.status).toBe("fail");
    expect(day.evidence.map((e) => [e.sheet, e.row, e.cell, e.label])).toEqual([
      ["2023年3月下", 3, "B3", "GD10"],
    ]);
  });

  test("a field missing from one monthly sheet only is an error naming that sheet; its rows are left out of the rules needing it", () => {
    const a = sheet(
      "三月",
      ["工单号", "派单时间", "签收时间", "转派时间", "派单准确"],
      [...march(2, 1).map((r) => [...r, "否"])]
    );
    const b = sheet("三月补", ["工单号", "派单时间", "签收时间", "转派时间"], march(2, 5, 2));
    const s = run([a, b, mapSheet([["工单", "（工作表）", "三月；三月补", null, null]])]);
    const missing = issuesWith(s, "missing-column").filter((i) => i.column === "派单准确");
    expect(missing.map((i) => [i.sheet, i.level])).toEqual([["三月补", "error"]]);
    const r2 = kpi(s, "R2", "2023-03");
    expect([r2.numerator, r2.denominator, r2.leftOut]).toEqual([0, 2, 2]);
  });

  test("值映射: 退回次数 0=是；其他=否 gives 派单准确; 空 maps a blank cell", () => {
    const rows = march(10).map((r, i) => [...r, i < 8 ? 0 : i === 8 ? 2 : null, i < 5 ? 1 : null]);
    const t = sheet(
      "工单",
      ["工单编号", "派单时间", "签收时间", "转派时间", "退回次数", "是否重点"],
      rows
    );
    const s = run([
      t,
      mapSheet([
        ["工单", "派单准确", "退回次数", "0=是；其他=否", "退回即不准确"],
        ["工单", "重点诉求", "是否重点", "1=是；空=否", null],
      ]),
    ]);
    // eight 0 (correct), one 2 (wrong), one blank: not mapped (no 空), so blank = correct by default
    const r2 = kpi(s, "R2", "2023-03");
    expect([r2.numerator, r2.denominator]).toEqual([9, 10]);
    expect(s.mapping.find((m) => m.field === "派单准确")).toEqual({
      sheet: "工单",
      field: "派单准确",
      source: "退回次数",
      values: "0=是；其他=否",
      how: "map",
    });
    expect(s.issues.filter((i) => i.level === "error")).toEqual([]);
  });

  test("applyValueMap: a listed value, 其他, 空, an unlisted value without 其他, an error value", () => {
    const m = parseMapping(
      mapSheet([
        [
          "工单",
          "满意度",
          "是否满意",
          "非常满意=满意；一般=基本满意；未评价=空；其他=不满意",
          null,
        ],
      ]),
      [sheet("工单", ["是否满意"], [])]
    );
    expect(m.errors).toEqual([]);
    const vm = m.mapping.inputs.get("tickets")!.fields.get("satisfaction")!.values!;
    expect(applyValueMap("非常满意", vm)).toBe("满意");
    expect(applyValueMap(" 一般 ", vm)).toBe("基本满意");
    expect(applyValueMap("未评价", vm)).toBeNull();
    expect(applyValueMap("差", vm)).toBe("不满意");
    expect(applyValueMap(null, vm)).toBeNull();
    expect(applyValueMap({ error: "#N/A" }, vm)).toEqual({ error: "#N/A" });
    const m2 = parseMapping(mapSheet([["工单", "派单准确", "退回次数", "0=是", null]]), [
      sheet("工单", ["退回次数"], []),
    ]);
    const vm2 = m2.mapping.inputs.get("tickets")!.fields.get("dispatch_correct")!.values!;
    expect(applyValueMap(0, vm2)).toBe("是");
    expect(applyValueMap(3, vm2)).toBe(3); // no 其他: read as written (an error at its cell)
  });

  test("a value neither the column nor the 值映射 reads is an error at its cell, and counted for a 值映射", () => {
    const rows = march(4).map((r, i) => [...r, ["部分解决", "部分解决", "已解决", "待定"][i]]);
    const t = sheet("工单", ["工单编号", "派单时间", "签收时间", "转派时间", "是否解决"], rows);
    const r = audit([t]);
    const errors = r.issues.filter((i) => i.code === "invalid-bool");
    expect(errors.map((i) => i.cell)).toEqual(["E2", "E3", "E5"]);
    const read = readWorkbook([t]);
    expect([...read.sheets.tickets!.unreadable.get("resolved")!]).toEqual([
      ["部分解决", 2],
      ["待定", 1],
    ]);
  });

  test("`|`: the first non-blank of several headers, and the issue names the column the value came from", () => {
    const t = sheet(
      "工单",
      ["工单编号", "派单时间", "签收时间", "延期后截止日期", "办理截止时间"],
      [
        ["A", "2023-03-01 09:00", "2023-03-01 09:10", "2023-03-20 00:00", "2023-03-08 00:00"],
        ["B", "2023-03-01 09:00", "2023-03-01 09:10", null, "不是日期"],
      ]
    );
    const r = audit([
      t,
      mapSheet([["工单", "办理时限", "延期后截止日期|办理截止时间", null, null]]),
    ]);
    expect(r.mapping.find((m) => m.field === "办理时限")!.source).toBe(
      "延期后截止日期|办理截止时间"
    );
    const bad = r.issues.filter((i) => i.code === "invalid-datetime");
    expect(bad.map((i) => [i.row, i.column, i.cell])).toEqual([[3, "办理截止时间", "E3"]]);
  });

  test("a blank 来源 means the data has no such column: it is not matched automatically", () => {
    const rows = march(2).map((r) => [...r, "否"]);
    const s = run([
      sheet("工单", ["工单编号", "派单时间", "签收时间", "转派时间", "派单准确"], rows),
      mapSheet([["工单", "派单准确", null, null, "平台不导出"]]),
    ]);
    expect(s.mapping.some((m) => m.field === "派单准确")).toBe(false);
    expect(kpi(s, "R2", "2023-03").status).toBe("na");
  });

  test("人员 renamed (人员名单) with a renamed field, as export-monthly's 列映射 has it", () => {
    const staff = sheet(
      "人员名单",
      ["工号", "姓名", "岗位", "学历", "入职日期", "入职培训日期"],
      [["S1", "张三", "项目经理", "本科", "2023-01-16", "2023-01-13"]]
    );
    const s = run([
      sheet("工单", ["工单编号", "派单时间", "签收时间", "转派时间"], march(1)),
      staff,
      mapSheet([
        ["人员", "（工作表）", "人员名单", null, null],
        ["人员", "岗前培训日期", "入职培训日期", null, null],
      ]),
    ]);
    expect(s.sheets.find((x) => x.key === "staff")!.name).toBe("人员名单");
    expect(s.mapping.find((m) => m.field === "岗前培训日期")!.how).toBe("map");
  });
});

describe("列映射 errors stop the run before anything is computed, each naming its row", () => {
  const base = () =>
    sheet("工单", ["工单号", "派单时间", "签收时间", "退回次数", "备注"], march(1));
  test.each([
    ["an unknown 表", ["工作量", "派单准确", "退回次数", null], "A2", "不是", "表"],
    ["an unknown 字段", ["工单", "派单正确", "退回次数", null], "B2", "不是工单表的字段", "字段"],
    [
      "a 来源 sheet not in the workbook",
      ["工单", "（工作表）", "2023年1月", null],
      "C2",
      "不在工作簿中",
      "",
    ],
    ["a 来源 header not in the sheet", ["工单", "派单准确", "退单次数", null], "C2", "不在", ""],
    [
      "a target that is not an allowed value",
      ["工单", "派单准确", "退回次数", "0=对的；其他=错"],
      "D2",
      "不是“派单准确”允许的值",
      "",
    ],
    ["a value map on a text field", ["工单", "问题分类", "备注", "a=b"], "D2", "不能有值映射", ""],
    ["a malformed value map", ["工单", "派单准确", "退回次数", "0是"], "D2", "源值=目标值", ""],
  ])("%s", (_, row, cell, words) => {
    const e = failure(() => audit([base(), mapSheet([row as RawCell[]])]));
    expect(e.code).toBe("invalid-mapping");
    expect(e.messageZh).toContain("列映射 第2行");
    expect(e.messageZh).toContain(words);
    expect(e.paramErrors[0].cell).toBe(cell);
  });

  test("one source header given to two fields of one input", () => {
    const e = failure(() =>
      audit([
        base(),
        mapSheet([
          ["工单", "派单准确", "退回次数", null, null],
          ["工单", "重点诉求", "退回次数", null, null],
        ]),
      ])
    );
    expect(
      e.paramErrors.map((p) => [p.row, p.message.includes("一个表头只能对应一个字段")])
    ).toEqual([[3, true]]);
  });

  test("a 来源 sheet listed under two inputs", () => {
    const e = failure(() =>
      audit([
        base(),
        sheet("名单", ["工号", "姓名"], []),
        mapSheet([
          ["人员", "（工作表）", "名单", null, null],
          ["排班", "（工作表）", "名单", null, null],
        ]),
      ])
    );
    expect(e.paramErrors.map((p) => p.row)).toEqual([3]);
    expect(e.messageZh).toContain("一张工作表只能是一个输入表");
  });
});

describe("which sheets a run reads, and the fingerprints of mapped sources", () => {
  const jan = sheet("一月", ["工单号", "派单时间", "签收时间", "转派时间"], march(2, 1));
  const feb = sheet("二月", ["工单号", "派单时间", "签收时间", "转派时间"], march(2, 5, 2));
  const map = mapSheet([["工单", "（工作表）", "一月；二月", null, null]]);

  test("sheetsToRead: input names, 规则参数, 列映射 and its sources; never a result sheet or another sheet", () => {
    expect(
      sheetsToRead(["说明", "一月", "二月", "列映射", "规则参数", "核查汇总", "人员"], map)
    ).toEqual(["一月", "二月", "列映射", "规则参数", "人员"]);
    expect(sheetsToRead(["一月", "工单", "人员"], null)).toEqual(["工单", "人员"]);
    // neither a 工单 sheet nor a 列映射: every sheet, to say which look like tickets
    expect(sheetsToRead(["一月", "人员", "运行记录"], null)).toEqual(["一月", "人员"]);
  });

  test("the run log fingerprints every source sheet and 列映射; verify notices a change in a monthly sheet", () => {
    const r = audit([jan, feb, map], { runAt: "2026-12-03 10:00:00" });
    const log = layoutResults(r).find((s) => s.name === "运行记录")!;
    // the run log as a table the way a workbook would hold it
    const rows: RawCell[][] = [];
    for (const b of log.blocks)
      if (b.kind === "table") {
        rows.push(b.columns.map((c) => c.header));
        for (const row of b.rows)
          rows.push(
            row.map((c) =>
              c.v !== null && typeof c.v === "object" && "text" in c.v
                ? c.v.text
                : typeof c.v === "number"
                  ? c.v
                  : null
            )
          );
        rows.push([]);
      }
    const logTable: RawTable = { name: "运行记录", firstRow: 1, firstCol: 1, values: rows };
    const same = verifyInputs([jan, feb, map, logTable]);
    expect(same.items.map((i) => [i.sheet, i.status])).toEqual(
      expect.arrayContaining([
        ["一月", "same"],
        ["二月", "same"],
        ["列映射", "same"],
      ])
    );
    expect(same.unchanged).toBe(true);
    const edited: RawTable = {
      ...feb,
      values: feb.values.map((r, i) => (i === 2 ? [...r.slice(0, 3), "2023-03-02 11:00"] : r)),
    };
    const changed = verifyInputs([jan, edited, map, logTable]);
    expect(changed.items.find((i) => i.sheet === "二月")!.status).toBe("changed");
    expect(changed.unchanged).toBe(false);
  });
});
