/**
 * The checks at the edges of every threshold and in every value column, as
 * tables: a clean sample report read once, a few cells changed in its grid,
 * → the exact findings. Fast (no workbook written per case), so the mutation
 * run can afford them; the exceljs round trip is covered by core-checks.test.ts.
 */
// @ts-nocheck

import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { GROWTH_BAND, UNIT_SLIP_FACTOR, checkSubmission, parseReportDate } from "../templates/checks";
import { indicatorView } from "../templates/checks/context";
import type { ValueColumn } from "../templates/layout";
import { flat, inspectEdited as inspect, loadBaseGrid, tuples, type CoverEdit as Cover, type Edit, type Expected } from "./support/grid-edits";

beforeAll(loadBaseGrid);

it("the sample report read from the grid is clean (the baseline of every case)", () => {
  expect(tuples(inspect([]))).toEqual([]);
});

describe("UNIT_SLIP by factor: amounts 1000× (UNIT_SLIP_FACTOR) off their own last year", () => {
  it("the factor is 1000", () => expect(UNIT_SLIP_FACTOR).toBe(1000));
  // E02 技术合同成交额 (万元, town limit 1,000,000) on row 47; D07 有效发明专利 (件) on row 43.
  const CASES: [name: string, current: number, prior: number, expected: Expected[], says?: string[]][] = [
    ["999× is growth, not a slip", 999, 1, [["GROWTH_IMPLAUSIBLE", "warning", "指标!E47"]], ["增长 99800.0%"]],
    ["1000× exactly is a slip in 本期", 1000, 1, [["UNIT_SLIP", "warning", "指标!E47"]], ["1000 倍", "本期可能把“元”当成了“万元”"]],
    ["8000× is a slip", 8000, 1, [["UNIT_SLIP", "warning", "指标!E47"]], ["8000 倍"]],
    ["10000× is a slip", 10000, 1, [["UNIT_SLIP", "warning", "指标!E47"]], ["10000 倍"]],
    ["1/999 is a fall, not a slip", 1, 999, [["GROWTH_IMPLAUSIBLE", "warning", "指标!E47"]], ["下降 99.9%"]],
    ["1/1000 exactly is a slip in 上年同期", 1, 1000, [["UNIT_SLIP", "warning", "指标!F47"]], ["1000 倍", "上年同期可能把“元”当成了“万元”"]],
    ["1/8000 is a slip in 上年同期", 1.5, 12000, [["UNIT_SLIP", "warning", "指标!F47"]], ["上年同期 12000 是本期 1.5 的 8000 倍"]],
    ["本期 0 against a big last year is a fall, not a slip", 0, 5000, [["GROWTH_IMPLAUSIBLE", "warning", "指标!E47"]], ["下降 100.0%"]],
    ["上年同期 0 is neither slip nor growth", 5000, 0, []],
    ["a count 1000× its last year is growth (only amounts slip)", 1000, 1, [], undefined],
  ];
  it.each(CASES)("%s", (name, current, prior, expected, says) => {
    const code = name.startsWith("a count") ? "D07" : "E02";
    const r = inspect([[code, "current", current], [code, "prior", prior], [code, "target", null]]);
    const want: Expected[] = code === "D07" ? [["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"]] : expected;
    expect(tuples(r)).toEqual(want);
    for (const s of says ?? []) expect(r.findings[0]!.message).toContain(s);
    if (want.length) expect(r.findings[0]).toMatchObject({ indicator: code, explained: false });
  });

  it("a blank 本期 with a blank 上年同期 asks for 本期 only (no PRIOR_MISSING without a figure to grow)", () => {
    expect(tuples(inspect([["E02", "current", null], ["E02", "prior", null]]))).toEqual([["VALUE_REQUIRED", "error", "指标!E47"]]);
  });

  it("a slip explained in 备注 is marked explained", () => {
    const r = inspect([["E02", "current", 8000], ["E02", "prior", 1], ["E02", "note", "新签大额合同"]]);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "UNIT_SLIP", cell: "E47", explained: true })]);
    expect(r.findings[0]!.message).toContain("备注（指标!H47）");
  });
});

describe("town-scale limits (townMax) for 乡镇 and 街道, not for a county", () => {
  // E02 (amount, 1,000,000 万元) → UNIT_SLIP; E01 技术合同登记 (count, 10,000 项, row 46) → VALUE_IMPLAUSIBLE.
  const CASES: [name: string, edits: Edit[], cover: Cover, expected: Expected[], says?: string[]][] = [
    ["amount at the limit", [["E02", "current", 1_000_000], ["E02", "prior", 900_000]], {}, []],
    ["amount just over the limit", [["E02", "current", 1_000_001], ["E02", "prior", 900_000]], {}, [["UNIT_SLIP", "warning", "指标!E47"]], ["远超一个乡镇的常见规模", "元", "万元"]],
    ["count at the limit", [["E01", "current", 10_000], ["E01", "prior", 9_000]], {}, []],
    ["count just over the limit", [["E01", "current", 10_001], ["E01", "prior", 9_000]], {}, [["VALUE_IMPLAUSIBLE", "warning", "指标!E46"]], ["10001项", "远超一个乡镇的常见规模"]],
    ["a 街道 has town limits too", [["E01", "current", 10_001], ["E01", "prior", 9_000]], { unitType: "街道" }, [["VALUE_IMPLAUSIBLE", "warning", "指标!E46"]]],
    ["a county has no town limits", [["E01", "current", 10_001], ["E01", "prior", 9_000], ["E02", "current", 1_000_001], ["E02", "prior", 900_000]], { unitType: "县（市、区）", divisionCode: "330102000000" }, []],
    ["a city has no town limits", [["E01", "current", 10_001], ["E01", "prior", 9_000]], { unitType: "市", divisionCode: "330100000000" }, []],
    ["over the limit and 1000×: one slip (the factor), not two", [["E02", "current", 2_000_000], ["E02", "prior", 1_000]], {}, [["UNIT_SLIP", "warning", "指标!E47"]], ["2000 倍"]],
    ["over the limit and +1400%: the limit only, no growth warning", [["E02", "current", 1_500_000], ["E02", "prior", 100_000]], {}, [["UNIT_SLIP", "warning", "指标!E47"]], ["远超"]],
    ["a count over the limit and +1000%: the limit only", [["E01", "current", 11_000], ["E01", "prior", 1_000]], {}, [["VALUE_IMPLAUSIBLE", "warning", "指标!E46"]]],
    ["a county's +1000% count is still growth", [["E01", "current", 11_000], ["E01", "prior", 1_000]], { unitType: "县（市、区）", divisionCode: "330102000000" }, [["GROWTH_IMPLAUSIBLE", "warning", "指标!E46"]]],
  ];
  it.each(CASES)("%s", (_name, edits, cover, expected, says) => {
    const r = inspect(edits, cover);
    expect(tuples(r)).toEqual(expected);
    for (const s of says ?? []) expect(r.findings[0]!.message).toContain(s);
  });
});

describe(`growth band edges (${GROWTH_BAND.min * 100}% … +${GROWTH_BAND.max * 100}%) and the size below which growth is noise`, () => {
  it("the band is −50% … +200%", () => expect(GROWTH_BAND).toEqual({ min: -0.5, max: 2 }));
  // D07 (件, row 43), E02 (万元, row 47), C09 规模以上工业总产值 (亿元, row 32; C08 is kept below it).
  const small = (code: string, current: number, prior: number): Edit[] => [[code, "current", current], [code, "prior", prior]];
  const c08: Edit[] = [["C08", "current", 0.1], ["C08", "prior", 0.1], ["C08", "target", 0.1]];
  const CASES: [name: string, edits: Edit[], expected: Expected[], says?: string[]][] = [
    ["+200% exactly is fine", small("D07", 30, 10), []],
    ["+210% warns", small("D07", 31, 10), [["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"]], ["增长 210.0%", "-50%～+200%"]],
    ["−50% exactly is fine", small("D07", 10, 20), []],
    ["−55% warns", small("D07", 9, 20), [["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"]], ["下降 55.0%"]],
    ["count: 10 is big enough (3 → 10)", small("D07", 10, 3), [["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"]], ["增长 233.3%"]],
    ["count: 9 is too small (2 → 9)", small("D07", 9, 2), []],
    ["count: a big base that falls counts (10 → 2)", small("D07", 2, 10), [["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"]]],
    ["万元: 10 is big enough (3 → 10)", small("E02", 10, 3), [["GROWTH_IMPLAUSIBLE", "warning", "指标!E47"]]],
    ["万元: 9.9 is too small (3 → 9.9)", small("E02", 9.9, 3), []],
    ["亿元: 1 is big enough (0.25 → 1)", [...c08, ...small("C09", 1, 0.25)], [["GROWTH_IMPLAUSIBLE", "warning", "指标!E32"]]],
    ["亿元: 0.99 is too small (0.2 → 0.99)", [...c08, ...small("C09", 0.99, 0.2)], []],
  ];
  it.each(CASES)("%s", (_name, edits, expected, says) => {
    const r = inspect(edits);
    expect(tuples(r)).toEqual(expected);
    for (const s of says ?? []) expect(r.findings[0]!.message).toContain(s);
  });
});

describe("relation rules in every value column (本期, 上年同期, 全年目标)", () => {
  // Consistent figures in all three columns for every indicator in a relation; each case changes one column.
  const baseline: Edit[] = [
    ...flat("A01", 50), ...flat("A02", 1000), ...flat("A04", 100), ...flat("A05", 50), ...flat("A06", 40),
    ...flat("C01", 21), ...flat("C02", 3), ...flat("C03", 6), ...flat("C04", 12),
    ...flat("D01", 90), ...flat("D02", 30), ...flat("D03", 50), ...flat("D04", 10), ...flat("D05", 40), ...flat("D06", 20),
  ];
  const COL: Record<ValueColumn, string> = { current: "E", prior: "F", target: "G" };
  const rows: [name: string, edits: (c: ValueColumn) => Edit[], expected: (L: string) => Expected[], says?: string[]][] = [
    ["baseline is clean", () => [], () => []],
    ["专利申请 ≠ 发明+实用新型+外观设计", (c) => [["D01", c, 91]], (L) => [["COMPONENTS_SUM", "error", `指标!${L}37`]], ["发明＋实用新型＋外观设计", "91", "90"]],
    ["专利申请 below its parts", (c) => [["D01", c, 89]], (L) => [["COMPONENTS_SUM", "error", `指标!${L}37`]]],
    ["高新技术企业 ≠ 国家级+省级+市级", (c) => [["C01", c, 20]], (L) => [["COMPONENTS_SUM", "error", `指标!${L}24`]], ["国家级＋省级＋市级"]],
    ["a component above its total (both rules)", (c) => [["C02", c, 22]], (L) => [["COMPONENTS_SUM", "error", `指标!${L}24`], ["PART_EXCEEDS_TOTAL", "error", `指标!${L}25`]]],
    ["发明专利授权 = 专利授权 is fine", (c) => [["D06", c, 40]], () => []],
    ["发明专利授权 > 专利授权", (c) => [["D06", c, 41]], (L) => [["PART_EXCEEDS_TOTAL", "error", `指标!${L}42`]], ["不能大于", "41", "40"]],
    ["财政科技拨款 > 财政支出 (a bounding total, not 其中)", (c) => [["A01", c, 1001]], (L) => [["PART_EXCEEDS_TOTAL", "error", `指标!${L}7`]]],
    ["国家级+省级 = 争取上级资金 is fine", (c) => [["A05", c, 60]], () => []],
    ["国家级+省级 > 争取上级资金", (c) => [["A05", c, 61]], (L) => [["PARTS_EXCEED_TOTAL", "error", `指标!${L}10`]], ["101", "100", "国家级＋省级"]],
    ["国家级 alone > 争取上级资金: one finding, on the part", (c) => [["A05", c, 101]], (L) => [["PART_EXCEEDS_TOTAL", "error", `指标!${L}11`]]],
    ["国家级 = 争取上级资金 and 省级 > 0: the joint rule (a part equal to its total is no part above it)", (c) => [["A05", c, 100], ["A06", c, 1]], (L) => [["PARTS_EXCEED_TOTAL", "error", `指标!${L}10`]]],
    ["decimals that add up exactly in decimal (0.1+0.2 = 0.3) are fine", (c) => [["A04", c, 0.3], ["A05", c, 0.1], ["A06", c, 0.2]], () => []],
    ["large decimals that add up exactly in decimal are fine (29202767.25+26145954.01 = 55348721.26; in binary the sum is 55348721.260000005)", (c) => [["A04", c, 55348721.26], ["A05", c, 29202767.25], ["A06", c, 26145954.01]], () => []],
    ["a blank part skips the sum rule", (c) => [["D01", c, 91], ["D02", c, null]], (L) => (L === "E" ? [["VALUE_REQUIRED", "error", "指标!E38"]] : [])],
    ["a blank total with its parts filled skips the sum rule", (c) => [["D01", c, null]], (L) => (L === "E" ? [["VALUE_REQUIRED", "error", "指标!E37"]] : [])],
    ["a blank total skips every rule", (c) => [["D05", c, null], ["D06", c, 41]], (L) => (L === "E" ? [["VALUE_REQUIRED", "error", "指标!E41"]] : [])],
  ];
  const CASES = rows.flatMap(([name, edits, expected, says]) =>
    (["current", "prior", "target"] as const).map((c) => [`${name} (${c})`, edits(c), expected(COL[c]), says] as const),
  );
  it.each(CASES)("%s", (_name, edits, expected, says) => {
    const r = inspect([...baseline, ...edits]);
    // A changed 本期 or 上年同期 may also move growth: only relation findings are asserted here.
    const relation = tuples(r).filter(([rule]) => !["GROWTH_IMPLAUSIBLE", "PRIOR_MISSING", "UNIT_SLIP"].includes(rule));
    expect(relation).toEqual(expected);
    for (const s of says ?? []) expect(r.findings.find((f) => f.rule !== "GROWTH_IMPLAUSIBLE")!.message).toContain(s);
  });

  it("the message names the column and the range of the parts", () => {
    const r = inspect([...baseline, ["D01", "target", 91]]);
    expect(r.findings.map((f) => f.message)).toEqual(["“专利申请”全年目标（指标!G37）为 91，应等于发明＋实用新型＋外观设计之和（G38:G40 合计 90）。请核对后修改。"]);
  });
});

describe("RATIO_IMPLAUSIBLE at its edge (财政科技拨款占财政支出比重 ≤ 30%)", () => {
  const CASES: [name: string, a01: number, a02: number, expected: Expected[]][] = [
    ["30% exactly is fine", 300, 1000, []],
    ["30.1% warns", 301, 1000, [["RATIO_IMPLAUSIBLE", "warning", "指标!E9"]]],
    ["a zero denominator gives no ratio", 0, 0, []],
  ];
  it.each(CASES)("%s", (_name, a01, a02, expected) => {
    const r = inspect([...flat("A01", a01), ...flat("A02", a02)]);
    expect(tuples(r)).toEqual(expected);
    if (expected.length) expect(r.findings[0]!.message).toContain("30.10%");
  });
  it.each([
    // A01 本期, A02 本期 → findings besides the figures' own (a ratio needs both parts, a positive denominator, a part within its total)
    ["equal parts: 100% warns", 1000, 1000, [["RATIO_IMPLAUSIBLE", "warning", "指标!E9"]]],
    ["a part above its total: the part rule, not the ratio", 1001, 1000, [["PART_EXCEEDS_TOTAL", "error", "指标!E7"]]],
    ["a blank denominator gives no ratio", 5, null, [["VALUE_REQUIRED", "error", "指标!E8"]]],
    ["a blank numerator gives no ratio", null, 100, [["VALUE_REQUIRED", "error", "指标!E7"]]],
    ["negative parts give no ratio (−2 / −1 would be 200%)", -2, -1, [["NEGATIVE", "error", "指标!E7"], ["NEGATIVE", "error", "指标!E8"]]],
    ["a zero denominator with a positive numerator: the part rule only", 5, 0, [["PART_EXCEEDS_TOTAL", "error", "指标!E7"]]],
  ] as [string, number | null, number | null, Expected[]][])("%s", (_name, a01, a02, expected) => {
    const r = inspect([["A01", "current", a01], ["A01", "prior", 800], ["A01", "target", 800], ["A02", "current", a02], ["A02", "prior", 1000], ["A02", "target", 1000]]);
    expect(tuples(r).filter(([rule]) => rule !== "GROWTH_IMPLAUSIBLE")).toEqual(expected);
  });

  it.each([
    ["no note: not explained", [], false],
    ["a note on the denominator explains it", [["A02", "note", "含一次性支出"]], true],
  ] as [string, Edit[], boolean][])("%s", (_name, notes, explained) => {
    const r = inspect([...flat("A01", 301), ...flat("A02", 1000), ...notes]);
    expect(r.findings.map((f) => [f.rule, f.explained])).toEqual([["RATIO_IMPLAUSIBLE", explained]]);
  });

  it("a blank part against a negative total (in 上年同期) is no part above it", () => {
    const r = inspect([["D05", "prior", -1], ["D06", "prior", null]]);
    expect(tuples(r).filter(([rule]) => !["GROWTH_IMPLAUSIBLE", "PRIOR_MISSING"].includes(rule))).toEqual([["NEGATIVE", "error", "指标!F41"]]);
  });

  it("a note on the numerator explains it", () => {
    const r = inspect([...flat("A01", 301), ...flat("A02", 1000), ["A01", "note", "含一次性拨款"]]);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "RATIO_IMPLAUSIBLE", explained: true })]);
  });
});

describe("checkSubmission itself: the order of the findings and the library it checks with", () => {
  // Raised cover → values (per indicator, with plausibility) → relations → narrative; handed back by sheet, row, column.
  const edits: Edit[] = [
    ...flat("D02", 30), ...flat("D03", 50), ...flat("D04", 10), ["D01", "current", 91], ["D01", "prior", 90], ["D01", "target", -1],
    ["E02", "current", 31], ["E02", "prior", 10], ...flat("A02", 1000), ["A01", "current", 1001],
  ];
  it("sheet order (封面, 指标, 文字材料) before rows, rows before columns, and on one cell the order raised", () => {
    expect(tuples(inspect(edits, { date: "明天" }, { A4: null }))).toEqual([
      ["DATE_INVALID", "error", "封面!C13"], // row 13 of the cover before row 7 of 指标
      ["PART_EXCEEDS_TOTAL", "error", "指标!E7"], // a relation, raised after the values of row 47
      ["COMPONENTS_SUM", "error", "指标!E37"], // column E before G though raised after NEGATIVE on G37
      ["NEGATIVE", "error", "指标!G37"], // raised before COMPONENTS_SUM on the same cell
      ["COMPONENTS_SUM", "error", "指标!G37"],
      ["PART_EXCEEDS_TOTAL", "error", "指标!G38"],
      ["PART_EXCEEDS_TOTAL", "error", "指标!G39"],
      ["PART_EXCEEDS_TOTAL", "error", "指标!G40"],
      ["GROWTH_IMPLAUSIBLE", "warning", "指标!E47"],
      ["NARRATIVE_REQUIRED", "error", "文字材料!A4"], // row 4 of the narrative after row 47 of 指标
    ]);
  });

  it("without options it checks with the built-in library and no expected period", () => {
    const r = inspect(edits, { year: 2024 });
    expect(tuples(r)).toContainEqual(["PERIOD_MISMATCH", "error", "封面!C8"]);
    expect(checkSubmission(r.submission)).toEqual(r.findings.filter((f) => f.rule !== "PERIOD_MISMATCH"));
  });

  it("the library's own indicators are the ones checked (a town limit raised in the library)", () => {
    const raised: Catalogue = { ...BUILTIN, indicators: BUILTIN.indicators.map((i) => (i.code === "E01" ? { ...i, townMax: 20_000 } : i)) };
    const r = inspect([["E01", "current", 10_001], ["E01", "prior", 9_000]]);
    expect(tuples(r)).toEqual([["VALUE_IMPLAUSIBLE", "warning", "指标!E46"]]);
    expect(checkSubmission(r.submission, { expectedPeriod: "2025-Y", catalogue: raised })).toEqual([]);
  });
});

describe("the cover at its edges: division codes, the period's fields, phones", () => {
  // (cover typed) → exact findings; the sample is a 乡镇 with code 330102001000, 2025, 全年.
  const CASES: [name: string, cover: Cover, expected: Expected[]][] = [
    ["a code typed with spaces reads as its digits", { divisionCode: "3301 0200 1000" }, []],
    ["a town's code must end in 000", { divisionCode: "330102001001" }, [["DIVISION_CODE_LEVEL", "error", "封面!C6"]]],
    ["a county's code must not be a city's", { unitType: "县（市、区）", divisionCode: "330100000000" }, [["DIVISION_CODE_LEVEL", "error", "封面!C6"]]],
    ["a letter before the 12 digits", { divisionCode: "A330102001000" }, [["DIVISION_CODE_FORMAT", "error", "封面!C6"]]],
    ["13 digits", { divisionCode: "3301020010001" }, [["DIVISION_CODE_FORMAT", "error", "封面!C6"]]],
    ["a blank 报告期 is asked for, with no question about the period", { periodSpan: null }, [["COVER_REQUIRED", "error", "封面!C9"]]],
    ["统计年度 typed as text reads as the year", { year: "2025" }, []],
    ["a code typed as a number reads as its digits", { divisionCode: 330102001000 }, []],
    ["统计年度 2025.5 points at the year", { year: 2025.5 }, [["PERIOD_INVALID", "error", "封面!C8"]]],
    ["统计年度 in words points at the year", { year: "二〇二五年" }, [["PERIOD_INVALID", "error", "封面!C8"]]],
    ["a phone with spaces", { phone: "0571 8765 4321" }, []],
    ["a phone with its area code in brackets", { phone: "(0571)87654321" }, []],
  ];
  it.each(CASES)("%s", (_name, cover, expected) => {
    expect(tuples(inspect([], cover))).toEqual(expected);
  });
});

describe("parseReportDate: the cover's 填报日期 at its edges", () => {
  it.each([
    // A number typed as text is not a date serial.
    ["45000", null],
    // An Excel date serial: 2000-01-01 (36526) and 2100-01-01 (73051) themselves are outside.
    [45000, "2023-03-15"],
    [45646.75, "2024-12-20"],
    [36527, "2000-01-02"],
    [36526, null],
    [73050, "2099-12-31"],
    [73051, null],
    [true, null],
    [null, null],
    ["2025-12-20", "2025-12-20"],
    [" 2025 年 12 月 20 日 ", "2025-12-20"],
    ["2025年1月5日", "2025-01-05"],
    ["2025/12/20 10:30", "2025-12-20"],
    ["2025-12-20T08:00", "2025-12-20"],
    ["2025.12.20", "2025-12-20"],
    ["2025-12-20x", null],
    ["2025-12-20 x", "2025-12-20"],
    ["x2025-12-20", null],
    ["2025x-12-20", null],
    ["2025-x12-20", null],
    ["2025-12x-20", null],
    ["2025-12-20x日", null],
    ["2025-12-20 日", "2025-12-20"],
    ["2025-12-20Tx", "2025-12-20"],
    ["2025-02-30", null],
    ["2025-13-01", null],
    ["2025-12-32", null],
    ["1999-12-31", null],
    ["2000-01-01", "2000-01-01"],
    ["2100-12-31", "2100-12-31"],
    ["2101-01-01", null],
  ] as [unknown, string | null][])("%j → %j", (raw, expected) => {
    expect(parseReportDate(raw)).toBe(expected);
  });
});

describe("what the checks derive from the indicators (templates/checks/context.ts)", () => {
  // A new list each time: the view is kept per list, so this one is derived inside the test.
  it("each total with the items it bounds, its 其中 items bounded together only without a components rule; the ratios; labels", () => {
    const view = indicatorView([...BUILTIN.indicators]);
    expect(view.bounded.filter((b) => b.children.length).map((b) => [b.total.code, b.children.map((c) => c.code), b.jointOfWhich?.map((c) => c.code) ?? null])).toEqual([
      ["A02", ["A01"], null],
      ["A04", ["A05", "A06"], ["A05", "A06"]],
      ["A08", ["A07"], null],
      ["C01", ["C02", "C03", "C04"], null],
      ["C09", ["C08"], null],
      ["D01", ["D02", "D03", "D04"], null],
      ["D05", ["D06"], null],
    ]);
    expect(view.bounded).toHaveLength(BUILTIN.indicators.length);
    expect(view.ratios.map((r) => r.code)).toEqual(["A03", "A09", "C10"]);
    expect(["A01", "A05", "D06", "C04"].map((c) => view.label(view.byCode(c)!))).toEqual(["财政科技拨款", "争取上级科技资金（其中：国家级）", "专利授权（其中：发明专利授权）", "高新技术企业（其中：市级）"]);
    expect(view.byCode("Z99")).toBeUndefined();
    expect(indicatorView(view.all)).toBe(view);
  });

  it("a total with two included items that are not 其中 (a library's): each bounded alone, no joint rule", () => {
    const a02 = BUILTIN.indicators.find((i) => i.code === "A02")!;
    const a01 = BUILTIN.indicators.find((i) => i.code === "A01")!;
    const view = indicatorView([a02, a01, { ...a01, code: "A11", name: "科技专项" }]);
    expect(view.bounded.map((b) => [b.total.code, b.children.map((c) => c.code), b.jointOfWhich])).toEqual([
      ["A02", ["A01", "A11"], null],
      ["A01", [], null],
      ["A11", [], null],
    ]);
  });
});
