/**
 * How figures combine (see shared/domain.md): exact sums, growth without a
 * division by zero, ratios in percentage points, completion against a target.
 */
// @ts-nocheck


/**
 * Figures are summed as integers of this many parts per unit (0.0001): amounts
 * carry at most 2–4 decimals, so sums are exact and a county's totals, summed
 * again at the city, equal the sum over all its towns.
 */
export const SCALE = 10_000;

/** A figure in scaled integer units (0.0001). */
export function toScaled(v: number): number {
  return Math.round(v * SCALE);
}

/** Back from scaled units to the figure written in the workbook. */
export function fromScaled(n: number): number {
  return n / SCALE;
}

/**
 * Growth (同比增长) as a fraction: (本期 − 上年同期) / 上年同期.
 * @returns null when there is no base (上年同期 missing or 0): never NaN or Infinity.
 */
export function growthOf(current: number | null, prior: number | null): number | null {
  if (current === null || prior === null || !(prior > 0)) return null;
  return (current - prior) / prior;
}

/**
 * What to show instead of a growth percentage when there is no base:
 * "新增" only when something appeared from a true 0 last year; "—" when last year
 * is unknown (blank somewhere) or both are 0; null when a percentage exists.
 */
export function growthLabel(current: number | null, prior: number | null): "新增" | "—" | null {
  if (growthOf(current, prior) !== null) return null;
  return prior === 0 && current !== null && current > 0 ? "新增" : "—";
}

/** A ratio from its summed numerator and denominator; null without a positive denominator. */
export function ratioOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  return numerator / denominator;
}

/** Change of a ratio in percentage points (百分点): 0.12 → 0.135 is +1.5. */
export function pointsChange(current: number | null, prior: number | null): number | null {
  if (current === null || prior === null) return null;
  return (current - prior) * 100;
}

/** Points to two decimals as spreadsheet ROUND gives them (half away from zero), and never -0. */
export function roundPoints(points: number): number {
  const r = Math.sign(points) * Math.round(Math.abs(points) * 100 + 1e-9) / 100;
  return r === 0 ? 0 : r;
}

/** Target completion (完成率) as a fraction; null without a positive target. */
export function completionOf(current: number | null, target: number | null): number | null {
  if (current === null || target === null || !(target > 0)) return null;
  return current / target;
}

/** Growth as a Chinese phrase for text output: "增长12.5%", "下降3.0%", "新增", "—". */
export function growthText(current: number | null, prior: number | null): string {
  const g = growthOf(current, prior);
  if (g === null) return growthLabel(current, prior)!;
  if (g === 0) return "持平";
  return `${g > 0 ? "增长" : "下降"}${(Math.abs(g) * 100).toFixed(1)}%`;
}
