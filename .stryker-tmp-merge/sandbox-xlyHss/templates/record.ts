/**
 * The normalized record of an accepted report: small JSON the server stores
 * beside the original file and the merge reads (never re-parsing workbooks).
 */
// @ts-nocheck

import type { NarrativeKey } from "./catalog";
import { BUILTIN, indexOf, type Catalogue } from "./catalogue";
import { coverPeriod, divisionCodeOf, parseReportDate } from "./checks";
import type { Finding } from "./findings";
import type { Period } from "./period";
import type { Submission } from "./read";

export interface IndicatorValues {
  current: number | null;
  prior: number | null;
  target: number | null;
  /** The clerk's 备注, when given. */
  note?: string;
}

export interface ReportRecord {
  schema: 1;
  templateId: string;
  templateVersion: string;
  unit: { name: string; code: string; type: string };
  period: Period;
  meta: { preparer: string; phone: string; head: string; date: string | null };
  /** Typed indicators only; ratios are always recomputed from their parts. */
  values: Record<string, IndicatorValues>;
  narrative: Record<NarrativeKey, string>;
  /** Warnings carried from the checks (with their cells), for the city's 校验问题 sheet. */
  warnings: Finding[];
}

/**
 * Normalize a submission that has no errors into a record.
 * @returns null when the cover period cannot be read (the checks report that as an error).
 */
export function toRecord(sub: Submission, findings: readonly Finding[], cat: Catalogue = BUILTIN): ReportRecord | null {
  const period = coverPeriod(sub);
  if (!period) return null;
  const values: Record<string, IndicatorValues> = {};
  for (const ind of indexOf(cat).inputs) {
    const e = sub.indicators[ind.code]!;
    const v: IndicatorValues = { current: e.current.value, prior: e.prior.value, target: e.target.value };
    if (e.note.text) v.note = e.note.text;
    values[ind.code] = v;
  }
  return {
    schema: 1,
    templateId: sub.templateId,
    templateVersion: sub.templateVersion,
    unit: { name: sub.cover.unitName.text, code: divisionCodeOf(sub), type: sub.cover.unitType.text },
    period,
    meta: { preparer: sub.cover.preparer.text, phone: sub.cover.phone.text, head: sub.cover.head.text, date: parseReportDate(sub.cover.date.raw) },
    values,
    narrative: Object.fromEntries(cat.narrative.map((s) => [s.key, sub.narrative[s.key].text])) as Record<NarrativeKey, string>,
    warnings: findings.filter((f) => f.severity === "warning"),
  };
}
