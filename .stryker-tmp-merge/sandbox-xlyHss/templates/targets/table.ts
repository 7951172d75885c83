/**
 * The target table (目标任务分解表) as data: for one year, the issuing unit's
 * own target per indicator (the city's, received from above) and the target
 * it assigns to each unit below. Pure: the workbook writer and reader are
 * ./workbook.ts and ./read.ts.
 */
// @ts-nocheck

import { INDICATORS, isOfWhich, type Indicator } from "../catalog";

/** One row of the table: a unit and its targets by indicator code (only the cells filled). */
export interface TargetRow {
  code: string;
  name: string;
  values: Record<string, number>;
}

export interface TargetTable {
  year: number;
  /** The issuing unit's own targets (first row): the city's total is this, never the sum of its towns'. */
  own: TargetRow;
  /** Targets assigned to the units below, in table order. */
  units: TargetRow[];
}

/** Codes whose sum is a denominator only (budget, GDP, industrial output): no S&T bureau sets a target for them. */
const DENOMINATORS = new Set(INDICATORS.filter((i) => i.kind === "ratio").map((i) => i.denominator!));

/**
 * Indicators a target makes sense for: summed figures that are neither "其中" items
 * nor a ratio's denominator (a target for GDP is not the bureau's).
 */
export const TARGET_INDICATORS: readonly Indicator[] = INDICATORS.filter((i) => i.aggregate === "sum" && !isOfWhich(i) && !DENOMINATORS.has(i.code));

/** The row of `code` (the issuing unit's own row included); undefined when the table has none. */
export function targetRowOf(table: TargetTable, code: string): TargetRow | undefined {
  return table.own.code === code ? table.own : table.units.find((u) => u.code === code);
}

/** The targets assigned to `code` (empty when the unit has no row). */
export function assignedTo(table: TargetTable | null | undefined, code: string): Record<string, number> {
  if (!table) return {};
  return table.units.find((u) => u.code === code)?.values ?? (table.own.code === code ? table.own.values : {});
}
