/**
 * The commit protocol of a submission and of a review under storage faults,
 * through the service's public functions. A version is three create-only
 * writes in this order: the original (.xlsx), its envelope (.json), then a
 * slot in the unit's log (the commit mark); a review is one log slot. Whatever
 * write fails, hangs or loses its answer, no one ever sees a version without
 * its original (a "half version"), a version is visible only once the whole
 * of it is stored, and nothing is deleted once its log slot may exist. The
 * faults come from tests/support/faulty-store.ts over the real filesystem
 * adapter; hung writes are held and let go by the test, so nothing depends
 * on timing. (The same faults through the real SDK and moto:
 * tests/functions-commit.test.ts.)
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openPeriod, type PeriodInfo } from "../functions/service/periods";
import type { RosterUnit } from "../functions/service/roster";
import {
  getVersion,
  listVersions,
  periodStatus,
  recordsForMerge,
  reviewReport,
  submitReport,
  sweepUncommitted,
  SWEEP_AFTER_MS,
  COMMIT_WINDOW_MS,
  type Actor,
  type Review,
} from "../functions/service/reports";
import {
  FsObjectStore,
  logKey,
  logPrefix,
  parseVersionKey,
  StorageUnavailable,
  unitPrefix,
  versionIdTime,
  versionKeys,
  type ObjectStore,
} from "../functions/storage/index";
import { CommitWindowPassed } from "../functions/service/unit-log";
import { FaultyStore, RetryOnceStore, type Fault, type FaultHandle, type FaultRule } from "./support/faulty-store";
import { goodWorkbook, PERIOD, TOWN } from "./support/workbooks";

const BY: Actor = { code: TOWN.code, name: "王晓燕", role: "town" };
const COUNTY: Actor = { code: "330102000000", name: "区科技局", role: "county" };
const UNIT: RosterUnit = { code: TOWN.code, name: TOWN.name, type: "乡镇", parent: COUNTY.code };
const NOW = new Date("2025-12-21T00:00:00Z");
let bytes: Uint8Array;
let dir: string;
let store: FaultyStore;
let period: PeriodInfo;

beforeAll(async () => {
  bytes = await goodWorkbook();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hz-commit-"));
  store = new FaultyStore(new FsObjectStore({ root: dir }));
  const opened = await openPeriod(store.inner, PERIOD, "市科技局", new Date("2025-12-01T00:00:00Z"));
  if (!opened) throw new Error("period not opened");
  period = opened;
});
// A case that failed while a write was held must not hold the unit's queue for the next: let every held write
// fail and wait for the calls it held before the folder goes.
const held: FaultHandle[] = [];
const calls: Promise<unknown>[] = [];
afterEach(async () => {
  store.clear();
  for (const h of held.splice(0)) h.abort();
  await Promise.all(calls.splice(0));
  rmSync(dir, { recursive: true, force: true });
});

/** Arm a hang on the first matching put. */
function hang(match: FaultRule["match"]): FaultHandle {
  const h = store.inject({ op: "put", match, fault: "hang" });
  held.push(h);
  return h;
}

/** The writes of a submission, in the order the protocol makes them, and how to tell their keys apart. */
type Write = "xlsx" | "json" | "log";
const ORDER: readonly Write[] = ["xlsx", "json", "log"];
const IS: Record<Write, (key: string) => boolean> = {
  xlsx: (k) => k.endsWith(".xlsx"),
  json: (k) => /\/v[^/]+\.json$/.test(k),
  log: (k) => k.includes("/log/"),
};
const before = (w: Write) => ORDER.slice(0, ORDER.indexOf(w));
const upTo = (w: Write) => ORDER.slice(0, ORDER.indexOf(w) + 1);

const submit = (s: ObjectStore = store) => submitReport(s, { periodId: PERIOD, unitCode: TOWN.code, bytes, by: BY });
const review = (version: string, s: ObjectStore = store) =>
  reviewReport(s, { periodId: PERIOD, unitCode: TOWN.code, version, action: "return", reason: "数据有误", by: COUNTY, now: NOW });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Hold a promise's outcome without leaving a rejection unhandled while the test looks around. */
function settle<T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  const outcome = p.then((value) => ({ value }), (error: unknown) => ({ error }));
  calls.push(outcome);
  return outcome;
}

/** The key a hang holds; fails at once (instead of waiting for the test timeout) if the call ends without making that write. */
function reached(h: FaultHandle, call: Promise<unknown>): Promise<string> {
  return Promise.race([h.reached, call.then(() => Promise.reject(new Error("the call ended without making the held write")))]);
}

/** The keys of `writes` of version `v` committed in log `slot`, sorted as a listing returns them. */
function keysOf(v: string, writes: readonly Write[], slot: number): string[] {
  const k = versionKeys(PERIOD, TOWN.code, v);
  const all: Record<Write, string> = { xlsx: k.xlsx, json: k.json, log: logKey(PERIOD, TOWN.code, slot) };
  return writes.map((w) => all[w]);
}
const sorted = (keys: readonly string[]) => [...keys].sort();

/** Every object stored under the unit, sorted. */
const objects = async () => sorted(await store.inner.list(unitPrefix(PERIOD, TOWN.code)));
const logSlots = () => store.inner.list(logPrefix(PERIOD, TOWN.code));

/** The id of the version the latest submission is writing (from its first write, the original). */
function writingVersion(): string {
  const put = store.log.filter((c) => c.op === "put" && IS.xlsx(c.key)).at(-1);
  const id = put && parseVersionKey(put.key)?.versionId;
  if (!id) throw new Error("no original written yet");
  return id;
}

/** The puts and deletes the store saw, in order, as [op, write kind, outcome]. */
function writes(): Array<[string, Write | "?", string]> {
  return store.log
    .filter((c) => c.op === "put" || c.op === "delete")
    .map((c) => [c.op, ORDER.find((w) => IS[w](c.key)) ?? "?", c.outcome]);
}

/** The error a rejected call ended with, as [class, vendor code, key]. */
function failure(outcome: { error: unknown } | { value: unknown }): [string, string | undefined, string | undefined] {
  if (!("error" in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  const e = outcome.error;
  if (!(e instanceof StorageUnavailable)) throw e;
  return [e.name, e.vendorCode, e.key];
}

/**
 * What every reader sees, checked for half versions: each listed version has
 * its envelope and its original, byte for byte, and status and merge agree
 * that the last one is the latest. Returns the listed versions.
 */
async function visible(): Promise<string[]> {
  const listed = await listVersions(store.inner, PERIOD, TOWN.code);
  expect(listed.map((v) => v.seq)).toEqual(listed.map((_, i) => i + 1));
  const versions = listed.map((v) => v.version);
  for (const v of versions) {
    const stored = await getVersion(store.inner, PERIOD, TOWN.code, v);
    expect(stored, `envelope of ${v}`).not.toBeNull();
    const original = await store.inner.get(versionKeys(PERIOD, TOWN.code, v).xlsx).catch(() => null);
    expect(original && sha(original), `original of listed version ${v}`).toBe(stored!.sha256);
  }
  const [row] = await periodStatus(store.inner, period, [UNIT], NOW);
  expect([row!.state === "missing", row!.version, row!.seq]).toEqual([versions.length === 0, versions.at(-1) ?? null, versions.length]);
  const merged = await recordsForMerge(store.inner, PERIOD, [UNIT], "submitted");
  expect(merged.map((m) => m.stored.version)).toEqual(versions.slice(-1));
  return versions;
}

/** Sweep leftovers at the edge of SWEEP_AFTER_MS after version `v`'s time: [removed 1 ms before, removed at]. */
async function sweepAround(v: string): Promise<[string[], string[]]> {
  const t = versionIdTime(v).getTime();
  const early = await sweepUncommitted(store.inner, PERIOD, new Date(t + SWEEP_AFTER_MS - 1));
  const due = await sweepUncommitted(store.inner, PERIOD, new Date(t + SWEEP_AFTER_MS));
  return [early, sorted(due)];
}

describe("a submission without faults", () => {
  it("writes the original, then the envelope, then log slot 1, and is visible whole as seq 1", async () => {
    const r = await submit();
    if (!r.ok) throw new Error(r.kind);
    const v = r.version.version;
    expect(r.version.seq).toBe(1);
    expect(store.writtenKeys()).toEqual(keysOf(v, ORDER, 1));
    expect(writes()).toEqual([["put", "xlsx", "ok"], ["put", "json", "ok"], ["put", "log", "ok"]]);
    expect(await objects()).toEqual(sorted(keysOf(v, ORDER, 1)));
    expect(await visible()).toEqual([v]);
  });
});

describe("a submission whose write fails or loses its answer (no retry below the store)", () => {
  // committed: the version's log slot was written; kept: the objects of the version left in storage.
  const CASES: Array<[Fault, Write, { committed: boolean; kept: Write[] }]> = [
    ["fail", "xlsx", { committed: false, kept: [] }],
    ["fail", "json", { committed: false, kept: [] }],
    ["fail", "log", { committed: false, kept: ["xlsx", "json"] }],
    ["lose-answer", "xlsx", { committed: false, kept: [] }],
    ["lose-answer", "json", { committed: false, kept: [] }],
    ["lose-answer", "log", { committed: true, kept: ["xlsx", "json", "log"] }],
  ];
  it.each(CASES)("%s on the %s write: the clerk gets the storage error; exactly the expected objects stay; the retry comes next", async (fault, w, { committed, kept }) => {
    store.inject({ op: "put", match: IS[w], fault });
    const outcome = await settle(submit());
    const v = writingVersion();
    const vendor = fault === "fail" ? "INJECTED_FAIL" : "INJECTED_LOST_ANSWER";
    expect(failure(outcome)).toEqual(["StorageUnavailable", vendor, keysOf(v, [w], 1)[0]]);
    // Writes in protocol order up to the faulty one; the objects are removed only when no log slot was tried.
    const attempted = upTo(w).map((x): [string, Write, string] => ["put", x, x === w ? (fault === "fail" ? "failed" : "lost") : "ok"]);
    const cleanUp: Array<[string, Write, string]> = w === "log" ? [] : [["delete", "json", "ok"], ["delete", "xlsx", "ok"]];
    expect(writes()).toEqual([...attempted, ...cleanUp]);
    expect(await objects()).toEqual(sorted(keysOf(v, kept, 1)));
    expect(await visible()).toEqual(committed ? [v] : []);
    expect((await getVersion(store.inner, PERIOD, TOWN.code, v))?.version ?? null).toBe(committed ? v : null);

    // The clerk's retry is a new version, next in the log.
    const again = await submit();
    if (!again.ok) throw new Error(again.kind);
    const v2 = again.version.version;
    expect(again.version.seq).toBe(committed ? 2 : 1);
    expect(await visible()).toEqual(committed ? [v, v2] : [v2]);
    expect(await objects()).toEqual(sorted([...keysOf(v, kept, 1), ...keysOf(v2, ORDER, committed ? 2 : 1)]));

    // Leftovers (objects without a log slot) go only once provably uncommitted; a committed version never.
    expect(await sweepAround(v)).toEqual([[], committed ? [] : sorted(keysOf(v, kept, 1))]);
    expect(await objects()).toEqual(sorted([...(committed ? keysOf(v, ORDER, 1) : []), ...keysOf(v2, ORDER, committed ? 2 : 1)]));
    expect(await visible()).toEqual(committed ? [v, v2] : [v2]);
  });

  it("a failed clean-up after a failed envelope leaves an invisible leftover, swept once provably uncommitted", async () => {
    store.inject({ op: "put", match: IS.json, fault: "fail" });
    store.inject({ op: "delete", match: IS.json, fault: "fail" });
    store.inject({ op: "delete", match: IS.xlsx, fault: "fail" });
    const outcome = await settle(submit());
    const v = writingVersion();
    // The clerk sees the write's error, not the clean-up's.
    expect(failure(outcome)).toEqual(["StorageUnavailable", "INJECTED_FAIL", keysOf(v, ["json"], 1)[0]]);
    expect(writes()).toEqual([["put", "xlsx", "ok"], ["put", "json", "failed"], ["delete", "json", "failed"], ["delete", "xlsx", "failed"]]);
    expect(await objects()).toEqual(keysOf(v, ["xlsx"], 1));
    expect(await visible()).toEqual([]);
    expect(await getVersion(store.inner, PERIOD, TOWN.code, v)).toBeNull();
    expect(await sweepAround(v)).toEqual([[], keysOf(v, ["xlsx"], 1)]);
    expect(await objects()).toEqual([]);
  });
});

describe("a submission whose write loses its answer and is retried below the store (as the SDK does)", () => {
  it.each(ORDER)("the %s write: success as seq 1, the retry found its own bytes, nothing deleted", async (w) => {
    store.inject({ op: "put", match: IS[w], fault: "lose-answer" });
    const r = await submit(new RetryOnceStore(store));
    if (!r.ok) throw new Error(r.kind);
    const v = r.version.version;
    expect(r.version.seq).toBe(1);
    const key = keysOf(v, [w], 1)[0]!;
    // Landed, answer lost; the retry refused (create-only: already there); read back: our own bytes.
    expect(store.log.filter((c) => c.key === key).map((c) => [c.op, c.outcome])).toEqual([["put", "lost"], ["put", "error"], ["get", "ok"]]);
    expect(store.log.filter((c) => c.op === "delete")).toEqual([]);
    expect(await objects()).toEqual(sorted(keysOf(v, ORDER, 1)));
    expect(await visible()).toEqual([v]);
  });
});

describe("a submission whose write hangs", () => {
  it.each(ORDER)("on the %s write: only the earlier writes are stored and nothing is visible; released, the version appears whole", async (w) => {
    const h = hang(IS[w]);
    const pending = settle(submit());
    const heldKey = await reached(h, pending);
    const v = writingVersion();
    expect(heldKey).toBe(keysOf(v, [w], 1)[0]);
    expect(await objects()).toEqual(sorted(keysOf(v, before(w), 1)));
    expect(await visible()).toEqual([]);
    expect(await getVersion(store.inner, PERIOD, TOWN.code, v)).toBeNull();
    h.release();
    const outcome = await pending;
    if (!("value" in outcome) || !outcome.value.ok) throw new Error("submission failed");
    expect([outcome.value.version.version, outcome.value.version.seq]).toEqual([v, 1]);
    expect(await objects()).toEqual(sorted(keysOf(v, ORDER, 1)));
    expect(await visible()).toEqual([v]);
  });

  it.each(ORDER)("on the %s write, then fails: the clerk gets the storage error; nothing visible, during or after", async (w) => {
    const h = hang(IS[w]);
    const pending = settle(submit());
    await reached(h, pending);
    const v = writingVersion();
    expect(await visible()).toEqual([]);
    h.abort();
    expect(failure(await pending)).toEqual(["StorageUnavailable", "INJECTED_HANG_ABORTED", keysOf(v, [w], 1)[0]]);
    // Once the log slot may exist (its write was sent), the original and envelope stay.
    expect(await objects()).toEqual(w === "log" ? sorted(keysOf(v, ["xlsx", "json"], 1)) : []);
    expect(store.log.filter((c) => c.op === "delete").map((c) => c.key)).toEqual(w === "log" ? [] : keysOf(v, ["json", "xlsx"], 1));
    expect(await visible()).toEqual([]);
  });
});

describe("the commit window", () => {
  // The envelope's write is held until the clock stands exactly at the window's end, or 1 ms past it.
  it.each([
    [0, "commits"],
    [1, "is refused as too late, and the original and envelope stay (the slot may yet be written)"],
  ] as const)("a commit %i ms past COMMIT_WINDOW_MS after the version's time %s", async (past, _what) => {
    const h = hang(IS.json);
    const pending = settle(submit());
    await reached(h, pending);
    const v = writingVersion();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(versionIdTime(v).getTime() + COMMIT_WINDOW_MS + past);
      h.release();
      const outcome = await pending;
      if (past === 0) {
        expect("value" in outcome && outcome.value.ok).toBe(true);
        expect(await objects()).toEqual(sorted(keysOf(v, ORDER, 1)));
        expect(await visible()).toEqual([v]);
      } else {
        if (!("error" in outcome)) throw new Error("the late commit was not refused");
        expect(outcome.error).toBeInstanceOf(CommitWindowPassed);
        expect((outcome.error as CommitWindowPassed).key).toBe(keysOf(v, ["json"], 1)[0]);
        expect(await objects()).toEqual(sorted(keysOf(v, ["xlsx", "json"], 1)));
        expect(store.log.filter((c) => c.op === "delete")).toEqual([]);
        expect(await visible()).toEqual([]);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a second version while its write hangs", () => {
  it.each(ORDER)("on the %s write: the earlier version stays the latest until the new one is whole", async (w) => {
    const first = await submit();
    if (!first.ok) throw new Error(first.kind);
    const v1 = first.version.version;
    const h = hang(IS[w]);
    const pending = settle(submit());
    await reached(h, pending);
    const v2 = writingVersion();
    expect(v2).not.toBe(v1);
    expect(await objects()).toEqual(sorted([...keysOf(v1, ORDER, 1), ...keysOf(v2, before(w), 2)]));
    expect(await visible()).toEqual([v1]);
    h.release();
    const outcome = await pending;
    if (!("value" in outcome) || !outcome.value.ok) throw new Error("submission failed");
    expect([outcome.value.version.version, outcome.value.version.seq]).toEqual([v2, 2]);
    expect(await objects()).toEqual(sorted([...keysOf(v1, ORDER, 1), ...keysOf(v2, ORDER, 2)]));
    expect(await visible()).toEqual([v1, v2]);
  });

  it("a review while the new version's log slot hangs lands on the earlier one; released, the new version takes the next slot", async () => {
    const first = await submit();
    if (!first.ok) throw new Error(first.kind);
    const v1 = first.version.version;
    const h = hang(IS.log);
    const pending = settle(submit());
    expect(await reached(h, pending)).toBe(logKey(PERIOD, TOWN.code, 2));
    const v2 = writingVersion();
    // The new version is not committed: a review of it finds nothing; the earlier one is still the latest.
    expect(await review(v2)).toEqual({ ok: false, kind: "not_found" });
    const stamped = await review(v1);
    expect(stamped.ok).toBe(true);
    expect(await logSlots()).toEqual([logKey(PERIOD, TOWN.code, 1), logKey(PERIOD, TOWN.code, 2)]);
    h.release();
    const outcome = await pending;
    if (!("value" in outcome) || !outcome.value.ok) throw new Error("submission failed");
    expect([outcome.value.version.version, outcome.value.version.seq]).toEqual([v2, 2]);
    // Slot 2 was taken by the review: the version lost that race, re-read the log and took slot 3.
    expect(store.log.filter((c) => c.op === "put" && IS.log(c.key)).map((c) => [c.key.slice(-11), c.outcome])).toEqual([
      ["000001.json", "ok"],
      ["000002.json", "hung"],
      ["000002.json", "ok"],
      ["000002.json", "error"],
      ["000003.json", "ok"],
    ]);
    expect(await objects()).toEqual(sorted([...keysOf(v1, ORDER, 1), logKey(PERIOD, TOWN.code, 2), ...keysOf(v2, ORDER, 3)]));
    expect((await listVersions(store.inner, PERIOD, TOWN.code)).map((v) => [v.version, v.seq, v.state])).toEqual([
      [v1, 1, "returned"],
      [v2, 2, "submitted"],
    ]);
    expect(await visible()).toEqual([v1, v2]);
  });
});

describe("a review whose log write goes wrong", () => {
  let v: string;
  beforeEach(async () => {
    const r = await submit();
    if (!r.ok) throw new Error(r.kind);
    v = r.version.version;
  });
  const states = async () => (await listVersions(store.inner, PERIOD, TOWN.code)).map((x) => [x.seq, x.state, x.review?.reason ?? null]);
  const SLOT1 = () => [logKey(PERIOD, TOWN.code, 1)];
  const SLOTS12 = () => [logKey(PERIOD, TOWN.code, 1), logKey(PERIOD, TOWN.code, 2)];

  it.each([["fail" as const], ["hang, then fails" as const]])("%s: the storage error, not recorded; the retry records it", async (how) => {
    const h = how === "fail" ? store.inject({ op: "put", match: IS.log, fault: "fail" }) : hang(IS.log);
    const pending = settle(review(v));
    expect(await reached(h, pending)).toBe(logKey(PERIOD, TOWN.code, 2));
    expect(await states()).toEqual([[1, "submitted", null]]);
    h.abort();
    const vendor = how === "fail" ? "INJECTED_FAIL" : "INJECTED_HANG_ABORTED";
    expect(failure(await pending)).toEqual(["StorageUnavailable", vendor, logKey(PERIOD, TOWN.code, 2)]);
    expect(await states()).toEqual([[1, "submitted", null]]);
    expect(await logSlots()).toEqual(SLOT1());
    const again = await review(v);
    expect(again.ok && again.review.version).toBe(v);
    expect(await states()).toEqual([[1, "returned", "数据有误"]]);
    expect(await logSlots()).toEqual(SLOTS12());
  });

  it("hang: not recorded while it hangs; released, recorded once", async () => {
    const h = hang(IS.log);
    const pending = settle(review(v));
    await reached(h, pending);
    expect(await states()).toEqual([[1, "submitted", null]]);
    expect(await logSlots()).toEqual(SLOT1());
    h.release();
    const outcome = await pending;
    if (!("value" in outcome) || !outcome.value.ok) throw new Error("review failed");
    expect(outcome.value.review.version).toBe(v);
    expect(await states()).toEqual([[1, "returned", "数据有误"]]);
    expect(await logSlots()).toEqual(SLOTS12());
  });

  it("lose-answer: the clerk gets the storage error, yet the review landed, recorded once", async () => {
    store.inject({ op: "put", match: IS.log, fault: "lose-answer" });
    expect(failure(await settle(review(v)))).toEqual(["StorageUnavailable", "INJECTED_LOST_ANSWER", logKey(PERIOD, TOWN.code, 2)]);
    expect(await states()).toEqual([[1, "returned", "数据有误"]]);
    expect(await logSlots()).toEqual(SLOTS12());
  });

  it("lose-answer, retried below the store: success, stamped once", async () => {
    store.inject({ op: "put", match: IS.log, fault: "lose-answer" });
    const r = await review(v, new RetryOnceStore(store));
    if (!r.ok) throw new Error(r.kind);
    const entry = await store.inner.getJson<{ kind: string; slot: number; review: Review }>(logKey(PERIOD, TOWN.code, 2));
    expect([entry.kind, entry.slot, entry.review]).toEqual(["review", 2, r.review]);
    expect(await states()).toEqual([[1, "returned", "数据有误"]]);
    expect(await logSlots()).toEqual(SLOTS12());
  });
});
