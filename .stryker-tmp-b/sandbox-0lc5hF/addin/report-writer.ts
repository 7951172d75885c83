/**
 * Entry of dist/addin/report-writer.js: the standard template filled with a
 * record's values, as .xlsx bytes. Loaded by the pane only on hosts without
 * the CompressedFile requirement set (see office/report-bytes.ts); it carries
 * exceljs, which the pane's own bundle never does.
 */
// @ts-nocheck

import { buildTemplate } from "../templates/build";
import { fillFromRecord } from "../templates/merge/workbook";
import type { ReportRecord } from "../templates/record";

export function writeReport(record: ReportRecord): Promise<Uint8Array> {
  return buildTemplate({ fill: fillFromRecord(record) });
}
