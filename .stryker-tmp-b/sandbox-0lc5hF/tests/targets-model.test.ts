/**
 * Assigned targets in the consolidation, in process: 序时进度 per period, the 落后 wording at its
 * edges, the city's own target against its towns', and a typed target that differs from the
 * assigned one (TARGET_DIFFERS). The city workbook and LibreOffice's recalculation of the same
 * case: targets-merge.test.ts.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { parsePeriodId } from "../templates/period";
import { paceText, scheduleOf } from "../templates/targets/schedule";
import { TABLE, merged } from "./support/targets-case";

describe("序时进度", () => {
  it.each([
    ["2025-M01", 1 / 12],
    ["2025-M06", 0.5],
    ["2025-H1", 0.5],
    ["2025-M11", 11 / 12],
    ["2025-Q1", 0.25],
    ["2025-Q3", 0.25],
    ["2025-Y", null],
    ["2025-H2", null],
  ])("%s → %s", (id, share) => {
    expect(scheduleOf(parsePeriodId(id)!)).toBe(share);
  });
  it.each([
    [100 / 240, 0.5, "落后序时进度 8.3 个百分点"],
    [0.5, 0.5, ""],
    [0.499, 0.5, "落后序时进度 0.1 个百分点"],
    [0.8, 0.5, ""],
    [null, 0.5, ""],
    [0.3, null, ""],
  ])("完成率 %s against 序时进度 %s: “%s”", (completion, schedule, text) => {
    expect(paceText(completion, schedule)).toBe(text);
  });
});

describe("the model", () => {
  // Merged in each test: a merge in a hook would run before a mutation run switches its mutant on.
  it("the city's own target is the table's 240, not the towns' 120+60+25 = 205; 完成率 100/240", () => {
    const c = merged(TABLE);
    expect(c.schedule).toBe(0.5);
    expect(c.totals.D01).toMatchObject({ current: 100, target: 240, completion: 100 / 240, assigned: true });
    expect(c.record.values.D01!.target).toBe(240);
    // Without the table: the typed targets, summed only when every town typed one (南山镇 did not).
    expect(merged().totals.D01).toMatchObject({ current: 100, target: null, completion: null });
  });

  it("each town counts with its assigned target; 青阳镇's typed 100 is carried as TARGET_DIFFERS", () => {
    const c = merged(TABLE);
    expect(c.units.map((u) => u.report!.record.values.D01!.target)).toEqual([120, 60, 25]);
    expect(c.warnings.filter((w) => w.finding.rule === "TARGET_DIFFERS")).toEqual([
      {
        unit: "青阳镇",
        unitCode: "330102001000",
        finding: {
          severity: "warning",
          rule: "TARGET_DIFFERS",
          sheet: "指标",
          cell: "G37",
          indicator: "D01",
          explained: false,
          message: "“专利申请”全年目标与市下达目标不一致：下达 120，本表填 100（指标!G37）。请改为下达的目标；确有调整的，请在备注（指标!H37）中说明依据。",
        },
      },
    ]);
  });
});

