/** The workbook open in Excel as the pane's source (Office.js; no exceljs, no xlsx reader). */
// @ts-nocheck

import type { Finding } from "../../templates/findings";
import { TEMPLATE_SHEETS } from "../../templates/read";
import type { ApiClient } from "../api";
import type { WorkbookSource } from "../source";
import { markCells, readGrid, selectCell, SheetLockedError, unmarkCells, type Mark, type MarkRequest } from "./excel";
import { newTemplate } from "./new-template";
import { capabilities, type Capabilities } from "./capabilities";
import { loadScript } from "./host";
import { reportBytes, type ReportWriter } from "./report-bytes";
import type { Grid } from "../../templates/grid";

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

/** The template writer (dist/addin/report-writer.js, a classic script setting `huizongWriter`), loaded on demand. */
async function loadWriter(): Promise<ReportWriter> {
  const global = window as unknown as { huizongWriter?: { writeReport: ReportWriter } };
  if (!global.huizongWriter && !(await loadScript(document, "report-writer.js", 60_000))) throw new Error("report-writer.js");
  return global.huizongWriter!.writeReport;
}

export function excelSource(openUrl: (url: string) => void, caps: Capabilities = capabilities(Office.context.requirements), writer: () => Promise<ReportWriter> = loadWriter): WorkbookSource {
  let marks: Mark[] = [];
  let markedWith: MarkRequest[] = [];
  let lastGrid: Grid | null = null;
  const source: WorkbookSource = {
    kind: "excel",
    canMark: caps.markCells,
    modeLabel: null,
    newTemplateLabel: "新建模板",
    checkHint: "检查当前工作簿中的报表。发现的问题会逐条列出，点击即可跳到对应单元格。",
    uploadHint: "上传前会先检查一遍；没有错误才会把整个工作簿发送到服务器。",
    bytesNote: null,
    readGrid: async () => (lastGrid = await Excel.run((ctx) => readGrid(ctx, TEMPLATE_SHEETS))),
    reveal: (t) => Excel.run((ctx) => selectCell(ctx, t.sheet, t.cell)),
    async setMarks(findings) {
      // Excel 2016 perpetual (ExcelApi 1.1) cannot colour cells: nothing to mark or clear, no toggle shown.
      if (!caps.markCells) return null;
      try {
        // Only the difference is written: a re-check that finds the same cells changes nothing in the
        // workbook (no unprotect/protect, so Excel does not think the clerk's file changed).
        const reqs = markRequests(findings ?? []);
        const key = (r: MarkRequest) => `${r.sheet}!${r.cell}|${r.kind}`;
        const want = new Set(reqs.map(key));
        const keep: { m: Mark; r: MarkRequest }[] = [];
        const drop: Mark[] = [];
        marks.forEach((m, i) => {
          const r = markedWith[i];
          if (r && want.has(key(r))) keep.push({ m, r });
          else drop.push(m);
        });
        const have = new Set(keep.map((k) => key(k.r)));
        const add = reqs.filter((r) => !have.has(key(r)));
        marks = keep.map((k) => k.m);
        markedWith = keep.map((k) => k.r);
        if (drop.length) await Excel.run((ctx) => unmarkCells(ctx, drop));
        if (add.length) {
          const added = await Excel.run((ctx) => markCells(ctx, add));
          marks.push(...added);
          markedWith.push(...add);
        }
        return null;
      } catch (e) {
        if (e instanceof SheetLockedError) return `工作表“${e.sheet}”设置了保护密码，无法标出问题单元格。请对照列表逐项修改。`;
        throw e;
      }
    },
    async getBytes(onProgress) {
      // The upload is the clerk's workbook, not the pane's tints: lift the marks while Office
      // hands the file over, then put the same ones back.
      const held = marks;
      if (held.length && caps.compressedFile) {
        marks = [];
        await Excel.run((ctx) => unmarkCells(ctx, held));
      }
      try {
        const r = await reportBytes(caps, Office.context.document, lastGrid, writer, onProgress);
        source.bytesNote = r?.note ?? null;
        return r?.bytes ?? null;
      } finally {
        if (held.length && marks.length === 0) {
          const again = markedWith;
          marks = await Excel.run((ctx) => markCells(ctx, again));
        }
      }
    },
    newTemplate: (api: ApiClient, forUnit?: { period: string; unit: string }) => newTemplate(Excel, caps, api, openUrl, forUnit),
  };
  return source;
}
