/** Checks between figures: a total and its components, its 其中 items, and ratios against their usual ceiling. */
// @ts-nocheck

import { COLUMN_TITLES, VALUE_COLUMNS } from "../layout";
import { at, num, type CheckContext } from "./context";
import { explained } from "./plausibility";
import { placeOf } from "./values";

export function checkRelations(ctx: CheckContext): void {
  const { emit } = ctx;
  const entry = (code: string) => ctx.sub.indicators[code]!;
  const name = (code: string) => ctx.indicators.byCode(code)!.name;
  for (const { total, children, jointOfWhich: ofWhich } of ctx.indicators.bounded) {
    for (const col of VALUE_COLUMNS) {
      const tf = entry(total.code)[col];
      const t = num(tf);
      const column = COLUMN_TITLES[col];
      if (total.components) {
        const parts = total.components.map((c) => num(entry(c)[col]));
        if (t !== null && parts.every((p): p is number => p !== null)) {
          const sum = parts.reduce((a, b) => a + b, 0);
          if (Math.abs(sum - t) > 1e-9) {
            const range = `${entry(total.components[0]!)[col].cell}:${entry(total.components[total.components.length - 1]!)[col].cell}`;
            emit("COMPONENTS_SUM", tf, { total: total.name, column, at: at(tf), value: t, parts: total.components.map(name), range, sum }, { indicator: total.code });
          }
        }
      }
      if (t === null || children.length === 0) continue;
      for (const child of children) {
        const f = entry(child.code)[col];
        const v = num(f);
        if (v !== null && v > t + 1e-9) {
          emit("PART_EXCEEDS_TOTAL", f, { ...placeOf(ctx, child, col, f), value: v, total: total.name, totalAt: at(tf), totalValue: t }, { indicator: child.code });
        }
      }
      // "of which" items without a components rule (A05+A06 ≤ A04) may not exceed the total together.
      if (ofWhich) {
        const vals = ofWhich.map((c) => num(entry(c.code)[col]));
        // Items that exceed the total alone already have a PART_EXCEEDS_TOTAL finding.
        if (vals.every((v): v is number => v !== null && v <= t + 1e-9)) {
          const sum = vals.reduce((a, b) => a + b, 0);
          // Relative slack for float rounding: decimals that add up exactly (33333333.33 + 66666666.66) may not in binary.
          if (sum > t + Math.max(1e-9, 4 * Number.EPSILON * t)) {
            emit("PARTS_EXCEED_TOTAL", tf, { total: total.name, column, at: at(tf), value: t, sum, parts: ofWhich.map((c) => c.name) }, { indicator: total.code });
          }
        }
      }
    }
  }
  for (const ratio of ctx.indicators.ratios) {
    const n = num(entry(ratio.numerator!).current);
    const d = num(entry(ratio.denominator!).current);
    if (n === null || d === null || d <= 0 || n > d) continue;
    const value = n / d;
    if (value > ratio.plausibleMaxRatio!) {
      emit(
        "RATIO_IMPLAUSIBLE",
        entry(ratio.code).current,
        { ratio: ratio.name, value, max: ratio.plausibleMaxRatio!, numerator: name(ratio.numerator!), denominator: name(ratio.denominator!) },
        { indicator: ratio.code, explained: explained(entry(ratio.numerator!)) || explained(entry(ratio.denominator!)) },
      );
    }
  }
}
