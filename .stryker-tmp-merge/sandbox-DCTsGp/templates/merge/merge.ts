/**
 * The consolidation (汇总): many checked reports → one model of the city (or
 * county) figures. Pure: the command line and the functions both call it with
 * normalized records, never workbooks. The model's `record` is itself a valid
 * report, so a county's consolidation feeds the city's merge unchanged.
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
import type { Indicator, NarrativeKey } from "../catalog";
import { BUILTIN, indexOf, ruleSettingsOf, type Catalogue } from "../catalogue";
import type { Finding } from "../findings";
import { parsePeriod, samePeriod, type Period } from "../period";
import type { IndicatorValues, ReportRecord } from "../record";
import { completionOf, fromScaled, growthLabel, growthOf, pointsChange, ratioOf, toScaled } from "./growth";
import type { RosterUnit } from "./roster";
import { agreedPeriod, compareReports, doubleCountingMessage, nestedInputs, nothingToMerge, whyChosen } from "./inputs";
import { crossUnitSlips } from "./slips";
import type { RuleSettings } from "../rules/index";
import { applyOwnTargets, ownTargets, withAssignedTargets } from "../targets/merge";
import { scheduleOf } from "../targets/schedule";
import type { TargetTable } from "../targets/table";
export { baseName, nothingToMerge } from "./inputs";
export { consolidationJson, versionNoteText } from "./json";

/** One accepted report offered to the merge. */
export interface MergeInput {
  record: ReportRecord;
  /** Where it came from (file name, upload id); named in 报送情况 and in the history of replaced reports. */
  source?: string;
  /**
   * When the server received it (ISO 8601). Of two reports for one unit, the later 填报日期
   * counts, then the later upload; never a file's modified time.
   */
  submittedAt?: string;
  /** Submitted after the period's deadline (the server's stored version says so); shown on 报送情况. */
  late?: boolean;
}
export interface MergeOptions {
  /** Units expected to report. Without one, nobody is missing and nobody is unlisted. */
  roster?: readonly RosterUnit[];
  /**
   * Period id or label (2025-H1, 2025年上半年, 2025年1-6月 are one period); inputs of another
   * period are rejected. Default: the period all inputs agree on (the merge refuses when they disagree).
   */
  period?: string;
  /**
   * Merge consolidations alone: an input whose unit lies under another input's unit (a town
   * under its county's consolidation) is left out as already counted. Without it, such a pair
   * refuses the merge (DOUBLE_COUNTING).
   */
  consolidationsOnly?: boolean;
  /** The consolidating unit; by default derived from the roster's parent code or the units' codes. */
  unit?: {
    name?: string;
    code?: string;
  };
  /** Cover metadata of the consolidation (it must pass the checks at the next level). */
  meta?: {
    preparer?: string;
    phone?: string;
    head?: string;
    date?: string;
  };
  /** Rule settings for the cross-unit slips (from the indicator library); default DEFAULT_RULE_SETTINGS. */
  settings?: Partial<RuleSettings>;
  /**
   * The year's target table (目标任务分解表): each unit's 全年目标 is its assigned one, and the
   * consolidating unit's own target is its row of the table (the city's, not the sum of its towns').
   */
  targets?: TargetTable;
  /**
   * The library (and version) the consolidation collects; default the built-in one. Reports of
   * another library (id) are refused; reports of another version of it count by indicator code.
   */
  catalogue?: Catalogue;
}

/** A consolidated figure, as the JSON output and the 汇总 sheet show it. */
export interface Total {
  code: string;
  current: number | null;
  prior: number | null;
  target: number | null;
  /** 增减量: current − prior (sums only). */
  delta: number | null;
  /** 同比增长 as a fraction; null where there is no base (then see growthLabel). Always null for ratios. */
  growth: number | null;
  growthLabel: "新增" | "—" | null;
  /** Ratios only: change in percentage points (百分点). */
  change: number | null;
  /** 完成率 as a fraction, where a target exists (sums only). */
  completion: number | null;
  /** The target is the consolidating unit's own, from the target table (not the sum of its units'). */
  assigned?: boolean;
  /**
   * Units whose report has this figure (本期 / 上年同期 / 全年目标). A prior or target
   * total exists only when every unit with a 本期 gave one (like is compared with like).
   */
  units: {
    current: number;
    prior: number;
    target: number;
  };
}
export interface UnitReport {
  record: ReportRecord;
  source?: string;
  submittedAt?: string;
  late?: boolean;
  /** 1 for the first report of this unit in this period, 2 for a replacement, ... */
  version: number;
}
export interface UnitEntry {
  name: string;
  code: string;
  /** Parent code from the roster ("" when not known). */
  parent: string;
  status: "submitted" | "missing";
  /** A roster was given and this unit is not on it (its figures are counted and flagged). */
  unlisted: boolean;
  /** The report's own code when it differs from the roster's (matched on the unit name). */
  reportedCode?: string;
  /** The report that counts. */
  report?: UnitReport;
  /** Earlier reports of the same unit and period, replaced by the latest (kept as history). */
  superseded: UnitReport[];
  /** Warnings carried from the unit's checks, plus cross-unit slips found by the merge. */
  warnings: number;
  /** Why the counted report was chosen over the others of the same unit (only with superseded reports). */
  chosen?: string;
}
export interface Rejection {
  source: string;
  code: string;
  message: string;
}
export interface CarriedWarning {
  unit: string;
  unitCode: string;
  finding: Finding;
  /** Cross-unit slips (UNIT_SLIP_PEERS / UNIT_SLIP_LAST_YEAR): the peers' median or last year's figure. */
  reference?: number;
}

/** A unit whose report was made with another version of the library: what it lacks and what is left out. */
export interface VersionNote {
  unit: string;
  unitCode: string;
  version: string;
  /** Codes of this version the report does not have (blank for the unit: "本版新增，未填报"). */
  added: string[];
  /** Codes the report has that this version no longer has (ignored). */
  dropped: string[];
}
export interface Consolidation {
  /** The library the consolidation is made with (its indicators, groups, rows). */
  catalogue: Catalogue;
  /** Units that reported on another version of the library (read by indicator code). */
  versionNotes: VersionNote[];
  period: Period;
  /** 序时进度 of the period (N/12 for 1—N月 and quarters), beside 完成率; null for 全年 and 下半年. */
  schedule: number | null;
  unit: {
    name: string;
    code: string;
    type: "县（市、区）" | "市";
  };
  meta: {
    preparer: string;
    phone: string;
    head: string;
    date: string | null;
  };
  /** Every indicator of the catalogue, in template order. */
  totals: Record<string, Total>;
  /** Roster units in roster order (submitted or missing), then unlisted units by code. */
  units: UnitEntry[];
  /** Inputs the merge refused (another period). */
  rejected: Rejection[];
  /** Warnings of the counted reports, in unit order. */
  warnings: CarriedWarning[];
  counts: {
    expected: number | null;
    submitted: number;
    missing: number;
    unlisted: number;
    superseded: number;
  };
  /** The consolidation as a report of the consolidating unit: input to the next level. */
  record: ReportRecord;
}
export type MergeRefusal = "NO_PERIOD" | "BAD_PERIOD" | "PERIOD_DISAGREE" | "DOUBLE_COUNTING" | "NOTHING_TO_MERGE";
export type MergeResult = {
  ok: true;
  consolidation: Consolidation;
} | {
  ok: false;
  code: MergeRefusal;
  message: string;
};

/** Longest text a cell holds (Excel's limit). */
export const CELL_TEXT_LIMIT = 32_767;
export const TRUNCATION_NOTE = stryMutAct_9fa48("0") ? "" : (stryCov_9fa48("0"), "……（内容过长，此处已截断，完整内容见“文字材料汇编”工作表）");

/** Defaults for the consolidation's cover when the clerk gives none (it must still pass the checks). */
export const DEFAULT_META = {
  preparer: "系统汇总",
  phone: "00000000",
  head: "系统汇总"
} as const;
type Scaled = {
  current: number | null;
  prior: number | null;
  target: number | null;
  units: Total["units"];
};
type Reported = UnitEntry & {
  report: UnitReport;
};
const unscale = stryMutAct_9fa48("1") ? () => undefined : (stryCov_9fa48("1"), (() => {
  const unscale = (n: number | null) => (stryMutAct_9fa48("4") ? n !== null : stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3", "4"), n === null)) ? null : fromScaled(n);
  return unscale;
})());

/**
 * Merge checked reports into a consolidation.
 * Sums counts and amounts exactly, recomputes ratios from summed parts, lists
 * missing and unlisted units, and keeps replaced reports as history.
 */
export function mergeReports(inputs: readonly MergeInput[], options: MergeOptions = {}): MergeResult {
  if (stryMutAct_9fa48("5")) {
    {}
  } else {
    stryCov_9fa48("5");
    let period: Period | null = null;
    if (stryMutAct_9fa48("8") ? options.period === undefined : stryMutAct_9fa48("7") ? false : stryMutAct_9fa48("6") ? true : (stryCov_9fa48("6", "7", "8"), options.period !== undefined)) {
      if (stryMutAct_9fa48("9")) {
        {}
      } else {
        stryCov_9fa48("9");
        period = parsePeriod(options.period);
        if (stryMutAct_9fa48("12") ? false : stryMutAct_9fa48("11") ? true : stryMutAct_9fa48("10") ? period : (stryCov_9fa48("10", "11", "12"), !period)) return stryMutAct_9fa48("13") ? {} : (stryCov_9fa48("13"), {
          ok: stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14"), false),
          code: stryMutAct_9fa48("15") ? "" : (stryCov_9fa48("15"), "BAD_PERIOD"),
          message: stryMutAct_9fa48("16") ? `` : (stryCov_9fa48("16"), `期间“${options.period}”无法识别。请写成 2025-Y、2025-H1、2025年上半年、2025年1-6月、2025-Q3 或 2025年1—10月。`)
        });
      }
    } else {
      if (stryMutAct_9fa48("17")) {
        {}
      } else {
        stryCov_9fa48("17");
        const agreed = agreedPeriod(inputs);
        if (stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : stryMutAct_9fa48("18") ? agreed.ok : (stryCov_9fa48("18", "19", "20"), !agreed.ok)) return agreed;
        period = agreed.period;
      }
    }
    if (stryMutAct_9fa48("23") ? false : stryMutAct_9fa48("22") ? true : stryMutAct_9fa48("21") ? period : (stryCov_9fa48("21", "22", "23"), !period)) return nothingToMerge(stryMutAct_9fa48("24") ? ["Stryker was here"] : (stryCov_9fa48("24"), []));
    const cat = stryMutAct_9fa48("25") ? options.catalogue && BUILTIN : (stryCov_9fa48("25"), options.catalogue ?? BUILTIN);
    const {
      inputs: INPUT_INDICATORS
    } = indexOf(cat);
    const rejected: Rejection[] = stryMutAct_9fa48("26") ? ["Stryker was here"] : (stryCov_9fa48("26"), []);
    const accepted: {
      input: MergeInput;
      index: number;
    }[] = stryMutAct_9fa48("27") ? ["Stryker was here"] : (stryCov_9fa48("27"), []);
    inputs.forEach((input, index) => {
      if (stryMutAct_9fa48("28")) {
        {}
      } else {
        stryCov_9fa48("28");
        if (stryMutAct_9fa48("31") ? input.record.templateId === cat.id : stryMutAct_9fa48("30") ? false : stryMutAct_9fa48("29") ? true : (stryCov_9fa48("29", "30", "31"), input.record.templateId !== cat.id)) {
          if (stryMutAct_9fa48("32")) {
            {}
          } else {
            stryCov_9fa48("32");
            rejected.push(stryMutAct_9fa48("33") ? {} : (stryCov_9fa48("33"), {
              source: stryMutAct_9fa48("34") ? input.source && input.record.unit.name : (stryCov_9fa48("34"), input.source ?? input.record.unit.name),
              code: stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), "OTHER_LIBRARY"),
              message: stryMutAct_9fa48("36") ? `` : (stryCov_9fa48("36"), `这是另一种报表（模板标识 ${input.record.templateId}），本次汇总的是“${cat.title}”（${cat.id}），未汇总。`)
            }));
          }
        } else if (stryMutAct_9fa48("39") ? false : stryMutAct_9fa48("38") ? true : stryMutAct_9fa48("37") ? samePeriod(input.record.period, period!) : (stryCov_9fa48("37", "38", "39"), !samePeriod(input.record.period, period!))) {
          if (stryMutAct_9fa48("40")) {
            {}
          } else {
            stryCov_9fa48("40");
            rejected.push(stryMutAct_9fa48("41") ? {} : (stryCov_9fa48("41"), {
              source: stryMutAct_9fa48("42") ? input.source && input.record.unit.name : (stryCov_9fa48("42"), input.source ?? input.record.unit.name),
              code: stryMutAct_9fa48("43") ? "" : (stryCov_9fa48("43"), "PERIOD_MISMATCH"),
              message: stryMutAct_9fa48("44") ? `` : (stryCov_9fa48("44"), `报告期为“${input.record.period.label}”，本次汇总的是“${period!.label}”，未汇总。`)
            }));
          }
        } else accepted.push(stryMutAct_9fa48("45") ? {} : (stryCov_9fa48("45"), {
          input: options.targets ? withAssignedTargets(input, options.targets, cat) : input,
          index
        }));
      }
    });
    const nested = nestedInputs(accepted.map(stryMutAct_9fa48("46") ? () => undefined : (stryCov_9fa48("46"), a => a.input)), options.roster);
    if (stryMutAct_9fa48("48") ? false : stryMutAct_9fa48("47") ? true : (stryCov_9fa48("47", "48"), nested.length)) {
      if (stryMutAct_9fa48("49")) {
        {}
      } else {
        stryCov_9fa48("49");
        if (stryMutAct_9fa48("52") ? false : stryMutAct_9fa48("51") ? true : stryMutAct_9fa48("50") ? options.consolidationsOnly : (stryCov_9fa48("50", "51", "52"), !options.consolidationsOnly)) return stryMutAct_9fa48("53") ? {} : (stryCov_9fa48("53"), {
          ok: stryMutAct_9fa48("54") ? true : (stryCov_9fa48("54"), false),
          code: stryMutAct_9fa48("55") ? "" : (stryCov_9fa48("55"), "DOUBLE_COUNTING"),
          message: doubleCountingMessage(nested)
        });
        const inner = new Map(nested.map(stryMutAct_9fa48("56") ? () => undefined : (stryCov_9fa48("56"), n => stryMutAct_9fa48("57") ? [] : (stryCov_9fa48("57"), [n.inner, n.outer]))));
        for (let i = stryMutAct_9fa48("58") ? accepted.length + 1 : (stryCov_9fa48("58"), accepted.length - 1); stryMutAct_9fa48("61") ? i < 0 : stryMutAct_9fa48("60") ? i > 0 : stryMutAct_9fa48("59") ? false : (stryCov_9fa48("59", "60", "61"), i >= 0); stryMutAct_9fa48("62") ? i++ : (stryCov_9fa48("62"), i--)) {
          if (stryMutAct_9fa48("63")) {
            {}
          } else {
            stryCov_9fa48("63");
            const outer = inner.get(accepted[i]!.input);
            if (stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : stryMutAct_9fa48("64") ? outer : (stryCov_9fa48("64", "65", "66"), !outer)) continue;
            const {
              input
            } = accepted.splice(i, 1)[0]!;
            rejected.push(stryMutAct_9fa48("67") ? {} : (stryCov_9fa48("67"), {
              source: stryMutAct_9fa48("68") ? input.source && input.record.unit.name : (stryCov_9fa48("68"), input.source ?? input.record.unit.name),
              code: stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), "INCLUDED_IN_CONSOLIDATION"),
              message: stryMutAct_9fa48("70") ? `` : (stryCov_9fa48("70"), `${input.record.unit.name}已包含在${outer.record.unit.name}的汇总表中，未重复汇总。`)
            }));
          }
        }
      }
    }
    if (stryMutAct_9fa48("73") ? accepted.length !== 0 : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), accepted.length === 0)) return nothingToMerge(rejected);

    // Units: roster first (its order is the report's order), then whoever else reported.
    const roster = options.roster;
    const entries: UnitEntry[] = (stryMutAct_9fa48("74") ? roster && [] : (stryCov_9fa48("74"), roster ?? (stryMutAct_9fa48("75") ? ["Stryker was here"] : (stryCov_9fa48("75"), [])))).map(stryMutAct_9fa48("76") ? () => undefined : (stryCov_9fa48("76"), u => stryMutAct_9fa48("77") ? {} : (stryCov_9fa48("77"), {
      name: u.name,
      code: u.code,
      parent: u.parent,
      status: stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), "missing"),
      unlisted: stryMutAct_9fa48("79") ? true : (stryCov_9fa48("79"), false),
      superseded: stryMutAct_9fa48("80") ? ["Stryker was here"] : (stryCov_9fa48("80"), []),
      warnings: 0
    })));
    const byCode = new Map(entries.map(stryMutAct_9fa48("81") ? () => undefined : (stryCov_9fa48("81"), e => stryMutAct_9fa48("82") ? [] : (stryCov_9fa48("82"), [e.code, e]))));
    const byName = new Map<string, UnitEntry>();
    for (const e of entries) if (stryMutAct_9fa48("85") ? false : stryMutAct_9fa48("84") ? true : stryMutAct_9fa48("83") ? byName.has(e.name) : (stryCov_9fa48("83", "84", "85"), !byName.has(e.name))) byName.set(e.name, e);
    const reports = new Map<UnitEntry, {
      input: MergeInput;
      index: number;
    }[]>();
    const unlisted: UnitEntry[] = stryMutAct_9fa48("86") ? ["Stryker was here"] : (stryCov_9fa48("86"), []);
    for (const a of accepted) {
      if (stryMutAct_9fa48("87")) {
        {}
      } else {
        stryCov_9fa48("87");
        const {
          name,
          code
        } = a.input.record.unit;
        let entry = byCode.get(code);
        if (stryMutAct_9fa48("90") ? !entry || roster : stryMutAct_9fa48("89") ? false : stryMutAct_9fa48("88") ? true : (stryCov_9fa48("88", "89", "90"), (stryMutAct_9fa48("91") ? entry : (stryCov_9fa48("91"), !entry)) && roster)) {
          if (stryMutAct_9fa48("92")) {
            {}
          } else {
            stryCov_9fa48("92");
            const named = byName.get(name);
            // Matched on the name only: counted, but the differing code is shown.
            if (stryMutAct_9fa48("94") ? false : stryMutAct_9fa48("93") ? true : (stryCov_9fa48("93", "94"), named)) {
              if (stryMutAct_9fa48("95")) {
                {}
              } else {
                stryCov_9fa48("95");
                entry = named;
                entry.reportedCode = code;
              }
            }
          }
        }
        if (stryMutAct_9fa48("98") ? false : stryMutAct_9fa48("97") ? true : stryMutAct_9fa48("96") ? entry : (stryCov_9fa48("96", "97", "98"), !entry)) {
          if (stryMutAct_9fa48("99")) {
            {}
          } else {
            stryCov_9fa48("99");
            // The report's own name is authoritative for unlisted units; roster units keep the roster's name.
            entry = stryMutAct_9fa48("100") ? {} : (stryCov_9fa48("100"), {
              name,
              code,
              parent: stryMutAct_9fa48("101") ? "Stryker was here!" : (stryCov_9fa48("101"), ""),
              status: stryMutAct_9fa48("102") ? "" : (stryCov_9fa48("102"), "missing"),
              unlisted: Boolean(roster),
              superseded: stryMutAct_9fa48("103") ? ["Stryker was here"] : (stryCov_9fa48("103"), []),
              warnings: 0
            });
            byCode.set(code, entry);
            unlisted.push(entry);
          }
        }
        const list = stryMutAct_9fa48("104") ? reports.get(entry) && [] : (stryCov_9fa48("104"), reports.get(entry) ?? (stryMutAct_9fa48("105") ? ["Stryker was here"] : (stryCov_9fa48("105"), [])));
        list.push(a);
        reports.set(entry, list);
      }
    }
    stryMutAct_9fa48("106") ? unlisted : (stryCov_9fa48("106"), unlisted.sort(stryMutAct_9fa48("107") ? () => undefined : (stryCov_9fa48("107"), (x, y) => (stryMutAct_9fa48("111") ? x.code >= y.code : stryMutAct_9fa48("110") ? x.code <= y.code : stryMutAct_9fa48("109") ? false : stryMutAct_9fa48("108") ? true : (stryCov_9fa48("108", "109", "110", "111"), x.code < y.code)) ? stryMutAct_9fa48("112") ? +1 : (stryCov_9fa48("112"), -1) : (stryMutAct_9fa48("116") ? x.code <= y.code : stryMutAct_9fa48("115") ? x.code >= y.code : stryMutAct_9fa48("114") ? false : stryMutAct_9fa48("113") ? true : (stryCov_9fa48("113", "114", "115", "116"), x.code > y.code)) ? 1 : x.name.localeCompare(y.name))));
    const units = stryMutAct_9fa48("117") ? [] : (stryCov_9fa48("117"), [...entries, ...unlisted]);
    const asReport = stryMutAct_9fa48("118") ? () => undefined : (stryCov_9fa48("118"), (() => {
      const asReport = (x: {
        input: MergeInput;
      }, i: number): UnitReport => stryMutAct_9fa48("119") ? {} : (stryCov_9fa48("119"), {
        record: x.input.record,
        source: x.input.source,
        submittedAt: x.input.submittedAt,
        ...((stryMutAct_9fa48("122") ? x.input.late === undefined : stryMutAct_9fa48("121") ? false : stryMutAct_9fa48("120") ? true : (stryCov_9fa48("120", "121", "122"), x.input.late !== undefined)) ? stryMutAct_9fa48("123") ? {} : (stryCov_9fa48("123"), {
          late: x.input.late
        }) : {}),
        version: stryMutAct_9fa48("124") ? i - 1 : (stryCov_9fa48("124"), i + 1)
      });
      return asReport;
    })());
    let supersededCount = 0;
    for (const [entry, list] of reports) {
      if (stryMutAct_9fa48("125")) {
        {}
      } else {
        stryCov_9fa48("125");
        stryMutAct_9fa48("126") ? list : (stryCov_9fa48("126"), list.sort(stryMutAct_9fa48("127") ? () => undefined : (stryCov_9fa48("127"), (x, y) => stryMutAct_9fa48("130") ? compareReports(x.input, y.input) && x.index - y.index : stryMutAct_9fa48("129") ? false : stryMutAct_9fa48("128") ? true : (stryCov_9fa48("128", "129", "130"), compareReports(x.input, y.input) || (stryMutAct_9fa48("131") ? x.index + y.index : (stryCov_9fa48("131"), x.index - y.index))))));
        const all = list.map(asReport);
        entry.report = all[stryMutAct_9fa48("132") ? all.length + 1 : (stryCov_9fa48("132"), all.length - 1)]!;
        entry.superseded = stryMutAct_9fa48("133") ? all : (stryCov_9fa48("133"), all.slice(0, stryMutAct_9fa48("134") ? +1 : (stryCov_9fa48("134"), -1)));
        if (stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136"), entry.superseded.length)) entry.chosen = whyChosen(list[stryMutAct_9fa48("137") ? list.length + 1 : (stryCov_9fa48("137"), list.length - 1)]!.input, list[stryMutAct_9fa48("138") ? list.length + 2 : (stryCov_9fa48("138"), list.length - 2)]!.input);
        stryMutAct_9fa48("139") ? supersededCount -= entry.superseded.length : (stryCov_9fa48("139"), supersededCount += entry.superseded.length);
        entry.status = stryMutAct_9fa48("140") ? "" : (stryCov_9fa48("140"), "submitted");
        entry.warnings = stryMutAct_9fa48("141") ? entry.report.record.warnings.length : (stryCov_9fa48("141"), entry.report.record.warnings.filter(carried).length);
      }
    }
    const reported = stryMutAct_9fa48("142") ? units : (stryCov_9fa48("142"), units.filter(stryMutAct_9fa48("143") ? () => undefined : (stryCov_9fa48("143"), (u): u is Reported => Boolean(u.report))));
    const counted = reported.map(stryMutAct_9fa48("144") ? () => undefined : (stryCov_9fa48("144"), u => u.report.record));
    const slips = crossUnitSlips(counted, stryMutAct_9fa48("145") ? {} : (stryCov_9fa48("145"), {
      catalogue: cat,
      settings: stryMutAct_9fa48("146") ? {} : (stryCov_9fa48("146"), {
        ...ruleSettingsOf(cat),
        ...options.settings
      })
    }));
    const slipsOf = new Map<string, typeof slips>();
    for (const s of slips) {
      if (stryMutAct_9fa48("147")) {
        {}
      } else {
        stryCov_9fa48("147");
        const list = stryMutAct_9fa48("148") ? slipsOf.get(s.unitCode) && [] : (stryCov_9fa48("148"), slipsOf.get(s.unitCode) ?? (stryMutAct_9fa48("149") ? ["Stryker was here"] : (stryCov_9fa48("149"), [])));
        list.push(s);
        slipsOf.set(s.unitCode, list);
      }
    }
    const scaled = sumScaled(counted, INPUT_INDICATORS);
    const totals = totalsFrom(scaled, cat);
    const versionNotes = versionNotesOf(reported, cat);
    const unit = consolidatingUnit(options, roster, counted);
    const own = options.targets ? ownTargets(options.targets, unit) : {};
    applyOwnTargets(totals, own);
    const dates = stryMutAct_9fa48("151") ? counted.map(r => r.meta.date).sort() : stryMutAct_9fa48("150") ? counted.map(r => r.meta.date).filter((d): d is string => Boolean(d)) : (stryCov_9fa48("150", "151"), counted.map(stryMutAct_9fa48("152") ? () => undefined : (stryCov_9fa48("152"), r => r.meta.date)).filter(stryMutAct_9fa48("153") ? () => undefined : (stryCov_9fa48("153"), (d): d is string => Boolean(d))).sort());
    const meta = stryMutAct_9fa48("154") ? {} : (stryCov_9fa48("154"), {
      preparer: stryMutAct_9fa48("155") ? options.meta?.preparer && DEFAULT_META.preparer : (stryCov_9fa48("155"), (stryMutAct_9fa48("156") ? options.meta.preparer : (stryCov_9fa48("156"), options.meta?.preparer)) ?? DEFAULT_META.preparer),
      phone: stryMutAct_9fa48("157") ? options.meta?.phone && DEFAULT_META.phone : (stryCov_9fa48("157"), (stryMutAct_9fa48("158") ? options.meta.phone : (stryCov_9fa48("158"), options.meta?.phone)) ?? DEFAULT_META.phone),
      head: stryMutAct_9fa48("159") ? options.meta?.head && DEFAULT_META.head : (stryCov_9fa48("159"), (stryMutAct_9fa48("160") ? options.meta.head : (stryCov_9fa48("160"), options.meta?.head)) ?? DEFAULT_META.head),
      date: stryMutAct_9fa48("161") ? (options.meta?.date ?? dates[dates.length - 1]) && null : (stryCov_9fa48("161"), (stryMutAct_9fa48("162") ? options.meta?.date && dates[dates.length - 1] : (stryCov_9fa48("162"), (stryMutAct_9fa48("163") ? options.meta.date : (stryCov_9fa48("163"), options.meta?.date)) ?? dates[stryMutAct_9fa48("164") ? dates.length + 1 : (stryCov_9fa48("164"), dates.length - 1)])) ?? null)
    });
    const missing = stryMutAct_9fa48("165") ? units.length : (stryCov_9fa48("165"), units.filter(stryMutAct_9fa48("166") ? () => undefined : (stryCov_9fa48("166"), u => stryMutAct_9fa48("169") ? u.status !== "missing" : stryMutAct_9fa48("168") ? false : stryMutAct_9fa48("167") ? true : (stryCov_9fa48("167", "168", "169"), u.status === (stryMutAct_9fa48("170") ? "" : (stryCov_9fa48("170"), "missing"))))).length);
    const counts = stryMutAct_9fa48("171") ? {} : (stryCov_9fa48("171"), {
      expected: roster ? roster.length : null,
      submitted: counted.length,
      missing,
      unlisted: unlisted.length,
      superseded: supersededCount
    });
    const warnings: CarriedWarning[] = stryMutAct_9fa48("172") ? ["Stryker was here"] : (stryCov_9fa48("172"), []);
    for (const u of reported) {
      if (stryMutAct_9fa48("173")) {
        {}
      } else {
        stryCov_9fa48("173");
        for (const f of u.report.record.warnings) if (stryMutAct_9fa48("175") ? false : stryMutAct_9fa48("174") ? true : (stryCov_9fa48("174", "175"), carried(f))) warnings.push(stryMutAct_9fa48("176") ? {} : (stryCov_9fa48("176"), {
          unit: u.name,
          unitCode: u.code,
          finding: f
        }));
        for (const s of stryMutAct_9fa48("177") ? slipsOf.get(u.report.record.unit.code) && [] : (stryCov_9fa48("177"), slipsOf.get(u.report.record.unit.code) ?? (stryMutAct_9fa48("178") ? ["Stryker was here"] : (stryCov_9fa48("178"), [])))) {
          if (stryMutAct_9fa48("179")) {
            {}
          } else {
            stryCov_9fa48("179");
            warnings.push(stryMutAct_9fa48("180") ? {} : (stryCov_9fa48("180"), {
              unit: u.name,
              unitCode: u.code,
              finding: s.finding,
              reference: s.reference
            }));
            stryMutAct_9fa48("181") ? u.warnings-- : (stryCov_9fa48("181"), u.warnings++);
          }
        }
      }
    }
    const values: Record<string, IndicatorValues> = {};
    for (const ind of INPUT_INDICATORS) {
      if (stryMutAct_9fa48("182")) {
        {}
      } else {
        stryCov_9fa48("182");
        const s = scaled[ind.code]!;
        values[ind.code] = stryMutAct_9fa48("183") ? {} : (stryCov_9fa48("183"), {
          current: unscale(s.current),
          prior: unscale(s.prior),
          target: stryMutAct_9fa48("184") ? own[ind.code] && unscale(s.target) : (stryCov_9fa48("184"), own[ind.code] ?? unscale(s.target)),
          note: stryMutAct_9fa48("185") ? `` : (stryCov_9fa48("185"), `由${s.units.current}个单位汇总${missing ? stryMutAct_9fa48("186") ? `` : (stryCov_9fa48("186"), `（缺报${missing}个）`) : stryMutAct_9fa48("187") ? "Stryker was here!" : (stryCov_9fa48("187"), "")}`)
        });
      }
    }
    const record: ReportRecord = stryMutAct_9fa48("188") ? {} : (stryCov_9fa48("188"), {
      schema: 1,
      templateId: cat.id,
      templateVersion: cat.version,
      unit,
      period,
      meta,
      values,
      narrative: consolidatedNarrative(reported, cat),
      warnings: stryMutAct_9fa48("189") ? ["Stryker was here"] : (stryCov_9fa48("189"), [])
    });
    return stryMutAct_9fa48("190") ? {} : (stryCov_9fa48("190"), {
      ok: stryMutAct_9fa48("191") ? false : (stryCov_9fa48("191"), true),
      consolidation: stryMutAct_9fa48("192") ? {} : (stryCov_9fa48("192"), {
        catalogue: cat,
        versionNotes,
        period,
        schedule: scheduleOf(period),
        unit,
        meta,
        totals,
        units,
        rejected,
        warnings,
        counts,
        record
      })
    });
  }
}

/** Reports made with another version of the library: the codes each lacks and the codes it has that this version does not. */
function versionNotesOf(reported: readonly Reported[], cat: Catalogue): VersionNote[] {
  if (stryMutAct_9fa48("193")) {
    {}
  } else {
    stryCov_9fa48("193");
    const inputs = indexOf(cat).inputs;
    const out: VersionNote[] = stryMutAct_9fa48("194") ? ["Stryker was here"] : (stryCov_9fa48("194"), []);
    for (const u of reported) {
      if (stryMutAct_9fa48("195")) {
        {}
      } else {
        stryCov_9fa48("195");
        const r = u.report.record;
        if (stryMutAct_9fa48("198") ? r.templateVersion !== cat.version : stryMutAct_9fa48("197") ? false : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197", "198"), r.templateVersion === cat.version)) continue;
        const added = stryMutAct_9fa48("199") ? inputs.map(i => i.code) : (stryCov_9fa48("199"), inputs.filter(stryMutAct_9fa48("200") ? () => undefined : (stryCov_9fa48("200"), i => stryMutAct_9fa48("201") ? i.code in r.values : (stryCov_9fa48("201"), !(i.code in r.values)))).map(stryMutAct_9fa48("202") ? () => undefined : (stryCov_9fa48("202"), i => i.code)));
        const dropped = stryMutAct_9fa48("203") ? Object.keys(r.values) : (stryCov_9fa48("203"), Object.keys(r.values).filter(stryMutAct_9fa48("204") ? () => undefined : (stryCov_9fa48("204"), code => stryMutAct_9fa48("205") ? indexOf(cat).byCode.has(code) : (stryCov_9fa48("205"), !indexOf(cat).byCode.has(code)))));
        out.push(stryMutAct_9fa48("206") ? {} : (stryCov_9fa48("206"), {
          unit: u.name,
          unitCode: u.code,
          version: r.templateVersion,
          added,
          dropped
        }));
      }
    }
    return out;
  }
}

/** A warning of the unit's own checks; cross-unit slips found at submission are found again against every input. */
const carried = stryMutAct_9fa48("207") ? () => undefined : (stryCov_9fa48("207"), (() => {
  const carried = (f: Finding) => stryMutAct_9fa48("210") ? f.rule !== "UNIT_SLIP_PEERS" || f.rule !== "UNIT_SLIP_LAST_YEAR" : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), (stryMutAct_9fa48("212") ? f.rule === "UNIT_SLIP_PEERS" : stryMutAct_9fa48("211") ? true : (stryCov_9fa48("211", "212"), f.rule !== (stryMutAct_9fa48("213") ? "" : (stryCov_9fa48("213"), "UNIT_SLIP_PEERS")))) && (stryMutAct_9fa48("215") ? f.rule === "UNIT_SLIP_LAST_YEAR" : stryMutAct_9fa48("214") ? true : (stryCov_9fa48("214", "215"), f.rule !== (stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), "UNIT_SLIP_LAST_YEAR")))));
  return carried;
})());
function sumScaled(records: readonly ReportRecord[], INPUT_INDICATORS: readonly Indicator[]): Record<string, Scaled> {
  if (stryMutAct_9fa48("217")) {
    {}
  } else {
    stryCov_9fa48("217");
    const out: Record<string, Scaled> = {};
    for (const ind of INPUT_INDICATORS) {
      if (stryMutAct_9fa48("218")) {
        {}
      } else {
        stryCov_9fa48("218");
        let current: number | null = null;
        let prior: number | null = null;
        let target: number | null = null;
        const units = stryMutAct_9fa48("219") ? {} : (stryCov_9fa48("219"), {
          current: 0,
          prior: 0,
          target: 0
        });
        // Three named fields rather than a loop over the value columns: keyed access makes this hot loop ~3× slower.
        for (const r of records) {
          if (stryMutAct_9fa48("220")) {
            {}
          } else {
            stryCov_9fa48("220");
            const v = r.values[ind.code];
            if (stryMutAct_9fa48("223") ? false : stryMutAct_9fa48("222") ? true : stryMutAct_9fa48("221") ? v : (stryCov_9fa48("221", "222", "223"), !v)) continue;
            if (stryMutAct_9fa48("226") ? typeof v.current === "number" || Number.isFinite(v.current) : stryMutAct_9fa48("225") ? false : stryMutAct_9fa48("224") ? true : (stryCov_9fa48("224", "225", "226"), (stryMutAct_9fa48("228") ? typeof v.current !== "number" : stryMutAct_9fa48("227") ? true : (stryCov_9fa48("227", "228"), typeof v.current === (stryMutAct_9fa48("229") ? "" : (stryCov_9fa48("229"), "number")))) && Number.isFinite(v.current))) {
              if (stryMutAct_9fa48("230")) {
                {}
              } else {
                stryCov_9fa48("230");
                current = stryMutAct_9fa48("231") ? (current ?? 0) - toScaled(v.current) : (stryCov_9fa48("231"), (stryMutAct_9fa48("232") ? current && 0 : (stryCov_9fa48("232"), current ?? 0)) + toScaled(v.current));
                stryMutAct_9fa48("233") ? units.current-- : (stryCov_9fa48("233"), units.current++);
              }
            }
            if (stryMutAct_9fa48("236") ? typeof v.prior === "number" || Number.isFinite(v.prior) : stryMutAct_9fa48("235") ? false : stryMutAct_9fa48("234") ? true : (stryCov_9fa48("234", "235", "236"), (stryMutAct_9fa48("238") ? typeof v.prior !== "number" : stryMutAct_9fa48("237") ? true : (stryCov_9fa48("237", "238"), typeof v.prior === (stryMutAct_9fa48("239") ? "" : (stryCov_9fa48("239"), "number")))) && Number.isFinite(v.prior))) {
              if (stryMutAct_9fa48("240")) {
                {}
              } else {
                stryCov_9fa48("240");
                prior = stryMutAct_9fa48("241") ? (prior ?? 0) - toScaled(v.prior) : (stryCov_9fa48("241"), (stryMutAct_9fa48("242") ? prior && 0 : (stryCov_9fa48("242"), prior ?? 0)) + toScaled(v.prior));
                stryMutAct_9fa48("243") ? units.prior-- : (stryCov_9fa48("243"), units.prior++);
              }
            }
            if (stryMutAct_9fa48("246") ? typeof v.target === "number" || Number.isFinite(v.target) : stryMutAct_9fa48("245") ? false : stryMutAct_9fa48("244") ? true : (stryCov_9fa48("244", "245", "246"), (stryMutAct_9fa48("248") ? typeof v.target !== "number" : stryMutAct_9fa48("247") ? true : (stryCov_9fa48("247", "248"), typeof v.target === (stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), "number")))) && Number.isFinite(v.target))) {
              if (stryMutAct_9fa48("250")) {
                {}
              } else {
                stryCov_9fa48("250");
                target = stryMutAct_9fa48("251") ? (target ?? 0) - toScaled(v.target) : (stryCov_9fa48("251"), (stryMutAct_9fa48("252") ? target && 0 : (stryCov_9fa48("252"), target ?? 0)) + toScaled(v.target));
                stryMutAct_9fa48("253") ? units.target-- : (stryCov_9fa48("253"), units.target++);
              }
            }
          }
        }
        // 上年同期 and 全年目标 count only when every reporting unit gave one: a partial sum would
        // compare unlike with like (growth, completion) and could break 其中 ≤ 合计 at the next level.
        if (stryMutAct_9fa48("257") ? units.prior >= units.current : stryMutAct_9fa48("256") ? units.prior <= units.current : stryMutAct_9fa48("255") ? false : stryMutAct_9fa48("254") ? true : (stryCov_9fa48("254", "255", "256", "257"), units.prior < units.current)) prior = null;
        if (stryMutAct_9fa48("261") ? units.target >= units.current : stryMutAct_9fa48("260") ? units.target <= units.current : stryMutAct_9fa48("259") ? false : stryMutAct_9fa48("258") ? true : (stryCov_9fa48("258", "259", "260", "261"), units.target < units.current)) target = null;
        out[ind.code] = stryMutAct_9fa48("262") ? {} : (stryCov_9fa48("262"), {
          current,
          prior,
          target,
          units
        });
      }
    }
    return out;
  }
}
function totalsFrom(scaled: Record<string, Scaled>, cat: Catalogue): Record<string, Total> {
  if (stryMutAct_9fa48("263")) {
    {}
  } else {
    stryCov_9fa48("263");
    const totals: Record<string, Total> = {};
    for (const ind of cat.indicators) {
      if (stryMutAct_9fa48("264")) {
        {}
      } else {
        stryCov_9fa48("264");
        if (stryMutAct_9fa48("267") ? ind.kind !== "ratio" : stryMutAct_9fa48("266") ? false : stryMutAct_9fa48("265") ? true : (stryCov_9fa48("265", "266", "267"), ind.kind === (stryMutAct_9fa48("268") ? "" : (stryCov_9fa48("268"), "ratio")))) {
          if (stryMutAct_9fa48("269")) {
            {}
          } else {
            stryCov_9fa48("269");
            const n = scaled[ind.numerator!]!;
            const d = scaled[ind.denominator!]!;
            const current = ratioOf(n.current, d.current);
            const prior = ratioOf(n.prior, d.prior);
            totals[ind.code] = stryMutAct_9fa48("270") ? {} : (stryCov_9fa48("270"), {
              code: ind.code,
              current,
              prior,
              target: ratioOf(n.target, d.target),
              delta: null,
              growth: null,
              growthLabel: null,
              change: pointsChange(current, prior),
              completion: null,
              units: stryMutAct_9fa48("271") ? {} : (stryCov_9fa48("271"), {
                current: stryMutAct_9fa48("272") ? Math.max(n.units.current, d.units.current) : (stryCov_9fa48("272"), Math.min(n.units.current, d.units.current)),
                prior: stryMutAct_9fa48("273") ? Math.max(n.units.prior, d.units.prior) : (stryCov_9fa48("273"), Math.min(n.units.prior, d.units.prior)),
                target: stryMutAct_9fa48("274") ? Math.max(n.units.target, d.units.target) : (stryCov_9fa48("274"), Math.min(n.units.target, d.units.target))
              })
            });
            continue;
          }
        }
        const s = scaled[ind.code]!;
        totals[ind.code] = stryMutAct_9fa48("275") ? {} : (stryCov_9fa48("275"), {
          code: ind.code,
          current: unscale(s.current),
          prior: unscale(s.prior),
          target: unscale(s.target),
          delta: (stryMutAct_9fa48("278") ? s.current !== null || s.prior !== null : stryMutAct_9fa48("277") ? false : stryMutAct_9fa48("276") ? true : (stryCov_9fa48("276", "277", "278"), (stryMutAct_9fa48("280") ? s.current === null : stryMutAct_9fa48("279") ? true : (stryCov_9fa48("279", "280"), s.current !== null)) && (stryMutAct_9fa48("282") ? s.prior === null : stryMutAct_9fa48("281") ? true : (stryCov_9fa48("281", "282"), s.prior !== null)))) ? fromScaled(stryMutAct_9fa48("283") ? s.current + s.prior : (stryCov_9fa48("283"), s.current - s.prior)) : null,
          growth: growthOf(s.current, s.prior),
          growthLabel: growthLabel(s.current, s.prior),
          change: null,
          completion: completionOf(s.current, s.target),
          units: s.units
        });
      }
    }
    return totals;
  }
}

/** Derive the consolidating unit: option, the roster's common parent, or the level above the units' codes. */
function consolidatingUnit(options: MergeOptions, roster: readonly RosterUnit[] | undefined, counted: readonly ReportRecord[]): Consolidation["unit"] {
  if (stryMutAct_9fa48("284")) {
    {}
  } else {
    stryCov_9fa48("284");
    let code = stryMutAct_9fa48("285") ? options.unit.code : (stryCov_9fa48("285"), options.unit?.code);
    if (stryMutAct_9fa48("288") ? !code || roster : stryMutAct_9fa48("287") ? false : stryMutAct_9fa48("286") ? true : (stryCov_9fa48("286", "287", "288"), (stryMutAct_9fa48("289") ? code : (stryCov_9fa48("289"), !code)) && roster)) {
      if (stryMutAct_9fa48("290")) {
        {}
      } else {
        stryCov_9fa48("290");
        const parents = new Set(stryMutAct_9fa48("291") ? roster.map(u => u.parent) : (stryCov_9fa48("291"), roster.map(stryMutAct_9fa48("292") ? () => undefined : (stryCov_9fa48("292"), u => u.parent)).filter(Boolean)));
        if (stryMutAct_9fa48("295") ? parents.size !== 1 : stryMutAct_9fa48("294") ? false : stryMutAct_9fa48("293") ? true : (stryCov_9fa48("293", "294", "295"), parents.size === 1)) code = (stryMutAct_9fa48("296") ? [] : (stryCov_9fa48("296"), [...parents]))[0]!;
      }
    }
    if (stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : stryMutAct_9fa48("297") ? code : (stryCov_9fa48("297", "298", "299"), !code)) {
      if (stryMutAct_9fa48("300")) {
        {}
      } else {
        stryCov_9fa48("300");
        const codes = stryMutAct_9fa48("301") ? roster && roster.length ? roster.map(u => u.code) : counted.map(r => r.unit.code) : (stryCov_9fa48("301"), ((stryMutAct_9fa48("304") ? roster || roster.length : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304"), roster && roster.length)) ? roster.map(stryMutAct_9fa48("305") ? () => undefined : (stryCov_9fa48("305"), u => u.code)) : counted.map(stryMutAct_9fa48("306") ? () => undefined : (stryCov_9fa48("306"), r => r.unit.code))).filter(stryMutAct_9fa48("307") ? () => undefined : (stryCov_9fa48("307"), c => (stryMutAct_9fa48("311") ? /^\D{12}$/ : stryMutAct_9fa48("310") ? /^\d$/ : stryMutAct_9fa48("309") ? /^\d{12}/ : stryMutAct_9fa48("308") ? /\d{12}$/ : (stryCov_9fa48("308", "309", "310", "311"), /^\d{12}$/)).test(c))));
        for (const len of stryMutAct_9fa48("312") ? [] : (stryCov_9fa48("312"), [6, 4, 2])) {
          if (stryMutAct_9fa48("313")) {
            {}
          } else {
            stryCov_9fa48("313");
            const first = codes[0];
            if (stryMutAct_9fa48("316") ? false : stryMutAct_9fa48("315") ? true : stryMutAct_9fa48("314") ? first : (stryCov_9fa48("314", "315", "316"), !first)) break;
            const prefix = stryMutAct_9fa48("317") ? first : (stryCov_9fa48("317"), first.slice(0, len));
            const candidate = prefix.padEnd(12, stryMutAct_9fa48("318") ? "" : (stryCov_9fa48("318"), "0"));
            if (stryMutAct_9fa48("321") ? codes.every(c => c.startsWith(prefix)) || !codes.includes(candidate) : stryMutAct_9fa48("320") ? false : stryMutAct_9fa48("319") ? true : (stryCov_9fa48("319", "320", "321"), (stryMutAct_9fa48("322") ? codes.some(c => c.startsWith(prefix)) : (stryCov_9fa48("322"), codes.every(stryMutAct_9fa48("323") ? () => undefined : (stryCov_9fa48("323"), c => stryMutAct_9fa48("324") ? c.endsWith(prefix) : (stryCov_9fa48("324"), c.startsWith(prefix)))))) && (stryMutAct_9fa48("325") ? codes.includes(candidate) : (stryCov_9fa48("325"), !codes.includes(candidate))))) {
              if (stryMutAct_9fa48("326")) {
                {}
              } else {
                stryCov_9fa48("326");
                code = candidate;
                break;
              }
            }
          }
        }
      }
    }
    stryMutAct_9fa48("327") ? code &&= "000000000000" : (stryCov_9fa48("327"), code ??= stryMutAct_9fa48("328") ? "" : (stryCov_9fa48("328"), "000000000000"));
    const type = (stryMutAct_9fa48("329") ? code.startsWith("00000000") : (stryCov_9fa48("329"), code.endsWith(stryMutAct_9fa48("330") ? "" : (stryCov_9fa48("330"), "00000000")))) ? stryMutAct_9fa48("331") ? "" : (stryCov_9fa48("331"), "市") : stryMutAct_9fa48("332") ? "" : (stryCov_9fa48("332"), "县（市、区）");
    return stryMutAct_9fa48("333") ? {} : (stryCov_9fa48("333"), {
      name: stryMutAct_9fa48("334") ? options.unit?.name && `汇总（${code}）` : (stryCov_9fa48("334"), (stryMutAct_9fa48("335") ? options.unit.name : (stryCov_9fa48("335"), options.unit?.name)) ?? (stryMutAct_9fa48("336") ? `` : (stryCov_9fa48("336"), `汇总（${code}）`))),
      code,
      type
    });
  }
}

/** Each section: the units' texts under their names, bounded to what one cell holds. */
function consolidatedNarrative(reported: readonly Reported[], cat: Catalogue): Record<NarrativeKey, string> {
  if (stryMutAct_9fa48("337")) {
    {}
  } else {
    stryCov_9fa48("337");
    const out = {} as Record<NarrativeKey, string>;
    for (const s of cat.narrative) {
      if (stryMutAct_9fa48("338")) {
        {}
      } else {
        stryCov_9fa48("338");
        const parts = reported.map(stryMutAct_9fa48("339") ? () => undefined : (stryCov_9fa48("339"), u => stryMutAct_9fa48("340") ? `` : (stryCov_9fa48("340"), `【${u.name}】${stryMutAct_9fa48("341") ? u.report.record.narrative[s.key] && "" : (stryCov_9fa48("341"), u.report.record.narrative[s.key] ?? (stryMutAct_9fa48("342") ? "Stryker was here!" : (stryCov_9fa48("342"), "")))}`)));
        out[s.key] = boundText(parts.join(stryMutAct_9fa48("343") ? "" : (stryCov_9fa48("343"), "\n\n")));
      }
    }
    return out;
  }
}

/** Truncate a text to one cell's limit, saying so. */
export function boundText(text: string, limit = CELL_TEXT_LIMIT): string {
  if (stryMutAct_9fa48("344")) {
    {}
  } else {
    stryCov_9fa48("344");
    if (stryMutAct_9fa48("348") ? text.length > limit : stryMutAct_9fa48("347") ? text.length < limit : stryMutAct_9fa48("346") ? false : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346", "347", "348"), text.length <= limit)) return text;
    let cut = stryMutAct_9fa48("349") ? limit + TRUNCATION_NOTE.length : (stryCov_9fa48("349"), limit - TRUNCATION_NOTE.length);
    // Never split a surrogate pair.
    if (stryMutAct_9fa48("351") ? false : stryMutAct_9fa48("350") ? true : (stryCov_9fa48("350", "351"), (stryMutAct_9fa48("352") ? /[^\uD800-\uDBFF]/ : (stryCov_9fa48("352"), /[\uD800-\uDBFF]/)).test(stryMutAct_9fa48("353") ? text[cut - 1] && "" : (stryCov_9fa48("353"), text[stryMutAct_9fa48("354") ? cut + 1 : (stryCov_9fa48("354"), cut - 1)] ?? (stryMutAct_9fa48("355") ? "Stryker was here!" : (stryCov_9fa48("355"), "")))))) stryMutAct_9fa48("356") ? cut++ : (stryCov_9fa48("356"), cut--);
    return stryMutAct_9fa48("357") ? text.slice(0, cut) - TRUNCATION_NOTE : (stryCov_9fa48("357"), (stryMutAct_9fa48("358") ? text : (stryCov_9fa48("358"), text.slice(0, cut))) + TRUNCATION_NOTE);
  }
}

/** Split a long text into cell-sized pieces (for 文字材料汇编). */
export function splitText(text: string, size = 32_000): string[] {
  if (stryMutAct_9fa48("359")) {
    {}
  } else {
    stryCov_9fa48("359");
    if (stryMutAct_9fa48("363") ? text.length > size : stryMutAct_9fa48("362") ? text.length < size : stryMutAct_9fa48("361") ? false : stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360", "361", "362", "363"), text.length <= size)) return stryMutAct_9fa48("364") ? [] : (stryCov_9fa48("364"), [text]);
    const out: string[] = stryMutAct_9fa48("365") ? ["Stryker was here"] : (stryCov_9fa48("365"), []);
    let i = 0;
    while (stryMutAct_9fa48("368") ? i >= text.length : stryMutAct_9fa48("367") ? i <= text.length : stryMutAct_9fa48("366") ? false : (stryCov_9fa48("366", "367", "368"), i < text.length)) {
      if (stryMutAct_9fa48("369")) {
        {}
      } else {
        stryCov_9fa48("369");
        let end = stryMutAct_9fa48("370") ? Math.max(i + size, text.length) : (stryCov_9fa48("370"), Math.min(stryMutAct_9fa48("371") ? i - size : (stryCov_9fa48("371"), i + size), text.length));
        if (stryMutAct_9fa48("374") ? end < text.length || /[\uD800-\uDBFF]/.test(text[end - 1]!) : stryMutAct_9fa48("373") ? false : stryMutAct_9fa48("372") ? true : (stryCov_9fa48("372", "373", "374"), (stryMutAct_9fa48("377") ? end >= text.length : stryMutAct_9fa48("376") ? end <= text.length : stryMutAct_9fa48("375") ? true : (stryCov_9fa48("375", "376", "377"), end < text.length)) && (stryMutAct_9fa48("378") ? /[^\uD800-\uDBFF]/ : (stryCov_9fa48("378"), /[\uD800-\uDBFF]/)).test(text[stryMutAct_9fa48("379") ? end + 1 : (stryCov_9fa48("379"), end - 1)]!))) stryMutAct_9fa48("380") ? end++ : (stryCov_9fa48("380"), end--);
        out.push(stryMutAct_9fa48("381") ? text : (stryCov_9fa48("381"), text.slice(i, end)));
        i = end;
      }
    }
    return out;
  }
}