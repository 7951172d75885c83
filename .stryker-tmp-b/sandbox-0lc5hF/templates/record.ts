/**
 * The normalized record of an accepted report: small JSON the server stores
 * beside the original file and the merge reads (never re-parsing workbooks).
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { NarrativeKey } from "./catalog";
import { BUILTIN, indexOf, type Catalogue } from "./catalogue";
import { coverPeriod, divisionCodeOf, parseReportDate } from "./checks";
import type { Finding } from "./findings";
import type { Period } from "./period";
import type { Submission } from "./read";
export interface IndicatorValues {
  current: number | null;
  prior: number | null;
  target: number | null;
  /** The clerk's 备注, when given. */
  note?: string;
}
export interface ReportRecord {
  schema: 1;
  templateId: string;
  templateVersion: string;
  unit: {
    name: string;
    code: string;
    type: string;
  };
  period: Period;
  meta: {
    preparer: string;
    phone: string;
    head: string;
    date: string | null;
  };
  /** Typed indicators only; ratios are always recomputed from their parts. */
  values: Record<string, IndicatorValues>;
  narrative: Record<NarrativeKey, string>;
  /** Warnings carried from the checks (with their cells), for the city's 校验问题 sheet. */
  warnings: Finding[];
}

/**
 * Normalize a submission that has no errors into a record.
 * @returns null when the cover period cannot be read (the checks report that as an error).
 */
export function toRecord(sub: Submission, findings: readonly Finding[], cat: Catalogue = BUILTIN): ReportRecord | null {
  if (stryMutAct_9fa48("43")) {
    {}
  } else {
    stryCov_9fa48("43");
    const period = coverPeriod(sub);
    if (stryMutAct_9fa48("46") ? false : stryMutAct_9fa48("45") ? true : stryMutAct_9fa48("44") ? period : (stryCov_9fa48("44", "45", "46"), !period)) return null;
    const values: Record<string, IndicatorValues> = {};
    for (const ind of indexOf(cat).inputs) {
      if (stryMutAct_9fa48("47")) {
        {}
      } else {
        stryCov_9fa48("47");
        const e = sub.indicators[ind.code]!;
        const v: IndicatorValues = stryMutAct_9fa48("48") ? {} : (stryCov_9fa48("48"), {
          current: e.current.value,
          prior: e.prior.value,
          target: e.target.value
        });
        if (stryMutAct_9fa48("50") ? false : stryMutAct_9fa48("49") ? true : (stryCov_9fa48("49", "50"), e.note.text)) v.note = e.note.text;
        values[ind.code] = v;
      }
    }
    return stryMutAct_9fa48("51") ? {} : (stryCov_9fa48("51"), {
      schema: 1,
      templateId: sub.templateId,
      templateVersion: sub.templateVersion,
      unit: stryMutAct_9fa48("52") ? {} : (stryCov_9fa48("52"), {
        name: sub.cover.unitName.text,
        code: divisionCodeOf(sub),
        type: sub.cover.unitType.text
      }),
      period,
      meta: stryMutAct_9fa48("53") ? {} : (stryCov_9fa48("53"), {
        preparer: sub.cover.preparer.text,
        phone: sub.cover.phone.text,
        head: sub.cover.head.text,
        date: parseReportDate(sub.cover.date.raw)
      }),
      values,
      narrative: Object.fromEntries(cat.narrative.map(s => [s.key, sub.narrative[s.key].text])) as Record<NarrativeKey, string>,
      warnings: stryMutAct_9fa48("54") ? findings : (stryCov_9fa48("54"), findings.filter(stryMutAct_9fa48("55") ? () => undefined : (stryCov_9fa48("55"), f => stryMutAct_9fa48("58") ? f.severity !== "warning" : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58"), f.severity === (stryMutAct_9fa48("59") ? "" : (stryCov_9fa48("59"), "warning"))))))
    });
  }
}