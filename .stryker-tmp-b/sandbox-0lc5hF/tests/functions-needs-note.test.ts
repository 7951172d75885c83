/**
 * The server's acceptance reads the rule table: a warning whose rule needs a
 * 备注 holds the report back until explained; a library that says the rule
 * needs none lets the same report in (the warning kept on the version); the
 * library's thresholds reach the checks at submission. Real filesystem store.
 */
// @ts-nocheck

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPeriod } from "../functions/service/periods";
import { getVersion, submitReport, type SubmitResult } from "../functions/service/reports";
import { FsObjectStore } from "../functions/storage/index";
import type { RuleSettings } from "../templates/rules/index";
import { demoUnits } from "../templates/samples";
import { warnedReport } from "./support/functions-server";

const dir = mkdtempSync(join(tmpdir(), "hz-needs-note-"));
const store = new FsObjectStore({ root: dir });
const units = demoUnits(5);
const P = "2025-Y";

const submit = async (i: number, note: string | undefined, settings?: Partial<RuleSettings>): Promise<SubmitResult> =>
  submitReport(store, { periodId: P, unitCode: units[i]!.code, bytes: await warnedReport(units[i]!, note, P, 10 + i), by: { code: units[i]!.code, name: "填报人", role: "unit" }, ...(settings ? { settings } : {}) });

const growthRows = (r: SubmitResult & { ok: true }) => r.findings.filter((f) => f.rule === "GROWTH_IMPLAUSIBLE").map((f) => [f.severity, `${f.sheet}!${f.cell}`, f.explained]);

beforeAll(async () => {
  await openPeriod(store, P, "330100000000", new Date("2025-12-01T00:00:00Z"));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("needs 备注 from the rule table at submission", () => {
  it("a warning whose rule needs a 备注, unexplained: refused, naming the cell", async () => {
    const r = await submit(0, undefined);
    if (r.ok || r.kind !== "warnings") throw new Error(`expected warnings, got ${JSON.stringify(r).slice(0, 200)}`);
    expect(r.unexplained.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.explained])).toEqual([["GROWTH_IMPLAUSIBLE", "warning", "指标!E58", false]]);
  });

  it("the same warning explained in 备注: accepted", async () => {
    const r = await submit(1, "新建科普基地，活动场次大增");
    if (!r.ok) throw new Error(`expected ok, got ${r.kind}`);
    expect(growthRows(r)).toEqual([["warning", "指标!E58", true]]);
  });

  it("a library whose GROWTH_IMPLAUSIBLE needs no 备注: accepted unexplained, the warning kept on the stored version", async () => {
    const r = await submit(2, undefined, { needsNote: { GROWTH_IMPLAUSIBLE: false } });
    if (!r.ok) throw new Error(`expected ok, got ${r.kind}`);
    expect(growthRows(r)).toEqual([["warning", "指标!E58", false]]);
    const stored = await getVersion(store, P, units[2]!.code, r.version.version);
    expect(stored?.findings.filter((f) => f.rule === "GROWTH_IMPLAUSIBLE").map((f) => f.explained)).toEqual([false]);
    expect(r.version.warnings).toBe(1);
  });

  it("the override is per rule: other warnings freed, GROWTH_IMPLAUSIBLE still holds the report back", async () => {
    const r = await submit(3, undefined, { needsNote: { PRIOR_MISSING: false, UNIT_SLIP: false } });
    if (r.ok || r.kind !== "warnings") throw new Error("expected warnings");
    expect(r.unexplained.map((f) => f.rule)).toEqual(["GROWTH_IMPLAUSIBLE"]);
  });

  it("a library's wider growth band reaches the checks: no warning at all", async () => {
    const r = await submit(4, undefined, { growthBand: { min: -0.9, max: 9 } });
    if (!r.ok) throw new Error(`expected ok, got ${r.kind}`);
    expect(r.findings.filter((f) => f.severity === "warning")).toEqual([]);
  });
});
