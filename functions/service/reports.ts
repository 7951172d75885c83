/**
 * Reports of one period: submitting a version, reviewing it (退回 / 通过),
 * and reading back versions and every unit's state. Pure of HTTP: results
 * are data the handlers map to answers.
 *
 * A version is two objects under the unit's folder, written in this order:
 * the original `.xlsx`, then the `.json` envelope (record, findings, who,
 * when). The `.json` is the commit mark: a version whose `.json` is missing
 * (the process died in between) does not exist for anyone, so a killed
 * write never shows up as a half version. Both writes are create-only
 * (`ifAbsent`), so history is never overwritten.
 */
import { createHash } from "node:crypto";
import type { ReadFailure } from "../../templates/errors";
import { hasErrors, unexplainedWarnings, type Finding } from "../../templates/findings";
import { inspectWorkbook } from "../../templates/inspect";
import type { ReportRecord } from "../../templates/record";
import { divisionCodeOf } from "../../templates/checks";
import {
  newVersionId,
  parseReviewKey,
  versionIdTime,
  parseVersionKey,
  reviewKey,
  unitPrefix,
  unitsPrefix,
  versionKeys,
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
  | { ok: false; kind: "read"; failure: ReadFailure }
  | { ok: false; kind: "unit_mismatch"; found: string; cell: string; findings: Finding[] }
  | { ok: false; kind: "errors"; findings: Finding[] }
  | { ok: false; kind: "warnings"; findings: Finding[]; unexplained: Finding[] };

export interface SubmitInput {
  periodId: string;
  unitCode: string;
  bytes: Uint8Array;
  by: Actor;
}

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

  // Id and writes under a per-unit lock: in one process, versions commit in id order, so the seq each
  // answer reports is final. Across processes (several Lambdas) ids still order versions by time.
  return withUnitLock(`${input.periodId}/${input.unitCode}`, async () => {
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
    await store.put(keys.xlsx, input.bytes, { ifAbsent: true });
    try {
      await store.putJson(keys.json, stored, { ifAbsent: true });
    } catch (err) {
      // Without its .json the original is invisible anyway; removing it keeps the folder tidy. But the
      // write may have landed with only its answer lost: then the version is committed and its original
      // must stay (when unsure, keep it: an invisible orphan is harmless, a version without original is not).
      const committed = await store.exists(keys.json).catch(() => true);
      if (!committed) await store.delete(keys.xlsx).catch(() => undefined);
      throw err;
    }
    const history = await unitHistory(store, input.periodId, input.unitCode);
    const seq = history.versions.indexOf(version) + 1;
    return { ok: true as const, version: summarize(metaOf(stored), seq, undefined), findings };
  });
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

/** Version ids (committed: `.json` present) and review ids of one unit, both in time order. */
interface UnitHistory {
  versions: string[];
  reviews: string[];
}

function historyFromKeys(keys: readonly string[]): Map<string, UnitHistory> {
  const byUnit = new Map<string, UnitHistory>();
  const get = (unit: string) => {
    let h = byUnit.get(unit);
    if (!h) byUnit.set(unit, (h = { versions: [], reviews: [] }));
    return h;
  };
  for (const key of keys) {
    const v = parseVersionKey(key);
    if (v) {
      if (v.kind === "json") get(v.unitCode).versions.push(v.versionId);
      continue;
    }
    const r = parseReviewKey(key);
    if (r) get(r.unitCode).reviews.push(r.reviewId);
  }
  for (const h of byUnit.values()) {
    h.versions.sort();
    h.reviews.sort();
  }
  return byUnit;
}

async function unitHistory(store: ObjectStore, periodId: string, unitCode: string): Promise<UnitHistory> {
  return historyFromKeys(await store.list(unitPrefix(periodId, unitCode))).get(unitCode) ?? { versions: [], reviews: [] };
}

/** Every unit's history in the period, from one listing. */
async function periodHistory(store: ObjectStore, periodId: string): Promise<Map<string, UnitHistory>> {
  return historyFromKeys(await store.list(unitsPrefix(periodId)));
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

async function readReviews(store: ObjectStore, periodId: string, unitCode: string, ids: readonly string[]): Promise<Review[]> {
  return Promise.all(
    ids.map((id) => {
      const key = reviewKey(periodId, unitCode, id);
      return cached(store, key, () => store.getJson<Review>(key));
    }),
  );
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
  const [stored, reviews] = await Promise.all([
    Promise.all(h.versions.map((v) => readMeta(store, periodId, unitCode, v))),
    readReviews(store, periodId, unitCode, h.reviews),
  ]);
  return stored.map((s, i) => summarize(s, i + 1, lastReviewOf(reviews, s.version)));
}

/** One version's stored envelope, or null when there is no such (committed) version. */
export async function getVersion(store: ObjectStore, periodId: string, unitCode: string, version: string): Promise<StoredVersion | null> {
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
      const [stored, reviews] = await Promise.all([readMeta(store, periodId, u.code, latest), readReviews(store, periodId, u.code, h.reviews)]);
      const review = lastReviewOf(reviews, latest);
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
  const h = await unitHistory(store, input.periodId, input.unitCode);
  if (!h.versions.includes(input.version)) return { ok: false, kind: "not_found" };
  if (h.versions[h.versions.length - 1] !== input.version) return { ok: false, kind: "superseded" };
  const id = newVersionId();
  const review: Review = { id, version: input.version, action: input.action, reason: input.reason, by: input.by, at: input.now.toISOString() };
  await store.putJson(reviewKey(input.periodId, input.unitCode, id), review, { ifAbsent: true });
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
        const reviews = await readReviews(store, periodId, unit.code, h.reviews);
        version = [...h.versions].reverse().find((v) => lastReviewOf(reviews, v)?.action === "accept");
      }
      return version ? { unit, stored: await readVersion(store, periodId, unit.code, version) } : null;
    }),
  );
  return picked.filter((p): p is { unit: RosterUnit; stored: StoredVersion } => p !== null);
}

