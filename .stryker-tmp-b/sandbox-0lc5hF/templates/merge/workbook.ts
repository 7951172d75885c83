/**
 * The consolidation workbook (汇总表), bytes out: the report sheets a clerk
 * reads, audits and prints (汇总, 分单位明细, 排名, 报送情况, 校验问题,
 * 文字材料汇编) plus the standard template sheets filled with the totals, so the
 * file is itself a valid report for the next level up.
 *
 * Written with the direct writer (templates/xlsx/writer): rows are committed
 * and deflated as they are written, so memory stays flat in the number of
 * units, and exceljs is never loaded by a merge. Totals, growth and ratios are
 * live formulas over 分单位明细 with their values cached.
 */
// @ts-nocheck

import { Workbook, type WriterOptions } from "../xlsx/writer/workbook";
import { addTemplateSheets, type TemplateFill } from "../build";
import { spanLabel } from "../period";
import { formatDateTime } from "../time";
import type { ReportRecord } from "../record";
import type { Consolidation, Rejection } from "./merge";
import { DETAIL, type Ctx } from "./sheets/shared";
import { writeSummary } from "./sheets/summary";
import { writeDetail } from "./sheets/detail";
import { writeRanking } from "./sheets/ranking";
import { writeStatus } from "./sheets/status";
import { writeIssues } from "./sheets/issues";
import { writeNarrative } from "./sheets/narrative";

export { DETAIL, NUMFMT, REPORT_SHEETS, SUMMARY_COLS, SUMMARY_HEADER_ROW, SUMMARY_ROWS, detailColumn, growthFormula, ratioFormula, sheetLayout, sumFormula } from "./sheets/shared";
export { buildRosterWorkbook } from "./roster-workbook";

export interface WorkbookOptions {
  /** Inputs refused before the merge (unreadable, errors): listed on 报送情况. */
  rejected?: readonly Rejection[];
  /** When the workbook was made (an instant, ISO 8601; shown in the bureau's zone); default: none shown. */
  generatedAt?: string;
  /** The bureau's IANA time zone for every time shown; default Asia/Shanghai (templates/time.ts). */
  timeZone?: string;
  /** The runtime's deflate and CRC-32 (Node's zlib on the server and the command line); default fflate. */
  zip?: WriterOptions;
}

/**
 * Write the consolidation workbook.
 * @returns the .xlsx bytes.
 */
export async function writeConsolidationWorkbook(c: Consolidation, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new Workbook(options.zip);
  wb.creator = "huizong";
  const fixed = c.meta.date ? new Date(`${c.meta.date}T00:00:00Z`) : new Date(Date.UTC(2026, 0, 1));
  wb.created = fixed;
  wb.modified = fixed;

  const units = c.units;
  const lastUnitRow = DETAIL.firstRow + Math.max(units.length, 1) - 1;
  const totalRow = DETAIL.totalRow;
  const title = `${c.unit.name}${c.period.label}科技工作情况汇总表`;
  const subtitle = `汇总单位：${c.unit.name}（区划代码 ${c.unit.code}）　报告期：${c.period.label}　${
    c.counts.expected !== null ? `应报${c.counts.expected}个单位，` : ""
  }已报${c.counts.submitted}个${c.counts.expected !== null ? `，缺报${c.counts.missing}个` : ""}${c.counts.expected !== null && c.counts.unlisted ? `，名单外${c.counts.unlisted}个` : ""}${
    options.generatedAt ? `　生成时间：${formatDateTime(options.generatedAt, options.timeZone)}` : ""
  }`;
  const ctx: Ctx = { c, units, lastUnitRow, totalRow, title, subtitle, timeZone: options.timeZone };

  await writeSummary(wb, ctx);
  await writeDetail(wb, ctx);
  await writeRanking(wb, ctx);
  await writeStatus(wb, ctx, options.rejected ?? []);
  await writeIssues(wb, ctx);
  await writeNarrative(wb, ctx);

  const tpl = await addTemplateSheets(wb, { fill: fillFromRecord(c.record), catalogue: c.catalogue });
  for (const ws of tpl) ws.commit();
  return wb.finish();
}

/** The template fill of a consolidation record (cover, totals, notes, narrative). */
export function fillFromRecord(r: ReportRecord): TemplateFill {
  const values: NonNullable<TemplateFill["values"]> = {};
  const notes: Record<string, string> = {};
  for (const [code, v] of Object.entries(r.values)) {
    values[code] = { current: v.current, prior: v.prior, target: v.target };
    if (v.note) notes[code] = v.note;
  }
  const cover: NonNullable<TemplateFill["cover"]> = {
    unitName: r.unit.name,
    divisionCode: r.unit.code,
    unitType: r.unit.type,
    year: r.period.year,
    periodSpan: spanLabel(r.period),
    preparer: r.meta.preparer,
    phone: r.meta.phone,
    head: r.meta.head,
  };
  if (r.meta.date) cover.date = new Date(`${r.meta.date}T00:00:00Z`);
  return { cover, values, notes, narrative: r.narrative };
}

