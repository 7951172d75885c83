/**
 * Numbers as Chinese official documents write them: no thousands separators,
 * the catalogue's unit (万元, 亿元, 件, 家 ...), counts of 100,000 and more in 万,
 * percentages and percentage points with at most one decimal (38%, 12.5%,
 * 1.5个百分点, as in the seeds), amounts with at most two.
 */
// @ts-nocheck

import type { Indicator } from "../catalog";

/** Counts from this size on are written in 万 ("14.1万人次"). */
export const WAN_FROM = 100_000;

/** Round half away from zero to `digits` decimals, free of float noise (1.005 → 1.01). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.sign(x) * Math.round(Math.abs(x) * f + 1e-7) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Shortest decimal text of a rounded number: 38 → "38", 12.50 → "12.5". */
function plain(x: number): string {
  return String(x);
}

/** A figure with its unit: "1050件", "35.46亿元", "18.35万人次". */
export function formatFigure(value: number, ind: Pick<Indicator, "kind" | "unit">): string {
  if (ind.kind === "count" && Math.abs(value) >= WAN_FROM) return `${plain(roundTo(value / 10_000, 2))}万${ind.unit}`;
  if (ind.kind === "count") return `${plain(roundTo(value, 0))}${ind.unit}`;
  return `${plain(roundTo(value, 2))}${ind.unit}`;
}

/** A fraction as a percentage with at most one decimal: 0.38 → "38%", 0.125 → "12.5%". */
export function formatPercent(fraction: number): string {
  return `${plain(roundTo(fraction * 100, 1))}%`;
}

/** The size of a change in percentage points: 1.5 → "1.5个百分点" (sign words say the direction). */
export function formatPoints(points: number): string {
  return `${plain(roundTo(Math.abs(points), 1))}个百分点`;
}

/** The percentage as written, rounded: the case (growth, decline, flat) follows what the reader sees. */
export function percentShown(fraction: number): number {
  return roundTo(fraction * 100, 1);
}
