/**
 * The service's reports (functions/service/reports.ts) called directly on the filesystem store in a temp
 * folder: every refusal of a submission, the hourly limit at its edges, late versions, every state of
 * the status rows, reviews on a superseded or unknown version, the newest and accepted versions a merge
 * takes. The workbooks are built once (they run no service code); every service call runs inside its test.
 * In-process (the mutation run uses it); the commit protocol under faults is tests/commit-protocol.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { closePeriod, openPeriod, type PeriodInfo } from "../functions/service/periods";
import type { RosterUnit } from "../functions/service/roster";
import {
  getVersion,
  listVersions,
  mergeableCounts,
  newestVersion,
  originalFileName,
  periodStatus,
  recordsForMerge,
  reviewReport,
  submitReport,
  type Actor,
  type SubmitInput,
  type SubmitResult,
  type VersionSummary,
} from "../functions/service/reports";
import { FsObjectStore, versionIdTime, versionKeys } from "../functions/storage/index";
import { heldRecords } from "../functions/service/held-records";
import { periodHistory } from "../functions/service/unit-log";
import { badReport, goodReport, warnedReport } from "./support/functions-server";
import { PERIOD } from "./support/workbooks";

const COUNTY: Actor = { code: "330102000000", name: "区科技局", role: "county" };
const A: RosterUnit = { code: "330102001000", name: "青阳镇", type: "乡镇", parent: COUNTY.code };
const B: RosterUnit = { code: "330102002000", name: "白沙镇", type: "乡镇", parent: COUNTY.code };
const C: RosterUnit = { code: "330102003000", name: "东湖街道", type: "街道", parent: COUNTY.code };
const by = (u: RosterUnit): Actor => ({ code: u.code, name: `${u.name}填报人`, role: "town" });

let good: Record<string, Uint8Array>;
let good2: Uint8Array;
let warnedNoted: Uint8Array;
let warnedBare: Uint8Array;
let bad: Uint8Array;
let longCode: Uint8Array;
beforeAll(async () => {
  longCode = await goodReport({ code: `${A.code}1`, name: A.name, type: A.type }, PERIOD, 1);
  good = {};
  for (const u of [A, B, C]) good[u.code] = await goodReport({ code: u.code, name: u.name, type: u.type }, PERIOD, 1);
  good2 = await goodReport({ code: A.code, name: A.name, type: A.type }, PERIOD, 2);
  warnedNoted = await warnedReport({ code: B.code, name: B.name, type: B.type }, "新建科普基地，活动增加", PERIOD, 1);
  warnedBare = await warnedReport({ code: B.code, name: B.name, type: B.type }, undefined, PERIOD, 1);
  bad = await badReport({ code: A.code, name: A.name, type: A.type }, PERIOD, 1);
}, 120_000);

let dir: string;
let store: FsObjectStore;
let period: PeriodInfo;
const OPENED = new Date("2025-12-01T00:00:00Z");
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hz-reports-"));
  store = new FsObjectStore({ root: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function open(deadline?: string): Promise<void> {
  const p = await openPeriod(store, PERIOD, "市科技局", OPENED, deadline);
  if (!p) throw new Error("period not opened");
  period = p;
}

function submit(u: RosterUnit, bytes: Uint8Array, extra: Partial<SubmitInput> = {}): Promise<SubmitResult> {
  return submitReport(store, { periodId: PERIOD, unitCode: u.code, bytes, by: by(u), ...extra });
}

async function accepted(u: RosterUnit, bytes: Uint8Array, extra: Partial<SubmitInput> = {}): Promise<VersionSummary> {
  const r = await submit(u, bytes, extra);
  if (!r.ok) throw new Error(`expected the submission taken, got ${JSON.stringify(r).slice(0, 300)}`);
  return r.version;
}

function review(u: RosterUnit, version: string, action: "return" | "accept", reason = "") {
  return reviewReport(store, { periodId: PERIOD, unitCode: u.code, version, action, reason, by: COUNTY, now: new Date("2025-12-21T08:00:00Z") });
}

describe("a submission refused", () => {
  it("when the period was never opened, or is closed", async () => {
    expect(await submit(A, good[A.code]!)).toEqual({ ok: false, kind: "period_not_open" });
    await open();
    await closePeriod(store, PERIOD, "市科技局", new Date("2025-12-31T00:00:00Z"));
    expect(await submit(A, good[A.code]!)).toEqual({ ok: false, kind: "period_not_open" });
    expect(await store.list("periods/2025-Y/units/")).toEqual([]);
  });

  it("when the file is no workbook: the reader's failure", async () => {
    await open();
    const r = await submit(A, new TextEncoder().encode("不是表格"));
    if (r.ok || r.kind !== "read") throw new Error(`expected a read failure, got ${JSON.stringify(r).slice(0, 200)}`);
    expect(r.failure.code).toBe("NOT_XLSX_UNKNOWN");
  });

  it("when the cover names another unit: the code found and its cell", async () => {
    await open();
    const r = await submit(B, good[A.code]!);
    if (r.ok || r.kind !== "unit_mismatch") throw new Error(`expected unit_mismatch, got ${JSON.stringify(r).slice(0, 200)}`);
    expect([r.found, r.cell, r.findings]).toEqual([A.code, "封面!C6", []]);
    expect(await store.list("periods/2025-Y/units/")).toEqual([]);
  });

  it("a cover code of 13 digits is the checks' error, not another unit", async () => {
    await open();
    for (const u of [A, B]) {
      const r = await submit(u, longCode);
      expect(r.ok ? "taken" : r.kind).toBe("errors");
    }
  });

  it("when the checks find an error, and when a warning that needs a 备注 has none", async () => {
    await open();
    const e = await submit(A, bad);
    if (e.ok || e.kind !== "errors") throw new Error(`expected errors, got ${JSON.stringify(e).slice(0, 200)}`);
    expect(e.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["COMPONENTS_SUM"]);
    const w = await submit(B, warnedBare);
    if (w.ok || w.kind !== "warnings") throw new Error(`expected warnings, got ${JSON.stringify(w).slice(0, 200)}`);
    expect(w.unexplained.map((f) => f.rule)).toEqual(["GROWTH_IMPLAUSIBLE"]);
    expect(await store.list("periods/2025-Y/units/")).toEqual([]);
  });

  it("a bound on the read: a read that outlasts readTimeoutMs is refused as READ_TIMEOUT", async () => {
    await open();
    // The clock moves 5 ms at every look, so the read outlasts its 1 ms whatever the machine's speed
    // (a real 1 ms was not enough on a fast machine: the whole read fitted in it).
    let now = Date.now();
    const clock = vi.spyOn(Date, "now").mockImplementation(() => (now += 5));
    try {
      const r = await submit(A, good[A.code]!, { readTimeoutMs: 1 });
      expect(r.ok ? "taken" : r.kind === "read" ? r.failure.code : r.kind).toBe("READ_TIMEOUT");
    } finally {
      clock.mockRestore();
    }
    expect(await store.list("periods/2025-Y/units/")).toEqual([]);
  });
});

describe("the hourly limit on new versions", () => {
  it("counts the versions of the last hour, and says when the oldest of them leaves it", async () => {
    await open();
    const v1 = await accepted(A, good[A.code]!);
    const v2 = await accepted(A, good2);
    const v3 = await accepted(A, good[A.code]!);
    const [t1, t2] = [v1, v2].map((v) => versionIdTime(v.version).getTime()) as [number, number];
    // Three in the hour, two allowed: the second-newest but one (v2) must leave the hour first.
    expect(await submit(A, good2, { versionsPerHour: 2, now: new Date(t1 + 1000) })).toEqual({
      ok: false,
      kind: "too_many_versions",
      limit: 2,
      retryAfterSeconds: Math.ceil((t2 + 3600_000 - (t1 + 1000)) / 1000),
    });
    expect(await submit(A, good2, { versionsPerHour: 3, now: new Date(t1 + 3599_000) })).toEqual({ ok: false, kind: "too_many_versions", limit: 3, retryAfterSeconds: 1 });
    // Exactly an hour after v1, v1 no longer counts.
    const taken = await submit(A, good2, { versionsPerHour: 3, now: new Date(t1 + 3600_000) });
    expect(taken.ok).toBe(true);
    expect((await listVersions(store, PERIOD, A.code)).map((v) => v.seq)).toEqual([1, 2, 3, 4]);
    expect(v3.seq).toBe(3);
  });

  it("takes the default of 20 an hour", async () => {
    await open();
    for (let i = 0; i < 20; i++) await accepted(C, good[C.code]!);
    const r = await submit(C, good[C.code]!);
    expect(r.ok ? "taken" : r.kind).toBe("too_many_versions");
    if (!r.ok && r.kind === "too_many_versions") expect(r.limit).toBe(20);
  }, 120_000);
});

describe("a version taken", () => {
  it("is stored whole, with the summary the 回执 shows", async () => {
    await open();
    const r = await submit(B, warnedNoted);
    if (!r.ok) throw new Error(JSON.stringify(r).slice(0, 200));
    const v = r.version;
    expect(v).toMatchObject({ seq: 1, submittedBy: by(B), warnings: 1, state: "has_warnings", late: false });
    expect(v.submittedAt).toBe(versionIdTime(v.version).toISOString());
    expect(v.review).toBeUndefined();
    expect("review" in v).toBe(false);
    const stored = await getVersion(store, PERIOD, B.code, v.version);
    expect(stored).toMatchObject({ schema: "huizong.version/1", version: v.version, periodId: PERIOD, unitCode: B.code, size: warnedNoted.byteLength, late: false });
    expect(stored!.sha256.slice(0, 12)).toBe(v.sha256);
    expect(v.sha256).toMatch(/^[0-9a-f]{12}$/);
    expect(v.preparer).toBe(stored!.record.meta.preparer);
    expect(v.preparer.length).toBeGreaterThan(0);
    expect(r.findings.map((f) => [f.rule, f.explained])).toEqual([["GROWTH_IMPLAUSIBLE", true]]);
    expect(await store.getJson(versionKeys(PERIOD, B.code, v.version).json)).toEqual(stored);
  });

  it("after the deadline is marked late, and its status row says so", async () => {
    await open("2025-12-01T00:00:00.000Z");
    const v = await accepted(A, good[A.code]!);
    expect(v.late).toBe(true);
    expect((await getVersion(store, PERIOD, A.code, v.version))!.late).toBe(true);
    const [row] = await periodStatus(store, period, [A], new Date("2025-12-02T00:00:00Z"));
    expect(row).toMatchObject({ state: "submitted", late: true, overdue: false });
  });

  it("getVersion: null for a version the log does not name, or whose envelope is gone", async () => {
    await open();
    const v = await accepted(A, good[A.code]!);
    expect(await getVersion(store, PERIOD, A.code, "v20250101T000000000Z-00000000")).toBeNull();
    expect(await getVersion(store, PERIOD, B.code, v.version)).toBeNull();
    await store.delete(versionKeys(PERIOD, A.code, v.version).json);
    expect(await getVersion(store, PERIOD, A.code, v.version)).toBeNull();
  });
});

describe("status, reviews and what a merge takes", () => {
  it("every state of the status rows, before and after the deadline", async () => {
    await open("2025-12-20T00:00:00.000Z");
    // The versions come in now (after the deadline): all late.
    const a1 = await accepted(A, good[A.code]!);
    const b1 = await accepted(B, warnedNoted);
    expect(await review(A, a1.version, "return", "数据有误")).toMatchObject({ ok: true });
    const before = await periodStatus(store, period, [A, B, C], new Date("2025-12-19T00:00:00Z"));
    const after = await periodStatus(store, period, [A, B, C], new Date("2025-12-20T00:00:00.001Z"));
    const at = await periodStatus(store, period, [C], new Date("2025-12-20T00:00:00.000Z"));
    expect(before.map((r) => [r.code, r.state, r.seq, r.warnings, r.returnReason, r.late, r.overdue])).toEqual([
      [A.code, "returned", 1, 0, "数据有误", true, false],
      [B.code, "has_warnings", 1, 1, null, true, false],
      [C.code, "missing", 0, 0, null, false, false],
    ]);
    expect(after.map((r) => [r.code, r.state, r.overdue])).toEqual([
      [A.code, "returned", true],
      [B.code, "has_warnings", false],
      [C.code, "missing", true],
    ]);
    expect(at.map((r) => r.overdue)).toEqual([false]);
    expect(before[2]).toEqual({
      code: C.code, name: C.name, type: C.type, parent: COUNTY.code, state: "missing", version: null, seq: 0, preparer: null,
      submittedAt: null, submittedBy: null, warnings: 0, returnReason: null, review: null, late: false, overdue: false,
    });
    expect(before[0]).toMatchObject({ name: A.name, type: A.type, parent: COUNTY.code, version: a1.version, preparer: a1.preparer, submittedAt: a1.submittedAt, submittedBy: by(A) });
    expect(before[0]!.review).toMatchObject({ version: a1.version, action: "return", reason: "数据有误", by: COUNTY, at: "2025-12-21T08:00:00.000Z" });
    expect(before[1]!.review).toBeNull();
    expect(b1.state).toBe("has_warnings");

    // Accepted: no reason shown; a later version supersedes the review.
    expect(await review(B, b1.version, "accept", "")).toMatchObject({ ok: true });
    const a2 = await accepted(A, good2);
    const rows = await periodStatus(store, period, [A, B], new Date("2025-12-21T00:00:00Z"));
    expect(rows.map((r) => [r.state, r.version, r.seq, r.returnReason, r.review?.action ?? null, r.overdue])).toEqual([
      ["submitted", a2.version, 2, null, null, false],
      ["accepted", b1.version, 1, null, "accept", false],
    ]);
  });

  it("a review: only of the latest version; refused for an older or unknown one", async () => {
    await open();
    const v1 = await accepted(A, good[A.code]!);
    expect(await review(A, "v20250101T000000000Z-00000000", "accept")).toEqual({ ok: false, kind: "not_found" });
    const v2 = await accepted(A, good2);
    expect(await review(A, v1.version, "accept")).toEqual({ ok: false, kind: "superseded" });
    const r = await review(A, v2.version, "return", "请补充备注");
    if (!r.ok) throw new Error("review refused");
    expect(r.review).toEqual({ id: r.review.id, version: v2.version, action: "return", reason: "请补充备注", by: COUNTY, at: "2025-12-21T08:00:00.000Z" });
    expect(r.review.id).toMatch(/^v\d{8}T\d{9}Z-[0-9a-f]{8}$/);
    const again = await review(A, v2.version, "accept", "");
    expect(again.ok).toBe(true);
    const listed = await listVersions(store, PERIOD, A.code);
    expect(listed.map((v) => [v.seq, v.state, v.review?.action ?? null])).toEqual([
      [1, "submitted", null],
      [2, "accepted", "accept"],
    ]);
  });

  it("newest versions, accepted or not, and the counts and records a merge takes", async () => {
    await open();
    expect(await newestVersion(store, PERIOD, A.code)).toBeNull();
    expect(await newestVersion(store, PERIOD, A.code, true)).toBeNull();
    const a1 = await accepted(A, good[A.code]!);
    expect(await review(A, a1.version, "accept")).toMatchObject({ ok: true });
    const a2 = await accepted(A, good2);
    const b1 = await accepted(B, warnedNoted);
    expect(await review(B, b1.version, "return", "退回")).toMatchObject({ ok: true });
    expect((await newestVersion(store, PERIOD, A.code))!.version).toBe(a2.version);
    expect((await newestVersion(store, PERIOD, A.code, true))!.version).toBe(a1.version);
    expect((await newestVersion(store, PERIOD, B.code, true))!.version).toBe(b1.version);
    expect(await mergeableCounts(store, PERIOD, [A, B, C])).toEqual({ submitted: 2, accepted: 1 });
    const sub = await recordsForMerge(store, PERIOD, [A, B, C], "submitted");
    expect(sub.map((x) => [x.unit.code, x.stored.version])).toEqual([
      [A.code, a2.version],
      [B.code, b1.version],
    ]);
    const acc = await recordsForMerge(store, PERIOD, [C, B, A], "accepted");
    expect(acc.map((x) => [x.unit.code, x.stored.version])).toEqual([[A.code, a1.version]]);
    const held = await heldRecords(store, PERIOD);
    expect(held.map((r) => r.unit.code).sort()).toEqual([A.code, B.code]);
    expect(held.find((r) => r.unit.code === A.code)).toEqual((await getVersion(store, PERIOD, A.code, a2.version))!.record);
  });

  it("of two accepted versions the later one is merged, not the first; a newer unreviewed one is not", async () => {
    await open();
    const a1 = await accepted(A, good[A.code]!);
    expect(await review(A, a1.version, "accept")).toMatchObject({ ok: true });
    const a2 = await accepted(A, good2);
    expect(await review(A, a2.version, "accept")).toMatchObject({ ok: true });
    const a3 = await accepted(A, good[A.code]!);
    expect((await newestVersion(store, PERIOD, A.code, true))!.version).toBe(a2.version);
    expect((await newestVersion(store, PERIOD, A.code))!.version).toBe(a3.version);
    const acc = await recordsForMerge(store, PERIOD, [A], "accepted");
    expect(acc.map((x) => x.stored.version)).toEqual([a2.version]);
    expect(await mergeableCounts(store, PERIOD, [A, B])).toEqual({ submitted: 1, accepted: 1 });
  });

  it("status rows and counts from a history already read: the same answers, no listing of their own", async () => {
    await open();
    const a1 = await accepted(A, good[A.code]!);
    expect(await review(A, a1.version, "accept")).toMatchObject({ ok: true });
    await accepted(B, good[B.code]!);
    const now = new Date("2025-12-21T00:00:00Z");
    const rows = await periodStatus(store, period, [A, B, C], now);
    const counts = await mergeableCounts(store, PERIOD, [A, B, C]);
    const history = await periodHistory(store, PERIOD);
    let listings = 0;
    const list = store.list.bind(store);
    store.list = async (prefix: string) => (listings++, list(prefix));
    expect(await periodStatus(store, period, [A, B, C], now, history)).toEqual(rows);
    expect(await mergeableCounts(store, PERIOD, [A, B, C], history)).toEqual(counts);
    expect(counts).toEqual({ submitted: 2, accepted: 1 });
    expect(listings).toBe(0);
  });
});

describe("the name a sent report downloads under", () => {
  it.each([
    ["15:59:59 UTC is 23:59:59 in Beijing: still the 5th", "2026-12-05T15:59:59.999Z", "Asia/Shanghai", "青阳镇2026年全年科技工作情况统计报表（2026-12-05上报）.xlsx"],
    ["16:00 UTC is midnight in Beijing: the 6th, though UTC says the 5th", "2026-12-05T16:00:00.000Z", "Asia/Shanghai", "青阳镇2026年全年科技工作情况统计报表（2026-12-06上报）.xlsx"],
    ["a bureau in another zone keeps its own calendar", "2026-12-05T16:00:00.000Z", "Europe/London", "青阳镇2026年全年科技工作情况统计报表（2026-12-05上报）.xlsx"],
  ])("%s", (_what, at, tz, name) => {
    expect(originalFileName("青阳镇", "2026年全年", at, tz)).toBe(name);
  });
});
