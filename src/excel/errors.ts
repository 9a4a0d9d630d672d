// Errors from Excel in the user's words. Office.js rejects a sync with a RichApi.Error whose
// `code` names the cause; the pane shows `message`, so the ones a user can act on get one.
import { isPayloadTooLarge } from "./budget";
import { UserError } from "../fault";

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试 / Excel is editing a cell: press Enter or Esc, then try again",
  AccessDenied:
    "Excel 拒绝修改：工作簿可能受保护或为只读 / Excel refused the change: the workbook may be protected or read-only",
  InsertDeleteConflict:
    "Excel 拒绝修改：工作簿可能受保护或为只读 / Excel refused the change: the workbook may be protected or read-only",
  ItemAlreadyExists:
    "工作簿中已有同名的表或名称，请重试；仍失败请把该表改名 / a sheet, table or name of that name already exists: try again, or rename it",
};

/** An error from Office.js, with a message the user can act on where its code allows one. */
export function explainOfficeError(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return e;
  let text = MESSAGES[code];
  if (!text && isPayloadTooLarge(e))
    text =
      "数据量超出 Excel 单次请求上限，已多次分批仍失败；请关闭其他工作簿后重试 / the data is over Excel's request limit even in smaller batches: close other workbooks and try again";
  if (!text) return e;
  const out = new UserError(text, { cause: e });
  (out as { code?: string }).code = code;
  return out;
}
