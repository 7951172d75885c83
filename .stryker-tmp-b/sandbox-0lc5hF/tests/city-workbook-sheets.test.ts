/**
 * Every report sheet of the city workbook cell by cell, on a consolidation with every kind of
 * unit: a report that replaced an earlier one and came late, one filed under another code, a
 * missing unit, one outside the roster, a report of another library version, files refused
 * before the merge, ties and a blank in the ranking, a half-year with assigned targets.
 * Built inside each test (Stryker switches a mutant on only while a test runs, docs/mutation.md;
 * tests/support/per-mutant.ts shares one build among the tests of one mutant run).
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { INDICATORS, INPUT_INDICATORS } from "../templates/catalog";
import type { GridSheet } from "../templates/grid";
import type { IndicatorValues, ReportRecord } from "../templates/record";
import { readXlsxGrid } from "../templates/xlsx/index";
import { consolidationJson, mergeReports, versionNoteText, type Consolidation, type MergeInput } from "../templates/merge/merge";
import { writeConsolidationWorkbook, type WorkbookOptions } from "../templates/merge/workbook";
import { printPieces } from "../templates/merge/sheets/narrative";
import type { TargetTable } from "../templates/targets/table";
import { perMutant } from "./support/per-mutant";
import { reportRecord } from "./support/records";

type Triple = [number | null, number | null, number | null];
const COUNTY = "330102000000";
const T1 = "330102001000";
const T2 = "330102002000";
const T3 = "330102003000";
const OUT = "330199001000";

function rec(name: string, code: string, figures: Record<string, Triple>, meta: Partial<ReportRecord["meta"]> = {}): ReportRecord {
  const values: Record<string, IndicatorValues> = Object.fromEntries(INPUT_INDICATORS.map((i) => [i.code, { current: 1, prior: 1, target: null }]));
  for (const [k, [current, prior, target]] of Object.entries(figures)) values[k] = { current, prior, target };
  return reportRecord({ unit: { name, code }, period: "2025-M06", meta: { preparer: `${name}填报人`, phone: "0571-1", date: "2025-07-05", ...meta }, values, narrative: { achievements: `${name}成效`, problems: `${name}问题`, plans: `${name}打算` } });
}

function inputs(): MergeInput[] {
  const first = rec("青阳镇", T1, { A01: [5, 4, 10], D01: [40, 20, 100] }, { date: "2025-07-01" });
  const second = rec("青阳镇", T1, { A01: [10, 8, 25], D01: [50, 40, 100], B01: [2, 0, 10] });
  second.values.D01!.note = "新建研发中心";
  second.warnings = [{ severity: "warning", rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E30", message: "增长过快", indicator: "D01", explained: false }];
  const moved = rec("清河街道", "330102099000", { A01: [30, null, 40], D01: [50, 40, null], B01: [1, 0, 10] });
  const out = rec("外来镇", OUT, { A01: [null, null, null], D01: [7, 0, 10], B01: [0, 0, 10] });
  out.templateVersion = "2026.1";
  return [
    { record: first, source: "/srv/in/青阳镇.xlsx", submittedAt: "2025-07-01T02:00:00Z" },
    { record: second, source: "/srv/in/青阳镇-2.xlsx", submittedAt: "2025-07-06T02:00:00Z", late: true },
    { record: moved, source: "清河.xlsx" },
    { record: out, source: "外来.xlsx" },
  ];
}

const ROSTER = [
  { name: "青阳镇", code: T1, parent: COUNTY },
  { name: "清河街道", code: T2, parent: COUNTY },
  { name: "南山镇", code: T3, parent: COUNTY },
];

function consolidation(extra: Partial<Parameters<typeof mergeReports>[1]> = {}): Consolidation {
  const r = mergeReports(inputs(), { roster: ROSTER, unit: { name: "示例区", code: COUNTY }, meta: { head: "李建国", preparer: "张三", date: "2025-07-10" }, ...extra });
  if (!r.ok) throw new Error(r.message);
  return r.consolidation;
}

const REJECTED: WorkbookOptions = { rejected: [{ source: "/srv/in/坏.xlsx", code: "CORRUPT_ZIP", message: "文件已损坏" }], generatedAt: "2025-07-10T08:30:00Z" };
/** The workbook of this consolidation (default: the one above, refused files listed, the time it was made shown). */
async function built(c?: Consolidation, options: WorkbookOptions = REJECTED): Promise<ExcelJS.Workbook> {
  return load(c === undefined && options === REJECTED ? await standard() : await writeConsolidationWorkbook(c ?? consolidation(), options));
}
const standard = perMutant(() => writeConsolidationWorkbook(consolidation(), REJECTED));
/** exceljs objects change when read (getCell makes the cell): each test loads its own. */
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const grid = readXlsxGrid(bytes);
  if (!grid.ok) throw new Error(grid.message);
  for (const ws of wb.worksheets) GRIDS.set(ws, grid.grid.sheets.find((g) => g.name === ws.name)!);
  XML.set(wb, unzipSync(bytes));
  return wb;
}
/** The product's reader's view of each sheet (exceljs drops a cached 0 of a formula), and the raw parts. */
const GRIDS = new WeakMap<ExcelJS.Worksheet, GridSheet>();
const XML = new WeakMap<ExcelJS.Workbook, Record<string, Uint8Array>>();

const cellValue = (ws: ExcelJS.Worksheet, a: string) => GRIDS.get(ws)!.cells[a]?.value ?? null;
/** Cached values (a formula's result, "" when none) of a row's cells A… */
const rowValues = (ws: ExcelJS.Worksheet, r: number, cols: string) => [...cols].map((c) => cellValue(ws, `${c}${r}`));
const SUBTITLE = "汇总单位：示例区（区划代码 330102000000）　报告期：2025年上半年　应报3个单位，已报3个，缺报1个，名单外1个　生成时间：2025年7月10日 16:30";

describe("汇总, row by row", () => {
  it("title, subtitle, the form line, the headers and a group heading", async () => {
    const s = (await built()).getWorksheet("汇总")!;
    expect(rowValues(s, 1, "A")).toEqual(["示例区2025年上半年科技工作情况汇总表"]);
    expect(rowValues(s, 2, "A")).toEqual([SUBTITLE]);
    expect(s.getCell("A3").value).toBe("表号：汇总科统1表　　制定机关：市科学技术局　　批准文号：市科技局〔2026〕1号　　有效期至：2028年12月　　计量单位见各行");
    expect([1, 2, 3, 4].map((r) => s.getRow(r).height)).toEqual([30, 33, 16, 24]);
    expect(rowValues(s, 4, "ABCDEFGHIJKLM")).toEqual(["序号", "指标代码", "指标名称", "计量单位", "本期", "上年同期", "增减量", "同比增长", "全年目标", "完成率", "序时进度", "较序时进度", "备注"]);
    expect(s.getRow(5).values).toEqual([, , , "一、科技投入"]);
    expect(s.getCell("A5").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(s.getCell("M5").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(s.getCell("N5").fill).toBeUndefined();
  });

  // (code, cached E…M): 本期, 上年同期, 增减量, 同比增长, 全年目标, 完成率, 序时进度, 较序时进度, 备注.
  it.each([
    // 清河街道 gave no 上年同期: no total (a partial base would give a false growth), so no change or growth.
    ["A01", [40, "", "—", "—", 65, 40 / 65, 0.5, "", "2个单位填报，其中1个未填上年同期"]],
    // Every 上年同期 a true 0: 新增; 3 of 30 is 10%, 40 points behind the half-year's 50%.
    ["B01", [3, 0, 3, "新增", 30, 0.1, 0.5, "落后序时进度 40.0 个百分点", "3个单位填报"]],
    // 清河街道 gave no 全年目标: no target total, no 完成率.
    ["D01", [107, 80, 27, 27 / 80, "", "—", 0.5, "", "3个单位填报，其中1个无目标"]],
    ["A03", [40 / 3, "", "—", "—", "", "—", "—", "—", "比重由合计后的分子、分母计算，增减为百分点"]],
  ] as const)("%s", async (code, cached) => {
    const s = (await built()).getWorksheet("汇总")!;
    const r = { A01: 6, B01: 17, D01: 36, A03: 8 }[code];
    expect(rowValues(s, r, "B")).toEqual([code]);
    expect(rowValues(s, r, "EFGHIJKLM")).toEqual(cached);
  });

  it("the 序号 runs over indicators only, 计量单位 and 指标名称 as printed; row heights follow the 备注", async () => {
    const s = (await built()).getWorksheet("汇总")!;
    expect(rowValues(s, 6, "ABCD")).toEqual([1, "A01", "财政科技拨款", "万元"]);
    expect(rowValues(s, 10, "ABCD")).toEqual([5, "A05", "  其中：国家级", "万元"]);
    expect(rowValues(s, 17, "A")).toEqual([11]);
    expect([6, 8, 17, 36].map((r) => s.getRow(r).height)).toEqual([33, 48, 33, 33]);
  });

  it("the hint under the table, then the signature line with the consolidation's 填报日期", async () => {
    const s = (await built()).getWorksheet("汇总")!;
    expect(String(s.getCell("A62").value)).toMatch(/^说明：本表数字为公式：合计取自“分单位明细”/);
    expect(s.getCell("A62").font).toMatchObject({ size: 9 });
    expect(s.getCell("A64").value).toBe("单位负责人：李建国　　　　统计负责人：＿＿＿＿＿＿　　　　填表人：张三　　　　报出日期：2025年7月10日");
    expect(s.getRow(64).height).toBe(20);
    expect(s.getCell("A63").value).toBeNull();
  });

  it("a consolidation without a date signs 　　年　月　日", async () => {
    const c = consolidation();
    c.meta.date = null;
    const s = (await built(c)).getWorksheet("汇总")!;
    expect(s.getCell("A64").value).toBe("单位负责人：李建国　　　　统计负责人：＿＿＿＿＿＿　　　　填表人：张三　　　　报出日期：　　年　月　日");
  });

  it("with a target table: the city's own target is a figure, and the 备注 says so", async () => {
    const targets: TargetTable = { year: 2025, own: { code: COUNTY, name: "示例区", values: { D01: 200 } }, units: [{ code: T1, name: "青阳镇", values: { D01: 100 } }, { code: T2, name: "清河街道", values: { D01: 100 } }] };
    const s = (await built(consolidation({ targets }))).getWorksheet("汇总")!;
    expect(s.getCell("I36").value).toBe(200);
    expect(rowValues(s, 36, "IJM")).toEqual([200, 107 / 200, "3个单位填报，其中1个无目标；全年目标为上级下达"]);
  });

  it("a whole year: no 序时进度 (—, centred), and no pace", async () => {
    const c = consolidation();
    c.schedule = null;
    const s = (await built(c)).getWorksheet("汇总")!;
    expect(rowValues(s, 17, "JKL")).toEqual([0.1, "—", ""]);
    expect(s.getCell("K17").alignment).toMatchObject({ horizontal: "center" });
    const half = (await built()).getWorksheet("汇总")!;
    expect(half.getCell("K17").alignment).toMatchObject({ horizontal: "right" });
  });
});

describe("分单位明细, 排名, 报送情况, 校验问题, 文字材料汇编", () => {
  it("分单位明细: headers, the 合计 row, a row per unit with its status", async () => {
    const s = (await built()).getWorksheet("分单位明细")!;
    expect(s.getCell("A1").value).toBe("示例区2025年上半年科技工作情况汇总表——分单位明细");
    expect(rowValues(s, 3, "ABCDEFGH")).toEqual(["序号", "单位名称", "区划代码", "报送状态", "A01 财政科技拨款（万元）", null, null, "A02 财政一般公共预算支出（万元）"]);
    expect(rowValues(s, 4, "ABCDEFGH")).toEqual([null, null, null, null, "本期", "上年同期", "全年目标", "本期"]);
    expect(s.getCell("F3").isMerged && s.getCell("A4").isMerged).toBe(true);
    expect(rowValues(s, 5, "AEFG")).toEqual(["合计（3个单位）", 40, "", 65]);
    expect(rowValues(s, 6, "ABCDEFG")).toEqual([1, "青阳镇", "330102001000", "已报送", 10, 8, 25]);
    expect(rowValues(s, 7, "ABCDEFG")).toEqual([2, "清河街道", "330102002000", "已报送", 30, null, 40]);
    expect(rowValues(s, 8, "ABCDEFG")).toEqual([3, "南山镇", "330102003000", "未报送", null, null, null]);
    expect(rowValues(s, 9, "ABCDEFG")).toEqual([4, "外来镇", "330199001000", "名单外", null, null, null]);
    expect([6, 8, 9].map((r) => s.getCell(`D${r}`).font?.color?.argb)).toEqual(["FF9C5700", "FFC00000", "FF9C5700"]);
    expect(s.getCell("D7").font?.color?.argb).toBe("FF006100");
    expect(s.getRow(3).height).toBe(42);
    expect(s.columns.slice(0, 7).map((c) => c.width)).toEqual([5, 12, 13, 7, 11, 11, 11]);
    expect(s.pageSetup).toMatchObject({ scale: 66, fitToPage: false, printTitlesColumn: "A:D" });
  });

  it("排名: equal figures share a place (1, 1, 3), a blank figure has none; 完成率 and the pace per unit", async () => {
    const s = (await built()).getWorksheet("排名")!;
    expect(s.getCell("A1").value).toBe("示例区2025年上半年科技工作情况汇总表——主要指标排名");
    expect(s.getCell("A3").value).toBe("财政科技拨款（万元）　序时进度 50.0%");
    expect(rowValues(s, 4, "ABCDEF")).toEqual(["名次", "单位", "本期", "同比增长", "完成率", "较序时进度"]);
    expect(rowValues(s, 5, "ABCDEF")).toEqual([1, "清河街道", 30, "—", 0.75, ""]);
    expect(rowValues(s, 6, "ABCDEF")).toEqual([2, "青阳镇", 10, 0.25, 0.4, "落后序时进度 10.0 个百分点"]);
    expect(rowValues(s, 7, "ABCDEF")).toEqual([null, "外来镇", "", "—", "—", ""]);
    // D01 is the sixth headline indicator: its block starts at 3 + 5 × (3 units + 3).
    expect(s.getCell("A33").value).toBe("专利申请（件）　序时进度 50.0%");
    expect(rowValues(s, 35, "ABCDE")).toEqual([1, "青阳镇", 50, 0.25, 0.5]);
    expect(rowValues(s, 36, "ABCDE")).toEqual([1, "清河街道", 50, 0.25, "—"]);
    expect(rowValues(s, 37, "ABCDE")).toEqual([3, "外来镇", 7, "新增", 0.7]);
    // A page break after each block but the last (exceljs does not read them back: the sheet's XML).
    const xml = strFromU8(XML.get(s.workbook)!["xl/worksheets/sheet3.xml"]!);
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([7, 13, 19, 25, 31, 37, 43, 49]);
    expect(s.getRow(3).height).toBe(22);
    expect(s.columns.map((c) => c.width)).toEqual([6, 20, 14, 10, 10, 25]);
  });

  it("排名 of a whole year: no 序时进度 in the heading, no pace column figures", async () => {
    const c = consolidation();
    c.schedule = null;
    const s = (await built(c)).getWorksheet("排名")!;
    expect(s.getCell("A3").value).toBe("财政科技拨款（万元）");
    expect(s.getCell("F6").value).toBe("");
  });

  it("报送情况: late, warned, filed under another code, missing, outside the roster; what was refused; another version", async () => {
    const s = (await built()).getWorksheet("报送情况")!;
    expect(s.getCell("A1").value).toBe("示例区2025年上半年科技工作情况汇总表——报送情况");
    expect(s.getRow(3).values).toEqual([, "序号", "单位名称", "区划代码", "上级代码", "报送状态", "警告数", "填报人", "联系电话", "填报日期", "报送时间", "版本", "来源文件", "采用理由", "此前报送（已被替代）"]);
    expect(s.getRow(4).values).toEqual([, 1, "青阳镇", T1, COUNTY, "已报送，逾期，有1条警告", 1, "青阳镇填报人", "0571-1", "2025-07-05", "2025年7月6日 10:00", "第2版", "青阳镇-2.xlsx", "填报日期2025-07-05晚于2025-07-01", "第1版：青阳镇.xlsx（填报日期2025-07-01，2025年7月1日 10:00上传）"]);
    expect(s.getRow(5).values).toEqual([, 2, "清河街道", T2, COUNTY, "已报送，报表代码为330102099000", 0, "清河街道填报人", "0571-1", "2025-07-05", , "第1版", "清河.xlsx"]);
    expect(s.getRow(6).values).toEqual([, 3, "南山镇", T3, COUNTY, "未报送"]);
    expect(s.getRow(7).values).toEqual([, 4, "外来镇", OUT, , "名单外（已计入汇总）", 0, "外来镇填报人", "0571-1", "2025-07-05", , "第1版", "外来.xlsx"]);
    expect([4, 5, 6, 7].map((r) => s.getRow(r).height)).toEqual([62, 33, 19, 33]);
    expect(s.getCell("A8").value).toBeNull();
    expect(rowValues(s, 9, "A")).toEqual(["未汇总的文件（1个）"]);
    expect(rowValues(s, 10, "ABCD")).toEqual(["序号", "文件", "原因代码", "原因"]);
    expect(rowValues(s, 11, "ABCD")).toEqual([1, "坏.xlsx", "CORRUPT_ZIP", "文件已损坏"]);
    expect(s.getCell("N11").master.address).toBe("D11");
    expect(rowValues(s, 13, "A")).toEqual(["使用其他版本报表的单位（1个，已按指标代码汇总；本汇总使用 2026.2 版）"]);
    expect(rowValues(s, 14, "ABCDE")).toEqual(["序号", "单位名称", "区划代码", "报表版本", "说明"]);
    expect(rowValues(s, 15, "ABCDE")).toEqual([1, "外来镇", OUT, "2026.1", "外来镇使用 2026.1 版报表，按指标代码汇总。"]);
    expect([14, 15].map((r) => s.getCell(`N${r}`).master.address)).toEqual(["E14", "E15"]);
    expect(s.getCell("A16").value).toBeNull();
  });

  it("报送情况: long texts set their rows' heights in their merged widths; two version notes", async () => {
    const long = "这".repeat(200);
    const c = consolidation();
    const note = c.versionNotes[0]!;
    c.versionNotes = [note, { ...note, unit: "南山镇", unitCode: T3, added: [long] }];
    const s = (await built(c, { rejected: [{ source: "/srv/in/长.xlsx", code: "HAS_ERRORS", message: long }], generatedAt: "2025-07-10T08:30:00Z" })).getWorksheet("报送情况")!;
    // 原因 spans D…N (137 characters wide): 66 a line at 10 pt, so 200 characters take 4 lines: 4 × 14.5 + 4 = 62.
    expect(rowValues(s, 11, "ABCD")).toEqual([1, "长.xlsx", "HAS_ERRORS", long]);
    expect(s.getRow(11).height).toBe(62);
    // 说明 spans E…N (124 wide): 60 a line; the second note is about 231 characters' width, 4 lines again.
    expect(rowValues(s, 15, "ABCDE")).toEqual([1, "外来镇", OUT, "2026.1", "外来镇使用 2026.1 版报表，按指标代码汇总。"]);
    expect(rowValues(s, 16, "ABCDE")).toEqual([2, "南山镇", T3, "2026.1", `南山镇使用 2026.1 版报表，按指标代码汇总；本版新增，未填报：${long}。`]);
    expect([15, 16].map((r) => s.getRow(r).height)).toEqual([19, 62]);
  });

  it("报送情况 with nothing refused and every report of this version", async () => {
    const c = consolidation();
    c.versionNotes = [];
    const s = (await built(c, {})).getWorksheet("报送情况")!;
    expect(rowValues(s, 9, "AB")).toEqual(["未汇总的文件：无", null]);
    expect([10, 11, 12, 13].map((r) => s.getCell(`A${r}`).value)).toEqual([null, null, null, null]);
    expect(s.getRow(4).getCell(10).value).toBe("2025年7月6日 10:00");
  });

  it("校验问题: the rule's name over its code, where, whether explained, and the unit's 备注 on that indicator", async () => {
    const s = (await built()).getWorksheet("校验问题")!;
    expect(s.getRow(3).values).toEqual([, "序号", "单位名称", "区划代码", "问题类型", "位置", "问题说明", "已说明", "单位在备注中的说明"]);
    expect(s.getRow(4).values).toEqual([, 1, "青阳镇", T1, "增幅异常\nGROWTH_IMPLAUSIBLE", "指标!E30", "增长过快", "否", "新建研发中心"]);
    expect(s.getRow(4).height).toBe(33);
    expect(s.getCell("A5").value).toBeNull();
  });

  it("校验问题 without warnings says so", async () => {
    const c = consolidation();
    c.warnings = [];
    const s = (await built(c)).getWorksheet("校验问题")!;
    expect(s.getCell("A4").value).toBe("各单位报表均无警告。");
  });

  it("文字材料汇编: each unit's heading, then its three sections; a missing unit's heading only", async () => {
    const s = (await built()).getWorksheet("文字材料汇编")!;
    const texts = s.getColumn(1).values.slice(1);
    expect(texts).toEqual([
      "示例区2025年上半年科技工作情况汇总表——文字材料汇编",
      SUBTITLE,
      "1. 青阳镇（330102001000）",
      ...["一、主要工作及成效", "青阳镇成效", "二、存在问题", "青阳镇问题", "三、下步工作打算", "青阳镇打算"],
      "2. 清河街道（330102002000）",
      ...["一、主要工作及成效", "清河街道成效", "二、存在问题", "清河街道问题", "三、下步工作打算", "清河街道打算"],
      "3. 南山镇（330102003000）——未报送",
      "4. 外来镇（330199001000）",
      ...["一、主要工作及成效", "外来镇成效", "二、存在问题", "外来镇问题", "三、下步工作打算", "外来镇打算"],
    ]);
    expect([1, 2, 3, 4, 5].map((r) => s.getRow(r).height)).toEqual([45, 33, 25, 18, 20]);
    expect(s.columns[0]!.width).toBe(72);
    expect(s.pageSetup).toMatchObject({ orientation: "portrait", scale: 100, fitToPage: false });
  });
});

describe("the workbook around the sheets", () => {
  it.each([
    ["no roster: only what was reported", { roster: undefined }, {}, "汇总单位：示例区（区划代码 330102000000）　报告期：2025年上半年　已报3个"],
    ["a roster and nobody outside it", { roster: [...ROSTER, { name: "外来镇", code: OUT, parent: COUNTY }] }, {}, "汇总单位：示例区（区划代码 330102000000）　报告期：2025年上半年　应报4个单位，已报3个，缺报1个"],
    ["the time it was made, in the bureau's zone", {}, { generatedAt: "2025-07-10T08:30:00Z", timeZone: "Asia/Urumqi" }, "汇总单位：示例区（区划代码 330102000000）　报告期：2025年上半年　应报3个单位，已报3个，缺报1个，名单外1个　生成时间：2025年7月10日 14:30"],
  ] as const)("the subtitle with %s", async (_n, extra, options, subtitle) => {
    const wb = await built(consolidation(extra), options);
    expect(wb.getWorksheet("汇总")!.getCell("A2").value).toBe(subtitle);
    expect(wb.getWorksheet("报送情况")!.getCell("A2").value).toBe(subtitle);
  });

  it("dated as the consolidation's 填报日期, or 2026-01-01 without one (the same bytes for the same input)", async () => {
    const c = consolidation();
    expect((await built(c)).created).toEqual(new Date("2025-07-10T00:00:00Z"));
    c.meta.date = null;
    const wb = await built(c);
    expect(wb.created).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(wb.modified).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(wb.creator).toBe("huizong");
  });
});

describe("文字材料汇编: long texts split into row-sized pieces", () => {
  // (text, size) -> pieces: at the last paragraph or sentence end in the window when it lies in its second half.
  it.each([
    ["一", 10, ["一"]],
    ["一二三四五六七八九十", 10, ["一二三四五六七八九十"]],
    ["一二三四五六七八九十甲", 10, ["一二三四五六七八九十", "甲"]],
    ["一二三四五六。七八九十甲", 10, ["一二三四五六。", "七八九十甲"]],
    ["一二三四五；七八九十甲乙", 10, ["一二三四五；", "七八九十甲乙"]],
    ["一二三四五六！七八九十甲", 10, ["一二三四五六！", "七八九十甲"]],
    ["一二三四五六？七八九十甲", 10, ["一二三四五六？", "七八九十甲"]],
    ["一二三四五六\n七八九十甲", 10, ["一二三四五六\n", "七八九十甲"]],
    ["一二三四。六？八九十甲乙", 10, ["一二三四。六？", "八九十甲乙"]],
    ["一二三。五六七八九十甲", 10, ["一二三。五六七八九十", "甲"]],
    ["一二三四五六七八九。\n甲", 10, ["一二三四五六七八九。", "甲"]],
    ["一二三四五六七八九\uD840\uDC00甲", 10, ["一二三四五六七八九\uD840\uDC00", "甲"]],
    ["一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子", 10, ["一二三四五六七八九十", "甲乙丙丁戊己庚辛壬癸", "子"]],
    // Only a line break right at the cut is dropped; one further on stays in the text.
    ["一二三四五六七八九十甲\n乙", 10, ["一二三四五六七八九十", "甲\n乙"]],
  ] as const)("%j in pieces of %d", (text, size, pieces) => {
    expect(printPieces(text, size)).toEqual(pieces);
  });

  it("the default piece fits a row of the 72-character column at 11 pt: 658 characters", () => {
    expect(printPieces("字".repeat(1000)).map((p) => p.length)).toEqual([658, 342]);
    expect(printPieces("字".repeat(658))).toHaveLength(1);
  });
});

describe("the same consolidation as JSON (huizong merge --json, the server's record)", () => {
  it("every unit, what was missing, outside the roster, refused, another version, the warnings", () => {
    const c = consolidation();
    const j = consolidationJson(c, [{ source: "/srv/in/坏.xlsx", code: "CORRUPT_ZIP", message: "文件已损坏" }]);
    expect(j.totals.A01).toEqual({ current: 40, prior: null, target: 65, delta: null, growth: null, growthLabel: "—", change: null, completion: 40 / 65, units: { current: 2, prior: 1, target: 2 } });
    expect("code" in j.totals.A01!).toBe(false);
    expect(Object.keys(j.totals)).toEqual(Object.keys(c.totals));
    expect({ ...j, totals: undefined }).toEqual({
      totals: undefined,
      period: c.period,
      unit: c.unit,
      counts: c.counts,
      units: [
        { name: "青阳镇", code: T1, parent: COUNTY, status: "submitted", unlisted: false, warnings: 1, source: "/srv/in/青阳镇-2.xlsx", submittedAt: "2025-07-06T02:00:00Z", preparer: "青阳镇填报人", date: "2025-07-05", version: 2, superseded: [{ source: "/srv/in/青阳镇.xlsx", submittedAt: "2025-07-01T02:00:00Z", version: 1 }] },
        { name: "清河街道", code: T2, parent: COUNTY, status: "submitted", unlisted: false, reportedCode: "330102099000", warnings: 0, source: "清河.xlsx", submittedAt: null, preparer: "清河街道填报人", date: "2025-07-05", version: 1, superseded: [] },
        { name: "南山镇", code: T3, parent: COUNTY, status: "missing", unlisted: false, warnings: 0, source: null, submittedAt: null, preparer: null, date: null, version: null, superseded: [] },
        { name: "外来镇", code: OUT, parent: "", status: "submitted", unlisted: true, warnings: 0, source: "外来.xlsx", submittedAt: null, preparer: "外来镇填报人", date: "2025-07-05", version: 1, superseded: [] },
      ],
      missing: [{ name: "南山镇", code: T3 }],
      unlisted: [{ name: "外来镇", code: OUT }],
      rejected: [{ file: "/srv/in/坏.xlsx", code: "CORRUPT_ZIP", message: "文件已损坏" }],
      library: { id: c.catalogue.id, version: "2026.2", title: c.catalogue.title },
      versionNotes: [{ unit: "外来镇", unitCode: OUT, version: "2026.1", added: [], dropped: [], message: "外来镇使用 2026.1 版报表，按指标代码汇总。" }],
      warnings: [{ unit: "青阳镇", unitCode: T1, rule: "GROWTH_IMPLAUSIBLE", sheet: "指标", cell: "E30", message: "增长过快" }],
    });
    expect(consolidationJson(c).rejected).toEqual([]);
  });

  it.each([
    [{ added: ["A01", "A02"], dropped: [] }, "甲镇使用 2026.1 版报表，按指标代码汇总；本版新增，未填报：A01、A02。"],
    [{ added: [], dropped: ["Z98", "Z99"] }, "甲镇使用 2026.1 版报表，按指标代码汇总；本版已取消，未计入：Z98、Z99。"],
    [{ added: ["A01"], dropped: ["Z99"] }, "甲镇使用 2026.1 版报表，按指标代码汇总；本版新增，未填报：A01；本版已取消，未计入：Z99。"],
  ])("a version note in words: %j", (lists, text) => {
    expect(versionNoteText({ unit: "甲镇", unitCode: T1, version: "2026.1", ...lists })).toBe(text);
  });
});

describe("each report sheet's page: panes, print setup, footer, column widths", () => {
  const page = { paperSize: 9, firstPageNumber: 1, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  it.each([
    ["汇总", { state: "frozen", xSplit: 3, ySplit: 4 }, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, scale: 100, printTitlesRow: "1:4", horizontalCentered: true }, [6, 8, 28, 7, 14, 14, 14, 10, 14, 9, 9, 25, 20]],
    ["分单位明细", { state: "frozen", xSplit: 2, ySplit: 4 }, { orientation: "landscape", fitToPage: false, scale: 66, printTitlesRow: "3:4", printTitlesColumn: "A:D", horizontalCentered: true }, [5, 12, 13, 7, ...Array<number>(INDICATORS.length * 3).fill(11)]],
    ["排名", { state: "normal" }, { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, scale: 100, horizontalCentered: true }, [6, 20, 14, 10, 10, 25]],
    ["报送情况", { state: "frozen", xSplit: 2, ySplit: 3 }, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3", horizontalCentered: true }, [5, 12, 13, 13, 16, 6, 8, 13, 10, 11, 6, 16, 16, 22]],
    ["校验问题", { state: "frozen", xSplit: 0, ySplit: 3 }, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3", horizontalCentered: true }, [5, 12, 13, 20, 9, 58, 7, 36]],
    ["文字材料汇编", { state: "normal" }, { orientation: "portrait", fitToPage: false, scale: 100 }, [72]],
  ] as const)("%s", async (name, view, setup, widths) => {
    const ws = (await built()).getWorksheet(name)!;
    expect(ws.views).toHaveLength(1);
    expect(ws.views[0]).toMatchObject({ ...view, showGridLines: false });
    expect(ws.pageSetup).toMatchObject({ ...page, ...setup });
    expect(ws.headerFooter).toMatchObject({ oddFooter: "&L&A&C第&P页 共&N页" });
    expect(ws.columns.map((c) => c.width)).toEqual(widths);
    expect(ws.getCell("A1").font).toMatchObject({ size: name === "文字材料汇编" ? 14 : 16, bold: true });
  });

  it("文字材料汇编 is not centred on the page (one column as wide as the page)", async () => {
    const ws = (await built()).getWorksheet("文字材料汇编")!;
    expect(ws.pageSetup.horizontalCentered ?? false).toBe(false);
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  });

  it("headers are bold on the header fill, a merged title spans the table", async () => {
    const wb = await built();
    for (const [name, cells, last] of [["汇总", ["A4", "M4"], "M"], ["分单位明细", ["A3", "A4", "D4", "E3", "F3", "G3", "G4"], "P"], ["排名", ["A3", "F3", "A4", "F4"], "F"], ["报送情况", ["A3", "N3"], "N"], ["校验问题", ["A3", "H3"], "H"]] as const) {
      const ws = wb.getWorksheet(name)!;
      for (const a of cells) {
        expect(ws.getCell(a).font, `${name}!${a}`).toMatchObject({ bold: true, size: 10 });
        expect(ws.getCell(a).fill, `${name}!${a}`).toMatchObject({ type: "pattern", pattern: "solid" });
      }
      expect(ws.getCell(`${last}1`).master.address, name).toBe("A1");
      expect(ws.getCell(`${last}2`).master.address, name).toBe("A2");
    }
  });

  it("排名: a data bar on each block's figures, red below 0 and a colour scale on its growth", async () => {
    const ws = (await built()).getWorksheet("排名")!;
    const cf = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = cf.flatMap((x) => x.rules.map((r) => [x.ref, r.type, r.priority]));
    expect(rules.slice(0, 6)).toEqual([
      ["C5:C7", "dataBar", 10],
      ["D5:D7", "cellIs", 30],
      ["D5:D7", "colorScale", 50],
      ["C11:C13", "dataBar", 11],
      ["D11:D13", "cellIs", 31],
      ["D11:D13", "colorScale", 51],
    ]);
    expect(rules).toHaveLength(27);
  });
});
