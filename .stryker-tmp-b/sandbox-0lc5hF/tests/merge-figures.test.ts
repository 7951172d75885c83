/**
 * Figures a bureau would sign wrongly (issue 11), as tables of input → exact
 * findings: slips visible only across units, a county's consolidation merged
 * with its own towns, periods that disagree or are spelt differently, which of
 * two reports counts, unknown vs zero last year, amounts finer than 1 元.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { codeLevel, crossUnitSlips, PEER_SLIP_FACTOR } from "../templates/merge/slips";
import { mergeReports, type Consolidation, type MergeInput, type MergeOptions } from "../templates/merge/merge";
import { parsePeriod } from "../templates/period";
import type { IndicatorValues, ReportRecord } from "../templates/record";
import { reportRecord } from "./support/records";
import { goodWorkbook, inspectOk, setCells, tuples, valueEdit } from "./support/workbooks";

type Triple = [number | null, number | null, number | null];

function rec(name: string, code: string, figures: Record<string, Triple | [number | null, number | null, number | null, string]>, extra: { period?: string; date?: string; type?: string } = {}): ReportRecord {
  const values: Record<string, IndicatorValues> = {};
  for (const [k, [current, prior, target, note]] of Object.entries(figures)) values[k] = { current, prior, target, ...(note ? { note } : {}) };
  return reportRecord({
    unit: { name, code, type: extra.type },
    period: extra.period,
    meta: { date: extra.date ?? "2025-12-20" },
    values,
    narrative: { achievements: `${name}成效`, problems: `${name}问题`, plans: `${name}打算` },
  });
}
const town = (i: number) => `330102${String(i).padStart(3, "0")}000`;
const input = (r: ReportRecord, source?: string): MergeInput => ({ record: r, ...(source ? { source } : {}) });

function merged(inputs: MergeInput[], options: MergeOptions = {}): Consolidation {
  const r = mergeReports(inputs, options);
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

/** Five ordinary towns: 财政科技拨款 (万元) 80…120, median 100. */
const PEERS = [80, 90, 100, 110, 120].map((v, i) => rec(`镇${i + 1}`, town(i + 1), { A01: [v, v * 0.9, null] }));

describe("slips seen only across units", () => {
  it("the consistent 亿元-in-万元 town among normal peers: a warning naming the peers' median", () => {
    // 0.0112 亿元 typed as 万元 in both 本期 and 上年同期: its own report looks consistent.
    const slipped = rec("白沙镇", town(9), { A01: [0.0112, 0.0101, null] });
    const found = crossUnitSlips([...PEERS, slipped]);
    expect(found.map((s) => [s.unitCode, s.finding.rule, s.finding.severity, `${s.finding.sheet}!${s.finding.cell}`, s.reference, s.peers, s.finding.explained])).toEqual([
      [town(9), "UNIT_SLIP_PEERS", "warning", "指标!E7", 100, 5, false],
    ]);
    expect(found[0]!.finding.message).toBe("白沙镇“财政科技拨款”本期 0.0112万元，是其他5个同级单位中位数 100万元 的1/8929，可能把“亿元”当成了“万元”。请核对（指标!E7，本表金额单位为万元）；确认无误的，请在该行备注中说明。");
  });

  it("万元 typed into a 亿元 row", () => {
    const peers = [3, 4, 5, 6].map((v, i) => rec(`镇${i + 1}`, town(i + 1), { C09: [v, v, null] }));
    const found = crossUnitSlips([...peers, rec("白沙镇", town(9), { C09: [52000, 50000, null] })]);
    expect(found.map((s) => [s.unit, s.finding.rule, s.finding.cell, s.reference])).toEqual([["白沙镇", "UNIT_SLIP_PEERS", "E32", 4.5]]);
    expect(found[0]!.finding.message).toContain("是其他4个同级单位中位数 4.5亿元 的11556倍，可能把“元”或“万元”当成了“亿元”");
  });

  it.each([
    // figure, peers (median 1), warned?
    [100, [1, 1, 1], true],
    [99.99, [1, 1, 1], false],
    [0.01, [1, 1, 1], true],
    [0.0101, [1, 1, 1], false],
    [1000, [1, 1], false], // two peers are too few for a median
    [0, [1, 1, 1], false], // nothing is not a slip
  ] as const)("threshold edge: %s against peers %j", (v, peers, warned) => {
    const records = [...peers.map((p, i) => rec(`镇${i + 1}`, town(i + 1), { A04: [p, p, null] })), rec("白沙镇", town(9), { A04: [v, v, null] })];
    expect(crossUnitSlips(records).map((s) => s.unitCode)).toEqual(warned ? [town(9)] : []);
    expect(PEER_SLIP_FACTOR).toBe(100);
  });

  it("each unit's median leaves out its own figure, not a neighbour equal to none (1, 2, 300, 400: four slips against 300, 300, 2, 2)", () => {
    const records = [1, 2, 300, 400].map((v, i) => rec(`镇${i + 1}`, town(i + 1), { A01: [v, null, null] }));
    expect(crossUnitSlips(records).map((s) => [s.unit, s.reference, s.peers])).toEqual([
      ["镇1", 300, 3],
      ["镇2", 300, 3],
      ["镇3", 2, 3],
      ["镇4", 2, 3],
    ]);
  });

  it("only amounts slip: a count (件) 1000× its peers' median is not a unit slip", () => {
    const records = [...[1, 1, 1].map((v, i) => rec(`镇${i + 1}`, town(i + 1), { D07: [v, v, null] })), rec("白沙镇", town(9), { D07: [1000, 1000, null] })];
    expect(crossUnitSlips(records)).toEqual([]);
  });

  it("`only` checks the named units against every peer, and no others", () => {
    const records = [1, 2, 300, 400].map((v, i) => rec(`镇${i + 1}`, town(i + 1), { A01: [v, null, null] }));
    expect(crossUnitSlips(records, { only: [town(2), town(4)] }).map((s) => [s.unit, s.reference])).toEqual([
      ["镇2", 300],
      ["镇4", 2],
    ]);
  });

  it.each([
    ["330000000000", 2], // province
    ["330100000000", 4], // city
    ["330102000000", 6], // county
    ["330102001000", 9], // town
    ["330102001001", 12], // village
    ["3300000000001", 12], // 13 digits: no level
    ["x330000000000", 12],
    ["3301020000001", 12],
    ["x330102000000", 12],
    ["ab0000000000", 12],
    ["abcd00000000", 12],
    ["abcdefghi000", 12],
    ["3301020010001", 12],
    ["x330102001000", 12],
  ] as const)("codeLevel(%s) = %i", (code, level) => {
    expect(codeLevel(code)).toBe(level);
  });

  it("peers are units of the same level: a county's figure is not compared with towns", () => {
    const county = rec("示例区", "330102000000", { A01: [50_000, 40_000, null] }, { type: "县（市、区）" });
    expect(crossUnitSlips([...PEERS, county])).toEqual([]);
  });

  it.each([
    ["≥ 100× its own last-year report", 500, 5, true],
    ["just under 100×", 499, 5, false],
    ["≤ 1/100 of last year", 0.05, 5, true],
  ] as const)("%s", (_n, now, last, warned) => {
    const found = crossUnitSlips([rec("白沙镇", town(9), { A01: [now, null, null] })], { lastYear: [rec("白沙镇", town(9), { A01: [last, null, null] }, { period: "2024-Y" })] });
    expect(found.map((s) => [s.finding.rule, s.reference])).toEqual(warned ? [["UNIT_SLIP_LAST_YEAR", last]] : []);
  });

  it.each([
    ["last year 0", 0],
    ["last year negative", -5],
    ["last year blank", null],
  ] as const)("no last-year slip against %s", (_n, last) => {
    const found = crossUnitSlips([rec("白沙镇", town(9), { A01: [500, null, null] })], { lastYear: [rec("白沙镇", town(9), { A01: [last, null, null] }, { period: "2024-Y" })] });
    expect(found).toEqual([]);
  });

  it("a last-year report without the indicator gives no last-year slip (and no crash)", () => {
    const found = crossUnitSlips([rec("白沙镇", town(9), { A01: [500, null, null] })], { lastYear: [rec("白沙镇", town(9), { A02: [5, null, null] }, { period: "2024-Y" })] });
    expect(found).toEqual([]);
  });

  it("the last-year slip's message, word for word", () => {
    const found = crossUnitSlips([rec("白沙镇", town(9), { A01: [500, null, null] })], { lastYear: [rec("白沙镇", town(9), { A01: [5, null, null] }, { period: "2024-Y" })] });
    expect(found.map((s) => [s.finding.rule, s.finding.message])).toEqual([["UNIT_SLIP_LAST_YEAR", "白沙镇“财政科技拨款”本期 500万元，是本单位上年同期报表 5万元 的100倍，可能把“元”当成了“万元”。请核对（指标!E7）；确认无误的，请在该行备注中说明。"]]);
  });

  it("the merge lists the slip among the warnings, counts it for the unit, and marks it explained by a 备注", () => {
    const slipped = rec("白沙镇", town(9), { A01: [0.0112, 0.0101, null, "本镇为新设开发区，数额确实较小"] });
    const c = merged([...PEERS.map((r) => input(r)), input(slipped)]);
    expect(c.warnings.map((w) => [w.unit, w.finding.rule, w.finding.cell, w.reference, w.finding.explained])).toEqual([["白沙镇", "UNIT_SLIP_PEERS", "E7", 100, true]]);
    expect(c.units.find((u) => u.code === town(9))!.warnings).toBe(1);
    // The figure is still summed as given: a warning, not a refusal.
    expect(c.totals.A01!.current).toBe(500.0112);
  });

  it("a slip found at submission is carried once, not twice", () => {
    const slipped = rec("白沙镇", town(9), { A01: [0.0112, 0.0101, null] });
    slipped.warnings = crossUnitSlips([...PEERS, slipped]).map((s) => s.finding);
    const c = merged([...PEERS.map((r) => input(r)), input(slipped)]);
    expect(c.warnings.map((w) => w.finding.rule)).toEqual(["UNIT_SLIP_PEERS"]);
  });
});

describe("no double counting", () => {
  const county = rec("示例区", "330102000000", { D01: [6212, 6000, null] }, { type: "县（市、区）" });
  const qingyang = rec("青阳镇", town(1), { D01: [3000, 2900, null] });
  const baisha = rec("白沙镇", town(2), { D01: [3212, 3100, null] });

  it("a county's consolidation with its own towns is refused, naming both", () => {
    expect(mergeReports([input(county, "示例区汇总.xlsx"), input(qingyang), input(baisha)])).toEqual({
      ok: false,
      code: "DOUBLE_COUNTING",
      message: "示例区的汇总表与其下属青阳镇、白沙镇的报表不能同时汇总（会重复计算）。请去掉其中一方后重新汇总；如要只汇总各县（市、区）的汇总表，请加 --consolidations-only。未生成汇总表。",
    });
  });

  it("a city's consolidation with one of its counties", () => {
    const city = rec("示例市", "330100000000", { D01: [9000, 8000, null] }, { type: "市" });
    const r = mergeReports([input(county), input(city)]);
    expect(r).toMatchObject({ ok: false, code: "DOUBLE_COUNTING", message: expect.stringMatching(/^示例市的汇总表与其下属示例区的报表不能同时汇总/) });
  });

  it("the roster's parent links count too, where the codes do not nest", () => {
    const devZone = rec("高新园区", "330199001000", { D01: [10, 10, null] });
    const roster = [{ name: "示例区", code: "330102000000", parent: "330100000000" }, { name: "高新园区", code: "330199001000", parent: "330102000000" }];
    expect(mergeReports([input(county), input(devZone)], { roster })).toMatchObject({ ok: false, code: "DOUBLE_COUNTING", message: expect.stringContaining("示例区的汇总表与其下属高新园区的报表不能同时汇总") });
  });

  it("--consolidations-only: the towns are left out as already counted, the county counts once", () => {
    const c = merged([input(county, "示例区汇总.xlsx"), input(qingyang, "青阳镇.xlsx"), input(baisha, "白沙镇.xlsx")], { consolidationsOnly: true });
    expect(c.totals.D01!.current).toBe(6212);
    expect(c.rejected).toEqual([
      { source: "白沙镇.xlsx", code: "INCLUDED_IN_CONSOLIDATION", message: "白沙镇已包含在示例区的汇总表中，未重复汇总。" },
      { source: "青阳镇.xlsx", code: "INCLUDED_IN_CONSOLIDATION", message: "青阳镇已包含在示例区的汇总表中，未重复汇总。" },
    ]);
  });

  it("towns of two different counties are not nested", () => {
    const other = rec("东港镇", "330103001000", { D01: [5, 5, null] });
    expect(merged([input(qingyang), input(other)]).totals.D01!.current).toBe(3005);
  });
});

describe("periods", () => {
  it.each(["2025-H1", "2025年上半年", "2025年1-6月", "2025年1—6月", "2025年1－6月", " 2025 年 1–6月 "])("--period %j is 2025-H1", (text) => {
    expect(parsePeriod(text)).toEqual({ id: "2025-H1", year: 2025, span: "H1", label: "2025年上半年" });
  });

  it.each([
    ["2025-M03", "2025-Q1"],
    ["2025年1-3月", "2025-Q1"],
    ["2025年1—10月", "2025-M10"],
    ["2025-Y", "2025-Y"],
  ])("%s → %s", (text, id) => expect(parsePeriod(text)?.id).toBe(id));

  it("with --period in any spelling, a cover that says 1—6月 and one that says 上半年 are both merged", () => {
    const a = rec("镇1", town(1), { A01: [1, 1, null] }, { period: "2025-M06" });
    const b = rec("镇2", town(2), { A01: [2, 1, null] }, { period: "2025-H1" });
    for (const period of ["2025年1-6月", "2025-H1"]) {
      const c = merged([input(a), input(b)], { period });
      expect([c.period.id, c.counts.submitted, c.rejected.length]).toEqual(["2025-H1", 2, 0]);
    }
  });

  it("without --period: the period all inputs agree on (1—6月 and 上半年 agree)", () => {
    const c = merged([input(rec("镇1", town(1), { A01: [1, 1, null] }, { period: "2025-M06" })), input(rec("镇2", town(2), { A01: [2, 1, null] }, { period: "2025-H1" }))]);
    expect(c.period.id).toBe("2025-H1");
    expect(c.counts.submitted).toBe(2);
  });

  it("without --period: inputs that disagree are refused, listing the periods found (never the first file's)", () => {
    const half = input(rec("镇1", town(1), { A01: [1, 1, null] }, { period: "2025-H1" }), "/data/上报/镇1.xlsx");
    const year = [2, 3].map((i) => input(rec(`镇${i}`, town(i), { A01: [1, 1, null] }), `/data/上报/镇${i}.xlsx`));
    expect(mergeReports([half, ...year])).toEqual({
      ok: false,
      code: "PERIOD_DISAGREE",
      message: "报表的报告期不一致，无法确定汇总哪一期：2025年全年2份（镇2.xlsx、镇3.xlsx）；2025年上半年1份（镇1.xlsx）。请用 --period 指定要汇总的期间（其他期间的报表将列为未汇总），或只选同一期间的报表。",
    });
  });

  it("all inputs of another period: nothing to merge, no workbook", () => {
    const r = mergeReports([input(rec("镇1", town(1), { A01: [1, 1, null] }, { period: "2025-H1" }), "镇1.xlsx")], { period: "2025-Y" });
    expect(r).toEqual({ ok: false, code: "NOTHING_TO_MERGE", message: "没有可汇总的报表：1份报表都未能汇总（镇1.xlsx：报告期为“2025年上半年”，本次汇总的是“2025年全年”，未汇总。）。请修改后重新汇总，未生成汇总表。" });
  });
});

describe("unknown is not zero", () => {
  it.each([
    ["one town left 上年同期 blank → prior unknown, growth —", [5, null], [3, 4], null, "—"],
    ["every town had a true 0 last year → 新增", [5, 0], [3, 0], 0, "新增"],
    ["a true 0 and a positive base → a growth rate", [5, 0], [3, 4], 4, null],
  ] as const)("%s", (_n, a, b, prior, label) => {
    const c = merged([input(rec("镇1", town(1), { C12: [a[0], a[1], null] })), input(rec("镇2", town(2), { C12: [b[0], b[1], null] }))]);
    expect(c.totals.C12).toMatchObject({ current: 8, prior, growthLabel: label });
  });
});

describe("amounts finer than 1 元 (more than 4 decimals in 万元)", () => {
  it.each([
    ["5 decimals", 12.34567, [["AMOUNT_PRECISION", "error", "指标!G7"]], "请填写 12.3457"],
    ["6 decimals", 0.000051, [["AMOUNT_PRECISION", "error", "指标!G7"]], "请填写 0.0001"],
    ["exactly 4 decimals is fine", 12.3456, [], null],
  ] as const)("%s", async (_n, value, expected, says) => {
    const r = inspectOk(await setCells(await goodWorkbook(), [valueEdit("A01", "target", value)]), { expectedPeriod: "2025-Y" });
    expect(tuples(r)).toEqual(expected);
    if (says) expect(r.findings[0]!.message).toBe(`“财政科技拨款”全年目标（指标!G7）为 ${value}，小数超过4位（万元的4位小数即1元），汇总时无法精确相加。${says}。`);
  });
});
