/** Random consolidations for the draft's cases: up to 8 units, figures blank, 0 or any size, narratives from the seeds and noise. */
import fc from "fast-check";
import { INDICATORS } from "../../templates/catalog";
import { mergeReports, type Consolidation } from "../../templates/merge/merge";
import type { IndicatorValues, ReportRecord } from "../../templates/record";
import { SAMPLE_TEXTS, demoUnits } from "../../templates/samples";
import { CITY } from "./draft-cases";
import { reportRecord } from "./records";

const POOL = [...SAMPLE_TEXTS.achievements, ...SAMPLE_TEXTS.problems, ...SAMPLE_TEXTS.plans];
const figure = fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 200_000, noNaN: true }).map((x) => Math.round(x * 100) / 100));
const triple = fc.record({ current: figure, prior: figure, target: figure });
const narrative = fc.array(fc.oneof(fc.constantFrom(...POOL), fc.string({ minLength: 0, maxLength: 30 }), fc.integer({ min: 1, max: 999 }).map((n) => `举办培训${n}场次。`)), { maxLength: 5 }).map((xs) => xs.join(""));
const unitArb = fc.record({
  values: fc.dictionary(fc.constantFrom(...INDICATORS.filter((i) => i.kind !== "ratio").map((i) => i.code)), triple),
  narrative: fc.record({ achievements: narrative, problems: narrative, plans: narrative }),
});
export const consolidationArb = fc.record({
  units: fc.array(unitArb, { minLength: 1, maxLength: 8 }),
  missing: fc.integer({ min: 0, max: 3 }),
  period: fc.constantFrom("2025-Y", "2025-H1", "2025-M10", "2025-Q3"),
});

export function randomConsolidation(x: { units: { values: Record<string, { current: number | null; prior: number | null; target: number | null }>; narrative: ReportRecord["narrative"] }[]; missing: number; period: string }): Consolidation {
  const towns = demoUnits(x.units.length + x.missing, "330102000000");
  const inputs = x.units.map((u, i) => ({
    record: reportRecord({ unit: towns[i]!, period: x.period, values: u.values as Record<string, IndicatorValues>, narrative: u.narrative }),
  }));
  const r = mergeReports(inputs, { roster: towns.map((t) => ({ ...t, parent: CITY.code })), unit: CITY, period: x.period });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}
