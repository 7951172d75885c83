/**
 * How figures combine (see shared/domain.md): exact sums, growth without a
 * division by zero, ratios in percentage points, completion against a target.
 */
// @ts-nocheck


/**
 * Figures are summed as integers of this many parts per unit (0.0001): amounts
 * carry at most 2–4 decimals, so sums are exact and a county's totals, summed
 * again at the city, equal the sum over all its towns.
 */function stryNS_9fa48() {
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
export const SCALE = 10_000;

/** A figure in scaled integer units (0.0001). */
export function toScaled(v: number): number {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    return Math.round(stryMutAct_9fa48("1") ? v / SCALE : (stryCov_9fa48("1"), v * SCALE));
  }
}

/** Back from scaled units to the figure written in the workbook. */
export function fromScaled(n: number): number {
  if (stryMutAct_9fa48("2")) {
    {}
  } else {
    stryCov_9fa48("2");
    return stryMutAct_9fa48("3") ? n * SCALE : (stryCov_9fa48("3"), n / SCALE);
  }
}

/**
 * Growth (同比增长) as a fraction: (本期 − 上年同期) / 上年同期.
 * @returns null when there is no base (上年同期 missing or 0): never NaN or Infinity.
 */
export function growthOf(current: number | null, prior: number | null): number | null {
  if (stryMutAct_9fa48("4")) {
    {}
  } else {
    stryCov_9fa48("4");
    if (stryMutAct_9fa48("7") ? (current === null || prior === null) && !(prior > 0) : stryMutAct_9fa48("6") ? false : stryMutAct_9fa48("5") ? true : (stryCov_9fa48("5", "6", "7"), (stryMutAct_9fa48("9") ? current === null && prior === null : stryMutAct_9fa48("8") ? false : (stryCov_9fa48("8", "9"), (stryMutAct_9fa48("11") ? current !== null : stryMutAct_9fa48("10") ? false : (stryCov_9fa48("10", "11"), current === null)) || (stryMutAct_9fa48("13") ? prior !== null : stryMutAct_9fa48("12") ? false : (stryCov_9fa48("12", "13"), prior === null)))) || (stryMutAct_9fa48("14") ? prior > 0 : (stryCov_9fa48("14"), !(stryMutAct_9fa48("18") ? prior <= 0 : stryMutAct_9fa48("17") ? prior >= 0 : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17", "18"), prior > 0)))))) return null;
    return stryMutAct_9fa48("19") ? (current - prior) * prior : (stryCov_9fa48("19"), (stryMutAct_9fa48("20") ? current + prior : (stryCov_9fa48("20"), current - prior)) / prior);
  }
}

/**
 * What to show instead of a growth percentage when there is no base:
 * "新增" only when something appeared from a true 0 last year; "—" when last year
 * is unknown (blank somewhere) or both are 0; null when a percentage exists.
 */
export function growthLabel(current: number | null, prior: number | null): "新增" | "—" | null {
  if (stryMutAct_9fa48("21")) {
    {}
  } else {
    stryCov_9fa48("21");
    if (stryMutAct_9fa48("24") ? growthOf(current, prior) === null : stryMutAct_9fa48("23") ? false : stryMutAct_9fa48("22") ? true : (stryCov_9fa48("22", "23", "24"), growthOf(current, prior) !== null)) return null;
    return (stryMutAct_9fa48("27") ? prior === 0 && current !== null || current > 0 : stryMutAct_9fa48("26") ? false : stryMutAct_9fa48("25") ? true : (stryCov_9fa48("25", "26", "27"), (stryMutAct_9fa48("29") ? prior === 0 || current !== null : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29"), (stryMutAct_9fa48("31") ? prior !== 0 : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31"), prior === 0)) && (stryMutAct_9fa48("33") ? current === null : stryMutAct_9fa48("32") ? true : (stryCov_9fa48("32", "33"), current !== null)))) && (stryMutAct_9fa48("36") ? current <= 0 : stryMutAct_9fa48("35") ? current >= 0 : stryMutAct_9fa48("34") ? true : (stryCov_9fa48("34", "35", "36"), current > 0)))) ? stryMutAct_9fa48("37") ? "" : (stryCov_9fa48("37"), "新增") : stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), "—");
  }
}

/** A ratio from its summed numerator and denominator; null without a positive denominator. */
export function ratioOf(numerator: number | null, denominator: number | null): number | null {
  if (stryMutAct_9fa48("39")) {
    {}
  } else {
    stryCov_9fa48("39");
    if (stryMutAct_9fa48("42") ? (numerator === null || denominator === null) && !(denominator > 0) : stryMutAct_9fa48("41") ? false : stryMutAct_9fa48("40") ? true : (stryCov_9fa48("40", "41", "42"), (stryMutAct_9fa48("44") ? numerator === null && denominator === null : stryMutAct_9fa48("43") ? false : (stryCov_9fa48("43", "44"), (stryMutAct_9fa48("46") ? numerator !== null : stryMutAct_9fa48("45") ? false : (stryCov_9fa48("45", "46"), numerator === null)) || (stryMutAct_9fa48("48") ? denominator !== null : stryMutAct_9fa48("47") ? false : (stryCov_9fa48("47", "48"), denominator === null)))) || (stryMutAct_9fa48("49") ? denominator > 0 : (stryCov_9fa48("49"), !(stryMutAct_9fa48("53") ? denominator <= 0 : stryMutAct_9fa48("52") ? denominator >= 0 : stryMutAct_9fa48("51") ? false : stryMutAct_9fa48("50") ? true : (stryCov_9fa48("50", "51", "52", "53"), denominator > 0)))))) return null;
    return stryMutAct_9fa48("54") ? numerator * denominator : (stryCov_9fa48("54"), numerator / denominator);
  }
}

/** Change of a ratio in percentage points (百分点): 0.12 → 0.135 is +1.5. */
export function pointsChange(current: number | null, prior: number | null): number | null {
  if (stryMutAct_9fa48("55")) {
    {}
  } else {
    stryCov_9fa48("55");
    if (stryMutAct_9fa48("58") ? current === null && prior === null : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58"), (stryMutAct_9fa48("60") ? current !== null : stryMutAct_9fa48("59") ? false : (stryCov_9fa48("59", "60"), current === null)) || (stryMutAct_9fa48("62") ? prior !== null : stryMutAct_9fa48("61") ? false : (stryCov_9fa48("61", "62"), prior === null)))) return null;
    return stryMutAct_9fa48("63") ? (current - prior) / 100 : (stryCov_9fa48("63"), (stryMutAct_9fa48("64") ? current + prior : (stryCov_9fa48("64"), current - prior)) * 100);
  }
}

/** Target completion (完成率) as a fraction; null without a positive target. */
export function completionOf(current: number | null, target: number | null): number | null {
  if (stryMutAct_9fa48("65")) {
    {}
  } else {
    stryCov_9fa48("65");
    if (stryMutAct_9fa48("68") ? (current === null || target === null) && !(target > 0) : stryMutAct_9fa48("67") ? false : stryMutAct_9fa48("66") ? true : (stryCov_9fa48("66", "67", "68"), (stryMutAct_9fa48("70") ? current === null && target === null : stryMutAct_9fa48("69") ? false : (stryCov_9fa48("69", "70"), (stryMutAct_9fa48("72") ? current !== null : stryMutAct_9fa48("71") ? false : (stryCov_9fa48("71", "72"), current === null)) || (stryMutAct_9fa48("74") ? target !== null : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74"), target === null)))) || (stryMutAct_9fa48("75") ? target > 0 : (stryCov_9fa48("75"), !(stryMutAct_9fa48("79") ? target <= 0 : stryMutAct_9fa48("78") ? target >= 0 : stryMutAct_9fa48("77") ? false : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77", "78", "79"), target > 0)))))) return null;
    return stryMutAct_9fa48("80") ? current * target : (stryCov_9fa48("80"), current / target);
  }
}

/** Growth as a Chinese phrase for text output: "增长12.5%", "下降3.0%", "新增", "—". */
export function growthText(current: number | null, prior: number | null): string {
  if (stryMutAct_9fa48("81")) {
    {}
  } else {
    stryCov_9fa48("81");
    const g = growthOf(current, prior);
    if (stryMutAct_9fa48("84") ? g !== null : stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82", "83", "84"), g === null)) return growthLabel(current, prior)!;
    if (stryMutAct_9fa48("87") ? g !== 0 : stryMutAct_9fa48("86") ? false : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86", "87"), g === 0)) return stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), "持平");
    return stryMutAct_9fa48("89") ? `` : (stryCov_9fa48("89"), `${(stryMutAct_9fa48("93") ? g <= 0 : stryMutAct_9fa48("92") ? g >= 0 : stryMutAct_9fa48("91") ? false : stryMutAct_9fa48("90") ? true : (stryCov_9fa48("90", "91", "92", "93"), g > 0)) ? stryMutAct_9fa48("94") ? "" : (stryCov_9fa48("94"), "增长") : stryMutAct_9fa48("95") ? "" : (stryCov_9fa48("95"), "下降")}${(stryMutAct_9fa48("96") ? Math.abs(g) / 100 : (stryCov_9fa48("96"), Math.abs(g) * 100)).toFixed(1)}%`);
  }
}