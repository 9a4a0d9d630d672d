// 运行记录: version, run time, as-of, parameters, and each input sheet's SHA-256.
import { FINGERPRINT_HEADER } from "../verify";
import { Builder, col, money } from "./builder";
import { PARAM_KEYS, DEFAULT_PARAMS, paramMeta } from "../params";
import { displayParam } from "../param-text";
import { SheetSpec, n, t } from "./spec";
import { LayoutContext } from "./context";
import type { MatchHow } from "../read";
import { SHEET_BY_KEY } from "../sheets";

/** How a field was found, in the run log's words. */
export const HOW: Record<MatchHow, { zh: string; en: string }> = {
  header: { zh: "表头", en: "header" },
  alias: { zh: "英文", en: "English alias" },
  export: { zh: "平台导出", en: "platform export" },
  map: { zh: "映射", en: "列映射" },
};

export function runlogSheet(x: LayoutContext): SheetSpec {
  const { r, lang, L, tt, subtitle } = x;
  const logB = new Builder(L("（无）", "(none)"));
  // one row per workbook sheet an input was read from (a monthly export is several)
  type Source = (typeof r.sheets)[number]["sources"][number];
  const inputRows = r.sheets.flatMap((x): { x: typeof x; src: Source | null }[] =>
    x.sources.length ? x.sources.map((src) => ({ x, src })) : [{ x, src: null }]
  );
  logB.keyValue(
    [
      [L("程序版本", "version"), t(r.version)],
      [L("运行时间（北京时间）", "run at (Beijing time)"), t(r.runAt)],
      [L("评价截止日", "evaluated up to"), t(r.asOf)],
      [
        L("参数来源", "parameters from"),
        t(
          r.paramsSheetName
            ? L(
                `工作表“${r.paramsSheetName}”及运行时修改`,
                `sheet "${r.paramsSheetName}" and run options`
              )
            : r.changedParams.length
              ? L("合同默认值及运行时修改", "contract defaults and run options")
              : L("合同默认值", "contract defaults")
        ),
      ],
      [
        L("与合同默认不同的参数", "parameters differing from the contract"),
        t(
          r.changedParams.length
            ? r.changedParams
                .map((k) => `${paramMeta(k)[lang]} = ${displayParam(k, r.params[k], lang)}`)
                .join(lang === "zh" ? "；" : "; ")
            : L("无", "none")
        ),
      ],
      [L("考核扣款合计", "total deductions"), money(tt.deductions)],
      [L("尾款应付", "installment 3 payable"), money(tt.installment3Payable)],
      [L("乙方应退款", "refund due"), money(tt.refundDue)],
      [L("最终决算价款", "final settlement"), money(tt.settlement)],
      [L("违约金主张", "claims"), money(tt.claims)],
    ],
    L("本次运行", "this run")
  );
  logB.table(
    "InputSheets",
    [
      col(L("输入表", "input"), "text", 12),
      col(L("工作表名称", "sheet name"), "text", 16),
      col(L("数据行数", "rows"), "int", 10),
      col(L("使用行数", "rows used"), "int", 10),
      col(L("缺失时不评价", "needed by"), "text", 24),
      col(FINGERPRINT_HEADER, "text", 68),
    ],
    [
      ...inputRows.map(({ x, src }) => [
        t(`${x.zh} ${x.en}`),
        t(src?.name ?? L("（未找到）", "(not found)")),
        n(src ? src.rows : x.rows, "int"),
        n(x.sources.length > 1 ? null : x.records, "int"),
        t(
          SHEET_BY_KEY[x.key].optional
            ? L(
                `工作日与顺延（未找到时只用内置国务院安排 ${r.calendar.bundled.join("–")} 年）`,
                `working days and roll-over (without it, the bundled schedule ${r.calendar.bundled.join("–")} only)`
              )
            : x.costs.join("、")
        ),
        t(src?.sha256 ?? null),
      ]),
      [
        t("规则参数 Parameters"),
        t(r.paramsSheetName ?? L("（未找到）", "(not found)")),
        n(null),
        n(null),
        t(L("全部规则（未找到时用合同默认）", "all rules (contract defaults when absent)")),
        t(r.paramsSha256),
      ],
      ...(r.mappingSheetName
        ? [
            [
              t("列映射 ColumnMap"),
              t(r.mappingSheetName),
              n(null),
              n(null),
              t(L("各输入表的来源与值映射", "where each input is read from")),
              t(r.mappingSha256),
            ],
          ]
        : []),
    ],
    {
      caption: L(
        "输入工作表（SHA-256 为单元格值的指纹，用于判断结果写入后输入是否改动）",
        "input sheets (SHA-256 of cell values: tells whether inputs changed since this run)"
      ),
      rowHighlight: [
        ...inputRows.map(({ x, src }) =>
          src || SHEET_BY_KEY[x.key].optional ? null : ("warn" as const)
        ),
        null,
        ...(r.mappingSheetName ? [null] : []),
      ],
    }
  );
  logB.table(
    "ColumnSources",
    [
      col(L("输入表", "input"), "text", 12),
      col(L("字段", "field"), "text", 16),
      col(L("来源表头", "source header"), "text", 22),
      col(L("值映射", "value map"), "text", 24),
      col(L("识别方式", "found by"), "text", 14),
    ],
    r.mapping.map((m) => [t(m.sheet), t(m.field), t(m.source), t(m.values), t(HOW[m.how][lang])]),
    {
      caption: L(
        "各字段的来源（非本表头识别的已标出）",
        "where each field was read from (those not found by their own header marked)"
      ),
      rowHighlight: r.mapping.map((m) => (m.how === "header" ? null : ("changed" as const))),
    }
  );
  // the calendar: which days came from the workbook's 节假日 sheet, and what the bundle said of them
  const cal = r.calendar;
  logB.table(
    "CalendarDays",
    [
      col(L("日期", "date"), "text", 12),
      col(L("类型", "kind"), "text", 8),
      col(L("名称", "name"), "text", 16),
      col(L("内置安排", "bundled schedule"), "text", 14),
      col(L("单元格", "cell"), "text", 16),
    ],
    cal.days.map((d) => [
      t(d.day),
      t(d.kind),
      t(d.name),
      t(d.bundled ?? L("（无）", "(none)")),
      t(`${d.sheet}!${d.cell ?? ""}`),
    ]),
    {
      caption: L(
        `工作日日历：内置国务院节假日安排 ${cal.bundled.join("–")} 年${cal.sheet ? `；“${cal.sheet}”表的 ${cal.days.length} 天优先（与内置不同的已标出）` : "；工作簿中无“节假日”表"}`,
        `working-day calendar: the bundled State Council schedule ${cal.bundled.join("–")}${cal.sheet ? `; the ${cal.days.length} days of "${cal.sheet}" win (those differing from the bundle marked)` : "; no 节假日 sheet in the workbook"}`
      ),
      rowHighlight: cal.days.map((d) =>
        d.bundled !== null && d.bundled !== d.kind ? ("changed" as const) : null
      ),
    }
  );
  logB.table(
    "ParamsUsed",
    [
      col(L("参数", "key"), "text", 30),
      col(L("本次取值", "value used"), "text", 22),
      col(L("合同默认", "contract default"), "text", 22),
      col(L("已修改", "changed"), "text", 8),
      col(L("说明", "description"), "text", 50),
    ],
    PARAM_KEYS.map((k) => {
      const changed = r.changedParams.includes(k);
      return [
        t(k),
        {
          v: {
            text: displayParam(k, r.params[k], lang),
          },
          highlight: changed ? "changed" : undefined,
        },
        t(displayParam(k, DEFAULT_PARAMS[k], lang)),
        t(changed ? L("是", "yes") : ""),
        t(paramMeta(k)[lang]),
      ];
    }),
    {
      caption: L("本次使用的全部参数", "every parameter used"),
      rowHighlight: PARAM_KEYS.map((k) => (r.changedParams.includes(k) ? "changed" : null)),
    }
  );
  const logSheet: SheetSpec = {
    name: "运行记录",
    title: L("运行记录", "Run log"),
    subtitle,
    freezeRows: 0,
    blocks: logB.blocks,
    widths: [34, 22, 22, 10, 24, 68],
    wrap: [0, 1, 2, 4, 5],
  };
  return logSheet;
}
