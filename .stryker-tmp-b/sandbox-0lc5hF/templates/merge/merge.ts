/**
 * The consolidation (汇总): many checked reports → one model of the city (or
 * county) figures. Pure: the command line and the functions both call it with
 * normalized records, never workbooks. The model's `record` is itself a valid
 * report, so a county's consolidation feeds the city's merge unchanged.
 */
// @ts-nocheck

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
  unit?: { name?: string; code?: string };
  /** Cover metadata of the consolidation (it must pass the checks at the next level). */
  meta?: { preparer?: string; phone?: string; head?: string; date?: string };
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
  units: { current: number; prior: number; target: number };
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
  unit: { name: string; code: string; type: "县（市、区）" | "市" };
  meta: { preparer: string; phone: string; head: string; date: string | null };
  /** Every indicator of the catalogue, in template order. */
  totals: Record<string, Total>;
  /** Roster units in roster order (submitted or missing), then unlisted units by code. */
  units: UnitEntry[];
  /** Inputs the merge refused (another period). */
  rejected: Rejection[];
  /** Warnings of the counted reports, in unit order. */
  warnings: CarriedWarning[];
  counts: { expected: number | null; submitted: number; missing: number; unlisted: number; superseded: number };
  /** The consolidation as a report of the consolidating unit: input to the next level. */
  record: ReportRecord;
}

export type MergeRefusal = "NO_PERIOD" | "BAD_PERIOD" | "PERIOD_DISAGREE" | "DOUBLE_COUNTING" | "NOTHING_TO_MERGE";
export type MergeResult = { ok: true; consolidation: Consolidation } | { ok: false; code: MergeRefusal; message: string };

/** Longest text a cell holds (Excel's limit). */
export const CELL_TEXT_LIMIT = 32_767;
export const TRUNCATION_NOTE = "……（内容过长，此处已截断，完整内容见“文字材料汇编”工作表）";

/** Defaults for the consolidation's cover when the clerk gives none (it must still pass the checks). */
export const DEFAULT_META = { preparer: "系统汇总", phone: "00000000", head: "系统汇总" } as const;

type Scaled = { current: number | null; prior: number | null; target: number | null; units: Total["units"] };
type Reported = UnitEntry & { report: UnitReport };
const unscale = (n: number | null) => (n === null ? null : fromScaled(n));

/**
 * Merge checked reports into a consolidation.
 * Sums counts and amounts exactly, recomputes ratios from summed parts, lists
 * missing and unlisted units, and keeps replaced reports as history.
 */
export function mergeReports(inputs: readonly MergeInput[], options: MergeOptions = {}): MergeResult {
  let period: Period | null = null;
  if (options.period !== undefined) {
    period = parsePeriod(options.period);
    if (!period) return { ok: false, code: "BAD_PERIOD", message: `期间“${options.period}”无法识别。请写成 2025-Y、2025-H1、2025年上半年、2025年1-6月、2025-Q3 或 2025年1—10月。` };
  } else {
    const agreed = agreedPeriod(inputs);
    if (!agreed.ok) return agreed;
    period = agreed.period;
  }
  if (!period) return nothingToMerge([]);

  const cat = options.catalogue ?? BUILTIN;
  const { inputs: INPUT_INDICATORS } = indexOf(cat);
  const rejected: Rejection[] = [];
  const accepted: { input: MergeInput; index: number }[] = [];
  inputs.forEach((input, index) => {
    if (input.record.templateId !== cat.id) {
      rejected.push({
        source: input.source ?? input.record.unit.name,
        code: "OTHER_LIBRARY",
        message: `这是另一种报表（模板标识 ${input.record.templateId}），本次汇总的是“${cat.title}”（${cat.id}），未汇总。`,
      });
    } else if (!samePeriod(input.record.period, period!)) {
      rejected.push({
        source: input.source ?? input.record.unit.name,
        code: "PERIOD_MISMATCH",
        message: `报告期为“${input.record.period.label}”，本次汇总的是“${period!.label}”，未汇总。`,
      });
    } else accepted.push({ input: options.targets ? withAssignedTargets(input, options.targets, cat) : input, index });
  });

  const nested = nestedInputs(accepted.map((a) => a.input), options.roster);
  if (nested.length) {
    if (!options.consolidationsOnly) return { ok: false, code: "DOUBLE_COUNTING", message: doubleCountingMessage(nested) };
    const inner = new Map(nested.map((n) => [n.inner, n.outer]));
    for (let i = accepted.length - 1; i >= 0; i--) {
      const outer = inner.get(accepted[i]!.input);
      if (!outer) continue;
      const { input } = accepted.splice(i, 1)[0]!;
      rejected.push({ source: input.source ?? input.record.unit.name, code: "INCLUDED_IN_CONSOLIDATION", message: `${input.record.unit.name}已包含在${outer.record.unit.name}的汇总表中，未重复汇总。` });
    }
  }
  if (accepted.length === 0) return nothingToMerge(rejected);

  // Units: roster first (its order is the report's order), then whoever else reported.
  const roster = options.roster;
  const entries: UnitEntry[] = (roster ?? []).map((u) => ({ name: u.name, code: u.code, parent: u.parent, status: "missing", unlisted: false, superseded: [], warnings: 0 }));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const byName = new Map<string, UnitEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  const reports = new Map<UnitEntry, { input: MergeInput; index: number }[]>();
  const unlisted: UnitEntry[] = [];
  for (const a of accepted) {
    const { name, code } = a.input.record.unit;
    let entry = byCode.get(code);
    if (!entry && roster) {
      const named = byName.get(name);
      // Matched on the name only: counted, but the differing code is shown.
      if (named) {
        entry = named;
        entry.reportedCode = code;
      }
    }
    if (!entry) {
      // The report's own name is authoritative for unlisted units; roster units keep the roster's name.
      entry = { name, code, parent: "", status: "missing", unlisted: Boolean(roster), superseded: [], warnings: 0 };
      byCode.set(code, entry);
      unlisted.push(entry);
    }
    const list = reports.get(entry) ?? [];
    list.push(a);
    reports.set(entry, list);
  }
  unlisted.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : x.name.localeCompare(y.name)));
  const units = [...entries, ...unlisted];

  const asReport = (x: { input: MergeInput }, i: number): UnitReport => ({
    record: x.input.record,
    source: x.input.source,
    submittedAt: x.input.submittedAt,
    ...(x.input.late !== undefined ? { late: x.input.late } : {}),
    version: i + 1,
  });
  let supersededCount = 0;
  for (const [entry, list] of reports) {
    // Stable (Array.prototype.sort): of two reports compareReports cannot tell apart, the later input counts.
    list.sort((x, y) => compareReports(x.input, y.input));
    const all = list.map(asReport);
    entry.report = all[all.length - 1]!;
    entry.superseded = all.slice(0, -1);
    if (entry.superseded.length) entry.chosen = whyChosen(list[list.length - 1]!.input, list[list.length - 2]!.input);
    supersededCount += entry.superseded.length;
    entry.status = "submitted";
    entry.warnings = entry.report.record.warnings.filter(carried).length;
  }
  const reported = units.filter((u): u is Reported => Boolean(u.report));
  const counted = reported.map((u) => u.report.record);
  const slips = crossUnitSlips(counted, { catalogue: cat, settings: { ...ruleSettingsOf(cat), ...options.settings } });
  const slipsOf = new Map<string, typeof slips>();
  for (const s of slips) {
    const list = slipsOf.get(s.unitCode) ?? [];
    list.push(s);
    slipsOf.set(s.unitCode, list);
  }

  const scaled = sumScaled(counted, INPUT_INDICATORS);
  const totals = totalsFrom(scaled, cat);
  const versionNotes = versionNotesOf(reported, cat);

  const unit = consolidatingUnit(options, roster, counted);
  const own = options.targets ? ownTargets(options.targets, unit) : {};
  applyOwnTargets(totals, own);
  const dates = counted.map((r) => r.meta.date).filter((d): d is string => Boolean(d)).sort();
  const meta = {
    preparer: options.meta?.preparer ?? DEFAULT_META.preparer,
    phone: options.meta?.phone ?? DEFAULT_META.phone,
    head: options.meta?.head ?? DEFAULT_META.head,
    date: options.meta?.date ?? dates[dates.length - 1] ?? null,
  };
  const missing = units.filter((u) => u.status === "missing").length;
  const counts = { expected: roster ? roster.length : null, submitted: counted.length, missing, unlisted: unlisted.length, superseded: supersededCount };

  const warnings: CarriedWarning[] = [];
  for (const u of reported) {
    for (const f of u.report.record.warnings) if (carried(f)) warnings.push({ unit: u.name, unitCode: u.code, finding: f });
    for (const s of slipsOf.get(u.report.record.unit.code) ?? []) {
      warnings.push({ unit: u.name, unitCode: u.code, finding: s.finding, reference: s.reference });
      u.warnings++;
    }
  }

  const values: Record<string, IndicatorValues> = {};
  for (const ind of INPUT_INDICATORS) {
    const s = scaled[ind.code]!;
    values[ind.code] = {
      current: unscale(s.current),
      prior: unscale(s.prior),
      target: own[ind.code] ?? unscale(s.target),
      note: `由${s.units.current}个单位汇总${missing ? `（缺报${missing}个）` : ""}`,
    };
  }
  const record: ReportRecord = {
    schema: 1,
    templateId: cat.id,
    templateVersion: cat.version,
    unit,
    period,
    meta,
    values,
    narrative: consolidatedNarrative(reported, cat),
    warnings: [],
  };
  return { ok: true, consolidation: { catalogue: cat, versionNotes, period, schedule: scheduleOf(period), unit, meta, totals, units, rejected, warnings, counts, record } };
}

/** Reports made with another version of the library: the codes each lacks and the codes it has that this version does not. */
function versionNotesOf(reported: readonly Reported[], cat: Catalogue): VersionNote[] {
  const inputs = indexOf(cat).inputs;
  const out: VersionNote[] = [];
  for (const u of reported) {
    const r = u.report.record;
    if (r.templateVersion === cat.version) continue;
    const added = inputs.filter((i) => !(i.code in r.values)).map((i) => i.code);
    const dropped = Object.keys(r.values).filter((code) => !indexOf(cat).byCode.has(code));
    out.push({ unit: u.name, unitCode: u.code, version: r.templateVersion, added, dropped });
  }
  return out;
}

/** A warning of the unit's own checks; cross-unit slips found at submission are found again against every input. */
const carried = (f: Finding) => f.rule !== "UNIT_SLIP_PEERS" && f.rule !== "UNIT_SLIP_LAST_YEAR";

function sumScaled(records: readonly ReportRecord[], INPUT_INDICATORS: readonly Indicator[]): Record<string, Scaled> {
  const out: Record<string, Scaled> = {};
  for (const ind of INPUT_INDICATORS) {
    let current: number | null = null;
    let prior: number | null = null;
    let target: number | null = null;
    const units = { current: 0, prior: 0, target: 0 };
    // Three named fields rather than a loop over the value columns: keyed access makes this hot loop ~3× slower.
    for (const r of records) {
      const v = r.values[ind.code];
      if (!v) continue;
      if (typeof v.current === "number" && Number.isFinite(v.current)) {
        current = (current ?? 0) + toScaled(v.current);
        units.current++;
      }
      if (typeof v.prior === "number" && Number.isFinite(v.prior)) {
        prior = (prior ?? 0) + toScaled(v.prior);
        units.prior++;
      }
      if (typeof v.target === "number" && Number.isFinite(v.target)) {
        target = (target ?? 0) + toScaled(v.target);
        units.target++;
      }
    }
    // 上年同期 and 全年目标 count only when every reporting unit gave one: a partial sum would
    // compare unlike with like (growth, completion) and could break 其中 ≤ 合计 at the next level.
    if (units.prior < units.current) prior = null;
    if (units.target < units.current) target = null;
    out[ind.code] = { current, prior, target, units };
  }
  return out;
}

function totalsFrom(scaled: Record<string, Scaled>, cat: Catalogue): Record<string, Total> {
  const totals: Record<string, Total> = {};
  for (const ind of cat.indicators) {
    if (ind.kind === "ratio") {
      const n = scaled[ind.numerator!]!;
      const d = scaled[ind.denominator!]!;
      const current = ratioOf(n.current, d.current);
      const prior = ratioOf(n.prior, d.prior);
      totals[ind.code] = {
        code: ind.code,
        current,
        prior,
        target: ratioOf(n.target, d.target),
        delta: null,
        growth: null,
        growthLabel: null,
        change: pointsChange(current, prior),
        completion: null,
        units: { current: Math.min(n.units.current, d.units.current), prior: Math.min(n.units.prior, d.units.prior), target: Math.min(n.units.target, d.units.target) },
      };
      continue;
    }
    const s = scaled[ind.code]!;
    totals[ind.code] = {
      code: ind.code,
      current: unscale(s.current),
      prior: unscale(s.prior),
      target: unscale(s.target),
      delta: s.current !== null && s.prior !== null ? fromScaled(s.current - s.prior) : null,
      growth: growthOf(s.current, s.prior),
      growthLabel: growthLabel(s.current, s.prior),
      change: null,
      completion: completionOf(s.current, s.target),
      units: s.units,
    };
  }
  return totals;
}

/** Derive the consolidating unit: option, the roster's common parent, or the level above the units' codes. */
function consolidatingUnit(options: MergeOptions, roster: readonly RosterUnit[] | undefined, counted: readonly ReportRecord[]): Consolidation["unit"] {
  let code = options.unit?.code;
  if (!code && roster) {
    const parents = new Set(roster.map((u) => u.parent).filter(Boolean));
    if (parents.size === 1) code = [...parents][0]!;
  }
  if (!code) {
    const codes = (roster && roster.length ? roster.map((u) => u.code) : counted.map((r) => r.unit.code)).filter((c) => /^\d{12}$/.test(c));
    for (const len of [6, 4, 2]) {
      const first = codes[0];
      if (!first) break;
      const prefix = first.slice(0, len);
      const candidate = prefix.padEnd(12, "0");
      if (codes.every((c) => c.startsWith(prefix)) && !codes.includes(candidate)) {
        code = candidate;
        break;
      }
    }
  }
  code ??= "000000000000";
  const type = code.endsWith("00000000") ? "市" : "县（市、区）";
  return { name: options.unit?.name ?? `汇总（${code}）`, code, type };
}

/** Each section: the units' texts under their names, bounded to what one cell holds. */
function consolidatedNarrative(reported: readonly Reported[], cat: Catalogue): Record<NarrativeKey, string> {
  const out = {} as Record<NarrativeKey, string>;
  for (const s of cat.narrative) {
    const parts = reported.map((u) => `【${u.name}】${u.report.record.narrative[s.key] ?? ""}`);
    out[s.key] = boundText(parts.join("\n\n"));
  }
  return out;
}

/** Truncate a text to one cell's limit, saying so. */
export function boundText(text: string, limit = CELL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let cut = limit - TRUNCATION_NOTE.length;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? "")) cut--;
  return text.slice(0, cut) + TRUNCATION_NOTE;
}

/** Split a long text into cell-sized pieces (for 文字材料汇编). */
export function splitText(text: string, size = 32_000): string[] {
  if (text.length <= size) return [text];
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
