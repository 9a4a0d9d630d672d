/** @jest-environment jsdom */
// The SheetSpec → HTML print view on its own: values in the sheet's number formats, Excel's
// footer codes, stretched cells, rows with room to sign, a long table's header repeated.
import * as React from "react";
import { render } from "@testing-library/react";
import {
  SheetPrintView,
  cellText,
  footerCss,
  footerPieces,
  footerPlain,
} from "../../src/taskpane/components/PrintView";
import { SheetSpec, d, n, t } from "../../src/engine/layout/spec";

const names = { sheet: "结算确认单", file: "a&b-2023年度核查.xlsx" };

test("values as the sheet's formats show them", () => {
  expect(cellText(n(3997796, "money"))).toBe("¥3,997,796.00");
  expect(cellText(n(-12.5, "money"))).toBe("-¥12.50");
  expect(cellText(n(0.9876, "percent"))).toBe("98.76%");
  expect(cellText(n(12.4, "int"))).toBe("12");
  expect(cellText(n(3.14159, "score"))).toBe("3.14");
  expect(cellText(n(5), "money")).toBe("¥5.00");
  expect(cellText(d(19416))).toBe("2023-02-28");
  expect(cellText({ v: { seconds: 19416 * 86400 + 3661 } })).toBe("2023-02-28 01:01:01");
  expect(cellText(t("文字"))).toBe("文字");
  expect(cellText({ v: { link: { sheet: "扣款明细", cell: "A2" }, text: "扣款明细 R1" } })).toBe(
    "扣款明细 R1"
  );
  expect(cellText(n(null))).toBe("");
  expect(cellText(undefined)).toBe("");
});

test("Excel's footer codes: the sheet and file named, page codes as counters, the rest dropped", () => {
  expect(footerPieces("&A · &F", names)).toEqual(["结算确认单 · a&b-2023年度核查.xlsx"]);
  const page = footerPieces("第 &P 页 共 &N 页", names);
  expect(page).toEqual(["第 ", { counter: "page" }, " 页 共 ", { counter: "pages" }, " 页"]);
  expect(footerCss(page)).toBe('"第 " counter(page) " 页 共 " counter(pages) " 页"');
  expect(footerPlain(page)).toBe("");
  expect(footerPlain(footerPieces('&"Arial,Bold"&12评价截止 2023 && "x"', names))).toBe(
    '评价截止 2023 & "x"'
  );
  expect(footerCss(footerPieces('a "b" \\c', names))).toBe('"a \\"b\\" \\\\c"');
});

const spec: SheetSpec = {
  name: "结算确认单",
  title: "标题",
  subtitle: "副标题",
  freezeRows: 0,
  widths: [20, 20, 10, 10],
  blocks: [
    {
      kind: "keyValue",
      row: 4,
      caption: "结论",
      stretch: true,
      rows: [
        ["应付", { ...n(100, "money"), bold: true }, t("壹佰元整")],
        ["说明", t("一句话")],
      ],
    },
    { kind: "keyValue", row: 7, lines: 3, rows: [["签字", t("____"), t("日期")]] },
    {
      kind: "table",
      row: 10,
      name: "T",
      caption: "表",
      columns: [
        { header: "项目", format: "text", width: 20 },
        { header: "金额", format: "money", width: 20 },
        { header: "说明", format: "text", width: 10 },
      ],
      rows: [[t("甲"), n(1.5, "money"), t("乙")]],
      rowHighlight: ["fail"],
    },
  ],
  print: {
    orientation: "portrait",
    fit: "width",
    repeatRow: 10,
    repeatColumns: 0,
    breakBefore: null,
    footer: ["&A · &F", "第 &P 页 共 &N 页", "评价截止 2023-02-28 · 工单指纹 abcd1234"],
    tallRows: [],
  },
};

test("a sheet as HTML: stretched cells span to the last column, rows keep their lines, headers", () => {
  const { getByTestId } = render(<SheetPrintView spec={spec} fileName={names.file} />);
  const view = getByTestId("print-view");
  const rows = Array.from(view.querySelectorAll("tr"));
  const cells = (i: number) => Array.from(rows[i].querySelectorAll("td, th"));
  // caption over every column
  expect((cells(0)[0] as HTMLTableCellElement).colSpan).toBe(4);
  // label, amount, 大写 spanning the last two columns and set in from the amount
  const [label, amount, words] = cells(1) as HTMLTableCellElement[];
  expect([label.textContent, amount.textContent, words.textContent]).toEqual([
    "应付",
    "¥100.00",
    "壹佰元整",
  ]);
  expect(amount.className).toBe("num b");
  expect(words.className).toBe("gap");
  expect(words.colSpan).toBe(2);
  // a row with two cells: the value spans from the second column to the last
  expect((cells(2)[1] as HTMLTableCellElement).colSpan).toBe(3);
  // room to sign: three lines
  expect((cells(3)[0] as HTMLElement).style.height).toBe("3.9em");
  // the table's header in <thead> (repeated on each page), amounts right, a fourth empty column
  const head = view.querySelector("thead tr")!;
  expect(Array.from(head.querySelectorAll("th")).map((th) => th.textContent)).toEqual([
    "项目",
    "金额",
    "说明",
    "",
  ]);
  expect(head.querySelectorAll("th")[1].className).toBe("num");
  const table = head.closest("table")!;
  const body = table.querySelectorAll("tbody")[1].querySelector("tr")!;
  const data = Array.from(body.querySelectorAll("td"));
  expect(data.map((td) => td.textContent)).toEqual(["甲", "¥1.50", "乙", ""]);
  expect(data[2].className).toBe("gap");
  expect(data[0].style.background).toBe("rgb(255, 199, 206)");
  // column widths in proportion to Excel's 7 px a character and 5 px of padding: 145, 145, 75, 75
  const cols = Array.from(view.querySelector("colgroup")!.querySelectorAll("col"));
  expect(cols.map((c) => c.style.width)).toEqual(["32.955%", "32.955%", "17.045%", "17.045%"]);
  // no page-margin boxes in jsdom: the footer's parts without page numbers at each page's foot
  expect(getByTestId("print-footer").textContent).toBe(
    "结算确认单 · a&b-2023年度核查.xlsx评价截止 2023-02-28 · 工单指纹 abcd1234"
  );
  expect(view.querySelector("style")!.textContent).not.toContain("@bottom-center");
});

test("where the browser draws page-margin boxes the footer numbers the pages", () => {
  const g = globalThis as { CSSMarginRule?: unknown };
  g.CSSMarginRule = function CSSMarginRule() {};
  // jsdom's CSS parser knows no margin boxes (Chromium does): its complaint is not the test's
  const quiet = jest.spyOn(console, "error").mockImplementation(() => {});
  try {
    const { getByTestId, queryByTestId } = render(
      <SheetPrintView spec={spec} fileName={names.file} />
    );
    const css = getByTestId("print-view").querySelector("style")!.textContent!;
    expect(css).toContain(
      '@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt'
    );
    expect(css).toContain('@bottom-left { content: "结算确认单 · a&b-2023年度核查.xlsx"');
    expect(queryByTestId("print-footer")).toBeNull();
  } finally {
    quiet.mockRestore();
    delete g.CSSMarginRule;
  }
});
