/**
 * TARGET_DIFFERS: a 全年目标 typed into a report that differs from the target
 * the city assigned to the unit. A warning (it needs a 备注): a template
 * downloaded for the period arrives with the assigned targets filled and
 * locked, so a difference means an old blank template or an unprotected sheet.
 */
// @ts-nocheck

import { BUILTIN, indexOf, type Catalogue } from "../catalogue";
import type { Finding } from "../findings";
import { ruleFinding } from "../rules/index";
import { SHEETS, layoutOf } from "../layout";
import { fmt } from "../numbers";
import type { ReportRecord } from "../record";

type Slice = Pick<ReportRecord, "values">;

/** Warnings for every typed 全年目标 that differs from `assigned` (code → target); blanks are not compared. */
export function targetFindings(record: Slice, assigned: Readonly<Record<string, number>>, cat: Catalogue = BUILTIN): Finding[] {
  const out: Finding[] = [];
  const { indicatorCell } = layoutOf(cat);
  for (const [code, target] of Object.entries(assigned)) {
    const ind = indexOf(cat).byCode.get(code);
    const typed = record.values[code]?.target ?? null;
    if (!ind || typed === null || Math.abs(typed - target) <= 1e-9) continue;
    const cell = indicatorCell(code, "target");
    const note = indicatorCell(code, "note");
    out.push(
      ruleFinding(
        "TARGET_DIFFERS",
        { sheet: SHEETS.indicators, cell },
        { item: ind.name, held: fmt(target), typed: fmt(typed), at: `${SHEETS.indicators}!${cell}`, noteAt: `${SHEETS.indicators}!${note}` },
        { indicator: code, explained: Boolean(record.values[code]?.note) },
      ),
    );
  }
  return out.sort((a, b) => Number(a.cell.slice(1)) - Number(b.cell.slice(1)));
}
