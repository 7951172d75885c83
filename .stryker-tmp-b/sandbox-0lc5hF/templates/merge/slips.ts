/**
 * Slips only visible across units: 亿元 typed into a 万元 row (consistently, so
 * the report's own 本期/上年同期 agree and its checks see nothing), or 万元 into a
 * 亿元 row. One pure function over records, called by the merge (all inputs of
 * the period) and by the server at submission (the new report against what it
 * already holds for the period, and the unit's report of the same period last year).
 */
// @ts-nocheck

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
  if (/^\d{2}0{10}$/.test(code)) return 2;
  if (/^\d{4}0{8}$/.test(code)) return 4;
  if (/^\d{6}0{6}$/.test(code)) return 6;
  if (/^\d{9}000$/.test(code)) return 9;
  return 12;
}

/** First index of `v` in an ascending array that holds it. */
function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Median of an ascending array with the element at `skip` left out. */
function medianWithout(sorted: readonly number[], skip: number): number {
  const n = sorted.length - 1;
  const at = (k: number) => sorted[k < skip ? k : k + 1]!;
  const mid = n >> 1;
  return n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}


/**
 * Amounts ≥ 100× or ≤ 1/100 of the median of the unit's peers (the other units of
 * the same level with the figure above 0, at least three), or ≥ 100× (≤ 1/100) the
 * unit's own last-year report. Warnings: they need an explanation in the row's 备注.
 */
export function crossUnitSlips(records: readonly Slice[], options: SlipOptions = {}): SlipFinding[] {
  const cat = options.catalogue ?? BUILTIN;
  const AMOUNTS = indexOf(cat).inputs.filter((i) => i.kind === "amount");
  const cellOf = (ind: Indicator) => layoutOf(cat).indicatorCell(ind.code, "current");
  const place = (ind: Indicator) => placeIn(cellOf(ind));
  const out: SlipFinding[] = [];
  const only = options.only ? new Set(options.only) : null;
  const lastYear = new Map((options.lastYear ?? []).map((r) => [r.unit.code, r]));
  const { peerSlipFactor: k, minPeers } = ruleSettings(options.settings);
  const slipped = (factor: number) => factor >= k || factor <= 1 / k;
  const levels = new Map<number, Slice[]>();
  for (const r of records) {
    const level = codeLevel(r.unit.code);
    const list = levels.get(level) ?? [];
    list.push(r);
    levels.set(level, list);
  }
  for (const ind of AMOUNTS) {
    for (const group of levels.values()) {
      const positive = group.map((r) => ({ r, v: r.values[ind.code]?.current ?? null })).filter((x): x is { r: Slice; v: number } => x.v !== null && x.v > 0);
      const sorted = positive.map((x) => x.v).sort((a, b) => a - b);
      for (const { r, v } of positive) {
        if (only && !only.has(r.unit.code)) continue;
        const note = Boolean(r.values[ind.code]?.note);
        // The unit's own figure is left out of its peers' median (read around it, not copied: O(1) per unit).
        const peers = sorted.length - 1;
        const extra = { indicator: ind.code, explained: note };
        const base = { unitName: r.unit.name, item: ind.name, value: v, unit: ind.unit };
        if (peers >= minPeers) {
          const m = medianWithout(sorted, lowerBound(sorted, v));
          const factor = v / m;
          if (slipped(factor)) {
            const at = `${SHEETS.indicators}!${cellOf(ind)}，本表金额单位为${ind.unit}`;
            const finding = ruleFinding("UNIT_SLIP_PEERS", place(ind), { ...base, factor, at, peers, median: m }, extra);
            out.push({ unit: r.unit.name, unitCode: r.unit.code, reference: m, peers, finding });
            continue;
          }
        }
        const last = lastYear.get(r.unit.code)?.values[ind.code]?.current ?? null;
        if (last !== null && last > 0) {
          const factor = v / last;
          if (slipped(factor)) {
            const finding = ruleFinding("UNIT_SLIP_LAST_YEAR", place(ind), { ...base, factor, at: `${SHEETS.indicators}!${cellOf(ind)}`, last }, extra);
            out.push({ unit: r.unit.name, unitCode: r.unit.code, reference: last, peers: 0, finding });
          }
        }
      }
    }
  }
  return out;
}

/** A slip warning sits at the indicator's 本期 cell (of the records' library). */
const placeIn = (cell: string) => ({ sheet: SHEETS.indicators, cell });
