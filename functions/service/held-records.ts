/**
 * What the server holds for a period, as the submission's slip check reads it
 * (peer-slips.ts): the latest record of every unit. Finding it lists the whole
 * period and reads each unit's log, which is work in the number of units; done
 * afresh for every submission, a burst of N submissions did N² of it (50 at
 * once took ~1 s; with 200 towns a submission's median was 287 ms). So the
 * submissions of one process share a snapshot, kept {@link HELD_FOR_MS}, into
 * which this process's own commits go at once (the next submission compares
 * with them). A commit by another process (another Lambda instance) shows within that time: the
 * check compares a figure with its peers' median, which a few seconds' lag
 * does not change, and the merge checks every slip again over all it merges.
 */
import type { ReportRecord } from "../../templates/record";
import { versionKeys, type ObjectStore } from "../storage/index";
import type { StoredVersion } from "./reports";
import { cached, periodHistory } from "./unit-log";

/** How long a snapshot of a period's held records answers (ms). */
export const HELD_FOR_MS = 10_000;

interface Snapshot {
  at: number;
  records: Promise<ReportRecord[]>;
}

const snapshots = new WeakMap<ObjectStore, Map<string, Snapshot>>();

/** The newest record of each unit held for a period, read afresh (versions never change, so records are cached). */
export async function readHeldRecords(store: ObjectStore, periodId: string): Promise<ReportRecord[]> {
  const byUnit = await periodHistory(store, periodId);
  const out = await Promise.all(
    [...byUnit].map(async ([unitCode, h]) => {
      const version = h.versions[h.versions.length - 1];
      if (!version) return null;
      const key = versionKeys(periodId, unitCode, version).json;
      return cached(store, `record:${key}`, async () => (await store.getJson<StoredVersion>(key)).record);
    }),
  );
  return out.filter((r): r is ReportRecord => r !== null);
}

/** The newest record of each unit held for a period, from this process's snapshot when it is fresh (see the module note). */
export function heldRecords(store: ObjectStore, periodId: string, now = Date.now()): Promise<ReportRecord[]> {
  let byPeriod = snapshots.get(store);
  if (!byPeriod) snapshots.set(store, (byPeriod = new Map()));
  const known = byPeriod.get(periodId);
  if (known && now - known.at < HELD_FOR_MS && now >= known.at) return known.records;
  const snapshot: Snapshot = { at: now, records: readHeldRecords(store, periodId) };
  byPeriod.set(periodId, snapshot);
  // A failed read is not kept.
  snapshot.records.catch(() => {
    if (byPeriod.get(periodId) === snapshot) byPeriod.delete(periodId);
  });
  return snapshot.records;
}

/**
 * This process has just committed `record` as the newest version of its unit: the period's snapshot,
 * if any, holds it from now on in place of that unit's older one (no new listing for the next submission).
 */
export function heldRecordCommitted(store: ObjectStore, periodId: string, record: ReportRecord): void {
  const snapshot = snapshots.get(store)?.get(periodId);
  if (!snapshot) return;
  const code = record.unit.code;
  const next = snapshot.records.then((records) => [...records.filter((r) => r.unit.code !== code), record]);
  // A failed read fails this too; the snapshot's own handler drops it, and no one else need hear of it.
  next.catch(() => undefined);
  snapshot.records = next;
}
