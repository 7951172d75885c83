/** Where everything lives in 目标任务分解表: the writer writes and the reader reads these addresses. */
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
import type { Indicator } from "../catalog";
import { columnLetter } from "../grid";
import { TARGET_INDICATORS } from "./table";
export const TARGET_SHEET = stryMutAct_9fa48("91") ? "" : (stryCov_9fa48("91"), "目标任务分解");
export const TARGET_FILE_NAME = stryMutAct_9fa48("92") ? "" : (stryCov_9fa48("92"), "目标任务分解表.xlsx");
/** 年度 label and value. */
export const YEAR_LABEL_CELL = stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), "A2");
export const YEAR_CELL = stryMutAct_9fa48("94") ? "" : (stryCov_9fa48("94"), "B2");
export const HEADER_ROW = 4;
/** The issuing unit's own targets (the city's, from above). */
export const OWN_ROW = 5;
/** First row of the units the targets are assigned to. */
export const FIRST_UNIT_ROW = 6;
export const CODE_COL = stryMutAct_9fa48("95") ? "" : (stryCov_9fa48("95"), "A");
export const NAME_COL = stryMutAct_9fa48("96") ? "" : (stryCov_9fa48("96"), "B");
/** Column number of the first indicator. */
export const FIRST_VALUE_COL = 3;

/** Header text of an indicator column: "D01 专利申请（件）". */
export function targetHeader(ind: Indicator): string {
  if (stryMutAct_9fa48("97")) {
    {}
  } else {
    stryCov_9fa48("97");
    return stryMutAct_9fa48("98") ? `` : (stryCov_9fa48("98"), `${ind.code} ${ind.name}（${ind.unit}）`);
  }
}

/** Column letter of each target indicator, as the blank table writes them. */
export const TARGET_COLUMNS: ReadonlyMap<string, string> = new Map(TARGET_INDICATORS.map(stryMutAct_9fa48("99") ? () => undefined : (stryCov_9fa48("99"), (ind, i) => stryMutAct_9fa48("100") ? [] : (stryCov_9fa48("100"), [ind.code, columnLetter(stryMutAct_9fa48("101") ? FIRST_VALUE_COL - i : (stryCov_9fa48("101"), FIRST_VALUE_COL + i))]))));