/**
 * The city's target table on the server (functions/service/targets.ts), called directly on the
 * filesystem store, in process (the mutation run uses it): stored as uploaded beside its parse, the
 * city's own row named when left blank and refused when it names another unit, a bad file refused
 * with nothing stored, a new upload replacing the year's table.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTargetWorkbook } from "../templates/targets/workbook";
import type { Actor } from "../functions/service/reports";
import type { Roster } from "../functions/service/roster";
import { loadTargets, saveTargets, targetsOriginal } from "../functions/service/targets";
import { FsObjectStore, StorageUnavailable } from "../functions/storage/index";
import { FaultyStore } from "./support/faulty-store";

const CITY = { code: "330100000000", name: "示例市" };
const COUNTY = { code: "330102000000", name: "示例区" };
const TOWN = { code: "330102001000", name: "青阳镇" };
const ROSTER: Roster = {
  units: [
    { ...CITY, type: "市", parent: null },
    { ...COUNTY, type: "县（市、区）", parent: CITY.code },
    { ...TOWN, type: "乡镇", parent: COUNTY.code },
  ],
};
const BY: Actor = { code: CITY.code, name: "市科技局", role: "city" };
const NOW = new Date("2026-01-05T01:00:00Z");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

let dir: string;
let store: FsObjectStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hz-targets-"));
  store = new FsObjectStore({ root: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const table = (own: { code: string; name: string }, d01 = 700) =>
  buildTargetWorkbook({ year: 2026, own: { ...own, values: { D01: d01 } }, units: [{ ...COUNTY, values: { D01: 300 } }, { ...TOWN, values: { D01: 120 } }] });

describe("the year's target table", () => {
  it("none uploaded: nothing, neither parsed nor original", async () => {
    expect(await loadTargets(store, 2026)).toBeNull();
    expect(await targetsOriginal(store, 2026)).toBeNull();
  });

  it("stored as uploaded beside its parse: who, when, the file's hash, the city's own row apart from the units'", async () => {
    const bytes = await table(CITY);
    const r = await saveTargets(store, { year: 2026, bytes, roster: ROSTER, by: BY, now: NOW });
    expect(r).toEqual({
      ok: true,
      stored: {
        schema: "huizong.targets/1",
        year: 2026,
        uploadedAt: "2026-01-05T01:00:00.000Z",
        uploadedBy: BY,
        sha256: sha(bytes),
        table: { year: 2026, own: { ...CITY, values: { D01: 700 } }, units: [{ ...COUNTY, values: { D01: 300 } }, { ...TOWN, values: { D01: 120 } }] },
      },
    });
    expect(await loadTargets(store, 2026)).toEqual(r.ok && r.stored);
    expect(await targetsOriginal(store, 2026)).toEqual(bytes);
    expect(await loadTargets(store, 2025)).toBeNull();
  });

  it("the city's own row with its code left blank: the city's code and name are filled in", async () => {
    const r = await saveTargets(store, { year: 2026, bytes: await table({ code: "", name: "" }), roster: ROSTER, by: BY, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.stored.table.own).toEqual({ ...CITY, values: { D01: 700 } });
  });

  it("blank code, a name typed: the city's code, the name as typed", async () => {
    const r = await saveTargets(store, { year: 2026, bytes: await table({ code: "", name: "示例市本级" }), roster: ROSTER, by: BY, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.stored.table.own).toEqual({ code: CITY.code, name: "示例市本级", values: { D01: 700 } });
  });

  it("the city's row naming another unit: refused at A5 with what to type; nothing stored", async () => {
    const r = await saveTargets(store, { year: 2026, bytes: await table({ code: "330200000000", name: "别的市" }), roster: ROSTER, by: BY, now: NOW });
    const message = "目标任务分解!A5的区划代码为 330200000000，但第5行应为本级（示例市，330100000000）的目标。请改为本市的区划代码。";
    expect(r).toEqual({
      ok: false,
      code: "TARGETS_INVALID",
      message: `目标任务分解表有 1 处问题，未采用：${message}`,
      problems: [{ code: "TARGET_UNIT_UNKNOWN", sheet: "目标任务分解", cell: "A5", message }],
    });
    expect([await loadTargets(store, 2026), await targetsOriginal(store, 2026)]).toEqual([null, null]);
  });

  it("a roster without a city: the own row is taken as typed", async () => {
    const r = await saveTargets(store, { year: 2026, bytes: await table({ code: "330200000000", name: "别的市" }), roster: { units: ROSTER.units.slice(1) }, by: BY, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.stored.table.own.code).toBe("330200000000");
  });

  it("a unit row with the city's own code is not a unit of the roster", async () => {
    const bytes = await buildTargetWorkbook({ year: 2026, own: { ...CITY, values: { D01: 700 } }, units: [{ ...CITY, values: { D01: 300 } }] });
    const r = await saveTargets(store, { year: 2026, bytes, roster: ROSTER, by: BY, now: NOW });
    expect(r.ok ? [] : r.problems.map((p) => `${p.code}@${p.cell}`)).toEqual(["TARGET_UNIT_UNKNOWN@A6"]);
  });

  it("a store that fails to answer is the caller's error, not \"no table\"", async () => {
    const faulty = new FaultyStore(store);
    faulty.inject({ op: "get", fault: "fail" });
    await expect(loadTargets(faulty, 2026)).rejects.toBeInstanceOf(StorageUnavailable);
    faulty.inject({ op: "get", fault: "fail" });
    await expect(targetsOriginal(faulty, 2026)).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it("a file that is no target table: the reader's refusal, nothing stored", async () => {
    const r = await saveTargets(store, { year: 2026, bytes: new TextEncoder().encode("不是表格"), roster: ROSTER, by: BY, now: NOW });
    expect(r.ok).toBe(false);
    expect(await targetsOriginal(store, 2026)).toBeNull();
  });

  it("a table of another year: refused, nothing stored", async () => {
    const r = await saveTargets(store, { year: 2027, bytes: await table(CITY), roster: ROSTER, by: BY, now: NOW });
    expect(r.ok ? "stored" : r.problems.map((p) => [p.code, p.cell])).toEqual([["TARGET_YEAR_MISMATCH", "B2"]]);
    expect(await loadTargets(store, 2027)).toBeNull();
  });

  it("a new upload replaces the year's table, original and parse", async () => {
    await saveTargets(store, { year: 2026, bytes: await table(CITY, 700), roster: ROSTER, by: BY, now: NOW });
    const second = await table(CITY, 800);
    const r = await saveTargets(store, { year: 2026, bytes: second, roster: ROSTER, by: BY, now: new Date("2026-02-01T00:00:00Z") });
    if (!r.ok) throw new Error(r.message);
    expect((await loadTargets(store, 2026))!.table.own.values).toEqual({ D01: 800 });
    expect((await loadTargets(store, 2026))!.uploadedAt).toBe("2026-02-01T00:00:00.000Z");
    expect(await targetsOriginal(store, 2026)).toEqual(second);
  });
});
