/**
 * readEmbeddedLibrary (templates/library/embed.ts) on info sheets made in the test: the
 * library JSON in chunks down column B from row 4, its sha-256 in B3. A copy whose hash
 * matches but whose JSON is not a library (hand-made, or from another program) is refused
 * with why, field by field; it must never reach the reader as a library.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { BUILTIN } from "../templates/catalogue";
import type { GridSheet } from "../templates/grid";
import { libraryJson, readEmbeddedLibrary } from "../templates/library/embed";
import { sha256Hex } from "../templates/library/sha256";

/** An info sheet carrying `json` in chunks of `chunk` characters under its true hash (or `hash`). */
function info(json: string, chunk = 30_000, hash: string | null = sha256Hex(json)): GridSheet {
  const cells: GridSheet["cells"] = {};
  if (hash !== null) cells.B3 = { value: hash, numFmt: "@" };
  for (let i = 0, r = 4; i < json.length; i += chunk, r++) cells[`B${r}`] = { value: json.slice(i, i + chunk), numFmt: "@" };
  return { name: "模板信息", state: "veryHidden", cells, rowCount: 4 + Math.ceil(json.length / chunk) };
}

const base = (): Record<string, unknown> => JSON.parse(libraryJson(BUILTIN));
const edit = (f: (c: Record<string, any>) => void) => {
  const c = base();
  f(c);
  return JSON.stringify(c);
};
const INCOMPLETE = { ok: false, why: "invalid", detail: "指标库内容不完整" };

describe("a hash that matches over JSON that is not a library", () => {
  it.each<[string, string, object]>([
    ["not JSON", "{not json", { ok: false, why: "invalid", detail: "指标库内容无法解析" }],
    ["null", "null", INCOMPLETE],
    ["a number", "42", INCOMPLETE],
    ["an empty object", "{}", INCOMPLETE],
    ["id not text", edit((c) => (c.id = 1)), INCOMPLETE],
    ["version missing", edit((c) => delete c.version), INCOMPLETE],
    ["title not text", edit((c) => (c.title = null)), INCOMPLETE],
    ["no 表头", edit((c) => delete c.formHeader), INCOMPLETE],
    ["groups not a list", edit((c) => (c.groups = {})), INCOMPLETE],
    ["a group without a code", edit((c) => (c.groups[1] = { name: "x" })), INCOMPLETE],
    ["a group without a name", edit((c) => (c.groups[1] = { code: "B" })), INCOMPLETE],
    ["a group that is null", edit((c) => (c.groups[1] = null)), INCOMPLETE],
    ["indicators not a list", edit((c) => (c.indicators = "A01")), INCOMPLETE],
    ["no indicators", edit((c) => (c.indicators = [])), INCOMPLETE],
    ["an indicator that is null", edit((c) => (c.indicators[3] = null)), INCOMPLETE],
    ["an indicator without a code", edit((c) => delete c.indicators[3].code), INCOMPLETE],
    ["an indicator without a name", edit((c) => delete c.indicators[3].name), INCOMPLETE],
    ["an indicator without a unit", edit((c) => delete c.indicators[3].unit), INCOMPLETE],
    ["an indicator of another kind", edit((c) => (c.indicators[3].kind = "money")), INCOMPLETE],
    ["an indicator without a group", edit((c) => delete c.indicators[3].group), INCOMPLETE],
    ["narrative not a list", edit((c) => (c.narrative = "x")), INCOMPLETE],
    ["no rules", edit((c) => delete c.rules), INCOMPLETE],
    ["rules null", edit((c) => (c.rules = null)), INCOMPLETE],
    ["rules without the list of warnings that need a note", edit((c) => delete c.rules.explain), INCOMPLETE],
  ])("%s", (_what, json, expected) => {
    expect(readEmbeddedLibrary(info(json))).toEqual(expected);
  });
});

describe("reading the carried library", () => {
  it("no hash: the template carries none", () => {
    expect(readEmbeddedLibrary(info(libraryJson(BUILTIN), 30_000, null))).toBeNull();
    expect(readEmbeddedLibrary(info(libraryJson(BUILTIN), 30_000, ""))).toBeNull();
  });

  it("a hash that does not match", () => {
    expect(readEmbeddedLibrary(info(libraryJson(BUILTIN), 30_000, "0".repeat(64)))).toEqual({ ok: false, why: "hash", detail: "指标库内容与校验值不符" });
  });

  it("a library of its own in many small chunks, read whole and then known by its hash", () => {
    const own = { ...BUILTIN, id: "HZ-QT-07", version: "2027.1", title: `其他报表（${process.hrtime.bigint()}）`, readableVersions: undefined };
    const json = libraryJson(own);
    const first = readEmbeddedLibrary(info(json, 97));
    if (!first || !first.ok) throw new Error(JSON.stringify(first));
    expect(first.hash).toBe(sha256Hex(json));
    expect(JSON.parse(JSON.stringify(first.catalogue))).toEqual(JSON.parse(json));
    // The second read of the same library is the same value (the memo of known libraries).
    const again = readEmbeddedLibrary(info(json, 1000));
    expect(again && again.ok && again.catalogue).toBe(first.catalogue);
  });

  it("chunks stop at the first empty or non-text cell", () => {
    const json = libraryJson(BUILTIN);
    const sheet = info(json, 500);
    sheet.cells.B5 = { value: 12, numFmt: "General" };
    expect(readEmbeddedLibrary(sheet)).toEqual({ ok: false, why: "hash", detail: "指标库内容与校验值不符" });
    const blank = info(json, 500);
    blank.cells.B6 = { value: "", numFmt: "@" };
    expect(readEmbeddedLibrary(blank)).toEqual({ ok: false, why: "hash", detail: "指标库内容与校验值不符" });
  });
});
