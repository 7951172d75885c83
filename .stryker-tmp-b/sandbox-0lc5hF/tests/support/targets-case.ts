/**
 * The assigned-targets case at 1—6月 (targets-merge.test.ts, through LibreOffice; targets-model.test.ts,
 * in process): three towns, 专利申请 (D01) against the city's target table.
 */
// @ts-nocheck

import { mergeReports, type Consolidation } from "../../templates/merge/merge";
import type { TargetTable } from "../../templates/targets/table";
import { sampleRecord } from "./records";

export const PERIOD = "2025-M06";

export const TOWNS = [
  { name: "青阳镇", code: "330102001000", type: "乡镇" },
  { name: "清河街道", code: "330102002000", type: "街道" },
  { name: "南山镇", code: "330102003000", type: "乡镇" },
] as const;
/** 专利申请 (D01) this half-year, and what each town typed as 全年目标 (青阳镇 typed 100, not its assigned 120). */
export const D01 = [50, 30, 20];
export const TYPED = [100, 60, null];
export const TABLE: TargetTable = {
  year: 2025,
  own: { code: "330100000000", name: "示例市", values: { D01: 240 } },
  // 50/120 = 41.7% (8.3 points behind 50%), 30/60 = 50% exactly (on schedule), 20/25 = 80% (ahead).
  units: [
    { code: TOWNS[0].code, name: TOWNS[0].name, values: { D01: 120 } },
    { code: TOWNS[1].code, name: TOWNS[1].name, values: { D01: 60 } },
    { code: TOWNS[2].code, name: TOWNS[2].name, values: { D01: 25 } },
  ],
};

export function inputs() {
  return TOWNS.map((u, i) => ({
    record: sampleRecord(u, PERIOD, 40 + i, 1, {
      values: (ind, v) => (ind.code === "D01" ? { current: D01[i]!, prior: 40, target: TYPED[i]! } : v),
    }),
    source: `${u.name}.xlsx`,
  }));
}

export function merged(table?: TargetTable): Consolidation {
  const r = mergeReports(inputs(), { period: PERIOD, unit: { name: "示例市", code: "330100000000" }, meta: { date: "2025-07-10" }, ...(table ? { targets: table } : {}) });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

