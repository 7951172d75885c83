/**
 * The storage contract (tests/support/storage-contract.ts) on the filesystem adapter, in temp folders,
 * and what only the filesystem adapter does: temp files, folders a person can browse, names Windows
 * cannot hold, a root or key that is not what it should be. In-process (the mutation run uses it); the
 * crash tests, which kill a child writer, stay in tests/storage.test.ts.
 */
// @ts-nocheck

import { mkdir, mkdtemp, readdir, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { FsObjectStore, InvalidKeyInput, periodKey, rosterKey, StorageConflict, StorageNotFound, StorageUnavailable, versionKey } from "../functions/storage";
import { putJsonOnce, putOnce } from "../functions/storage/port";
import { FaultyStore } from "./support/faulty-store";
import { bytes, caught, P, storageSuite, U, V } from "./support/storage-contract";

const tempRoots: string[] = [];
async function freshDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `huizong-${label}-`));
  tempRoots.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempRoots.map((d) => rm(d, { recursive: true, force: true })));
});

storageSuite("filesystem", { supportsConditionalWrites: true, reportsDeepOnlyFolders: true }, () => ({
  makeStore: async () => new FsObjectStore({ root: path.join(await freshDir("fs"), "data") }),
}));

describe("filesystem adapter", () => {
  it("sweepTemporaryFiles keeps recent temp files (a write may be in flight)", async () => {
    const root = path.join(await freshDir("sweep"), "data");
    await mkdir(path.join(root, "a"), { recursive: true });
    await writeFile(path.join(root, "a", ".tmp-inflight"), "x");
    const store = new FsObjectStore({ root });
    expect(await store.sweepTemporaryFiles(60_000)).toBe(0);
    expect(await store.list("")).toEqual([]);
    expect(await readdir(path.join(root, "a"))).toEqual([".tmp-inflight"]);
  });

  it("listFolders skips folders holding only temp files or dot entries, and files named like folders", async () => {
    const root = path.join(await freshDir("folders"), "data");
    const store = new FsObjectStore({ root });
    await store.put(periodKey(P), bytes(1));
    // A first write of a period killed before its rename, a dot folder, a stray temp file beside the periods.
    await mkdir(path.join(root, "periods", "2025-Q4", "units", U), { recursive: true });
    await writeFile(path.join(root, "periods", "2025-Q4", "units", U, ".tmp-crashed"), "x");
    await mkdir(path.join(root, "periods", ".hidden"), { recursive: true });
    await writeFile(path.join(root, "periods", ".hidden", "x.json"), "x");
    await writeFile(path.join(root, "periods", ".tmp-stray"), "x");
    await writeFile(path.join(root, "periods", "2025-H2"), "x");
    expect(await store.listFolders("periods/")).toEqual(["periods/2025-Y/"]);
    expect(await store.listFolders("periods/2025-Q4/")).toEqual([]);
    expect(await store.listFolders("periods/2025-H2/")).toEqual([]);
    expect(await store.listFolders("")).toEqual(["periods/"]);
    expect(await caught(store.listFolders("NUL/"))).toBeInstanceOf(InvalidKeyInput);
  });

  it("lays objects out as folders a person can browse", async () => {
    const root = path.join(await freshDir("layout"), "data");
    const store = new FsObjectStore({ root });
    await store.put(versionKey(P, U, V, "xlsx"), bytes(1));
    expect((await stat(path.join(root, "periods", "2025-Y", "units", U, `${V}.xlsx`))).size).toBe(1);
    expect(await readdir(path.join(root, "periods", "2025-Y", "units", U))).toEqual([`${V}.xlsx`]);
  });

  it("refuses Windows device names and trailing dots", async () => {
    const store = new FsObjectStore({ root: path.join(await freshDir("win"), "data") });
    for (const key of ["NUL", "con.json", "a/COM1.txt", "a/b."]) {
      expect(await caught(store.put(key, bytes(1)))).toBeInstanceOf(InvalidKeyInput);
    }
  });

  it("reports a root that is a file as StorageUnavailable, and a key that is a folder as a conflict", async () => {
    const base = await freshDir("unavail");
    await writeFile(path.join(base, "afile"), "x");
    const broken = new FsObjectStore({ root: path.join(base, "afile") });
    const err = await caught(broken.put(rosterKey(), bytes(1)));
    expect(err).toBeInstanceOf(StorageUnavailable);
    expect(err).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    expect(await broken.list("")).toEqual([]);
    expect(await broken.listFolders("")).toEqual([]);

    const store = new FsObjectStore({ root: path.join(base, "ok") });
    await store.put("a/b.json", bytes(1));
    expect(await caught(store.put("a", bytes(2)))).toMatchObject({ code: "STORAGE_CONFLICT", key: "a" });
    expect(await caught(store.put("a", bytes(2), { ifAbsent: true }))).toMatchObject({ code: "STORAGE_CONFLICT" });
    expect(await caught(store.get("a"))).toBeInstanceOf(StorageNotFound);
    expect(await store.list("")).toEqual(["a/b.json"]);
    expect(await store.listFolders("")).toEqual(["a/"]);
  });
});

describe("filesystem adapter at its edges", () => {
  const fresh = async (label: string) => {
    const root = path.join(await freshDir(label), "data");
    return { root, store: new FsObjectStore({ root }) };
  };

  it("writes a body in many small chunks whole", async () => {
    const root = path.join(await freshDir("chunks"), "data");
    const store = new FsObjectStore({ root, chunkSize: 7 });
    const body = Uint8Array.from({ length: 100 }, (_, i) => (i * 37) & 0xff);
    await store.put("a/b.bin", body);
    await store.put("a/c.bin", body, { ifAbsent: true });
    expect(await store.get("a/b.bin")).toEqual(body);
    expect(await store.get("a/c.bin")).toEqual(body);
    expect(await readdir(path.join(root, "a"))).toEqual(["b.bin", "c.bin"]);
  });

  it("names the refused key's field for Windows device names", async () => {
    const { store } = await fresh("win2");
    for (const key of ["a/aux.json", "lpt1", "a/b."]) {
      expect(await caught(store.get(key))).toMatchObject({ code: "INVALID_KEY_INPUT", field: "key" });
    }
    // Names that only begin like a device are keys.
    await store.put("a/console.json", bytes(1));
    await store.put("a/nul1.json", bytes(2));
    expect(await store.list("a/")).toEqual(["a/console.json", "a/nul1.json"]);
  });

  it("a key below an object, or naming a folder: missing, absent, and deleting it does nothing", async () => {
    const { store } = await fresh("below");
    await store.put("a/b.json", bytes(1));
    expect(await caught(store.get("a/b.json/c"))).toMatchObject({ code: "STORAGE_NOT_FOUND", key: "a/b.json/c" });
    expect(await store.exists("a/b.json/c")).toBe(false);
    expect(await store.exists("a")).toBe(false);
    await expect(store.delete("a/b.json/c")).resolves.toBeUndefined();
    await expect(store.delete("a")).resolves.toBeUndefined();
    expect(await store.list("")).toEqual(["a/b.json"]);
    expect(await store.list("a/b.json/")).toEqual([]);
    // A key below an object cannot be written here (S3 would take it; the key layout never does this).
    expect(await caught(store.put("a/b.json/c", bytes(2)))).toMatchObject({ code: "STORAGE_UNAVAILABLE", key: "a/b.json/c", vendorCode: "EEXIST" });
  });

  it("lists in key order, not in the order the folders are walked", async () => {
    const { store } = await fresh("order");
    // The walk reaches folder "a" before file "a.b.json"; as keys, "a.b.json" < "a/x.json" ("." < "/").
    await store.put("a/x.json", bytes(1));
    await store.put("a.b.json", bytes(2));
    await store.put("0.json", bytes(3));
    expect(await store.list("")).toEqual(["0.json", "a.b.json", "a/x.json"]);
    expect(await store.list("a")).toEqual(["a.b.json", "a/x.json"]);
  });

  it("lists by a prefix without a slash or ending inside a segment, filtered exactly", async () => {
    const { store } = await fresh("partial");
    for (const k of ["config/roster.json", "config/webhook.json", "periods/2025-Y/period.json", "pa/x.json"]) await store.put(k, bytes(1));
    expect(await store.list("per")).toEqual(["periods/2025-Y/period.json"]);
    expect(await store.list("p")).toEqual(["pa/x.json", "periods/2025-Y/period.json"]);
    expect(await store.list("config/r")).toEqual(["config/roster.json"]);
    expect(await store.list("config/roster.json")).toEqual(["config/roster.json"]);
    expect(await store.listFolders("per")).toEqual(["periods/"]);
    expect(await store.listFolders("periods/2025")).toEqual(["periods/2025-Y/"]);
  });

  it("a link that leads nowhere is no object; a loop of links is a failure of the store, not a missing key", async () => {
    const { root, store } = await fresh("links");
    await store.put("a/real.json", bytes(1));
    await symlink(path.join(root, "a", "loop"), path.join(root, "a", "loop"));
    await mkdir(path.join(root, "p", "only-link"), { recursive: true });
    await symlink(path.join(root, "p", "only-link", "x"), path.join(root, "p", "only-link", "x"));
    await store.put("p/real/x.json", bytes(2));
    expect(await store.list("")).toEqual(["a/real.json", "p/real/x.json"]);
    expect(await store.listFolders("p/")).toEqual(["p/real/"]);
    const eloop = { code: "STORAGE_UNAVAILABLE", vendorCode: "ELOOP" };
    expect(await caught(store.get("a/loop"))).toMatchObject({ ...eloop, key: "a/loop" });
    expect(await caught(store.exists("a/loop"))).toMatchObject({ ...eloop, key: "a/loop" });
    expect(await caught(store.get("a/loop/x.json"))).toMatchObject(eloop);
    expect(await caught(store.delete("a/loop/x.json"))).toMatchObject({ ...eloop, key: "a/loop/x.json" });
    expect(await caught(store.list("a/loop/"))).toMatchObject({ ...eloop, key: "a/loop/" });
    expect(await caught(store.listFolders("a/loop/"))).toMatchObject({ ...eloop, key: "a/loop/" });
    expect(await caught(store.put("a/loop/x.json", bytes(1)))).toMatchObject({ code: "STORAGE_UNAVAILABLE", key: "a/loop/x.json" });
    // A plain put replaces the link itself (rename); a create-only one finds the name taken.
    expect(await caught(store.put("a/loop", bytes(1), { ifAbsent: true }))).toBeInstanceOf(StorageConflict);
    await store.put("a/loop", bytes(1));
    expect(await store.get("a/loop")).toEqual(bytes(1));
  });

  it("sweepTemporaryFiles removes temp files as old as the limit, in every folder, and nothing else", async () => {
    const { root, store } = await fresh("sweep2");
    const now = Date.UTC(2025, 11, 1);
    await store.put("a/b/keep.json", bytes(1));
    const at = async (rel: string, ageMs: number) => {
      const file = path.join(root, rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, "x");
      const t = new Date(now - ageMs);
      await utimes(file, t, t);
    };
    await at(".tmp-top", 3_600_000);
    await at("a/b/.tmp-old", 3_600_001);
    await at("a/b/.tmp-young", 3_599_000);
    await at("a/b/old.json", 9_000_000);
    await at("a/b/x.tmp-old", 9_000_000);
    await mkdir(path.join(root, "a", ".tmp-dir"), { recursive: true });
    await at("a/.tmp-dir/.tmp-inner", 9_000_000);
    expect(await store.sweepTemporaryFiles(undefined, now)).toBe(3);
    expect((await readdir(path.join(root, "a", "b"))).sort()).toEqual([".tmp-young", "keep.json", "old.json", "x.tmp-old"]);
    expect(await readdir(path.join(root, "a", ".tmp-dir"))).toEqual([]);
    expect((await readdir(root)).sort()).toEqual(["a"]);
    expect(await store.sweepTemporaryFiles(1000, now)).toBe(1);
    expect(await readdir(path.join(root, "a", "b"))).not.toContain(".tmp-young");
  });

  it("sweepTemporaryFiles with no root yet, a root that is a file, or a root that loops", async () => {
    const base = await freshDir("sweep3");
    expect(await new FsObjectStore({ root: path.join(base, "none") }).sweepTemporaryFiles(0)).toBe(0);
    await writeFile(path.join(base, "file"), "x");
    expect(await new FsObjectStore({ root: path.join(base, "file") }).sweepTemporaryFiles(0)).toBe(0);
    await symlink(path.join(base, "loop"), path.join(base, "loop"));
    expect(await caught(new FsObjectStore({ root: path.join(base, "loop") }).sweepTemporaryFiles(0))).toMatchObject({ code: "STORAGE_UNAVAILABLE", vendorCode: "ELOOP" });
  });
});

describe("putOnce over a store that fails", () => {
  it("a write that failed (not a conflict) is that failure, even when the same bytes are stored", async () => {
    const store = new FaultyStore(new FsObjectStore({ root: path.join(await freshDir("once"), "data") }));
    store.inject({ op: "put", fault: "lose-answer" });
    const err = await caught(putOnce(store, "a/x.json", bytes(1, 2)));
    expect(err).toBeInstanceOf(StorageUnavailable);
    expect(await store.inner.get("a/x.json")).toEqual(bytes(1, 2));
  });

  it("a conflict whose stored bytes cannot be read back stays the conflict", async () => {
    const store = new FaultyStore(new FsObjectStore({ root: path.join(await freshDir("once2"), "data") }));
    await store.inner.put("a/x.json", bytes(1, 2));
    store.inject({ op: "get", fault: "fail" });
    const err = await caught(putOnce(store, "a/x.json", bytes(1, 2)));
    expect(err).toBeInstanceOf(StorageConflict);
    expect(err).toMatchObject({ key: "a/x.json" });
  });

  it("stored bytes that only begin or end like ours are someone else's", async () => {
    const store = new FsObjectStore({ root: path.join(await freshDir("once3"), "data") });
    await store.put("a/x.json", bytes(1, 2));
    expect(await caught(putOnce(store, "a/x.json", bytes(1, 2, 3)))).toBeInstanceOf(StorageConflict);
    expect(await caught(putOnce(store, "a/x.json", bytes(1)))).toBeInstanceOf(StorageConflict);
    expect(await caught(putOnce(store, "a/x.json", bytes(1, 3)))).toBeInstanceOf(StorageConflict);
    expect(await putOnce(store, "a/x.json", bytes(1, 2))).toBe("already");
  });

  it("putJsonOnce: created, then already for the same value, a conflict for another", async () => {
    const store = new FsObjectStore({ root: path.join(await freshDir("once4"), "data") });
    expect(await putJsonOnce(store, "a/v.json", { 单位: "青阳镇", n: 1 })).toBe("created");
    expect(await store.getText("a/v.json")).toBe('{"单位":"青阳镇","n":1}');
    expect(await putJsonOnce(store, "a/v.json", { 单位: "青阳镇", n: 1 })).toBe("already");
    expect(await caught(putJsonOnce(store, "a/v.json", { 单位: "青阳镇", n: 2 }))).toBeInstanceOf(StorageConflict);
  });
});
