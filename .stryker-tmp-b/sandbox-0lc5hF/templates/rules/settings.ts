/**
 * The settings the rules read, with today's values as defaults. The indicator
 * library (指标库) supplies its own; CheckOptions.settings and SlipOptions.settings
 * take them. Per-indicator limits (townMax, plausibleMaxRatio) stay on the indicator.
 */
// @ts-nocheck

import type { RuleId } from "./index";

export interface RuleSettings {
  /** Growth outside this band (as a fraction, −0.5 … +2.0) earns GROWTH_IMPLAUSIBLE. */
  growthBand: { readonly min: number; readonly max: number };
  /**
   * Growth is judged only when 本期 or 上年同期 reaches this size in the row's unit
   * (below it a change is noise: 2 → 5 件 is +150%). `byUnit` overrides `default`.
   */
  growthMinSize: { readonly default: number; readonly byUnit: Readonly<Record<string, number>> };
  /** An amount this many times its own last year (or 1/this) is the 元-vs-万元 slip (UNIT_SLIP). */
  unitSlipFactor: number;
  /** Figures carry at most this many decimals (4: 0.0001 万元 = 1 元); the merge sums them exactly at this scale. */
  amountDecimals: number;
  /** An amount this many times the peers' median or the unit's last-year report (or 1/this) is a cross-unit slip. */
  peerSlipFactor: number;
  /** Fewer peers than this (with the figure above 0) give no median worth comparing with. */
  minPeers: number;
  /** Per-rule override of the table's needsNote (which warnings the server refuses until 备注 explains them). */
  needsNote: Readonly<Partial<Record<RuleId, boolean>>>;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  growthBand: { min: -0.5, max: 2.0 },
  growthMinSize: { default: 10, byUnit: { 亿元: 1 } },
  unitSlipFactor: 1000,
  amountDecimals: 4,
  peerSlipFactor: 100,
  minPeers: 3,
  needsNote: {},
};

/** The defaults with the given settings over them. */
export function ruleSettings(given: Partial<RuleSettings> = {}): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, ...given };
}

/** The band as the messages print it: "-50%～+200%". */
export function bandText(band: RuleSettings["growthBand"]): string {
  const pct = (x: number) => String(Number((x * 100).toFixed(2)));
  return `${pct(band.min)}%～+${pct(band.max)}%`;
}
