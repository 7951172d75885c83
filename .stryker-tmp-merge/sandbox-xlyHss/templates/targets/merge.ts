/**
 * The merge with a target table: each unit's 全年目标 is the one assigned to it
 * (a typed one that differs is carried as TARGET_DIFFERS), and the
 * consolidating unit's own target is its row of the table — the city's target
 * from above, not the sum of its towns'. Called by templates/merge/merge.ts.
 */
// @ts-nocheck

import type { MergeInput, Total } from "../merge/merge";
import { completionOf } from "../merge/growth";
import type { IndicatorValues, ReportRecord } from "../record";
import { BUILTIN, type Catalogue } from "../catalogue";
import { targetFindings } from "./check";
import { assignedTo, targetRowOf, type TargetTable } from "./table";

/** The input with the unit's assigned targets in place of typed ones (the input itself is not changed). */
export function withAssignedTargets(input: MergeInput, table: TargetTable, cat: Catalogue = BUILTIN): MergeInput {
  const assigned = assignedTo(table, input.record.unit.code);
  const codes = Object.keys(assigned);
  if (codes.length === 0) return input;
  const r = input.record;
  const values: Record<string, IndicatorValues> = { ...r.values };
  for (const code of codes) values[code] = { ...(values[code] ?? { current: null, prior: null, target: null }), target: assigned[code]! };
  const seen = new Set(r.warnings.map((w) => `${w.rule}@${w.cell}`));
  const differs = targetFindings(r, assigned, cat).filter((f) => !seen.has(`${f.rule}@${f.cell}`));
  const record: ReportRecord = { ...r, values, warnings: [...r.warnings, ...differs] };
  return { ...input, record };
}

/**
 * The consolidating unit's own row: the table row of its code, else the table's own
 * (first) row when that row has no code and the consolidation is the city's.
 */
export function ownTargets(table: TargetTable, unit: { code: string; type: string }): Record<string, number> {
  const row = targetRowOf(table, unit.code) ?? (table.own.code === "" && unit.type === "市" ? table.own : undefined);
  return row?.values ?? {};
}

/** Put the consolidating unit's own targets into its totals (and 完成率); returns the codes replaced. */
export function applyOwnTargets(totals: Record<string, Total>, own: Readonly<Record<string, number>>): string[] {
  const done: string[] = [];
  for (const [code, v] of Object.entries(own)) {
    const t = totals[code];
    if (!t) continue;
    t.target = v;
    t.completion = completionOf(t.current, v);
    t.assigned = true;
    done.push(code);
  }
  return done;
}
