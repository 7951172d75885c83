/**
 * The roll-up repeats at every level: merging the counties' consolidations
 * gives exactly the city figures of merging all their towns at once.
 */
// @ts-nocheck

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectWorkbook } from "../templates/inspect";
import type { ReportRecord } from "../templates/record";
import type { SampleUnit } from "../templates/samples";
import { mergeReports, type Consolidation, type MergeInput } from "../templates/merge/merge";
import { writeConsolidationWorkbook } from "../templates/merge/workbook";
import { sampleRecord } from "./support/records";

const PERIOD = "2025-Y";

/** A town's record from the sample generator (consistent figures), with some priors and targets blanked. */
function townRecord(county: number, town: number, seed: number, scale: number, blanks: number): ReportRecord {
  const countyCode = `3301${String(county + 1).padStart(2, "0")}`;
  const unit: SampleUnit = { name: `${countyCode}镇${town + 1}`, code: `${countyCode}${String(town + 1).padStart(3, "0")}000`, type: "乡镇" };
  return sampleRecord(unit, PERIOD, seed, scale, {
    // Blank a prior (a new unit) or a target (none set) on some rows: sums skip them.
    values: (_, v, k) => {
      const bit = (blanks >> k % 30) & 1;
      return { current: v.current, prior: bit && k % 2 ? null : v.prior, target: bit && k % 2 === 0 ? null : v.target };
    },
    narrative: { achievements: `${unit.name}的成效`, problems: "问题", plans: "打算" },
  });
}

const town = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), scale: fc.double({ min: 0.05, max: 40, noNaN: true }), blanks: fc.integer({ min: 0, max: 2 ** 30 - 1 }) });
const counties = fc.array(fc.array(town, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 });

function build(shape: { seed: number; scale: number; blanks: number }[][]): ReportRecord[][] {
  return shape.map((towns, ci) => towns.map((t, ti) => townRecord(ci, ti, t.seed, t.scale, t.blanks)));
}

function merge(inputs: MergeInput[], code?: string): Consolidation {
  const r = mergeReports(inputs, code ? { unit: { code, name: `县${code}` }, meta: { preparer: "张明", phone: "0571-87654321", head: "陈志远" } } : { unit: { code: "330100000000", name: "市" } });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

describe("multi-level identity", () => {
  it("counties' consolidations merge to exactly the all-towns city figures (records)", () => {
    fc.assert(
      fc.property(counties, (shape) => {
        const towns = build(shape);
        const direct = merge(towns.flat().map((record) => ({ record })));
        const countyRecords = towns.map((list, ci) => merge(list.map((record) => ({ record })), `3301${String(ci + 1).padStart(2, "0")}000000`).record);
        const viaCounties = merge(countyRecords.map((record) => ({ record })));
        // Figures, growth, ratios, completion: identical, not merely close.
        for (const [code, t] of Object.entries(direct.totals)) {
          const { units: _a, ...figures } = t;
          const { units: _b, ...again } = viaCounties.totals[code]!;
          expect(again).toEqual(figures);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the same through the county workbooks: each passes the checks and reads back to the same city figures", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(town, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), async (shape) => {
        const towns = build(shape);
        const direct = merge(towns.flat().map((record) => ({ record })));
        const fromFiles: MergeInput[] = [];
        for (const [ci, list] of towns.entries()) {
          const county = merge(list.map((record) => ({ record })), `3301${String(ci + 1).padStart(2, "0")}000000`);
          const bytes = await writeConsolidationWorkbook(county);
          const read = inspectWorkbook(bytes, { expectedPeriod: PERIOD });
          if (!read.ok) throw new Error(`${read.code}: ${read.message}`);
          expect(read.findings.filter((f) => f.severity === "error")).toEqual([]);
          expect(read.record).not.toBeNull();
          expect(read.record!.unit).toEqual(county.unit);
          fromFiles.push({ record: read.record!, source: `county-${ci}.xlsx` });
        }
        const viaFiles = merge(fromFiles);
        for (const [code, t] of Object.entries(direct.totals)) {
          const { units: _a, ...figures } = t;
          const { units: _b, ...again } = viaFiles.totals[code]!;
          expect(again).toEqual(figures);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
