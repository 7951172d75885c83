/**
 * The rule table (templates/rules/) is the one place a rule is defined: every
 * row is raised by a case here with its exact severity, cell and message (a
 * row without a case, or a case of a rule without a row, fails), the README's
 * table lists exactly the table's ids, names, severities and 备注 column, and
 * the consumers (rule names, the needs-备注 filter) read the table.
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../templates/grid";
import { unexplainedWarnings, type Finding } from "../templates/findings";
import { crossUnitSlips } from "../templates/merge/slips";
import { ACROSS_RULES } from "../templates/rules/across";
import { priorFindings } from "../templates/history";
import { targetFindings } from "../templates/targets/check";
import { BUILTIN, type Catalogue } from "../templates/catalogue";
import { layoutOf } from "../templates/layout";
import type { IndicatorValues } from "../templates/record";
import { RULE_NAMES, ruleLabel } from "../templates/rule-names";
import { DEFAULT_RULE_SETTINGS, RULES, RULE_IDS, needsNote, ruleHelp, rule, type RuleId } from "../templates/rules/index";
import { flat, inspectEdited, loadBaseGrid, type CoverEdit, type Edit, type RawEdit } from "./support/grid-edits";

beforeAll(loadBaseGrid);

type Exact = [rule: RuleId, severity: "error" | "warning", at: string, message: string];

/** One report changed from the clean sample → its exact findings. */
type CheckCase = [name: string, edits: Edit[], cover: CoverEdit, narrative: Record<string, CellValue>, raw: RawEdit[], expected: Exact[]];

const CHECK_CASES: CheckCase[] = [
  ["cover field empty", [], { preparer: null }, {}, [], [["COVER_REQUIRED", "error", "封面!C10", "封面“填报人”（封面!C10）不能为空，请填写。"]]],
  ["division code of 11 digits", [], { divisionCode: "33010200100" }, {}, [], [["DIVISION_CODE_FORMAT", "error", "封面!C6", "统计用区划代码“33010200100”应为12位数字（乡镇/街道为9位代码后加000），请核对后重新填写。"]]],
  ["a county's code on a town", [], { divisionCode: "330102000000" }, {}, [], [["DIVISION_CODE_LEVEL", "error", "封面!C6", "乡镇/街道的统计用区划代码应为9位乡镇代码加“000”（如 330102001000），“330102000000”不符合，请核对。"]]],
  ["unit type not in the list", [], { unitType: "村" }, {}, [], [["UNIT_TYPE_INVALID", "error", "封面!C7", "单位类型“村”无效，请从下拉列表选择：乡镇、街道、县（市、区）、市。"]]],
  ["period not in the list", [], { periodSpan: "第五季度" }, {}, [], [["PERIOD_INVALID", "error", "封面!C9", "报告期“2025年第五季度”无效：年度填4位数字（如 2025），报告期从下拉列表选择。"]]],
  ["another year than the one collected", [], { year: 2024 }, {}, [], [["PERIOD_MISMATCH", "error", "封面!C8", "本报表的报告期为“2024年全年”，但本次收集的是“2025年全年”。请把封面的统计年度改为 2025，或上传到正确的收集批次。"]]],
  ["phone of 5 digits", [], { phone: "12345" }, {}, [], [["PHONE_INVALID", "error", "封面!C11", "联系电话“12345”格式不对，请填写11位手机号或带区号的座机号（如 0571-87654321）。"]]],
  ["impossible date", [], { date: "2025-02-30" }, {}, [], [["DATE_INVALID", "error", "封面!C13", "填报日期“2025-02-30”不是有效日期，请填写如 2025-12-20。"]]],
  ["narrative section empty", [], {}, { A4: null }, [], [["NARRATIVE_REQUIRED", "error", "文字材料!A4", "文字材料“主要工作及成效”（文字材料!A4）还没有填写，请补充。"]]],
  ["本期 empty", [["B03", "current", null]], {}, {}, [], [["VALUE_REQUIRED", "error", "指标!E20", "“获批省级科技计划项目”本期（指标!E20）没有填写。本期没有发生请填 0。"]]],
  ["number stored as text", [["B03", "prior", "7"]], {}, {}, [], [["NUMBER_AS_TEXT", "error", "指标!F20", "“获批省级科技计划项目”上年同期（指标!F20）是文本格式的“7”，不能参与汇总。请删除后重新输入数字 7（不要带空格或前导撇号）。"]]],
  ["full-width digits", [["B03", "target", "１２"]], {}, {}, [], [["NUMBER_FULL_WIDTH", "error", "指标!G20", "“获批省级科技计划项目”全年目标（指标!G20）填的是全角数字“１２”，请切换到半角（英文）输入法，填写数字 12。"]]],
  ["thousands separator", [["G03", "current", "12,000"]], {}, {}, [], [["NUMBER_THOUSANDS", "error", "指标!E60", "“发放科普资料”本期（指标!E60）填的是带逗号的文本“12,000”，请去掉逗号，填写数字 12000。"]]],
  ["approximate figure", [["G01", "current", "30余"]], {}, {}, [], [["NUMBER_APPROXIMATE", "error", "指标!E58", "“科普活动”本期（指标!E58）填的是“30余”，这里只能填确切的数字，如 30；如为估算数，请在备注中注明“估算”。"]]],
  ["figure with its unit", [["G01", "current", "30场次"]], {}, {}, [], [["NUMBER_WITH_UNIT", "error", "指标!E58", "“科普活动”本期（指标!E58）填的是“30场次”，计量单位已固定为“场次”，请只填数字 30。"]]],
  ["figure with 万", [["G02", "current", "3万"]], {}, {}, [], [["NUMBER_WAN", "error", "指标!E59", "“参与群众”本期（指标!E59）填的是“3万”，请换算成“人次”后填写数字 30000。"]]],
  ["placeholder in 本期", [["G01", "current", "无"]], {}, {}, [], [["NUMBER_PLACEHOLDER", "error", "指标!E58", "“科普活动”本期（指标!E58）填的是“无”，本期没有发生请填 0。"]]],
  ["free text", [["G01", "current", "详见附件"]], {}, {}, [], [["NUMBER_TEXT", "error", "指标!E58", "“科普活动”本期（指标!E58）填的是“详见附件”，这里只能填数字（单位：场次）。"]]],
  ["negative amount", [["E02", "target", -2.5]], {}, {}, [], [["NEGATIVE", "error", "指标!G47", "“技术合同成交额”全年目标（指标!G47）为负数 -2.5，请填写不小于0的数。"]]],
  ["fractional count", [["G01", "target", 12.5]], {}, {}, [], [["FRACTIONAL_COUNT", "error", "指标!G58", "“科普活动”全年目标（指标!G58）应为整数（单位：场次），现为 12.5，请填写如 13。"]]],
  ["5 decimals in 亿元", [["C09", "target", 1234.56789]], {}, {}, [], [["AMOUNT_PRECISION", "error", "指标!G32", "“规模以上工业总产值”全年目标（指标!G32）为 1234.56789，小数超过4位（最小到0.0001亿元），汇总时无法精确相加。请填写 1234.5679。"]]],
  ["a formula's error value", [], {}, {}, [["指标", "E18", { value: null, formula: "1/0", error: "#DIV/0!" }]], [["FORMULA_ERROR", "error", "指标!E18", "“申报省级以上科技计划项目”本期（指标!E18）的公式结果是错误值 #DIV/0!，请直接填写数字。"]]],
  ["ratio formula typed over", [["A09", "current", 0.02]], {}, {}, [], [["RATIO_OVERWRITTEN", "error", "指标!E15", "“R&D经费占GDP比重”本期（指标!E15）是自动计算的比重，公式被改写或删除了。请重新下载标准模板，或撤销对该单元格的修改。"]]],
  ["components that do not add up", [...flat("C01", 22), ...flat("C02", 3), ...flat("C03", 6), ...flat("C04", 12)].filter((e) => e[1] === "current" || e[0] !== "C01").concat([["C01", "prior", 21], ["C01", "target", 21]]), {}, {}, [], [["COMPONENTS_SUM", "error", "指标!E24", "“高新技术企业”本期（指标!E24）为 22，应等于国家级＋省级＋市级之和（E25:E27 合计 21）。请核对后修改。"]]],
  ["an 其中 item above its total", [...flat("D05", 40), ...flat("D06", 40), ["D06", "target", 45]], {}, {}, [], [["PART_EXCEEDS_TOTAL", "error", "指标!G42", "“专利授权（其中：发明专利授权）”全年目标（指标!G42）为 45，不能大于“专利授权”（指标!G41）的 40。请核对后修改。"]]],
  ["其中 items above their total together", [...flat("A04", 100), ...flat("A05", 50), ...flat("A06", 40), ["A06", "prior", 51]], {}, {}, [], [["PARTS_EXCEED_TOTAL", "error", "指标!F10", "“争取上级科技资金”上年同期（指标!F10）为 100，小于其中各项之和 101（国家级＋省级）。请核对后修改。"]]],
  ["上年同期 missing", [["G01", "prior", null]], {}, {}, [], [["PRIOR_MISSING", "warning", "指标!F58", "“科普活动”没有填上年同期数，无法计算增长。请补填；确实没有的（如新设单位），请在备注（指标!H58）中说明。"]]],
  ["元 typed as 万元", [["B05", "current", 50_000], ["B05", "prior", 50]], {}, {}, [], [["UNIT_SLIP", "warning", "指标!E22", "“项目获得资金支持”本期 50000 是上年同期 50 的 1000 倍，本期可能把“元”当成了“万元”填写。请核对单位（本表金额单位为万元）；确认无误的，请在备注（指标!H22）中说明。"]]],
  ["a count beyond a town's scale", [["C12", "current", 201], ["C12", "prior", 190]], {}, {}, [], [["VALUE_IMPLAUSIBLE", "warning", "指标!E35", "“科技企业孵化器/众创空间”本期 201家，远超一个乡镇的常见规模，请核对；确认无误的，请在备注（指标!H35）中说明。"]]],
  ["growth above the band", [["G01", "current", 301], ["G01", "prior", 100]], {}, {}, [], [["GROWTH_IMPLAUSIBLE", "warning", "指标!E58", "“科普活动”本期 301，上年同期 100，同比增长 201.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H58）中说明原因。"]]],
  ["ratio above its ceiling", [...flat("A07", 110), ...flat("A08", 1000)], {}, {}, [], [["RATIO_IMPLAUSIBLE", "warning", "指标!E15", "“R&D经费占GDP比重”为 11.00%，明显偏高（一般不超过 10%）。请核对“全社会R&D经费支出”和“地区生产总值”；确认无误的，请在“全社会R&D经费支出”的备注中说明。"]]],
];

const town = (n: number) => ({ name: `镇${n}`, code: `3301020${String(n).padStart(2, "0")}000`, type: "乡镇" });
const a01 = (current: number): Record<string, IndicatorValues> => ({ A01: { current, prior: null, target: null } });

/** Cross-unit slips (templates/merge/slips.ts) → their exact findings. */
const ACROSS_CASES: [name: string, run: () => Finding[], expected: Exact[]][] = [
  [
    "亿元 in a 万元 row among three peers",
    () => crossUnitSlips([100, 110, 120, 1].map((v, i) => ({ unit: town(i + 1), values: a01(v) })), { only: [town(4).code] }).map((s) => s.finding),
    [["UNIT_SLIP_PEERS", "warning", "指标!E7", "镇4“财政科技拨款”本期 1万元，是其他3个同级单位中位数 110万元 的1/110，可能把“亿元”当成了“万元”。请核对（指标!E7，本表金额单位为万元）；确认无误的，请在该行备注中说明。"]],
  ],
  [
    "150× its own report of last year",
    () => crossUnitSlips([{ unit: town(1), values: a01(300) }], { lastYear: [{ unit: town(1), values: a01(2) }] }).map((s) => s.finding),
    [["UNIT_SLIP_LAST_YEAR", "warning", "指标!E7", "镇1“财政科技拨款”本期 300万元，是本单位上年同期报表 2万元 的150倍，可能把“元”当成了“万元”。请核对（指标!E7）；确认无误的，请在该行备注中说明。"]],
  ],
];

/** Against what the service holds (templates/history.ts, templates/targets/check.ts) → their exact findings. */
const HELD_CASES: [name: string, run: () => Finding[], expected: Exact[]][] = [
  [
    "上年同期 other than last year's report",
    () => priorFindings({ values: { D05: { current: 400, prior: 310, target: null } } }, { values: { D05: { current: 305, prior: 280, target: null } } }),
    [["PRIOR_DIFFERS_FROM_LAST_YEAR", "warning", "指标!F41", "“专利授权”上年同期与上年报送数不一致：上年报送 305，本表填 310（指标!F41）。请核对；确属数据修订的，请在备注（指标!H41）中说明修订原因。"]],
  ],
  [
    "全年目标 other than the assigned one",
    () => targetFindings({ values: { E02: { current: 50, prior: 40, target: 100 } } }, { E02: 120 }),
    [["TARGET_DIFFERS", "warning", "指标!G47", "“技术合同成交额”全年目标与市下达目标不一致：下达 120，本表填 100（指标!G47）。请改为下达的目标；确有调整的，请在备注（指标!H47）中说明依据。"]],
  ],
];

/** The built-in library without its first group: every row below moves up, so the cells are the library's own. */
const shifted: Catalogue = { ...BUILTIN, version: "2027.1", groups: BUILTIN.groups.filter((g) => g.code !== "A"), indicators: BUILTIN.indicators.filter((i) => i.group !== "A") };

const exact = (findings: readonly Finding[]): Exact[] => findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.message]);

describe("every rule of the table, raised with its exact severity, cell and message", () => {
  it.each(CHECK_CASES)("%s", (_name, edits, cover, narrative, raw, expected) => {
    expect(exact(inspectEdited(edits, cover, narrative, raw).findings)).toEqual(expected);
  });
  it.each(ACROSS_CASES)("%s", (_name, run, expected) => {
    expect(exact(run())).toEqual(expected);
  });
  it.each(HELD_CASES)("%s", (_name, run, expected) => {
    expect(exact(run())).toEqual(expected);
  });
  it("the held-figure rules point at the cells of the report's own library", () => {
    const cell = layoutOf(shifted).indicatorCell;
    expect([cell("D05", "prior"), cell("E02", "target")]).not.toEqual(["F41", "G47"]);
    const prior = priorFindings({ values: { D05: { current: 400, prior: 310, target: null } } }, { values: { D05: { current: 305, prior: 280, target: null } } }, shifted);
    const target = targetFindings({ values: { E02: { current: 50, prior: 40, target: 100 } } }, { E02: 120 }, shifted);
    expect([...prior, ...target].map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([`PRIOR_DIFFERS_FROM_LAST_YEAR 指标!${cell("D05", "prior")}`, `TARGET_DIFFERS 指标!${cell("E02", "target")}`]);
    expect(prior[0]!.message).toContain(`（指标!${cell("D05", "prior")}）`);
    // An indicator the library does not have is not compared.
    expect(targetFindings({ values: { A01: { current: 1, prior: 1, target: 5 } } }, { A01: 9 }, shifted)).toEqual([]);
  });

  it("the cases cover exactly the table's rules, and every severity is the table's", () => {
    const cases = [...CHECK_CASES.flatMap((c) => c[5]), ...ACROSS_CASES.flatMap((c) => c[2]), ...HELD_CASES.flatMap((c) => c[2])];
    expect([...new Set(cases.map((c) => c[0]))].sort()).toEqual([...RULE_IDS].sort());
    for (const [id, severity] of cases) expect(severity, id).toBe(RULES[id].severity);
  });
});

describe("the table's rows", () => {
  it("has 35 rules, each with a Chinese name, a Chinese explanation and a message", () => {
    expect(RULE_IDS).toHaveLength(35);
    for (const id of RULE_IDS) {
      expect(id).toMatch(/^[A-Z][A-Z_]+$/);
      expect(rule(id).name, id).toMatch(/^[\u4e00-\u9fff/]+$/);
      expect(ruleHelp(id), id).toMatch(/^[^a-z]*[\u4e00-\u9fff].*。$/);
    }
  });
  it("only warnings need a 备注; every warning today does", () => {
    expect(RULE_IDS.filter((id) => RULES[id].needsNote)).toEqual(RULE_IDS.filter((id) => RULES[id].severity === "warning"));
    expect(RULE_IDS.filter((id) => RULES[id].severity === "warning")).toEqual([
      "PRIOR_MISSING", "UNIT_SLIP", "VALUE_IMPLAUSIBLE", "GROWTH_IMPLAUSIBLE", "RATIO_IMPLAUSIBLE", "UNIT_SLIP_PEERS", "UNIT_SLIP_LAST_YEAR",
      "PRIOR_DIFFERS_FROM_LAST_YEAR", "TARGET_DIFFERS",
    ]);
  });
  it("names come from the table (校验问题, printed lists)", () => {
    for (const id of RULE_IDS) expect(RULE_NAMES[id]).toBe(RULES[id].name);
    expect(ruleLabel("GROWTH_IMPLAUSIBLE")).toBe("增幅异常（GROWTH_IMPLAUSIBLE）");
    expect(new Set(Object.values(RULE_NAMES)).size).toBe(RULE_IDS.length);
  });
  it("explanations of rules with settings say the settings in force", () => {
    expect(ruleHelp("GROWTH_IMPLAUSIBLE")).toContain("（-50%～+200%）");
    expect(ruleHelp("GROWTH_IMPLAUSIBLE", { ...DEFAULT_RULE_SETTINGS, growthBand: { min: -0.3, max: 1.5 } })).toContain("（-30%～+150%）");
    expect(ruleHelp("UNIT_SLIP")).toContain("1000 倍以上（或 1/1000 以下）");
    expect(ruleHelp("UNIT_SLIP_PEERS", { ...DEFAULT_RULE_SETTINGS, peerSlipFactor: 50, minPeers: 5 })).toContain("50 倍以上（或 1/50 以下；至少 5 个单位");
  });
});

describe("which warnings need a 备注: the table, overridden by the library's settings", () => {
  const warning = (id: RuleId, explained: boolean): Finding => ({ severity: RULES[id].severity, rule: id, sheet: "指标", cell: "E7", message: "…", indicator: "A01", explained });
  it.each(RULE_IDS)("%s", (id) => {
    const open = warning(id, false);
    expect(unexplainedWarnings([open, warning(id, true)])).toEqual(RULES[id].severity === "warning" ? [open] : []);
    expect(needsNote(id)).toBe(RULES[id].severity === "warning");
    // A library may say a warning needs no 备注; it can never make an error need one.
    expect(unexplainedWarnings([open], { needsNote: { [id]: false } })).toEqual([]);
    expect(unexplainedWarnings([open], { needsNote: { [id]: true } })).toEqual(RULES[id].severity === "warning" ? [open] : []);
  });
});

describe("the README's rule table is the table", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## The checks"), readme.indexOf("\n### ", readme.indexOf("## The checks")));
  const rows = section
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((l) => l.split("|").slice(1, 5).map((c) => c.trim()));
  it("one row per rule, in table order: id, 名称, severity, needs 备注", () => {
    expect(rows).toEqual(RULE_IDS.map((id) => [`\`${id}\``, RULES[id].name, RULES[id].severity, RULES[id].needsNote ? "yes" : "—"]));
  });
});

describe("a cross-unit slip names the unit the figure was likely typed in", () => {
  // (row's unit, figure ÷ what it is compared with) → the guess in the message
  it.each<[string, number, string]>([
    ["万元", 150, "可能把“元”当成了“万元”"],
    ["亿元", 150, "可能把“元”或“万元”当成了“亿元”"],
    ["元", 150, "可能填错了单位"],
    ["万元", 1 / 150, "可能把“亿元”当成了“万元”"],
    ["亿元", 1 / 150, "可能填错了单位"],
  ])("%s × %d", (unit, factor, guess) => {
    const message = ACROSS_RULES.UNIT_SLIP_LAST_YEAR.message({ unitName: "镇1", item: "财政科技拨款", value: 300, unit, factor, at: "指标!E7", last: 2 });
    expect(message).toContain(`，${guess}。请核对（指标!E7）`);
  });
});
