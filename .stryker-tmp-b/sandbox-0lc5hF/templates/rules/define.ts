/**
 * The shape of one row of the rule table (./index.ts): what a rule is called,
 * how grave it is, which settings it reads, its message and its explanation.
 * Kept free of the catalogue and of any runtime so the task pane can import it.
 */
// @ts-nocheck

import type { RuleSettings } from "./settings";

export type Severity = "error" | "warning";

/** The settings a rule reads: report-wide ones (RuleSettings) or an indicator's own limit. */
export type SettingName =
  | "growthBand"
  | "growthMinSize"
  | "unitSlipFactor"
  | "amountDecimals"
  | "peerSlipFactor"
  | "minPeers"
  | "indicator.townMax"
  | "indicator.plausibleMaxRatio";

/** One rule. `P` is what its message needs (figures as numbers, names and cells as text). */
export interface RuleRow<P> {
  severity: Severity;
  /** Chinese name, as 校验问题, printed lists and the pane show it (the English id stays beside). */
  name: string;
  /** For warnings: the server refuses the report until the row's 备注 explains it. Always false for errors. */
  needsNote: boolean;
  /** Settings the rule's check reads (from the library; defaults in ./settings.ts). */
  reads: readonly SettingName[];
  /** One paragraph in Chinese for the pane: what the rule catches and what to do (with the settings in force). */
  help: string | ((s: RuleSettings) => string);
  /** The message a clerk reads: what is wrong, where, and what to type instead. */
  message: (p: P) => string;
}

/** A table row (identity; fixes the message's parameter type). */
export const row = <P>(r: RuleRow<P>): RuleRow<P> => r;

/** Where a figure is: “专利授权”本期（指标!E41）. */
export interface At {
  /** The indicator as printed (“专利授权（其中：发明专利授权）” for an 其中 item). */
  item: string;
  /** 本期 / 上年同期 / 全年目标. */
  column: string;
  /** "指标!E41". */
  at: string;
}

export const where = (p: At): string => `“${p.item}”${p.column}（${p.at}）`;

export { fmt } from "../numbers";

/** A figure as typed, to 4 decimals (the template's finest). */
export const fmt4 = (n: number): string => String(Number(n.toFixed(4)));
