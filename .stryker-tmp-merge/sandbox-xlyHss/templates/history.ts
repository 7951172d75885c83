/**
 * Last year's figures: what a unit reported for the same period last year is
 * the 上年同期 of this year's report. Two uses, both pure over records:
 * - the fill of a template downloaded for a period (上年同期 and the cover);
 * - PRIOR_DIFFERS_FROM_LAST_YEAR at submission: a 上年同期 that differs from
 *   last year's report is allowed (figures get revised) but never silent — it
 *   needs a 备注, as the statistics systems check 历史数据一致性.
 */
// @ts-nocheck

import { BUILTIN, indexOf, type Catalogue } from "./catalogue";
import type { Finding } from "./findings";
import { ruleFinding } from "./rules/index";
import { SHEETS, layoutOf, type CoverKey } from "./layout";
import { fmt } from "./numbers";
import type { ReportRecord } from "./record";

type Slice = Pick<ReportRecord, "values">;

/** The 上年同期 column of a new report: last year's 本期 of each typed indicator that has one. */
export function priorFromLastYear(lastYear: Slice, cat: Catalogue = BUILTIN): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ind of indexOf(cat).inputs) {
    const v = lastYear.values[ind.code]?.current;
    if (typeof v === "number" && Number.isFinite(v)) out[ind.code] = v;
  }
  return out;
}

/** The cover fields carried from the unit's last report (单位名称, 区划代码, 单位类型, 填表人, 电话, 负责人). */
export function coverFromLastReport(last: Pick<ReportRecord, "unit" | "meta">): Partial<Record<CoverKey, string>> {
  const out: Partial<Record<CoverKey, string>> = {
    unitName: last.unit.name,
    divisionCode: last.unit.code,
    unitType: last.unit.type,
    preparer: last.meta.preparer,
    phone: last.meta.phone,
    head: last.meta.head,
  };
  for (const k of Object.keys(out) as CoverKey[]) if (!out[k]) delete out[k];
  return out;
}

/** Warnings for every 上年同期 that differs from what the unit reported last year (blanks are PRIOR_MISSING's business). */
export function priorFindings(record: Slice, lastYear: Slice, cat: Catalogue = BUILTIN): Finding[] {
  const out: Finding[] = [];
  const { indicatorCell } = layoutOf(cat);
  for (const ind of indexOf(cat).inputs) {
    const typed = record.values[ind.code]?.prior ?? null;
    const reported = lastYear.values[ind.code]?.current ?? null;
    if (typed === null || reported === null || Math.abs(typed - reported) <= 1e-9) continue;
    const cell = indicatorCell(ind.code, "prior");
    const note = indicatorCell(ind.code, "note");
    out.push(
      ruleFinding(
        "PRIOR_DIFFERS_FROM_LAST_YEAR",
        { sheet: SHEETS.indicators, cell },
        { item: ind.name, held: fmt(reported), typed: fmt(typed), at: `${SHEETS.indicators}!${cell}`, noteAt: `${SHEETS.indicators}!${note}` },
        { indicator: ind.code, explained: Boolean(record.values[ind.code]?.note) },
      ),
    );
  }
  return out;
}
