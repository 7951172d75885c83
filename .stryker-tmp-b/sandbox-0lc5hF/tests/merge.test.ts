// @ts-nocheck
import { describe, expect, it } from "vitest";
import { INPUT_INDICATORS } from "../templates/catalog";
import { BUILTIN } from "../templates/catalogue";
import type { Finding } from "../templates/findings";
import type { IndicatorValues, ReportRecord } from "../templates/record";
import { completionOf, growthLabel, growthOf, growthText, pointsChange, ratioOf } from "../templates/merge/growth";
import { CELL_TEXT_LIMIT, TRUNCATION_NOTE, boundText, consolidationJson, mergeReports, splitText, type Consolidation, type MergeInput, type MergeOptions } from "../templates/merge/merge";
import { completeRoster, inferUnitType, parseRosterCsv, parseRosterRows } from "../templates/merge/roster";
import { reportRecord } from "./support/records";

type Triple = [number | null, number | null, number | null];

function rec(name: string, code: string, figures: Record<string, Triple>, extra: { period?: string; date?: string; narrative?: string } = {}): ReportRecord {
  const values: Record<string, IndicatorValues> = {};
  for (const [k, [current, prior, target]] of Object.entries(figures)) values[k] = { current, prior, target };
  return reportRecord({
    unit: { name, code },
    period: extra.period,
    meta: { preparer: `${name}填报人`, head: "负责人", date: extra.date ?? "2025-12-20" },
    values,
    narrative: { achievements: extra.narrative ?? `${name}成效`, problems: `${name}问题`, plans: `${name}打算` },
  });
}

function merged(inputs: MergeInput[], options: MergeOptions = {}): Consolidation {
  const r = mergeReports(inputs, options);
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

const T1 = "330102001000";
const T2 = "330102002000";
const T3 = "330102003000";

describe("growth, ratios and completion", () => {
  it.each([
    // current, prior, growth, label, text
    [120, 100, 0.2, null, "增长20.0%"],
    [80, 100, -0.2, null, "下降20.0%"],
    [100, 100, 0, null, "持平"],
    [5, 0, null, "新增", "新增"],
    // Last year unknown (blank somewhere) is not last year 0: only a true 0 base is 新增.
    [5, null, null, "—", "—"],
    [0, 0, null, "—", "—"],
    [0, null, null, "—", "—"],
    [null, 100, null, "—", "—"],
  ] as const)("growth of %s over %s", (cur, prior, growth, label, text) => {
    expect(growthOf(cur, prior)).toBe(growth);
    expect(growthLabel(cur, prior)).toBe(label);
    expect(growthText(cur, prior)).toBe(text);
  });

  it.each([
    [40, 1000, 0.04],
    [1, 0, null],
    [null, 10, null],
    [3, null, null],
  ] as const)("ratio %s / %s", (n, d, r) => {
    expect(ratioOf(n, d)).toBe(r);
  });

  it("percentage points and completion", () => {
    expect(pointsChange(0.135, 0.12)).toBeCloseTo(1.5, 12);
    expect(pointsChange(0.1, null)).toBeNull();
    expect(completionOf(150, 200)).toBe(0.75);
    expect(completionOf(150, 0)).toBeNull();
    expect(completionOf(150, null)).toBeNull();
  });

  it.each([
    // current, prior (or target) → null: a blank on either side gives no change and no completion (never 0 or a negative)
    [null, 0.12],
    [0.12, null],
    [null, null],
  ] as const)("no change in points, no completion with a blank: %s against %s", (cur, other) => {
    expect(pointsChange(cur, other)).toBeNull();
    expect(completionOf(cur === null ? null : cur * 1000, other === null ? null : other * 1000)).toBeNull();
  });

  it.each([
    [150, -5, null], // a negative target is no target
    [0, 200, 0],
    [200, 200, 1],
  ] as const)("completion of %s against a target of %s", (cur, target, completion) => {
    expect(completionOf(cur, target)).toBe(completion);
  });
});

describe("mergeReports: sums and ratios", () => {
  const a = rec("青阳镇", T1, { A01: [10, 8, 20], A02: [100, 100, 120], D01: [30, 20, 40], D02: [10, 5, null], B01: [5, 0, null], C12: [0, 0, null], F01: [0.1, 3, null] });
  const b = rec("清河街道", T2, { A01: [30, 20, null], A02: [900, 500, null], D01: [12, 10, 10], D02: [2, 2, null], B01: [0, null, null], C12: [0, 0, null], F01: [0.2, 4, null] });
  // Merged inside each test, not once at collection: a mutant is active only while a test runs (docs/mutation.md).
  const merge = () => merged([{ record: a }, { record: b }]);

  it("sums counts and amounts, with exact decimals", () => {
    const c = merge();
    expect(c.totals.A01).toMatchObject({ current: 40, prior: 28, target: null, delta: 12, units: { current: 2, prior: 2, target: 1 } });
    expect(c.totals.D01).toMatchObject({ current: 42, prior: 30, target: 50, delta: 12, change: null });
    // 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
    expect(c.totals.F01!.current).toBe(0.3);
  });

  it("recomputes ratios from summed parts (never sums or averages them)", () => {
    const c = merge();
    // Units: 10% and 3.33%; summed parts: 40 / 1000 = 4%. Prior: 28 / 600.
    expect(c.totals.A03!.current).toBe(0.04);
    expect(c.totals.A03!.prior).toBe(28 / 600);
    // 青阳镇 set targets, 清河街道 did not: no city target, so no target ratio.
    expect(c.totals.A03!.target).toBeNull();
    expect(c.totals.A03!.change).toBeCloseTo((0.04 - 28 / 600) * 100, 12);
    expect(c.totals.A03!.growth).toBeNull();
    expect(c.totals.A03!.completion).toBeNull();
  });

  it("growth from summed figures; 新增 / — where there is no base", () => {
    const c = merge();
    expect(c.totals.A01!.growth).toBeCloseTo(12 / 28, 15);
    expect(c.totals.D01!.growth).toBe(0.4);
    expect(c.totals.B01).toMatchObject({ current: 5, prior: null, growth: null, growthLabel: "—", units: { current: 2, prior: 1, target: 0 } });
    expect(c.totals.C12).toMatchObject({ current: 0, prior: 0, growth: null, growthLabel: "—" });
    // Nobody reported it at all: no figure, never 0.
    expect(c.totals.E01).toMatchObject({ current: null, prior: null, target: null, delta: null, growth: null, growthLabel: "—", units: { current: 0, prior: 0, target: 0 } });
    // 增减量 only where both sums exist.
    expect(c.totals.B01!.delta).toBeNull();
  });

  it("completion where every unit has a target; a partial target sum is no target", () => {
    const c = merge();
    expect(c.totals.A01).toMatchObject({ target: null, completion: null });
    expect(c.totals.D01!.completion).toBe(42 / 50);
    expect(c.totals.D02!.completion).toBeNull();
  });

  it("no NaN or Infinity anywhere in the JSON", () => {
    const c = merge();
    const text = JSON.stringify(consolidationJson(c));
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(consolidationJson(c).totals.C12).toMatchObject({ current: 0, prior: 0, growth: null, growthLabel: "—" });
  });

  it("sums amounts with 2–4 decimals exactly over many units", () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ record: rec(`镇${i}`, `330102${String(i + 1).padStart(3, "0")}000`, { A01: [0.01, 0.0001, null] }) }));
    const m = merged(many);
    expect(m.totals.A01!.current).toBe(10);
    expect(m.totals.A01!.prior).toBe(0.1);
  });
});

describe("mergeReports: roster, missing, unlisted, duplicates", () => {
  const roster = [
    { name: "青阳镇", code: T1, parent: "330102000000" },
    { name: "清河街道", code: T2, parent: "330102000000" },
    { name: "南山镇", code: T3, parent: "330102000000" },
  ];

  it("lists roster units that have not reported as missing, not as zero", () => {
    const c = merged([{ record: rec("青阳镇", T1, { A01: [10, 5, null] }) }], { roster });
    expect(c.units.map((u) => [u.name, u.status])).toEqual([
      ["青阳镇", "submitted"],
      ["清河街道", "missing"],
      ["南山镇", "missing"],
    ]);
    expect(c.counts).toEqual({ expected: 3, submitted: 1, missing: 2, unlisted: 0, superseded: 0 });
    expect(c.totals.A01).toMatchObject({ current: 10, units: { current: 1, prior: 1, target: 0 } });
    expect(c.record.values.A01!.note).toBe("由1个单位汇总（缺报2个）");
    const json = consolidationJson(c);
    expect(json.missing).toEqual([
      { name: "清河街道", code: T2 },
      { name: "南山镇", code: T3 },
    ]);
  });

  it("flags units not in the roster and still counts them", () => {
    const c = merged([{ record: rec("青阳镇", T1, { A01: [10, 5, null] }) }, { record: rec("外来镇", "330199001000", { A01: [7, 1, null] }) }], { roster });
    const stranger = c.units.find((u) => u.code === "330199001000")!;
    expect(stranger).toMatchObject({ name: "外来镇", status: "submitted", unlisted: true });
    expect(c.units.map((u) => u.name)).toEqual(["青阳镇", "清河街道", "南山镇", "外来镇"]);
    expect(c.counts.unlisted).toBe(1);
    expect(c.totals.A01!.current).toBe(17);
  });

  it("matches a unit by name when its code differs from the roster, and says so", () => {
    const c = merged([{ record: rec("南山镇", "330102099000", { A01: [3, 1, null] }) }], { roster });
    const u = c.units[2]!;
    expect(u).toMatchObject({ name: "南山镇", code: T3, status: "submitted", unlisted: false, reportedCode: "330102099000" });
  });

  it.each([
    ["same 填报日期: the later upload", [{ at: "2025-12-21T09:00:00Z", v: 1 }, { at: "2025-12-22T09:00:00Z", v: 2 }], 2, "填报日期相同（2025-12-20），上传时间较晚"],
    ["order of inputs does not matter", [{ at: "2025-12-22T09:00:00Z", v: 2 }, { at: "2025-12-21T09:00:00Z", v: 1 }], 2, "填报日期相同（2025-12-20），上传时间较晚"],
    ["the later 填报日期 beats a later upload", [{ date: "2025-12-25", at: "2025-12-21T09:00:00Z", v: 9 }, { date: "2025-12-20", at: "2025-12-22T09:00:00Z", v: 1 }], 9, "填报日期2025-12-25晚于2025-12-20"],
    ["without upload times, the later 填报日期", [{ date: "2025-12-25", v: 9 }, { date: "2025-12-20", v: 1 }], 9, "填报日期2025-12-25晚于2025-12-20"],
    ["a dated report beats an undated one", [{ date: "2025-12-20", v: 5 }, { date: null, at: "2025-12-29T09:00:00Z", v: 3 }], 5, "填报日期2025-12-20（另一份未填日期）"],
    ["same date, no upload times: the later input", [{ v: 4 }, { v: 6 }], 6, "填报日期相同（2025-12-20），采用最后列出的一份"],
  ] as const)("two reports for one unit: %s", (_name, reports, expected, chosen) => {
    const inputs: MergeInput[] = reports.map((r, i) => {
      const record = rec("青阳镇", T1, { A01: [r.v, 1, null] }, { date: "date" in r && r.date ? r.date : "2025-12-20" });
      if ("date" in r && r.date === null) record.meta.date = null;
      return { record, source: `青阳镇-${i + 1}.xlsx`, ...("at" in r ? { submittedAt: r.at } : {}) };
    });
    const c = merged(inputs, { roster });
    expect(c.totals.A01!.current).toBe(expected);
    const u = c.units[0]!;
    expect(u.chosen).toBe(chosen);
    expect(u.report!.version).toBe(2);
    expect(u.superseded).toHaveLength(1);
    expect(u.superseded[0]!.version).toBe(1);
    expect(u.superseded[0]!.source).not.toBe(u.report!.source);
    expect(c.counts.superseded).toBe(1);
    expect(consolidationJson(c).units[0]!.superseded).toEqual([{ source: u.superseded[0]!.source, submittedAt: u.superseded[0]!.submittedAt ?? null, version: 1 }]);
  });

  it("rejects reports of another period", () => {
    const c = merged([{ record: rec("青阳镇", T1, { A01: [1, 1, null] }) }, { record: rec("清河街道", T2, { A01: [5, 1, null] }, { period: "2025-H1" }), source: "清河.xlsx" }], { period: "2025-Y" });
    expect(c.rejected).toEqual([{ source: "清河.xlsx", code: "PERIOD_MISMATCH", message: "报告期为“2025年上半年”，本次汇总的是“2025年全年”，未汇总。" }]);
    expect(c.totals.A01!.current).toBe(1);
  });

  it.each([
    [[], {}, "NOTHING_TO_MERGE"],
    [[], { period: "2025-Z" }, "BAD_PERIOD"],
  ] as const)("cannot merge without a period (%#)", (inputs, options, code) => {
    const r = mergeReports(inputs, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it("refuses an empty collection even with a period and roster: no workbook of nothing", () => {
    expect(mergeReports([], { roster, period: "2025年全年" })).toEqual({ ok: false, code: "NOTHING_TO_MERGE", message: "没有可汇总的报表，未生成汇总表。请指定要汇总的报表文件。" });
  });
});

describe("the consolidating unit and its record", () => {
  it.each([
    ["towns of one county → the county", [T1, T2], undefined, "330102000000", "县（市、区）"],
    ["counties of one city → the city", ["330102000000", "330103000000"], undefined, "330100000000", "市"],
    ["a single county → its city", ["330102000000"], undefined, "330100000000", "市"],
    ["the roster's parent", [T1], "330102000000", "330102000000", "县（市、区）"],
  ] as const)("%s", (_n, codes, parent, code, type) => {
    const inputs = codes.map((c, i) => ({ record: rec(`单位${i}`, c, { A01: [1, 1, null] }) }));
    const roster = parent ? codes.map((c, i) => ({ name: `单位${i}`, code: c, parent })) : undefined;
    const c = merged(inputs, { roster });
    expect(c.unit).toEqual({ name: `汇总（${code}）`, code, type });
  });

  it("the record carries totals, notes, metadata and the narrative under unit headings", () => {
    const c = merged([{ record: rec("青阳镇", T1, { A01: [1.25, 1, 2] }, { date: "2025-12-19" }) }, { record: rec("清河街道", T2, { A01: [2.5, 1, null] }, { date: "2025-12-21" }) }], {
      unit: { name: "示范区", code: "330102000000" },
      meta: { preparer: "张明", phone: "0571-87654321", head: "陈志远" },
    });
    expect(c.record.unit).toEqual({ name: "示范区", code: "330102000000", type: "县（市、区）" });
    expect(c.record.meta).toEqual({ preparer: "张明", phone: "0571-87654321", head: "陈志远", date: "2025-12-21" });
    expect(c.record.values.A01).toEqual({ current: 3.75, prior: 2, target: null, note: "由2个单位汇总" });
    expect(c.record.values.E01).toEqual({ current: null, prior: null, target: null, note: "由0个单位汇总" });
    expect(c.record.narrative.achievements).toBe("【青阳镇】青阳镇成效\n\n【清河街道】清河街道成效");
    expect(Object.keys(c.record.values)).toEqual(INPUT_INDICATORS.map((i) => i.code));
  });

  it("bounds a long narrative to one cell, with a note; the full text splits into rows", () => {
    const long = "科".repeat(20_000);
    const c = merged([{ record: rec("青阳镇", T1, {}, { narrative: long }) }, { record: rec("清河街道", T2, {}, { narrative: long }) }]);
    const text = c.record.narrative.achievements;
    expect(text.length).toBe(CELL_TEXT_LIMIT);
    expect(text.endsWith(TRUNCATION_NOTE)).toBe(true);
    expect(boundText("短文本")).toBe("短文本");
    expect(splitText("a".repeat(70_000)).map((p) => p.length)).toEqual([32_000, 32_000, 6_000]);
    // Never splits a surrogate pair (emoji or rare characters outside the BMP).
    const pieces = splitText("𠀀".repeat(20_000));
    expect(pieces.join("")).toBe("𠀀".repeat(20_000));
    expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe("roster parsing", () => {
  it("reads a sheet with headers in any order and numeric codes", () => {
    const r = parseRosterRows([["报送单位名单"], ["区划代码", "名称", "上级代码"], [330102001000, "青阳镇", "330102000000"], [], [" 330102002000 ", "清河街道", null]]);
    expect(r).toEqual({
      ok: true,
      units: [
        { name: "青阳镇", code: "330102001000", parent: "330102000000" },
        { name: "清河街道", code: "330102002000", parent: "" },
      ],
    });
  });

  it("reads a two-column CSV without a header, with a BOM and quotes", () => {
    const r = parseRosterCsv('\uFEFF"青阳镇",330102001000\r\n"清河,街道",330102002000\r\n');
    expect(r).toEqual({
      ok: true,
      units: [
        { name: "青阳镇", code: "330102001000", parent: "" },
        { name: "清河,街道", code: "330102002000", parent: "" },
      ],
    });
  });

  it.each([
    ["名称,区划代码\n青阳镇,3301020010\n", "ROSTER_INVALID", "名单第2行“青阳镇”的区划代码“3301020010”应为12位数字。"],
    ["名称,区划代码\n青阳镇,330102001000\n南山镇,330102001000\n", "ROSTER_INVALID", "名单第3行“南山镇”与第2行的区划代码 330102001000 重复。"],
    ["名称,区划代码\n,330102001000\n", "ROSTER_INVALID", "名单第2行没有填写单位名称。"],
    ["名称,区划代码,上级代码\n青阳镇,330102001000,3301\n", "ROSTER_INVALID", "名单第2行“青阳镇”的上级代码“3301”应为12位数字。"],
    ["名称,区划代码\n", "ROSTER_EMPTY", "名单中没有任何单位。请按“名称、区划代码、上级代码”三列填写。"],
  ])("refuses %j", (csv, code, message) => {
    expect(parseRosterCsv(csv)).toEqual({ ok: false, code, message, problems: [message] });
  });

  it("lists every row's problem at once, and keeps the optional columns it finds by header", () => {
    const csv = "名称,区划代码,上级代码,类型,联系人,电话\n青阳镇,3301020010,,,,\n,330102002000,,,,\n南山镇,330102003000,33,,,\n示例区,330102000000,,县(市、区),王五, 0571-8888 0000\n";
    const r = parseRosterCsv(csv);
    expect(r).toEqual({
      ok: false,
      code: "ROSTER_INVALID",
      message: "名单第2行“青阳镇”的区划代码“3301020010”应为12位数字。 名单第3行没有填写单位名称。 名单第4行“南山镇”的上级代码“33”应为12位数字。",
      problems: ["名单第2行“青阳镇”的区划代码“3301020010”应为12位数字。", "名单第3行没有填写单位名称。", "名单第4行“南山镇”的上级代码“33”应为12位数字。"],
    });
    expect(parseRosterCsv("名称,区划代码,类型,联系人,电话\n示例区,330102000000,县(市、区),王五, 0571-8888 0000\n")).toEqual({
      ok: true,
      units: [{ name: "示例区", code: "330102000000", parent: "", type: "县（市、区）", contact: "王五", phone: "0571-88880000" }],
    });
  });

  it.each([
    ["330100000000", "示例市", "市"],
    ["330102000000", "示例区", "县（市、区）"],
    ["330102001000", "青阳镇", "乡镇"],
    ["330102002000", "清河街道", "街道"],
    ["330102003000", "城关街道办事处", "街道"],
    ["330102004000", "街道口村", "乡镇"],
    // Eight zeros but not the last eight: a county whose code ends 00.
    ["330100100000", "某县", "乡镇"],
  ])("the 单位类型 of %s %s is %s", (code, name, type) => {
    expect(inferUnitType(code, name)).toBe(type);
  });

  it("fills blank 上级代码 from the codes: a town's county when listed, else the city; given values kept", () => {
    const units = completeRoster([
      { name: "示例市", code: "330100000000", parent: "" },
      { name: "示例区", code: "330102000000", parent: "" },
      { name: "青阳镇", code: "330102001000", parent: "" },
      { name: "飞地镇", code: "330105001000", parent: "" },
      { name: "清河街道", code: "330102002000", parent: "330100000000", type: "乡镇" },
    ]);
    expect(units.map((u) => [u.name, u.type, u.parent])).toEqual([
      ["示例市", "市", ""],
      ["示例区", "县（市、区）", "330100000000"],
      ["青阳镇", "乡镇", "330102000000"],
      ["飞地镇", "乡镇", "330100000000"],
      ["清河街道", "乡镇", "330100000000"],
    ]);
  });
});

describe("mergeReports: edges the mutation run found untested", () => {
  const roster = [
    { name: "青阳镇", code: T1, parent: "330102000000" },
    { name: "清河街道", code: T2, parent: "330102000000" },
  ];
  const finding = (rule: string, cell: string): Finding => ({ severity: "warning", rule: rule as Finding["rule"], sheet: "指标", cell, message: `${rule} 的说明`, indicator: "A01" });

  it("a report of another library is refused, named by its unit when it has no source", () => {
    const other = rec("清河街道", T2, { A01: [5, 1, null] });
    other.templateId = "HZ-OTHER";
    const c = merged([{ record: rec("青阳镇", T1, { A01: [1, 1, null] }) }, { record: other }]);
    expect(c.rejected).toEqual([{ source: "清河街道", code: "OTHER_LIBRARY", message: `这是另一种报表（模板标识 HZ-OTHER），本次汇总的是“${BUILTIN.title}”（${BUILTIN.id}），未汇总。` }]);
    expect(c.totals.A01!.current).toBe(1);
  });

  it("an unreadable --period is refused word for word", () => {
    expect(mergeReports([], { period: "2025-Z" })).toEqual({ ok: false, code: "BAD_PERIOD", message: "期间“2025-Z”无法识别。请写成 2025-Y、2025-H1、2025年上半年、2025年1-6月、2025-Q3 或 2025年1—10月。" });
  });

  it("--consolidations-only with a town listed before its county: the town (the first input) is left out", () => {
    const c = merged([{ record: rec("青阳镇", T1, { D01: [3000, 2900, null] }), source: "青阳镇.xlsx" }, { record: rec("示例区", "330102000000", { D01: [6212, 6000, null] }), source: "示例区汇总.xlsx" }], { consolidationsOnly: true });
    expect(c.totals.D01!.current).toBe(6212);
    expect(c.rejected.map((r) => [r.source, r.code])).toEqual([["青阳镇.xlsx", "INCLUDED_IN_CONSOLIDATION"]]);
  });

  it("every entry exactly: a roster unit under its own code (no reportedCode), a missing one, an unlisted one; `late` only where given", () => {
    const c = merged([{ record: rec("青阳镇", T1, { A01: [1, 1, null] }), source: "q.xlsx", late: true }, { record: rec("外来镇", "330199001000", { A01: [2, 1, null] }), source: "w.xlsx" }], { roster });
    const [q, h, w] = c.units;
    expect(q).toStrictEqual({ name: "青阳镇", code: T1, parent: "330102000000", status: "submitted", unlisted: false, superseded: [], warnings: 0, report: { record: q!.report!.record, source: "q.xlsx", submittedAt: undefined, late: true, version: 1 } });
    expect(h).toStrictEqual({ name: "清河街道", code: T2, parent: "330102000000", status: "missing", unlisted: false, superseded: [], warnings: 0 });
    expect(w).toStrictEqual({ name: "外来镇", code: "330199001000", parent: "", status: "submitted", unlisted: true, superseded: [], warnings: 0, report: { record: w!.report!.record, source: "w.xlsx", submittedAt: undefined, version: 1 } });
  });

  it("unlisted units come after the roster, by code whatever the input order", () => {
    const codes = ["330199003000", "330199001000", "330199002000"];
    const c = merged(codes.map((code, i) => ({ record: rec(`外来${"丙甲乙"[i]}镇`, code, { A01: [1, 1, null] }) })), { roster });
    expect(c.units.map((u) => u.code)).toEqual([T1, T2, "330199001000", "330199002000", "330199003000"]);
  });

  it("a roster with one name twice: a report under an unknown code is matched to the first of them", () => {
    const twice = [...roster, { name: "青阳镇", code: "330102009000", parent: "330102000000" }];
    const c = merged([{ record: rec("青阳镇", "330102099000", { A01: [1, 1, null] }) }], { roster: twice });
    expect(c.units.map((u) => [u.code, u.status, u.reportedCode])).toEqual([
      [T1, "submitted", "330102099000"],
      [T2, "missing", undefined],
      ["330102009000", "missing", undefined],
    ]);
  });

  it("the units' own warnings are carried (exactly), cross-unit slips found at submission are not (found again), and the record carries none", () => {
    const growth = finding("GROWTH_IMPLAUSIBLE", "E7");
    const r = rec("青阳镇", T1, { A01: [1, 1, null] });
    r.warnings = [finding("UNIT_SLIP_PEERS", "E7"), growth, finding("UNIT_SLIP_LAST_YEAR", "E7")];
    const c = merged([{ record: r }]);
    expect(c.warnings).toStrictEqual([{ unit: "青阳镇", unitCode: T1, finding: growth }]);
    expect(c.units[0]!.warnings).toBe(1);
    expect(c.record.warnings).toEqual([]);
  });

  it("the library's rule settings reach the cross-unit slips (a 6× town with peerSlipFactor 5)", () => {
    const inputs = [1, 1, 1, 6].map((v, i) => ({ record: rec(`镇${i + 1}`, `33010200${i + 1}000`, { A01: [v, v, null] }) }));
    expect(merged(inputs).warnings).toEqual([]);
    expect(merged(inputs, { settings: { peerSlipFactor: 5 } }).warnings.map((w) => [w.unit, w.finding.rule, w.reference])).toEqual([["镇4", "UNIT_SLIP_PEERS", 1]]);
  });

  it("the consolidation's 填报日期 is the latest of the reports' (a blank one ignored), whatever their order", () => {
    const dates = ["2025-12-25", "2025-12-01", null];
    const inputs = dates.map((d, i) => {
      const record = rec(`镇${i + 1}`, `33010200${i + 1}000`, { A01: [1, 1, null] });
      record.meta.date = d;
      return { record };
    });
    expect(merged(inputs).meta.date).toBe("2025-12-25");
  });

  it("a report of another version of the library: the codes it lacks and the codes it has that this version does not", () => {
    const old = rec("清河街道", T2, { A01: [2, 1, null], Z99: [5, 5, null] });
    old.templateVersion = "2026.1";
    const c = merged([{ record: rec("青阳镇", T1, { A01: [1, 1, null] }) }, { record: old }]);
    expect(c.versionNotes).toEqual([{ unit: "清河街道", unitCode: T2, version: "2026.1", added: INPUT_INDICATORS.map((i) => i.code).filter((code) => code !== "A01"), dropped: ["Z99"] }]);
    expect(c.totals.A01!.current).toBe(3);
  });

  it("a blank, NaN or infinite 本期 is not counted (nor its unit); 上年同期 still sums where every unit with a 本期 gave one", () => {
    const inputs = [
      rec("镇1", T1, { A01: [10, 8, 20], A02: [100, 100, 100] }),
      rec("镇2", T2, { A01: [null, 5, 30], A02: [50, null, null] }),
      rec("镇3", T3, { A01: [Number.NaN, Number.POSITIVE_INFINITY, Number.NaN] }),
    ].map((record) => ({ record }));
    const c = merged(inputs);
    expect(c.totals.A01).toMatchObject({ current: 10, prior: 13, target: 50, delta: -3, completion: 0.2, units: { current: 1, prior: 2, target: 2 } });
    // A ratio counts the units that gave both parts.
    expect(c.totals.A03).toMatchObject({ current: 10 / 150, prior: null, units: { current: 1, prior: 1, target: 1 } });
    // Nobody gave a 本期, one unit a 上年同期: no 增减量 (never −5).
    expect(merged([{ record: rec("镇1", T1, { A01: [null, 5, null] }) }]).totals.A01).toMatchObject({ current: null, prior: 5, delta: null });
  });

  it.each([
    ["a roster whose units hang directly under the city: the roster's parent, not the codes' county", [T1, T2], ["330100000000", "330100000000"], "330100000000"],
    ["a roster with two parents: from the codes", [T1, T2], ["330103000000", "330102000000"], "330102000000"],
    ["a roster with one parent and a blank one: the parent", [T1, T2], ["330100000000", ""], "330100000000"],
    ["a roster without parents: from the roster's codes, missing units included", [T1, "330103001000"], ["", ""], "330100000000"],
  ] as const)("consolidating unit: %s", (_n, codes, parents, code) => {
    const r = codes.map((c, i) => ({ name: `单位${i}`, code: c, parent: parents[i]! }));
    const c = merged([{ record: rec("单位0", codes[0]!, { A01: [1, 1, null] }) }], { roster: r });
    expect(c.unit.code).toBe(code);
  });

  it.each([
    ["towns of two counties → the city", [T1, "330103001000"], "330100000000"],
    ["a malformed code first is skipped (X…)", ["X330102001000", T1], "330102000000"],
    ["a 13-digit code first is skipped", ["3301030010001", T1], "330102000000"],
    ["no 12-digit code at all → 000000000000", ["X1", "X2"], "000000000000"],
  ] as const)("consolidating unit without a roster: %s", (_n, codes, code) => {
    const c = merged(codes.map((cd, i) => ({ record: rec(`单位${i}`, cd, { A01: [1, 1, null] }) })));
    expect(c.unit).toEqual({ name: `汇总（${code}）`, code, type: code.endsWith("00000000") ? "市" : "县（市、区）" });
  });

  it("a report without one narrative section: its unit heading with nothing under it", () => {
    const r = rec("青阳镇", T1, { A01: [1, 1, null] });
    delete (r.narrative as Partial<ReportRecord["narrative"]>).plans;
    const c = merged([{ record: r }, { record: rec("清河街道", T2, { A01: [1, 1, null] }) }]);
    expect(c.record.narrative.plans).toBe("【青阳镇】\n\n【清河街道】清河街道打算");
  });

  it("bounding and splitting text at their exact edges, never inside a surrogate pair", () => {
    expect(boundText("x".repeat(10), 10)).toBe("x".repeat(10));
    expect(boundText("x".repeat(41), 40)).toBe("x".repeat(40 - TRUNCATION_NOTE.length) + TRUNCATION_NOTE);
    // The cut would fall between the halves of 𠀀: it moves back one.
    expect(boundText("ab𠀀" + "c".repeat(100), TRUNCATION_NOTE.length + 3)).toBe("ab" + TRUNCATION_NOTE);
    expect(splitText("", 5)).toEqual([""]);
    expect(splitText("abc", 3)).toEqual(["abc"]);
    expect(splitText("a𠀀𠀀𠀀", 2)).toEqual(["a", "𠀀", "𠀀", "𠀀"]);
    expect(splitText("a𠀀b", 2)).toEqual(["a", "𠀀", "b"]);
    // A lone high surrogate at the very end (a damaged text) is kept, and splitting ends.
    expect(splitText("ab\uD840", 2)).toEqual(["ab", "\uD840"]);
    expect(splitText("abcde", 2)).toEqual(["ab", "cd", "e"]);
  });
});
