/**
 * The storage contract (tests/support/storage-contract.ts) on the filesystem adapter, in temp folders,
 * and what only the filesystem adapter does: temp files, folders a person can browse, names Windows
 * cannot hold, a root or key that is not what it should be. In-process (the mutation run uses it); the
 * crash tests, which kill a child writer, stay in tests/storage.test.ts.
 */
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { FsObjectStore, InvalidKeyInput, periodKey, rosterKey, StorageNotFound, StorageUnavailable, versionKey } from "../functions/storage";
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
