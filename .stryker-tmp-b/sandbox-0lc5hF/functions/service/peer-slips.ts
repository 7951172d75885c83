/**
 * Cross-unit slips at submission: the new report against the latest report of
 * every other unit the server holds for the period, and against the unit's own
 * report of the same period last year (templates/merge/slips.ts decides).
 * Kept out of reports.ts so the submit path gains one call.
 */
// @ts-nocheck

import type { Catalogue } from "../../templates/catalogue";
import type { Finding } from "../../templates/findings";
import { crossUnitSlips } from "../../templates/merge/slips";
import { parsePeriodId } from "../../templates/period";
import type { ReportRecord } from "../../templates/record";
import type { RuleSettings } from "../../templates/rules/index";

/** Latest record of each unit held for a period. */
export type HeldRecords = (periodId: string) => Promise<ReportRecord[]>;

/** Warnings (needing a 备注) for `record`, compared with what is held for its period and last year's. */
export async function slipFindings(periodId: string, record: ReportRecord, held: HeldRecords, catalogue?: Catalogue, settings?: Partial<RuleSettings>): Promise<Finding[]> {
  const period = parsePeriodId(periodId);
  const lastYearId = period ? `${period.year - 1}-${period.span}` : null;
  const [peers, lastYear] = await Promise.all([held(periodId), lastYearId ? held(lastYearId) : Promise.resolve([])]);
  const others = peers.filter((r) => r.unit.code !== record.unit.code);
  const own = lastYear.filter((r) => r.unit.code === record.unit.code);
  return crossUnitSlips([...others, record], { only: [record.unit.code], lastYear: own, catalogue, settings }).map((s) => s.finding);
}
