/**
 * Every message a clerk can meet from the checks, word for word: one case per
 * rule and per branch of its wording (which column, which level, which way).
 * The message says what is wrong, where, and what to type instead, so a changed
 * or emptied message is a bug a clerk sees.
 */
// @ts-nocheck

import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../templates/grid";
import { flat, inspectEdited, loadBaseGrid, type CoverEdit, type Edit } from "./support/grid-edits";

beforeAll(loadBaseGrid);

const WARNINGS = new Set(["PRIOR_MISSING", "UNIT_SLIP", "VALUE_IMPLAUSIBLE", "GROWTH_IMPLAUSIBLE", "RATIO_IMPLAUSIBLE"]);

type Case = [name: string, edits: Edit[], cover: CoverEdit, narrative: Record<string, CellValue>, expected: [rule: string, at: string, message: string][]];

const CASES: Case[] = [
  [
    "numeric-text", [["B01", "current", "15"]], {}, {},
    [
      ["NUMBER_AS_TEXT", "指标!E18", "“申报省级以上科技计划项目”本期（指标!E18）是文本格式的“15”，不能参与汇总。请删除后重新输入数字 15（不要带空格或前导撇号）。"],
    ],
  ],
  [
    "spaces", [["B01", "current", " 15 "]], {}, {},
    [
      ["NUMBER_AS_TEXT", "指标!E18", "“申报省级以上科技计划项目”本期（指标!E18）是文本格式的“ 15 ”，不能参与汇总。请删除后重新输入数字 15（不要带空格或前导撇号）。"],
    ],
  ],
  [
    "full-width", [["D05", "current", "１２３"]], {}, {},
    [
      ["NUMBER_FULL_WIDTH", "指标!E41", "“专利授权”本期（指标!E41）填的是全角数字“１２３”，请切换到半角（英文）输入法，填写数字 123。"],
    ],
  ],
  [
    "thousands", [["G02", "current", "1,234"]], {}, {},
    [
      ["NUMBER_THOUSANDS", "指标!E59", "“参与群众”本期（指标!E59）填的是带逗号的文本“1,234”，请去掉逗号，填写数字 1234。"],
    ],
  ],
  [
    "approximate", [["E04", "current", "约200"]], {}, {},
    [
      ["NUMBER_APPROXIMATE", "指标!E49", "“征集企业技术需求”本期（指标!E49）填的是“约200”，这里只能填确切的数字，如 200；如为估算数，请在备注中注明“估算”。"],
    ],
  ],
  [
    "with-unit", [["A02", "current", "1.2亿元"]], {}, {},
    [
      ["NUMBER_WITH_UNIT", "指标!E8", "“财政一般公共预算支出”本期（指标!E8）填的是“1.2亿元”，计量单位已固定为“万元”，请只填数字 12000。"],
    ],
  ],
  [
    "wan", [["G03", "current", "1.2万"]], {}, {},
    [
      ["NUMBER_WAN", "指标!E60", "“发放科普资料”本期（指标!E60）填的是“1.2万”，请换算成“份”后填写数字 12000。"],
    ],
  ],
  [
    "placeholder current", [["C05", "current", "—"]], {}, {},
    [
      ["NUMBER_PLACEHOLDER", "指标!E28", "“新认定高新技术企业”本期（指标!E28）填的是“—”，本期没有发生请填 0。"],
    ],
  ],
  [
    "placeholder prior", [["C05", "prior", "无"]], {}, {},
    [
      ["NUMBER_PLACEHOLDER", "指标!F28", "“新认定高新技术企业”上年同期（指标!F28）填的是“无”，没有数据请留空（不要填“无”或“—”），并在备注中说明。"],
    ],
  ],
  [
    "placeholder target", [["C05", "target", "/"]], {}, {},
    [
      ["NUMBER_PLACEHOLDER", "指标!G28", "“新认定高新技术企业”全年目标（指标!G28）填的是“/”，没有数据请留空（不要填“无”或“—”），没有目标的不填。"],
    ],
  ],
  [
    "text", [["E01", "current", "见附件"]], {}, {},
    [
      ["NUMBER_TEXT", "指标!E46", "“技术合同登记”本期（指标!E46）填的是“见附件”，这里只能填数字（单位：项）。"],
    ],
  ],
  [
    "negative", [["B01", "current", -3]], {}, {},
    [
      ["NEGATIVE", "指标!E18", "“申报省级以上科技计划项目”本期（指标!E18）为负数 -3，请填写不小于0的数。"],
    ],
  ],
  [
    "fractional", [["B02", "current", 2.5]], {}, {},
    [
      ["FRACTIONAL_COUNT", "指标!E19", "“获批国家级科技计划项目”本期（指标!E19）应为整数（单位：项），现为 2.5，请填写如 3。"],
    ],
  ],
  [
    "required", [["E06", "current", null]], {}, {},
    [
      ["VALUE_REQUIRED", "指标!E51", "“获市级以上科技奖励”本期（指标!E51）没有填写。本期没有发生请填 0。"],
    ],
  ],
  [
    "prior missing", [["E06", "prior", null]], {}, {},
    [
      ["PRIOR_MISSING", "指标!F51", "“获市级以上科技奖励”没有填上年同期数，无法计算增长。请补填；确实没有的（如新设单位），请在备注（指标!H51）中说明。"],
    ],
  ],
  [
    "ratio overwritten", [["A03", "prior", 0.05]], {}, {},
    [
      ["RATIO_OVERWRITTEN", "指标!F9", "“财政科技拨款占财政支出比重”上年同期（指标!F9）是自动计算的比重，公式被改写或删除了。请重新下载标准模板，或撤销对该单元格的修改。"],
    ],
  ],
  [
    "slip current", [["E02", "current", 8000], ["E02", "prior", 1]], {}, {},
    [
      ["UNIT_SLIP", "指标!E47", "“技术合同成交额”本期 8000 是上年同期 1 的 8000 倍，本期可能把“元”当成了“万元”填写。请核对单位（本表金额单位为万元）；确认无误的，请在备注（指标!H47）中说明。"],
    ],
  ],
  [
    "slip prior", [["E02", "current", 1.5], ["E02", "prior", 12000]], {}, {},
    [
      ["UNIT_SLIP", "指标!F47", "“技术合同成交额”上年同期 12000 是本期 1.5 的 8000 倍，上年同期可能把“元”当成了“万元”填写。请核对单位（本表金额单位为万元）；确认无误的，请在备注（指标!H47）中说明。"],
    ],
  ],
  [
    "town max amount", [["E02", "current", 1_000_001], ["E02", "prior", 900_000]], {}, {},
    [
      ["UNIT_SLIP", "指标!E47", "“技术合同成交额”本期 1000001万元，远超一个乡镇的常见规模，可能把“元”当成了“万元”。请核对单位；确认无误的，请在备注（指标!H47）中说明。"],
    ],
  ],
  [
    "town max count", [["E01", "current", 10_001], ["E01", "prior", 9_000]], {}, {},
    [
      ["VALUE_IMPLAUSIBLE", "指标!E46", "“技术合同登记”本期 10001项，远超一个乡镇的常见规模，请核对；确认无误的，请在备注（指标!H46）中说明。"],
    ],
  ],
  [
    "growth", [["D07", "current", 31], ["D07", "prior", 10]], {}, {},
    [
      ["GROWTH_IMPLAUSIBLE", "指标!E43", "“有效发明专利”本期 31，上年同期 10，同比增长 210.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H43）中说明原因。"],
    ],
  ],
  [
    "fall", [["D07", "current", 9], ["D07", "prior", 20]], {}, {},
    [
      ["GROWTH_IMPLAUSIBLE", "指标!E43", "“有效发明专利”本期 9，上年同期 20，同比下降 55.0%，超出常见范围（-50%～+200%）。请核对；确认无误的，请在备注（指标!H43）中说明原因。"],
    ],
  ],
  [
    "components", [...flat("D01", 91), ...flat("D02", 30), ...flat("D03", 50), ...flat("D04", 10)], {}, {},
    [
      ["COMPONENTS_SUM", "指标!E37", "“专利申请”本期（指标!E37）为 91，应等于发明＋实用新型＋外观设计之和（E38:E40 合计 90）。请核对后修改。"],
      ["COMPONENTS_SUM", "指标!F37", "“专利申请”上年同期（指标!F37）为 91，应等于发明＋实用新型＋外观设计之和（F38:F40 合计 90）。请核对后修改。"],
      ["COMPONENTS_SUM", "指标!G37", "“专利申请”全年目标（指标!G37）为 91，应等于发明＋实用新型＋外观设计之和（G38:G40 合计 90）。请核对后修改。"],
    ],
  ],
  [
    "part exceeds of-which", [...flat("D05", 40), ...flat("D06", 41)], {}, {},
    [
      ["PART_EXCEEDS_TOTAL", "指标!E42", "“专利授权（其中：发明专利授权）”本期（指标!E42）为 41，不能大于“专利授权”（指标!E41）的 40。请核对后修改。"],
      ["PART_EXCEEDS_TOTAL", "指标!F42", "“专利授权（其中：发明专利授权）”上年同期（指标!F42）为 41，不能大于“专利授权”（指标!F41）的 40。请核对后修改。"],
      ["PART_EXCEEDS_TOTAL", "指标!G42", "“专利授权（其中：发明专利授权）”全年目标（指标!G42）为 41，不能大于“专利授权”（指标!G41）的 40。请核对后修改。"],
    ],
  ],
  [
    "part exceeds bounded", [...flat("A01", 1001), ...flat("A02", 1000)], {}, {},
    [
      ["PART_EXCEEDS_TOTAL", "指标!E7", "“财政科技拨款”本期（指标!E7）为 1001，不能大于“财政一般公共预算支出”（指标!E8）的 1000。请核对后修改。"],
      ["PART_EXCEEDS_TOTAL", "指标!F7", "“财政科技拨款”上年同期（指标!F7）为 1001，不能大于“财政一般公共预算支出”（指标!F8）的 1000。请核对后修改。"],
      ["PART_EXCEEDS_TOTAL", "指标!G7", "“财政科技拨款”全年目标（指标!G7）为 1001，不能大于“财政一般公共预算支出”（指标!G8）的 1000。请核对后修改。"],
    ],
  ],
  [
    "parts exceed", [...flat("A04", 100), ...flat("A05", 61), ...flat("A06", 40)], {}, {},
    [
      ["PARTS_EXCEED_TOTAL", "指标!E10", "“争取上级科技资金”本期（指标!E10）为 100，小于其中各项之和 101（国家级＋省级）。请核对后修改。"],
      ["PARTS_EXCEED_TOTAL", "指标!F10", "“争取上级科技资金”上年同期（指标!F10）为 100，小于其中各项之和 101（国家级＋省级）。请核对后修改。"],
      ["PARTS_EXCEED_TOTAL", "指标!G10", "“争取上级科技资金”全年目标（指标!G10）为 100，小于其中各项之和 101（国家级＋省级）。请核对后修改。"],
    ],
  ],
  [
    "ratio implausible", [...flat("A01", 301), ...flat("A02", 1000)], {}, {},
    [
      ["RATIO_IMPLAUSIBLE", "指标!E9", "“财政科技拨款占财政支出比重”为 30.10%，明显偏高（一般不超过 30%）。请核对“财政科技拨款”和“财政一般公共预算支出”；确认无误的，请在“财政科技拨款”的备注中说明。"],
    ],
  ],
  [
    "cover required", [], { preparer: null }, {},
    [
      ["COVER_REQUIRED", "封面!C10", "封面“填报人”（封面!C10）不能为空，请填写。"],
    ],
  ],
  [
    "unit type", [], { unitType: "村" }, {},
    [
      ["UNIT_TYPE_INVALID", "封面!C7", "单位类型“村”无效，请从下拉列表选择：乡镇、街道、县（市、区）、市。"],
    ],
  ],
  [
    "code format", [], { divisionCode: "33010200100" }, {},
    [
      ["DIVISION_CODE_FORMAT", "封面!C6", "统计用区划代码“33010200100”应为12位数字（乡镇/街道为9位代码后加000），请核对后重新填写。"],
    ],
  ],
  [
    "code level town", [], { divisionCode: "330102000000" }, {},
    [
      ["DIVISION_CODE_LEVEL", "封面!C6", "乡镇/街道的统计用区划代码应为9位乡镇代码加“000”（如 330102001000），“330102000000”不符合，请核对。"],
    ],
  ],
  [
    "code level county", [], { unitType: "县（市、区）", divisionCode: "330102001000" }, {},
    [
      ["DIVISION_CODE_LEVEL", "封面!C6", "县（市、区）的统计用区划代码应为6位代码加“000000”（如 330102000000），“330102001000”不符合，请核对。"],
    ],
  ],
  [
    "code level city", [], { unitType: "市", divisionCode: "330102000000" }, {},
    [
      ["DIVISION_CODE_LEVEL", "封面!C6", "市的统计用区划代码应为4位代码加“00000000”（如 330100000000），“330102000000”不符合，请核对。"],
    ],
  ],
  [
    "period invalid", [], { periodSpan: "第五季度" }, {},
    [
      ["PERIOD_INVALID", "封面!C9", "报告期“2025年第五季度”无效：年度填4位数字（如 2025），报告期从下拉列表选择。"],
    ],
  ],
  [
    "period invalid year", [], { year: "二〇二五" }, {},
    [
      ["PERIOD_INVALID", "封面!C8", "报告期“二〇二五年全年”无效：年度填4位数字（如 2025），报告期从下拉列表选择。"],
    ],
  ],
  [
    "period mismatch", [], { periodSpan: "上半年" }, {},
    [
      ["PERIOD_MISMATCH", "封面!C9", "本报表的报告期为“2025年上半年”，但本次收集的是“2025年全年”。请把封面的报告期改为“全年”，或上传到正确的收集批次。"],
    ],
  ],
  [
    "phone", [], { phone: "12345" }, {},
    [
      ["PHONE_INVALID", "封面!C11", "联系电话“12345”格式不对，请填写11位手机号或带区号的座机号（如 0571-87654321）。"],
    ],
  ],
  [
    "date", [], { date: "2025-13-40" }, {},
    [
      ["DATE_INVALID", "封面!C13", "填报日期“2025-13-40”不是有效日期，请填写如 2025-12-20。"],
    ],
  ],
  [
    "narrative", [], {}, { A6: null },
    [
      ["NARRATIVE_REQUIRED", "文字材料!A6", "文字材料“存在问题”（文字材料!A6）还没有填写，请补充。"],
    ],
  ],
];

describe("the checks' messages, word for word", () => {
  it.each(CASES)("%s", (_name, edits, cover, narrative, expected) => {
    const r = inspectEdited(edits, cover, narrative);
    expect(r.findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.message])).toEqual(expected);
    // Warnings (explainable in 备注) are the plausibility rules; everything else blocks the report.
    for (const f of r.findings) expect(f.severity, f.rule).toBe(WARNINGS.has(f.rule) ? "warning" : "error");
    // Every finding on an indicator row names its indicator (the pane jumps to it, the server counts it).
    for (const f of r.findings) if (f.sheet === "指标") expect(f.indicator, f.rule).toMatch(/^[A-G]\d\d$/);
  });
});
