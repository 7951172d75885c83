/**
 * Reports of one period: submitting a version, reviewing it (退回 / 通过),
 * and reading back versions and every unit's state. Pure of HTTP: results
 * are data the handlers map to answers. How a version and a review are
 * committed (the unit's log of create-only slots): ./unit-log.ts.
 */
import { createHash } from "node:crypto";
import { DEFAULT_VERSIONS_PER_HOUR } from "../config";
import type { ReadFailure } from "../../templates/errors";
import { hasErrors, unexplainedWarnings, type Finding } from "../../templates/findings";
import { inspectWorkbook } from "../../templates/inspect";
import { nativeUnzip } from "./native-deflate";
import type { ReportRecord } from "../../templates/record";
import { divisionCodeOf } from "../../templates/checks";
import { ruleSettings, type RuleSettings } from "../../templates/rules/index";
import { newVersionId, versionIdTime, versionKeys, putJsonOnce, putOnce, StorageNotFound, type ObjectStore } from "../storage/index";
import { getPeriod, isAfterDeadline, type PeriodInfo } from "./periods";
import { slipFindings } from "./peer-slips";
import { heldRecordCommitted, heldRecords } from "./held-records";
import { heldFindings } from "./prefill";
import { findLibrary, rememberLibrary } from "./libraries";
import { BUILTIN, ruleSettingsOf } from "../../templates/catalogue";
import type { RosterUnit } from "./roster";
import { isoDateIn } from "../../templates/time";
import { appendLog, cached, COMMIT_WINDOW_MS, CommitWindowPassed, periodHistory, unitHistory, withUnitLock, type UnitHistory } from "./unit-log";

export { COMMIT_WINDOW_MS, SWEEP_AFTER_MS, sweepUncommitted } from "./unit-log";

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
  /** Submitted after the period's deadline (still taken while the period was open). */
  late?: boolean;
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
  /** Submitted after the deadline. */
  late: boolean;
  /** First 12 hex digits of the original's SHA-256 (the 回执 shows it). */
  sha256: string;
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
  /** Rule settings of the period's indicator library (thresholds, which warnings need a 备注); default the built-in ones. */
  settings?: Partial<RuleSettings>;
  /** Wall-clock bound of the read (default the reader's 3 s). */
  readTimeoutMs?: number;
}


/**
 * Read and check an upload with the shared core and, when it passes, store
 * it as a new version. Warnings pass only when every one whose rule needs a 备注 is explained there.
 */
export async function submitReport(store: ObjectStore, input: SubmitInput): Promise<SubmitResult> {
  const period = await getPeriod(store, input.periodId);
  if (!period?.open) return { ok: false, kind: "period_not_open" };
  // The period's library: a file of another library is refused; one of another version of it is read with the library it carries.
  const catalogue = (await findLibrary(store, period.library)) ?? BUILTIN;
  const settings = ruleSettings({ ...ruleSettingsOf(catalogue), ...input.settings });
  const limits = input.readTimeoutMs ? { timeoutMs: input.readTimeoutMs } : undefined;
  const inspection = inspectWorkbook(input.bytes, { expectedPeriod: input.periodId, catalogue, settings, codec: nativeUnzip, limits });
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
  // Slips seen only across units (issue 11): warnings that need a 备注, like the checks' own.
  // And against the year's assigned targets and last year's report of the unit (issue 13).
  const held = await Promise.all([slipFindings(input.periodId, record, (p) => heldRecords(store, p), inspection.catalogue, settings), heldFindings(store, input.periodId, record, inspection.catalogue)]);
  for (const f of held.flat()) {
    findings.push(f);
    record.warnings.push(f);
  }
  // Which warnings need a 备注: the rule table's needsNote, overridden by the library's settings.
  const unexplained = unexplainedWarnings(findings, settings);
  if (unexplained.length) return { ok: false, kind: "warnings", findings, unexplained };
  await rememberLibrary(store, inspection.catalogue);

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
    const submittedAt = versionIdTime(version).toISOString();
    const stored: StoredVersion = {
      schema: "huizong.version/1",
      version,
      periodId: input.periodId,
      unitCode: input.unitCode,
      // The id's own time, so submittedAt never disagrees with the order of versions.
      submittedAt,
      submittedBy: input.by,
      size: input.bytes.byteLength,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      findings,
      record,
      late: isAfterDeadline(period, submittedAt),
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
    heldRecordCommitted(store, input.periodId, record);
    const seq = history.versions.length + 1;
    return { ok: true as const, version: summarize(metaOf(stored), seq, undefined), findings };
  });
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
  late: boolean;
  sha256: string;
}

function metaOf(stored: StoredVersion): VersionMeta {
  return {
    version: stored.version,
    submittedAt: stored.submittedAt,
    submittedBy: stored.submittedBy,
    preparer: stored.record.meta.preparer,
    warnings: stored.record.warnings.length,
    late: stored.late === true,
    sha256: stored.sha256.slice(0, 12),
  };
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
    late: meta.late,
    sha256: meta.sha256,
    ...(review ? { review } : {}),
  };
}

/** The name a sent report downloads under: unit, period, and the day it was sent on the bureau's calendar. */
export function originalFileName(unitName: string, periodLabel: string, submittedAt: string, timeZone: string): string {
  return `${unitName}${periodLabel}科技工作情况统计报表（${isoDateIn(submittedAt, timeZone)}上报）.xlsx`;
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
  /** The latest version came in after the deadline. */
  late: boolean;
  /** The deadline has passed and the unit has nothing standing (missing, or returned and not resubmitted). */
  overdue: boolean;
}

/**
 * Latest state of each of `units` in the period: one listing of the
 * period's units folder, then the latest `.json` and the reviews of each
 * unit that has submitted. `overdue` is judged against the period's deadline at `now`.
 * `history`: the period's history when the caller has read it already (one listing per request).
 */
export async function periodStatus(store: ObjectStore, period: PeriodInfo, units: readonly RosterUnit[], now: Date, history?: Map<string, UnitHistory>): Promise<StatusRow[]> {
  const periodId = period.id;
  const pastDeadline = isAfterDeadline(period, now);
  const byUnit = history ?? (await periodHistory(store, periodId));
  return Promise.all(
    units.map(async (u): Promise<StatusRow> => {
      const h = byUnit.get(u.code);
      const latest = h?.versions[h.versions.length - 1];
      const base = { code: u.code, name: u.name, type: u.type, parent: u.parent };
      if (!h || !latest) {
        return { ...base, state: "missing", version: null, seq: 0, preparer: null, submittedAt: null, submittedBy: null, warnings: 0, returnReason: null, review: null, late: false, overdue: pastDeadline };
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
        late: s.late,
        overdue: pastDeadline && s.state === "returned",
      };
    }),
  );
}

/**
 * The newest version of a unit in a period: the newest accepted one when `preferAccepted` and one
 * exists, else the newest; null when the unit has none (or the period folder does not exist).
 */
export async function newestVersion(store: ObjectStore, periodId: string, unitCode: string, preferAccepted = false): Promise<StoredVersion | null> {
  const h = await unitHistory(store, periodId, unitCode);
  let version = h.versions[h.versions.length - 1];
  if (!version) return null;
  if (preferAccepted) {
    version = [...h.versions].reverse().find((v) => lastReviewOf(h.reviews, v)?.action === "accept") ?? version;
  }
  return readVersion(store, periodId, unitCode, version);
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

/** How many of `units` a consolidation would take with each include mode (no records read); `history` as for periodStatus. */
export async function mergeableCounts(store: ObjectStore, periodId: string, units: readonly RosterUnit[], history?: Map<string, UnitHistory>): Promise<{ submitted: number; accepted: number }> {
  const byUnit = history ?? (await periodHistory(store, periodId));
  let submitted = 0;
  let accepted = 0;
  await Promise.all(
    units.map(async (unit) => {
      const h = byUnit.get(unit.code);
      if (!h || h.versions.length === 0) return;
      submitted++;
      if (h.versions.some((v) => lastReviewOf(h.reviews, v)?.action === "accept")) accepted++;
    }),
  );
  return { submitted, accepted };
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


