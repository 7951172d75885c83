/**
 * The commit protocol of a submission under storage faults, through the
 * service's public functions: whatever write fails, hangs or loses its answer,
 * no one ever sees a version without its original (a "half version"), and a
 * version is visible only once the whole of it is stored. The faults come from
 * tests/support/faulty-store.ts over the real filesystem adapter.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPeriod } from "../functions/service/periods";
import type { RosterUnit } from "../functions/service/roster";
import { getVersion, listVersions, periodStatus, recordsForMerge, reviewReport, submitReport, type Actor } from "../functions/service/reports";
import { FsObjectStore, StorageUnavailable, unitPrefix, versionKeys } from "../functions/storage/index";
import { FaultyStore, type Fault } from "./support/faulty-store";
import { goodWorkbook, PERIOD, TOWN } from "./support/workbooks";

const BY: Actor = { code: TOWN.code, name: "王晓燕", role: "town" };
const UNIT: RosterUnit = { code: TOWN.code, name: TOWN.name, type: "乡镇", parent: "330102000000" };
let bytes: Uint8Array;
let dir: string;
let store: FaultyStore;

beforeAll(async () => {
  bytes = await goodWorkbook();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hz-commit-"));
  store = new FaultyStore(new FsObjectStore({ root: dir }));
  await openPeriod(store.inner, PERIOD, "市科技局", new Date("2025-12-01T00:00:00Z"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const submit = () => submitReport(store, { periodId: PERIOD, unitCode: TOWN.code, bytes, by: BY });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * What every reader sees, checked for half versions: each listed version has
 * its envelope and its original, byte for byte. Returns the listed versions.
 */
async function visible(): Promise<string[]> {
  const versions = (await listVersions(store.inner, PERIOD, TOWN.code)).map((v) => v.version);
  for (const v of versions) {
    const stored = await getVersion(store.inner, PERIOD, TOWN.code, v);
    expect(stored, `envelope of ${v}`).not.toBeNull();
    const original = await store.inner.get(versionKeys(PERIOD, TOWN.code, v).xlsx).catch(() => null);
    expect(original && sha(original), `original of listed version ${v}`).toBe(stored!.sha256);
  }
  const [row] = await periodStatus(store.inner, PERIOD, [UNIT]);
  expect(row!.state === "missing").toBe(versions.length === 0);
  expect(row!.version).toBe(versions.at(-1) ?? null);
  const merged = await recordsForMerge(store.inner, PERIOD, [UNIT], "submitted");
  expect(merged.map((m) => m.stored.version)).toEqual(versions.slice(-1));
  return versions;
}

const isPut = (n: number) => ({ op: "put" as const, nth: n });

describe("a submission whose nth write fails, hangs or loses its answer", () => {
  it("without faults a submission writes two objects and is visible with its original", async () => {
    const r = await submit();
    expect(r.ok).toBe(true);
    expect(store.writtenKeys()).toHaveLength(2);
    expect(await visible()).toEqual([r.ok ? r.version.version : ""]);
  });

  const FAILS: [fault: Fault, nth: number][] = [
    ["fail", 1],
    ["fail", 2],
  ];
  it.each(FAILS)("%s on write %i: the clerk gets the storage error, no version is visible, nothing is left over", async (fault, nth) => {
    store.inject({ ...isPut(nth), fault });
    await expect(submit()).rejects.toBeInstanceOf(StorageUnavailable);
    expect(await visible()).toEqual([]);
    expect(await store.inner.list(unitPrefix(PERIOD, TOWN.code))).toEqual([]);
    // And the clerk's retry goes through as the first version.
    const again = await submit();
    expect(again.ok && again.version.seq).toBe(1);
    expect(await visible()).toHaveLength(1);
  });

  it.each([1, 2])("lose-answer on write %i: the clerk gets the storage error, and no half version is ever visible", async (nth) => {
    store.inject({ ...isPut(nth), fault: "lose-answer" });
    await expect(submit()).rejects.toBeInstanceOf(StorageUnavailable);
    // The write landed, so the version may be complete and visible, or invisible; never half.
    expect((await visible()).length).toBeLessThanOrEqual(1);
    const again = await submit();
    expect(again.ok).toBe(true);
    const after = await visible();
    expect(after.at(-1)).toBe(again.ok ? again.version.version : "");
  });

  it.each([1, 2])("hang on write %i: nothing is visible while the write hangs; released, the version appears whole", async (nth) => {
    const h = store.inject({ ...isPut(nth), fault: "hang" });
    const pending = submit();
    await h.reached;
    expect(await visible()).toEqual([]);
    h.release();
    const r = await pending;
    expect(r.ok).toBe(true);
    expect(await visible()).toEqual([r.ok ? r.version.version : ""]);
  });

  it.each([1, 2])("hang on write %i then fail: nothing is visible, during or after", async (nth) => {
    const h = store.inject({ ...isPut(nth), fault: "hang" });
    const pending = submit();
    await h.reached;
    expect(await visible()).toEqual([]);
    h.abort();
    await expect(pending).rejects.toBeInstanceOf(StorageUnavailable);
    expect(await visible()).toEqual([]);
  });

  it("a failed clean-up after a failed commit mark still leaves no visible version", async () => {
    store.inject({ ...isPut(2), fault: "fail" });
    store.inject({ op: "delete", fault: "fail" });
    await expect(submit()).rejects.toBeInstanceOf(StorageUnavailable);
    expect(await visible()).toEqual([]);
  });
});

describe("a second version while the first one's write hangs", () => {
  it("the earlier version stays the latest until the new one is whole", async () => {
    const first = await submit();
    if (!first.ok) throw new Error(first.kind);
    const h = store.inject({ ...isPut(2), fault: "hang" });
    const pending = submit();
    await h.reached;
    expect(await visible()).toEqual([first.version.version]);
    h.release();
    const second = await pending;
    expect(second.ok && second.version.seq).toBe(2);
    expect(await visible()).toEqual([first.version.version, second.ok ? second.version.version : ""]);
  });
});

describe("a review whose write fails", () => {
  it("is not recorded: the version keeps its state, and a retry records it", async () => {
    const r = await submit();
    if (!r.ok) throw new Error(r.kind);
    const review = { periodId: PERIOD, unitCode: TOWN.code, version: r.version.version, action: "return" as const, reason: "数据有误", by: { code: "330102000000", name: "区科技局", role: "county" }, now: new Date("2025-12-21T00:00:00Z") };
    store.inject({ op: "put", fault: "fail" });
    await expect(reviewReport(store, review)).rejects.toBeInstanceOf(StorageUnavailable);
    expect((await listVersions(store.inner, PERIOD, TOWN.code)).map((v) => v.state)).toEqual(["submitted"]);
    expect((await reviewReport(store, review)).ok).toBe(true);
    expect((await listVersions(store.inner, PERIOD, TOWN.code)).map((v) => v.state)).toEqual(["returned"]);
  });
});
