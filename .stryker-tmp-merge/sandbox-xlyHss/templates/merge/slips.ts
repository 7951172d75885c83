/**
 * Slips only visible across units: 亿元 typed into a 万元 row (consistently, so
 * the report's own 本期/上年同期 agree and its checks see nothing), or 万元 into a
 * 亿元 row. One pure function over records, called by the merge (all inputs of
 * the period) and by the server at submission (the new report against what it
 * already holds for the period, and the unit's report of the same period last year).
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
import type { Indicator } from "../catalog";
import { BUILTIN, indexOf, type Catalogue } from "../catalogue";
import type { Finding } from "../findings";
import { SHEETS, layoutOf } from "../layout";
import type { ReportRecord } from "../record";
import { DEFAULT_RULE_SETTINGS, ruleFinding, ruleSettings, type RuleSettings } from "../rules/index";

/** A figure this many times the peers' median (or 1/this of it), or its own last year, is a slip (the default; the library may set its own). */
export const PEER_SLIP_FACTOR = DEFAULT_RULE_SETTINGS.peerSlipFactor;

/** A cross-unit slip of one unit, with the median it was compared against. */
export interface SlipFinding {
  unit: string;
  unitCode: string;
  finding: Finding;
  /** The peers' median of the indicator's 本期 (UNIT_SLIP_PEERS) or the unit's last-year figure. */
  reference: number;
  /** How many peers formed the median (0 for a last-year comparison). */
  peers: number;
}
type Slice = Pick<ReportRecord, "unit" | "values">;
export interface SlipOptions {
  /** Check only these units (the one submitting); default: every record. */
  only?: readonly string[];
  /** Last year's reports of the same period, matched on the division code. */
  lastYear?: readonly Slice[];
  /** Rule settings (peerSlipFactor, minPeers); missing ones take the defaults. */
  settings?: Partial<RuleSettings>;
  /** The library of the records (amount indicators, cells, the slip factor); default the built-in one. */
  catalogue?: Catalogue;
}

/** Administrative level of a 12-digit division code: the length of its significant prefix. */
export function codeLevel(code: string): number {
  if (stryMutAct_9fa48("97")) {
    {}
  } else {
    stryCov_9fa48("97");
    if (stryMutAct_9fa48("99") ? false : stryMutAct_9fa48("98") ? true : (stryCov_9fa48("98", "99"), (stryMutAct_9fa48("104") ? /^\d{2}0$/ : stryMutAct_9fa48("103") ? /^\D{2}0{10}$/ : stryMutAct_9fa48("102") ? /^\d0{10}$/ : stryMutAct_9fa48("101") ? /^\d{2}0{10}/ : stryMutAct_9fa48("100") ? /\d{2}0{10}$/ : (stryCov_9fa48("100", "101", "102", "103", "104"), /^\d{2}0{10}$/)).test(code))) return 2;
    if (stryMutAct_9fa48("106") ? false : stryMutAct_9fa48("105") ? true : (stryCov_9fa48("105", "106"), (stryMutAct_9fa48("111") ? /^\d{4}0$/ : stryMutAct_9fa48("110") ? /^\D{4}0{8}$/ : stryMutAct_9fa48("109") ? /^\d0{8}$/ : stryMutAct_9fa48("108") ? /^\d{4}0{8}/ : stryMutAct_9fa48("107") ? /\d{4}0{8}$/ : (stryCov_9fa48("107", "108", "109", "110", "111"), /^\d{4}0{8}$/)).test(code))) return 4;
    if (stryMutAct_9fa48("113") ? false : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113"), (stryMutAct_9fa48("118") ? /^\d{6}0$/ : stryMutAct_9fa48("117") ? /^\D{6}0{6}$/ : stryMutAct_9fa48("116") ? /^\d0{6}$/ : stryMutAct_9fa48("115") ? /^\d{6}0{6}/ : stryMutAct_9fa48("114") ? /\d{6}0{6}$/ : (stryCov_9fa48("114", "115", "116", "117", "118"), /^\d{6}0{6}$/)).test(code))) return 6;
    if (stryMutAct_9fa48("120") ? false : stryMutAct_9fa48("119") ? true : (stryCov_9fa48("119", "120"), (stryMutAct_9fa48("124") ? /^\D{9}000$/ : stryMutAct_9fa48("123") ? /^\d000$/ : stryMutAct_9fa48("122") ? /^\d{9}000/ : stryMutAct_9fa48("121") ? /\d{9}000$/ : (stryCov_9fa48("121", "122", "123", "124"), /^\d{9}000$/)).test(code))) return 9;
    return 12;
  }
}

/** First index of `v` in an ascending array that holds it. */
function lowerBound(sorted: readonly number[], v: number): number {
  if (stryMutAct_9fa48("125")) {
    {}
  } else {
    stryCov_9fa48("125");
    let lo = 0;
    let hi = sorted.length;
    while (stryMutAct_9fa48("128") ? lo >= hi : stryMutAct_9fa48("127") ? lo <= hi : stryMutAct_9fa48("126") ? false : (stryCov_9fa48("126", "127", "128"), lo < hi)) {
      if (stryMutAct_9fa48("129")) {
        {}
      } else {
        stryCov_9fa48("129");
        const mid = (stryMutAct_9fa48("130") ? lo - hi : (stryCov_9fa48("130"), lo + hi)) >> 1;
        if (stryMutAct_9fa48("134") ? sorted[mid]! >= v : stryMutAct_9fa48("133") ? sorted[mid]! <= v : stryMutAct_9fa48("132") ? false : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132", "133", "134"), sorted[mid]! < v)) lo = stryMutAct_9fa48("135") ? mid - 1 : (stryCov_9fa48("135"), mid + 1);else hi = mid;
      }
    }
    return lo;
  }
}

/** Median of an ascending array with the element at `skip` left out. */
function medianWithout(sorted: readonly number[], skip: number): number {
  if (stryMutAct_9fa48("136")) {
    {}
  } else {
    stryCov_9fa48("136");
    const n = stryMutAct_9fa48("137") ? sorted.length + 1 : (stryCov_9fa48("137"), sorted.length - 1);
    const at = stryMutAct_9fa48("138") ? () => undefined : (stryCov_9fa48("138"), (() => {
      const at = (k: number) => sorted[(stryMutAct_9fa48("142") ? k >= skip : stryMutAct_9fa48("141") ? k <= skip : stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141", "142"), k < skip)) ? k : stryMutAct_9fa48("143") ? k - 1 : (stryCov_9fa48("143"), k + 1)]!;
      return at;
    })());
    const mid = n >> 1;
    return (stryMutAct_9fa48("144") ? n * 2 : (stryCov_9fa48("144"), n % 2)) ? at(mid) : stryMutAct_9fa48("145") ? (at(mid - 1) + at(mid)) * 2 : (stryCov_9fa48("145"), (stryMutAct_9fa48("146") ? at(mid - 1) - at(mid) : (stryCov_9fa48("146"), at(stryMutAct_9fa48("147") ? mid + 1 : (stryCov_9fa48("147"), mid - 1)) + at(mid))) / 2);
  }
}

/**
 * Amounts ≥ 100× or ≤ 1/100 of the median of the unit's peers (the other units of
 * the same level with the figure above 0, at least three), or ≥ 100× (≤ 1/100) the
 * unit's own last-year report. Warnings: they need an explanation in the row's 备注.
 */
export function crossUnitSlips(records: readonly Slice[], options: SlipOptions = {}): SlipFinding[] {
  if (stryMutAct_9fa48("148")) {
    {}
  } else {
    stryCov_9fa48("148");
    const cat = stryMutAct_9fa48("149") ? options.catalogue && BUILTIN : (stryCov_9fa48("149"), options.catalogue ?? BUILTIN);
    const AMOUNTS = stryMutAct_9fa48("150") ? indexOf(cat).inputs : (stryCov_9fa48("150"), indexOf(cat).inputs.filter(stryMutAct_9fa48("151") ? () => undefined : (stryCov_9fa48("151"), i => stryMutAct_9fa48("154") ? i.kind !== "amount" : stryMutAct_9fa48("153") ? false : stryMutAct_9fa48("152") ? true : (stryCov_9fa48("152", "153", "154"), i.kind === (stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), "amount"))))));
    const cellOf = stryMutAct_9fa48("156") ? () => undefined : (stryCov_9fa48("156"), (() => {
      const cellOf = (ind: Indicator) => layoutOf(cat).indicatorCell(ind.code, stryMutAct_9fa48("157") ? "" : (stryCov_9fa48("157"), "current"));
      return cellOf;
    })());
    const place = stryMutAct_9fa48("158") ? () => undefined : (stryCov_9fa48("158"), (() => {
      const place = (ind: Indicator) => placeIn(cellOf(ind));
      return place;
    })());
    const out: SlipFinding[] = stryMutAct_9fa48("159") ? ["Stryker was here"] : (stryCov_9fa48("159"), []);
    const only = options.only ? new Set(options.only) : null;
    const lastYear = new Map((stryMutAct_9fa48("160") ? options.lastYear && [] : (stryCov_9fa48("160"), options.lastYear ?? (stryMutAct_9fa48("161") ? ["Stryker was here"] : (stryCov_9fa48("161"), [])))).map(stryMutAct_9fa48("162") ? () => undefined : (stryCov_9fa48("162"), r => stryMutAct_9fa48("163") ? [] : (stryCov_9fa48("163"), [r.unit.code, r]))));
    const {
      peerSlipFactor: k,
      minPeers
    } = ruleSettings(options.settings);
    const slipped = stryMutAct_9fa48("164") ? () => undefined : (stryCov_9fa48("164"), (() => {
      const slipped = (factor: number) => stryMutAct_9fa48("167") ? factor >= k && factor <= 1 / k : stryMutAct_9fa48("166") ? false : stryMutAct_9fa48("165") ? true : (stryCov_9fa48("165", "166", "167"), (stryMutAct_9fa48("170") ? factor < k : stryMutAct_9fa48("169") ? factor > k : stryMutAct_9fa48("168") ? false : (stryCov_9fa48("168", "169", "170"), factor >= k)) || (stryMutAct_9fa48("173") ? factor > 1 / k : stryMutAct_9fa48("172") ? factor < 1 / k : stryMutAct_9fa48("171") ? false : (stryCov_9fa48("171", "172", "173"), factor <= (stryMutAct_9fa48("174") ? 1 * k : (stryCov_9fa48("174"), 1 / k)))));
      return slipped;
    })());
    const levels = new Map<number, Slice[]>();
    for (const r of records) {
      if (stryMutAct_9fa48("175")) {
        {}
      } else {
        stryCov_9fa48("175");
        const level = codeLevel(r.unit.code);
        const list = stryMutAct_9fa48("176") ? levels.get(level) && [] : (stryCov_9fa48("176"), levels.get(level) ?? (stryMutAct_9fa48("177") ? ["Stryker was here"] : (stryCov_9fa48("177"), [])));
        list.push(r);
        levels.set(level, list);
      }
    }
    for (const ind of AMOUNTS) {
      if (stryMutAct_9fa48("178")) {
        {}
      } else {
        stryCov_9fa48("178");
        for (const group of levels.values()) {
          if (stryMutAct_9fa48("179")) {
            {}
          } else {
            stryCov_9fa48("179");
            const positive = stryMutAct_9fa48("180") ? group.map(r => ({
              r,
              v: r.values[ind.code]?.current ?? null
            })) : (stryCov_9fa48("180"), group.map(stryMutAct_9fa48("181") ? () => undefined : (stryCov_9fa48("181"), r => stryMutAct_9fa48("182") ? {} : (stryCov_9fa48("182"), {
              r,
              v: stryMutAct_9fa48("183") ? r.values[ind.code]?.current && null : (stryCov_9fa48("183"), (stryMutAct_9fa48("184") ? r.values[ind.code].current : (stryCov_9fa48("184"), r.values[ind.code]?.current)) ?? null)
            }))).filter(stryMutAct_9fa48("185") ? () => undefined : (stryCov_9fa48("185"), (x): x is {
              r: Slice;
              v: number;
            } => stryMutAct_9fa48("188") ? x.v !== null || x.v > 0 : stryMutAct_9fa48("187") ? false : stryMutAct_9fa48("186") ? true : (stryCov_9fa48("186", "187", "188"), (stryMutAct_9fa48("190") ? x.v === null : stryMutAct_9fa48("189") ? true : (stryCov_9fa48("189", "190"), x.v !== null)) && (stryMutAct_9fa48("193") ? x.v <= 0 : stryMutAct_9fa48("192") ? x.v >= 0 : stryMutAct_9fa48("191") ? true : (stryCov_9fa48("191", "192", "193"), x.v > 0))))));
            const sorted = stryMutAct_9fa48("194") ? positive.map(x => x.v) : (stryCov_9fa48("194"), positive.map(stryMutAct_9fa48("195") ? () => undefined : (stryCov_9fa48("195"), x => x.v)).sort(stryMutAct_9fa48("196") ? () => undefined : (stryCov_9fa48("196"), (a, b) => stryMutAct_9fa48("197") ? a + b : (stryCov_9fa48("197"), a - b))));
            for (const {
              r,
              v
            } of positive) {
              if (stryMutAct_9fa48("198")) {
                {}
              } else {
                stryCov_9fa48("198");
                if (stryMutAct_9fa48("201") ? only || !only.has(r.unit.code) : stryMutAct_9fa48("200") ? false : stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199", "200", "201"), only && (stryMutAct_9fa48("202") ? only.has(r.unit.code) : (stryCov_9fa48("202"), !only.has(r.unit.code))))) continue;
                const note = Boolean(stryMutAct_9fa48("203") ? r.values[ind.code].note : (stryCov_9fa48("203"), r.values[ind.code]?.note));
                // The unit's own figure is left out of its peers' median (read around it, not copied: O(1) per unit).
                const peers = stryMutAct_9fa48("204") ? sorted.length + 1 : (stryCov_9fa48("204"), sorted.length - 1);
                const extra = stryMutAct_9fa48("205") ? {} : (stryCov_9fa48("205"), {
                  indicator: ind.code,
                  explained: note
                });
                const base = stryMutAct_9fa48("206") ? {} : (stryCov_9fa48("206"), {
                  unitName: r.unit.name,
                  item: ind.name,
                  value: v,
                  unit: ind.unit
                });
                if (stryMutAct_9fa48("210") ? peers < minPeers : stryMutAct_9fa48("209") ? peers > minPeers : stryMutAct_9fa48("208") ? false : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208", "209", "210"), peers >= minPeers)) {
                  if (stryMutAct_9fa48("211")) {
                    {}
                  } else {
                    stryCov_9fa48("211");
                    const m = medianWithout(sorted, lowerBound(sorted, v));
                    const factor = stryMutAct_9fa48("212") ? v * m : (stryCov_9fa48("212"), v / m);
                    if (stryMutAct_9fa48("214") ? false : stryMutAct_9fa48("213") ? true : (stryCov_9fa48("213", "214"), slipped(factor))) {
                      if (stryMutAct_9fa48("215")) {
                        {}
                      } else {
                        stryCov_9fa48("215");
                        const at = stryMutAct_9fa48("216") ? `` : (stryCov_9fa48("216"), `${SHEETS.indicators}!${cellOf(ind)}，本表金额单位为${ind.unit}`);
                        const finding = ruleFinding(stryMutAct_9fa48("217") ? "" : (stryCov_9fa48("217"), "UNIT_SLIP_PEERS"), place(ind), stryMutAct_9fa48("218") ? {} : (stryCov_9fa48("218"), {
                          ...base,
                          factor,
                          at,
                          peers,
                          median: m
                        }), extra);
                        out.push(stryMutAct_9fa48("219") ? {} : (stryCov_9fa48("219"), {
                          unit: r.unit.name,
                          unitCode: r.unit.code,
                          reference: m,
                          peers,
                          finding
                        }));
                        continue;
                      }
                    }
                  }
                }
                const last = stryMutAct_9fa48("220") ? lastYear.get(r.unit.code)?.values[ind.code]?.current && null : (stryCov_9fa48("220"), (stryMutAct_9fa48("222") ? lastYear.get(r.unit.code).values[ind.code]?.current : stryMutAct_9fa48("221") ? lastYear.get(r.unit.code)?.values[ind.code].current : (stryCov_9fa48("221", "222"), lastYear.get(r.unit.code)?.values[ind.code]?.current)) ?? null);
                if (stryMutAct_9fa48("225") ? last !== null || last > 0 : stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), (stryMutAct_9fa48("227") ? last === null : stryMutAct_9fa48("226") ? true : (stryCov_9fa48("226", "227"), last !== null)) && (stryMutAct_9fa48("230") ? last <= 0 : stryMutAct_9fa48("229") ? last >= 0 : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229", "230"), last > 0)))) {
                  if (stryMutAct_9fa48("231")) {
                    {}
                  } else {
                    stryCov_9fa48("231");
                    const factor = stryMutAct_9fa48("232") ? v * last : (stryCov_9fa48("232"), v / last);
                    if (stryMutAct_9fa48("234") ? false : stryMutAct_9fa48("233") ? true : (stryCov_9fa48("233", "234"), slipped(factor))) {
                      if (stryMutAct_9fa48("235")) {
                        {}
                      } else {
                        stryCov_9fa48("235");
                        const finding = ruleFinding(stryMutAct_9fa48("236") ? "" : (stryCov_9fa48("236"), "UNIT_SLIP_LAST_YEAR"), place(ind), stryMutAct_9fa48("237") ? {} : (stryCov_9fa48("237"), {
                          ...base,
                          factor,
                          at: stryMutAct_9fa48("238") ? `` : (stryCov_9fa48("238"), `${SHEETS.indicators}!${cellOf(ind)}`),
                          last
                        }), extra);
                        out.push(stryMutAct_9fa48("239") ? {} : (stryCov_9fa48("239"), {
                          unit: r.unit.name,
                          unitCode: r.unit.code,
                          reference: last,
                          peers: 0,
                          finding
                        }));
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return out;
  }
}

/** A slip warning sits at the indicator's 本期 cell (of the records' library). */
const placeIn = stryMutAct_9fa48("240") ? () => undefined : (stryCov_9fa48("240"), (() => {
  const placeIn = (cell: string) => stryMutAct_9fa48("241") ? {} : (stryCov_9fa48("241"), {
    sheet: SHEETS.indicators,
    cell
  });
  return placeIn;
})());