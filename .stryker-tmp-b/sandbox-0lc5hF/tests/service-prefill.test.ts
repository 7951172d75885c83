/**
 * What the server already knows about a unit, put to use (functions/service/prefill.ts), called
 * directly on the filesystem store, in process (the mutation run uses it): the cover of a downloaded
 * template from the unit's last report or the roster, 上年同期 from last year's report of the same span
 * (accepted over newer; 1—6月 and 上半年 are one span), assigned 全年目标 locked, and the warnings a
 * submission gets against last year's report and the assigned targets.
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TemplateFill } from "../templates/build";
import { inspectWorkbook } from "../templates/inspect";
import { parsePeriodId, type Period } from "../templates/period";
import { buildTargetWorkbook } from "../templates/targets/workbook";
import { openPeriod } from "../functions/service/periods";
import { heldFindings, lastReport, lastYearReport, prefilledTemplate, templateFill } from "../functions/service/prefill";
import { reviewReport, submitReport, type Actor } from "../functions/service/reports";
import type { Roster, RosterUnit } from "../functions/service/roster";
import { saveTargets } from "../functions/service/targets";
import { FsObjectStore } from "../functions/storage/index";
import { goodReport } from "./support/functions-server";

const CITY: RosterUnit = { code: "330100000000", name: "示例市", type: "市", parent: null };
const COUNTY: RosterUnit = { code: "330102000000", name: "示例区", type: "县（市、区）", parent: CITY.code };
const U: RosterUnit = { code: "330102001000", name: "青阳镇", type: "乡镇", parent: COUNTY.code, contact: "张敏", phone: "13800000001" };
const ROSTER: Roster = { units: [CITY, COUNTY, U] };
const BY: Actor = { code: U.code, name: "青阳镇填报人", role: "town" };
const P = (id: string): Period => parsePeriodId(id)!;

/** A report of U for `period` with E02 (技术合同成交额) as given and the cover's 填表人 named. */
const report = (period: string, e02: number, preparer = "王晓燕", prior?: number) =>
  goodReport({ code: U.code, name: U.name, type: "乡镇" }, period, 3, (f: TemplateFill) => {
    f.values!.E02!.current = e02;
    if (prior !== undefined) f.values!.E02!.prior = prior;
    f.cover = { ...f.cover, preparer };
  });

let dir: string;
let store: FsObjectStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hz-prefill-"));
  store = new FsObjectStore({ root: dir });
  for (const p of ["2024-Y", "2024-M06", "2024-H1", "2025-Y", "2025-H1"]) await openPeriod(store, p, "市科技局", new Date("2025-01-01T00:00:00Z"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function submit(period: string, bytes: Uint8Array): Promise<string> {
  const r = await submitReport(store, { periodId: period, unitCode: U.code, bytes, by: BY });
  if (!r.ok) throw new Error(`not taken: ${JSON.stringify(r).slice(0, 300)}`);
  return r.version.version;
}

let y2024: Uint8Array;
let y2024b: Uint8Array;
let h2024: Uint8Array;
beforeAll(async () => {
  y2024 = await report("2024-Y", 1100, "王晓燕");
  y2024b = await report("2024-Y", 1111, "刘芳");
  h2024 = await report("2024-M06", 500, "赵磊");
}, 120_000);

describe("the template's fill", () => {
  it("a unit that never reported: the cover from the roster (its contact), the period's year and span, nothing else", async () => {
    expect(await templateFill(store, P("2025-Y"), U)).toEqual({
      fill: { cover: { unitName: "青阳镇", divisionCode: U.code, unitType: "乡镇", preparer: "张敏", phone: "13800000001", year: 2025, periodSpan: "全年" }, values: {} },
      lockedTargets: [],
    });
    const { contact: _c, phone: _p, ...bare } = U;
    expect((await templateFill(store, P("2025-H1"), bare)).fill.cover).toEqual({ unitName: "青阳镇", divisionCode: U.code, unitType: "乡镇", year: 2025, periodSpan: "上半年" });
  });

  it("a unit that reported before: the cover from its newest report in any period; 上年同期 from last year's report of the same span", async () => {
    await submit("2024-Y", y2024);
    await submit("2024-M06", h2024);
    const { fill } = await templateFill(store, P("2025-Y"), U);
    // The 1—6月 report came in last: its cover.
    expect(fill.cover).toMatchObject({ unitName: "青阳镇", divisionCode: U.code, unitType: "乡镇", preparer: "赵磊", phone: "13905710000", head: "李建国", year: 2025, periodSpan: "全年" });
    expect(fill.values!.E02).toEqual({ prior: 1100 });
    expect(Object.keys(fill.values!).length).toBeGreaterThan(40);
  });

  it("the newest report in any period, whichever period lists first", async () => {
    await submit("2024-M06", h2024);
    await submit("2024-Y", y2024);
    expect((await templateFill(store, P("2025-Y"), U)).fill.cover!.preparer).toBe("王晓燕");
  });

  it("last year's accepted report over a newer one", async () => {
    const first = await submit("2024-Y", y2024);
    const accepted = await reviewReport(store, { periodId: "2024-Y", unitCode: U.code, version: first, action: "accept", reason: "", by: { code: COUNTY.code, name: "区科技局", role: "county" }, now: new Date("2025-01-20T00:00:00Z") });
    expect(accepted.ok).toBe(true);
    await submit("2024-Y", y2024b);
    expect((await templateFill(store, P("2025-Y"), U)).fill.values!.E02).toEqual({ prior: 1100 });
    expect((await lastReport(store, U.code))!.record.meta.preparer).toBe("刘芳");
  });

  it.each([
    ["上半年 finds last year's 1—6月", "2025-H1", 500],
    ["全年 does not take 1—6月", "2025-Y", null],
  ])("%s", async (_what, period, prior) => {
    await submit("2024-M06", h2024);
    expect((await templateFill(store, P(period), U)).fill.values!.E02?.prior ?? null).toBe(prior);
    expect((await lastYearReport(store, P(period), U.code))?.periodId ?? null).toBe(prior === null ? null : "2024-M06");
  });

  it("the same span under its own name first: 2024-H1 over 2024-M06", async () => {
    await submit("2024-M06", h2024);
    await submit("2024-H1", await report("2024-H1", 600, "钱伟"));
    expect((await lastYearReport(store, P("2025-H1"), U.code))!.periodId).toBe("2024-H1");
  });

  it("the year's assigned targets filled and locked, beside 上年同期", async () => {
    await submit("2024-Y", y2024);
    const table = await buildTargetWorkbook({ year: 2025, own: { code: CITY.code, name: CITY.name, values: { D01: 700 } }, units: [{ code: COUNTY.code, name: COUNTY.name, values: { D01: 300 } }, { code: U.code, name: U.name, values: { D01: 120, E02: 2500.5 } }] });
    const saved = await saveTargets(store, { year: 2025, bytes: table, roster: ROSTER, by: { code: CITY.code, name: "市科技局", role: "city" }, now: new Date("2025-01-05T00:00:00Z") });
    expect(saved.ok).toBe(true);
    const { fill, lockedTargets } = await templateFill(store, P("2025-Y"), U);
    expect(lockedTargets).toEqual(["D01", "E02"]);
    expect([fill.values!.D01!.target, fill.values!.E02]).toEqual([120, { prior: 1100, target: 2500.5 }]);
  });

  it("the prefilled template reads back as the unit's, for the period, in its 填表人's name", async () => {
    await submit("2024-Y", y2024);
    const r = inspectWorkbook(await prefilledTemplate(store, P("2025-Y"), U));
    if (!r.ok) throw new Error(r.message);
    const s = r.submission;
    expect([s.cover.unitName.text, s.cover.divisionCode.text, s.cover.preparer.text, s.cover.year.raw, s.cover.periodSpan.text]).toEqual(["青阳镇", U.code, "王晓燕", 2025, "全年"]);
    expect(s.indicators.E02!.prior.raw).toBe(1100);
  });
});

describe("warnings against what the server holds", () => {
  it("a 上年同期 that differs from last year's report, and a 全年目标 that differs from the assigned one", async () => {
    await submit("2024-Y", y2024);
    const table = await buildTargetWorkbook({ year: 2025, own: { code: CITY.code, name: CITY.name, values: {} }, units: [{ code: U.code, name: U.name, values: { E02: 2500.5 } }] });
    await saveTargets(store, { year: 2025, bytes: table, roster: ROSTER, by: { code: CITY.code, name: "市科技局", role: "city" }, now: new Date("2025-01-05T00:00:00Z") });
    const r = inspectWorkbook(await report("2025-Y", 1300, "王晓燕", 1200));
    if (!r.ok || !r.record) throw new Error("unreadable");
    // Last year's report differs in every 上年同期 of this sample; E02 is the one with a target too.
    const found = (await heldFindings(store, "2025-Y", r.record)).filter((f) => f.indicator === "E02");
    expect(found.map((f) => [f.rule, f.indicator])).toEqual([
      ["PRIOR_DIFFERS_FROM_LAST_YEAR", "E02"],
      ["TARGET_DIFFERS", "E02"],
    ]);
    expect(found[0]!.message).toContain("上年报送 1100，本表填 1200");
  });

  it("nothing held: no warnings; a malformed period: none either", async () => {
    const r = inspectWorkbook(await report("2025-Y", 1300, "王晓燕", 1200));
    if (!r.ok || !r.record) throw new Error("unreadable");
    expect(await heldFindings(store, "2025-Y", r.record)).toEqual([]);
    await submit("2024-Y", y2024);
    expect(await heldFindings(store, "2025-X", r.record)).toEqual([]);
  });
});
