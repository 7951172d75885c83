// @ts-nocheck
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { INPUT_INDICATORS } from "../templates/catalog";
import { inspectWorkbook } from "../templates/inspect";
import type { IndicatorValues, ReportRecord } from "../templates/record";
import { mergeReports, type Consolidation } from "../templates/merge/merge";
import { NUMFMT, REPORT_SHEETS, SUMMARY_ROWS, detailColumn, writeConsolidationWorkbook } from "../templates/merge/workbook";
import { roundPoints } from "../templates/merge/growth";
import { perMutant } from "./support/per-mutant";
import { reportRecord } from "./support/records";

const INJECT_NAME = '=HYPERLINK("http://evil.example","点我")';

function rec(name: string, code: string, figures: Record<string, [number | null, number | null, number | null]>, narrative = `${name}成效`): ReportRecord {
  // Every figure present (0 unless given) so the consolidation is a complete report.
  const values: Record<string, IndicatorValues> = Object.fromEntries(INPUT_INDICATORS.map((i) => [i.code, { current: 0, prior: 0, target: null }]));
  for (const [k, [current, prior, target]] of Object.entries(figures)) values[k] = { current, prior, target };
  return reportRecord({
    unit: { name, code },
    meta: { preparer: "+王晓燕" },
    values,
    narrative: { achievements: narrative, problems: "-问题", plans: "@打算" },
    warnings: [{ severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E30", message: "=1+1 增长过快", indicator: "D01", explained: true }],
  });
}

let c: Consolidation;
let wb: ExcelJS.Workbook;
let bytes: Uint8Array;

/**
 * Merges and writes the workbook anew; every test calls it first. Stryker switches a mutant on
 * only while a test runs (docs/mutation.md), so a workbook built once in a hook would be built
 * without it and the tests reading it could not kill anything in templates/merge/sheets/
 * (perMutant: one build per mutant run while Stryker runs, one per test otherwise).
 */
async function fresh(): Promise<void> {
  ({ c, bytes } = await build());
  // exceljs objects change when read (getCell makes the cell): each test loads its own.
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
}
const build = perMutant(async () => {
  const r = mergeReports(
    [
      { record: rec("青阳镇", "330102001000", { A01: [10, 8, 20], A02: [100, 100, 200], D01: [30, 40, 50], D02: [30, 40, 50], B01: [5, 0, 6] }), source: "青阳镇.xlsx" },
      { record: rec(INJECT_NAME, "330102002000", { A01: [30, 20, 40], A02: [900, 500, 1000], D01: [12, 10, 10], D02: [12, 10, 10], B01: [0, 0, 2] }, "http://example.com 见附件"), source: "清河.xlsx" },
    ],
    {
      roster: [
        { name: "青阳镇", code: "330102001000", parent: "330102000000" },
        { name: INJECT_NAME, code: "330102002000", parent: "330102000000" },
        { name: "南山镇", code: "330102003000", parent: "330102000000" },
      ],
      unit: { name: "示范区" },
    },
  );
  if (!r.ok) throw new Error(r.message);
  return { c: r.consolidation, bytes: await writeConsolidationWorkbook(r.consolidation) };
});

const sheet = (name: string) => wb.getWorksheet(name)!;
const fv = (cell: ExcelJS.Cell) => cell.value as ExcelJS.CellFormulaValue;
/** exceljs reads conditional formats back but its typings do not declare them. */
const formats = (name: string) => (sheet(name) as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

describe("city workbook: sheets and formulas", () => {
  it("has the report sheets, then the template sheets", async () => {
    await fresh();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "分单位明细", "排名", "报送情况", "校验问题", "文字材料汇编", "封面", "指标", "文字材料", "填表说明", "模板信息"]);
    expect(sheet("汇总").getCell("A1").value).toBe("示范区2025年全年科技工作情况汇总表");
    expect(sheet("汇总").getCell("A2").value).toBe("汇总单位：示范区（区划代码 330102000000）　报告期：2025年全年　应报3个单位，已报2个，缺报1个");
  });

  it("totals are live formulas over 分单位明细 with cached values", async () => {
    await fresh();
    const s = sheet("汇总");
    const r = SUMMARY_ROWS.A01!;
    expect(fv(s.getCell(`E${r}`))).toEqual({ formula: `IF(COUNT('分单位明细'!${detailColumn("A01", "current")}6:${detailColumn("A01", "current")}8)=0,"",SUM('分单位明细'!${detailColumn("A01", "current")}6:${detailColumn("A01", "current")}8))`, result: 40 });
    expect(fv(s.getCell(`F${r}`)).result).toBe(28);
    expect(fv(s.getCell(`G${r}`))).toEqual({ formula: `IF(AND(ISNUMBER(E${r}),ISNUMBER(F${r})),E${r}-F${r},"—")`, result: 12 });
    expect(fv(s.getCell(`H${r}`)).result).toBeCloseTo(12 / 28, 15);
    expect(fv(s.getCell(`I${r}`)).result).toBe(60);
    expect(fv(s.getCell(`J${r}`)).result).toBeCloseTo(40 / 60, 15);
    const d = SUMMARY_ROWS.D01!;
    expect(fv(s.getCell(`H${d}`)).result).toBeCloseTo(-0.16, 15);
    const b = SUMMARY_ROWS.B01!;
    // Both units had a true 0 last year: 新增 (a blank 上年同期 would give "—").
    expect(fv(s.getCell(`H${b}`))).toEqual({ formula: `IF(AND(ISNUMBER(E${b}),ISNUMBER(F${b}),N(F${b})>0),(E${b}-F${b})/F${b},IF(AND(ISNUMBER(F${b}),N(F${b})=0,N(E${b})>0),"新增","—"))`, result: "新增" });
    // Ratio: recomputed from the summed parts on the same sheet, change in percentage points.
    const a3 = SUMMARY_ROWS.A03!;
    const n = SUMMARY_ROWS.A01!;
    const dd = SUMMARY_ROWS.A02!;
    expect(fv(s.getCell(`E${a3}`))).toEqual({ formula: `IF(AND(ISNUMBER(E${n}),N(E${dd})>0),E${n}/E${dd},"")`, result: 0.04 });
    // (0.04 - 28/600) × 100 = -0.666… points, rounded to the 0.01 it prints with.
    expect(fv(s.getCell(`G${a3}`))).toEqual({ formula: `IF(AND(ISNUMBER(E${a3}),ISNUMBER(F${a3})),ROUND((E${a3}-F${a3})*100,2),"—")`, result: -0.67 });
    expect(s.getCell(`H${a3}`).value).toBe("—");
  });

  // (points) -> cached 汇总 value: as ROUND(x, 2) gives it, and a change that rounds to nothing is 0, never -0 ("-0.00个百分点").
  it.each([
    [-0.004, 0],
    [0.004, 0],
    [-0.005, -0.01],
    [0.005, 0.01],
    [1.005, 1.01],
    [-0.6666666, -0.67],
    [12.344, 12.34],
    [0, 0],
  ])("points %d cache as %d", (points, cached) => {
    const r = roundPoints(points);
    expect(r).toBe(cached);
    expect(Object.is(r, -0)).toBe(false);
  });

  it("formats: 万元 two decimals, counts whole, % one decimal, percentage points", async () => {
    await fresh();
    const s = sheet("汇总");
    expect(s.getCell(`E${SUMMARY_ROWS.A01}`).numFmt).toBe("#,##0.00");
    expect(s.getCell(`E${SUMMARY_ROWS.D01}`).numFmt).toBe("#,##0");
    expect(s.getCell(`H${SUMMARY_ROWS.D01}`).numFmt).toBe("0.0%");
    expect(s.getCell(`E${SUMMARY_ROWS.A03}`).numFmt).toBe("0.0%");
    expect(s.getCell(`G${SUMMARY_ROWS.A03}`).numFmt).toBe(NUMFMT.points);
    expect(sheet("分单位明细").getCell(`${detailColumn("A01", "current")}6`).numFmt).toBe("#,##0.00");
  });

  it("detail: 合计 first, then a row per roster unit (missing ones empty, not zero)", async () => {
    await fresh();
    const s = sheet("分单位明细");
    expect([6, 7, 8].map((r) => [s.getCell(`B${r}`).value, s.getCell(`D${r}`).value])).toEqual([
      ["青阳镇", "已报送"],
      [INJECT_NAME, "已报送"],
      ["南山镇", "未报送"],
    ]);
    const col = detailColumn("A01", "current");
    expect(s.getCell(`${col}6`).value).toBe(10);
    expect(s.getCell(`${col}8`).value).toBeNull();
    expect(s.getCell("A5").value).toBe("合计（2个单位）");
    expect(fv(s.getCell(`${col}5`))).toEqual({ formula: `IF(COUNT(${col}6:${col}8)=0,"",SUM(${col}6:${col}8))`, result: 40 });
    const a3 = detailColumn("A03", "current");
    expect(fv(s.getCell(`${a3}6`))).toEqual({ formula: `IF(AND(ISNUMBER(${detailColumn("A01", "current")}6),N(${detailColumn("A02", "current")}6)>0),${detailColumn("A01", "current")}6/${detailColumn("A02", "current")}6,"")`, result: 0.1 });
  });

  it("ranking: units ranked on headline indicators with growth", async () => {
    await fresh();
    const s = sheet("排名");
    expect(s.getCell("A3").value).toBe("财政科技拨款（万元）");
    expect([5, 6].map((r) => [s.getCell(`A${r}`).value, s.getCell(`B${r}`).value, fv(s.getCell(`C${r}`)).result])).toEqual([
      [1, INJECT_NAME, 30],
      [2, "青阳镇", 10],
    ]);
    expect(fv(s.getCell("C5")).formula).toBe(`'分单位明细'!${detailColumn("A01", "current")}7`);
    expect(fv(s.getCell("D5")).result).toBe(0.5);
  });

  it("报送情况, 校验问题 and 文字材料汇编 carry who, when, which version and every warning", async () => {
    await fresh();
    const st = sheet("报送情况");
    expect(st.getRow(4).values).toEqual([, 1, "青阳镇", "330102001000", "330102000000", "已报送，有1条警告", 1, "+王晓燕", "13905710000", "2025-12-20", , "第1版", "青阳镇.xlsx"]);
    expect(st.getCell("E6").value).toBe("未报送");
    const is = sheet("校验问题");
    expect(is.getRow(4).values).toEqual([, 1, "青阳镇", "330102001000", "增幅异常\nGROWTH_IMPLAUSIBLE", "指标!E30", "=1+1 增长过快", "是"]);
    const nar = sheet("文字材料汇编");
    const texts = nar.getColumn(1).values.filter((v) => typeof v === "string");
    expect(texts).toContain("1. 青阳镇（330102001000）");
    expect(texts).toContain("3. 南山镇（330102003000）——未报送");
    expect(texts).toContain("http://example.com 见附件");
  });
});

describe("city workbook: town text never becomes a formula or a link", () => {
  it.each([
    ["分单位明细", "B7", INJECT_NAME],
    ["排名", "B5", INJECT_NAME],
    ["报送情况", "G4", "+王晓燕"],
    ["校验问题", "F4", "=1+1 增长过快"],
  ])("%s!%s stays text", async (name, addr, text) => {
    await fresh();
    const cell = sheet(name).getCell(addr);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(text);
    expect(cell.hyperlink).toBeUndefined();
  });

  it("narrative starting with - or @ stays text in 文字材料", async () => {
    await fresh();
    const nar = sheet("文字材料");
    const problems = nar.getCell("A6");
    expect(problems.type).toBe(ExcelJS.ValueType.String);
    expect(problems.value).toBe(`【青阳镇】-问题\n\n【${INJECT_NAME}】-问题`);
  });
});

describe("city workbook: looks like a report", () => {
  it("frozen headers, A4 landscape with repeated header rows", async () => {
    await fresh();
    const s = sheet("汇总");
    expect(s.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 4 });
    expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "1:4" });
    expect(sheet("分单位明细").views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(sheet("分单位明细").pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "3:4" });
    // Blocks stacked down the sheet, a page break after each (never half a block on a page).
    expect(sheet("排名").pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait" });
    expect(sheet("排名").getCell("A8").value).toBe("争取上级科技资金（万元）");
  });

  it("negative growth in red; data bars and colour scales on the ranking", async () => {
    await fresh();
    const cf = formats("汇总");
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe(`G5:H${SUMMARY_ROWS.G05}`);
    expect(cf[0]!.rules[0]).toMatchObject({ type: "cellIs", operator: "lessThan", formulae: ["0"], style: { font: { color: { argb: "FFC00000" } } } });
    const rank = formats("排名");
    expect(rank.filter((x) => x.rules.some((r) => r.type === "dataBar")).map((x) => x.ref)).toContain("C5:C6");
    expect(rank.filter((x) => x.rules.some((r) => r.type === "colorScale")).map((x) => x.ref)).toContain("D5:D6");
    expect(rank.filter((x) => x.rules.some((r) => r.type === "cellIs")).map((x) => x.ref)).toContain("D5:D6");
  });
});

describe("city workbook: a valid report for the next level", () => {
  it("reads as the template with no errors, totals on 指标", async () => {
    await fresh();
    const r = inspectWorkbook(bytes);
    if (!r.ok) throw new Error(r.message);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.record!.unit).toEqual({ name: "示范区", code: "330102000000", type: "县（市、区）" });
    expect(r.record!.values.A01).toEqual({ current: 40, prior: 28, target: 60, note: "由2个单位汇总（缺报1个）" });
    expect(r.record!.values.D01).toEqual({ current: 42, prior: 50, target: 60, note: "由2个单位汇总（缺报1个）" });
    expect(r.record!.period.id).toBe("2025-Y");
    expect(fv(sheet("指标").getCell("A3")).result).toBe("填报单位：示范区　　报告期：2025年全年");
  });
});
