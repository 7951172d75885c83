/**
 * Reporting periods (functions/service/periods.ts) on the filesystem store in a temp folder: the
 * deadline as the city sends it, late or not at its exact edge, opening, reopening, closing, listing.
 * In-process (the mutation run uses it).
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { closePeriod, getPeriod, isAfterDeadline, listPeriods, openPeriod, parseDeadline } from "../functions/service/periods";
import { FsObjectStore, periodKey } from "../functions/storage/index";
import { FaultyStore } from "./support/faulty-store";

describe("parseDeadline", () => {
  it.each([
    ["2025-12-31T17:00:00+08:00", "2025-12-31T09:00:00.000Z"],
    ["2025-12-31T17:00+08:00", "2025-12-31T09:00:00.000Z"],
    ["2025-12-31T17:00:00Z", "2025-12-31T17:00:00.000Z"],
    ["2025-12-31T17:00:00.5Z", "2025-12-31T17:00:00.500Z"],
    ["2025-12-31T17:00:00.123-05:00", "2025-12-31T22:00:00.123Z"],
    [" 2025-12-31T17:00:00Z ", "2025-12-31T17:00:00.000Z"],
    ["2025-12-31T17:00:00", null],
    ["2025-12-31", null],
    ["2025-12-31 17:00:00Z", null],
    ["2025-12-31T17:00:00+0800", null],
    ["2025-12-31T17:00:00.Z", null],
    ["x2025-12-31T17:00:00Z", null],
    // Dates JavaScript would read, but not as the city sends them: an expanded year, a NUL after the zone.
    ["+002025-12-31T17:00:00Z", null],
    ["2025-12-31T17:00:00Z\u0000", null],
    ["2025-12-31T17:00:00Zx", null],
    ["2025-13-31T17:00:00Z", null],
    ["2025-12-31T25:00:00Z", null],
    ["", null],
    [20251231, null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(parseDeadline(input)).toBe(expected);
  });
});

describe("isAfterDeadline", () => {
  it.each([
    [{ deadline: "2025-12-31T09:00:00.000Z" }, "2025-12-31T09:00:00.001Z", true],
    [{ deadline: "2025-12-31T09:00:00.000Z" }, "2025-12-31T09:00:00.000Z", false],
    [{ deadline: "2025-12-31T09:00:00.000Z" }, "2025-12-31T08:59:59.999Z", false],
    [{}, "2099-01-01T00:00:00.000Z", false],
    [{ deadline: "" }, "2099-01-01T00:00:00.000Z", false],
    [null, "2099-01-01T00:00:00.000Z", false],
  ] as const)("%j at %s → %s", (period, at, expected) => {
    expect(isAfterDeadline(period, at)).toBe(expected);
    expect(isAfterDeadline(period, new Date(at))).toBe(expected);
  });
});

describe("opening, closing and listing periods", () => {
  let dir: string;
  let store: FsObjectStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hz-periods-"));
    store = new FsObjectStore({ root: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const T1 = new Date("2025-12-01T00:00:00Z");
  const T2 = new Date("2025-12-05T00:00:00Z");

  it("opens with its label, reopens keeping who opened it, and writes only what changed", async () => {
    expect(await openPeriod(store, "2025-13", "市科技局", T1)).toBeNull();
    expect(await store.list("")).toEqual([]);
    const first = await openPeriod(store, "2025-H1", "市科技局", T1);
    expect(first).toStrictEqual({ id: "2025-H1", label: "2025年上半年", open: true, openedAt: "2025-12-01T00:00:00.000Z", openedBy: "市科技局" });
    expect(await store.getJson(periodKey("2025-H1"))).toEqual(first);
    // Opened again with nothing new: the same period, not written again.
    await store.putJson(periodKey("2025-H1"), { ...first, marker: 1 });
    expect(await openPeriod(store, "2025-H1", "别人", T2)).toEqual({ ...first, marker: 1 });
    expect(await store.getJson(periodKey("2025-H1"))).toEqual({ ...first, marker: 1 });
    // A deadline: written, the opening kept.
    const withDeadline = await openPeriod(store, "2025-H1", "别人", T2, "2025-12-31T09:00:00.000Z");
    expect(withDeadline).toEqual({ ...first, marker: 1, deadline: "2025-12-31T09:00:00.000Z" });
    expect(await getPeriod(store, "2025-H1")).toEqual(withDeadline);
    // A library: written; the same library again: not.
    const lib = { id: "HZ-KJ-01", version: "2026.2" };
    const withLib = await openPeriod(store, "2025-H1", "别人", T2, undefined, lib);
    expect(withLib).toEqual({ ...withDeadline, library: lib });
    expect(await getPeriod(store, "2025-H1")).toEqual(withLib);
    await store.putJson(periodKey("2025-H1"), { ...withLib, marker: 2 });
    expect(await openPeriod(store, "2025-H1", "别人", T2, undefined, { ...lib, title: "另一标题" })).toMatchObject({ marker: 2 });
    expect(await getPeriod(store, "2025-H1")).toMatchObject({ marker: 2 });
    expect((await getPeriod(store, "2025-H1"))!.library).toStrictEqual(lib);
    // Another version of the library: written.
    expect(await openPeriod(store, "2025-H1", "别人", T2, undefined, { id: "HZ-KJ-01", version: "2026.3" })).toMatchObject({ library: { version: "2026.3" } });
    expect(await getPeriod(store, "2025-H1")).toMatchObject({ library: { version: "2026.3" } });
    expect(await openPeriod(store, "2025-H1", "别人", T2, undefined, { id: "HZ-KJ-02", version: "2026.3" })).toMatchObject({ library: { id: "HZ-KJ-02" } });
    expect(await getPeriod(store, "2025-H1")).toMatchObject({ library: { id: "HZ-KJ-02" } });
  });

  it("reopening an open period with the same deadline and library writes nothing", async () => {
    const lib = { id: "HZ-KJ-01", version: "2026.2" };
    await openPeriod(store, "2025-Q1", "市科技局", T1, "2025-12-31T09:00:00.000Z", lib);
    const watched = new FaultyStore(store);
    expect(await openPeriod(watched, "2025-Q1", "别人", T2, "2025-12-31T09:00:00.000Z", { ...lib })).toStrictEqual({
      id: "2025-Q1", label: "2025年第一季度", open: true, openedAt: "2025-12-01T00:00:00.000Z", openedBy: "市科技局",
      deadline: "2025-12-31T09:00:00.000Z", library: lib,
    });
    expect(await openPeriod(watched, "2025-Q1", "别人", T2)).toMatchObject({ deadline: "2025-12-31T09:00:00.000Z", library: lib });
    expect(watched.log.filter((c) => c.op === "put")).toEqual([]);
  });

  it("closes once, and reopening a closed period starts it anew", async () => {
    expect(await closePeriod(store, "2025-Y", "市科技局", T1)).toBeNull();
    await openPeriod(store, "2025-Y", "市科技局", T1, "2025-12-31T09:00:00.000Z");
    const closed = await closePeriod(store, "2025-Y", "张三", T2);
    expect(closed).toEqual({
      id: "2025-Y", label: "2025年全年", open: false, openedAt: "2025-12-01T00:00:00.000Z", openedBy: "市科技局",
      deadline: "2025-12-31T09:00:00.000Z", closedAt: "2025-12-05T00:00:00.000Z", closedBy: "张三",
    });
    expect(await getPeriod(store, "2025-Y")).toEqual(closed);
    expect(await closePeriod(store, "2025-Y", "李四", new Date("2026-01-01T00:00:00Z"))).toEqual(closed);
    expect(await getPeriod(store, "2025-Y")).toEqual(closed);
    const reopened = await openPeriod(store, "2025-Y", "李四", T2);
    expect(reopened).toEqual({ id: "2025-Y", label: "2025年全年", open: true, openedAt: "2025-12-05T00:00:00.000Z", openedBy: "李四" });
    expect(await getPeriod(store, "2025-Y")).toEqual(reopened);
  });

  it("lists every period opened, newest id first, leaving out folders without a period", async () => {
    expect(await listPeriods(store)).toEqual([]);
    for (const id of ["2025-M03", "2024-Y", "2025-Y", "2025-H1"]) await openPeriod(store, id, "市科技局", T1);
    await store.put("periods/2026-Y/units/330102001000/x.json", new Uint8Array([1]));
    await store.put("periods/notaperiod/x.json", new Uint8Array([1]));
    expect((await listPeriods(store)).map((p) => p.id)).toEqual(["2025-Y", "2025-M03", "2025-H1", "2024-Y"]);
  });

  it("getPeriod: null when never opened; a broken period file is an error, not a missing period", async () => {
    expect(await getPeriod(store, "2025-Y")).toBeNull();
    await store.putText(periodKey("2025-Y"), "{不是");
    await expect(getPeriod(store, "2025-Y")).rejects.toMatchObject({ code: "STORAGE_CORRUPT" });
  });
});
