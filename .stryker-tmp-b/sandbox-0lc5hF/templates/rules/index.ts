/**
 * The rule table: every finding huizong raises, one row each — severity,
 * Chinese name, whether a warning needs a 备注, the settings it reads, its
 * message and its explanation. The checks, the merge's cross-unit slips, the
 * 校验问题 sheet, the README table (tests/rules-table.test.ts), the pane and the
 * server's acceptance all read it; `RuleId` is derived from it, so a rule
 * cannot exist without a row. Pure: the task pane imports it.
 */
// @ts-nocheck

import type { Finding } from "../findings";
import { ACROSS_RULES } from "./across";
import { COVER_RULES } from "./cover";
import { HISTORY_RULES } from "./history";
import type { RuleRow, Severity } from "./define";
import { PLAUSIBILITY_RULES } from "./plausibility";
import { RELATION_RULES } from "./relations";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "./settings";
import { VALUE_RULES } from "./values";

export type { RuleRow, Severity, SettingName } from "./define";
export { DEFAULT_RULE_SETTINGS, bandText, ruleSettings, type RuleSettings } from "./settings";

/** In the order the README lists them: the cover, the figures, their relations, plausibility, across units, against what is held, the narrative. */
export const RULES = {
  ...COVER_RULES,
  ...VALUE_RULES,
  ...RELATION_RULES,
  ...PLAUSIBILITY_RULES,
  ...ACROSS_RULES,
  ...HISTORY_RULES,
};

export type RuleId = keyof typeof RULES;

/** Every rule id, in table order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** What rule `R`'s message needs. */
export type MessageParams<R extends RuleId> = Parameters<(typeof RULES)[R]["message"]>[0];

/** A row with its message parameter erased (for reading severity, name, help). */
export function rule(id: RuleId): RuleRow<never> {
  return RULES[id] as RuleRow<never>;
}

/** error (blocks the report) or warning (to check, explained in 备注 where the rule needs it). */
export function severityOf(id: RuleId): Severity {
  return RULES[id].severity;
}

/** The message of rule `id` for these parameters. */
export function ruleMessage<R extends RuleId>(id: R, params: MessageParams<R>): string {
  return (RULES[id].message as (p: MessageParams<R>) => string)(params);
}

/** The pane's explanation of a rule, with the settings in force. */
export function ruleHelp(id: RuleId, settings: RuleSettings = DEFAULT_RULE_SETTINGS): string {
  const help = rule(id).help;
  return typeof help === "string" ? help : help(settings);
}

/** True when a finding of this rule blocks acceptance until 备注 explains it (a warning whose row or settings say so). */
export function needsNote(id: RuleId, settings: Pick<RuleSettings, "needsNote"> = DEFAULT_RULE_SETTINGS): boolean {
  const r = rule(id);
  return r.severity === "warning" && (settings.needsNote[id] ?? r.needsNote);
}

/** The cell a finding points at. */
export interface Place {
  sheet: string;
  cell: string;
}

/** A finding of rule `id` at `place`: severity and message from the table. */
export function ruleFinding<R extends RuleId>(id: R, place: Place, params: MessageParams<R>, extra: Pick<Finding, "indicator" | "explained"> = {}): Finding {
  return { severity: severityOf(id), rule: id, sheet: place.sheet, cell: place.cell, message: ruleMessage(id, params), ...extra };
}
