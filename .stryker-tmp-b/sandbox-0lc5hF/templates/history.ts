/**
 * Last year's figures: what a unit reported for the same period last year is
 * the 上年同期 of this year's report. Two uses, both pure over records:
 * - the fill of a template downloaded for a period (上年同期 and the cover);
 * - PRIOR_DIFFERS_FROM_LAST_YEAR at submission: a 上年同期 that differs from
 *   last year's report is allowed (figures get revised) but never silent — it
 *   needs a 备注, as the statistics systems check 历史数据一致性.
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
import { BUILTIN, indexOf, type Catalogue } from "./catalogue";
import type { Finding } from "./findings";
import { ruleFinding } from "./rules/index";
import { SHEETS, layoutOf, type CoverKey } from "./layout";
import { fmt } from "./numbers";
import type { ReportRecord } from "./record";
type Slice = Pick<ReportRecord, "values">;

/** The 上年同期 column of a new report: last year's 本期 of each typed indicator that has one. */
export function priorFromLastYear(lastYear: Slice, cat: Catalogue = BUILTIN): Record<string, number> {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const out: Record<string, number> = {};
    for (const ind of indexOf(cat).inputs) {
      if (stryMutAct_9fa48("1")) {
        {}
      } else {
        stryCov_9fa48("1");
        const v = stryMutAct_9fa48("2") ? lastYear.values[ind.code].current : (stryCov_9fa48("2"), lastYear.values[ind.code]?.current);
        if (stryMutAct_9fa48("5") ? typeof v === "number" || Number.isFinite(v) : stryMutAct_9fa48("4") ? false : stryMutAct_9fa48("3") ? true : (stryCov_9fa48("3", "4", "5"), (stryMutAct_9fa48("7") ? typeof v !== "number" : stryMutAct_9fa48("6") ? true : (stryCov_9fa48("6", "7"), typeof v === (stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), "number")))) && Number.isFinite(v))) out[ind.code] = v;
      }
    }
    return out;
  }
}

/** The cover fields carried from the unit's last report (单位名称, 区划代码, 单位类型, 填表人, 电话, 负责人). */
export function coverFromLastReport(last: Pick<ReportRecord, "unit" | "meta">): Partial<Record<CoverKey, string>> {
  if (stryMutAct_9fa48("9")) {
    {}
  } else {
    stryCov_9fa48("9");
    const out: Partial<Record<CoverKey, string>> = stryMutAct_9fa48("10") ? {} : (stryCov_9fa48("10"), {
      unitName: last.unit.name,
      divisionCode: last.unit.code,
      unitType: last.unit.type,
      preparer: last.meta.preparer,
      phone: last.meta.phone,
      head: last.meta.head
    });
    for (const k of Object.keys(out) as CoverKey[]) if (stryMutAct_9fa48("13") ? false : stryMutAct_9fa48("12") ? true : stryMutAct_9fa48("11") ? out[k] : (stryCov_9fa48("11", "12", "13"), !out[k])) delete out[k];
    return out;
  }
}

/** Warnings for every 上年同期 that differs from what the unit reported last year (blanks are PRIOR_MISSING's business). */
export function priorFindings(record: Slice, lastYear: Slice, cat: Catalogue = BUILTIN): Finding[] {
  if (stryMutAct_9fa48("14")) {
    {}
  } else {
    stryCov_9fa48("14");
    const out: Finding[] = stryMutAct_9fa48("15") ? ["Stryker was here"] : (stryCov_9fa48("15"), []);
    const {
      indicatorCell
    } = layoutOf(cat);
    for (const ind of indexOf(cat).inputs) {
      if (stryMutAct_9fa48("16")) {
        {}
      } else {
        stryCov_9fa48("16");
        const typed = stryMutAct_9fa48("17") ? record.values[ind.code]?.prior && null : (stryCov_9fa48("17"), (stryMutAct_9fa48("18") ? record.values[ind.code].prior : (stryCov_9fa48("18"), record.values[ind.code]?.prior)) ?? null);
        const reported = stryMutAct_9fa48("19") ? lastYear.values[ind.code]?.current && null : (stryCov_9fa48("19"), (stryMutAct_9fa48("20") ? lastYear.values[ind.code].current : (stryCov_9fa48("20"), lastYear.values[ind.code]?.current)) ?? null);
        if (stryMutAct_9fa48("23") ? (typed === null || reported === null) && Math.abs(typed - reported) <= 1e-9 : stryMutAct_9fa48("22") ? false : stryMutAct_9fa48("21") ? true : (stryCov_9fa48("21", "22", "23"), (stryMutAct_9fa48("25") ? typed === null && reported === null : stryMutAct_9fa48("24") ? false : (stryCov_9fa48("24", "25"), (stryMutAct_9fa48("27") ? typed !== null : stryMutAct_9fa48("26") ? false : (stryCov_9fa48("26", "27"), typed === null)) || (stryMutAct_9fa48("29") ? reported !== null : stryMutAct_9fa48("28") ? false : (stryCov_9fa48("28", "29"), reported === null)))) || (stryMutAct_9fa48("32") ? Math.abs(typed - reported) > 1e-9 : stryMutAct_9fa48("31") ? Math.abs(typed - reported) < 1e-9 : stryMutAct_9fa48("30") ? false : (stryCov_9fa48("30", "31", "32"), Math.abs(stryMutAct_9fa48("33") ? typed + reported : (stryCov_9fa48("33"), typed - reported)) <= 1e-9)))) continue;
        const cell = indicatorCell(ind.code, stryMutAct_9fa48("34") ? "" : (stryCov_9fa48("34"), "prior"));
        const note = indicatorCell(ind.code, stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), "note"));
        out.push(ruleFinding(stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), "PRIOR_DIFFERS_FROM_LAST_YEAR"), stryMutAct_9fa48("37") ? {} : (stryCov_9fa48("37"), {
          sheet: SHEETS.indicators,
          cell
        }), stryMutAct_9fa48("38") ? {} : (stryCov_9fa48("38"), {
          item: ind.name,
          held: fmt(reported),
          typed: fmt(typed),
          at: stryMutAct_9fa48("39") ? `` : (stryCov_9fa48("39"), `${SHEETS.indicators}!${cell}`),
          noteAt: stryMutAct_9fa48("40") ? `` : (stryCov_9fa48("40"), `${SHEETS.indicators}!${note}`)
        }), stryMutAct_9fa48("41") ? {} : (stryCov_9fa48("41"), {
          indicator: ind.code,
          explained: Boolean(stryMutAct_9fa48("42") ? record.values[ind.code].note : (stryCov_9fa48("42"), record.values[ind.code]?.note))
        })));
      }
    }
    return out;
  }
}