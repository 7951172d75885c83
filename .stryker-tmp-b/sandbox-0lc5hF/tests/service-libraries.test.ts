/**
 * The indicator libraries the server keeps (functions/service/libraries.ts), called directly on the
 * filesystem store, in process (the mutation run uses it): the built-in library is never stored, any
 * other is stored once under its content hash, a period's reference finds it (read once, then the
 * same value), a failed read is not remembered, and a library the city sends as JSON is taken only
 * when every part of it is sound.
 */
// @ts-nocheck

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { libraryHash } from "../templates/library/embed";
import { BUILTIN_REF, findLibrary, libraryFromJson, rememberLibrary } from "../functions/service/libraries";
import { FsObjectStore, StorageUnavailable, libraryKey } from "../functions/storage/index";
import { FaultyStore } from "./support/faulty-store";

/** The 科协 library: the built-in one under another id, version and title. */
const other = (version = "2026.1", title = "科协工作情况统计报表"): Catalogue => ({ ...structuredClone(BUILTIN), id: "KX-01", version, title });

let dir: string;
let fs: FsObjectStore;
let store: FaultyStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hz-libraries-"));
  fs = new FsObjectStore({ root: dir });
  store = new FaultyStore(fs);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("keeping libraries", () => {
  it("the built-in library, or a copy with the same content, is never stored", async () => {
    await rememberLibrary(store, BUILTIN);
    await rememberLibrary(store, structuredClone(BUILTIN));
    expect(await fs.list("config/")).toEqual([]);
  });

  it("another library is stored once, under its id, version and content hash", async () => {
    const kx = other();
    await rememberLibrary(store, kx);
    await rememberLibrary(store, other());
    const key = libraryKey("KX-01", "2026.1", libraryHash(kx));
    expect(await fs.list("config/")).toEqual([key]);
    expect(store.writtenKeys()).toEqual([key]);
    expect(await fs.getJson(key)).toEqual(kx);
  });

  it("a store that fails to answer is the caller's error, not a silent skip", async () => {
    store.inject({ op: "get", fault: "fail" });
    await expect(rememberLibrary(store, other())).rejects.toBeInstanceOf(StorageUnavailable);
    expect(await fs.list("config/")).toEqual([]);
  });
});

describe("finding a period's library", () => {
  it.each([
    ["no reference", undefined],
    ["the built-in reference", BUILTIN_REF],
    ["the built-in id and version without a title", { id: BUILTIN.id, version: BUILTIN.version }],
  ])("%s: the built-in library, nothing read", async (_what, ref) => {
    expect(await findLibrary(store, ref)).toBe(BUILTIN);
    expect(store.log).toEqual([]);
  });

  it.each([
    ["an id with a slash", { id: "KX/01", version: "2026.1" }],
    ["an id starting with a dot", { id: ".KX", version: "2026.1" }],
    ["a version without its dot", { id: "KX-01", version: "20261" }],
    ["a version with four digits after the dot", { id: "KX-01", version: "2026.1000" }],
  ])("%s: none, and no storage key is even made", async (_what, ref) => {
    expect(await findLibrary(store, ref)).toBeNull();
    expect(store.log).toEqual([]);
  });

  it("a library never seen: none", async () => {
    expect(await findLibrary(store, { id: "KX-01", version: "2026.1" })).toBeNull();
  });

  it("a stored library is found, read once, and the same value is given every time after", async () => {
    await rememberLibrary(store, other());
    const first = await findLibrary(store, { id: "KX-01", version: "2026.1" });
    expect(first).toEqual(other());
    const reads = store.log.filter((c) => c.op === "get").length;
    expect(await findLibrary(store, { id: "KX-01", version: "2026.1" })).toBe(first);
    expect(store.log.filter((c) => c.op === "get").length).toBe(reads);
    expect(await findLibrary(store, { id: "KX-01", version: "2026.2" })).toBeNull();
  });

  it("another library at the built-in one's version number is that library, not the built-in one", async () => {
    const kx = other(BUILTIN.version);
    await rememberLibrary(store, kx);
    expect(await findLibrary(store, { id: "KX-01", version: BUILTIN.version })).toEqual(kx);
    expect(await findLibrary(store, { id: BUILTIN.id, version: "2026.1" })).toBeNull();
  });

  it("two contents under one id and version: the one whose key sorts last", async () => {
    const a = other("2026.1", "科协工作情况统计报表（甲）");
    const b = other("2026.1", "科协工作情况统计报表（乙）");
    await rememberLibrary(store, a);
    await rememberLibrary(store, b);
    const last = libraryHash(a) > libraryHash(b) ? a : b;
    expect((await findLibrary(store, { id: "KX-01", version: "2026.1" }))!.title).toBe(last.title);
  });

  it("a read that fails is not remembered: the next call reads again and finds it", async () => {
    const kx = other();
    await rememberLibrary(store, kx);
    const key = libraryKey("KX-01", "2026.1", libraryHash(kx));
    writeFileSync(join(dir, ...key.split("/")), "{ not json");
    await expect(findLibrary(store, { id: "KX-01", version: "2026.1" })).rejects.toThrow();
    writeFileSync(join(dir, ...key.split("/")), JSON.stringify(kx));
    expect(await findLibrary(store, { id: "KX-01", version: "2026.1" })).toEqual(kx);
  });
});

describe("a library the city sends as JSON", () => {
  it("a sound library is taken as it is", () => {
    const kx = other();
    expect(libraryFromJson(kx)).toBe(kx);
    expect(libraryFromJson(JSON.parse(JSON.stringify(BUILTIN)))).toEqual(BUILTIN);
  });

  const broken: [string, (c: Record<string, unknown>) => unknown][] = [
    ["not an object", () => "KX-01"],
    ["null", () => null],
    ["an id that is not a storage name", (c) => ({ ...c, id: "科协" })],
    ["no id", ({ id: _id, ...c }) => c],
    ["a version of another shape", (c) => ({ ...c, version: "v1" })],
    ["a version that is a number", (c) => ({ ...c, version: 2026.1 })],
    ["no indicators", (c) => ({ ...c, indicators: [] })],
    ["indicators not a list", (c) => ({ ...c, indicators: {} })],
    ["groups not a list", (c) => ({ ...c, groups: "A" })],
    ["narrative not a list", (c) => ({ ...c, narrative: null })],
    ["no rules", (c) => ({ ...c, rules: null })],
    ["rules not an object", (c) => ({ ...c, rules: "default" })],
    ["no form header", (c) => ({ ...c, formHeader: undefined })],
    ["a title that is not text", (c) => ({ ...c, title: 1 })],
    ["an indicator without a name", (c) => ({ ...c, indicators: (c.indicators as object[]).map((i, n) => (n === 0 ? { ...i, name: 7 } : i)) })],
    ["an indicator without a code", (c) => ({ ...c, indicators: (c.indicators as object[]).map((i, n) => (n === 3 ? { ...i, code: null } : i)) })],
    ["an indicator without a unit", (c) => ({ ...c, indicators: (c.indicators as object[]).map((i, n) => (n === 1 ? { ...i, unit: undefined } : i)) })],
    ["an indicator of an unknown kind", (c) => ({ ...c, indicators: (c.indicators as object[]).map((i, n) => (n === 0 ? { ...i, kind: "percent" } : i)) })],
    ["an indicator without a group", (c) => ({ ...c, indicators: (c.indicators as object[]).map((i, n) => (n === 0 ? { ...i, group: 1 } : i)) })],
    ["an indicator that is null", (c) => ({ ...c, indicators: [null, ...(c.indicators as object[])] })],
    ["a group without a name", (c) => ({ ...c, groups: (c.groups as object[]).map((g, n) => (n === 0 ? { ...g, name: null } : g)) })],
    ["a group without a code", (c) => ({ ...c, groups: (c.groups as object[]).map((g, n) => (n === 0 ? { ...g, code: 1 } : g)) })],
    ["a part of a total that does not exist (the cross-check)", (c) => ({ ...c, indicators: (c.indicators as object[]).map((i, n) => (n === 0 ? { ...i, partOf: "Z99" } : i)) })],
  ];
  it.each(broken)("%s: refused", (_what, spoil) => {
    expect(libraryFromJson(spoil(other() as unknown as Record<string, unknown>))).toBeNull();
  });
});
