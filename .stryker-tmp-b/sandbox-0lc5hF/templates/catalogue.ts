/**
 * The indicator library (指标库) as one value: a `Catalogue` names the report
 * (id, version, title, 表号), its groups, its indicators and the settings of
 * its rules. The built-in one is today's catalogue (catalog.ts); a bureau's own
 * comes from an .xlsx it edits in Excel (library/read.ts) or from the copy a
 * template carries in its very hidden sheet (library/embed.ts).
 *
 * Everything that used the catalogue's module constants takes a Catalogue
 * (defaulting to BUILTIN), and derives what it needs from it once per value
 * (the WeakMap memos below and in layout.ts).
 */
// @ts-nocheck

import {
  FORM_HEADER,
  GROUPS,
  INDICATORS,
  NARRATIVE_SECTIONS,
  READABLE_VERSIONS,
  TEMPLATE_ID,
  TEMPLATE_TITLE,
  TEMPLATE_VERSION,
  type Indicator,
  type IndicatorKind,
  type NarrativeKey,
} from "./catalog";
import type { RuleId } from "./findings";
import type { RuleSettings } from "./rules/index";
import { DEFAULT_RULE_SETTINGS } from "./rules/settings";

export type { Indicator, IndicatorKind };

export interface CatalogueGroup {
  /** Group code ("A"); indicators name it. */
  code: string;
  /** Chinese name ("科技投入"), printed as "一、科技投入". */
  name: string;
  nameEn?: string;
}

export interface NarrativeSection {
  key: NarrativeKey;
  title: string;
  hint: string;
}

/**
 * The rule settings a library's 规则设置 sheet holds (the rules themselves are the
 * rule table, templates/rules/); {@link ruleSettingsOf} turns them into the table's settings.
 */
export interface LibraryRules {
  /** Growth outside [growthMin, growthMax] (fractions: -0.5 = −50 %) earns GROWTH_IMPLAUSIBLE. */
  growthMin: number;
  growthMax: number;
  /** A figure this many times its own last year (or a thousandth of it) is the 元-vs-万元 slip. */
  unitSlipFactor: number;
  /** Across units: an amount this many times the peers' median is a slip (merge). */
  peerSlipFactor: number;
  /** Warnings that need a 备注 before the report is accepted; the others are shown but pass. */
  explain: readonly RuleId[];
}

export interface FormHeader {
  formNumber: string;
  issuer: string;
  approval: string;
  validUntil: string;
}

export interface Catalogue {
  /** Library id, the template id written into every template ("HZ-KJ-01"). Stable across versions. */
  id: string;
  /** "YYYY.N". */
  version: string;
  /** Versions whose files read as this one without their own library (built-in only: 2026.1). */
  readableVersions?: readonly string[];
  title: string;
  formHeader: FormHeader;
  groups: readonly CatalogueGroup[];
  /** In template order, grouped (an indicator's group is the group of the rows above it or a new one). */
  indicators: readonly Indicator[];
  narrative: readonly NarrativeSection[];
  rules: LibraryRules;
}

/** Warning rules of the checks and the merge (all need an explanation in the built-in library). */
export const WARNING_RULES: readonly RuleId[] = [
  "PRIOR_MISSING",
  "GROWTH_IMPLAUSIBLE",
  "UNIT_SLIP",
  "VALUE_IMPLAUSIBLE",
  "RATIO_IMPLAUSIBLE",
  "UNIT_SLIP_PEERS",
  "UNIT_SLIP_LAST_YEAR",
];

/** The built-in library's rule settings: the rules' own defaults (one place for each number), as a library states them. */
export const DEFAULT_RULES: LibraryRules = {
  growthMin: DEFAULT_RULE_SETTINGS.growthBand.min,
  growthMax: DEFAULT_RULE_SETTINGS.growthBand.max,
  unitSlipFactor: DEFAULT_RULE_SETTINGS.unitSlipFactor,
  peerSlipFactor: DEFAULT_RULE_SETTINGS.peerSlipFactor,
  explain: WARNING_RULES,
};

/** Today's catalogue as a library value. */
export const BUILTIN: Catalogue = Object.freeze({
  id: TEMPLATE_ID,
  version: TEMPLATE_VERSION,
  readableVersions: READABLE_VERSIONS,
  title: TEMPLATE_TITLE,
  formHeader: { ...FORM_HEADER },
  groups: Object.entries(GROUPS).map(([code, g]) => ({ code, name: g.name, nameEn: g.nameEn })),
  indicators: INDICATORS,
  narrative: NARRATIVE_SECTIONS.map((s) => ({ key: s.key, title: s.title, hint: s.hint })),
  rules: DEFAULT_RULES,
});

/** What is derived from a catalogue once: lookups by code, the typed indicators, bounds. */
export interface CatalogueIndex {
  byCode: ReadonlyMap<string, Indicator>;
  /** Indicators a clerk types (everything except ratios). */
  inputs: readonly Indicator[];
  ratios: readonly Indicator[];
  groupOf: ReadonlyMap<string, CatalogueGroup>;
}

const INDEX = new WeakMap<Catalogue, CatalogueIndex>();

/** The catalogue's lookups, computed once per catalogue value. */
export function indexOf(cat: Catalogue): CatalogueIndex {
  let ix = INDEX.get(cat);
  if (!ix) {
    ix = {
      byCode: new Map(cat.indicators.map((i) => [i.code, i])),
      inputs: cat.indicators.filter((i) => i.kind !== "ratio"),
      ratios: cat.indicators.filter((i) => i.kind === "ratio"),
      groupOf: new Map(cat.groups.map((g) => [g.code, g])),
    };
    INDEX.set(cat, ix);
  }
  return ix;
}

/** An indicator of the catalogue by code. */
export function indicatorIn(cat: Catalogue, code: string): Indicator | undefined {
  return indexOf(cat).byCode.get(code);
}

/** Same library (id) and the same version. */
export function sameLibrary(a: Pick<Catalogue, "id" | "version">, b: Pick<Catalogue, "id" | "version">): boolean {
  return a.id === b.id && a.version === b.version;
}

/** The catalogue as the `huizong catalog --json` shape. */
export function catalogueJson(cat: Catalogue = BUILTIN) {
  return {
    id: cat.id,
    version: cat.version,
    title: cat.title,
    groups: Object.fromEntries(cat.groups.map((g) => [g.code, { name: g.name, nameEn: g.nameEn ?? "" }])),
    indicators: cat.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      kind: i.kind,
      group: i.group,
      aggregate: i.aggregate,
      components: i.components ?? [],
      partOf: i.partOf ?? null,
      numerator: i.numerator ?? null,
      denominator: i.denominator ?? null,
      headline: i.headline ?? false,
    })),
    narrative: cat.narrative.map((s) => ({ key: s.key, title: s.title })),
  };
}

/**
 * The rule table's settings from a library: its growth band and factors, and for
 * each warning the 规则设置 sheet lists, whether it needs a 备注 (warnings it does
 * not list keep the table's answer).
 */
export function ruleSettingsOf(cat: Catalogue): Partial<RuleSettings> {
  return {
    growthBand: { min: cat.rules.growthMin, max: cat.rules.growthMax },
    unitSlipFactor: cat.rules.unitSlipFactor,
    peerSlipFactor: cat.rules.peerSlipFactor,
    needsNote: Object.fromEntries(WARNING_RULES.map((r) => [r, cat.rules.explain.includes(r)])),
  };
}
