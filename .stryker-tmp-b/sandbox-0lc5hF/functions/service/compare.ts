/**
 * One version of a unit's report as a reviewer reads it: every figure with
 * 本期 / 上年同期 / 增减, what the same unit reported for the same span last
 * year (where stored), the clerk's 备注 beside each warning, and — against an
 * earlier version — which figures changed by how much and which narrative
 * sections changed.
 */
// @ts-nocheck

import { BUILTIN, indexOf, type Catalogue } from "../../templates/catalogue";
import { findLibrary } from "./libraries";
import { growthOf } from "../../templates/merge/growth";
import { parsePeriodId } from "../../templates/period";
import type { ObjectStore } from "../storage/index";
import { getVersion, newestVersion, type StoredVersion } from "./reports";

export interface FigureRow {
  code: string;
  name: string;
  unit: string;
  current: number | null;
  prior: number | null;
  /** (本期 − 上年同期) / 上年同期; null without a base. */
  growth: number | null;
  /** 本期 as the same unit reported it for the same span last year (its newest accepted, else newest version). */
  lastYearReported: number | null;
  note: string | null;
  /** 本期 in the compared (earlier) version, when comparing. */
  before?: number | null;
  /** 本期 − before, when comparing and both are numbers. */
  delta?: number | null;
}

export interface NarrativeRow {
  key: string;
  title: string;
  text: string;
  /** The section's text differs from the compared version's (when comparing). */
  changed?: boolean;
}

export interface ReportDetail {
  version: string;
  submittedAt: string;
  sha256: string;
  late: boolean;
  preparer: string;
  phone: string;
  figures: FigureRow[];
  /** Warnings carried by the version, each with the clerk's 备注 of its row. */
  warnings: Array<{ rule: string; cell: string; message: string; indicator: string | null; note: string | null }>;
  narrative: NarrativeRow[];
  /** The compared version, when asked and found. */
  compared: string | null;
  /** Codes of figures whose 本期 changed against the compared version. */
  changedFigures: string[];
  lastYearPeriod: string | null;
}

const exact = (n: number) => Math.round(n * 10_000) / 10_000;

function lastYearId(periodId: string): string | null {
  const p = parsePeriodId(periodId);
  return p ? `${p.year - 1}-${p.span}` : null;
}

/** The detail of `version` (null when it does not exist), compared with `compareTo` when given. */
export async function reportDetail(store: ObjectStore, periodId: string, unitCode: string, version: string, compareTo?: string): Promise<ReportDetail | null> {
  const stored = await getVersion(store, periodId, unitCode, version);
  if (!stored) return null;
  const lyId = lastYearId(periodId);
  const [before, lastYear] = await Promise.all([
    compareTo ? getVersion(store, periodId, unitCode, compareTo) : Promise.resolve(null),
    lyId ? newestVersion(store, lyId, unitCode, true).catch(() => null) : Promise.resolve(null),
  ]);
  // The figures as the report's own library lists them (kept by the server when the report came in).
  const cat = (await findLibrary(store, { id: stored.record.templateId, version: stored.record.templateVersion }).catch(() => null)) ?? BUILTIN;
  return describe(stored, before, lastYear, lyId, cat);
}

function describe(stored: StoredVersion, before: StoredVersion | null, lastYear: StoredVersion | null, lyId: string | null, cat: Catalogue): ReportDetail {
  const values = stored.record.values;
  const changedFigures: string[] = [];
  const figures = indexOf(cat).inputs.map((ind): FigureRow => {
    const v = values[ind.code];
    const current = v?.current ?? null;
    const prior = v?.prior ?? null;
    const row: FigureRow = {
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      current,
      prior,
      growth: growthOf(current, prior),
      lastYearReported: lastYear?.record.values[ind.code]?.current ?? null,
      note: v?.note ?? null,
    };
    if (before) {
      const was = before.record.values[ind.code]?.current ?? null;
      row.before = was;
      row.delta = current !== null && was !== null ? exact(current - was) : null;
      if (was !== current) changedFigures.push(ind.code);
    }
    return row;
  });
  const narrative = cat.narrative.map((s): NarrativeRow => {
    const text = stored.record.narrative[s.key];
    return { key: s.key, title: s.title, text, ...(before ? { changed: before.record.narrative[s.key] !== text } : {}) };
  });
  return {
    version: stored.version,
    submittedAt: stored.submittedAt,
    sha256: stored.sha256.slice(0, 12),
    late: stored.late === true,
    preparer: stored.record.meta.preparer,
    phone: stored.record.meta.phone,
    figures,
    warnings: stored.findings
      .filter((f) => f.severity === "warning")
      .map((f) => ({ rule: f.rule, cell: `${f.sheet}!${f.cell}`, message: f.message, indicator: f.indicator ?? null, note: (f.indicator ? values[f.indicator]?.note : undefined) ?? null })),
    narrative,
    compared: before?.version ?? null,
    changedFigures,
    lastYearPeriod: lastYear ? lyId : null,
  };
}
