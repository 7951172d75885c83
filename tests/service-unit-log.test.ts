/**
 * The unit's log (functions/service/unit-log.ts) in-process on the filesystem store: the cache of
 * what never changes (once per key, per store, read once by concurrent requests, a failure not kept,
 * oldest out at its bound), the history read from the
 * log exactly, the entry as stored, the last slot a log can take, a slot race lost every time
 * (bounded tries, then a conflict), and the in-process lock's order.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Review } from "../functions/service/reports";
import { appendLog, CACHE_LIMIT, cached, unitHistory, withUnitLock } from "../functions/service/unit-log";
import { FsObjectStore, logKey, MAX_LOG_SLOT, StorageConflict, type PutOptions } from "../functions/storage";

const P = "2025-Y";
const U = "330102001000";
const V1 = "v20251220T020000000Z-00000001";
const V2 = "v20251221T020000000Z-00000002";

let root: string;
let store: FsObjectStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "hz-unit-log-"));
  store = new FsObjectStore({ root });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const review = (version: string, action: Review["action"]): Review => ({
  id: `r-${version.slice(-2)}-${action}`,
  version,
  action,
  reason: action === "return" ? "请补充说明" : "",
  by: { role: "city", code: "330100000000", name: "示例市" },
  at: "2025-12-22T01:00:00.000Z",
});

describe("cached: what was read of write-once objects", () => {
  it("loads a key once per store, and keeps keys apart", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cached(store, "a", load)).toBe(1);
    expect(await cached(store, "b", load)).toBe(2);
    expect(await cached(store, "a", load)).toBe(1);
    expect(await cached(store, "b", load)).toBe(2);
    const other = new FsObjectStore({ root });
    expect(await cached(other, "a", load)).toBe(3);
    expect(loads).toBe(3);
  });

  it("reads a key once for requests that want it at the same time", async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      await gate;
      return "v";
    };
    const both = Promise.all([cached(store, "same", load), cached(store, "same", load)]);
    release();
    expect(await both).toEqual(["v", "v"]);
    expect(loads).toBe(1);
  });

  it("does not keep a failed read: the next request reads again", async () => {
    let loads = 0;
    const load = async () => {
      if (++loads === 1) throw new Error("EIO");
      return "ok";
    };
    await expect(cached(store, "flaky", load)).rejects.toThrow("EIO");
    expect(await cached(store, "flaky", load)).toBe("ok");
    expect(await cached(store, "flaky", load)).toBe("ok");
    expect(loads).toBe(2);
  });

  it(`holds ${CACHE_LIMIT} keys; the next one pushes out the oldest only`, async () => {
    let loads = 0;
    const load = async () => ++loads;
    for (let i = 0; i < CACHE_LIMIT; i++) await cached(store, `k${i}`, load);
    expect(loads).toBe(CACHE_LIMIT);
    expect(await cached(store, `k${CACHE_LIMIT - 1}`, load)).toBe(CACHE_LIMIT);
    expect(await cached(store, "k0", load)).toBe(1);
    expect(loads).toBe(CACHE_LIMIT);
    await cached(store, "new", load);
    expect(loads).toBe(CACHE_LIMIT + 1);
    expect(await cached(store, "k1", load)).toBe(2);
    expect(await cached(store, "k0", load)).toBe(CACHE_LIMIT + 2);
  });
});

describe("the log", () => {
  it("a history is the log's versions and reviews in slot order, and its last slot", async () => {
    expect(await unitHistory(store, P, U)).toEqual({ versions: [], reviews: [], slots: 0 });
    const none = () => null;
    expect(await appendLog(store, P, U, { kind: "version", version: V1, at: "2025-12-20T02:00:00.000Z" }, none)).toMatchObject({ refused: null, slot: 1 });
    await appendLog(store, P, U, { kind: "review", review: review(V1, "return") }, none);
    await appendLog(store, P, U, { kind: "version", version: V2, at: "2025-12-21T02:00:00.000Z" }, none);
    expect(await unitHistory(store, P, U)).toEqual({ versions: [V1, V2], reviews: [review(V1, "return")], slots: 3 });
    expect(await store.getJson(logKey(P, U, 2))).toEqual({ schema: "huizong.log/1", slot: 2, kind: "review", review: review(V1, "return") });
    expect(await store.getJson(logKey(P, U, 3))).toEqual({ schema: "huizong.log/1", slot: 3, kind: "version", version: V2, at: "2025-12-21T02:00:00.000Z" });
    // Another unit's log is not this one's.
    expect(await unitHistory(store, P, "330102002000")).toEqual({ versions: [], reviews: [], slots: 0 });
  });

  it("a guard that refuses writes nothing and sees the log as it stands", async () => {
    await appendLog(store, P, U, { kind: "version", version: V1, at: "2025-12-20T02:00:00.000Z" }, () => null);
    const seen: number[] = [];
    const out = await appendLog(store, P, U, { kind: "review", review: review(V1, "accept") }, (h) => (seen.push(h.slots), "已被退回"));
    expect(out).toEqual({ refused: "已被退回", history: { versions: [V1], reviews: [], slots: 1 } });
    expect(seen).toEqual([1]);
    expect(await store.list(`periods/${P}/`)).toEqual([logKey(P, U, 1)]);
  });

  it(`takes slot ${MAX_LOG_SLOT}, the last one, and after it refuses with a conflict instead of writing past the key's width`, async () => {
    await store.putJson(logKey(P, U, MAX_LOG_SLOT - 1), { schema: "huizong.log/1", slot: MAX_LOG_SLOT - 1, kind: "version", version: V1, at: "2025-12-20T02:00:00.000Z" });
    expect(await appendLog(store, P, U, { kind: "version", version: V2, at: "2025-12-21T02:00:00.000Z" }, () => null)).toMatchObject({ refused: null, slot: MAX_LOG_SLOT });
    const err = await appendLog(store, P, U, { kind: "review", review: review(V2, "accept") }, () => null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageConflict);
    expect((await unitHistory(store, P, U)).slots).toBe(MAX_LOG_SLOT);
  });

  it("a slot race lost every time gives up after 200 tries with a conflict, having written nothing", async () => {
    class AlwaysTaken extends FsObjectStore {
      tries = 0;
      override async put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void> {
        if (key.includes("/log/") && opts?.ifAbsent) {
          this.tries++;
          throw new StorageConflict(key);
        }
        return super.put(key, body, opts);
      }
    }
    const taken = new AlwaysTaken({ root });
    const err = await appendLog(taken, P, U, { kind: "version", version: V1, at: "2025-12-20T02:00:00.000Z" }, () => null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageConflict);
    expect(err).toMatchObject({ key: logKey(P, U, 1) });
    expect(taken.tries).toBe(200);
    expect(await store.list("")).toEqual([]);
  });
});

describe("withUnitLock", () => {
  it("runs calls with one key one after another in call order, other keys beside them, and goes on after a failure", async () => {
    const events: string[] = [];
    const step = (name: string, ms: number, fail = false) => async () => {
      events.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name}-`);
      if (fail) throw new Error(name);
      return name;
    };
    const a1 = withUnitLock("a", step("a1", 30, true));
    const a2 = withUnitLock("a", step("a2", 1));
    const b1 = withUnitLock("b", step("b1", 1));
    await expect(a1).rejects.toThrow("a1");
    expect(await a2).toBe("a2");
    expect(await b1).toBe("b1");
    expect(events.indexOf("a2+")).toBeGreaterThan(events.indexOf("a1-"));
    expect(events.indexOf("b1-")).toBeLessThan(events.indexOf("a1-"));
    // The key is free again: a later call runs at once.
    expect(await withUnitLock("a", async () => "again")).toBe("again");
  });
});
