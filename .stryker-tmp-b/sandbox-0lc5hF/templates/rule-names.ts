/** Chinese names of the check rules, as 校验问题 and printed lists show them (the English id stays beside). Read from the rule table. */
// @ts-nocheck

import { RULES, RULE_IDS, type RuleId } from "./rules/index";

export const RULE_NAMES = Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].name])) as Record<RuleId, string>;

/** "增幅异常（GROWTH_IMPLAUSIBLE）". */
export function ruleLabel(rule: RuleId): string {
  return `${RULE_NAMES[rule]}（${rule}）`;
}
