/** Checks of the form of each figure: empty, text, negative, fractional, too many decimals, broken formula. */
import type { Indicator } from "../catalog";
import { COLUMN_TITLES, VALUE_COLUMNS, type ValueColumn } from "../layout";
import { fmt, readNumber, type NumberForm } from "../numbers";
import type { Field } from "../read";
import type { RuleId } from "../rules/index";
import { at, type CheckContext } from "./context";

/** The rule of each text form a number can take. */
const FORM_RULE = {
  "numeric-text": "NUMBER_AS_TEXT",
  spaces: "NUMBER_AS_TEXT",
  "full-width": "NUMBER_FULL_WIDTH",
  thousands: "NUMBER_THOUSANDS",
  approximate: "NUMBER_APPROXIMATE",
  "with-unit": "NUMBER_WITH_UNIT",
  wan: "NUMBER_WAN",
  text: "NUMBER_TEXT",
} as const satisfies Record<Exclude<NumberForm, "empty" | "number" | "placeholder">, RuleId>;

/** True when a number has at most `decimals` decimals (as Excel shows it: the shortest round-trip text). */
export function withinDecimals(v: number, decimals: number): boolean {
  return Number.isInteger(v) || Number(v.toFixed(decimals)) === v;
}

/** Where a figure is, for a message: the indicator as printed, the column, the cell. */
export function placeOf(ctx: CheckContext, ind: Indicator, col: ValueColumn, f: Field) {
  return { item: ctx.indicators.label(ind), column: COLUMN_TITLES[col], at: at(f) };
}

/** The form checks of one indicator's value columns; true when its figures can be judged for plausibility. */
export function checkValues(ctx: CheckContext, ind: Indicator): boolean {
  const { emit } = ctx;
  const entry = ctx.sub.indicators[ind.code]!;
  const extra = { indicator: ind.code };
  if (ind.kind === "ratio") {
    for (const col of VALUE_COLUMNS) {
      const f = entry[col];
      if (!f.formula) emit("RATIO_OVERWRITTEN", f, placeOf(ctx, ind, col, f), extra);
    }
    return false;
  }
  for (const col of VALUE_COLUMNS) {
    const f = entry[col];
    // Named only for a finding: most figures have none, and the names were a tenth of the checks' time.
    const place = () => placeOf(ctx, ind, col, f);
    if (f.error) {
      emit("FORMULA_ERROR", f, { ...place(), error: f.error }, extra);
      continue;
    }
    const reading = readNumber(f.raw, ind.unit);
    if (reading.form === "empty") {
      if (col === "current") emit("VALUE_REQUIRED", f, place(), extra);
      continue;
    }
    if (reading.form !== "number") {
      const typed = { ...place(), typed: String(f.raw), suggestion: reading.suggestion === null ? "" : fmt(reading.suggestion), unit: ind.unit };
      if (reading.form === "placeholder") emit("NUMBER_PLACEHOLDER", f, { ...typed, col }, extra);
      else emit(FORM_RULE[reading.form], f, typed, extra);
      continue;
    }
    const v = reading.value!;
    const decimals = ctx.settings.amountDecimals;
    if (v < 0) emit("NEGATIVE", f, { ...place(), value: v }, extra);
    else if (ind.kind === "count" && !Number.isInteger(v)) emit("FRACTIONAL_COUNT", f, { ...place(), value: v, unit: ind.unit }, extra);
    else if (!withinDecimals(v, decimals)) emit("AMOUNT_PRECISION", f, { ...place(), value: v, unit: ind.unit, decimals }, extra);
  }
  return true;
}
