/** A finding: one thing wrong (error) or worth a second look (warning) in a report. */

export type Severity = "error" | "warning";

export type RuleId =
  // cover (封面)
  | "COVER_REQUIRED"
  | "DIVISION_CODE_FORMAT"
  | "DIVISION_CODE_LEVEL"
  | "UNIT_TYPE_INVALID"
  | "PERIOD_INVALID"
  | "PERIOD_MISMATCH"
  | "PHONE_INVALID"
  | "DATE_INVALID"
  // values (指标)
  | "VALUE_REQUIRED"
  | "PRIOR_MISSING"
  | "NUMBER_AS_TEXT"
  | "NUMBER_FULL_WIDTH"
  | "NUMBER_THOUSANDS"
  | "NUMBER_APPROXIMATE"
  | "NUMBER_WITH_UNIT"
  | "NUMBER_WAN"
  | "NUMBER_PLACEHOLDER"
  | "NUMBER_TEXT"
  | "NEGATIVE"
  | "FRACTIONAL_COUNT"
  | "AMOUNT_PRECISION"
  | "FORMULA_ERROR"
  | "RATIO_OVERWRITTEN"
  | "COMPONENTS_SUM"
  | "PART_EXCEEDS_TOTAL"
  | "PARTS_EXCEED_TOTAL"
  | "RATIO_IMPLAUSIBLE"
  | "GROWTH_IMPLAUSIBLE"
  | "UNIT_SLIP"
  | "VALUE_IMPLAUSIBLE"
  // across units (merge, and the server against what it holds for the period)
  | "UNIT_SLIP_PEERS"
  | "UNIT_SLIP_LAST_YEAR"
  // against what the server holds: the city's assigned targets, the unit's report last year
  | "TARGET_DIFFERS"
  | "PRIOR_DIFFERS_FROM_LAST_YEAR"
  // narrative (文字材料)
  | "NARRATIVE_REQUIRED";

export interface Finding {
  severity: Severity;
  rule: RuleId;
  sheet: string;
  cell: string;
  /** Chinese: what is wrong and what to type instead. */
  message: string;
  /** Indicator code, for findings on the indicator sheet. */
  indicator?: string;
  /** For warnings: the clerk has explained it in the row's 备注 (needed to submit with warnings). */
  explained?: boolean;
}

/** True when any finding is an error (the report cannot be submitted). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** Warnings that still need a 备注 before the report can be submitted. */
export function unexplainedWarnings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "warning" && !f.explained);
}
