/**
 * The checks, as a table: a clean sample report with a few cells changed the
 * way a clerk would change them (through exceljs) → the exact findings.
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/build";
import { SHEETS } from "../templates/layout";
import { goodFill, goodWorkbook, inspectOk, setCells, tuples, valueEdit, type CellEdit } from "./support/workbooks";

const cover = (cell: string, value: CellEdit["value"]): CellEdit => ({ sheet: SHEETS.cover, cell, value });
const narrative = (cell: string, value: CellEdit["value"]): CellEdit => ({ sheet: SHEETS.narrative, cell, value });

interface Case {
  name: string;
  edits: CellEdit[];
  expected: [rule: string, severity: "error" | "warning", cell: string][];
  /** Substrings the first finding's Chinese message must contain (what to type instead). */
  says?: string[];
  expectedPeriod?: string;
}

const CASES: Case[] = [
  { name: "clean sample", edits: [], expected: [] },
  // numbers typed as text, in every form clerks use
  { name: "full-width digits", edits: [valueEdit("D05", "current", "１２３")], expected: [["NUMBER_FULL_WIDTH", "error", "指标!E41"]], says: ["全角", "123"] },
  { name: "thousands separator", edits: [valueEdit("G02", "current", "1,234")], expected: [["NUMBER_THOUSANDS", "error", "指标!E59"]], says: ["去掉逗号", "1234"] },
  { name: "approximate 约200", edits: [valueEdit("E04", "current", "约200")], expected: [["NUMBER_APPROXIMATE", "error", "指标!E49"]], says: ["约200", "200", "估算"] },
  { name: "unit suffix 12件", edits: [valueEdit("D08", "current", "12件")], expected: [["NUMBER_WITH_UNIT", "error", "指标!E44"]], says: ["“件”", "12"] },
  { name: "1.2万 in a count row", edits: [valueEdit("G03", "current", "1.2万")], expected: [["NUMBER_WAN", "error", "指标!E60"]], says: ["12000"] },
  { name: "1.2亿元 in a 万元 row", edits: [valueEdit("A02", "current", "1.2亿元")], expected: [["NUMBER_WITH_UNIT", "error", "指标!E8"]], says: ["万元", "12000"] },
  { name: "dash placeholder", edits: [valueEdit("C05", "current", "—")], expected: [["NUMBER_PLACEHOLDER", "error", "指标!E28"]], says: ["填 0"] },
  { name: "无 as target", edits: [valueEdit("C05", "target", "无")], expected: [["NUMBER_PLACEHOLDER", "error", "指标!G28"]], says: ["留空"] },
  { name: "number stored as text", edits: [valueEdit("B01", "current", "15")], expected: [["NUMBER_AS_TEXT", "error", "指标!E18"]], says: ["文本格式", "15"] },
  { name: "number with spaces", edits: [valueEdit("B01", "prior", " 12 ")], expected: [["NUMBER_AS_TEXT", "error", "指标!F18"]], says: ["12"] },
  { name: "free text", edits: [valueEdit("E01", "current", "见附件")], expected: [["NUMBER_TEXT", "error", "指标!E46"]], says: ["只能填数字", "项"] },
  // signs, integers, empties
  { name: "negative count", edits: [valueEdit("B01", "current", -3)], expected: [["NEGATIVE", "error", "指标!E18"]], says: ["负数"] },
  { name: "fractional count", edits: [valueEdit("B02", "current", 2.5)], expected: [["FRACTIONAL_COUNT", "error", "指标!E19"]], says: ["整数"] },
  { name: "empty 本期", edits: [valueEdit("E06", "current", null)], expected: [["VALUE_REQUIRED", "error", "指标!E51"]], says: ["填 0"] },
  { name: "empty 上年同期 is a warning", edits: [valueEdit("E06", "prior", null)], expected: [["PRIOR_MISSING", "warning", "指标!F51"]], says: ["备注"] },
  // totals and parts
  {
    name: "high-tech enterprises ≠ national+provincial+city",
    edits: [valueEdit("C01", "current", 22), valueEdit("C02", "current", 3), valueEdit("C03", "current", 6), valueEdit("C04", "current", 12)],
    expected: [["COMPONENTS_SUM", "error", "指标!E24"]],
    says: ["国家级＋省级＋市级", "21", "22"],
  },
  {
    name: "patent applications ≠ invention+utility+design",
    edits: [valueEdit("D01", "prior", 100), valueEdit("D02", "prior", 30), valueEdit("D03", "prior", 50), valueEdit("D04", "prior", 10)],
    expected: [["COMPONENTS_SUM", "error", "指标!F37"]],
    says: ["发明＋实用新型＋外观设计", "90"],
  },
  {
    name: "invention grants exceed all grants",
    edits: [valueEdit("D05", "current", 90), valueEdit("D05", "prior", 90), valueEdit("D06", "current", 100), valueEdit("D06", "prior", 80)],
    expected: [["PART_EXCEEDS_TOTAL", "error", "指标!E42"]],
    says: ["不能大于", "90"],
  },
  {
    name: "national+provincial funds exceed the total won",
    edits: [
      valueEdit("A04", "current", 100), valueEdit("A04", "prior", 100),
      valueEdit("A05", "current", 60), valueEdit("A05", "prior", 50),
      valueEdit("A06", "current", 50), valueEdit("A06", "prior", 40),
    ],
    expected: [["PARTS_EXCEED_TOTAL", "error", "指标!E10"]],
    says: ["110"],
  },
  // plausibility warnings
  {
    name: "元 typed into a 万元 row (10,000× last year)",
    edits: [valueEdit("E02", "current", 8_000_000), valueEdit("E02", "prior", 800)],
    expected: [["UNIT_SLIP", "warning", "指标!E47"]],
    says: ["本期 8000000 是上年同期 800 的 10000 倍，本期可能把“元”当成了“万元”填写"],
  },
  {
    name: "元 typed into last year's 万元 cell (1/10,000)",
    edits: [valueEdit("E02", "current", 800), valueEdit("E02", "prior", 8_000_000)],
    expected: [["UNIT_SLIP", "warning", "指标!F47"]],
    says: ["上年同期 8000000 是本期 800 的 10000 倍，上年同期可能把“元”当成了“万元”填写"],
  },
  {
    name: "amount far beyond a town's scale",
    edits: [valueEdit("A10", "current", 2_000_000), valueEdit("A10", "prior", 1_800_000)],
    expected: [["UNIT_SLIP", "warning", "指标!E16"]],
  },
  { name: "growth +400%", edits: [valueEdit("D07", "current", 300), valueEdit("D07", "prior", 60)], expected: [["GROWTH_IMPLAUSIBLE", "warning", "指标!E43"]], says: ["增长 400.0%", "备注（指标!H43）"] },
  { name: "fall −80%", edits: [valueEdit("G01", "current", 4), valueEdit("G01", "prior", 20)], expected: [["GROWTH_IMPLAUSIBLE", "warning", "指标!E58"]], says: ["下降 80.0%"] },
  { name: "small numbers do not trigger growth", edits: [valueEdit("F02", "current", 4), valueEdit("F02", "prior", 1)], expected: [] },
  {
    name: "R&D intensity implausibly high",
    edits: [valueEdit("A07", "current", 60000), valueEdit("A07", "prior", 55000), valueEdit("A08", "current", 300000), valueEdit("A08", "prior", 290000)],
    expected: [["RATIO_IMPLAUSIBLE", "warning", "指标!E15"]],
    says: ["20.00%"],
  },
  // formulas
  { name: "formula error #DIV/0!", edits: [valueEdit("B03", "current", { formula: "1/0", result: { error: "#DIV/0!" } } as never)], expected: [["FORMULA_ERROR", "error", "指标!E20"]], says: ["#DIV/0!"] },
  { name: "formula error #REF!", edits: [valueEdit("B04", "prior", { error: "#REF!" } as never)], expected: [["FORMULA_ERROR", "error", "指标!F21"]], says: ["#REF!"] },
  { name: "a typed formula with a number is fine", edits: [valueEdit("B03", "current", { formula: "2+2", result: 4 } as never)], expected: [] },
  { name: "ratio formula overwritten", edits: [valueEdit("A03", "current", 0.05)], expected: [["RATIO_OVERWRITTEN", "error", "指标!E9"]], says: ["公式"] },
  // cover (封面)
  { name: "division code of 11 digits", edits: [cover("C6", "33010200100")], expected: [["DIVISION_CODE_FORMAT", "error", "封面!C6"]], says: ["12位"] },
  { name: "county-shaped code on a town", edits: [cover("C6", "330102000000")], expected: [["DIVISION_CODE_LEVEL", "error", "封面!C6"]], says: ["000"] },
  { name: "division code typed as a number is fine", edits: [cover("C6", 330102001000)], expected: [] },
  { name: "unit type not in the list", edits: [cover("C7", "村")], expected: [["UNIT_TYPE_INVALID", "error", "封面!C7"]] },
  { name: "period span not in the list", edits: [cover("C9", "第五季度")], expected: [["PERIOD_INVALID", "error", "封面!C9"]] },
  { name: "period typed with ASCII dash is understood", edits: [cover("C9", "1-10月")], expected: [], expectedPeriod: "2025-M10" },
  { name: "period differs from the collection", edits: [cover("C9", "上半年")], expected: [["PERIOD_MISMATCH", "error", "封面!C9"]], expectedPeriod: "2025-Y", says: ["2025年上半年", "2025年全年"] },
  { name: "year differs from the collection: points at 统计年度", edits: [cover("C8", 2024)], expected: [["PERIOD_MISMATCH", "error", "封面!C8"]], expectedPeriod: "2025-Y", says: ["2024年全年", "2025年全年", "统计年度改为 2025"] },
  { name: "span differs: says which span to pick", edits: [cover("C9", "上半年")], expected: [["PERIOD_MISMATCH", "error", "封面!C9"]], expectedPeriod: "2025-Y", says: ["报告期改为“全年”"] },
  { name: "phone too short", edits: [cover("C11", "12345")], expected: [["PHONE_INVALID", "error", "封面!C11"]] },
  { name: "landline with area code is fine", edits: [cover("C11", "0571-87654321")], expected: [] },
  { name: "impossible date", edits: [cover("C13", "2025-13-40")], expected: [["DATE_INVALID", "error", "封面!C13"]] },
  { name: "Chinese date text is fine", edits: [cover("C13", "2025年12月20日")], expected: [] },
  { name: "empty 填报人", edits: [cover("C10", null)], expected: [["COVER_REQUIRED", "error", "封面!C10"]], says: ["填报人"] },
  // narrative (文字材料)
  { name: "empty 存在问题", edits: [narrative("A6", null)], expected: [["NARRATIVE_REQUIRED", "error", "文字材料!A6"]], says: ["存在问题"] },
  { name: "narrative starting with = stays text", edits: [narrative("A4", "=HYPERLINK(\"http://x\",\"点击\")")], expected: [] },
];

describe("checks on a filled template (exact findings and cells)", () => {
  it.each(CASES)("$name", async ({ edits, expected, says, expectedPeriod }) => {
    const bytes = edits.length ? await setCells(await goodWorkbook(), edits) : await goodWorkbook();
    const result = inspectOk(bytes, { expectedPeriod: expectedPeriod ?? "2025-Y" });
    expect(tuples(result)).toEqual(expected);
    for (const text of says ?? []) expect(result.findings[0]!.message).toContain(text);
    expect(result.record === null).toBe(expected.some(([, severity]) => severity === "error"));
  });

  it("marks a warning explained once the clerk writes a 备注 on that row", async () => {
    const bytes = await setCells(await goodWorkbook(), [valueEdit("D07", "current", 300), valueEdit("D07", "prior", 60), valueEdit("D07", "note", "新引进两家专利大户")]);
    const r = inspectOk(bytes);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "GROWTH_IMPLAUSIBLE", cell: "E43", indicator: "D07", explained: true })]);
    expect(r.record!.values.D07).toEqual({ current: 300, prior: 60, target: goodFill().values!.D07!.target, note: "新引进两家专利大户" });
    expect(r.record!.warnings).toHaveLength(1);
  });

  it("reads rich-text narrative as plain text", async () => {
    const bytes = await setCells(await goodWorkbook(), [narrative("A4", { richText: [{ text: "一、" }, { font: { bold: true }, text: "加强领导" }, { text: "，成效显著。" }] })]);
    const r = inspectOk(bytes);
    expect(r.findings).toEqual([]);
    expect(r.submission.narrative.achievements.text).toBe("一、加强领导，成效显著。");
    expect(r.record!.narrative.achievements).toBe("一、加强领导，成效显著。");
  });

  it("reports every problem of a blank template with the cell to fix", async () => {
    const r = inspectOk(await buildTemplate());
    const rules = new Map<string, number>();
    for (const f of r.findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    // 9 cover fields, 47 typed indicators' 本期, 3 narrative sections; nothing else on an empty form.
    expect(Object.fromEntries(rules)).toEqual({ COVER_REQUIRED: 9, VALUE_REQUIRED: 47, NARRATIVE_REQUIRED: 3 });
    expect(r.findings[0]).toMatchObject({ sheet: "封面", cell: "C5", severity: "error" });
    expect(r.findings.at(-1)).toMatchObject({ sheet: "文字材料", cell: "A8" });
  });
});

describe("the normalized record", () => {
  it("carries unit, period, meta, every typed figure and the narrative", async () => {
    const fill = goodFill();
    const r = inspectOk(await goodWorkbook());
    const rec = r.record!;
    expect(rec.unit).toEqual({ name: "青阳镇", code: "330102001000", type: "乡镇" });
    expect(rec.period).toEqual({ id: "2025-Y", year: 2025, span: "Y", label: "2025年全年" });
    expect(rec.meta).toEqual({ preparer: "王晓燕", phone: "13905710000", head: "李建国", date: "2025-12-20" });
    expect(Object.keys(rec.values)).toHaveLength(47);
    expect(rec.values.A03).toBeUndefined();
    for (const [code, v] of Object.entries(fill.values!)) {
      expect(rec.values[code]).toEqual({ current: v.current, prior: v.prior, target: v.target });
    }
    expect(rec.narrative.problems).toBe(fill.narrative!.problems);
    expect(r.submission.indicators.D01!.current).toMatchObject({ sheet: "指标", cell: "E37", value: fill.values!.D01!.current });
  });
});

describe("scale limits depend on the level of the unit", () => {
  it("a county's big figures are not a town-scale slip", async () => {
    const edits = [
      { sheet: SHEETS.cover, cell: "C6", value: "330102000000" },
      { sheet: SHEETS.cover, cell: "C7", value: "县（市、区）" },
      valueEdit("A10", "current", 2_000_000),
      valueEdit("A10", "prior", 1_800_000),
    ];
    expect(tuples(inspectOk(await setCells(await goodWorkbook(), edits)))).toEqual([]);
    // the same figures on a town are flagged
    expect(tuples(inspectOk(await setCells(await goodWorkbook(), edits.slice(2))))).toEqual([["UNIT_SLIP", "warning", "指标!E16"]]);
  });
});
