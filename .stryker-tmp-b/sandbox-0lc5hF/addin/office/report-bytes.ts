/**
 * The bytes 上传 sends from Excel. Where the host supports CompressedFile, the
 * workbook itself (getFileAsync slices). Where it does not (some older or
 * locked-down hosts), the report is rebuilt from the values the pane has just
 * read and checked: the core writes the standard template filled with them
 * (templates/build.ts via templates/merge's fillFromRecord). That writer needs
 * exceljs, so it is a separate script (report-writer.js) loaded only then —
 * the pane's own bundle stays free of it.
 */
// @ts-nocheck

import type { Grid } from "../../templates/grid";
import { inspectGrid } from "../../templates/inspect-grid";
import type { ReportRecord } from "../../templates/record";
import type { Capabilities } from "./capabilities";
import { readDocumentFile, type FileDocument } from "./file";

export type ReportWriter = (record: ReportRecord) => Promise<Uint8Array>;

/** What the clerk is told when the upload is a rebuilt report, not the workbook itself. */
export const REBUILT_NOTE =
  "此版本的 Excel 不能直接读取整个工作簿文件，本次上传的是按您填写的数值重新生成的标准报表（数值、备注和文字材料与您的工作簿一致，但不包含您另加的格式或批注）。";

export interface ReportBytes {
  bytes: Uint8Array;
  /** Set when the bytes were rebuilt from the values read: a sentence for the clerk. */
  note: string | null;
}

/**
 * @param grid the grid the pane read last (what was checked); used only without CompressedFile.
 * @param loadWriter loads the template writer on demand.
 */
export async function reportBytes(
  caps: Capabilities,
  doc: FileDocument,
  grid: Grid | null,
  loadWriter: () => Promise<ReportWriter>,
  onProgress: (fraction: number) => void,
): Promise<ReportBytes | null> {
  if (caps.compressedFile) return { bytes: await readDocumentFile(doc, (done, total) => onProgress(done / total)), note: null };
  if (!grid) return null;
  const inspection = inspectGrid(grid);
  if (!inspection.ok || !inspection.record) return null;
  const write = await loadWriter();
  const bytes = await write(inspection.record);
  onProgress(1);
  return { bytes, note: REBUILT_NOTE };
}
