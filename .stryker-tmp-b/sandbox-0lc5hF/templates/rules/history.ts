/**
 * Rules against what the service already holds for the unit (templates/history.ts,
 * templates/targets/check.ts): last year's report and the target the city assigned.
 * Raised at submission; a difference is allowed but never silent, so both need a 备注.
 */
// @ts-nocheck

import { row } from "./define";

interface Differs {
  /** The indicator's printed name. */
  item: string;
  /** What the service holds (last year's 本期, or the assigned target), shown as typed. */
  held: string;
  /** What the report has. */
  typed: string;
  /** Cell of the figure and of its 备注 ("指标!F37", "指标!H37"). */
  at: string;
  noteAt: string;
}

export const HISTORY_RULES = {
  PRIOR_DIFFERS_FROM_LAST_YEAR: row<Differs>({
    severity: "warning",
    name: "与上年报送数不一致",
    needsNote: true,
    reads: [],
    help: "上年同期应与本单位上年同期报表的本期数一致（统计上的“历史数据一致性”）。数据确有修订的可以改，但要在该行备注中说明修订原因；否则请改回上年报送的数。",
    message: (p) => `“${p.item}”上年同期与上年报送数不一致：上年报送 ${p.held}，本表填 ${p.typed}（${p.at}）。请核对；确属数据修订的，请在备注（${p.noteAt}）中说明修订原因。`,
  }),
  TARGET_DIFFERS: row<Differs>({
    severity: "warning",
    name: "与下达目标不一致",
    needsNote: true,
    reads: [],
    help: "全年目标应为市里下达的目标（目标任务分解表）。按报告期下载的模板已填好并锁定下达的目标；不一致多半是用了旧的空白模板。请改为下达的目标；确有调整的，在该行备注中说明依据。",
    message: (p) => `“${p.item}”全年目标与市下达目标不一致：下达 ${p.held}，本表填 ${p.typed}（${p.at}）。请改为下达的目标；确有调整的，请在备注（${p.noteAt}）中说明依据。`,
  }),
};
