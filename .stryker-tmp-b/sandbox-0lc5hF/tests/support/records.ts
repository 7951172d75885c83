/**
 * Report records as the merge receives them (the normalized form of a checked
 * report), for the merge tests and the merge bench: one place for the record's
 * fixed fields, and the figures of a sample fill.
 */
// @ts-nocheck

import { INPUT_INDICATORS, TEMPLATE_ID, TEMPLATE_VERSION, type Indicator } from "../../templates/catalog";
import type { Finding } from "../../templates/findings";
import { parsePeriodId } from "../../templates/period";
import type { IndicatorValues, ReportRecord } from "../../templates/record";
import { sampleFill, type SampleUnit } from "../../templates/samples";

/** The cover of the sample reports (as sampleFill writes it). */
export const SAMPLE_META: ReportRecord["meta"] = { preparer: "王晓燕", phone: "13905710000", head: "李建国", date: "2025-12-20" };

export interface RecordParts {
  unit: { name: string; code: string; type?: string };
  values: Record<string, IndicatorValues>;
  narrative: ReportRecord["narrative"];
  /** Period id; default 2025-Y. */
  period?: string;
  /** Cover fields that differ from SAMPLE_META. */
  meta?: Partial<ReportRecord["meta"]>;
  warnings?: Finding[];
}

/** A record of the current template (a 乡镇 unless told). */
export function reportRecord(parts: RecordParts): ReportRecord {
  const period = parsePeriodId(parts.period ?? "2025-Y");
  if (!period) throw new Error(`bad period ${parts.period}`);
  return {
    schema: 1,
    templateId: TEMPLATE_ID,
    templateVersion: TEMPLATE_VERSION,
    unit: { name: parts.unit.name, code: parts.unit.code, type: parts.unit.type ?? "乡镇" },
    period,
    meta: { ...SAMPLE_META, ...parts.meta },
    values: parts.values,
    narrative: parts.narrative,
    warnings: parts.warnings ?? [],
  };
}

/**
 * The record of a sample fill (consistent figures that pass the checks).
 * `values` may change an indicator's figures (blank a prior, drop a target); `narrative` replaces the sample texts.
 */
export function sampleRecord(
  unit: SampleUnit,
  periodId: string,
  seed: number,
  scale: number,
  options: { values?: (ind: Indicator, v: IndicatorValues, k: number) => IndicatorValues; narrative?: ReportRecord["narrative"] } = {},
): ReportRecord {
  const fill = sampleFill(unit, periodId, seed, scale);
  const values: Record<string, IndicatorValues> = {};
  INPUT_INDICATORS.forEach((ind, k) => {
    const v = fill.values![ind.code]!;
    const figures: IndicatorValues = { current: v.current as number, prior: v.prior as number, target: v.target as number };
    values[ind.code] = options.values ? options.values(ind, figures, k) : figures;
  });
  return reportRecord({ unit, values, period: periodId, narrative: options.narrative ?? (fill.narrative as ReportRecord["narrative"]) });
}
