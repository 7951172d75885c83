/**
 * The rule settings at their edges: today's defaults (−50%…+200%, 1000×, 4
 * decimals, townMax, plausibleMaxRatio) exactly at and just past each
 * threshold, and a library's own settings (CheckOptions.settings,
 * SlipOptions.settings) moving the same thresholds — exact findings and messages.
 */
// @ts-nocheck

import { beforeAll, describe, expect, it } from "vitest";
import type { CheckOptions } from "../templates/checks";
import { crossUnitSlips } from "../templates/merge/slips";
import type { IndicatorValues } from "../templates/record";
import { flat, inspectEdited, loadBaseGrid, type CoverEdit, type Edit } from "./support/grid-edits";

beforeAll(loadBaseGrid);

type Exact = [rule: string, at: string, message: string];
const run = (edits: Edit[], options: CheckOptions = {}, cover: CoverEdit = {}): Exact[] =>
  inspectEdited(edits, cover, {}, [], options).findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.message]);
const pair = (code: string, current: number, prior: number): Edit[] => [[code, "current", current], [code, "prior", prior]];
/** C08 (亿元, ≤ C09) kept small so C09 can move alone. */
const c08: Edit[] = [["C08", "current", 0.1], ["C08", "prior", 0.1], ["C08", "target", 0.1]];

const growth = (cur: number, prior: number, change: string, band = "-50%～+200%"): Exact => [
  "GROWTH_IMPLAUSIBLE",
  "指标!E43",
  `“有效发明专利”本期 ${cur}，上年同期 ${prior}，同比${change}，超出常见范围（${band}）。请核对；确认无误的，请在备注（指标!H43）中说明原因。`,
];
const slip = (cur: number, prior: number, times: string): Exact => [
  "UNIT_SLIP",
  "指标!E47",
  `“技术合同成交额”本期 ${cur} 是上年同期 ${prior} 的 ${times} 倍，本期可能把“元”当成了“万元”填写。请核对单位（本表金额单位为万元）；确认无误的，请在备注（指标!H47）中说明。`,
];
const precision = (value: number, finest: string, rounded: string, decimals = 4): Exact => [
  "AMOUNT_PRECISION",
  "指标!G47",
  `“技术合同成交额”全年目标（指标!G47）为 ${value}，小数超过${decimals}位（${finest}），汇总时无法精确相加。请填写 ${rounded}。`,
];
const ratio = (pct: string): Exact => [
  "RATIO_IMPLAUSIBLE",
  "指标!E15",
  `“R&D经费占GDP比重”为 ${pct}，明显偏高（一般不超过 10%）。请核对“全社会R&D经费支出”和“地区生产总值”；确认无误的，请在“全社会R&D经费支出”的备注中说明。`,
];

describe("today's defaults at their edges", () => {
  const CASES: [name: string, edits: Edit[], expected: Exact[]][] = [
    ["+200% exactly (3000 over 1000) is fine", pair("D07", 3000, 1000), []],
    ["+200.1% (3001 over 1000) warns", pair("D07", 3001, 1000), [growth(3001, 1000, "增长 200.1%")]],
    ["−50% exactly (500 over 1000) is fine", pair("D07", 500, 1000), []],
    ["−50.1% (499 over 1000) warns", pair("D07", 499, 1000), [growth(499, 1000, "下降 50.1%")]],
    ["an amount 999× its last year is growth", pair("E02", 999, 1), [["GROWTH_IMPLAUSIBLE", "指标!E47", "“技术合同成交额”本期 999，上年同期 1，同比增长 99800.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H47）中说明原因。"]]],
    ["1000× exactly is a unit slip", pair("E02", 1000, 1), [slip(1000, 1, "1000")]],
    ["8000× is a unit slip", pair("E02", 8000, 1), [slip(8000, 1, "8000")]],
    ["4 decimals are fine", [["E02", "target", 12.3456]], []],
    ["5 decimals are an error naming the rounded figure", [["E02", "target", 12.34567]], [precision(12.34567, "万元的4位小数即1元", "12.3457")]],
    ["R&D/GDP at its ceiling, 10% exactly, is fine", [...flat("A07", 100), ...flat("A08", 1000)], []],
    ["R&D/GDP at 10.1% warns", [...flat("A07", 101), ...flat("A08", 1000)], [ratio("10.10%")]],
    ["a town's count at townMax (C12 200 家) is fine", pair("C12", 200, 190), []],
    [
      "a town's count just above townMax warns",
      pair("C12", 201, 190),
      [["VALUE_IMPLAUSIBLE", "指标!E35", "“科技企业孵化器/众创空间”本期 201家，远超一个乡镇的常见规模，请核对；确认无误的，请在备注（指标!H35）中说明。"]],
    ],
  ];
  it.each(CASES)("%s", (_name, edits, expected) => expect(run(edits)).toEqual(expected));
});

describe("a library's own settings move the thresholds", () => {
  const narrow = { settings: { growthBand: { min: -0.2, max: 0.5 } } };
  const CASES: [name: string, edits: Edit[], options: CheckOptions, expected: Exact[]][] = [
    ["band −20%…+50%: +50% exactly is fine", pair("D07", 15, 10), narrow, []],
    ["band −20%…+50%: +60% warns, naming the library's band", pair("D07", 16, 10), narrow, [growth(16, 10, "增长 60.0%", "-20%～+50%")]],
    ["band −20%…+50%: −20% exactly is fine", pair("D07", 8, 10), narrow, []],
    ["band −20%…+50%: −30% warns", pair("D07", 7, 10), narrow, [growth(7, 10, "下降 30.0%", "-20%～+50%")]],
    ["growth judged from 20: 19 is too small", pair("D07", 19, 5), { settings: { growthMinSize: { default: 20, byUnit: {} } } }, []],
    ["growth judged from 20: 20 is big enough", pair("D07", 20, 5), { settings: { growthMinSize: { default: 20, byUnit: {} } } }, [growth(20, 5, "增长 300.0%")]],
    ["the same 19 is judged under today's size of 10", pair("D07", 19, 5), {}, [growth(19, 5, "增长 280.0%")]],
    ["亿元 judged from 5: 4.9 is too small", [...c08, ...pair("C09", 4.9, 1)], { settings: { growthMinSize: { default: 10, byUnit: { 亿元: 5 } } } }, []],
    [
      "亿元 judged from 5: 5 is big enough",
      [...c08, ...pair("C09", 5, 1)],
      { settings: { growthMinSize: { default: 10, byUnit: { 亿元: 5 } } } },
      [["GROWTH_IMPLAUSIBLE", "指标!E32", "“规模以上工业总产值”本期 5，上年同期 1，同比增长 400.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H32）中说明原因。"]],
    ],
    ["slip factor 100: 99× is growth", pair("E02", 99, 1), { settings: { unitSlipFactor: 100 } }, [["GROWTH_IMPLAUSIBLE", "指标!E47", "“技术合同成交额”本期 99，上年同期 1，同比增长 9800.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H47）中说明原因。"]]],
    ["slip factor 100: 100× is a slip", pair("E02", 100, 1), { settings: { unitSlipFactor: 100 } }, [slip(100, 1, "100")]],
    ["2 decimals: 2 are fine", [["E02", "target", 12.34]], { settings: { amountDecimals: 2 } }, []],
    ["2 decimals: 3 are an error (100 元 in 万元)", [["E02", "target", 12.346]], { settings: { amountDecimals: 2 } }, [precision(12.346, "万元的2位小数即100元", "12.35", 2)]],
  ];
  it.each(CASES)("%s", (_name, edits, options, expected) => expect(run(edits, options)).toEqual(expected));
});

describe("cross-unit slips with a library's factor and minimum of peers", () => {
  const town = (n: number) => ({ name: `镇${n}`, code: `3301020${String(n).padStart(2, "0")}000`, type: "乡镇" });
  const a01 = (current: number): Record<string, IndicatorValues> => ({ A01: { current, prior: null, target: null } });
  const towns = (figures: number[]) => figures.map((v, i) => ({ unit: town(i + 1), values: a01(v) }));
  const CASES: [name: string, figures: number[], settings: { peerSlipFactor?: number; minPeers?: number }, expected: [unit: string, message: string][]][] = [
    ["two peers are too few by default", [100, 110, 1], {}, []],
    [
      "two peers are enough with minPeers 2",
      [100, 110, 1],
      { minPeers: 2 },
      [["镇3", "镇3“财政科技拨款”本期 1万元，是其他2个同级单位中位数 105万元 的1/105，可能把“亿元”当成了“万元”。请核对（指标!E7，本表金额单位为万元）；确认无误的，请在该行备注中说明。"]],
    ],
    ["1/10.5 of the median is no slip at today's 100", [100, 110, 120, 10.5], {}, []],
    [
      "factor 10: 1/10.5 of the median is a slip",
      [100, 110, 120, 10.5],
      { peerSlipFactor: 10 },
      [["镇4", "镇4“财政科技拨款”本期 10.5万元，是其他3个同级单位中位数 110万元 的1/10，可能把“亿元”当成了“万元”。请核对（指标!E7，本表金额单位为万元）；确认无误的，请在该行备注中说明。"]],
    ],
  ];
  it.each(CASES)("%s", (_name, figures, settings, expected) => {
    const found = crossUnitSlips(towns(figures), { settings }).map((s) => [s.unit, s.finding.message]);
    expect(found).toEqual(expected);
  });
});
