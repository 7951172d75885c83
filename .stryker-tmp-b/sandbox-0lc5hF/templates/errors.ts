/**
 * Errors a clerk can meet when a file cannot be read as the template.
 *
 * Each has a stable English code (for programs, logs and HTTP answers) and a
 * Simplified-Chinese message that says what is wrong and what to do. They are
 * returned as data (`ReadFailure`), never thrown across module boundaries.
 */
// @ts-nocheck


export type ReadErrorCode =
  | "EMPTY_FILE"
  | "FILE_CHANGED"
  | "FILE_TOO_LARGE"
  | "NOT_XLSX_XLS"
  | "NOT_XLSX_XLSB"
  | "NOT_XLSX_ODS"
  | "NOT_XLSX_XML2003"
  | "NOT_XLSX_HTML"
  | "NOT_XLSX_CSV"
  | "NOT_XLSX_UNKNOWN"
  | "XLSM_MACROS"
  | "EXTERNAL_LINKS"
  | "EMBEDDED_OBJECTS"
  | "UNKNOWN_PARTS"
  | "ENCRYPTED"
  | "CORRUPT_ZIP"
  | "NOT_OOXML"
  | "UNSAFE_ZIP"
  | "ZIP_BOMB"
  | "UNSAFE_XML"
  | "TOO_MANY_SHEETS"
  | "TOO_MANY_CELLS"
  | "READ_TIMEOUT"
  | "NOT_TEMPLATE"
  | "UNKNOWN_VERSION"
  | "OLD_VERSION"
  | "SHEET_MISSING"
  | "ROWS_CHANGED"
  | "LIBRARY_CORRUPT";

export interface ReadFailure {
  ok: false;
  code: ReadErrorCode;
  /** Chinese message for the clerk: what is wrong and what to do. */
  message: string;
  /** Optional detail (sheet name, row) in plain words, for logs and the message. */
  detail?: string;
}

/** How to turn any spreadsheet into an .xlsx, in Excel and in WPS — the end of every "not an .xlsx" message. */
const SAVE_AS_XLSX =
  "请用 Excel 打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”；或用 WPS 表格打开，点“文件 → 另存为”，文件类型选“Microsoft Excel 文件（*.xlsx）”。然后上传另存的 .xlsx 文件。";

const MESSAGES: Record<ReadErrorCode, string> = {
  EMPTY_FILE: "文件是空的（0 字节）。请在 Excel 中重新保存报表后再上传。",
  FILE_CHANGED: "文件在选择之后被修改或移动了，浏览器不允许网页读取修改后的文件。请重新选择（或拖入）这个文件，再点“检查报表”或“上传”。",
  FILE_TOO_LARGE: "文件太大，超过允许的大小。请只上传标准报表，不要在报表中插入图片或附件。",
  NOT_XLSX_XLS: `这是旧版 Excel 文件（.xls，Excel 97-2003 或更早的格式），系统无法读取。${SAVE_AS_XLSX}`,
  NOT_XLSX_HTML: `这个文件其实是网页（HTML）格式，只是扩展名为 .xls，常见于其他系统导出的报表。${SAVE_AS_XLSX}`,
  NOT_XLSX_CSV: `这是 CSV 文本文件，不是 Excel 工作簿。请使用标准模板填报；如数据已在其中，${SAVE_AS_XLSX}`,
  NOT_XLSX_UNKNOWN: `这不是 Excel 工作簿（.xlsx）文件。请使用标准模板填报；如是其他表格文件，${SAVE_AS_XLSX}`,
  XLSM_MACROS: `文件中含有宏或控件（VBA 宏、Excel 4.0 宏表或 ActiveX 控件），出于安全原因不予接收。请“另存为”不含宏的 Excel 工作簿：${SAVE_AS_XLSX}`,
  NOT_XLSX_XLSB: `这是 Excel 二进制工作簿（.xlsb），系统只读取 .xlsx 格式。${SAVE_AS_XLSX}`,
  NOT_XLSX_ODS: `这是 OpenDocument 电子表格（.ods，LibreOffice、WPS 等软件的格式），系统只读取 .xlsx 格式。${SAVE_AS_XLSX}`,
  NOT_XLSX_XML2003: `这是 Excel 2003 XML 电子表格（.xml），系统只读取 .xlsx 格式。${SAVE_AS_XLSX}`,
  EXTERNAL_LINKS:
    "报表中含有指向其他文件或网络位置的外部链接（引用其他工作簿、数据连接或超链接），出于安全原因不予接收。请在 Excel 中“数据 → 编辑链接 → 断开链接”并删除超链接，或用标准模板重新填写后再上传。",
  EMBEDDED_OBJECTS:
    "报表中嵌入了对象（OLE 对象、ActiveX 控件、附件或表单控件），出于安全原因不予接收。请删除这些对象，或用标准模板重新填写后再上传。",
  UNKNOWN_PARTS:
    "报表中含有标准模板以外的内容（如图片、图表、附件或其他部件），不予接收。请只在标准模板中填写数据，不要插入其他内容；可用标准模板重新填写后再上传。",
  ENCRYPTED: "文件设置了打开密码，系统无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再上传。",
  CORRUPT_ZIP: "文件已损坏或不完整（可能下载或复制时中断）。请在 Excel 中重新打开并保存后再上传。",
  NOT_OOXML: `文件是压缩包，但不是 Excel 工作簿。请上传用标准模板填写的 .xlsx 文件；如是其他表格文件，${SAVE_AS_XLSX}`,
  UNSAFE_ZIP: "文件内部结构异常（含有不安全的路径或重复的部件），系统拒绝读取。请用标准模板重新填写并保存。",
  ZIP_BOMB: "文件解压后过大，超出标准报表应有的大小，系统拒绝读取。请用标准模板重新填写并保存。",
  UNSAFE_XML: "文件内部含有不允许的 XML 声明（DOCTYPE/实体），系统拒绝读取。请用 Excel 重新保存后再上传。",
  TOO_MANY_SHEETS: "工作簿中的工作表过多，不是标准报表。请使用标准模板填报，不要添加其他工作表。",
  TOO_MANY_CELLS: "工作表中的数据量远超标准报表，系统拒绝读取。请只在标准模板中填写本单位数据。",
  READ_TIMEOUT: "读取文件超时，文件可能异常。请用 Excel 重新保存后再上传，如仍有问题请联系市科技局。",
  NOT_TEMPLATE: "这不是“科技工作情况统计报表”标准模板。请在任务窗格中点击“新建模板”，或从市科技局下载标准模板后填写。",
  UNKNOWN_VERSION: "报表模板版本无法识别（版本信息被修改或来自其他系统）。请下载最新的标准模板，把数据复制过去后再上传。",
  OLD_VERSION: "报表使用的是旧版模板。请下载最新的标准模板，把数据复制过去后再上传。",
  SHEET_MISSING: "报表中缺少必需的工作表，或工作表被改名。请不要修改工作表名称；可重新下载标准模板填写。",
  LIBRARY_CORRUPT: "报表隐藏的“模板信息”中的指标库被修改或损坏（校验值不符），无法确认各行指标的含义。请重新下载标准模板，把数据复制过去后再上传。",
  ROWS_CHANGED: "报表的行被插入、删除或移动，指标与行号对不上。请不要增删行；可重新下载标准模板，把数据复制过去。",
};

/** Build a ReadFailure with the standard Chinese message (plus optional detail). */
export function readFailure(code: ReadErrorCode, detail?: string): ReadFailure {
  const base = MESSAGES[code];
  return detail ? { ok: false, code, message: `${base}（${detail}）`, detail } : { ok: false, code, message: base };
}

/** The standard Chinese message for a code. */
export function readErrorMessage(code: ReadErrorCode): string {
  return MESSAGES[code];
}
