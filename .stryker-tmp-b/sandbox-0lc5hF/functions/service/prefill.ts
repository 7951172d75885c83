/**
 * What the service already knows about a unit, put to use:
 * - a template downloaded for a period arrives with the cover filled from the
 *   unit's last report, 上年同期 from what it reported for the same period last
 *   year (newest accepted version, else newest), and its assigned 全年目标
 *   filled and locked;
 * - at submission, a 上年同期 that differs from last year's report
 *   (PRIOR_DIFFERS_FROM_LAST_YEAR) and a 全年目标 that differs from the
 *   assigned one (TARGET_DIFFERS) are warnings that need a 备注.
 */
// @ts-nocheck

import { buildTemplate, type TemplateFill } from "../../templates/build";
import type { Finding } from "../../templates/findings";
import { coverFromLastReport, priorFindings, priorFromLastYear } from "../../templates/history";
import { parsePeriodId, spanLabel, type Period } from "../../templates/period";
import type { ReportRecord } from "../../templates/record";
import { targetFindings } from "../../templates/targets/check";
import { assignedTo } from "../../templates/targets/table";
import type { ObjectStore } from "../storage/index";
import { BUILTIN, type Catalogue } from "../../templates/catalogue";
import { findLibrary } from "./libraries";
import { getPeriod, listPeriods } from "./periods";
import { getVersion, newestVersion, type StoredVersion } from "./reports";
import type { RosterUnit } from "./roster";
import { loadTargets } from "./targets";
import { unitHistory } from "./unit-log";

/** 1—3月 is 第一季度 and 1—6月 is 上半年: last year's report may be filed under either name. */
const SAME_SPAN: Readonly<Record<string, string>> = { M03: "Q1", Q1: "M03", M06: "H1", H1: "M06" };

/** What the unit reported for the same period last year (newest accepted, else newest), or null. */
export async function lastYearReport(store: ObjectStore, period: Pick<Period, "year" | "span">, unitCode: string): Promise<StoredVersion | null> {
  const spans = [period.span, ...(SAME_SPAN[period.span] ? [SAME_SPAN[period.span]!] : [])];
  for (const span of spans) {
    const found = await newestVersion(store, `${period.year - 1}-${span}`, unitCode, true).catch(() => null);
    if (found) return found;
  }
  return null;
}

/** The unit's most recently submitted version in any period, or null. */
export async function lastReport(store: ObjectStore, unitCode: string): Promise<StoredVersion | null> {
  const periods = await listPeriods(store);
  const latest = await Promise.all(periods.map(async (p) => ({ periodId: p.id, version: (await unitHistory(store, p.id, unitCode)).versions.at(-1) })));
  // Version ids begin with their UTC time, so the greatest id is the newest.
  const best = latest.filter((l): l is { periodId: string; version: string } => Boolean(l.version)).sort((a, b) => (a.version < b.version ? 1 : -1))[0];
  return best ? getVersion(store, best.periodId, unitCode, best.version) : null;
}

/** The fill of a unit's template for a period, and which 全年目标 are assigned (locked). */
export async function templateFill(store: ObjectStore, period: Period, unit: RosterUnit, cat: Catalogue = BUILTIN): Promise<{ fill: TemplateFill; lockedTargets: string[] }> {
  const [last, lastYear, targets] = await Promise.all([lastReport(store, unit.code), lastYearReport(store, period, unit.code), loadTargets(store, period.year)]);
  const cover: NonNullable<TemplateFill["cover"]> = last
    ? coverFromLastReport(last.record)
    : { unitName: unit.name, divisionCode: unit.code, unitType: unit.type, ...(unit.contact ? { preparer: unit.contact } : {}), ...(unit.phone ? { phone: unit.phone } : {}) };
  // The code is the roster's (the unit the template is for), whatever an old report said.
  cover.divisionCode = unit.code;
  cover.year = period.year;
  cover.periodSpan = spanLabel(period);
  const values: NonNullable<TemplateFill["values"]> = {};
  for (const [code, v] of Object.entries(lastYear ? priorFromLastYear(lastYear.record, cat) : {})) values[code] = { prior: v };
  const assigned = assignedTo(targets?.table, unit.code);
  for (const [code, v] of Object.entries(assigned)) values[code] = { ...values[code], target: v };
  return { fill: { cover, values }, lockedTargets: Object.keys(assigned) };
}

/** The unit's template for a period, prefilled (.xlsx bytes), in the library the period collects. */
export async function prefilledTemplate(store: ObjectStore, period: Period, unit: RosterUnit): Promise<Uint8Array> {
  const catalogue = (await findLibrary(store, (await getPeriod(store, period.id))?.library)) ?? BUILTIN;
  const { fill, lockedTargets } = await templateFill(store, period, unit, catalogue);
  return buildTemplate({ fill, lockedTargets, catalogue });
}

/** Warnings against what the server holds: the year's assigned targets and last year's report of the unit. */
export async function heldFindings(store: ObjectStore, periodId: string, record: ReportRecord, cat: Catalogue = BUILTIN): Promise<Finding[]> {
  const period = parsePeriodId(periodId);
  if (!period) return [];
  const [targets, lastYear] = await Promise.all([loadTargets(store, period.year), lastYearReport(store, period, record.unit.code)]);
  return [...(lastYear ? priorFindings(record, lastYear.record, cat) : []), ...targetFindings(record, assignedTo(targets?.table, record.unit.code), cat)];
}
