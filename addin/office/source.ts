/** The workbook open in Excel as the pane's source (Office.js; no exceljs, no xlsx reader). */
import type { Finding } from "../../templates/findings";
import { SHEETS } from "../../templates/layout";
import { TEMPLATE_SHEETS } from "../../templates/read";
import type { ApiClient } from "../api";
import type { WorkbookSource } from "../source";
import { insertTemplateSheets, markCells, readGrid, selectCell, sheetNames, SheetLockedError, unmarkCells, type Mark, type MarkRequest } from "./excel";
import { readDocumentFile } from "./file";

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** One mark per cell; an error wins over a warning on the same cell. */
export function markRequests(findings: readonly Finding[]): MarkRequest[] {
  const by = new Map<string, MarkRequest>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const prev = by.get(key);
    if (!prev || (prev.kind === "warning" && f.severity === "error")) by.set(key, { sheet: f.sheet, cell: f.cell, kind: f.severity });
  }
  return [...by.values()];
}

export function excelSource(openUrl: (url: string) => void): WorkbookSource {
  let marks: Mark[] = [];
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  return {
    kind: "excel",
    canMark: true,
    modeLabel: null,
    newTemplateLabel: "新建模板",
    checkHint: "检查当前工作簿中的报表。发现的问题会逐条列出，点击即可跳到对应单元格。",
    uploadHint: "上传前会先检查一遍；没有错误才会把整个工作簿发送到服务器。",
    readGrid: () => Excel.run((ctx) => readGrid(ctx, TEMPLATE_SHEETS)),
    reveal: (t) => Excel.run((ctx) => selectCell(ctx, t.sheet, t.cell)),
    async setMarks(findings) {
      try {
        if (marks.length) {
          const old = marks;
          marks = [];
          await Excel.run((ctx) => unmarkCells(ctx, old));
        }
        const reqs = markRequests(findings ?? []);
        if (reqs.length) marks = await Excel.run((ctx) => markCells(ctx, reqs));
        return null;
      } catch (e) {
        if (e instanceof SheetLockedError) return `工作表“${e.sheet}”设置了保护密码，无法标出问题单元格。请对照列表逐项修改。`;
        throw e;
      }
    },
    getBytes: (onProgress) => readDocumentFile(Office.context.document, (done, total) => onProgress(done / total)),
    async newTemplate(api: ApiClient) {
      const names = await Excel.run(sheetNames);
      if (names.includes(SHEETS.indicators)) {
        return `当前工作簿中已经有报表（工作表“${SHEETS.indicators}”），不再重复插入。如需空白模板，请新建一个空白工作簿后再点“新建模板”。`;
      }
      const t = await api.template();
      if (!t.ok) return t.message;
      const b64 = toBase64(t.bytes);
      const inserted = supports("1.13");
      if (inserted) {
        await Excel.run((ctx) => insertTemplateSheets(ctx, b64, SHEETS.cover));
        const after = await Excel.run(sheetNames);
        if (after.includes(SHEETS.info)) return "已插入标准模板（封面、指标、文字材料、填表说明）。请从“封面”开始填写，填好后点“检查报表”。";
      }
      // Older Excel, or a build that did not copy the very hidden template-info sheet: a new workbook keeps everything.
      if (supports("1.8")) {
        await Excel.createWorkbook(b64);
        return `已在新窗口中打开标准模板，请在新窗口中填写${inserted ? "（当前工作簿中插入的工作表缺少模板信息，请删除）" : ""}。`;
      }
      openUrl(api.url("/api/template"));
      return "此版本的 Excel 不能直接插入模板，已开始下载标准模板。下载完成后请用 Excel 打开填写。";
    },
  };
}
