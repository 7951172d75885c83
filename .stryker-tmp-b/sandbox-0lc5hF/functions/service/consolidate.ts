/**
 * Consolidation: pick one record per unit below a county or the city, hand
 * them to the merge engine (templates/merge), store the workbook and a JSON
 * note of what went into it.
 */
// @ts-nocheck

import type { Catalogue } from "../../templates/catalogue";
import type { Period } from "../../templates/period";
import { findLibrary } from "./libraries";
import { getPeriod } from "./periods";
import type { ReportRecord } from "../../templates/record";
import { consolidationKeys, newVersionId, type ObjectStore } from "../storage/index";
import { recordsForMerge, type Actor } from "./reports";
import type { TargetTable } from "../../templates/targets/table";
import { loadTargets } from "./targets";
import { reportingUnitsUnder, type Roster, type RosterUnit } from "./roster";

export interface MergeInput {
  period: Period;
  /** The county or city being consolidated. */
  parent: RosterUnit;
  /** Every reporting unit expected below the parent (missing ones must show as missing). */
  units: RosterUnit[];
  /** One report per unit that has one. */
  reports: Array<{ record: ReportRecord; source: string; submittedAt: string; late: boolean }>;
  now: Date;
  /** The bureau's IANA zone: the workbook's dates and times are shown in it. */
  timeZone: string;
  /** The year's target table, when the city uploaded one (完成率 against assigned targets). */
  targets?: TargetTable;
  /** The library the period collects (default the built-in one). */
  catalogue?: Catalogue;
}

export interface MergeOutput {
  bytes: Uint8Array;
  /** Expected / submitted / missing counts. */
  counts: Record<string, number | null>;
  /** Per-indicator totals, as the answer and the JSON note carry them. */
  totals: Record<string, unknown>;
  /** The summary drafted from the consolidation (.docx), stored beside the workbook. */
  draft?: Uint8Array;
}

/** The merge as the server needs it: records in, workbook bytes out. */
export type MergeEngine = (input: MergeInput) => Promise<MergeOutput>;

export interface Consolidation {
  schema: "huizong.consolidation/1";
  id: string;
  periodId: string;
  parent: string;
  include: "accepted" | "submitted";
  createdAt: string;
  createdBy: Actor;
  /** unit code → version used. */
  versions: Record<string, string>;
  missing: string[];
  counts: Record<string, number | null>;
  totals: Record<string, unknown>;
  fileName: string;
  /** File name of the drafted summary, when one was written. */
  draftFileName?: string;
}

export type ConsolidateResult = { ok: true; consolidation: Consolidation; key: string; draftKey?: string } | { ok: false; kind: "nothing" };

export async function consolidate(
  store: ObjectStore,
  engine: MergeEngine,
  input: { period: Period; parent: RosterUnit; roster: Roster; include: "accepted" | "submitted"; by: Actor; now: Date; timeZone: string },
): Promise<ConsolidateResult> {
  const units = reportingUnitsUnder(input.roster, input.parent.code);
  const picked = await recordsForMerge(store, input.period.id, units, input.include);
  if (picked.length === 0) return { ok: false, kind: "nothing" };
  const targets = await loadTargets(store, input.period.year);
  const catalogue = (await findLibrary(store, (await getPeriod(store, input.period.id))?.library)) ?? undefined;
  const { bytes, counts, totals, draft } = await engine({
    catalogue,
    period: input.period,
    parent: input.parent,
    units,
    reports: picked.map((p) => ({ record: p.stored.record, source: p.stored.version, submittedAt: p.stored.submittedAt, late: p.stored.late === true })),
    now: input.now,
    timeZone: input.timeZone,
    ...(targets ? { targets: targets.table } : {}),
  });
  const id = newVersionId();
  const keys = consolidationKeys(input.period.id, input.parent.code, id);
  const have = new Set(picked.map((p) => p.unit.code));
  const consolidation: Consolidation = {
    schema: "huizong.consolidation/1",
    id,
    periodId: input.period.id,
    parent: input.parent.code,
    include: input.include,
    createdAt: input.now.toISOString(),
    createdBy: input.by,
    versions: Object.fromEntries(picked.map((p) => [p.unit.code, p.stored.version])),
    missing: units.filter((u) => !have.has(u.code)).map((u) => u.code),
    counts,
    totals,
    fileName: `${input.parent.name}${input.period.label}科技工作情况汇总表.xlsx`,
    ...(draft ? { draftFileName: `${input.parent.name}${input.period.label}科技工作情况汇总（初稿）.docx` } : {}),
  };
  await store.put(keys.xlsx, bytes, { ifAbsent: true });
  if (draft) await store.put(keys.docx, draft, { ifAbsent: true });
  await store.putJson(keys.json, consolidation, { ifAbsent: true });
  return { ok: true, consolidation, key: keys.xlsx, ...(draft ? { draftKey: keys.docx } : {}) };
}
