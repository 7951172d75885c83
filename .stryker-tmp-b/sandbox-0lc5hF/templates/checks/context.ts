/**
 * What every check reads: the submission, the options, the rule settings, the
 * indicators (one place: CheckOptions.indicators, default the built-in
 * catalogue) and `emit`, the one way a check raises a finding (through the rule table).
 */
// @ts-nocheck

import { INDICATORS, isOfWhich, type Indicator } from "../catalog";
import type { Catalogue } from "../catalogue";
import type { Finding } from "../findings";
import type { Field, Submission } from "../read";
import { ruleFinding, type MessageParams, type Place, type RuleId, type RuleSettings } from "../rules/index";

export interface CheckOptions {
  /** The period id the file is uploaded to ("2025-Y"); a different cover period is an error. */
  expectedPeriod?: string;
  /** Rule settings (from the indicator library); missing ones take DEFAULT_RULE_SETTINGS. */
  settings?: Partial<RuleSettings>;
  /** The library the submission was read with (ReadResult.catalogue): its indicators and rule settings; default the built-in one. */
  catalogue?: Catalogue;
  /** The indicators to check, in template order (default: the library's). */
  indicators?: readonly Indicator[];
}

/** The indicators with what the checks derive from them once. */
export interface IndicatorView {
  all: readonly Indicator[];
  byCode: (code: string) => Indicator | undefined;
  /** Per total: the items bounded by it, and its 其中 items bounded together (only without a components rule). */
  bounded: readonly { total: Indicator; children: readonly Indicator[]; jointOfWhich: readonly Indicator[] | null }[];
  ratios: readonly Indicator[];
  /** The indicator as printed: “专利授权（其中：发明专利授权）” for an 其中 item. */
  label: (ind: Indicator) => string;
}

const VIEWS = new WeakMap<readonly Indicator[], IndicatorView>();

/** The view of a list of indicators (built once per list). */
export function indicatorView(all: readonly Indicator[] = INDICATORS): IndicatorView {
  const known = VIEWS.get(all);
  if (known) return known;
  const map = new Map(all.map((i) => [i.code, i]));
  const byCode = (code: string) => map.get(code);
  const view: IndicatorView = {
    all,
    byCode,
    bounded: all.map((total) => {
      const children = all.filter((i) => i.partOf === total.code);
      const ofWhich = children.filter(isOfWhich);
      return { total, children, jointOfWhich: !total.components && ofWhich.length > 1 ? ofWhich : null };
    }),
    ratios: all.filter((i) => i.kind === "ratio"),
    label: (ind) => (isOfWhich(ind) ? `${byCode(ind.partOf!)!.name}（其中：${ind.name}）` : ind.name),
  };
  VIEWS.set(all, view);
  return view;
}

export interface CheckContext {
  sub: Submission;
  expectedPeriod: string | undefined;
  settings: RuleSettings;
  indicators: IndicatorView;
  /** Raise a finding of `rule` at `place`: severity and message from the rule table. */
  emit: <R extends RuleId>(rule: R, place: Place, params: MessageParams<R>, extra?: Pick<Finding, "indicator" | "explained">) => void;
}

/** "指标!E47". */
export const at = (f: Place): string => `${f.sheet}!${f.cell}`;

/** A field's number, or null when empty or an error. */
export function num(f: Field): number | null {
  return f.error ? null : f.value;
}
