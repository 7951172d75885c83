/**
 * One version of a report as the reviewer reads it (functions/service/compare.ts), called directly on
 * the filesystem store, in process (the mutation run uses it): every figure with its growth, last
 * year's report for the same span (the accepted version over a newer one), the clerk's 备注 beside
 * each warning, and against an earlier version the figures that changed, by exactly how much, and the
 * narrative sections that changed.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN, indexOf } from "../templates/catalogue";
import { growthOf } from "../templates/merge/growth";
import type { TemplateFill } from "../templates/build";
import { reportDetail } from "../functions/service/compare";
import { openPeriod } from "../functions/service/periods";
import { reviewReport, submitReport, type Actor } from "../functions/service/reports";
import { FsObjectStore } from "../functions/storage/index";
import { goodReport, warnedReport } from "./support/functions-server";

const U = { code: "330102001000", name: "青阳镇", type: "乡镇" as const };
const BY: Actor = { code: U.code, name: "王晓燕", role: "town" };
const COUNTY: Actor = { code: "330102000000", name: "区科技局", role: "county" };
const INPUTS = indexOf(BUILTIN).inputs;

/** E02 (技术合同成交额, 万元) as typed: 1234.56 in the first version, 1234.76 in the second (0.2 apart, not 0.20000000000004547). */
const withE02 = (v: number, problems?: string) => (f: TemplateFill) => {
  f.values!.E02!.current = v;
  f.values!.E02!.prior = 1200;
  if (problems) f.narrative = { ...f.narrative, problems };
};

let v1: Uint8Array;
let v2: Uint8Array;
let noted: Uint8Array;
let lastYearOld: Uint8Array;
let lastYearNew: Uint8Array;
beforeAll(async () => {
  v1 = await goodReport(U, "2025-Y", 1, withE02(1234.56));
  v2 = await goodReport(U, "2025-Y", 1, withE02(1234.76, "企业研发投入意愿不强，需进一步引导。"));
  noted = await warnedReport(U, "新建科普基地，活动增加", "2025-Y", 1);
  lastYearOld = await goodReport(U, "2024-Y", 3, withE02(1100));
  lastYearNew = await goodReport(U, "2024-Y", 3, withE02(1111));
}, 120_000);

let dir: string;
let store: FsObjectStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hz-compare-"));
  store = new FsObjectStore({ root: dir });
  for (const p of ["2024-Y", "2025-Y"]) await openPeriod(store, p, "市科技局", new Date("2025-01-01T00:00:00Z"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function submit(periodId: string, bytes: Uint8Array): Promise<string> {
  const r = await submitReport(store, { periodId, unitCode: U.code, bytes, by: BY });
  if (!r.ok) throw new Error(`not taken: ${JSON.stringify(r).slice(0, 300)}`);
  return r.version.version;
}

describe("one version alone", () => {
  it("a version that does not exist: null", async () => {
    await submit("2025-Y", v1);
    expect(await reportDetail(store, "2025-Y", U.code, "no-such-version")).toBeNull();
    expect(await reportDetail(store, "2025-Y", "330102009000", "no-such-version")).toBeNull();
  });

  it("every input figure in the library's order with 本期, 上年同期 and growth; the 回执's hash; no comparison, no last year", async () => {
    const v = await submit("2025-Y", v1);
    const d = (await reportDetail(store, "2025-Y", U.code, v))!;
    expect(d.figures.map((f) => f.code)).toEqual(INPUTS.map((i) => i.code));
    expect(d.figures.find((f) => f.code === "E02")).toEqual({ code: "E02", name: "技术合同成交额", unit: "万元", current: 1234.56, prior: 1200, growth: growthOf(1234.56, 1200), lastYearReported: null, note: null });
    for (const f of d.figures) expect(f.growth).toBe(growthOf(f.current, f.prior));
    expect(d.figures.every((f) => !("before" in f) && !("delta" in f))).toBe(true);
    expect([d.version, d.sha256, d.late, d.preparer, d.phone]).toEqual([v, createHash("sha256").update(v1).digest("hex").slice(0, 12), false, "王晓燕", "13905710000"]);
    expect([d.compared, d.changedFigures, d.lastYearPeriod, d.warnings]).toEqual([null, [], null, []]);
    expect(d.narrative.map((n) => [n.key, n.title, "changed" in n])).toEqual(BUILTIN.narrative.map((s) => [s.key, s.title, false]));
    expect(d.narrative.every((n) => n.text.length > 0)).toBe(true);
  });

  it("a version that came in after the deadline is late", async () => {
    await openPeriod(store, "2025-Y", "市科技局", new Date("2025-01-01T00:00:00Z"), "2025-12-31T09:00:00Z");
    const v = await submit("2025-Y", v1);
    expect((await reportDetail(store, "2025-Y", U.code, v))!.late).toBe(true);
  });

  it("a warning carries the clerk's 备注 of its row, at its cell", async () => {
    const v = await submit("2025-Y", noted);
    const d = (await reportDetail(store, "2025-Y", U.code, v))!;
    expect(d.warnings.map((w) => [w.rule, w.indicator, w.note, w.cell.startsWith("指标!E")])).toEqual([["GROWTH_IMPLAUSIBLE", "G01", "新建科普基地，活动增加", true]]);
    expect(d.figures.find((f) => f.code === "G01")!.note).toBe("新建科普基地，活动增加");
  });
});

describe("against an earlier version", () => {
  it("the changed figure and its exact delta; the changed narrative section; every other figure unchanged with delta 0", async () => {
    const a = await submit("2025-Y", v1);
    const b = await submit("2025-Y", v2);
    const d = (await reportDetail(store, "2025-Y", U.code, b, a))!;
    expect([d.compared, d.changedFigures]).toEqual([a, ["E02"]]);
    expect(d.figures.find((f) => f.code === "E02")).toMatchObject({ current: 1234.76, before: 1234.56, delta: 0.2 });
    for (const f of d.figures.filter((x) => x.code !== "E02")) expect([f.code, f.before, f.delta]).toEqual([f.code, f.current, f.current === null ? null : 0]);
    expect(d.narrative.map((n) => [n.key, n.changed])).toEqual(BUILTIN.narrative.map((s) => [s.key, s.key === "problems"]));
    expect(d.narrative.find((n) => n.key === "problems")!.text).toBe("企业研发投入意愿不强，需进一步引导。");
  });

  it("the other way round: the delta is negative", async () => {
    const a = await submit("2025-Y", v1);
    const b = await submit("2025-Y", v2);
    const d = (await reportDetail(store, "2025-Y", U.code, a, b))!;
    expect(d.figures.find((f) => f.code === "E02")).toMatchObject({ current: 1234.56, before: 1234.76, delta: -0.2 });
  });

  it("an earlier version that does not exist: no comparison at all", async () => {
    const a = await submit("2025-Y", v1);
    const d = (await reportDetail(store, "2025-Y", U.code, a, "no-such-version"))!;
    expect([d.compared, d.changedFigures]).toEqual([null, []]);
    expect(d.figures.every((f) => !("before" in f))).toBe(true);
    expect(d.narrative.every((n) => !("changed" in n))).toBe(true);
  });
});

describe("last year's report for the same span", () => {
  // This year's report first: taken before last year's are stored, its 上年同期 is not held against them.
  it("the newest version when none was accepted", async () => {
    const v = await submit("2025-Y", v1);
    await submit("2024-Y", lastYearOld);
    await submit("2024-Y", lastYearNew);
    const d = (await reportDetail(store, "2025-Y", U.code, v))!;
    expect([d.lastYearPeriod, d.figures.find((f) => f.code === "E02")!.lastYearReported]).toEqual(["2024-Y", 1111]);
  });

  it("the accepted version over a newer one", async () => {
    const v = await submit("2025-Y", v1);
    const old = await submit("2024-Y", lastYearOld);
    const review = await reviewReport(store, { periodId: "2024-Y", unitCode: U.code, version: old, action: "accept", reason: "", by: COUNTY, now: new Date("2025-01-20T00:00:00Z") });
    expect(review.ok).toBe(true);
    await submit("2024-Y", lastYearNew);
    const d = (await reportDetail(store, "2025-Y", U.code, v))!;
    expect(d.figures.find((f) => f.code === "E02")!.lastYearReported).toBe(1100);
  });

  it("another span last year is not the same span: nothing", async () => {
    const v = await submit("2025-Y", v1);
    await openPeriod(store, "2024-H1", "市科技局", new Date("2025-01-01T00:00:00Z"));
    await submit("2024-H1", await goodReport(U, "2024-H1", 3));
    const d = (await reportDetail(store, "2025-Y", U.code, v))!;
    expect([d.lastYearPeriod, d.figures.every((f) => f.lastYearReported === null)]).toEqual([null, true]);
  });
});
