/**
 * The unit's log: how versions and reviews are committed.
 *
 * Commit protocol. A version is two objects under the unit's folder, the
 * original `.xlsx` and the `.json` envelope (record, findings, who, when),
 * then a slot in the unit's log (`log/000001.json`, …), which is the commit
 * mark. Every write is create-only and retry-safe (`putOnce`: a 412 that
 * finds our own bytes is success, so an SDK retry of a write whose answer
 * was lost cannot turn into a failure). The log slot is taken with a
 * create-only write of slot max+1: of two processes racing for a slot, one
 * wins and the other re-reads the log and tries the next one, so versions
 * get unique, gap-free `seq` numbers across processes (two Lambdas), and a
 * review is a log slot too: it is written only if the version it names is
 * still the latest in the log as it stands right before its own slot, so a
 * review can never land on a version already superseded.
 *
 * Nothing is deleted once its commit mark may exist: if the log write fails
 * in an unknown way (timeout, 5xx) the objects stay (the version may be
 * committed). Leftovers (objects of a version without a log slot) are
 * removed by {@link sweepUncommitted} only when provably uncommitted: a
 * commit is attempted only within {@link COMMIT_WINDOW_MS} of the version
 * id's time, and the sweep waits far longer.
 */
import type { Review } from "./reports";
import {
  logKey,
  MAX_LOG_SLOT,
  parseLogKey,
  parseVersionKey,
  putJsonOnce,
  StorageConflict,
  unitPrefix,
  unitsPrefix,
  versionIdTime,
  type ObjectStore,
} from "../storage/index";

/** A version is committed (its log slot written) only within this time of its id's time; see the module note. */
export const COMMIT_WINDOW_MS = 5 * 60 * 1000;
/** Objects of a version with no log slot are swept only after this long (far beyond {@link COMMIT_WINDOW_MS}). */
export const SWEEP_AFTER_MS = 60 * 60 * 1000;

/**
 * Versions and reviews are written once (create-only) and never change, so
 * what was read of them can be kept for the life of the process: status
 * calls then read only what is new. Kept per store, bounded.
 */
const immutableCache = new WeakMap<ObjectStore, Map<string, Promise<unknown>>>();
export const CACHE_LIMIT = 20_000;

export function cached<T>(store: ObjectStore, key: string, load: () => Promise<T>): Promise<T> {
  let cache = immutableCache.get(store);
  if (!cache) immutableCache.set(store, (cache = new Map()));
  const known = cache.get(key) as Promise<T> | undefined;
  if (known) return known;
  // The read itself is kept, so requests that want the same object at once read it once (a burst of
  // 50 submissions each read every new log entry and record of the period: 2,500 reads, not 100).
  const value = load();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (cache.get(key) === value) cache.delete(key);
  });
  return value;
}


/** A unit's log read back: committed versions and reviews in log order, and the highest slot taken. */
export interface UnitHistory {
  versions: string[];
  reviews: Review[];
  slots: number;
}

const EMPTY_HISTORY: UnitHistory = { versions: [], reviews: [], slots: 0 };

/** Group log keys by unit, read each entry (immutable, cached) and replay them in slot order. */
async function historyFromKeys(store: ObjectStore, keys: readonly string[]): Promise<Map<string, UnitHistory>> {
  const slotsByUnit = new Map<string, { periodId: string; slots: number[] }>();
  for (const key of keys) {
    const l = parseLogKey(key);
    if (!l) continue;
    let u = slotsByUnit.get(l.unitCode);
    if (!u) slotsByUnit.set(l.unitCode, (u = { periodId: l.periodId, slots: [] }));
    u.slots.push(l.slot);
  }
  const byUnit = new Map<string, UnitHistory>();
  await Promise.all(
    [...slotsByUnit].map(async ([unitCode, u]) => {
      u.slots.sort((a, b) => a - b);
      const entries = await Promise.all(u.slots.map((slot) => {
        const key = logKey(u.periodId, unitCode, slot);
        return cached(store, key, () => store.getJson<LogEntry>(key));
      }));
      const h: UnitHistory = { versions: [], reviews: [], slots: u.slots[u.slots.length - 1] ?? 0 };
      for (const e of entries) {
        if (e.kind === "version") h.versions.push(e.version);
        else h.reviews.push(e.review);
      }
      byUnit.set(unitCode, h);
    }),
  );
  return byUnit;
}

export async function unitHistory(store: ObjectStore, periodId: string, unitCode: string): Promise<UnitHistory> {
  return (await historyFromKeys(store, await store.list(unitPrefix(periodId, unitCode) + "log/"))).get(unitCode) ?? EMPTY_HISTORY;
}

/** Every unit's history in the period, from one listing. */
export async function periodHistory(store: ObjectStore, periodId: string): Promise<Map<string, UnitHistory>> {
  return historyFromKeys(store, await store.list(unitsPrefix(periodId)));
}

/** The commit of a version was attempted too late (see {@link COMMIT_WINDOW_MS}); its objects may be swept. */
export class CommitWindowPassed extends StorageConflict {}

export type LogBody = { kind: "version"; version: string; at: string } | { kind: "review"; review: Review };
type LogEntry = LogBody & { schema: "huizong.log/1"; slot: number };

/**
 * Append `body` to the unit's log in the first free slot. Before each try,
 * `guard` sees the log as it stands right before that slot and may refuse
 * (its non-null answer is returned, nothing written). A lost race for a slot
 * (someone else's entry there) re-reads the log and tries again; our own
 * entry found there (a retried write) is success.
 */
export async function appendLog<R>(
  store: ObjectStore,
  periodId: string,
  unitCode: string,
  body: LogBody,
  guard: (history: UnitHistory) => R | null,
): Promise<{ refused: R; history: UnitHistory } | { refused: null; history: UnitHistory; slot: number }> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const history = await unitHistory(store, periodId, unitCode);
    const refused = guard(history);
    if (refused !== null) return { refused, history };
    const slot = history.slots + 1;
    if (slot > MAX_LOG_SLOT) break;
    const entry: LogEntry = { schema: "huizong.log/1", slot, ...body };
    try {
      await putJsonOnce(store, logKey(periodId, unitCode, slot), entry);
      return { refused: null, history, slot };
    } catch (err) {
      if (err instanceof StorageConflict && !(err instanceof CommitWindowPassed)) continue;
      throw err;
    }
  }
  throw new StorageConflict(logKey(periodId, unitCode, 1));
}

/**
 * Remove the objects of versions that never got a log slot (a process died
 * or failed between the writes) once they are provably uncommitted: older
 * than {@link SWEEP_AFTER_MS}, while a commit is only ever attempted within
 * {@link COMMIT_WINDOW_MS} of the version's time. Returns the removed keys.
 */
export async function sweepUncommitted(store: ObjectStore, periodId: string, now: Date = new Date()): Promise<string[]> {
  const keys = await store.list(unitsPrefix(periodId));
  const byUnit = await periodHistory(store, periodId);
  const removed: string[] = [];
  for (const key of keys) {
    const v = parseVersionKey(key);
    if (!v) continue;
    if (byUnit.get(v.unitCode)?.versions.includes(v.versionId)) continue;
    if (now.getTime() - versionIdTime(v.versionId).getTime() < SWEEP_AFTER_MS) continue;
    await store.delete(key);
    removed.push(key);
  }
  return removed;
}

const unitLocks = new Map<string, Promise<unknown>>();

/** Run `fn` after every earlier call with the same key has settled (an in-process FIFO mutex). */
export function withUnitLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = unitLocks.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  unitLocks.set(key, tail);
  void tail.then(() => {
    if (unitLocks.get(key) === tail) unitLocks.delete(key);
  });
  return run;
}
