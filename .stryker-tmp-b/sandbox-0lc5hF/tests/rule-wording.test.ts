/**
 * The rule table's wording at every branch, straight from the table (templates/rules/): each
 * message variant a check can ask for (the column of a placeholder, the unit of a precision
 * slip, a slip up or down, growth or fall, each level of a division code, a year or a span to
 * fix), the explanations that print the settings in force, and the table's helpers. The checks
 * raising each rule from a workbook are in rules-table.test.ts and checks-messages.test.ts.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { fmt4, where } from "../templates/rules/define";
import { DEFAULT_RULE_SETTINGS, bandText, needsNote, ruleFinding, ruleHelp, ruleMessage, ruleSettings, severityOf, type RuleId } from "../templates/rules/index";

const AT = { item: "科普活动", column: "本期", at: "指标!E58" };
const TYPED = { ...AT, typed: "无", suggestion: "", unit: "场次" };

describe("messages at every branch", () => {
  it.each<[string, RuleId, object, string]>([
    ["a placeholder in 本期", "NUMBER_PLACEHOLDER", { ...TYPED, col: "current" }, "“科普活动”本期（指标!E58）填的是“无”，本期没有发生请填 0。"],
    ["a placeholder in 上年同期", "NUMBER_PLACEHOLDER", { ...TYPED, column: "上年同期", at: "指标!F58", col: "prior" }, "“科普活动”上年同期（指标!F58）填的是“无”，没有数据请留空（不要填“无”或“—”），并在备注中说明。"],
    ["a placeholder in 全年目标", "NUMBER_PLACEHOLDER", { ...TYPED, column: "全年目标", at: "指标!G58", col: "target" }, "“科普活动”全年目标（指标!G58）填的是“无”，没有数据请留空（不要填“无”或“—”），没有目标的不填。"],
    ["a number as text", "NUMBER_AS_TEXT", { ...TYPED, typed: " 15 ", suggestion: "15" }, "“科普活动”本期（指标!E58）是文本格式的“ 15 ”，不能参与汇总。请删除后重新输入数字 15（不要带空格或前导撇号）。"],
    ["a figure with 万", "NUMBER_WAN", { ...TYPED, typed: "1.2万", suggestion: "12000", unit: "人次" }, "“科普活动”本期（指标!E58）填的是“1.2万”，请换算成“人次”后填写数字 12000。"],
    ["a fraction of a count rounds down", "FRACTIONAL_COUNT", { ...AT, value: 12.4, unit: "场次" }, "“科普活动”本期（指标!E58）应为整数（单位：场次），现为 12.4，请填写如 12。"],
    ["a negative fraction", "NEGATIVE", { ...AT, value: -2.345 }, "“科普活动”本期（指标!E58）为负数 -2.35，请填写不小于0的数。"],
    ["5 decimals in 万元: the finest is 1 元", "AMOUNT_PRECISION", { ...AT, value: 1.23456, unit: "万元", decimals: 4 }, "“科普活动”本期（指标!E58）为 1.23456，小数超过4位（万元的4位小数即1元），汇总时无法精确相加。请填写 1.2346。"],
    ["3 decimals in 万元 (a library of 2)", "AMOUNT_PRECISION", { ...AT, value: 1.235, unit: "万元", decimals: 2 }, "“科普活动”本期（指标!E58）为 1.235，小数超过2位（万元的2位小数即100元），汇总时无法精确相加。请填写 1.24。"],
    ["3 decimals in 亿元 (a library of 2)", "AMOUNT_PRECISION", { ...AT, value: 1.235, unit: "亿元", decimals: 2 }, "“科普活动”本期（指标!E58）为 1.235，小数超过2位（最小到0.01亿元），汇总时无法精确相加。请填写 1.24。"],
    ["a town's code of the wrong level", "DIVISION_CODE_LEVEL", { level: "town", code: "330102000000" }, "乡镇/街道的统计用区划代码应为9位乡镇代码加“000”（如 330102001000），“330102000000”不符合，请核对。"],
    ["a county's code of the wrong level", "DIVISION_CODE_LEVEL", { level: "county", code: "330102001000" }, "县（市、区）的统计用区划代码应为6位代码加“000000”（如 330102000000），“330102001000”不符合，请核对。"],
    ["a city's code of the wrong level", "DIVISION_CODE_LEVEL", { level: "city", code: "330102000000" }, "市的统计用区划代码应为4位代码加“00000000”（如 330100000000），“330102000000”不符合，请核对。"],
    ["another year: fix the year", "PERIOD_MISMATCH", { found: "2024年全年", expected: "2025年全年", fix: { field: "统计年度", year: 2025 } }, "本报表的报告期为“2024年全年”，但本次收集的是“2025年全年”。请把封面的统计年度改为 2025，或上传到正确的收集批次。"],
    ["another span: fix the span", "PERIOD_MISMATCH", { found: "2025年上半年", expected: "2025年全年", fix: { field: "报告期", span: "全年" } }, "本报表的报告期为“2025年上半年”，但本次收集的是“2025年全年”。请把封面的报告期改为“全年”，或上传到正确的收集批次。"],
    ["an amount 1000× last year", "UNIT_SLIP", { kind: "factor", item: "技术合同成交额", current: 50_000, prior: 50, factor: 1000, unit: "万元", note: "指标!H47" }, "“技术合同成交额”本期 50000 是上年同期 50 的 1000 倍，本期可能把“元”当成了“万元”填写。请核对单位（本表金额单位为万元）；确认无误的，请在备注（指标!H47）中说明。"],
    ["last year 1000× the amount", "UNIT_SLIP", { kind: "factor", item: "技术合同成交额", current: 0.05, prior: 50, factor: 0.001, unit: "万元", note: "指标!H47" }, "“技术合同成交额”上年同期 50 是本期 0.05 的 1000 倍，上年同期可能把“元”当成了“万元”填写。请核对单位（本表金额单位为万元）；确认无误的，请在备注（指标!H47）中说明。"],
    ["an amount beyond a town's scale", "UNIT_SLIP", { kind: "scale", item: "技术合同成交额", current: 2_000_000, unit: "万元", note: "指标!H47" }, "“技术合同成交额”本期 2000000万元，远超一个乡镇的常见规模，可能把“元”当成了“万元”。请核对单位；确认无误的，请在备注（指标!H47）中说明。"],
    ["growth", "GROWTH_IMPLAUSIBLE", { item: "科普活动", current: 301, prior: 100, growth: 2.01, band: { min: -0.5, max: 2 }, note: "指标!H58" }, "“科普活动”本期 301，上年同期 100，同比增长 201.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H58）中说明原因。"],
    ["a fall", "GROWTH_IMPLAUSIBLE", { item: "科普活动", current: 49, prior: 100, growth: -0.51, band: { min: -0.5, max: 2 }, note: "指标!H58" }, "“科普活动”本期 49，上年同期 100，同比下降 51.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H58）中说明原因。"],
    ["a ratio above its ceiling", "RATIO_IMPLAUSIBLE", { ratio: "R&D经费占GDP比重", value: 0.12345, max: 0.1, numerator: "全社会R&D经费支出", denominator: "地区生产总值" }, "“R&D经费占GDP比重”为 12.35%，明显偏高（一般不超过 10%）。请核对“全社会R&D经费支出”和“地区生产总值”；确认无误的，请在“全社会R&D经费支出”的备注中说明。"],
  ])("%s", (_name, id, params, text) => {
    expect(ruleMessage(id, params as never)).toBe(text);
  });

  const across = { unitName: "镇4", item: "财政科技拨款", at: "指标!E7" };
  it.each<[string, RuleId, object, string]>([
    ["万元 far too large: 元 typed as 万元", "UNIT_SLIP_PEERS", { ...across, value: 11_000.5, unit: "万元", factor: 100.4, peers: 3, median: 109.56789 }, "镇4“财政科技拨款”本期 11000.5万元，是其他3个同级单位中位数 109.5679万元 的100倍，可能把“元”当成了“万元”。请核对（指标!E7）；确认无误的，请在该行备注中说明。"],
    ["亿元 far too large: 元 or 万元 typed as 亿元", "UNIT_SLIP_PEERS", { ...across, value: 500, unit: "亿元", factor: 250, peers: 4, median: 2 }, "镇4“财政科技拨款”本期 500亿元，是其他4个同级单位中位数 2亿元 的250倍，可能把“元”或“万元”当成了“亿元”。请核对（指标!E7）；确认无误的，请在该行备注中说明。"],
    ["a count far too large: the unit, in general", "UNIT_SLIP_PEERS", { ...across, value: 500, unit: "项", factor: 250, peers: 4, median: 2 }, "镇4“财政科技拨款”本期 500项，是其他4个同级单位中位数 2项 的250倍，可能填错了单位。请核对（指标!E7）；确认无误的，请在该行备注中说明。"],
    ["万元 far too small: 亿元 typed as 万元", "UNIT_SLIP_LAST_YEAR", { ...across, value: 1, unit: "万元", factor: 1 / 110.4, last: 110.4 }, "镇4“财政科技拨款”本期 1万元，是本单位上年同期报表 110.4万元 的1/110，可能把“亿元”当成了“万元”。请核对（指标!E7）；确认无误的，请在该行备注中说明。"],
    ["亿元 far too small: the unit, in general", "UNIT_SLIP_LAST_YEAR", { ...across, value: 1, unit: "亿元", factor: 1 / 300, last: 300 }, "镇4“财政科技拨款”本期 1亿元，是本单位上年同期报表 300亿元 的1/300，可能填错了单位。请核对（指标!E7）；确认无误的，请在该行备注中说明。"],
  ])("across units: %s", (_name, id, params, text) => {
    expect(ruleMessage(id, params as never)).toBe(text);
  });
});

describe("explanations with the settings in force", () => {
  const s = ruleSettings({ growthBand: { min: -0.3, max: 1.5 }, growthMinSize: { default: 20, byUnit: {} }, unitSlipFactor: 500, peerSlipFactor: 50, minPeers: 5 });
  it.each<[RuleId, string]>([
    ["UNIT_SLIP", "金额是上年同期的 500 倍以上（或 1/500 以下），或一个乡镇/街道的金额远超常见规模，多半是把“元”当成了“万元”填写。请核对单位；数字确实无误的，在该行备注中说明。"],
    ["GROWTH_IMPLAUSIBLE", "本期与上年同期相比的增幅超出常见范围（-30%～+150%）。数字很小时（个数和万元不到 20）不判断。请核对两栏数字；变化确实如此的，在该行备注中写明原因（如新引进大项目）。"],
    ["UNIT_SLIP_PEERS", "金额是同级其他单位中位数的 50 倍以上（或 1/50 以下；至少 5 个单位填了该数才比较），多半是整张表都用错了单位（如把亿元填进万元栏），单看本表看不出来。请核对单位；确认无误的，在该行备注中说明。"],
    ["UNIT_SLIP_LAST_YEAR", "金额是本单位上年同期所报报表的 50 倍以上（或 1/50 以下），多半是今年或去年用错了单位。请核对；确认无误的，在该行备注中说明。"],
  ])("%s", (id, text) => {
    expect(ruleHelp(id, s)).toBe(text);
  });

  it("a rule whose explanation reads no setting gives its text whatever the settings", () => {
    expect(ruleHelp("VALUE_REQUIRED", s)).toBe("每个指标的本期数都要填写；本期没有发生的填 0，不要留空，否则汇总分不清“没有”和“漏填”。");
    expect(ruleHelp("VALUE_REQUIRED")).toBe(ruleHelp("VALUE_REQUIRED", s));
  });

  it("without settings: the defaults", () => {
    expect(ruleHelp("UNIT_SLIP_LAST_YEAR")).toBe("金额是本单位上年同期所报报表的 100 倍以上（或 1/100 以下），多半是今年或去年用错了单位。请核对；确认无误的，在该行备注中说明。");
  });
});

describe("the table's helpers", () => {
  it("the default settings, and given ones over them", () => {
    expect(DEFAULT_RULE_SETTINGS).toEqual({
      growthBand: { min: -0.5, max: 2.0 },
      growthMinSize: { default: 10, byUnit: { 亿元: 1 } },
      unitSlipFactor: 1000,
      amountDecimals: 4,
      peerSlipFactor: 100,
      minPeers: 3,
      needsNote: {},
    });
    expect(ruleSettings()).toEqual(DEFAULT_RULE_SETTINGS);
    expect(ruleSettings({ minPeers: 5 })).toEqual({ ...DEFAULT_RULE_SETTINGS, minPeers: 5 });
  });

  it.each([
    [{ min: -0.5, max: 2 }, "-50%～+200%"],
    [{ min: -0.125, max: 0.3333 }, "-12.5%～+33.33%"],
    [{ min: 0, max: 1e-5 }, "0%～+0%"],
  ])("the band %j prints as %s", (band, text) => {
    expect(bandText(band)).toBe(text);
  });

  it.each([
    [12, "12"],
    [0.00004, "0"],
    [1.23456, "1.2346"],
    [-0.1, "-0.1"],
  ])("fmt4(%d) = %s", (n, text) => {
    expect(fmt4(n)).toBe(text);
  });

  it("where a figure is, and a finding from the table (severity and message; extra fields only when given)", () => {
    expect(where(AT)).toBe("“科普活动”本期（指标!E58）");
    expect(ruleFinding("VALUE_REQUIRED", { sheet: "指标", cell: "E58" }, AT)).toStrictEqual({ severity: "error", rule: "VALUE_REQUIRED", sheet: "指标", cell: "E58", message: "“科普活动”本期（指标!E58）没有填写。本期没有发生请填 0。" });
    expect(ruleFinding("PRIOR_MISSING", { sheet: "指标", cell: "F58" }, { item: "科普活动", note: "指标!H58" }, { indicator: "G01", explained: true })).toStrictEqual({
      severity: "warning",
      rule: "PRIOR_MISSING",
      sheet: "指标",
      cell: "F58",
      message: "“科普活动”没有填上年同期数，无法计算增长。请补填；确实没有的（如新设单位），请在备注（指标!H58）中说明。",
      indicator: "G01",
      explained: true,
    });
    expect([severityOf("VALUE_REQUIRED"), severityOf("PRIOR_MISSING")]).toEqual(["error", "warning"]);
  });

  it.each<[RuleId, Partial<Record<RuleId, boolean>>, boolean]>([
    ["PRIOR_MISSING", {}, true],
    ["PRIOR_MISSING", { PRIOR_MISSING: false }, false],
    ["PRIOR_MISSING", { UNIT_SLIP: false }, true],
    ["VALUE_REQUIRED", { VALUE_REQUIRED: true }, false],
    ["VALUE_REQUIRED", {}, false],
  ])("%s needs a 备注 with %j: %s", (id, over, expected) => {
    expect(needsNote(id, { needsNote: over })).toBe(expected);
  });
});
