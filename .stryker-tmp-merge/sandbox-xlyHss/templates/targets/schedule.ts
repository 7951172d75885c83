/**
 * 序时进度: the share of the year a period's figures cover (N/12 for 1—N月),
 * beside which bureaus read 完成率 and name who is 落后序时进度.
 *
 * Only cumulative months and quarters have one (1—N月, 第一—四季度, 上半年 = 1—6月):
 * a quarter covers 3 months (3/12) whatever its position, since its 本期 is that
 * quarter's own figure. 全年 and 下半年 have none (the issue asks for 1—N月 and quarters).
 */
// @ts-nocheck

import type { Period } from "../period";

/** Months each span covers, where a schedule applies. */
const MONTHS: Readonly<Record<string, number>> = { Q1: 3, Q2: 3, Q3: 3, Q4: 3, H1: 6 };

/** The period's 序时进度 as a fraction of the year (0.5 for 1—6月); null where none applies. */
export function scheduleOf(period: Pick<Period, "span">): number | null {
  const m = /^M(\d\d)$/.exec(period.span);
  const months = m ? Number(m[1]) : MONTHS[period.span];
  return months === undefined ? null : months / 12;
}

/** Percentage points behind schedule, to one decimal, as the sheets' TEXT(…,"0.0") shows it; null when not behind. */
export function behindPoints(completion: number | null, schedule: number | null): string | null {
  if (completion === null || schedule === null || !(completion < schedule)) return null;
  return ((schedule - completion) * 100).toFixed(1);
}

/** "落后序时进度 8.3 个百分点", or "" when on or ahead of schedule (or without one). */
export function paceText(completion: number | null, schedule: number | null): string {
  const p = behindPoints(completion, schedule);
  return p === null ? "" : `落后序时进度 ${p} 个百分点`;
}

/**
 * The same text as a formula over a 完成率 cell and a 序时进度 cell (or constant):
 * "" unless both are numbers and the completion is below the schedule.
 */
export function paceFormula(completion: string, schedule: string): string {
  return `IF(AND(ISNUMBER(${completion}),ISNUMBER(${schedule})),IF(${completion}<${schedule},"落后序时进度 "&TEXT((${schedule}-${completion})*100,"0.0")&" 个百分点",""),"")`;
}
