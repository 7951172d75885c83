/**
 * templates/library/embed.ts beyond the shape of a carried library: embedLibrary's chunks,
 * the memos of JSON and hash (once per catalogue value), the bounded memo of libraries
 * already read (32, oldest out first, the built-in one included), a carried library that is
 * well formed but unsound (its first cross-check problem is the detail), and where the chunks
 * of column B end. In-process, for the library mutation shard.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import type { GridSheet } from "../templates/grid";
import { CHUNK, embedLibrary, knownLibrary, libraryHash, libraryJson, readEmbeddedLibrary } from "../templates/library/embed";
import { sha256Hex } from "../templates/library/sha256";

/** An info sheet carrying `json` in chunks of `chunk` characters from B4 under its true hash (or `hash`), plus extra cells. */
function info(json: string, chunk = 30_000, hash: GridSheet["cells"][string] | null = { value: sha256Hex(json), numFmt: "@" }, extra: GridSheet["cells"] = {}): GridSheet {
  const cells: GridSheet["cells"] = {};
  if (hash !== null) cells.B3 = hash;
  let r = 4;
  for (let i = 0; i < json.length; i += chunk, r++) cells[`B${r}`] = { value: json.slice(i, i + chunk), numFmt: "@" };
  Object.assign(cells, extra);
  return { name: "模板信息", state: "veryHidden", cells, rowCount: Math.max(r + 5, 10) };
}

let serial = 0;
/** A sound library of its own (a distinct title each call, so a distinct hash). */
const own = (extra: Partial<Catalogue> = {}): Catalogue => ({ ...BUILTIN, id: "HZ-QT-05", version: "2027.1", title: `测试报表${++serial}-${process.hrtime.bigint()}`, readableVersions: undefined, ...extra });

afterEach(() => vi.restoreAllMocks());

/** A sound library whose JSON is exactly `length` characters (its title padded). */
function sized(length: number): Catalogue {
  const title = `测试报表${++serial}-`;
  const bare = libraryJson(own({ title }));
  return own({ title: title + "x".repeat(length - bare.length) });
}

describe("embedLibrary: the hash and the cell chunks", () => {
  it.each<[string, number, number[]]>([
    ["exactly one cell", CHUNK, [CHUNK]],
    ["one character over one cell", CHUNK + 1, [CHUNK, 1]],
    ["exactly two cells", 2 * CHUNK, [CHUNK, CHUNK]],
    ["a long library", 3 * CHUNK + 17, [CHUNK, CHUNK, CHUNK, 17]],
  ])("%s", (_name, length, sizes) => {
    const cat = sized(length);
    const json = libraryJson(cat);
    expect(json.length).toBe(length);
    const e = embedLibrary(cat);
    expect(e.hash).toBe(sha256Hex(json));
    expect(e.chunks.map((c) => c.length)).toEqual(sizes);
    expect(e.chunks.join("")).toBe(json);
  });

  it("the built-in library in one cell, hashed as libraryHash says", () => {
    expect(embedLibrary(BUILTIN)).toEqual({ hash: libraryHash(BUILTIN), chunks: [libraryJson(BUILTIN)] });
  });

  it("the JSON leaves out the built-in library's readable versions", () => {
    expect(Object.keys(BUILTIN)).toContain("readableVersions");
    expect(JSON.parse(libraryJson(BUILTIN))).not.toHaveProperty("readableVersions");
  });
});

describe("the memos: JSON and hash once per catalogue value", () => {
  it("the JSON is made once per value", () => {
    const cat = own();
    const spy = vi.spyOn(JSON, "stringify");
    const first = libraryJson(cat);
    expect(libraryJson(cat)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    // An equal value that is another object is a value of its own.
    libraryJson({ ...cat });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("the hash is computed once per value", () => {
    const cat = own();
    libraryJson(cat);
    const spy = vi.spyOn(TextEncoder.prototype, "encode");
    const h = libraryHash(cat);
    expect(libraryHash(cat)).toBe(h);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe("libraries already read: one value per hash, at most 32", () => {
  it("the built-in library is known from the first read: its JSON reads as the built-in value itself", () => {
    const r = readEmbeddedLibrary(info(libraryJson(BUILTIN)));
    expect(r && r.ok && r.catalogue).toBe(BUILTIN);
  });

  it("the first value made known for a hash stays the one read", () => {
    const a = own();
    const b = { ...a };
    knownLibrary(a);
    knownLibrary(b);
    const r = readEmbeddedLibrary(info(libraryJson(a)));
    expect(r && r.ok && r.catalogue).toBe(a);
  });

  it("the 33rd library pushes out the oldest, the built-in one as well", () => {
    readEmbeddedLibrary(info(libraryJson(BUILTIN)));
    const cats = Array.from({ length: 40 }, () => own());
    for (const c of cats) knownLibrary(c);
    const readAs = (c: Catalogue) => {
      const r = readEmbeddedLibrary(info(libraryJson(c)));
      if (!r || !r.ok) throw new Error(JSON.stringify(r));
      return r.catalogue;
    };
    // Reads of known libraries change nothing; the last 32 are known.
    expect(readAs(cats[8]!)).toBe(cats[8]);
    expect(readAs(cats[39]!)).toBe(cats[39]);
    // The 9th-newest but 32 is gone: read anew, an equal value that is not the one made known.
    const again = readAs(cats[7]!);
    expect(again).not.toBe(cats[7]);
    expect(JSON.parse(libraryJson(again))).toEqual(JSON.parse(libraryJson(cats[7]!)));
    // ...and now it is known in its turn, and cats[8] (then the oldest) went out.
    expect(readAs(cats[7]!)).toBe(again);
    expect(readAs(cats[8]!)).not.toBe(cats[8]);
    // The built-in library went out with the first of them and is read anew too.
    const builtin = readAs(BUILTIN);
    expect(builtin).not.toBe(BUILTIN);
    expect(libraryJson(builtin)).toBe(libraryJson(BUILTIN));
  });
});

describe("a carried library that is well formed but not sound", () => {
  it.each<[string, (c: Catalogue) => Catalogue, string]>([
    [
      "a code twice",
      (c) => ({ ...c, indicators: [...c.indicators, { ...c.indicators[0]!, group: "G" }] }),
      "模板信息!B3：代码“A01”与B3重复。每个指标的代码必须唯一；新增的指标请用一个新代码。",
    ],
    [
      "an unknown group",
      (c) => ({ ...c, indicators: c.indicators.map((i) => (i.code === "G05" ? { ...i, group: "H" } : i)) }),
      "模板信息!B3：分组“H”不在“分组”工作表中。请填写已有的分组代码（A、B、C、D、E、F、G），或先在“分组”中添加该分组。",
    ],
  ])("%s: refused with its first problem", (_name, change, detail) => {
    const json = libraryJson(change(own()));
    expect(readEmbeddedLibrary(info(json))).toEqual({ ok: false, why: "invalid", detail });
  });
});

describe("where the carried library's hash and chunks are", () => {
  it("a hash cell that is there but empty (null) means no library", () => {
    expect(readEmbeddedLibrary(info(libraryJson(BUILTIN), 30_000, { value: null, numFmt: "@" }))).toBeNull();
  });

  it("a hash written as a number is compared as text", () => {
    const r = readEmbeddedLibrary(info(libraryJson(BUILTIN), 30_000, { value: 12345, numFmt: "General" }));
    expect(r).toEqual({ ok: false, why: "hash", detail: "指标库内容与校验值不符" });
  });

  it.each<[string, GridSheet["cells"][string]]>([
    ["a number", { value: 7, numFmt: "General" }],
    ["an empty text", { value: "", numFmt: "@" }],
    ["nothing (null)", { value: null, numFmt: "@" }],
  ])("the chunks end at %s, whatever follows it", (_name, stop) => {
    const cat = own();
    const json = libraryJson(cat);
    const chunks = Math.ceil(json.length / 1000);
    const sheet = info(json, 1000, undefined, { [`B${4 + chunks}`]: stop, [`B${5 + chunks}`]: { value: "不属于指标库的文字", numFmt: "@" } });
    const r = readEmbeddedLibrary(sheet);
    expect(r && r.ok && [r.hash, r.catalogue.title]).toEqual([sha256Hex(json), cat.title]);
  });
});
