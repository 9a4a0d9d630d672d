// The broken-workbook corpus: a small valid workbook (the first rows of each sheet of the
// small-2months fixture) with one to five things done to it, chosen by fast-check from a seed,
// so a failing case reproduces from its seed and path. What is done is what workbooks that
// pass through many hands have: wrong types in every column, Excel error values, formulas with
// and without cached results, merged cells, hidden rows, columns and sheets, duplicate and blank
// headers, 32,767-character strings, invisible and right-to-left characters and emoji in keys,
// date serials at Excel's edges, impossible dates, empty sheets, headers below row 10, notes and
// totals under the data, 400 extra columns, a garbage 规则参数 sheet, sheets named like results;
// and the shapes of a platform export (WORKBOOK.md revision 3): its own headers under a title, the
// tickets as monthly sheets with, without or with a wrong 列映射, yes/no columns as 1 and blank or
// as 已解决 / 未解决 / 部分解决.
import fc from "fast-check";
import { RawTable } from "../../src/engine/table";
import { columnLetter } from "../../src/engine/table";
import { Book, CellModel, Plain, SheetModel } from "./book";
import { SHEETS } from "../../src/engine/sheets";

export const ERROR_VALUES = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

/** Cell values that go wrong somewhere: every kind, in every column it does not belong to. */
export const hostileValue: fc.Arbitrary<Plain> = fc.oneof(
  fc.constantFrom(...ERROR_VALUES).map((error) => ({ error })),
  // date serials: Excel's first day, its fictitious 1900-02-29, the day after, its last day and
  // beyond, negative, fractional, zero
  fc.constantFrom(1, 60, 61, 2958465, 2958466, 3e6, 0, -1, -0.5, 0.25, 44927.999999999, 45000.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e7 }),
  fc.boolean(),
  fc.constantFrom(
    "2023-02-30",
    "2023-13-01",
    "2023-01-01 25:00",
    "1900-02-29",
    "0000-00-00",
    "9999-12-31 23:59:59",
    "2023/2/29 8:00",
    "二〇二三年二月三十日",
    "昨天下午",
    "45000",
    "１２３",
    "50%",
    "是否"
  ),
  // formula-like text: never a formula when written back
  fc.constantFrom(
    "=1+1",
    "+1",
    "-1-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://x","点")',
    "=cmd|' /C calc'!A0"
  ),
  fc.constantFrom("x".repeat(32767), "工".repeat(32767)),
  // keys with what cannot be seen, what reorders text, and what is more than one UTF-16 unit
  fc.constantFrom(
    "GD\u200b0001",
    "\u202eGD0001",
    "GD0001😀",
    "\ufeffGD0001",
    "Ｇ Ｄ ０００１",
    " GD0001 ",
    "GD\u05d0\u05d1"
  ),
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.constantFrom("13812345678", "010-62345678", "_x000D_", "<b>&amp;</b>", "合计", "注："),
  fc.constant(null),
  fc.constant("")
);

type Mutation = { label: string; apply: (b: Book) => void };

const pick = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

/** The sheets with data, for mutations that need one. */
const dataSheets = (b: Book) => b.sheets.filter((s) => s.rows.length > 0);

function setCell(s: SheetModel, r: number, c: number, v: CellModel): void {
  while (s.rows.length <= r) s.rows.push([]);
  const row = s.rows[r];
  while (row.length <= c) row.push(null);
  row[c] = v;
}

const idx = fc.nat({ max: 10_000 });

const mutations: fc.Arbitrary<Mutation>[] = [
  // a wrong value anywhere (most often in a data row)
  fc.tuple(idx, idx, idx, hostileValue).map(([si, r, c, v]) => ({
    label: `cell ${si}:${r}:${c}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s) return;
      const width = Math.max(1, s.rows[0]?.length ?? 1);
      setCell(s, 1 + (r % Math.max(1, s.rows.length)), c % width, v);
    },
  })),
  // a whole column of wrong values
  fc.tuple(idx, idx, hostileValue).map(([si, c, v]) => ({
    label: `column ${si}:${c}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s) return;
      const col = c % Math.max(1, s.rows[0]?.length ?? 1);
      for (let r = 1; r < s.rows.length; r++) setCell(s, r, col, v);
    },
  })),
  // a formula, with or without its cached result
  fc.tuple(idx, idx, idx, hostileValue, fc.boolean()).map(([si, r, c, v, cached]) => ({
    label: `formula ${si}:${r}:${c}${cached ? "" : " uncached"}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s) return;
      const width = Math.max(1, s.rows[0]?.length ?? 1);
      const row = r % Math.max(1, s.rows.length);
      const col = c % width;
      setCell(s, row, col, { f: `IF(TRUE,${JSON.stringify(String(v ?? ""))})`, result: v, cached });
    },
  })),
  // a merged area, in the header or the data
  fc
    .tuple(idx, idx, idx, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
    .map(([si, r, c, h, w]) => ({
      label: `merge ${si}:${r}:${c} ${h}x${w}`,
      apply: (b) => {
        const s = pick(dataSheets(b), si);
        if (!s) return;
        const row = r % Math.max(1, s.rows.length);
        const col = c % Math.max(1, s.rows[0]?.length ?? 1);
        if (s.merges.length) return; // one per sheet: overlapping merges are not a workbook
        if (h === 1 && w === 1) return;
        const a = `${columnLetter(s.at.col + col)}${s.at.row + row}`;
        const z = `${columnLetter(s.at.col + col + w - 1)}${s.at.row + row + h - 1}`;
        s.merges.push(`${a}:${z}`);
      },
    })),
  fc.tuple(idx, idx, fc.constantFrom("row", "column", "sheet")).map(([si, i, what]) => ({
    label: `hide ${what} ${si}:${i}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s) return;
      if (what === "row") s.hiddenRows.push(s.at.row + (i % Math.max(1, s.rows.length)));
      else if (what === "column")
        s.hiddenCols.push(s.at.col + (i % Math.max(1, s.rows[0]?.length ?? 1)));
      // Excel keeps one sheet visible
      else if (b.sheets.filter((x) => x.state === "visible").length > 1)
        s.state = i % 2 ? "hidden" : "veryHidden";
    },
  })),
  // a header copied onto another, or blanked
  fc.tuple(idx, idx, idx, fc.boolean()).map(([si, from, to, blank]) => ({
    label: `${blank ? "blank" : "duplicate"} header ${si}:${from}:${to}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      const h = s?.rows[0];
      if (!h?.length) return;
      h[to % h.length] = blank ? null : h[from % h.length];
    },
  })),
  // a title block above the header (below row 10 from 10 rows on), or the table elsewhere
  fc
    .tuple(idx, fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 5 }))
    .map(([si, down, right]) => ({
      label: `move ${si} ${down} down ${right} right`,
      apply: (b) => {
        const s = pick(dataSheets(b), si);
        if (!s) return;
        s.rows.unshift(
          ["2023年度接诉即办台账（内部资料）"],
          ...Array.from({ length: down - 1 }, () => [])
        );
        s.at = { row: s.at.row, col: s.at.col + right };
      },
    })),
  // notes and totals under the data
  fc.tuple(idx, hostileValue).map(([si, v]) => ({
    label: `footer ${si}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s) return;
      s.rows.push(
        [],
        ["合计", s.rows.length - 1, v],
        ["注：以上数据截至月末，仅供内部核对。"],
        ["制表人：", "张三"]
      );
    },
  })),
  // 400 extra columns
  fc.tuple(idx, hostileValue).map(([si, v]) => ({
    label: `400 columns ${si}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s || !s.rows.length) return;
      s.rows.forEach((row, r) => {
        const width = s.rows[0].length;
        while (row.length < width) row.push(null);
        for (let j = 0; j < 400; j++) row.push(r === 0 ? `备用${j + 1}` : j % 7 === 0 ? v : j);
      });
    },
  })),
  fc.tuple(idx, fc.constantFrom("empty", "headers", "drop")).map(([si, what]) => ({
    label: `${what} ${si}`,
    apply: (b) => {
      const s = pick(dataSheets(b), si);
      if (!s) return;
      if (what === "empty") s.rows = [];
      else if (what === "headers") s.rows = s.rows.slice(0, 1);
      else if (b.sheets.length > 1) b.sheets.splice(b.sheets.indexOf(s), 1);
    },
  })),
  // a 规则参数 sheet of garbage: unknown keys, wrong values, error values, no header
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            "r2.threshold",
            "service.start",
            "r1.mode",
            "privacy.maskPhones",
            "payments.installment2Rate",
            "contract.totalFee"
          ),
          fc.string({ unit: "binary", maxLength: 12 })
        ),
        hostileValue
      ),
      { minLength: 1, maxLength: 30 }
    )
    .chain((rows) => fc.boolean().map((header) => ({ rows, header })))
    .map(({ rows, header }) => ({
      label: `garbage 规则参数 (${rows.length})`,
      apply: (b) => {
        b.sheets = b.sheets.filter((s) => s.name !== "规则参数");
        b.sheets.push(
          sheetModel("规则参数", [
            ...(header ? [["参数", "值"]] : []),
            ...rows.map(([k, v]) => [k, v]),
          ])
        );
      },
    })),
  // the user's own sheets, named like the results: never read as results, never touched
  fc
    .tuple(
      fc.constantFrom("核查汇总(2)", "KPI明细 备份", "运行记录 (旧)", "扣款明细-手工", "校验问题 "),
      hostileValue
    )
    .map(([name, v]) => ({
      label: `own sheet ${name}`,
      apply: (b) => {
        if (b.sheets.some((s) => s.name === name)) return;
        b.sheets.push(
          sheetModel(name, [
            ["手工核对", "金额"],
            ["R1", 200],
            ["备注", v],
          ])
        );
      },
    })),
  // the platform's export headers in place of the template's (the first known one of each field)
  fc.tuple(idx, fc.boolean()).map(([k, title]) => ({
    label: `export headers${title ? " under a title" : ""} ${k}`,
    apply: (b) => {
      const s = b.sheets.find((x) => x.name === "工单");
      if (!s?.rows.length) return;
      const def = SHEETS.find((d) => d.key === "tickets")!;
      s.rows[0] = s.rows[0].map((h) => {
        const col = def.columns.find((c) => c.zh === h);
        const alts = col?.exportHeaders ?? [];
        return alts.length ? alts[k % alts.length] : h;
      });
      if (title) s.rows.unshift(["12345 工单导出"], ["导出时间：2024-01-05", null, "共 N 条"]);
    },
  })),
  // the tickets as monthly sheets (of n), with or without the 列映射 listing them
  fc
    .tuple(fc.integer({ min: 2, max: 4 }), fc.constantFrom("map", "none", "wrong"))
    .map(([n, how]) => ({
      label: `monthly ${n} ${how}`,
      apply: (b) => {
        const i = b.sheets.findIndex((x) => x.name === "工单");
        if (i < 0 || b.sheets[i].rows.length < 2) return;
        const [header, ...data] = b.sheets[i].rows;
        const size = Math.ceil(data.length / n);
        const parts = Array.from({ length: n }, (_, k) =>
          sheetModel(`2023年${String(k + 1).padStart(2, "0")}月`, [
            header,
            ...data.slice(k * size, (k + 1) * size),
          ])
        );
        b.sheets.splice(i, 1, ...parts);
        if (how === "none") return;
        const names = parts.map((p) => p.name);
        // "wrong": a sheet that is not there and a header given to two fields
        const rows: CellModel[][] = [
          ["表", "字段", "来源", "值映射", "说明"],
          [
            "工单",
            "（工作表）",
            (how === "wrong" ? [...names, "2099年13月"] : names).join("；"),
            null,
            null,
          ],
        ];
        if (how === "wrong")
          rows.push(
            ["工单", "签收时间", "派单时间", null, null],
            ["工单", "转派时间", "派单时间", null, null]
          );
        b.sheets.push(sheetModel("列映射", rows));
      },
    })),
  // a yes/no column as exports write it: 1 and blank, or 已解决 / 未解决 / 部分解决
  fc.tuple(idx, fc.constantFrom("flag", "words")).map(([k, how]) => ({
    label: `flags ${how} ${k}`,
    apply: (b) => {
      const s = b.sheets.find((x) => x.name === "工单");
      if (!s?.rows.length) return;
      const def = SHEETS.find((d) => d.key === "tickets")!;
      const bools = s.rows[0]
        .map((h, j) => ({ j, col: def.columns.find((c) => c.zh === h) }))
        .filter((x) => x.col?.type.kind === "bool");
      const hit = pick(bools, k);
      if (!hit) return;
      const words = ["已解决", "未解决", "部分解决"];
      for (let r = 1; r < s.rows.length; r++) {
        const v = s.rows[r][hit.j];
        setCell(
          s,
          r,
          hit.j,
          how === "flag" ? (v === "是" ? 1 : null) : v === "是" ? words[0] : words[1 + (r % 2)]
        );
      }
    },
  })),
];

export function sheetModel(name: string, rows: CellModel[][]): SheetModel {
  return {
    name,
    rows,
    at: { row: 1, col: 1 },
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
    state: "visible",
  };
}

/** The base: each sheet of the fixture cut to its header and `rows` data rows. */
export function baseBook(tables: RawTable[], rows: number): Book {
  return {
    sheets: tables.map((t) =>
      sheetModel(
        t.name,
        t.values
          .slice(0, 1 + rows)
          .map((r) => r.map((v) => (v === undefined ? null : (v as Plain))))
      )
    ),
  };
}

export interface Case {
  book: Book;
  labels: string[];
}

/** A corpus case: the base with 1 to 5 mutations. */
export function caseArbitrary(tables: RawTable[]): fc.Arbitrary<Case> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 5 })
    )
    .map(([rows, ms]) => {
      const book = baseBook(tables, rows);
      for (const m of ms) m.apply(book);
      return { book, labels: ms.map((m) => m.label) };
    });
}
