/**
 * The target table (目标任务分解表) as data: for one year, the issuing unit's
 * own target per indicator (the city's, received from above) and the target
 * it assigns to each unit below. Pure: the workbook writer and reader are
 * ./workbook.ts and ./read.ts.
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
import { INDICATORS, isOfWhich, type Indicator } from "../catalog";

/** One row of the table: a unit and its targets by indicator code (only the cells filled). */
export interface TargetRow {
  code: string;
  name: string;
  values: Record<string, number>;
}
export interface TargetTable {
  year: number;
  /** The issuing unit's own targets (first row): the city's total is this, never the sum of its towns'. */
  own: TargetRow;
  /** Targets assigned to the units below, in table order. */
  units: TargetRow[];
}

/** Codes whose sum is a denominator only (budget, GDP, industrial output): no S&T bureau sets a target for them. */
const DENOMINATORS = new Set(stryMutAct_9fa48("426") ? INDICATORS.map(i => i.denominator!) : (stryCov_9fa48("426"), INDICATORS.filter(stryMutAct_9fa48("427") ? () => undefined : (stryCov_9fa48("427"), i => stryMutAct_9fa48("430") ? i.kind !== "ratio" : stryMutAct_9fa48("429") ? false : stryMutAct_9fa48("428") ? true : (stryCov_9fa48("428", "429", "430"), i.kind === (stryMutAct_9fa48("431") ? "" : (stryCov_9fa48("431"), "ratio"))))).map(stryMutAct_9fa48("432") ? () => undefined : (stryCov_9fa48("432"), i => i.denominator!))));

/**
 * Indicators a target makes sense for: summed figures that are neither "其中" items
 * nor a ratio's denominator (a target for GDP is not the bureau's).
 */
export const TARGET_INDICATORS: readonly Indicator[] = stryMutAct_9fa48("433") ? INDICATORS : (stryCov_9fa48("433"), INDICATORS.filter(stryMutAct_9fa48("434") ? () => undefined : (stryCov_9fa48("434"), i => stryMutAct_9fa48("437") ? i.aggregate === "sum" && !isOfWhich(i) || !DENOMINATORS.has(i.code) : stryMutAct_9fa48("436") ? false : stryMutAct_9fa48("435") ? true : (stryCov_9fa48("435", "436", "437"), (stryMutAct_9fa48("439") ? i.aggregate === "sum" || !isOfWhich(i) : stryMutAct_9fa48("438") ? true : (stryCov_9fa48("438", "439"), (stryMutAct_9fa48("441") ? i.aggregate !== "sum" : stryMutAct_9fa48("440") ? true : (stryCov_9fa48("440", "441"), i.aggregate === (stryMutAct_9fa48("442") ? "" : (stryCov_9fa48("442"), "sum")))) && (stryMutAct_9fa48("443") ? isOfWhich(i) : (stryCov_9fa48("443"), !isOfWhich(i))))) && (stryMutAct_9fa48("444") ? DENOMINATORS.has(i.code) : (stryCov_9fa48("444"), !DENOMINATORS.has(i.code)))))));

/** The row of `code` (the issuing unit's own row included); undefined when the table has none. */
export function targetRowOf(table: TargetTable, code: string): TargetRow | undefined {
  if (stryMutAct_9fa48("445")) {
    {}
  } else {
    stryCov_9fa48("445");
    return (stryMutAct_9fa48("448") ? table.own.code !== code : stryMutAct_9fa48("447") ? false : stryMutAct_9fa48("446") ? true : (stryCov_9fa48("446", "447", "448"), table.own.code === code)) ? table.own : table.units.find(stryMutAct_9fa48("449") ? () => undefined : (stryCov_9fa48("449"), u => stryMutAct_9fa48("452") ? u.code !== code : stryMutAct_9fa48("451") ? false : stryMutAct_9fa48("450") ? true : (stryCov_9fa48("450", "451", "452"), u.code === code)));
  }
}

/** The targets assigned to `code` (empty when the unit has no row). */
export function assignedTo(table: TargetTable | null | undefined, code: string): Record<string, number> {
  if (stryMutAct_9fa48("453")) {
    {}
  } else {
    stryCov_9fa48("453");
    if (stryMutAct_9fa48("456") ? false : stryMutAct_9fa48("455") ? true : stryMutAct_9fa48("454") ? table : (stryCov_9fa48("454", "455", "456"), !table)) return {};
    return stryMutAct_9fa48("457") ? table.units.find(u => u.code === code)?.values && (table.own.code === code ? table.own.values : {}) : (stryCov_9fa48("457"), (stryMutAct_9fa48("458") ? table.units.find(u => u.code === code).values : (stryCov_9fa48("458"), table.units.find(stryMutAct_9fa48("459") ? () => undefined : (stryCov_9fa48("459"), u => stryMutAct_9fa48("462") ? u.code !== code : stryMutAct_9fa48("461") ? false : stryMutAct_9fa48("460") ? true : (stryCov_9fa48("460", "461", "462"), u.code === code)))?.values)) ?? ((stryMutAct_9fa48("465") ? table.own.code !== code : stryMutAct_9fa48("464") ? false : stryMutAct_9fa48("463") ? true : (stryCov_9fa48("463", "464", "465"), table.own.code === code)) ? table.own.values : {}));
  }
}