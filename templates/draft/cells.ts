/**
 * Where each figure of the draft lives in the city workbook: the one place the
 * draft takes cell addresses from. Everything comes from the city-workbook
 * module's exported layout (SUMMARY_ROWS, SUMMARY_COLS, DETAIL, ...); when that
 * module is split per sheet, only these imports move.
 */
import type { NarrativeKey } from "../catalog";
import { BUILTIN, type Catalogue } from "../catalogue";
import type { Consolidation } from "../merge/merge";
import { splitText } from "../merge/merge";
import { DETAIL, REPORT_SHEETS, SUMMARY_COLS, sheetLayout } from "../merge/workbook";

export type SummaryColumn = keyof typeof SUMMARY_COLS;

/** "汇总!E30": an indicator's cell on 汇总 (本期 E, 上年同期 F, 增减 G, 同比 H, 目标 I, 完成率 J). */
export function summaryCell(code: string, col: SummaryColumn, cat: Catalogue = BUILTIN): string {
  return `${REPORT_SHEETS.summary}!${SUMMARY_COLS[col]}${summaryRow(code, cat)}`;
}

/** The row of an indicator on 汇总 (the 附表's 行号). */
export function summaryRow(code: string, cat: Catalogue = BUILTIN): number {
  const row = sheetLayout(cat).SUMMARY_ROWS[code];
  if (row === undefined) throw new Error(`unknown indicator ${code}`);
  return row;
}

/** "分单位明细!E7": a unit's 本期 of an indicator (unitIndex: position in consolidation.units). */
export function detailCell(code: string, unitIndex: number, cat: Catalogue = BUILTIN): string {
  return `${REPORT_SHEETS.detail}!${sheetLayout(cat).detailColumn(code, "current")}${DETAIL.firstRow + unitIndex}`;
}

/** The 汇总 subtitle that states 应报 / 已报 / 缺报 (second title row of every report sheet). */
export const BASE_CELL = `${REPORT_SHEETS.summary}!A2`;

/**
 * First cell of each unit's narrative sections on 文字材料汇编, by unit index.
 * Mirrors the sheet's layout (title, subtitle, then per unit a heading row and,
 * for a unit that reported, per section a title row and its text rows); a test
 * reads the written workbook to prove the addresses hold the texts.
 */
export function narrativeCells(c: Consolidation): Map<number, Record<NarrativeKey, string>> {
  const out = new Map<number, Record<NarrativeKey, string>>();
  let next = 3; // rows 1–2: title and subtitle
  c.units.forEach((u, i) => {
    next++; // the unit's heading
    if (!u.report) return;
    const cells = {} as Record<NarrativeKey, string>;
    for (const s of c.catalogue.narrative) {
      next++; // the section title
      cells[s.key] = `${REPORT_SHEETS.narrative}!A${next}`;
      next += splitText(u.report.record.narrative[s.key] ?? "").length;
    }
    out.set(i, cells);
  });
  return out;
}
