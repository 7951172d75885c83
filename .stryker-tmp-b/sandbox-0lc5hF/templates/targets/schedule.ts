/**
 * 序时进度: the share of the year a period's figures cover (N/12 for 1—N月),
 * beside which bureaus read 完成率 and name who is 落后序时进度.
 *
 * Only cumulative months and quarters have one (1—N月, 第一—四季度, 上半年 = 1—6月):
 * a quarter covers 3 months (3/12) whatever its position, since its 本期 is that
 * quarter's own figure. 全年 and 下半年 have none (the issue asks for 1—N月 and quarters).
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
import type { Period } from "../period";

/** Months each span covers, where a schedule applies. */
const MONTHS: Readonly<Record<string, number>> = stryMutAct_9fa48("391") ? {} : (stryCov_9fa48("391"), {
  Q1: 3,
  Q2: 3,
  Q3: 3,
  Q4: 3,
  H1: 6
});

/** The period's 序时进度 as a fraction of the year (0.5 for 1—6月); null where none applies. */
export function scheduleOf(period: Pick<Period, "span">): number | null {
  if (stryMutAct_9fa48("392")) {
    {}
  } else {
    stryCov_9fa48("392");
    const m = (stryMutAct_9fa48("396") ? /^M(\d\D)$/ : stryMutAct_9fa48("395") ? /^M(\D\d)$/ : stryMutAct_9fa48("394") ? /^M(\d\d)/ : stryMutAct_9fa48("393") ? /M(\d\d)$/ : (stryCov_9fa48("393", "394", "395", "396"), /^M(\d\d)$/)).exec(period.span);
    const months = m ? Number(m[1]) : MONTHS[period.span];
    return (stryMutAct_9fa48("399") ? months !== undefined : stryMutAct_9fa48("398") ? false : stryMutAct_9fa48("397") ? true : (stryCov_9fa48("397", "398", "399"), months === undefined)) ? null : stryMutAct_9fa48("400") ? months * 12 : (stryCov_9fa48("400"), months / 12);
  }
}

/** Percentage points behind schedule, to one decimal, as the sheets' TEXT(…,"0.0") shows it; null when not behind. */
export function behindPoints(completion: number | null, schedule: number | null): string | null {
  if (stryMutAct_9fa48("401")) {
    {}
  } else {
    stryCov_9fa48("401");
    if (stryMutAct_9fa48("404") ? (completion === null || schedule === null) && !(completion < schedule) : stryMutAct_9fa48("403") ? false : stryMutAct_9fa48("402") ? true : (stryCov_9fa48("402", "403", "404"), (stryMutAct_9fa48("406") ? completion === null && schedule === null : stryMutAct_9fa48("405") ? false : (stryCov_9fa48("405", "406"), (stryMutAct_9fa48("408") ? completion !== null : stryMutAct_9fa48("407") ? false : (stryCov_9fa48("407", "408"), completion === null)) || (stryMutAct_9fa48("410") ? schedule !== null : stryMutAct_9fa48("409") ? false : (stryCov_9fa48("409", "410"), schedule === null)))) || (stryMutAct_9fa48("411") ? completion < schedule : (stryCov_9fa48("411"), !(stryMutAct_9fa48("415") ? completion >= schedule : stryMutAct_9fa48("414") ? completion <= schedule : stryMutAct_9fa48("413") ? false : stryMutAct_9fa48("412") ? true : (stryCov_9fa48("412", "413", "414", "415"), completion < schedule)))))) return null;
    return (stryMutAct_9fa48("416") ? (schedule - completion) / 100 : (stryCov_9fa48("416"), (stryMutAct_9fa48("417") ? schedule + completion : (stryCov_9fa48("417"), schedule - completion)) * 100)).toFixed(1);
  }
}

/** "落后序时进度 8.3 个百分点", or "" when on or ahead of schedule (or without one). */
export function paceText(completion: number | null, schedule: number | null): string {
  if (stryMutAct_9fa48("418")) {
    {}
  } else {
    stryCov_9fa48("418");
    const p = behindPoints(completion, schedule);
    return (stryMutAct_9fa48("421") ? p !== null : stryMutAct_9fa48("420") ? false : stryMutAct_9fa48("419") ? true : (stryCov_9fa48("419", "420", "421"), p === null)) ? stryMutAct_9fa48("422") ? "Stryker was here!" : (stryCov_9fa48("422"), "") : stryMutAct_9fa48("423") ? `` : (stryCov_9fa48("423"), `落后序时进度 ${p} 个百分点`);
  }
}

/**
 * The same text as a formula over a 完成率 cell and a 序时进度 cell (or constant):
 * "" unless both are numbers and the completion is below the schedule.
 */
export function paceFormula(completion: string, schedule: string): string {
  if (stryMutAct_9fa48("424")) {
    {}
  } else {
    stryCov_9fa48("424");
    return stryMutAct_9fa48("425") ? `` : (stryCov_9fa48("425"), `IF(AND(ISNUMBER(${completion}),ISNUMBER(${schedule})),IF(${completion}<${schedule},"落后序时进度 "&TEXT((${schedule}-${completion})*100,"0.0")&" 个百分点",""),"")`);
  }
}