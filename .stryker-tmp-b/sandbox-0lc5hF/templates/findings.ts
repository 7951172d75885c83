/** A finding: one thing wrong (error) or worth a second look (warning) in a report. */
// @ts-nocheck


import { needsNote, type RuleId, type RuleSettings, type Severity } from "./rules/index";

export type { RuleId, Severity } from "./rules/index";

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

/**
 * Warnings that still need a 备注 before the report can be submitted: those whose
 * rule needs one (the rule table, overridden by the library's settings) and are not explained.
 */
export function unexplainedWarnings(findings: readonly Finding[], settings?: Pick<RuleSettings, "needsNote">): Finding[] {
  return findings.filter((f) => f.severity === "warning" && needsNote(f.rule, settings) && !f.explained);
}
