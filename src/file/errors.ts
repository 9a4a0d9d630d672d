// Why a file cannot be read, in the user's words (Chinese first, English second), with what to
// do about it. A library's message never reaches the user; `detail` is for developers only.

export type UnreadableKind =
  | "old-xls"
  | "encrypted"
  | "csv"
  | "ods"
  | "other-document"
  | "not-workbook"
  | "damaged"
  | "too-large"
  | "beyond-limits"
  | "expands-too-much"
  | "xlsb"
  | "strict";

const MESSAGES: Record<UnreadableKind, [string, string]> = {
  "old-xls": [
    "这是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再核查。",
    "This is an old Excel 97-2003 workbook (.xls). Open it in Excel or WPS and save it as an Excel Workbook (*.xlsx), then audit that.",
  ],
  encrypted: [
    "工作簿设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消打开密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再核查。",
    "The workbook is password-protected (encrypted). Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and audit again.",
  ],
  csv: [
    "这是文本文件（如 .csv），不是 Excel 工作簿。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再核查。",
    "This is a text file (such as .csv), not an Excel workbook. Open it in Excel or WPS and save it as .xlsx, then audit that.",
  ],
  ods: [
    "这是 OpenDocument 表格（.ods）。请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 后再核查。",
    "This is an OpenDocument spreadsheet (.ods). Save it as .xlsx in WPS, LibreOffice or Excel, then audit that.",
  ],
  "other-document": [
    "这是 Office 文档，但不是 Excel 工作簿（可能是 Word 或 PowerPoint 文件）。请选择考核工作簿（.xlsx）。",
    "This is an Office document but not an Excel workbook (a Word or PowerPoint file?). Choose the assessment workbook (.xlsx).",
  ],
  "not-workbook": [
    "这不是 Excel 工作簿。请选择考核工作簿（.xlsx 或 .xlsm）。",
    "This is not an Excel workbook. Choose the assessment workbook (.xlsx or .xlsm).",
  ],
  damaged: [
    "工作簿已损坏或不完整（可能下载或复制时中断）。请在 Excel 中打开并按提示修复、另存后再核查，或重新获取该文件。",
    "The workbook is damaged or incomplete (an interrupted download or copy?). Open it in Excel, let Excel repair it and save a copy, or get the file again.",
  ],
  "too-large": [
    "工作簿太大，这台电脑的内存不足以读取。请关闭其他程序后重试，或按月份拆分工单表后分别核查。",
    "The workbook is too large for this computer's memory. Close other programs and try again, or split the ticket sheet by month and audit the parts.",
  ],
  "beyond-limits": [
    "工作簿中有超出 Excel 行列上限（1,048,576 行、16,384 列）的单元格，文件已损坏或被改动过。请在 Excel 中打开并按提示修复、另存后再核查",
    "The workbook has a cell beyond Excel's limits (1,048,576 rows, 16,384 columns): it is damaged or was altered. Open it in Excel, let Excel repair it and save a copy, then audit that",
  ],
  "expands-too-much": [
    "文件异常（解压后过大）：其中一部分解压后远大于任何真实工作簿的样子，文件可能已损坏或被改动过，未予读取。请在 Excel 中打开并另存后再核查，或重新获取该文件",
    "The file is abnormal (it expands too much): one of its parts would decompress far beyond what any real workbook holds, so it was not read. Open it in Excel and save a copy, or get the file again",
  ],
  xlsb: [
    "这是 Excel 二进制工作簿（.xlsb）。请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再核查。",
    "This is an Excel binary workbook (.xlsb). Open it in Excel and save it as an Excel Workbook (*.xlsx), then audit that.",
  ],
  strict: [
    "工作簿以“Strict Open XML”格式保存，暂不支持。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再核查。",
    "The workbook is saved as Strict Open XML, which is not supported yet. Save it in Excel as an Excel Workbook (*.xlsx), then audit that.",
  ],
};

export class FileUnreadable extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(
    readonly kind: UnreadableKind,
    /** for developers (tests, --debug); never shown as the message */
    readonly detail = "",
    /** where in the file, in the user's words (第 4294967296 行), for the kinds that name it */
    where?: { zh: string; en: string }
  ) {
    const [zh, en] = MESSAGES[kind];
    super(en);
    this.messageZh = where ? `${zh}（${where.zh}）。` : zh;
    this.messageEn = where ? `${en} (${where.en}).` : en;
  }
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Contains this ASCII text as UTF-16LE (a stream name in a compound file's directory). */
function hasUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const limit = Math.min(b.length, 1 << 22) - text.length * 2;
  outer: for (let i = 0; i < limit; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++)
      if (b[i + 2 * j] !== text.charCodeAt(j) || b[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control / n < 0.01;
}

/** What a file that is not a zip is, as an error to throw; null when it is a zip. */
export function sniff(b: Uint8Array): FileUnreadable | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]))
    return null;
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return hasUtf16(b, "EncryptedPackage")
      ? new FileUnreadable("encrypted", "OLE compound file with an EncryptedPackage stream")
      : new FileUnreadable("old-xls", "OLE compound file");
  if (looksLikeText(b)) return new FileUnreadable("csv", "text file");
  return new FileUnreadable("not-workbook", "neither a zip nor a compound file");
}
