/**
 * Reports of one period: submitting a version, reviewing it (退回 / 通过),
 * and reading back versions and every unit's state. Pure of HTTP: results
 * are data the handlers map to answers.
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
import { createHash } from "node:crypto";
import { DEFAULT_VERSIONS_PER_HOUR } from "../config";
import type { ReadFailure } from "../../templates/errors";
import { hasErrors, unexplainedWarnings, type Finding } from "../../templates/findings";
import { inspectWorkbook } from "../../templates/inspect";
import type { ReportRecord } from "../../templates/record";
import { divisionCodeOf } from "../../templates/checks";
import {
  logKey,
  MAX_LOG_SLOT,
  newVersionId,
  parseLogKey,
  parseVersionKey,
  versionIdTime,
  unitPrefix,
  unitsPrefix,
  versionKeys,
  putJsonOnce,
  putOnce,
  StorageConflict,
  StorageNotFound,
  type ObjectStore,
} from "../storage/index";
import { getPeriod } from "./periods";
import type { RosterUnit } from "./roster";

export type ReportState = "missing" | "submitted" | "has_warnings" | "returned" | "accepted";

export interface Actor {
  code: string;
  name: string;
  role: string;
}

/** The `.json` beside each uploaded original. */
export interface StoredVersion {
  schema: "huizong.version/1";
  version: string;
  periodId: string;
  unitCode: string;
  submittedAt: string;
  submittedBy: Actor;
  size: number;
  sha256: string;
  /** Every finding of the checks at submission (warnings all explained). */
  findings: Finding[];
  record: ReportRecord;
}

export interface Review {
  id: string;
  version: string;
  action: "return" | "accept";
  reason: string;
  by: Actor;
  at: string;
}

export interface VersionSummary {
  version: string;
  /** 1-based position in the unit's history for the period. */
  seq: number;
  submittedAt: string;
  submittedBy: Actor;
  preparer: string;
  warnings: number;
  state: Exclude<ReportState, "missing">;
  review?: Review;
}

export type SubmitResult =
  | { ok: true; version: VersionSummary; findings: Finding[] }
  | { ok: false; kind: "period_not_open" }
  | { ok: false; kind: "too_many_versions"; limit: number; retryAfterSeconds: number }
  | { ok: false; kind: "read"; failure: ReadFailure }
  | { ok: false; kind: "unit_mismatch"; found: string; cell: string; findings: Finding[] }
  | { ok: false; kind: "errors"; findings: Finding[] }
  | { ok: false; kind: "warnings"; findings: Finding[]; unexplained: Finding[] };

export interface SubmitInput {
  periodId: string;
  unitCode: string;
  bytes: Uint8Array;
  by: Actor;
  /** New versions a unit may store per rolling hour (default {@link DEFAULT_VERSIONS_PER_HOUR}). */
  versionsPerHour?: number;
  /** Clock for the hourly limit (default now). */
  now?: Date;
}


/** A version is committed (its log slot written) only within this time of its id's time; see the module note. */
export const COMMIT_WINDOW_MS = 5 * 60 * 1000;
/** Objects of a version with no log slot are swept only after this long (far beyond {@link COMMIT_WINDOW_MS}). */
export const SWEEP_AFTER_MS = 60 * 60 * 1000;

/**
 * Read and check an upload with the shared core and, when it passes, store
 * it as a new version. Warnings pass only when every one is explained in 备注.
 */
export async function submitReport(store: ObjectStore, input: SubmitInput): Promise<SubmitResult> {
  const period = await getPeriod(store, input.periodId);
  if (!period?.open) return { ok: false, kind: "period_not_open" };
  const inspection = inspectWorkbook(input.bytes, { expectedPeriod: input.periodId });
  if (!inspection.ok) return { ok: false, kind: "read", failure: inspection };
  const { findings } = inspection;
  const found = divisionCodeOf(inspection.submission);
  // A malformed or empty code is already an error finding of the checks; only a well-formed other code is a mismatch.
  if (/^\d{12}$/.test(found) && found !== input.unitCode) {
    const { sheet, cell } = inspection.submission.cover.divisionCode;
    return { ok: false, kind: "unit_mismatch", found, cell: `${sheet}!${cell}`, findings };
  }
  const record = inspection.record;
  if (hasErrors(findings) || !record) return { ok: false, kind: "errors", findings };
  const unexplained = unexplainedWarnings(findings);
  if (unexplained.length) return { ok: false, kind: "warnings", findings, unexplained };

  // In one process, a unit's submissions queue behind each other (fewer lost races for a log slot);
  // across processes the create-only log slot decides.
  return withUnitLock(`${input.periodId}/${input.unitCode}`, async () => {
    const now = input.now ?? new Date();
    const limit = input.versionsPerHour ?? DEFAULT_VERSIONS_PER_HOUR;
    const before = await unitHistory(store, input.periodId, input.unitCode);
    const recent = before.versions.map((v) => versionIdTime(v).getTime()).filter((t) => t > now.getTime() - 3600_000);
    if (recent.length >= limit) {
      const oldest = recent[recent.length - limit]!;
      return { ok: false as const, kind: "too_many_versions" as const, limit, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 3600_000 - now.getTime()) / 1000)) };
    }
    const version = newVersionId();
    const keys = versionKeys(input.periodId, input.unitCode, version);
    const stored: StoredVersion = {
      schema: "huizong.version/1",
      version,
      periodId: input.periodId,
      unitCode: input.unitCode,
      // The id's own time, so submittedAt never disagrees with the order of versions.
      submittedAt: versionIdTime(version).toISOString(),
      submittedBy: input.by,
      size: input.bytes.byteLength,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      findings,
      record,
    };
    try {
      await putOnce(store, keys.xlsx, input.bytes);
      await putJsonOnce(store, keys.json, stored);
    } catch (err) {
      // No log slot was attempted: the version is provably uncommitted, so its objects may go.
      await store.delete(keys.json).catch(() => undefined);
      await store.delete(keys.xlsx).catch(() => undefined);
      throw err;
    }
    // From here on the commit mark may exist: whatever happens, the original stays.
    const { history } = await appendLog(store, input.periodId, input.unitCode, { kind: "version", version, at: stored.submittedAt }, () => {
      if (Date.now() - versionIdTime(version).getTime() > COMMIT_WINDOW_MS) throw new CommitWindowPassed(keys.json);
      return null;
    });
    const seq = history.versions.length + 1;
    return { ok: true as const, version: summarize(metaOf(stored), seq, undefined), findings };
  });
}

/** The commit of a version was attempted too late (see {@link COMMIT_WINDOW_MS}); its objects may be swept. */
class CommitWindowPassed extends StorageConflict {}

type LogBody = { kind: "version"; version: string; at: string } | { kind: "review"; review: Review };
type LogEntry = LogBody & { schema: "huizong.log/1"; slot: number };

/**
 * Append `body` to the unit's log in the first free slot. Before each try,
 * `guard` sees the log as it stands right before that slot and may refuse
 * (its non-null answer is returned, nothing written). A lost race for a slot
 * (someone else's entry there) re-reads the log and tries again; our own
 * entry found there (a retried write) is success.
 */
async function appendLog<R>(
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
function withUnitLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = unitLocks.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  unitLocks.set(key, tail);
  void tail.then(() => {
    if (unitLocks.get(key) === tail) unitLocks.delete(key);
  });
  return run;
}

/** A unit's log read back: committed versions and reviews in log order, and the highest slot taken. */
interface UnitHistory {
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

async function unitHistory(store: ObjectStore, periodId: string, unitCode: string): Promise<UnitHistory> {
  return (await historyFromKeys(store, await store.list(unitPrefix(periodId, unitCode) + "log/"))).get(unitCode) ?? EMPTY_HISTORY;
}

/** Every unit's history in the period, from one listing. */
async function periodHistory(store: ObjectStore, periodId: string): Promise<Map<string, UnitHistory>> {
  return historyFromKeys(store, await store.list(unitsPrefix(periodId)));
}

async function readVersion(store: ObjectStore, periodId: string, unitCode: string, version: string): Promise<StoredVersion> {
  return store.getJson<StoredVersion>(versionKeys(periodId, unitCode, version).json);
}

/** What status and history need of a version (the record itself stays in storage). */
interface VersionMeta {
  version: string;
  submittedAt: string;
  submittedBy: Actor;
  preparer: string;
  warnings: number;
}

/**
 * Versions and reviews are written once (create-only) and never change, so
 * what was read of them can be kept for the life of the process: status
 * calls then read only what is new. Kept per store, bounded.
 */
const immutableCache = new WeakMap<ObjectStore, Map<string, unknown>>();
const CACHE_LIMIT = 20_000;

async function cached<T>(store: ObjectStore, key: string, load: () => Promise<T>): Promise<T> {
  let cache = immutableCache.get(store);
  if (!cache) immutableCache.set(store, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = await load();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

function metaOf(stored: StoredVersion): VersionMeta {
  return { version: stored.version, submittedAt: stored.submittedAt, submittedBy: stored.submittedBy, preparer: stored.record.meta.preparer, warnings: stored.record.warnings.length };
}

function readMeta(store: ObjectStore, periodId: string, unitCode: string, version: string): Promise<VersionMeta> {
  const key = versionKeys(periodId, unitCode, version).json;
  return cached(store, key, async () => metaOf(await store.getJson<StoredVersion>(key)));
}

/** The newest review of `version` among `reviews` (time order). */
function lastReviewOf(reviews: readonly Review[], version: string): Review | undefined {
  for (let i = reviews.length - 1; i >= 0; i--) if (reviews[i]!.version === version) return reviews[i];
  return undefined;
}

function stateOf(meta: VersionMeta, review: Review | undefined): VersionSummary["state"] {
  if (review) return review.action === "return" ? "returned" : "accepted";
  return meta.warnings > 0 ? "has_warnings" : "submitted";
}

function summarize(meta: VersionMeta, seq: number, review: Review | undefined): VersionSummary {
  return {
    version: meta.version,
    seq,
    submittedAt: meta.submittedAt,
    submittedBy: meta.submittedBy,
    preparer: meta.preparer,
    warnings: meta.warnings,
    state: stateOf(meta, review),
    ...(review ? { review } : {}),
  };
}

/** Every version of a unit in a period, oldest first, each with its state. */
export async function listVersions(store: ObjectStore, periodId: string, unitCode: string): Promise<VersionSummary[]> {
  const h = await unitHistory(store, periodId, unitCode);
  const stored = await Promise.all(h.versions.map((v) => readMeta(store, periodId, unitCode, v)));
  return stored.map((s, i) => summarize(s, i + 1, lastReviewOf(h.reviews, s.version)));
}

/** One version's stored envelope, or null when there is no such committed version (no log slot names it). */
export async function getVersion(store: ObjectStore, periodId: string, unitCode: string, version: string): Promise<StoredVersion | null> {
  if (!(await unitHistory(store, periodId, unitCode)).versions.includes(version)) return null;
  try {
    return await readVersion(store, periodId, unitCode, version);
  } catch (err) {
    if (err instanceof StorageNotFound) return null;
    throw err;
  }
}

export interface StatusRow {
  code: string;
  name: string;
  type: string;
  parent: string | null;
  state: ReportState;
  version: string | null;
  seq: number;
  preparer: string | null;
  submittedAt: string | null;
  submittedBy: Actor | null;
  warnings: number;
  returnReason: string | null;
  review: Review | null;
}

/**
 * Latest state of each of `units` in the period: one listing of the
 * period's units folder, then the latest `.json` and the reviews of each
 * unit that has submitted.
 */
export async function periodStatus(store: ObjectStore, periodId: string, units: readonly RosterUnit[]): Promise<StatusRow[]> {
  const byUnit = await periodHistory(store, periodId);
  return Promise.all(
    units.map(async (u): Promise<StatusRow> => {
      const h = byUnit.get(u.code);
      const latest = h?.versions[h.versions.length - 1];
      const base = { code: u.code, name: u.name, type: u.type, parent: u.parent };
      if (!h || !latest) {
        return { ...base, state: "missing", version: null, seq: 0, preparer: null, submittedAt: null, submittedBy: null, warnings: 0, returnReason: null, review: null };
      }
      const stored = await readMeta(store, periodId, u.code, latest);
      const review = lastReviewOf(h.reviews, latest);
      const s = summarize(stored, h.versions.length, review);
      return {
        ...base,
        state: s.state,
        version: latest,
        seq: s.seq,
        preparer: s.preparer,
        submittedAt: s.submittedAt,
        submittedBy: s.submittedBy,
        warnings: s.warnings,
        returnReason: review?.action === "return" ? review.reason : null,
        review: review ?? null,
      };
    }),
  );
}

export type ReviewResult = { ok: true; review: Review } | { ok: false; kind: "not_found" | "superseded" };

/** Return (退回, with a reason) or accept the latest version of a unit. */
export async function reviewReport(
  store: ObjectStore,
  input: { periodId: string; unitCode: string; version: string; action: Review["action"]; reason: string; by: Actor; now: Date },
): Promise<ReviewResult> {
  const id = newVersionId();
  const review: Review = { id, version: input.version, action: input.action, reason: input.reason, by: input.by, at: input.now.toISOString() };
  // Decided in the log: the review takes the next slot only if, with the log as it stands right before that
  // slot, the version is the latest; a submission that takes the slot first makes this re-check and refuse.
  const r = await appendLog(store, input.periodId, input.unitCode, { kind: "review", review }, (h) => {
    if (!h.versions.includes(input.version)) return "not_found" as const;
    if (h.versions[h.versions.length - 1] !== input.version) return "superseded" as const;
    return null;
  });
  if (r.refused) return { ok: false, kind: r.refused };
  return { ok: true, review };
}

/**
 * The record each unit contributes to a consolidation: with `accepted`, its
 * newest accepted version; with `submitted`, its newest version whatever
 * its review. Units without one are left out (the merge shows them missing).
 */
export async function recordsForMerge(
  store: ObjectStore,
  periodId: string,
  units: readonly RosterUnit[],
  include: "accepted" | "submitted",
): Promise<Array<{ unit: RosterUnit; stored: StoredVersion }>> {
  const byUnit = await periodHistory(store, periodId);
  const picked = await Promise.all(
    units.map(async (unit) => {
      const h = byUnit.get(unit.code);
      if (!h || h.versions.length === 0) return null;
      let version: string | undefined;
      if (include === "submitted") version = h.versions[h.versions.length - 1];
      else {
        version = [...h.versions].reverse().find((v) => lastReviewOf(h.reviews, v)?.action === "accept");
      }
      return version ? { unit, stored: await readVersion(store, periodId, unit.code, version) } : null;
    }),
  );
  return picked.filter((p): p is { unit: RosterUnit; stored: StoredVersion } => p !== null);
}

