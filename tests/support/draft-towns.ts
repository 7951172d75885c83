/**
 * Small consolidations built by the real merge for the draft's case tables
 * (tests/draft-phrasing.test.ts, tests/draft-narrative.test.ts): up to seven towns of the
 * demo city, each with the figures and narrative a case gives.
 */
import { mergeReports, type Consolidation } from "../../templates/merge/merge";
import type { IndicatorValues } from "../../templates/record";
import { reportRecord } from "./records";

export const CITY = { name: "示例市", code: "330100000000" };
export const TOWNS = ["青阳镇", "清河街道", "南山镇", "东湖街道", "白塔镇", "西溪街道", "龙泉镇"].map((name, i) => ({ name, code: `330102${String(i + 1).padStart(3, "0")}000`, parent: CITY.code }));

/** One town per entry of `values`; `narratives[i]` is [主要工作及成效, 存在问题, 下步打算]; the first `roster` towns are the roster. */
export function consolidate(values: Record<string, IndicatorValues>[], options: { period?: string; roster?: number; narratives?: string[][] } = {}): Consolidation {
  const inputs = values.map((v, i) => ({
    record: reportRecord({
      unit: TOWNS[i]!,
      values: v,
      period: options.period,
      narrative: { achievements: options.narratives?.[i]?.[0] ?? "", problems: options.narratives?.[i]?.[1] ?? "", plans: options.narratives?.[i]?.[2] ?? "" },
    }),
  }));
  const r = mergeReports(inputs, { roster: options.roster === undefined ? undefined : TOWNS.slice(0, options.roster), unit: CITY, period: options.period ?? "2025-Y" });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}
