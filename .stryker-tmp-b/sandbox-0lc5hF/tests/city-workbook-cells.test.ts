/**
 * The city workbook's report sheets, the cells city-workbook-sheets.test.ts leaves alone: the
 * formula text behind each cached figure (what a recalculating spreadsheet shows), the
 * conditional formats' rules whole, row heights that follow long texts, and a second
 * consolidation with other kinds of units: a unit with three reports (one with no file, no
 * upload time and no date), a report of another library version without an indicator, a
 * warning explained and one on the cover, a long 备注.
 * Built inside each test (docs/mutation.md; tests/support/per-mutant.ts shares a build per mutant run).
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { INPUT_INDICATORS } from "../templates/catalog";
import type { GridSheet } from "../templates/grid";
import type { IndicatorValues, ReportRecord } from "../templates/record";
import { readXlsxGrid } from "../templates/xlsx/index";
import { mergeReports, type Consolidation, type MergeInput } from "../templates/merge/merge";
import { detailColumn, writeConsolidationWorkbook, type WorkbookOptions } from "../templates/merge/workbook";
import { BUILTIN } from "../templates/catalogue";
import { sheetLayout } from "../templates/merge/sheets/shared";
import { perMutant } from "./support/per-mutant";
import { reportRecord } from "./support/records";

type Triple = [number | null, number | null, number | null];
const COUNTY = "330102000000";
const T1 = "330102001000";
const T2 = "330102002000";
const LONG_NOTE = "新建研发中心投入使用，研发人员增加，全年经费大幅增长，已附说明材料。".repeat(3);

function rec(name: string, code: string, figures: Record<string, Triple>, meta: Partial<ReportRecord["meta"]> = {}, drop: string[] = []): ReportRecord {
  const values: Record<string, IndicatorValues> = Object.fromEntries(INPUT_INDICATORS.filter((i) => !drop.includes(i.code)).map((i) => [i.code, { current: 2, prior: 1, target: null }]));
  for (const [k, [current, prior, target]] of Object.entries(figures)) values[k] = { current, prior, target };
  return reportRecord({ unit: { name, code }, period: "2025-M06", meta: { preparer: `${name}填报人`, phone: "0571-1", date: "2025-07-05", ...meta }, values, narrative: { achievements: `${name}成效`, problems: "", plans: `${name}打算` } });
}

function inputs(): MergeInput[] {
  const none = rec("青阳镇", T1, { A01: [1, 1, null] }, { date: null });
  const old = rec("青阳镇", T1, { A01: [2, 1, null] }, { date: "2025-07-01" });
  const counted = rec("青阳镇", T1, { A01: [12, 10, 20], A02: [100, 80, 200] });
  counted.values.A01!.note = LONG_NOTE;
  counted.warnings = [
    { severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E7", message: "增长过快", indicator: "A01", explained: true },
    { severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E8", message: "增长过快", indicator: "A02", explained: false },
    { severity: "warning", rule: "PHONE_INVALID", sheet: "封面", cell: "C9", message: "联系电话格式不对", explained: false },
  ];
  // Another version of the library, without A02 (the denominator of A03), A07 (a headline indicator) and B01.
  const other = rec("清河街道", T2, { A01: [30, 20, 40] }, {}, ["A02", "A07", "B01"]);
  other.templateVersion = "2025.1";
  // A warning on an indicator its version does not have; and no 存在问题 section at all.
  other.warnings = [{ severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E8", message: "增长过快", indicator: "A02", explained: false }];
  delete (other.narrative as Partial<ReportRecord["narrative"]>).problems;
  return [
    { record: none },
    { record: old, source: "/srv/in/青阳镇-旧.xlsx", submittedAt: "2025-07-01T02:00:00Z" },
    { record: counted, source: "青阳镇.xlsx", submittedAt: "2025-07-05T02:00:00Z" },
    { record: other, source: "清河.xlsx" },
  ];
}

function consolidation(): Consolidation {
  const r = mergeReports(inputs(), { roster: [{ name: "青阳镇", code: T1, parent: COUNTY }, { name: "清河街道", code: T2, parent: COUNTY }], unit: { name: "示例区", code: COUNTY } });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

const OPTIONS: WorkbookOptions = { rejected: [{ source: "C:\\上报\\一个名字很长很长很长很长很长很长很长很长很长很长很长的文件.xlsx", code: "CORRUPT_ZIP", message: "文件已损坏，".repeat(30) }], generatedAt: "2025-07-10T08:30:00Z" };
const standard = perMutant(() => writeConsolidationWorkbook(consolidation(), OPTIONS));

interface Loaded {
  wb: ExcelJS.Workbook;
  grid: (sheet: string) => GridSheet;
  xml: (part: string) => string;
}
async function built(c?: Consolidation): Promise<Loaded> {
  const bytes = c ? await writeConsolidationWorkbook(c, OPTIONS) : await standard();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const g = readXlsxGrid(bytes);
  if (!g.ok) throw new Error(g.message);
  const parts = unzipSync(bytes);
  return { wb, grid: (name) => g.grid.sheets.find((s) => s.name === name)!, xml: (part) => strFromU8(parts[part]!) };
}
/** [cached value, formula] of a cell as the product's reader sees it. */
const fv = (s: GridSheet, a: string) => [s.cells[a]?.value ?? null, s.cells[a]?.formula ?? null];
const D = (code: string, kind: "current" | "prior" | "target", row: number) => `'分单位明细'!${detailColumn(code, kind)}${row}`;

describe("汇总: the formula behind every figure", () => {
  it("a summed indicator: 本期, 上年同期 (only with every unit's), 增减量, 同比增长, 全年目标, 完成率, 序时进度, 较序时进度, 备注", async () => {
    const s = (await built()).grid("汇总");
    const range = (kind: "current" | "prior" | "target") => `'分单位明细'!${detailColumn("A01", kind)}6:${detailColumn("A01", kind)}7`;
    expect(fv(s, "E6")).toEqual([42, `IF(COUNT(${range("current")})=0,"",SUM(${range("current")}))`]);
    expect(fv(s, "F6")).toEqual([30, `IF(OR(COUNT(${range("prior")})=0,COUNT(${range("prior")})<COUNT(${range("current")})),"",SUM(${range("prior")}))`]);
    expect(fv(s, "G6")).toEqual([12, `IF(AND(ISNUMBER(E6),ISNUMBER(F6)),E6-F6,"—")`]);
    expect(fv(s, "H6")).toEqual([0.4, `IF(AND(ISNUMBER(E6),ISNUMBER(F6),N(F6)>0),(E6-F6)/F6,IF(AND(ISNUMBER(F6),N(F6)=0,N(E6)>0),"新增","—"))`]);
    expect(fv(s, "I6")).toEqual([60, `IF(OR(COUNT(${range("target")})=0,COUNT(${range("target")})<COUNT(${range("current")})),"",SUM(${range("target")}))`]);
    expect(fv(s, "J6")).toEqual([0.7, `IF(AND(ISNUMBER(E6),N(I6)>0),E6/I6,"—")`]);
    expect(fv(s, "K6")).toEqual([0.5, null]);
    expect(fv(s, "L6")).toEqual(["", `IF(AND(ISNUMBER(J6),ISNUMBER(K6)),IF(J6<K6,"落后序时进度 "&TEXT((K6-J6)*100,"0.0")&" 个百分点",""),"")`]);
    expect(fv(s, "M6")).toEqual(["2个单位填报", null]);
    // A02 only from the unit of this version: one unit, and no gap (the other has no figure at all).
    expect(fv(s, "M7")).toEqual(["1个单位填报", null]);
    expect(fv(s, "M17")).toEqual(["1个单位填报，其中1个无目标", null]);
  });

  it("a ratio row: each column from the totals' rows, the change in points, the rest —", async () => {
    const s = (await built()).grid("汇总");
    expect(fv(s, "E8")).toEqual([0.42, `IF(AND(ISNUMBER(E6),N(E7)>0),E6/E7,"")`]);
    expect(fv(s, "F8")).toEqual([0.375, `IF(AND(ISNUMBER(F6),N(F7)>0),F6/F7,"")`]);
    expect(fv(s, "I8")).toEqual([0.3, `IF(AND(ISNUMBER(I6),N(I7)>0),I6/I7,"")`]);
    expect(fv(s, "G8")).toEqual([4.5, `IF(AND(ISNUMBER(E8),ISNUMBER(F8)),ROUND((E8-F8)*100,2),"—")`]);
    expect(["H8", "J8", "K8", "L8"].map((a) => fv(s, a))).toEqual([["—", null], ["—", null], ["—", null], ["—", null]]);
  });

  it("the figures' styles: 万元 two decimals, counts whole, ratios as % on their fill, points, percent", async () => {
    const ws = (await built()).wb.getWorksheet("汇总")!;
    expect(["E6", "F6", "G6", "I6", "E17", "G17", "E8", "G8", "H6", "J6", "K6"].map((a) => ws.getCell(a).numFmt)).toEqual([
      "#,##0.00", "#,##0.00", "#,##0.00", "#,##0.00", "#,##0", "#,##0", "0.0%", '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"', "0.0%", "0.0%", "0.0%",
    ]);
    expect(ws.getCell("E8").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getCell("E6").fill).toEqual({ type: "pattern", pattern: "none" });
    expect(["H8", "J8", "K8", "L8", "A6", "D6"].map((a) => ws.getCell(a).alignment?.horizontal)).toEqual(["center", "center", "center", "center", "center", "center"]);
    expect(["M6", "L6", "M8"].map((a) => ws.getCell(a).alignment?.wrapText)).toEqual([true, true, true]);
    expect(ws.getCell("B6").font).toMatchObject({ color: { argb: "FF808080" } });
    expect(ws.getCell("C5").font).toMatchObject({ bold: true });
    expect(ws.getCell("H6").alignment?.horizontal).toBe("right");
  });
});

describe("分单位明细: headers, the 合计 row's formulas, a report without an indicator", () => {
  it("an indicator's heading over its three columns, each column titled, all on the header style", async () => {
    const { wb, grid } = await built();
    const s = grid("分单位明细");
    expect(["E3", "H3", "K3", "Q3"].map((a) => fv(s, a)[0])).toEqual(["A01 财政科技拨款（万元）", "A02 财政一般公共预算支出（万元）", "A03 财政科技拨款占财政支出比重（%）", "A05 其中：国家级（万元）"]);
    expect(["E4", "F4", "G4", "H4", "K4", "M4"].map((a) => fv(s, a)[0])).toEqual(["本期", "上年同期", "全年目标", "本期", "本期", "全年目标"]);
    const ws = wb.getWorksheet("分单位明细")!;
    for (const a of ["B3", "B4", "C4", "E3", "F3", "G3", "H3", "J3", "E4", "G4", "M4"]) {
      expect(ws.getCell(a).font, a).toMatchObject({ bold: true, size: 10 });
      expect(ws.getCell(a).fill, a).toMatchObject({ type: "pattern", pattern: "solid" });
    }
    expect(["G3", "J3", "B4"].map((a) => ws.getCell(a).master.address)).toEqual(["E3", "H3", "B3"]);
    expect(ws.getCell("E5").font).toMatchObject({ bold: true });
    // The title spans A…P and the subtitle wraps within the table's width.
    expect(ws.getCell("P1").master.address).toBe("A1");
    expect(ws.getRow(2).height).toBe(19);
  });

  it("合计: sums over the unit rows (上年同期 and 全年目标 only when every unit with a 本期 has one), ratios over the 合计 cells", async () => {
    const s = (await built()).grid("分单位明细");
    expect(fv(s, "A5")).toEqual(["合计（2个单位）", null]);
    expect(fv(s, "E5")).toEqual([42, `IF(COUNT(E6:E7)=0,"",SUM(E6:E7))`]);
    expect(fv(s, "F5")).toEqual([30, `IF(OR(COUNT(F6:F7)=0,COUNT(F6:F7)<COUNT(E6:E7)),"",SUM(F6:F7))`]);
    expect(fv(s, "G5")).toEqual([60, `IF(OR(COUNT(G6:G7)=0,COUNT(G6:G7)<COUNT(E6:E7)),"",SUM(G6:G7))`]);
    expect(fv(s, "K5")).toEqual([0.42, `IF(AND(ISNUMBER(E5),N(H5)>0),E5/H5,"")`]);
    expect(fv(s, "L5")).toEqual([0.375, `IF(AND(ISNUMBER(F5),N(I5)>0),F5/I5,"")`]);
    expect(fv(s, "M5")).toEqual([0.3, `IF(AND(ISNUMBER(G5),N(J5)>0),G5/J5,"")`]);
  });

  it("合计's label is bold on the input fill over A…D; its figures bold in their number formats", async () => {
    const ws = (await built()).wb.getWorksheet("分单位明细")!;
    for (const a of ["A5", "B5", "C5", "D5"]) {
      expect(ws.getCell(a).font, a).toMatchObject({ bold: true, size: 10 });
      expect(ws.getCell(a).fill, a).toMatchObject({ type: "pattern", pattern: "solid", fgColor: ws.getCell("E5").fill && (ws.getCell("E5").fill as ExcelJS.FillPattern).fgColor });
    }
    expect(ws.getCell("D5").master.address).toBe("A5");
    expect(["E5", "K5", "AI5"].map((a) => ws.getCell(a).numFmt)).toEqual(["#,##0.00", "0.0%", "#,##0"]);
    expect(["E6", "K6", "AI6"].map((a) => ws.getCell(a).numFmt)).toEqual(["#,##0.00", "0.0%", "#,##0"]);
    expect(ws.getCell("K6").fill).toMatchObject({ type: "pattern", pattern: "solid" });
  });

  it("a unit's row: its figures as given; a report of another version leaves the indicators it lacks blank and their ratios empty", async () => {
    const s = (await built()).grid("分单位明细");
    expect(["E6", "F6", "G6", "H6", "I6", "J6"].map((a) => fv(s, a)[0])).toEqual([12, 10, 20, 100, 80, 200]);
    expect(fv(s, "K6")).toEqual([0.12, `IF(AND(ISNUMBER(E6),N(H6)>0),E6/H6,"")`]);
    expect(fv(s, "M6")).toEqual([0.1, `IF(AND(ISNUMBER(G6),N(J6)>0),G6/J6,"")`]);
    expect(["E7", "F7", "G7", "H7", "I7", "J7", "AI7"].map((a) => fv(s, a)[0])).toEqual([30, 20, 40, null, null, null, null]);
    expect(fv(s, "K7")).toEqual(["", `IF(AND(ISNUMBER(E7),N(H7)>0),E7/H7,"")`]);
    expect(fv(s, "AI6")[0]).toBe(2);
  });
});

describe("排名: the formulas behind the figures, and the formats", () => {
  it("本期 from 分单位明细, 同比增长, 完成率 over the unit's own target, 较序时进度 against the half-year", async () => {
    const s = (await built()).grid("排名");
    // A01: 清河街道 30 (row 7 of 分单位明细), then 青阳镇 12 (row 6).
    expect(["A5", "B5", "A6", "B6"].map((a) => fv(s, a)[0])).toEqual([1, "清河街道", 2, "青阳镇"]);
    expect(fv(s, "C5")).toEqual([30, D("A01", "current", 7)]);
    const [c6, p6, t6] = [D("A01", "current", 6), D("A01", "prior", 6), D("A01", "target", 6)];
    expect(fv(s, "C6")).toEqual([12, c6]);
    expect(fv(s, "D6")).toEqual([0.2, `IF(AND(ISNUMBER(${c6}),ISNUMBER(${p6}),N(${p6})>0),(${c6}-${p6})/${p6},IF(AND(ISNUMBER(${p6}),N(${p6})=0,N(${c6})>0),"新增","—"))`]);
    expect(fv(s, "E6")).toEqual([0.6, `IF(AND(ISNUMBER(C6),N(${t6})>0),C6/${t6},"—")`]);
    expect(fv(s, "F6")).toEqual(["", `IF(AND(ISNUMBER(E6),ISNUMBER(0.5)),IF(E6<0.5,"落后序时进度 "&TEXT((0.5-E6)*100,"0.0")&" 个百分点",""),"")`]);
    // A04 has no targets: 完成率 —.
    expect(fv(s, "E10")).toEqual(["—", `IF(AND(ISNUMBER(C10),N(${D("A04", "target", 6)})>0),C10/${D("A04", "target", 6)},"—")`]);
  });

  it("a unit whose report lacks a headline indicator: last, no place, its figures blank", async () => {
    const s = (await built()).grid("排名");
    expect(fv(s, "A13")[0]).toBe("全社会R&D经费支出（万元）　序时进度 50.0%");
    expect(["A15", "B15", "C15", "D15", "E15"].map((a) => fv(s, a)[0])).toEqual([1, "青阳镇", 2, 1, "—"]);
    expect(["A16", "B16", "C16", "D16", "E16", "F16"].map((a) => fv(s, a)[0])).toEqual([null, "清河街道", "", "—", "—", ""]);
    expect(fv(s, "C16")[1]).toBe(D("A07", "current", 7));
  });

  it("the styles of a unit's row", async () => {
    const ws = (await built()).wb.getWorksheet("排名")!;
    expect(["A5", "C5", "D5", "E5"].map((a) => ws.getCell(a).numFmt ?? null)).toEqual([null, "#,##0.00", "0.0%", "0.0%"]);
    expect(ws.getCell("A5").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("B5").border?.left?.style).toBe("thin");
    expect(ws.getCell("F5").border?.left?.style).toBe("thin");
  });

  it("the conditional formats whole: a data bar, red below 0, a three-colour scale around 0 (the sheet's XML)", async () => {
    const { xml } = await built();
    const sheet = xml("xl/worksheets/sheet3.xml");
    expect(sheet.slice(sheet.indexOf("<conditionalFormatting"), sheet.indexOf('<conditionalFormatting sqref="C10'))).toBe(
      '<conditionalFormatting sqref="C5:C6"><cfRule type="dataBar" priority="10"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF5B9BD5"/></dataBar></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="D5:D6"><cfRule type="cellIs" dxfId="0" priority="30" operator="lessThan"><formula>0</formula></cfRule><cfRule type="colorScale" priority="50"><colorScale><cfvo type="min"/><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FFFFFFFF"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>',
    );
    // The red of "below 0" (汇总's 增减量 and 同比增长 too): the one differential style.
    expect(xml("xl/styles.xml")).toMatch(/<dxfs count="1"><dxf><font><color rgb="FFC00000"\/><\/font><\/dxf><\/dxfs>/);
    const summary = xml("xl/worksheets/sheet1.xml");
    expect(summary).toContain('<conditionalFormatting sqref="G5:H61"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>');
  });

  it("nobody reported (a consolidation read back without reports): each block says so, one row high", async () => {
    const c = consolidation();
    c.units = c.units.map((u) => ({ ...u, report: undefined, status: "missing" as const }));
    const { wb, grid } = await built(c);
    const s = grid("排名");
    expect(fv(s, "A5")).toEqual(["暂无已报送的单位。", null]);
    // Blocks one unit row high: the second heading at 3 + 1 × (1 + 3).
    expect(fv(s, "A7")[0]).toBe("争取上级科技资金（万元）　序时进度 50.0%");
    const cf = (wb.getWorksheet("排名")! as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cf.slice(0, 4).map((x) => x.ref)).toEqual(["C5:C5", "D5:D5", "C9:C9", "D9:D9"]);
  });
});

describe("报送情况: three reports of one unit, long texts", () => {
  it("every earlier report in order, one without a file, an upload time or a date", async () => {
    const s = (await built()).grid("报送情况");
    expect(["E4", "F4", "J4", "K4", "L4", "M4"].map((a) => fv(s, a)[0])).toEqual(["已报送，有3条警告", 3, "2025年7月5日 10:00", "第3版", "青阳镇.xlsx", "填报日期2025-07-05晚于2025-07-01"]);
    expect(fv(s, "N4")[0]).toBe("第1版：青阳镇（填报日期未填）；第2版：青阳镇-旧.xlsx（填报日期2025-07-01，2025年7月1日 10:00上传）");
    expect(["E5", "F5", "J5", "M5", "N5"].map((a) => fv(s, a)[0])).toEqual(["已报送，有1条警告", 1, null, null, null]);
  });

  it("row heights follow the longest wrapped text; the header row 30", async () => {
    const ws = (await built()).wb.getWorksheet("报送情况")!;
    expect([3, 4, 5, 9, 13].map((r) => ws.getRow(r).height)).toEqual([30, 91, 33, 91, 19]);
    expect(ws.getRow(2).height).toBe(19);
    expect(ws.getCell("N9").master.address).toBe("D9");
    expect(ws.getCell("E4").font).toMatchObject({ color: { argb: "FF9C5700" } });
    expect(ws.getCell("E5").font).toMatchObject({ color: { argb: "FF9C5700" } });
  });
});

describe("校验问题: explained or not, with or without an indicator", () => {
  it("是 for an explained warning, the unit's 备注 on its indicator; none for an indicator without a note or a cover finding", async () => {
    const s = (await built()).grid("校验问题");
    expect(["A4", "E4", "G4"].map((a) => fv(s, a)[0])).toEqual([1, "指标!E7", "是"]);
    expect(fv(s, "H4")[0]).toBe(LONG_NOTE);
    expect(["A5", "E5", "G5", "H5"].map((a) => fv(s, a)[0])).toEqual([2, "指标!E8", "否", null]);
    expect(["A6", "D6", "E6", "G6", "H6"].map((a) => fv(s, a)[0])).toEqual([3, "电话格式\nPHONE_INVALID", "封面!C9", "否", null]);
    // 清河街道's report has no A02 at all: no 备注 to show.
    expect(["A7", "B7", "E7", "H7"].map((a) => fv(s, a)[0])).toEqual([4, "清河街道", "指标!E8", null]);
    expect(fv(s, "A1")[0]).toBe("示例区2025年上半年科技工作情况汇总表——校验问题（各单位报表中的警告）");
  });

  it("a long 备注 makes its row taller; the others 33 (the rule's two lines)", async () => {
    const ws = (await built()).wb.getWorksheet("校验问题")!;
    expect([4, 5, 6].map((r) => ws.getRow(r).height)).toEqual([91, 33, 33]);
    expect(ws.getRow(2).height).toBe(19);
  });
});

describe("汇总 under the table; the detail columns", () => {
  // The hint's 200 width units at 9 pt over the table's 178 characters (95 units a line): 3 lines, 3 × 9 × 1.45 + 4.
  it("the hint row is as tall as its text at 9 pt over the table's width", async () => {
    const ws = (await built()).wb.getWorksheet("汇总")!;
    expect(ws.getRow(62).height).toBe(44);
    expect(ws.getCell("M62").master.address).toBe("A62");
    expect(ws.getCell("M64").master.address).toBe("A64");
  });

  it("an indicator the library does not have has no detail column", () => {
    expect(() => detailColumn("Z99", "current")).toThrow("unknown indicator Z99");
    expect([detailColumn("A01", "current"), detailColumn("A01", "prior"), detailColumn("A01", "target"), detailColumn("A02", "current")]).toEqual(["E", "F", "G", "H"]);
  });
});

describe("the subtitle wraps within each sheet's table", () => {
  // 64 width units of text: one line in the wide tables (77–82 units a line at 10 pt), two in 汇总
  // (its default 120 characters: 58 units), 排名 (85 characters: 41 units) and 文字材料汇编 (72: 35 units).
  it.each([
    ["汇总", 33],
    ["分单位明细", 19],
    ["排名", 33],
    ["报送情况", 19],
    ["校验问题", 19],
    ["文字材料汇编", 33],
  ])("%s: row 2 is %d points", async (name, height) => {
    const ws = (await built()).wb.getWorksheet(name)!;
    expect(String(ws.getCell("A2").value)).toMatch(/　生成时间：2025年7月10日 16:30$/);
    expect(ws.getRow(2).height).toBe(height);
  });
});

describe("文字材料汇编: an empty section", () => {
  it("prints its title and an empty row, whether the section is empty or missing", async () => {
    const ws = (await built()).wb.getWorksheet("文字材料汇编")!;
    expect([6, 7, 8].map((r) => ws.getCell(`A${r}`).value)).toEqual(["二、存在问题", "", "三、下步工作打算"]);
    expect([6, 7, 8].map((r) => ws.getRow(r).height)).toEqual([18, 20, 18]);
    expect([10, 11, 12, 13, 14, 15, 16].map((r) => ws.getCell(`A${r}`).value)).toEqual(["2. 清河街道（330102002000）", "一、主要工作及成效", "清河街道成效", "二、存在问题", "", "三、下步工作打算", "清河街道打算"]);
  });
});

describe("the sheets' layout of a library", () => {
  it("is worked out for a library value met for the first time, then kept for it", () => {
    // A fresh value: the built-in one's layout was worked out (and kept) before any test ran.
    const lib = { ...BUILTIN };
    const layout = sheetLayout(lib);
    expect(["current", "prior", "target"].map((k) => layout.detailColumn("A01", k as "current" | "prior" | "target"))).toEqual(["E", "F", "G"]);
    expect(layout.detailColumn("A02", "current")).toBe("H");
    expect(sheetLayout(lib)).toBe(layout);
  });
});
