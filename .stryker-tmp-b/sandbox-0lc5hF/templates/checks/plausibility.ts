/** Warnings on one indicator's figures: a missing 上年同期, a unit slip, a figure beyond a town's scale, implausible growth. */
// @ts-nocheck

import type { Indicator } from "../catalog";
import type { IndicatorEntry } from "../read";
import { at, num, type CheckContext } from "./context";

/** Town-scale limits (townMax) only make sense for a town or street, not a merged county or city. */
function isTownLevel(ctx: CheckContext): boolean {
  const t = ctx.sub.cover.unitType.text;
  return t === "乡镇" || t === "街道";
}

/** A warning is explained when the row's 备注 has text. */
export function explained(entry: IndicatorEntry): boolean {
  return entry.note.text.length > 0;
}

export function checkPlausibility(ctx: CheckContext, ind: Indicator): void {
  const { emit, settings } = ctx;
  const entry = ctx.sub.indicators[ind.code]!;
  const cur = num(entry.current);
  const prior = num(entry.prior);
  const item = ctx.indicators.label(ind);
  const note = at(entry.note);
  const extra = { indicator: ind.code, explained: explained(entry) };
  if (cur !== null && entry.prior.raw === null && !entry.prior.error) emit("PRIOR_MISSING", entry.prior, { item, note }, extra);
  if (cur === null || cur < 0) return;
  let slip = false;
  if (ind.kind === "amount" && prior !== null && prior > 0 && cur > 0) {
    const factor = cur / prior;
    const k = settings.unitSlipFactor;
    if (factor >= k || factor <= 1 / k) {
      slip = true;
      emit("UNIT_SLIP", factor >= k ? entry.current : entry.prior, { kind: "factor", item, current: cur, prior, factor, unit: ind.unit, note }, extra);
    }
  }
  if (!slip && isTownLevel(ctx) && ind.townMax !== undefined && cur > ind.townMax) {
    if (ind.kind === "amount") emit("UNIT_SLIP", entry.current, { kind: "scale", item, current: cur, unit: ind.unit, note }, extra);
    else emit("VALUE_IMPLAUSIBLE", entry.current, { item, current: cur, unit: ind.unit, note }, extra);
    slip = true;
  }
  if (!slip && prior !== null && prior > 0) {
    const growth = (cur - prior) / prior;
    const { growthBand: band, growthMinSize: size } = settings;
    // Below this size (in the row's unit) a change is noise.
    const big = Math.max(cur, prior) >= (size.byUnit[ind.unit] ?? size.default);
    if (big && (growth > band.max || growth < band.min)) emit("GROWTH_IMPLAUSIBLE", entry.current, { item, current: cur, prior, growth, band, note }, extra);
  }
}
