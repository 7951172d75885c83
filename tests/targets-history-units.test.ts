/**
 * The small pure pieces behind assigned targets and last year's figures, case by case (the mutation
 * run uses it): what a template takes from last year's report and from the unit's last cover
 * (templates/history.ts), the warnings for a 上年同期 or a 全年目标 that differs (at the edge of
 * "differs"), a unit's row of the target table, the merge's assigned and own targets
 * (templates/targets/{table,check,merge}.ts), 序时进度 for odd spans, and a record from a submission
 * (templates/record.ts).
 */
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import type { Finding } from "../templates/findings";
import { coverFromLastReport, priorFindings, priorFromLastYear } from "../templates/history";
import type { MergeInput, Total } from "../templates/merge/merge";
import { readSubmission } from "../templates/read";
import { toRecord, type IndicatorValues, type ReportRecord } from "../templates/record";
import { targetFindings } from "../templates/targets/check";
import { applyOwnTargets, ownTargets, withAssignedTargets } from "../templates/targets/merge";
import { behindPoints, scheduleOf } from "../templates/targets/schedule";
import { assignedTo, targetRowOf, type TargetTable } from "../templates/targets/table";
import { readXlsxGrid } from "../templates/xlsx/index";
import { INPUT_INDICATORS } from "../templates/catalog";
import { sampleFill } from "../templates/samples";

const v = (current: number | null, prior: number | null = null, target: number | null = null, note?: string): IndicatorValues => ({ current, prior, target, ...(note ? { note } : {}) });

describe("上年同期 from last year's report", () => {
  it("only finite numbers of input indicators are carried; blanks, NaN, Infinity, ratios and unknown codes are not", () => {
    const values: Record<string, IndicatorValues> = { A01: v(10.5), A02: v(0), A04: v(null), A05: v(Number.NaN), A06: v(Number.POSITIVE_INFINITY), A03: v(0.12), Z99: v(7) };
    expect(priorFromLastYear({ values })).toEqual({ A01: 10.5, A02: 0 });
    expect(priorFromLastYear({ values: {} })).toEqual({});
  });
});

describe("the cover from the unit's last report", () => {
  const unit = { name: "青阳镇", code: "330102001000", type: "乡镇" };
  it("name, code, type, 填表人, phone and 负责人 as the report gave them", () => {
    expect(coverFromLastReport({ unit, meta: { preparer: "王晓燕", phone: "13905710000", head: "李建国", date: null } })).toEqual({ unitName: "青阳镇", divisionCode: "330102001000", unitType: "乡镇", preparer: "王晓燕", phone: "13905710000", head: "李建国" });
  });
  it("blank fields are left out, not written as blanks", () => {
    expect(coverFromLastReport({ unit: { ...unit, type: "" }, meta: { preparer: "", phone: "13905710000", head: "", date: null } })).toEqual({ unitName: "青阳镇", divisionCode: "330102001000", phone: "13905710000" });
  });
});

describe("a 上年同期 that differs from last year's report (PRIOR_DIFFERS_FROM_LAST_YEAR)", () => {
  it.each([
    ["equal", 100, 100, []],
    // Differences that floating point holds exactly (100 + 1e-9 would not be 1e-9 apart).
    ["a difference of exactly 1e-9 (rounding, not a revision)", 1e-9, 0, []],
    ["a difference of 2e-9", 2e-9, 0, ["指标!F7"]],
    ["typed lower", 99.5, 100, ["指标!F7"]],
    ["opposite signs that sum to zero", -3, 3, ["指标!F7"]],
    ["typed blank", null, 100, []],
    ["last year blank", 100, null, []],
  ])("%s", (_what, typed, reported, cells) => {
    const found = priorFindings({ values: { A01: v(1, typed) } }, { values: { A01: v(reported) } });
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(cells);
  });

  it("the finding: where, what, both figures, where to explain, and whether it is explained", () => {
    const [f] = priorFindings({ values: { A01: v(1, 397.28) } }, { values: { A01: v(366.07) } });
    expect(f).toEqual({
      severity: "warning",
      rule: "PRIOR_DIFFERS_FROM_LAST_YEAR",
      sheet: "指标",
      cell: "F7",
      indicator: "A01",
      explained: false,
      message: "“财政科技拨款”上年同期与上年报送数不一致：上年报送 366.07，本表填 397.28（指标!F7）。请核对；确属数据修订的，请在备注（指标!H7）中说明修订原因。",
    } satisfies Finding);
    expect(priorFindings({ values: { A01: v(1, 397.28, null, "口径调整") } }, { values: { A01: v(366.07) } })[0]!.explained).toBe(true);
  });
});

describe("a 全年目标 that differs from the assigned one (TARGET_DIFFERS)", () => {
  it.each([
    ["equal", 120, 120, []],
    ["exactly 1e-9 apart", 1e-9, 0, []],
    ["2e-9 apart", 2e-9, 0, ["G37"]],
    ["blank", null, 120, []],
  ])("typed %s", (_what, typed, assigned, cells) => {
    expect(targetFindings({ values: { D01: v(1, null, typed) } }, { D01: assigned }).map((f) => f.cell)).toEqual(cells);
  });

  it("the finding names both targets and where to explain; a 备注 makes it explained; a code the library lacks is skipped", () => {
    const found = targetFindings({ values: { D01: v(1, null, 100, "调整") } }, { D01: 120, Z99: 5 });
    expect(found).toEqual([
      {
        severity: "warning",
        rule: "TARGET_DIFFERS",
        sheet: "指标",
        cell: "G37",
        indicator: "D01",
        explained: true,
        message: "“专利申请”全年目标与市下达目标不一致：下达 120，本表填 100（指标!G37）。请改为下达的目标；确有调整的，请在备注（指标!H37）中说明依据。",
      },
    ]);
  });

  it("findings in the sheet's row order, whatever the table's order; a unit without the indicator's values is not compared", () => {
    const found = targetFindings({ values: { G01: v(1, null, 5), A01: v(1, null, 5), D01: v(1, null, 5) } }, { G01: 6, D01: 6, A01: 6, E02: 6 });
    expect(found.map((f) => f.cell)).toEqual(["G7", "G37", "G58"]);
  });
});

const TABLE: TargetTable = {
  year: 2025,
  own: { code: "330100000000", name: "示例市", values: { D01: 240 } },
  units: [
    { code: "330102000000", name: "示例区", values: { D01: 150 } },
    { code: "330102001000", name: "青阳镇", values: { D01: 120, E02: 2500 } },
  ],
};

describe("a unit's row of the target table", () => {
  it.each([
    ["the issuing unit's own", "330100000000", "示例市", { D01: 240 }],
    ["a unit below", "330102001000", "青阳镇", { D01: 120, E02: 2500 }],
    ["a unit not in it", "330102009000", undefined, {}],
  ])("%s", (_what, code, name, assigned) => {
    expect(targetRowOf(TABLE, code)?.name).toBe(name);
    expect(assignedTo(TABLE, code)).toEqual(assigned);
  });
  it("no table: nothing assigned", () => {
    expect(assignedTo(null, "330102001000")).toEqual({});
    expect(assignedTo(undefined, "330102001000")).toEqual({});
  });
  it("a unit listed below with the issuing unit's code: its own row below is the one assigned", () => {
    const t: TargetTable = { ...TABLE, units: [{ code: "330100000000", name: "示例市（下达）", values: { D01: 1 } }] };
    expect(assignedTo(t, "330100000000")).toEqual({ D01: 1 });
  });
});

describe("the merge with a target table", () => {
  const record = (code: string, values: Record<string, IndicatorValues>, warnings: Finding[] = []): ReportRecord =>
    ({ schema: 1, templateId: "HZ-KJ-01", templateVersion: "2026.2", unit: { name: "x", code, type: "乡镇" }, period: { year: 2025, span: "Y" }, meta: { preparer: "", phone: "", head: "", date: null }, values, narrative: {}, warnings }) as unknown as ReportRecord;
  const input = (r: ReportRecord): MergeInput => ({ record: r, source: "a.xlsx" });

  it("a unit with nothing assigned: the very same input", () => {
    const i = input(record("330102009000", { D01: v(5, 4, 10) }));
    expect(withAssignedTargets(i, TABLE)).toBe(i);
  });

  it("assigned targets replace the typed ones, a figure the report lacks gets one; TARGET_DIFFERS joins the warnings; the input is not changed", () => {
    const r = record("330102001000", { D01: v(50, 40, 100) });
    const i = input(r);
    const out = withAssignedTargets(i, TABLE);
    expect(out.record.values.D01).toEqual(v(50, 40, 120));
    expect(out.record.values.E02).toEqual(v(null, null, 2500));
    expect(out.record.warnings.map((w) => [w.rule, w.cell])).toEqual([["TARGET_DIFFERS", "G37"]]);
    expect([out.source, r.values.D01!.target, r.warnings]).toEqual(["a.xlsx", 100, []]);
  });

  it("a TARGET_DIFFERS the report already carries (from the server's check) is not added twice; other warnings stay", () => {
    const [carried] = targetFindings({ values: { D01: v(50, 40, 100) } }, { D01: 120 });
    const other = { ...carried!, rule: "GROWTH_IMPLAUSIBLE", cell: "E37" } as Finding;
    const out = withAssignedTargets(input(record("330102001000", { D01: v(50, 40, 100) }, [other, carried!])), TABLE);
    expect(out.record.warnings.map((w) => `${w.rule}@${w.cell}`)).toEqual(["GROWTH_IMPLAUSIBLE@E37", "TARGET_DIFFERS@G37"]);
  });

  it.each([
    ["the city by its code", { ...TABLE }, { code: "330100000000", type: "市" }, { D01: 240 }],
    ["the county by its row below", { ...TABLE }, { code: "330102000000", type: "县（市、区）" }, { D01: 150 }],
    ["the city, its own row without a code", { ...TABLE, own: { ...TABLE.own, code: "" } }, { code: "330100000000", type: "市" }, { D01: 240 }],
    ["a county is not given a blank own row", { ...TABLE, own: { ...TABLE.own, code: "" } }, { code: "330103000000", type: "县（市、区）" }, {}],
    ["a city whose own row names another code", { ...TABLE }, { code: "330200000000", type: "市" }, {}],
  ])("own targets: %s", (_what, table, unit, own) => {
    expect(ownTargets(table, unit)).toEqual(own);
  });

  it("own targets go into the totals that exist, with 完成率, marked assigned; the codes replaced come back in order", () => {
    const total = (code: string, current: number | null): Total => ({ code, current, prior: null, target: 99, delta: null, growth: null, growthLabel: null, change: null, completion: null }) as Total;
    const totals: Record<string, Total> = { D01: total("D01", 100), E02: total("E02", null) };
    expect(applyOwnTargets(totals, { E02: 50, Z99: 1, D01: 240 })).toEqual(["E02", "D01"]);
    expect([totals.D01!.target, totals.D01!.completion, totals.D01!.assigned]).toEqual([240, 100 / 240, true]);
    expect([totals.E02!.target, totals.E02!.completion, totals.E02!.assigned]).toEqual([50, null, true]);
    expect(totals.Z99).toBeUndefined();
  });
});

describe("序时进度 for spans it does not know", () => {
  it.each([["M06"], ["Q2"], ["H1"]])("%s has one", (span) => {
    expect(scheduleOf({ span })).not.toBeNull();
  });
  it.each([["xM06"], ["M06x"], ["M6"], ["H2"], ["Y"]])("%s has none", (span) => {
    expect(scheduleOf({ span })).toBeNull();
  });
  it.each([
    [null, 0.5, null],
    [0.5, null, null],
    [0.5, 0.5, null],
    [0.6, 0.5, null],
    [0.4999, 0.5, "0.0"],
    [0.25, 0.5, "25.0"],
  ])("behind points: completion %s against %s → %s", (completion, schedule, points) => {
    expect(behindPoints(completion, schedule)).toBe(points);
  });
});

describe("a record from a submission", () => {
  const submission = async () => {
    const g = readXlsxGrid(await buildTemplate({ fill: sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 1) }));
    if (!g.ok) throw new Error(g.message);
    const r = readSubmission(g.grid);
    if (!r.ok) throw new Error(r.message);
    return r.submission;
  };
  const finding = (severity: "error" | "warning", rule: string): Finding => ({ severity, rule, sheet: "指标", cell: "E7", message: rule }) as Finding;

  it("carries the warnings only, never an error given with them", async () => {
    const rec = toRecord(await submission(), [finding("error", "COMPONENTS_SUM"), finding("warning", "GROWTH_IMPLAUSIBLE")]);
    expect(rec!.warnings.map((w) => w.rule)).toEqual(["GROWTH_IMPLAUSIBLE"]);
    expect(Object.keys(rec!.values)).toEqual(INPUT_INDICATORS.map((i) => i.code));
  });

  it("the unit and the cover's people and date as typed; every figure with its 备注 only where one was typed", async () => {
    const fill = sampleFill({ name: "青阳镇", code: "330102001000", type: "乡镇" }, "2025-Y", 1);
    fill.notes = { D01: "新增两家企业集中申报", G02: "科技活动周参与人数多" };
    const g = readXlsxGrid(await buildTemplate({ fill }));
    if (!g.ok) throw new Error(g.message);
    const r = readSubmission(g.grid);
    if (!r.ok) throw new Error(r.message);
    const rec = toRecord(r.submission, [])!;
    expect([rec.unit, rec.meta]).toEqual([
      { name: "青阳镇", code: "330102001000", type: "乡镇" },
      { preparer: "王晓燕", phone: "13905710000", head: "李建国", date: "2025-12-20" },
    ]);
    for (const ind of INPUT_INDICATORS) {
      const typed = fill.values![ind.code]!;
      const note = fill.notes[ind.code];
      expect(rec.values[ind.code], ind.code).toEqual({ current: typed.current, prior: typed.prior, target: typed.target, ...(note ? { note } : {}) });
    }
    expect(Object.entries(rec.values).filter(([, x]) => "note" in x).map(([code]) => code)).toEqual(["D01", "G02"]);
  });

  it("a cover whose period cannot be read: no record", async () => {
    const sub = await submission();
    sub.cover.periodSpan = { ...sub.cover.periodSpan, raw: "第五季度", text: "第五季度" };
    expect(toRecord(sub, [])).toBeNull();
  });
});
