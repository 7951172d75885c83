/**
 * TARGET_DIFFERS: a 全年目标 typed into a report that differs from the target
 * the city assigned to the unit. A warning (it needs a 备注): a template
 * downloaded for the period arrives with the assigned targets filled and
 * locked, so a difference means an old blank template or an unprotected sheet.
 */
import { indicator } from "../catalog";
import type { Finding } from "../findings";
import { SHEETS, indicatorCell } from "../layout";
import { fmt } from "../numbers";
import type { ReportRecord } from "../record";

type Slice = Pick<ReportRecord, "values">;

/** Warnings for every typed 全年目标 that differs from `assigned` (code → target); blanks are not compared. */
export function targetFindings(record: Slice, assigned: Readonly<Record<string, number>>): Finding[] {
  const out: Finding[] = [];
  for (const [code, target] of Object.entries(assigned)) {
    const ind = indicator(code);
    const typed = record.values[code]?.target ?? null;
    if (!ind || typed === null || Math.abs(typed - target) <= 1e-9) continue;
    const cell = indicatorCell(code, "target");
    const note = indicatorCell(code, "note");
    out.push({
      severity: "warning",
      rule: "TARGET_DIFFERS",
      sheet: SHEETS.indicators,
      cell,
      indicator: code,
      explained: Boolean(record.values[code]?.note),
      message: `“${ind.name}”全年目标与市下达目标不一致：下达 ${fmt(target)}，本表填 ${fmt(typed)}（${SHEETS.indicators}!${cell}）。请改为下达的目标；确有调整的，请在备注（${SHEETS.indicators}!${note}）中说明依据。`,
    });
  }
  return out.sort((a, b) => Number(a.cell.slice(1)) - Number(b.cell.slice(1)));
}
