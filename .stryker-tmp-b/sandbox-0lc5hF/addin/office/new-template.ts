/**
 * 新建模板 inside Excel: insert the standard template's sheets (ExcelApi 1.13),
 * else open it as a new workbook (ExcelApi 1.8), else download it. Never
 * throws: every failure is one Chinese sentence, and an insert that fails
 * half-way removes the sheets it added, so the clerk's workbook is as it was.
 */
// @ts-nocheck

import { SHEETS } from "../../templates/layout";
import type { ApiClient } from "../api";
import type { Capabilities } from "./capabilities";
import { deleteSheets, insertTemplateSheets, sheetNames } from "./excel";

/** The Excel globals this needs (office-addin-mock or a stand-in in tests). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  createWorkbook(base64: string): Promise<void>;
}

const INSERTED = "已插入标准模板（封面、指标、文字材料、填表说明）。请从“封面”开始填写，填好后点“检查报表”。";

/** One sentence for a failed 新建模板; `removed` says the workbook was put back as it was. */
export function newTemplateFailure(e: unknown, removed: boolean): string {
  const code = (e as { code?: unknown } | null)?.code;
  const back = removed ? "已撤回插入的工作表，工作簿保持原样。" : "";
  if (code === "InvalidOperationInCellEditMode") return `新建模板没有成功：Excel 正在编辑某个单元格。${back}请按 Enter 或 Esc 结束编辑后，再点“新建模板”。`;
  if (code === "ItemAlreadyExists" || code === "InvalidOperation") {
    return `新建模板没有成功：工作簿中已有同名的工作表（如“${SHEETS.cover}”）。${back}请新建一个空白工作簿后，再点“新建模板”。`;
  }
  return `新建模板没有成功。${back}请稍后再试；如果一直这样，请新建一个空白工作簿后再点“新建模板”，或在网页上下载标准模板。`;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function newTemplate(excel: ExcelHost, caps: Capabilities, api: ApiClient, openUrl: (url: string) => void, forUnit?: { period: string; unit: string }): Promise<string> {
  let before: string[];
  try {
    before = await excel.run(sheetNames);
  } catch (e) {
    return newTemplateFailure(e, false);
  }
  if (before.includes(SHEETS.indicators)) {
    return `当前工作簿中已经有报表（工作表“${SHEETS.indicators}”），不再重复插入。如需空白模板，请新建一个空白工作簿后再点“新建模板”。`;
  }
  // Signed in: the unit's template for the period (cover, 上年同期 and assigned 全年目标 filled).
  const t = await api.template(forUnit);
  if (!t.ok) return t.message;
  const b64 = toBase64(t.bytes);
  let insertFailed = false;
  if (caps.insertSheets) {
    try {
      await excel.run((ctx) => insertTemplateSheets(ctx, b64, SHEETS.cover));
      const after = await excel.run(sheetNames);
      if (after.includes(SHEETS.info) && after.includes(SHEETS.indicators)) return INSERTED;
      // Inserted without the very hidden template-info sheet: take it all back and open a new workbook instead.
      await excel.run((ctx) => deleteSheets(ctx, after.filter((n) => !before.includes(n))));
    } catch (e) {
      const removed = await excel
        .run(async (ctx) => {
          const now = await sheetNames(ctx);
          await deleteSheets(ctx, now.filter((n) => !before.includes(n)));
          return true;
        })
        .catch(() => false);
      if (!caps.newWorkbook || (e as { code?: unknown } | null)?.code === "InvalidOperationInCellEditMode") return newTemplateFailure(e, removed);
      insertFailed = true;
    }
  }
  if (caps.newWorkbook) {
    try {
      await excel.createWorkbook(b64);
      return `已在新窗口中打开标准模板，请在新窗口中填写。${insertFailed ? "（当前工作簿中没有插入任何工作表。）" : ""}`;
    } catch (e) {
      return newTemplateFailure(e, false);
    }
  }
  openUrl(api.url("/api/template"));
  return "此版本的 Excel 不能直接插入模板，已开始下载标准模板。下载完成后请用 Excel 打开填写。";
}
