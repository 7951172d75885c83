/**
 * The server's consolidation (functions/service/consolidate.ts) called directly on the filesystem
 * store, in process (the mutation run uses it): which report of each unit goes in (the newest, or the
 * newest accepted), which units are below the county, what the merge engine is handed, and what is
 * stored: the workbook, the draft when there is one, and the note of what went in — create-only.
 * The engine is the service's own port: a recording one for what it is given, and the real one once.
 */
// @ts-nocheck

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN } from "../templates/catalogue";
import { parsePeriodId, type Period } from "../templates/period";
import { readXlsxGrid } from "../templates/xlsx/index";
import { consolidate, type MergeEngine, type MergeInput } from "../functions/service/consolidate";
import { defaultMergeEngine } from "../functions/service/merge-engine";
import { openPeriod } from "../functions/service/periods";
import { reviewReport, submitReport, type Actor } from "../functions/service/reports";
import type { Roster, RosterUnit } from "../functions/service/roster";
import { FsObjectStore, consolidationKeys, type PutOptions } from "../functions/storage/index";
import { buildTargetWorkbook } from "../templates/targets/workbook";
import { saveTargets } from "../functions/service/targets";
import { goodReport } from "./support/functions-server";

const CITY: RosterUnit = { code: "330100000000", name: "示例市", type: "市", parent: null };
const COUNTY: RosterUnit = { code: "330102000000", name: "示例区", type: "县（市、区）", parent: CITY.code };
const OTHER: RosterUnit = { code: "330103000000", name: "邻区", type: "县（市、区）", parent: CITY.code };
const town = (n: number, parent: RosterUnit, type: "乡镇" | "街道" = "乡镇"): RosterUnit => ({ code: `${parent.code.slice(0, 6)}${String(n).padStart(3, "0")}000`, name: `${parent.name}第${n}镇`, type, parent: parent.code });
const [A, B, C] = [town(1, COUNTY), town(2, COUNTY), town(3, COUNTY, "街道")];
const D = town(1, OTHER);
const ROSTER: Roster = { units: [CITY, COUNTY, OTHER, A, B, C, D] };
const PERIOD: Period = parsePeriodId("2025-Y")!;
const NOW = new Date("2026-01-10T02:30:00Z");
const BY: Actor = { code: COUNTY.code, name: "区科技局", role: "county" };
const STORED = `periods/2025-Y/consolidations/`;
const actor = (u: RosterUnit): Actor => ({ code: u.code, name: `${u.name}填报人`, role: "town" });

const bytesOf: Record<string, Uint8Array> = {};
beforeAll(async () => {
  for (const u of [A, B, C, D]) bytesOf[u.code] = await goodReport({ code: u.code, name: u.name, type: u.type as "乡镇" | "街道" }, "2025-Y", 1);
  bytesOf.A2 = await goodReport({ code: A.code, name: A.name, type: "乡镇" }, "2025-Y", 2);
}, 120_000);

let dir: string;
let store: FsObjectStore;
let seen: MergeInput[];
/** Records what it is given; answers fixed bytes, counts and totals, and a draft when asked to. */
const recording = (draft?: Uint8Array): MergeEngine => async (input) => {
  seen.push(input);
  return { bytes: new TextEncoder().encode("workbook"), counts: { expected: input.units.length, submitted: input.reports.length }, totals: { D01: 1 }, ...(draft ? { draft } : {}) };
};
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hz-consolidate-"));
  store = new FsObjectStore({ root: dir });
  seen = [];
  await openPeriod(store, "2025-Y", "市科技局", new Date("2025-12-01T00:00:00Z"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function submit(u: RosterUnit, bytes = bytesOf[u.code]!): Promise<string> {
  const r = await submitReport(store, { periodId: "2025-Y", unitCode: u.code, bytes, by: actor(u) });
  if (!r.ok) throw new Error(`not taken: ${JSON.stringify(r).slice(0, 300)}`);
  return r.version.version;
}
const accept = (u: RosterUnit, version: string) => reviewReport(store, { periodId: "2025-Y", unitCode: u.code, version, action: "accept", reason: "", by: BY, now: NOW });
const run = (parent: RosterUnit, include: "accepted" | "submitted", engine = recording()) => consolidate(store, engine, { period: PERIOD, parent, roster: ROSTER, include, by: BY, now: NOW, timeZone: "Asia/Shanghai" });

describe("what goes in", () => {
  it("nothing reported below the county: refused as nothing, the engine never called, nothing stored", async () => {
    await submit(D);
    expect(await run(COUNTY, "submitted")).toEqual({ ok: false, kind: "nothing" });
    expect(seen).toEqual([]);
    expect(await store.list(STORED)).toEqual([]);
  });

  it("submitted: each unit's newest version; the county's towns only, in roster order; the missing named", async () => {
    await submit(A);
    const newest = await submit(A, bytesOf.A2);
    const b = await submit(B);
    await submit(D);
    const r = await run(COUNTY, "submitted");
    if (!r.ok) throw new Error("refused");
    expect(seen.length).toBe(1);
    const input = seen[0]!;
    expect(input.units.map((u) => u.code)).toEqual([A.code, B.code, C.code]);
    expect(input.reports.map((p) => [p.record.unit.code, p.source, p.late])).toEqual([
      [A.code, newest, false],
      [B.code, b, false],
    ]);
    expect(input.reports.every((p) => /^\d{4}-\d\d-\d\dT/.test(p.submittedAt))).toBe(true);
    expect([input.parent, input.period, input.now, input.timeZone, "targets" in input]).toEqual([COUNTY, PERIOD, NOW, "Asia/Shanghai", false]);
    // The period opened without a library collects the built-in one.
    expect([input.catalogue?.id, input.catalogue?.version]).toEqual([BUILTIN.id, BUILTIN.version]);
    expect([r.consolidation.versions, r.consolidation.missing]).toEqual([{ [A.code]: newest, [B.code]: b }, [C.code]]);
  });

  it("accepted: the newest accepted version, not a newer one awaiting review; a unit with none accepted is missing", async () => {
    const first = await submit(A);
    expect((await accept(A, first)).ok).toBe(true);
    await submit(A, bytesOf.A2);
    await submit(B);
    const r = await run(COUNTY, "accepted");
    if (!r.ok) throw new Error("refused");
    expect(seen[0]!.reports.map((p) => p.source)).toEqual([first]);
    expect([r.consolidation.include, r.consolidation.versions, r.consolidation.missing]).toEqual(["accepted", { [A.code]: first }, [B.code, C.code]]);
  });

  it("accepted with nothing accepted: nothing", async () => {
    await submit(A);
    expect(await run(COUNTY, "accepted")).toEqual({ ok: false, kind: "nothing" });
  });

  it("the city: every town of both counties", async () => {
    for (const u of [A, D]) await submit(u);
    const r = await run(CITY, "submitted");
    if (!r.ok) throw new Error("refused");
    expect(seen[0]!.units.map((u) => u.code)).toEqual([A.code, B.code, C.code, D.code]);
    expect(r.consolidation.missing).toEqual([B.code, C.code]);
  });
});

describe("what is stored", () => {
  it("the workbook and the note under the consolidation's keys; no draft when the engine gives none", async () => {
    await submit(A);
    const r = await run(COUNTY, "submitted");
    if (!r.ok) throw new Error("refused");
    const c = r.consolidation;
    const keys = consolidationKeys("2025-Y", COUNTY.code, c.id);
    expect(r).toEqual({ ok: true, consolidation: c, key: keys.xlsx });
    expect(c).toEqual({
      schema: "huizong.consolidation/1",
      id: c.id,
      periodId: "2025-Y",
      parent: COUNTY.code,
      include: "submitted",
      createdAt: "2026-01-10T02:30:00.000Z",
      createdBy: BY,
      versions: c.versions,
      missing: [B.code, C.code],
      counts: { expected: 3, submitted: 1 },
      totals: { D01: 1 },
      fileName: "示例区2025年全年科技工作情况汇总表.xlsx",
    });
    expect(new TextDecoder().decode(await store.get(keys.xlsx))).toBe("workbook");
    expect(await store.getJson(keys.json)).toEqual(c);
    expect((await store.list(STORED)).sort()).toEqual([keys.json, keys.xlsx].sort());
  });

  it("the draft beside it when the engine writes one, named for the parent and period", async () => {
    await submit(A);
    const r = await run(COUNTY, "submitted", recording(new TextEncoder().encode("draft")));
    if (!r.ok) throw new Error("refused");
    const keys = consolidationKeys("2025-Y", COUNTY.code, r.consolidation.id);
    expect([r.draftKey, r.consolidation.draftFileName]).toEqual([keys.docx, "示例区2025年全年科技工作情况汇总（初稿）.docx"]);
    expect(new TextDecoder().decode(await store.get(keys.docx))).toBe("draft");
    expect(await store.getJson(keys.json)).toEqual(r.consolidation);
  });

  it("two consolidations of the same moment are two, each with its own id and objects", async () => {
    await submit(A);
    const r1 = await run(COUNTY, "submitted");
    const r2 = await run(COUNTY, "submitted");
    if (!r1.ok || !r2.ok) throw new Error("refused");
    expect(r1.consolidation.id).not.toBe(r2.consolidation.id);
    expect((await store.list(STORED)).length).toBe(4);
  });
});

describe("late reports, targets, create-only writes", () => {
  it("a report that came in after the deadline is handed over as late", async () => {
    await openPeriod(store, "2025-Y", "市科技局", new Date("2025-12-01T00:00:00Z"), "2025-12-31T09:00:00Z");
    await submit(A);
    const r = await run(COUNTY, "submitted");
    if (!r.ok) throw new Error("refused");
    expect(seen[0]!.reports.map((p) => p.late)).toEqual([true]);
  });

  it("the year's target table, when the city uploaded one, goes to the engine", async () => {
    // The report first: taken before the table, its own 全年目标 is not held against it.
    await submit(A);
    const table = await buildTargetWorkbook({ year: 2025, own: { code: CITY.code, name: CITY.name, values: { D01: 700 } }, units: [{ code: A.code, name: A.name, values: { D01: 120 } }] });
    const saved = await saveTargets(store, { year: 2025, bytes: table, roster: ROSTER, by: { code: CITY.code, name: "市科技局", role: "city" }, now: NOW });
    expect(saved.ok).toBe(true);
    await run(COUNTY, "submitted");
    expect(seen[0]!.targets?.units.find((u) => u.code === A.code)?.values).toEqual({ D01: 120 });
  });

  it("the workbook, the draft and the note are each written create-only", async () => {
    const writes: [string, boolean][] = [];
    class Recording extends FsObjectStore {
      override put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void> {
        if (key.includes("/consolidations/")) writes.push([key.slice(key.lastIndexOf(".")), opts?.ifAbsent === true]);
        return super.put(key, body, opts);
      }
    }
    store = new Recording({ root: dir });
    await submit(A);
    await run(COUNTY, "submitted", recording(new TextEncoder().encode("draft")));
    expect(writes).toEqual([
      [".xlsx", true],
      [".docx", true],
      [".json", true],
    ]);
  });
});

describe("with the real merge engine", () => {
  it("the county's workbook: its 汇总 counts the two towns that reported and names the one missing", async () => {
    await submit(A);
    await submit(B);
    const r = await run(COUNTY, "submitted", defaultMergeEngine);
    if (!r.ok) throw new Error("refused");
    expect(r.consolidation.counts).toMatchObject({ expected: 3, submitted: 2, missing: 1 });
    const bytes = new Uint8Array(readFileSync(join(dir, ...r.key.split("/"))));
    const g = readXlsxGrid(bytes, { limits: { maxCells: 2_000_000 } });
    if (!g.ok) throw new Error(g.code);
    expect(g.grid.sheets.map((s) => s.name).slice(0, 3)).toEqual(["汇总", "分单位明细", "排名"]);
    expect(r.draftKey).toBe(consolidationKeys("2025-Y", COUNTY.code, r.consolidation.id).docx);
  });
});
