/**
 * The checks: one pure function from a submission to findings. The task pane,
 * the command line and the server all call this, so a clerk sees the same
 * findings everywhere. Every finding goes through the rule table
 * (./rules/index.ts: severity, message); the checks by concept live in ./checks/.
 */
// @ts-nocheck

import { BUILTIN, ruleSettingsOf } from "./catalogue";
import type { Finding } from "./findings";
import { parseAddress } from "./grid";
import { SHEETS } from "./layout";
import { DEFAULT_RULE_SETTINGS, ruleFinding, ruleSettings } from "./rules/index";
import { indicatorView, type CheckContext, type CheckOptions } from "./checks/context";
import { checkCover, checkNarrative } from "./checks/cover";
import { checkPlausibility } from "./checks/plausibility";
import { checkRelations } from "./checks/relations";
import { checkValues } from "./checks/values";
import type { Submission } from "./read";

export type { CheckOptions } from "./checks/context";
export { coverPeriod, divisionCodeOf, parseReportDate } from "./checks/cover";

/** Growth outside this band (as a fraction) earns a warning asking for a 备注 (the default; the library may set its own). */
export const GROWTH_BAND = DEFAULT_RULE_SETTINGS.growthBand;
/** A figure this many times its own last year is the 元-vs-万元 slip (the default). */
export const UNIT_SLIP_FACTOR = DEFAULT_RULE_SETTINGS.unitSlipFactor;

/**
 * Check a submission and return every finding, in sheet and cell order.
 * Errors block a submission; warnings do not (but those whose rule needs a 备注
 * must be explained there to be accepted by the server).
 */
export function checkSubmission(sub: Submission, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  // The library the report was read with: its indicators and its rule settings (options override).
  const cat = options.catalogue ?? BUILTIN;
  const ctx: CheckContext = {
    sub,
    expectedPeriod: options.expectedPeriod,
    settings: ruleSettings({ ...ruleSettingsOf(cat), ...options.settings }),
    indicators: indicatorView(options.indicators ?? cat.indicators),
    emit: (rule, place, params, extra) => out.push(ruleFinding(rule, place, params, extra)),
  };
  checkCover(ctx);
  for (const ind of ctx.indicators.all) if (checkValues(ctx, ind)) checkPlausibility(ctx, ind);
  checkRelations(ctx);
  checkNarrative(ctx);
  return sortFindings(out);
}

const SHEET_ORDER: string[] = [SHEETS.cover, SHEETS.indicators, SHEETS.narrative];

function sortFindings(list: Finding[]): Finding[] {
  // In place (the list is the caller's own). Array.prototype.sort is stable: findings on one cell keep the order the checks raised them.
  const key = (f: Finding) => parseAddress(f.cell) ?? { row: 0, col: 0 };
  return list.sort((a, b) => {
    const s = SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet);
    if (s) return s;
    const pa = key(a);
    const pb = key(b);
    return pa.row - pb.row || pa.col - pb.col;
  });
}
