/**
 * The snapshot of what the server holds for a period (functions/service/held-records.ts), which the
 * slip check at submission reads: one listing for submissions that come together, reused until
 * HELD_FOR_MS has passed, this process's commits put into it at once (so the next submission
 * compares with them), kept apart per period and per store, and never kept when it failed.
 * On the filesystem store in a temp folder, its listings counted.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HELD_FOR_MS, heldRecordCommitted, heldRecords } from "../functions/service/held-records";
import { openPeriod } from "../functions/service/periods";
import { submitReport } from "../functions/service/reports";
import { FsObjectStore } from "../functions/storage/index";
import { demoUnits } from "../templates/samples";
import { goodReport } from "./support/functions-server";

const P = "2025-Y";
const units = demoUnits(3);
let files: Uint8Array[];

/** The filesystem store, counting the listings of the period's units and able to fail them. */
class CountingStore extends FsObjectStore {
  listings = 0;
  failNext = false;
  override async list(prefix: string): Promise<string[]> {
    if (prefix.endsWith("/units/")) {
      this.listings++;
      if (this.failNext) {
        this.failNext = false;
        throw new Error("EIO");
      }
    }
    return super.list(prefix);
  }
}

let root: string;
let store: CountingStore;
beforeAll(async () => {
  files = await Promise.all(units.map((u, i) => goodReport(u, P, 10 + i)));
}, 60_000);
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "hz-held-"));
  store = new CountingStore({ root });
  await openPeriod(store, P, "330100000000", new Date("2025-12-01T00:00:00Z"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const submit = (i: number) => submitReport(store, { periodId: P, unitCode: units[i]!.code, bytes: files[i]!, by: { code: units[i]!.code, name: "填报人", role: "unit" } });
const codes = async (p: Promise<{ unit: { code: string } }[]>) => (await p).map((r) => r.unit.code).sort();

describe("the held records a submission compares with", () => {
  it("one listing for submissions that come together, reused while fresh, read again at HELD_FOR_MS", async () => {
    expect((await submit(0)).ok).toBe(true);
    const t = 1_000_000;
    const listed = store.listings;
    const [a, b] = await Promise.all([heldRecords(store, P, t), heldRecords(store, P, t)]);
    expect(a).toBe(b);
    expect(a.map((r) => r.unit.code)).toEqual([units[0]!.code]);
    expect(store.listings).toBe(listed + 1);
    // Just inside the time: the same snapshot; at it: read again.
    expect(await heldRecords(store, P, t + HELD_FOR_MS - 1)).toBe(a);
    expect(store.listings).toBe(listed + 1);
    const again = await heldRecords(store, P, t + HELD_FOR_MS);
    expect(again).not.toBe(a);
    expect(store.listings).toBe(listed + 2);
    // A clock that went back does not make an old snapshot answer.
    expect(await heldRecords(store, P, t + HELD_FOR_MS - 1)).not.toBe(again);
    expect(store.listings).toBe(listed + 3);
  });

  it("a commit of this process is in the snapshot at once, in place of the unit's older record, with no new listing", async () => {
    expect((await submit(0)).ok).toBe(true);
    expect(await codes(heldRecords(store, P))).toEqual([units[0]!.code]);
    const listed = store.listings;
    const second = await submit(1);
    expect(second.ok).toBe(true);
    const again = await submit(0);
    if (!again.ok) throw new Error("refused");
    const held = await heldRecords(store, P);
    expect(held.map((r) => r.unit.code).sort()).toEqual([units[0]!.code, units[1]!.code].sort());
    // Three submissions, each compared with the snapshot: one listing (the first submission's own was before `listed`).
    expect(store.listings).toBe(listed);
    // The unit's newest record, not its first.
    const fresh = new CountingStore({ root });
    const reread = await heldRecords(fresh, P);
    expect(reread.map((r) => r.unit.code).sort()).toEqual([units[0]!.code, units[1]!.code].sort());
    expect(held.find((r) => r.unit.code === units[0]!.code)).toEqual(reread.find((r) => r.unit.code === units[0]!.code));
    expect(held.find((r) => r.unit.code === units[1]!.code)).toEqual(reread.find((r) => r.unit.code === units[1]!.code));
  });

  it("a commit where no snapshot is kept (another store, another period) changes nothing and throws nothing", async () => {
    expect((await submit(0)).ok).toBe(true);
    const [record] = await heldRecords(store, P);
    const other = new CountingStore({ root });
    expect(() => heldRecordCommitted(other, P, record!)).not.toThrow();
    expect(() => heldRecordCommitted(store, "2025-H1", record!)).not.toThrow();
    const listed = other.listings;
    expect(await codes(heldRecords(other, P))).toEqual([units[0]!.code]);
    expect(other.listings).toBe(listed + 1);
  });

  it("an old snapshot's failure does not drop the newer one that replaced it", async () => {
    expect((await submit(2)).ok).toBe(true);
    const t = 5_000_000;
    store.failNext = true;
    const old = heldRecords(store, P, t);
    const newer = heldRecords(store, P, t + HELD_FOR_MS);
    await expect(old).rejects.toThrow("EIO");
    const records = await newer;
    const listed = store.listings;
    expect(await heldRecords(store, P, t + HELD_FOR_MS + 1)).toBe(records);
    expect(store.listings).toBe(listed);
  });

  it("a commit while the snapshot's read fails: the failure is dropped, not thrown at no one", async () => {
    expect((await submit(1)).ok).toBe(true);
    const [record] = await heldRecords(store, P);
    store.failNext = true;
    const failing = heldRecords(store, P, 4_000_000);
    // Committed while the listing is still under way (vitest fails the run on an unhandled rejection).
    heldRecordCommitted(store, P, record!);
    await expect(failing).rejects.toThrow("EIO");
    await new Promise((r) => setTimeout(r, 20));
    expect(await codes(heldRecords(store, P, 4_000_000))).toEqual([units[1]!.code]);
  });

  it("snapshots are kept apart per period and per store", async () => {
    await openPeriod(store, "2025-H1", "330100000000", new Date("2025-06-01T00:00:00Z"));
    const t = 2_000_000;
    const year = await heldRecords(store, P, t);
    const half = await heldRecords(store, "2025-H1", t);
    expect(half).not.toBe(year);
    const other = new CountingStore({ root });
    expect(await heldRecords(other, P, t)).not.toBe(year);
    expect(await heldRecords(store, P, t)).toBe(year);
    expect(await heldRecords(store, "2025-H1", t)).toBe(half);
  });

  it("a failed read is not kept: the next submission reads again", async () => {
    expect((await submit(2)).ok).toBe(true);
    store.failNext = true;
    await expect(heldRecords(store, P, 3_000_000)).rejects.toThrow("EIO");
    expect(await codes(heldRecords(store, P, 3_000_000))).toEqual([units[2]!.code]);
  });
});
