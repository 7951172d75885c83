/**
 * TARGET_DIFFERS: a 全年目标 typed into a report that differs from the target
 * the city assigned to the unit. A warning (it needs a 备注): a template
 * downloaded for the period arrives with the assigned targets filled and
 * locked, so a difference means an old blank template or an unprotected sheet.
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
import { BUILTIN, indexOf, type Catalogue } from "../catalogue";
import type { Finding } from "../findings";
import { ruleFinding } from "../rules/index";
import { SHEETS, layoutOf } from "../layout";
import { fmt } from "../numbers";
import type { ReportRecord } from "../record";
type Slice = Pick<ReportRecord, "values">;

/** Warnings for every typed 全年目标 that differs from `assigned` (code → target); blanks are not compared. */
export function targetFindings(record: Slice, assigned: Readonly<Record<string, number>>, cat: Catalogue = BUILTIN): Finding[] {
  if (stryMutAct_9fa48("60")) {
    {}
  } else {
    stryCov_9fa48("60");
    const out: Finding[] = stryMutAct_9fa48("61") ? ["Stryker was here"] : (stryCov_9fa48("61"), []);
    const {
      indicatorCell
    } = layoutOf(cat);
    for (const [code, target] of Object.entries(assigned)) {
      if (stryMutAct_9fa48("62")) {
        {}
      } else {
        stryCov_9fa48("62");
        const ind = indexOf(cat).byCode.get(code);
        const typed = stryMutAct_9fa48("63") ? record.values[code]?.target && null : (stryCov_9fa48("63"), (stryMutAct_9fa48("64") ? record.values[code].target : (stryCov_9fa48("64"), record.values[code]?.target)) ?? null);
        if (stryMutAct_9fa48("67") ? (!ind || typed === null) && Math.abs(typed - target) <= 1e-9 : stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66", "67"), (stryMutAct_9fa48("69") ? !ind && typed === null : stryMutAct_9fa48("68") ? false : (stryCov_9fa48("68", "69"), (stryMutAct_9fa48("70") ? ind : (stryCov_9fa48("70"), !ind)) || (stryMutAct_9fa48("72") ? typed !== null : stryMutAct_9fa48("71") ? false : (stryCov_9fa48("71", "72"), typed === null)))) || (stryMutAct_9fa48("75") ? Math.abs(typed - target) > 1e-9 : stryMutAct_9fa48("74") ? Math.abs(typed - target) < 1e-9 : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74", "75"), Math.abs(stryMutAct_9fa48("76") ? typed + target : (stryCov_9fa48("76"), typed - target)) <= 1e-9)))) continue;
        const cell = indicatorCell(code, stryMutAct_9fa48("77") ? "" : (stryCov_9fa48("77"), "target"));
        const note = indicatorCell(code, stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), "note"));
        out.push(ruleFinding(stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), "TARGET_DIFFERS"), stryMutAct_9fa48("80") ? {} : (stryCov_9fa48("80"), {
          sheet: SHEETS.indicators,
          cell
        }), stryMutAct_9fa48("81") ? {} : (stryCov_9fa48("81"), {
          item: ind.name,
          held: fmt(target),
          typed: fmt(typed),
          at: stryMutAct_9fa48("82") ? `` : (stryCov_9fa48("82"), `${SHEETS.indicators}!${cell}`),
          noteAt: stryMutAct_9fa48("83") ? `` : (stryCov_9fa48("83"), `${SHEETS.indicators}!${note}`)
        }), stryMutAct_9fa48("84") ? {} : (stryCov_9fa48("84"), {
          indicator: code,
          explained: Boolean(stryMutAct_9fa48("85") ? record.values[code].note : (stryCov_9fa48("85"), record.values[code]?.note))
        })));
      }
    }
    return stryMutAct_9fa48("86") ? out : (stryCov_9fa48("86"), out.sort(stryMutAct_9fa48("87") ? () => undefined : (stryCov_9fa48("87"), (a, b) => stryMutAct_9fa48("88") ? Number(a.cell.slice(1)) + Number(b.cell.slice(1)) : (stryCov_9fa48("88"), Number(stryMutAct_9fa48("89") ? a.cell : (stryCov_9fa48("89"), a.cell.slice(1))) - Number(stryMutAct_9fa48("90") ? b.cell : (stryCov_9fa48("90"), b.cell.slice(1)))))));
  }
}